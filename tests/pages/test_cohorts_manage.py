"""AppTest of the Cohorts page: an educator creates, renames and deletes cohorts, and renews a join code.

The "Manage" side of the page: a new cohort and the join code to hand out, names refused and kept to be
mended, names shown exactly as typed, the chooser's labels, and the confirmations before a new code or a
delete (the learners' own work stays). A mistake here loses an educator's cohort or locks its learners out.
"""

from __future__ import annotations

from cohorts_page import MARKUP, cohort_choice, educator_of, open_page
from factories import answer_interview
from sessions import APP
from streamlit.testing.v1 import AppTest

from engine.cohorts import MAX_NAME
from ui.markdown import literal


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
    assert not at.text_input(key="new_cohort_name").max_chars, "a longer paste is not dropped by the browser"


def test_a_name_longer_than_the_engine_takes_is_refused_and_kept_to_shorten(wb):
    tess = educator_of(wb)
    at = open_page(tess)
    at.text_input(key="new_cohort_name").input("x" * (MAX_NAME + 1))
    at.button(key="FormSubmitter:create_cohort-Create").click().run()
    assert [e.value for e in at.error] == [literal(f"A cohort's name can have up to {MAX_NAME} characters; that one has "
                                                   f"{MAX_NAME + 1}.")]
    assert at.text_input(key="new_cohort_name").value == "x" * (MAX_NAME + 1) and not wb.cohorts(tess.id)


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
    mallory = wb.register("mallory", "mallory@example.org", MARKUP, "tidy-otter-93")
    wb.join_cohort(mallory.id, cohort.join_code)
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(mallory.id).run()
    assert not at.exception, at.exception
    assert [i.value for i in at.tabs[5].info] == [f"{literal(MARKUP)} has not tried an exercise yet."]


def test_a_cohort_of_one_is_counted_in_the_singular(wb):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Solo")
    ada = wb.register("ada", "ada@example.org", "Ada Learner", "tidy-otter-93")
    answer_interview(wb, ada.id)
    wb.join_cohort(ada.id, cohort.join_code)
    at = open_page(tess)
    assert not at.exception, at.exception
    assert cohort_choice(at).options == ["Solo · 1 learner"]


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


def test_a_new_code_asked_of_one_cohort_and_left_for_another_is_not_asked_again(wb, class_of_four):
    tess, spring, _ = class_of_four
    autumn = wb.create_cohort(tess.id, "Autumn")  # the newest: the one shown
    at = open_page(tess)
    next(b for b in at.button if b.label == "New code").click().run()
    assert at.warning and autumn.display_code in at.warning[0].value
    cohort_choice(at).select(spring.id).run()
    assert not at.warning, "the question was about another cohort"
    cohort_choice(at).select(autumn.id).run()
    assert not at.exception and not at.warning, "left unanswered: not asked again unasked"
    assert wb.cohort(tess.id, autumn.id).join_code == autumn.join_code


# -- renaming and deleting from the "Manage" popover -----------------------------------------------


def name_box(at: AppTest, cohort_id: int):
    """The Manage popover's rename box of the cohort (its key follows the name: ``cohort_manage.name_key``)."""
    [box] = [t for t in at.text_input if (t.key or "").startswith(f"rename_cohort:{cohort_id}:")]
    return box


def rename(at: AppTest, cohort_id: int, name: str) -> AppTest:
    name_box(at, cohort_id).input(name)
    at.button(key="FormSubmitter:rename_cohort-Save").click().run()
    assert not at.exception, at.exception
    return at


def test_renaming_from_the_page_shows_the_new_name(wb):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = open_page(tess)
    assert name_box(at, cohort.id).value == "Spring", "prefilled with the current name"
    rename(at, cohort.id, "  Spring   2026 ")
    assert wb.cohort(tess.id, cohort.id).name == "Spring 2026"
    assert cohort_choice(at).options == ["Spring 2026 · 0 learners"]
    assert [s.value for s in at.success] == ["Renamed **Spring** to **Spring 2026**."]
    assert name_box(at, cohort.id).value == "Spring 2026", "as stored"
    assert {m.label: m.value for m in at.metric}["Join code"] == cohort.display_code, "the code stays"


def test_the_rename_box_keeps_the_name_through_a_new_code(wb):
    """In a browser, the box prefilled through the session state showed empty after a click outside its form
    (New code); drawn with the name as its value, in a box of its own for each name, it keeps it."""
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = open_page(tess)
    next(b for b in at.button if b.label == "New code").click().run()
    at.button(key="code_confirm_yes").click().run()
    assert name_box(at, cohort.id).value == "Spring"
    assert name_box(at, cohort.id).proto.default == "Spring", "the name is the box's own value, not only the state's"


