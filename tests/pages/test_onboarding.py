"""AppTest of the Onboarding page ("Getting started"): the five-step interview after the first
login, its checks, resuming part-way, Back, finishing, and the router that sends new learners there."""

from __future__ import annotations

import pytest
from clicks import button, click
from factories import REPO, answer_interview, interview_answers
from interview_widgets import fill, read
from streamlit.testing.v1 import AppTest

from engine.profile import STEP_TITLES, STEPS

APP = str(REPO / "app.py")
PREFIX = "onboarding"


def open_app(user) -> AppTest:
    """A browser session of ``user``, already logged in."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    at.run()
    assert not at.exception, at.exception
    return at


def titles(at: AppTest) -> list[str]:
    return [t.value for t in at.title]


def progress(at: AppTest) -> str:
    [bar] = at.progress
    return bar.proto.text




def on_step(at: AppTest, number: int) -> None:
    step = STEPS[number - 1]
    assert titles(at) == ["Getting started"]
    assert progress(at) == f"Step {number} of 5 · {STEP_TITLES[step]}"
    assert [s.value for s in at.subheader] == [STEP_TITLES[step]]


@pytest.fixture
def answers(wb) -> dict[str, dict]:
    return interview_answers(wb.skill_groups(), level="comfortable", minutes=40)


# -- the router ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("who", "title", "pages"),
    [
        pytest.param("newcomer", "Getting started", [], id="new-learner-gets-the-interview-only"),
        pytest.param("learner", "Practice", ["pages/history.py", "pages/profile.py"], id="onboarded-learner"),
        pytest.param("educator", "Cohorts", ["pages/profile.py", "pages/system.py"], id="educator-skips-it"),
    ],
)
def test_the_router_sends_learners_without_a_profile_to_the_interview(request, wb, who, title, pages):
    if who == "educator":
        user = wb.register("tutor", "tutor@example.org", "Tim Tutor", "password123", role="educator")
    else:
        user = request.getfixturevalue(who)
    assert titles(open_app(user)) == [title]
    for page in pages:
        assert not open_app(user).switch_page(page).run().exception
    if not pages:
        for page in ("pages/practice.py", "pages/history.py", "pages/profile.py"):
            with pytest.raises(ValueError, match="Could not find a navigation page"):
                open_app(user).switch_page(page)


# -- the steps -------------------------------------------------------------------------------------


def test_walking_through_all_five_steps(wb, newcomer, answers):
    at = open_app(newcomer)
    assert button(at, "Back").disabled, "nothing before the first step"
    assert [c.label for c in at.checkbox] == ["Python", "JavaScript (coming soon)", "SQL (coming soon)",
                                              "Rust (coming soon)"]
    assert [c.disabled for c in at.checkbox] == [False, True, True, True]
    for number, step in enumerate(STEPS, 1):
        on_step(at, number)
        fill(at, PREFIX, step, answers[step])
        click(at, "Finish" if step == "time" else "Next")
        assert not at.error, [e.value for e in at.error]
        assert wb.profile(newcomer.id).steps_done == number

    profile = wb.profile(newcomer.id)
    assert profile.completed
    assert profile.answers() == {key: value for step in STEPS for key, value in answers[step].items()}
    # finishing opens Practice, with a welcome, and the whole navigation
    assert titles(at) == ["Practice"]
    assert [t.value for t in at.toast] == ["Your profile is saved. Here is today's set, chosen for you."]
    assert len(at.get("balloons")) == 1
    assert progress(at) == "0 of 5 solved today", "40 minutes a day: 5 exercises"
    assert not at.switch_page("pages/profile.py").run().exception


@pytest.mark.parametrize(
    ("step", "entered", "message"),
    [
        pytest.param("languages", {"languages": []}, "Choose at least one language.", id="no-language"),
        pytest.param("levels", {"levels": {"basics": "beginner", "functions": "new"}},
                     "Rate yourself on every area; not rated yet: “Classes, iterators and generators” and "
                     "“Sorting, searching and algorithms”.", id="areas-not-rated"),
        pytest.param("goals", {"goals": [], "goal_note": "   "},
                     "Choose at least one goal, or describe yours in your own words.", id="no-goal-and-no-note"),
        pytest.param("goals", {"goals": ["fun"], "goal_note": "x" * 501},
                     "Please keep your own words to 500 characters at most (now 501).", id="note-too-long"),
        pytest.param("style", {"style": None}, "Choose how you like to learn.", id="no-style"),
        pytest.param("time", {"minutes_per_day": 300}, "Minutes per day must be from 5 to 240.", id="too-many-minutes"),
        pytest.param("time", {"minutes_per_day": 0}, "Minutes per day must be from 5 to 240.", id="no-minutes"),
    ],
)
def test_each_step_says_what_to_fix_and_keeps_what_was_entered(wb, newcomer, step, entered, message):
    number = STEPS.index(step) + 1
    answer_interview(wb, newcomer.id, steps=number - 1)
    at = open_app(newcomer)
    on_step(at, number)
    fill(at, PREFIX, step, entered)
    click(at, "Finish" if step == "time" else "Next")
    assert [e.value for e in at.error] == [message]
    on_step(at, number)
    assert read(at, PREFIX, step) == entered, "what the learner entered is still there"
    assert wb.profile(newcomer.id).steps_done == number - 1, "nothing was saved"


@pytest.mark.parametrize(
    ("minutes", "line"),
    [
        pytest.param(5, "About 1 exercise a day, at about 8 minutes each.", id="least"),
        pytest.param(40, "About 5 exercises a day, at about 8 minutes each.", id="forty"),
        pytest.param(240, "About 12 exercises a day, at about 8 minutes each.", id="most"),
        pytest.param(241, "Choose from 5 to 240 minutes.", id="out-of-range"),
    ],
)
def test_the_minutes_say_how_many_exercises_they_buy(wb, newcomer, minutes, line):
    answer_interview(wb, newcomer.id, steps=4)
    at = open_app(newcomer)
    assert [c.value for c in at.caption] == ["About 4 exercises a day, at about 8 minutes each."], "30 by default"
    at.number_input(key="onboarding:minutes").set_value(minutes).run()
    assert [c.value for c in at.caption] == [line]


# -- leaving, resuming, going back -----------------------------------------------------------------


def test_a_learner_who_leaves_resumes_on_the_first_unanswered_step(wb, newcomer, answers):
    at = open_app(newcomer)
    for step in STEPS[:2]:
        fill(at, PREFIX, step, answers[step])
        click(at, "Next")
    on_step(at, 3)

    again = open_app(newcomer)  # a new session: another day, another browser
    on_step(again, 3)
    assert read(again, PREFIX, "goals") == {"goals": [], "goal_note": ""}
    profile = wb.profile(newcomer.id)
    assert (profile.languages, dict(profile.levels)) == (("python",), answers["levels"]["levels"])
    click(again, "Back")
    on_step(again, 2)
    assert read(again, PREFIX, "levels") == answers["levels"], "the saved answers are shown"


def test_back_keeps_the_answers_of_both_steps(wb, newcomer, answers):
    answer_interview(wb, newcomer.id, steps=2, level="comfortable")
    at = open_app(newcomer)
    on_step(at, 3)
    fill(at, PREFIX, "goals", answers["goals"])
    click(at, "Back")
    on_step(at, 2)
    assert read(at, PREFIX, "levels") == answers["levels"]
    assert wb.profile(newcomer.id).steps_done == 2, "Back saves nothing"
    click(at, "Next")
    on_step(at, 3)
    assert read(at, PREFIX, "goals") == answers["goals"], "what was entered before going back"


def test_a_completed_step_can_be_changed_on_the_way_back(wb, newcomer, answers):
    answer_interview(wb, newcomer.id, steps=3)
    at = open_app(newcomer)
    on_step(at, 4)
    click(at, "Back")
    fill(at, PREFIX, "goals", {"goals": ["data", "web"], "goal_note": ""})
    click(at, "Next")
    on_step(at, 4)
    profile = wb.profile(newcomer.id)
    assert (profile.goals, profile.goal_note, profile.steps_done) == (("data", "web"), "", 3)
