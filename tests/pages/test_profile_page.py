"""AppTest of the Profile page: the interview's answers, edited section by section, and the
level: what it is, how it moves, the learner's buttons to steer it, and its history."""

from __future__ import annotations

import re

import pytest
from clicks import click
from factories import REPO, interview_answers
from interview_widgets import fill, read
from sessions import asks_before_leaving
from streamlit.testing.v1 import AppTest

from engine.level import comfortable_level
from engine.profile import STEP_TITLES, STEPS

APP = str(REPO / "app.py")
PREFIX = "profile"
PINNED = "**Pinned** at level {}: it stays there until you go back to automatic. Easier and Harder move the pin."
RULE = ("**Automatic.** It goes up after 3 successes in a row on exercises at your level or above, and down after "
        "2 struggles in a row at your level or below (a struggle is a fail, 2 or more hints, or more than 2 times the "
        "expected time). Each exercise counts once a day, by its first try.")


def profile_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page("pages/profile.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Profile"]
    return at


def save(at: AppTest) -> AppTest:
    """Click Save changes, once the page has seen what was entered (in a browser every change reruns it)."""
    at.run()
    at.button(key="profile:save").click().run()
    assert not at.exception, at.exception
    return at



def level_shown(at: AppTest) -> str:
    return {m.label: m.value for m in at.metric}["Your level"]


CHANGE = re.compile(r"- \*\*\d{1,2} \w{3} \d{4}, \d\d:\d\d UTC\*\* · level (\d+) → (\d+) · (.+)")


def history(at: AppTest) -> list[list]:
    """The level's changes listed, newest first: [from, to, why] each."""
    lines = [line for m in at.markdown for line in m.value.splitlines()]
    return [[int(m[1]), int(m[2]), m[3]] for line in lines if (m := CHANGE.fullmatch(line))]


def test_every_section_shows_the_saved_answers(wb, learner):
    at = profile_page(learner)
    assert [s.value for s in at.subheader][:5] == [STEP_TITLES[step] for step in STEPS]
    saved = interview_answers(wb.skill_groups())
    for step in STEPS:
        assert read(at, PREFIX, step) == saved[step], step
    assert "About 4 exercises a day, at about 8 minutes each." in [c.value for c in at.caption]
    assert not at.info, "the profile is complete"


@pytest.mark.parametrize(
    ("step", "entered"),
    [
        pytest.param("levels", {"levels": {"basics": "confident", "algorithms": "new"}}, id="levels"),
        pytest.param("goals", {"goals": ["data", "fun"], "goal_note": ""}, id="goals"),
        pytest.param("goals", {"goals": [], "goal_note": "Automate my reports."}, id="goal-in-own-words"),
        pytest.param("style", {"style": "challenges"}, id="style"),
        pytest.param("time", {"minutes_per_day": 60}, id="minutes"),
    ],
)
def test_editing_a_section_saves_it_and_only_it(wb, learner, step, entered):
    before = wb.profile(learner.id).answers()
    at = profile_page(learner)
    at = fill(at, PREFIX, step, entered).run()
    assert f"Not saved yet: {STEP_TITLES[step]}." in [c.value for c in at.caption]
    save(at)
    [saved] = [s.value for s in at.success]
    if step == "levels":  # a new self-rating chooses again the exercises of today's set not begun, and says so
        assert saved.startswith(f"Saved: {STEP_TITLES[step]}. ") and saved.endswith(" chosen again to match.")
    else:
        assert saved == f"Saved: {STEP_TITLES[step]}."
    assert not [c for c in at.caption if c.value.startswith("Not saved yet")], "nothing left to save"
    expected = {**before, **entered}
    if step == "levels":  # the areas not touched keep their answers
        expected["levels"] = {**before["levels"], **entered["levels"]}
    assert wb.profile(learner.id).answers() == expected


def test_more_minutes_mean_a_bigger_daily_set(wb, learner):
    at = profile_page(learner)
    fill(at, PREFIX, "time", {"minutes_per_day": 60}).run()
    assert "About 8 exercises a day, at about 8 minutes each." in [c.value for c in at.caption], "said before saving"
    save(at)
    assert wb.profile(learner.id).daily_set_size == 8