def test_the_chosen_cohort_stays_chosen_when_its_label_changes(wb):
    tess = educator_of(wb)
    wb.create_cohort(tess.id, "Winter")
    spring = wb.create_cohort(tess.id, "Spring")  # neither the first nor the newest
    wb.create_cohort(tess.id, "Autumn")
    at = open_page(tess)
    cohort_choice(at).select(spring.id).run()
    learner = wb.register("lea", "lea@example.org", "Lea", "tidy-otter-93")
    wb.join_cohort(learner.id, spring.join_code)  # "Spring · 0 learners" becomes "Spring · 1 learner"
    at.run()
    assert cohort_choice(at).value == spring.id
    assert cohort_choice(at).options == ["Winter · 0 learners", "Spring · 1 learner", "Autumn · 0 learners"]


def test_the_chosen_cohort_is_in_the_address_and_a_reload_opens_it(wb):
    """A reload or a bookmark opened the newest cohort, whichever the educator had been looking at."""
    tess = educator_of(wb)
    spring = wb.create_cohort(tess.id, "Spring")
    autumn = wb.create_cohort(tess.id, "Autumn")
    at = open_page(tess)
    assert at.query_params["cohort"] == str(autumn.id), "the newest, first"
    cohort_choice(at).select(spring.id).run()
    assert at.query_params["cohort"] == str(spring.id)

    other = educator_of(wb, "olga")
    theirs = wb.create_cohort(other.id, "Theirs")
    for asked, opened in [(spring.id, "Spring"), (theirs.id, "Autumn"), ("spring", "Autumn")]:
        reloaded = AppTest.from_file(APP, default_timeout=60)
        reloaded.session_state["user_id"] = tess.id
        reloaded.query_params["cohort"] = str(asked)
        reloaded.run()
        assert not reloaded.exception, reloaded.exception
        assert cohort_choice(reloaded).value == by_name(wb, tess, opened), f"?cohort={asked}"


def by_name(wb, educator, name: str) -> int:
    return next(c.id for c in wb.cohorts(educator.id) if c.name == name)


def test_a_refused_new_name_is_explained_and_kept_to_mend(wb):
    tess = educator_of(wb)
    wb.create_cohort(tess.id, MARKUP)
    autumn = wb.create_cohort(tess.id, "Autumn")  # the newest: the one selected
    at = rename(open_page(tess), autumn.id, MARKUP.upper())
    assert [e.value for e in at.error] == [literal(f"You already have a cohort called '{MARKUP.upper()}'.")]
    assert name_box(at, autumn.id).value == MARKUP.upper()
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


# -- removing a learner ----------------------------------------------------------------------------


def test_removing_a_learner_asks_first_then_they_are_gone_from_the_dashboard_and_their_work_stays(wb, class_of_four):
    """A stranger who joined with a leaked code stayed in after a new code: only they could leave."""
    tess, spring, learners = class_of_four
    dee = learners[3]
    tries = wb.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ?", [dee.id])
    at = open_page(tess)
    assert "Dee Learner" in at.tabs[1].dataframe[0].value["name"].to_list()
    choice = at.selectbox(key=f"remove_learner:{spring.id}")
    assert choice.options == ["Ada Learner (ada)", "Bob Learner (bob)", "Cyd Learner (cyd)", "Dee Learner (dee)"]
    assert at.button(key="remove_learner").disabled, "nobody chosen yet"
    choice.select(dee.id).run()
    at.button(key="remove_learner").click().run()
    assert not at.exception, at.exception
    assert wb.cohort(tess.id, spring.id).members == 4, "nobody removed before the confirmation"
    (warning,) = at.warning
    assert warning.value.startswith(f"Remove **{literal('Dee Learner (dee)')}** from **Spring**? They leave the cohort")
    assert "their own work stays theirs" in warning.value and "only with the cohort's current code" in warning.value
    at.button(key="remove_learner_cancel").click().run()
    assert not at.warning and wb.cohort(tess.id, spring.id).members == 4

    at.selectbox(key=f"remove_learner:{spring.id}").select(dee.id).run()
    at.button(key="remove_learner").click().run()
    at.button(key="remove_learner_confirm").click().run()
    assert not at.exception, at.exception
    assert [m.user.id for m in wb.cohort_members(tess.id, spring.id)] == [u.id for u in learners[:3]]
    assert [t.value for t in at.toast] == [f"Removed {literal('Dee Learner (dee)')} from Spring; their own work stays theirs."]
    assert cohort_choice(at).options == ["Spring · 3 learners"]
    assert "Dee Learner" not in at.tabs[1].dataframe[0].value["name"].to_list(), "gone from the dashboard at once"
    assert at.selectbox(key=f"remove_learner:{spring.id}").options == [
        "Ada Learner (ada)", "Bob Learner (bob)", "Cyd Learner (cyd)"]
    assert wb.store.scalar("SELECT count(*) FROM attempts WHERE user_id = ?", [dee.id]) == tries
    assert wb.memberships(dee.id) == []


def test_a_cohort_without_learners_offers_no_one_to_remove(wb):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Solo")
    at = open_page(tess)
    assert not [s for s in at.selectbox if s.key == f"remove_learner:{cohort.id}"]
