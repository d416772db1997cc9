"""AppTest of the Cohorts page: create a cohort, its join code, the dashboard, the drill-down, CSV."""

from __future__ import annotations

import io
import json
import random
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest
from factories import REPO, answer_interview
from sessions import open_page as open_session
from streamlit.testing.v1 import AppTest

from engine import cohort_charts
from engine.cohorts import MAX_NAME
from ui.markdown import literal

APP = str(REPO / "app.py")
PAGE = "pages/cohorts.py"


MARKUP = "**Bold** <b>x</b> :red[red] $x^2$"  # a name as someone might type it, to be shown as typed


def educator_of(wb, username="tess"):
    return wb.register(username, f"{username}@example.org", username.title() + " Teacher", "password123",
                       role="educator")


def cohort_choice(at: AppTest):
    """The box choosing the cohort (its key changes with its labels)."""
    [box] = [s for s in at.selectbox if s.label == "Cohort"]
    return box


def open_page(user) -> AppTest:
    return open_session(user, PAGE)


@pytest.fixture
def class_of_four(wb):
    """An educator's cohort of four learners with three weeks of results; one stopped ten days ago."""
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    rng = random.Random(3)
    exercises = [e.id for e in wb.exercises()][:8]
    now = datetime.now(UTC)
    learners = []
    for i, name in enumerate(["ada", "bob", "cyd", "dee"]):
        learner = wb.register(name, f"{name}@example.org", name.title() + " Learner", "password123")
        answer_interview(wb, learner.id)
        wb.join_cohort(learner.id, cohort.join_code)
        last_day = 10 if name == "dee" else 0
        for day in range(21, last_day - 1, -1):
            wb.record_result(learner.id, rng.choice(exercises), rng.random() < 0.5 + 0.1 * i,
                             hints_used=rng.randint(0, 2), duration_s=rng.uniform(60, 600),
                             at=now - timedelta(days=day, hours=1))
        learners.append(learner)
    return tess, cohort, learners


def test_an_educator_creates_a_cohort_and_sees_its_code(wb):
    tess = educator_of(wb)
    at = open_page(tess)
    assert [t.value for t in at.title] == ["Cohorts"]
    assert "Create a cohort" in at.info[0].value
    at.text_input[0].input("Evening group")
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert not at.exception, at.exception
    (cohort,) = wb.cohorts(tess.id)
    assert cohort.name == "Evening group"
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Join code"] == cohort.display_code
    assert any(cohort.display_code in i.value for i in at.info), "no learners yet: the code to hand out"
    assert at.text_input(key="new_cohort_name").value == "", "ready for the next one"
    assert [s.value for s in at.success] == [
        f"Created **Evening group**. Its join code is **{cohort.display_code}**: give it to your learners."]
    assert at.text_input(key="new_cohort_name").max_chars == MAX_NAME, "no longer than the engine takes"


def test_a_refused_name_stays_to_be_mended(wb):
    tess = educator_of(wb)
    wb.create_cohort(tess.id, "Evening group")
    at = open_page(tess)
    at.text_input(key="new_cohort_name").input("Evening group")
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert at.error and at.text_input(key="new_cohort_name").value == "Evening group"


def test_a_bad_name_is_explained(wb):
    at = open_page(educator_of(wb))
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert [e.value for e in at.error] == [literal("Please give the cohort a name (up to 80 characters).")]


def test_new_code_replaces_the_old_one(wb, class_of_four):
    tess, cohort, _ = class_of_four
    at = open_page(tess)
    next(b for b in at.button if b.label == "New code").click().run()
    assert not at.exception, at.exception
    assert at.warning[0].value.startswith(f"Make a new join code? **{cohort.display_code}** stops working at once")
    at.button(key="code_confirm_cancel").click().run()
    assert wb.cohort(tess.id, cohort.id).join_code == cohort.join_code and not at.warning, "cancelled: the same code"
    next(b for b in at.button if b.label == "New code").click().run()
    at.button(key="code_confirm_yes").click().run()
    fresh = wb.cohort(tess.id, cohort.id)
    assert fresh.join_code != cohort.join_code
    assert {m.label: m.value for m in at.metric}["Join code"] == fresh.display_code
    assert "old one no longer works" in at.success[0].value