@pytest.mark.parametrize(
    ("step", "entered", "message"),
    [
        pytest.param("languages", {"languages": []}, "Choose at least one language.", id="no-language"),
        pytest.param("goals", {"goals": [], "goal_note": ""},
                     "Choose at least one goal, or describe yours in your own words.", id="no-goal-and-no-note"),
        # pasted past the limit: kept in the box (a max_chars there made the browser ignore the paste, silently)
        pytest.param("goals", {"goals": ["fun"], "goal_note": "y" * 600},
                     "Please keep your own words to 500 characters at most (now 600).", id="goal-note-too-long"),
        pytest.param("time", {"minutes_per_day": 4}, "Minutes per day must be from 5 to 240.", id="too-few-minutes"),
        pytest.param("time", {"minutes_per_day": 500}, "Minutes per day must be from 5 to 240.", id="too-many-minutes"),
        # an emptied box stays empty, rather than snapping back to 30 as if that had been chosen
        pytest.param("time", {"minutes_per_day": None}, "Say how many minutes a day you want to practise, as a whole number.",
                     id="emptied"),
    ],
)
def test_a_bad_answer_is_explained_and_changes_nothing(wb, learner, step, entered, message):
    before = wb.profile(learner.id)
    at = profile_page(learner)
    save(fill(at, PREFIX, step, entered))
    assert [e.value for e in at.error] == [message, f"Not saved: {STEP_TITLES[step]} (see above)."]
    assert not at.success
    assert read(at, PREFIX, step) == entered, "what the learner entered is still there"
    assert wb.profile(learner.id) == before
    too_long = ["Your goal is 600 characters long; the most is 500. Please shorten it by 100 characters: "
                "it stays here as you typed it."]
    assert [w.value for w in at.warning] == (too_long if len(entered.get("goal_note", "")) > 500 else [])


def test_an_educator_without_a_profile_answers_the_sections_in_order(wb):
    educator = wb.register("tutor", "tutor@example.org", "Tim Tutor", "tidy-otter-93", role="educator")
    at = profile_page(educator)
    assert [i.value for i in at.info] == ["Educators need no profile. To practise yourself, answer every section, "
                                         "then save."]
    save(fill(at, PREFIX, "style", {"style": "theory"}))
    assert [e.value for e in at.error] == ["Choose at least one language.", "Not saved: Languages (see above)."]
    assert wb.profile(educator.id).steps_done == 0, "the sections after the one refused wait for it"
    for step, entered in interview_answers(wb.skill_groups()).items():
        fill(at, PREFIX, step, entered)
    save(at)
    assert [s.value for s in at.success] == ["Saved: " + ", ".join(STEP_TITLES[s] for s in STEPS) + "."]
    assert wb.profile(educator.id).completed and not at.info


def test_changes_in_two_sections_are_saved_together(wb, learner):
    at = profile_page(learner)
    fill(at, PREFIX, "style", {"style": "challenges"})
    fill(at, PREFIX, "time", {"minutes_per_day": 45})
    save(at)
    assert [s.value for s in at.success] == ["Saved: Learning style, Time per day."]
    profile = wb.profile(learner.id)
    assert (profile.style, profile.minutes_per_day) == ("challenges", 45)


def test_one_refused_section_does_not_stop_the_others(wb, learner):
    at = profile_page(learner)
    fill(at, PREFIX, "goals", {"goals": [], "goal_note": ""})
    fill(at, PREFIX, "time", {"minutes_per_day": 45})
    save(at)
    assert [s.value for s in at.success] == ["Saved: Time per day."]
    assert "Not saved: Goals (see above)." in [e.value for e in at.error]
    assert wb.profile(learner.id).minutes_per_day == 45 and wb.profile(learner.id).goals


# -- the level -------------------------------------------------------------------------------------


def test_the_level_and_its_rule_are_explained(wb, learner):
    at = profile_page(learner)
    value = wb.level(learner.id).value
    assert level_shown(at) == f"{value} of 10"
    assert RULE in [m.value for m in at.markdown]
    assert at.selectbox(key="pin_level").value == value
    assert [b.disabled for b in at.button if b.label == "Back to automatic"] == [True], "it is automatic already"
    assert history(at) == []
    assert "No changes yet: your level moves with your results, or when you steer it above." in [
        c.value for c in at.caption]