def test_the_dashboard_shows_the_cohort(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    metrics = {m.label: m.value for m in at.metric}
    assert metrics["Learners"] == "4"
    assert metrics["Active, last 7 days"] == "3", "the last 7 days, not the calendar week of the chart"
    assert int(metrics["At risk"]) >= 1
    assert [t.label for t in at.tabs] == ["Activity", "Learners", "At risk", "Items", "Mastery", "One learner"]
    risk = at.tabs[2].dataframe[0].value
    assert "Dee Learner" in list(risk["name"])
    dee = risk[risk["name"] == "Dee Learner"].iloc[0]
    assert dee["flags"].startswith("inactive") and "inactive for 10 days" in dee["reason"]
    people = at.tabs[1].dataframe[0].value
    assert sorted(people["username"]) == ["ada", "bob", "cyd", "dee"]
    assert list(people[people["username"] == "ada"]["attempts"]) == [22]
    items = at.tabs[3].dataframe[0].value
    assert items["attempts"].sum() == 22 * 3 + 12
    # every table has its CSV export
    labels = [b.label for b in at.download_button]
    assert labels == ["Daily activity (CSV)", "Weekly activity (CSV)", "Download CSV", "Download CSV",
                      "Download CSV", "Download CSV"]


def test_the_mastery_heatmap_has_a_row_per_learner_named_plainly(wb, class_of_four):
    tess, _, _ = class_of_four
    at = open_page(tess)
    (chart,) = at.tabs[4].get("vega_lite_chart")
    spec = json.loads(chart.proto.spec)
    assert spec["height"] == {"step": cohort_charts.HEATMAP_ROW}
    assert sorted(spec["encoding"]["y"]["sort"]) == ["Ada Learner", "Bob Learner", "Cyd Learner", "Dee Learner"], \
        "the learners' names, without user ids"


def test_a_cohort_of_one_is_counted_in_the_singular(wb):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Solo")
    ada = wb.register("ada", "ada@example.org", "Ada Learner", "password123")
    answer_interview(wb, ada.id)
    wb.join_cohort(ada.id, cohort.join_code)
    at = open_page(tess)
    assert not at.exception, at.exception
    assert cohort_choice(at).options == ["Solo · 1 learner"]


def test_the_drill_down_shows_one_learners_progress_read_only(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    assert not at.exception, at.exception
    tab = at.tabs[5]
    metrics = {m.label: m.value for m in tab.metric}
    assert metrics["Tries"] == "22" and metrics["Level"] == str(wb.level(learners[1].id).value)
    assert tab.dataframe[0].value.shape[0] == 22
    summaries = " ".join(m.value for m in tab.markdown)
    name = wb.user(learners[1].id).name
    assert f"{name} has practised " in summaries and "of their tries" in summaries and "You " not in summaries
    assert not [b for b in tab.button if b.label in ("Submit", "Easier", "Harder")], "read-only"
    assert {b.label for b in tab.download_button} == {"Mastery (CSV)", "Weekly (CSV)", "Exercises (CSV)",
                                                      "Attempts (CSV)"}
    tries = tab.dataframe[0]
    titles = {e.title for e in wb.exercises()}
    assert json.loads(tries.proto.columns)["title"]["label"] == "Exercise"
    assert list(tries.proto.column_order) == ["submitted_at", "title", "passed", "hints_used", "duration_s"]
    assert set(tries.value["title"]) <= titles, "titles, as on History, not ids"


def test_rates_show_as_whole_percents(wb, class_of_four):
    tess, cohort, _ = class_of_four
    at = open_page(tess)
    board = wb.cohort_dashboard(tess.id, cohort.id)
    people, items = at.tabs[1].dataframe[0], at.tabs[3].dataframe[-1]
    people_config, items_config = json.loads(people.proto.columns), json.loads(items.proto.columns)
    assert people_config["success_rate"]["type_config"]["format"] == "%.0f%%"
    assert items_config["pass_rate"]["type_config"]["format"] == "%.0f%%"
    assert list(people.value["success_rate"]) == pytest.approx(list(board.learners["success_rate"] * 100)), "0-100"
    assert list(items.value["pass_rate"]) == pytest.approx(list(board.items["pass_rate"] * 100))
    assert board.learners["success_rate"].max() <= 1, "the CSV keeps rates from 0 to 1"


def test_the_tables_fit_a_narrow_page_with_the_rest_a_click_away(wb, class_of_four):
    """A 1000 px window with the sidebar open leaves the tables about 540 px: the main columns show, the
    name pinned, the others hidden but in the table's column menu and the CSV."""
    tess, cohort, _ = class_of_four
    at = open_page(tess)
    people, items = at.tabs[1].dataframe[0], at.tabs[3].dataframe[-1]
    assert list(people.proto.column_order) == ["name", "last_at", "success_rate", "solved", "level", "next_skill_name"]
    assert {"username", "days_inactive", "attempts", "hints_per_attempt"} <= set(people.value.columns), "a click away"
    config = json.loads(people.proto.columns)
    assert config["name"]["pinned"] is True and isinstance(config["name"]["width"], int)
    assert config["next_skill_name"]["label"] == "Work on next"
    assert "Progress page" in config["next_skill_name"]["help"], "says what it means, and that the learner sees it"
    assert list(items.proto.column_order) == ["title", "authored_level", "calibrated_level", "pass_rate", "attempts"]
    assert json.loads(items.proto.columns)["title"]["pinned"] is True
    risk = at.tabs[2].dataframe[0]
    assert list(risk.proto.column_order) == ["name", "reason"]


def test_the_learners_table_names_the_skill_their_progress_page_names(wb, class_of_four):
    tess, _, learners = class_of_four
    at = open_page(tess)
    people = at.tabs[1].dataframe[0].value
    for learner in learners:
        named = wb.progress(learner.id).next_skill
        assert named is not None
        assert list(people[people["username"] == learner.username]["next_skill_name"]) == [named.name]
    assert "Outlined: each learner's skill to work on next" in " ".join(m.value for m in at.tabs[4].markdown)


def test_reasons_are_shown_in_full_wrapped(wb, class_of_four):
    """The why of a flagged exercise and of a learner at risk, each reason on a line, in rows tall enough."""
    tess, cohort, _ = class_of_four
    target = wb.cohort_dashboard(tess.id, cohort.id).items["exercise_id"][0]
    authored = wb.exercise(target).difficulty
    wb.store.execute("UPDATE exercise_ratings SET difficulty = ?, evidence = 40 WHERE exercise_id = ?",
                     [(authored + 3 - 5.5) * 0.6, target])
    at = open_page(tess)
    flagged, every = at.tabs[3].dataframe
    assert list(flagged.value["title"]) == [wb.exercise(target).title]
    assert flagged.value["why"][0].startswith("plays 3.0 levels harder than authored")
    assert flagged.proto.row_height > 64, "Streamlit wraps text only in rows taller than 4rem"
    assert every.value.shape[0] == wb.cohort_dashboard(tess.id, cohort.id).items.height


def test_names_people_typed_are_shown_literally(wb):
    """Cohort and learner names are user input: no bold, colour, HTML or LaTeX from them."""
    tess = educator_of(wb)
    at = open_page(tess)
    at.text_input(key="new_cohort_name").input(MARKUP)
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert [s.value for s in at.success][0].startswith(f"Created **{literal(MARKUP)}**.")
    at.text_input(key="new_cohort_name").input(MARKUP)
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert [e.value for e in at.error] == [literal(f"You already have a cohort called '{MARKUP}'.")]

    (cohort,) = wb.cohorts(tess.id)
    mallory = wb.register("mallory", "mallory@example.org", MARKUP, "password123")
    wb.join_cohort(mallory.id, cohort.join_code)
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(mallory.id).run()
    assert not at.exception, at.exception
    assert [i.value for i in at.tabs[5].info] == [f"{literal(MARKUP)} has not tried an exercise yet."]


def test_another_educator_sees_only_their_own_cohorts(wb, class_of_four):
    uma = educator_of(wb, "uma")
    wb.create_cohort(uma.id, "Autumn")
    at = open_page(uma)
    assert cohort_choice(at).options == ["Autumn · 0 learners"]
    assert "Spring ·" not in str(at) and "Ada Learner" not in str(at)


def test_learners_cannot_open_the_page(wb, class_of_four):
    _, _, learners = class_of_four
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = learners[0].id
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_csv_exports_read_back(wb, class_of_four):
    """The CSV the button offers is the table: what the dashboard frame holds."""
    tess, cohort, _ = class_of_four
    board = wb.cohort_dashboard(tess.id, cohort.id)
    for name, frame in board.tables().items():
        back = pl.read_csv(io.StringIO(frame.write_csv()))
        assert back.columns == frame.columns and back.height == frame.height, name


# -- renaming and deleting from the "Manage" popover -----------------------------------------------


def rename(at: AppTest, cohort_id: int, name: str) -> AppTest:
    at.text_input(key=f"rename_cohort:{cohort_id}").input(name)
    at.button(key="FormSubmitter:rename_cohort-Save").click().run()
    assert not at.exception, at.exception
    return at


def test_renaming_from_the_page_shows_the_new_name(wb):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = open_page(tess)
    assert at.text_input(key=f"rename_cohort:{cohort.id}").value == "Spring", "prefilled with the current name"
    rename(at, cohort.id, "  Spring   2026 ")
    assert wb.cohort(tess.id, cohort.id).name == "Spring 2026"
    assert cohort_choice(at).options == ["Spring 2026 · 0 learners"]
    assert [s.value for s in at.success] == ["Renamed **Spring** to **Spring 2026**."]
    assert at.text_input(key=f"rename_cohort:{cohort.id}").value == "Spring 2026", "as stored"
    assert {m.label: m.value for m in at.metric}["Join code"] == cohort.display_code, "the code stays"


def test_the_chosen_cohort_stays_chosen_when_its_label_changes(wb):
    tess = educator_of(wb)
    wb.create_cohort(tess.id, "Winter")
    spring = wb.create_cohort(tess.id, "Spring")  # neither the first nor the newest
    wb.create_cohort(tess.id, "Autumn")
    at = open_page(tess)
    cohort_choice(at).select(spring.id).run()
    learner = wb.register("lea", "lea@example.org", "Lea", "password123")
    wb.join_cohort(learner.id, spring.join_code)  # "Spring · 0 learners" becomes "Spring · 1 learner"
    at.run()
    assert cohort_choice(at).value == spring.id
    assert cohort_choice(at).options == ["Winter · 0 learners", "Spring · 1 learner", "Autumn · 0 learners"]


def test_a_refused_new_name_is_explained_and_kept_to_mend(wb):
    tess = educator_of(wb)
    wb.create_cohort(tess.id, MARKUP)
    autumn = wb.create_cohort(tess.id, "Autumn")  # the newest: the one selected
    at = rename(open_page(tess), autumn.id, MARKUP.upper())
    assert [e.value for e in at.error] == [literal(f"You already have a cohort called '{MARKUP.upper()}'.")]
    assert at.text_input(key=f"rename_cohort:{autumn.id}").value == MARKUP.upper()
    assert [c.name for c in wb.cohorts(tess.id)] == [MARKUP, "Autumn"] and not at.success
    rename(at, autumn.id, "   ")
    assert [e.value for e in at.error] == [literal("Please give the cohort a name (up to 80 characters).")]
    assert cohort_choice(at).value == autumn.id and wb.cohort(tess.id, autumn.id).name == "Autumn"


def test_deleting_asks_first_then_the_cohort_is_gone_and_the_learners_work_stays(wb, class_of_four):
    tess, spring, learners = class_of_four
    autumn = wb.create_cohort(tess.id, "Autumn")
    tries = wb.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ?", [learners[0].id])
    at = open_page(tess)
    cohort_choice(at).select(spring.id).run()
    at.button(key="delete_cohort").click().run()
    assert not at.exception, at.exception
    assert len(wb.cohorts(tess.id)) == 2, "nothing deleted before the confirmation"
    (warning,) = at.warning
    assert warning.value.startswith("Delete **Spring**? Its 4 learners leave the cohort")
    assert "their own work stays" in warning.value
    at.button(key="delete_cohort_cancel").click().run()
    assert not at.warning and len(wb.cohorts(tess.id)) == 2
    assert at.button(key="delete_cohort").label == "Delete cohort…", "asks again next time"

    at.button(key="delete_cohort").click().run()
    at.button(key="delete_cohort_confirm").click().run()
    assert not at.exception, at.exception
    assert [c.id for c in wb.cohorts(tess.id)] == [autumn.id]
    assert cohort_choice(at).options == ["Autumn · 0 learners"]
    assert [s.value for s in at.success] == [
        "Deleted **Spring**. Its 4 learners left the cohort; their own work stays."]
    assert "Ada Learner" not in str(at)
    assert wb.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ?", [learners[0].id]) == tries
    assert wb.memberships(learners[0].id) == []


def test_deleting_the_last_cohort_leaves_the_page_ready_for_a_new_one(wb):
    tess = educator_of(wb)
    solo = wb.create_cohort(tess.id, "Solo")
    at = open_page(tess)
    at.button(key="delete_cohort").click().run()
    assert at.warning[0].value == "Delete **Solo**? Its join code stops working. This cannot be undone."
    at.button(key="delete_cohort_confirm").click().run()
    assert not at.exception, at.exception
    assert wb.cohorts(tess.id) == [] and solo.id not in [c.id for c in wb.cohorts(tess.id)]
    assert [s.value for s in at.success] == ["Deleted **Solo**."]
    assert "Create a cohort" in at.info[0].value and not at.selectbox


# -- the learner's side: joining and leaving from the Profile page --------------------------------


def profile_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page("pages/profile.py").run()
    assert not at.exception, at.exception
    return at


def join_form(at: AppTest):
    return next(t for t in at.text_input if t.label == "Join code")


def test_a_learner_joins_from_the_profile_page_and_leaves(wb, learner):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = profile_page(learner)
    join_form(at).input(cohort.display_code.lower())
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert not at.exception, at.exception
    assert [c.id for c, _ in wb.memberships(learner.id)] == [cohort.id]
    assert any("You joined Spring." == s.value for s in at.success)
    assert any("**Spring**, with Tess Teacher" == m.value for m in at.markdown)
    at.button(key=f"leave:{cohort.id}").click().run()
    assert wb.memberships(learner.id) == []
    assert any("You left Spring." == s.value for s in at.success)


def test_the_learner_sees_the_cohort_name_literally(wb, learner):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, MARKUP)
    at = profile_page(learner)
    join_form(at).input(cohort.display_code)
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [f"You joined {literal(MARKUP)}."]
    assert f"**{literal(MARKUP)}**, with Tess Teacher" in [m.value for m in at.markdown]
    assert join_form(at).value == "", "emptied after a join"
    join_form(at).input(cohort.display_code)
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert [e.value for e in at.error] == [literal(f"You are already in {MARKUP}.")]


def test_a_wrong_code_on_the_profile_page_says_so(wb, learner):
    at = profile_page(learner)
    join_form(at).input("NOPE-NOPE")
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert any("No cohort has that code" in e.value for e in at.error)
    assert wb.memberships(learner.id) == []
    assert join_form(at).value == "NOPE-NOPE", "the mistyped code stays, to be corrected"


def test_an_educator_lands_on_cohorts_with_their_pages_first(wb):
    tess = educator_of(wb, "tess")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = tess.id
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Cohorts"]


# -- membership changes while the page is open --------------------------------------------------


def test_a_learner_who_leaves_is_gone_from_the_figures_and_the_selector_at_once(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    assert {m.label: m.value for m in at.metric}["Learners"] == "4"
    wb.leave_cohort(learners[1].id, cohort.id)
    at.run()  # within the minute the dashboard is cached for
    assert not at.exception, at.exception
    assert cohort_choice(at).options == ["Spring · 3 learners"]
    assert {m.label: m.value for m in at.metric}["Learners"] == "3", "the figures agree with the selector"
    assert learners[1].id not in at.selectbox(key="drill_learner").options
    assert "Bob Learner" not in str(at.tabs[1].dataframe[0].value)


def test_a_learner_picked_before_leaving_is_not_a_traceback(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    wb.leave_cohort(learners[1].id, cohort.id)
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="drill_learner").value is None


def test_a_learner_who_leaves_as_the_page_draws_is_explained(wb, class_of_four, monkeypatch):
    """The race the cache key cannot close: the learner leaves between the dashboard and the drill-down."""
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    read = wb.learner_progress_for

    def leave_first(actor_id, learner_id, *args, **kwargs):
        if wb.memberships(learner_id):
            wb.leave_cohort(learner_id, cohort.id)
        return read(actor_id, learner_id, *args, **kwargs)

    monkeypatch.setattr(wb, "learner_progress_for", leave_first)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    assert not at.exception, at.exception
    assert [w.value for w in at.tabs[5].warning] == [
        literal("Bob Learner (bob)") + " left this cohort, so their progress is no longer shown to you. "
        "Refresh to see the cohort as it is now."]
    assert not at.tabs[5].metric, "nothing of theirs is shown"


def place_of(node, type_: str, path: tuple[int, ...] = ()) -> tuple[int, ...] | None:
    """Where the first block of ``type_`` sits in the page: the indices down to it."""
    for index, child in getattr(node, "children", {}).items():
        if getattr(child, "type", None) == type_:
            return (*path, index)
        found = place_of(child, type_, (*path, index))
        if found:
            return found
    return None


def test_the_manage_popover_stays_in_place_when_a_message_comes_and_goes(wb):
    """A popover that moves in the page is closed by the browser: after a rename (whose message showed above
    it, then went), "Delete cohort…" closed the popover with its question unseen."""
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = open_page(tess)
    before = place_of(at.main, "popover")
    rename(at, cohort.id, "Spring 2026")
    assert at.success, "the rename is announced"
    assert place_of(at.main, "popover") == before
    at.button(key="delete_cohort").click().run()
    assert not at.success and at.warning[0].value.startswith("Delete **Spring 2026**?")
    assert place_of(at.main, "popover") == before


def test_the_activity_chart_fits_its_column(wb, class_of_four):
    """A fixed-width concatenation ran under the summary beside it at 1280 px: it fills its column instead."""
    tess, _, _ = class_of_four
    at = open_page(tess)
    activity = at.tabs[0].get("vega_lite_chart")[0]
    spec = json.loads(activity.proto.spec)
    # Streamlit sizes a concatenation with a layer to its own width, padded with its axes, unless told otherwise
    assert "vconcat" in spec and spec["autosize"] == {"type": "fit-x", "contains": "padding"}