@pytest.mark.parametrize(
    ("clicks", "change", "pinned", "line", "reasons"),
    [
        pytest.param(["Easier"], -1, False, "You asked for exercises 1 level easier than your results suggest.",
                     ["you asked for easier"], id="easier"),
        pytest.param(["Harder"], +1, False, "You asked for exercises 1 level harder than your results suggest.",
                     ["you asked for harder"], id="harder"),
        pytest.param(["Harder", "Harder"], +2, False, "You asked for exercises 2 levels harder than your results suggest.",
                     ["you asked for harder", "you asked for harder"], id="harder-twice"),
        pytest.param(["Pin"], "7", True, PINNED.format(7), ["you pinned level 7"], id="pin"),
        pytest.param(["Pin", "Harder"], "8", True, PINNED.format(8), ["you asked for harder: pinned at level 8",
                                                                      "you pinned level 7"], id="pin-then-harder"),
        pytest.param(["Pin", "Harder", "Back to automatic"], 0, False, RULE,
                     ["back to automatic: level {}, where your results put you before the pin",
                      "you asked for harder: pinned at level 8", "you pinned level 7"], id="pin-then-automatic"),
        pytest.param(["Easier", "Back to automatic"], 0, False, RULE,
                     ["back to automatic: level {}, your level without the steering", "you asked for easier"],
                     id="easier-then-automatic"),
    ],
)
def test_the_level_buttons_steer_it_and_show_in_the_history(wb, learner, clicks, change, pinned, line, reasons):
    start = wb.level(learner.id).value
    at = profile_page(learner)
    at.selectbox(key="pin_level").select(7)
    for label in clicks:
        click(at, label)
    level = wb.level(learner.id)
    expected = {"7": 7, "8": 8}.get(change) or start + change
    reasons = [reason.format(expected) for reason in reasons]
    assert (level.value, level.pinned) == (expected, pinned)
    assert [c.reason for c in level.history] == reasons
    assert level_shown(at) == f"{expected} of 10"
    assert at.selectbox(key="pin_level").value == expected, "the number to pin follows the level"
    assert not at.warning and not at.exception
    assert line in [m.value for m in at.markdown]
    rows = history(at)
    assert [row[2] for row in rows] == reasons, "newest first"
    assert rows[0][1] == expected


def test_harder_chooses_again_todays_exercises_not_begun(wb, learner):
    planned = [i.pick.exercise.id for i in wb.todays_set(learner.id).items]
    wb.record_result(learner.id, planned[0], True)
    at = profile_page(learner)
    assert ("A change here chooses again the exercises of today's set you have not begun yet; those you began "
            "(wrote code or saw a hint), tried or skipped stay.") in [c.value for c in at.caption]
    click(at, "Harder")
    level = wb.level(learner.id).value
    [toast] = [t.value for t in at.toast]  # said: the set changes on Practice, out of sight
    assert toast.startswith(f"Level {level}: harder exercises from now on. ") and toast.endswith(
        " of today's set, not begun yet, were chosen again to match.")
    click(at, "Harder")
    now = [i.pick.exercise.id for i in wb.todays_set(learner.id).items]
    assert now[0] == planned[0] and set(now[1:]) != set(planned[1:]), "new exercises, not the same ones reordered"
    assert len(now) == len(planned)


@pytest.mark.parametrize("steer", ["harder", "self-rating"])
def test_the_exercise_open_on_practice_follows_the_set_chosen_again(wb, learner, steer):
    """Practice opened the set's first exercise by itself; steering from the Profile chose the set again
    without it (only opened, not begun): Practice now opens the one that took its place, not the one
    that left the set, which solved would not count."""
    at = profile_page(learner)
    at.switch_page("pages/practice.py").run()
    planned = [i.pick.exercise.id for i in wb.todays_set(learner.id).items]
    assert at.selectbox(key="exercise_id").value == planned[0]
    at.switch_page("pages/profile.py").run()
    if steer == "harder":
        click(at, "Harder")
        click(at, "Harder")
    else:
        fill(at, PREFIX, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")}).run()
        save(at)
        assert "of today's set, not begun yet, were chosen again to match." in at.success[0].value
    now = [i.pick.exercise.id for i in wb.todays_set(learner.id).items]
    assert now[0] != planned[0], "the first exercise was chosen again"
    at.switch_page("pages/practice.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="exercise_id").value == now[0]


@pytest.mark.parametrize(("pin", "disabled", "enabled"), [(1, "Easier", "Harder"), (10, "Harder", "Easier")])
def test_steering_past_the_end_of_the_scale_is_not_offered(wb, learner, pin, disabled, enabled):
    wb.steer_level(learner.id, "pin", level=pin)
    at = profile_page(learner)
    assert [b.disabled for b in at.button if b.label == disabled] == [True]
    assert [b.disabled for b in at.button if b.label == enabled] == [False]


def test_skill_estimates_are_listed_by_name(wb, learner):
    wb.record_result(learner.id, "python/digit-sum", passed=True)
    at = profile_page(learner)
    [frame] = [d.value for d in at.dataframe if "Skill" in d.value.columns]
    assert list(frame.columns) == ["Skill", "Level", "±", "Results"]
    estimates = wb.skill_estimates(learner.id)
    assert list(frame["Skill"]) == [wb.skill_name(s) for s in estimates]
    assert list(frame["Level"]) == [comfortable_level(e.ability) for e in estimates.values()], "levels, not logits"
    assert list(frame["±"]) == pytest.approx([e.sd / 0.6 for e in estimates.values()])
    assert frame["Results"].sum() == sum(e.evidence for e in estimates.values()) > 0


def test_save_takes_one_click_after_typing(wb, learner):
    """A box typed in and not left yet is read by the click's own run: the button is there to click before
    the page knows of the change (it was disabled until then, so the first click only left the box)."""
    at = profile_page(learner)
    assert at.button(key="profile:save").disabled is False
    fill(at, PREFIX, "time", {"minutes_per_day": 45})  # not run: the change and the click go together
    at.button(key="profile:save").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [f"Saved: {STEP_TITLES['time']}."]
    assert wb.profile(learner.id).answers()["minutes_per_day"] == 45
    at.button(key="profile:save").click().run()
    assert "Nothing to save: every answer is as saved." in [c.value for c in at.caption]
    assert not at.success


def test_a_new_self_rating_says_where_it_moved_the_level(wb, learner):
    before = wb.level(learner.id).value
    at = profile_page(learner)
    fill(at, PREFIX, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")}).run()
    save(at)
    after = wb.level(learner.id).value
    assert after > before
    [saved] = [s.value for s in at.success]
    assert saved.startswith(f"Saved: {STEP_TITLES['levels']}. Your level is now {after}, from your new self-rating. ")
    assert level_shown(at) == f"{after} of 10"
    assert history(at)[0][1:] == [after, "from your self-rating"]


def test_the_time_zone_is_chosen_from_the_known_ones_and_kept(wb, learner):
    at = profile_page(learner)
    zone = at.selectbox(key="profile:time_zone")
    assert zone.value == "UTC" and "Europe/Paris" in zone.options
    assert any("Not known yet: your days begin at midnight UTC" in c.value for c in at.caption)
    zone.select("Pacific/Auckland").run()
    assert not at.exception, at.exception
    assert wb.user(learner.id).time_zone == "Pacific/Auckland"
    assert [t.value for t in at.toast] == ["Time zone saved: Pacific/Auckland. Your days now begin at midnight there."]
    assert any(re.fullmatch(r"It is \d\d:\d\d on \w+day \d{1,2} \w{3} \d{4} there\.", c.value) for c in at.caption), \
        "the time there, and no longer unknown"
    assert wb.todays_set(learner.id).day == wb.local_now(learner.id).date()


def test_answers_not_saved_yet_outlive_a_visit_to_another_page(wb, learner):
    """Streamlit forgets a widget's value once a page without it has run: the Profile keeps what was
    entered and not saved, and shows it again, still named as not saved."""
    at = profile_page(learner)
    fill(at, PREFIX, "time", {"minutes_per_day": 50})
    fill(at, PREFIX, "goals", {"goals": ["data"], "goal_note": "Clean survey data"}).run()
    assert asks_before_leaving(at)
    at.switch_page("pages/practice.py").run()
    assert not at.exception, at.exception
    assert asks_before_leaving(at), "a reload on another page would lose them too"
    at.switch_page("pages/profile.py").run()
    assert not at.exception, at.exception
    assert read(at, PREFIX, "time") == {"minutes_per_day": 50}
    assert read(at, PREFIX, "goals") == {"goals": ["data"], "goal_note": "Clean survey data"}
    assert f"Not saved yet: {STEP_TITLES['goals']}, {STEP_TITLES['time']}." in [c.value for c in at.caption]
    assert wb.profile(learner.id).answers()["minutes_per_day"] != 50, "kept, not saved behind the learner's back"
    save(at)
    assert wb.profile(learner.id).answers()["minutes_per_day"] == 50
    at.switch_page("pages/practice.py").run()
    at.switch_page("pages/profile.py").run()
    assert not [c.value for c in at.caption if c.value.startswith("Not saved yet")], "saved: nothing left over"
    assert not asks_before_leaving(at)


def test_a_long_history_lists_the_latest_changes_and_keeps_the_rest_below(wb, learner):
    for _ in range(6):
        wb.steer_level(learner.id, "harder")
        wb.steer_level(learner.id, "easier")
    at = profile_page(learner)
    assert len(history(at)) == 12
    [earlier] = [e for e in at.expander if e.label.startswith("Earlier changes")]
    assert earlier.label == "Earlier changes (2)"
    below = [line for m in earlier.markdown for line in m.value.splitlines()]
    assert len(below) == 2 and all(CHANGE.fullmatch(line) for line in below), "the two oldest, below the ten latest"
    assert [row[2] for row in history(at)][:2] == ["you asked for easier", "you asked for harder"], "newest first"
