"""AppTest of the Onboarding page ("Getting started"): the five-step interview after the first
login, its checks, resuming part-way, Back, finishing, joining a cohort on the way, and the router
that sends new learners there."""

from __future__ import annotations

import pytest
from clicks import button, click
from factories import REPO, answer_interview, interview_answers
from interview_widgets import fill, read
from sessions import asks_before_leaving
from streamlit.testing.v1 import AppTest
from streamlit.testing.v1.element_tree import Block

from engine.profile import MAX_GOAL_NOTE, STEP_TITLES, STEPS
from ui.markdown import literal

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


def step_box(at: AppTest) -> Block:
    """The bordered box holding the step's questions."""
    [box] = [b for b in at.main.children.values() if isinstance(b, Block) and b.subheader]
    return box


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
        user = wb.register("tutor", "tutor@example.org", "Tim Tutor", "tidy-otter-93", role="educator")
    else:
        user = request.getfixturevalue(who)
    assert titles(open_app(user)) == [title]
    for page in pages:
        assert not open_app(user).switch_page(page).run().exception
    hidden = ["pages/onboarding.py"] if pages else ["pages/practice.py", "pages/history.py", "pages/profile.py"]
    for page in hidden:
        with pytest.raises(ValueError, match="Could not find a navigation page"):
            open_app(user).switch_page(page)


@pytest.mark.parametrize("page", ["cohorts", "data", "system"])
def test_a_learner_at_an_educator_s_address_is_told_whose_page_it_is(wb, learner, page):
    """Streamlit's "Page not found" dialog covered the page until closed with Escape, and Practice behind it
    opened an exercise: an address shared by an educator, opened by a learner."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = learner.id
    at.query_params["page"] = page  # what the page's address hands over to the app (ui/routing.py)
    at.run()
    assert not at.exception, at.exception
    assert titles(at) == ["For educators"]
    assert "This page is for educators" in at.info[0].value
    assert not wb.store.scalar("SELECT count(*) FROM events WHERE user_id = ? AND verb = 'viewed'", [learner.id])


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
    assert progress(at) == "Today's set: 0 of 5 solved", "40 minutes a day: 5 exercises"
    assert not at.switch_page("pages/profile.py").run().exception


def test_a_double_click_on_next_goes_one_step_and_asks_nothing_of_the_next(wb, newcomer, answers):
    """The second click of a double click lands on the next step's Next, drawn where the first was: it asked
    the learner to rate every area of a step they had not seen yet."""
    at = open_app(newcomer)
    fill(at, PREFIX, "languages", answers["languages"])
    click(at, "Next")
    click(at, "Next")  # at once, on the levels step, untouched
    assert not at.error, [e.value for e in at.error]
    on_step(at, 2)
    assert wb.profile(newcomer.id).steps_done == 1


def test_next_on_a_step_left_untouched_a_moment_says_what_to_answer(wb, newcomer, answers):
    at = open_app(newcomer)
    fill(at, PREFIX, "languages", answers["languages"])
    click(at, "Next")
    step, arrived = at.session_state["onboarding_arrived"]
    at.session_state["onboarding_arrived"] = (step, arrived - 1)  # a second later
    click(at, "Next")
    assert [e.value for e in at.error][0].startswith("Rate yourself on every area")
    on_step(at, 2)


def test_finishing_at_another_page_s_address_opens_practice(wb, newcomer, answers):
    """A bookmark of History shows the interview there; finishing it led to that page, an empty History, with
    no word of welcome."""
    answer_interview(wb, newcomer.id, steps=4)
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = newcomer.id
    at.query_params["page"] = "history"  # what a page's address hands over to the app (ui/routing.py)
    at.run()
    on_step(at, 5)
    fill(at, PREFIX, "time", answers["time"])
    click(at, "Finish")
    assert not at.exception, at.exception
    assert titles(at) == ["Practice"]
    assert [t.value for t in at.toast] == ["Your profile is saved. Here is today's set, chosen for you."]


@pytest.mark.parametrize(
    ("step", "entered", "message"),
    [
        pytest.param("languages", {"languages": []}, "Choose at least one language.", id="no-language"),
        pytest.param("levels", {"levels": {"basics": "beginner", "functions": "new"}},
                     "Rate yourself on every area; not rated yet: “Classes, iterators and generators” and "
                     "“Sorting, searching and algorithms”.", id="areas-not-rated"),
        pytest.param("goals", {"goals": [], "goal_note": "   "},
                     "Choose at least one goal, or describe yours in your own words.", id="no-goal-and-no-note"),
        pytest.param("style", {"style": None}, "Choose how you like to learn.", id="no-style"),
        pytest.param("time", {"minutes_per_day": 300}, "Minutes per day must be from 5 to 240.", id="too-many-minutes"),
        pytest.param("time", {"minutes_per_day": 0}, "Minutes per day must be from 5 to 240.", id="no-minutes"),
        # an emptied box stays empty, rather than snapping back to 30 as if that had been chosen
        pytest.param("time", {"minutes_per_day": None}, "Say how many minutes a day you want to practise, as a whole number.",
                     id="emptied"),
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


def test_a_goal_in_own_words_past_the_limit_is_kept_and_said_to_be_too_long(wb, newcomer):
    """The box sets no max_chars: with it, a browser ignores a paste past the limit, silently, and the
    text is gone. The text is kept, the page says at once how much too long it is, the engine refuses it
    until it fits (its check, tests/test_profile.py), and the limit itself is accepted."""
    answer_interview(wb, newcomer.id, steps=2)
    at = open_app(newcomer)
    on_step(at, 3)
    note = at.text_area(key=f"{PREFIX}:goal_note")
    assert not note.max_chars and MAX_GOAL_NOTE == 500
    at.button_group(key=f"{PREFIX}:goals").set_value(["fun"])
    note.input("x" * 600).run()
    assert at.text_area(key=f"{PREFIX}:goal_note").value == "x" * 600, "a long paste is not dropped"
    assert [w.value for w in step_box(at).warning] == [
        "Your goal is 600 characters long; the most is 500. Please shorten it by 100 characters: "
        "it stays here as you typed it."]
    click(at, "Next")
    assert [e.value for e in at.error] == ["Please keep your own words to 500 characters at most (now 600)."]
    on_step(at, 3)
    assert at.text_area(key=f"{PREFIX}:goal_note").value == "x" * 600 and wb.profile(newcomer.id).steps_done == 2
    at.text_area(key=f"{PREFIX}:goal_note").input("  " + "y" * 500 + "\n").run()
    assert not at.warning, "the outer spaces do not count, as for the engine"
    click(at, "Next")
    assert not at.error, [e.value for e in at.error]
    assert wb.profile(newcomer.id).goal_note == "y" * 500, "the limit itself is accepted"


HOSTILE_NAME = "<b>Ann</b> <img src=x onerror=alert(1)> **Lee** [x](javascript:alert(1)) :red[R]"


def test_the_learners_name_is_shown_as_typed_not_as_markdown(wb):
    """The welcome and the sidebar show the name literally: no bold, link or colour from what was typed."""
    user = wb.register("ann", "ann@example.org", HOSTILE_NAME, "correct horse")
    at = open_app(user)
    assert user.name == HOSTILE_NAME
    [welcome] = [m.value for m in at.main.markdown if m.value.startswith("Welcome, ")]
    assert welcome.startswith(f"Welcome, {literal(HOSTILE_NAME)}! A few questions")
    assert "**Lee**" not in welcome and ":red[" not in welcome and "](" not in welcome
    assert [m.value for m in at.sidebar.markdown] == [f"**{literal(HOSTILE_NAME)}** · learner"]


@pytest.mark.parametrize(
    ("minutes", "line"),
    [
        pytest.param(5, "About 1 exercise a day, at about 8 minutes each.", id="least"),
        pytest.param(40, "About 5 exercises a day, at about 8 minutes each.", id="forty"),
        pytest.param(96, "About 12 exercises a day, at about 8 minutes each.", id="most"),
        pytest.param(240, "12 exercises a day, the most a day's set holds (about 96 minutes); One more exercise on "
                          "Practice adds to it.", id="beyond-the-most"),
        pytest.param(241, "Choose from 5 to 240 minutes.", id="out-of-range"),
    ],
)
def test_the_minutes_say_how_many_exercises_they_buy(wb, newcomer, minutes, line):
    answer_interview(wb, newcomer.id, steps=4)
    at = open_app(newcomer)
    assert [c.value for c in step_box(at).caption] == ["About 4 exercises a day, at about 8 minutes each."], "30 by default"
    at.number_input(key="onboarding:minutes").set_value(minutes).run()
    assert [c.value for c in step_box(at).caption] == [line]


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


@pytest.mark.parametrize("step", STEPS)
def test_a_reload_asks_first_while_a_step_holds_answers_not_saved(wb, newcomer, answers, step):
    """What a step holds lives in the browser session until Next saves it: a reload or leaving the app
    would lose it, so the browser asks first, as on the Profile; untouched, or once saved, it does not."""
    answer_interview(wb, newcomer.id, steps=STEPS.index(step))
    at = open_app(newcomer)
    on_step(at, STEPS.index(step) + 1)
    assert not asks_before_leaving(at), "nothing entered yet"
    fill(at, PREFIX, step, answers[step]).run()
    assert asks_before_leaving(at)
    click(at, "Finish" if step == STEPS[-1] else "Next")
    assert not asks_before_leaving(at), "saved"


def test_log_out_asks_first_while_a_step_holds_answers_not_saved(wb, newcomer, answers):
    """A goal typed and not saved was lost without a word by Log out, where a reload asks first."""
    answer_interview(wb, newcomer.id, steps=2)
    at = open_app(newcomer)
    fill(at, PREFIX, "goals", answers["goals"]).run()
    at.sidebar.button[0].click().run()  # Log out
    assert at.session_state["user_id"] == newcomer.id, "not yet"
    assert [w.value for w in at.sidebar.warning] == ["Your answers not saved yet will be lost."]
    at.sidebar.button(key="logout_stay").click().run()
    on_step(at, 3)
    assert read(at, PREFIX, "goals") == answers["goals"], "stayed: the answers are there"
    click(at, "Next")
    at.sidebar.button[0].click().run()  # saved now: no question
    assert at.session_state.get("user_id") is None and titles(at) == ["Workbench"]


def test_log_out_anyway_ends_the_session(wb, newcomer, answers):
    answer_interview(wb, newcomer.id, steps=2)
    at = open_app(newcomer)
    fill(at, PREFIX, "goals", answers["goals"]).run()
    at.sidebar.button[0].click().run()
    at.sidebar.button(key="logout_anyway").click().run()
    assert at.session_state.get("user_id") is None and titles(at) == ["Workbench"]


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


# -- joining a cohort on the way -------------------------------------------------------------------

NO_SUCH_CODE = "No cohort has that code. Check it with your educator (codes look like ABCD-EFGH)."
NO_CODE = "Type the join code your educator gave you (it looks like ABCD-EFGH)."


@pytest.fixture
def tess(wb):
    return wb.register("tess", "tess@example.org", "Tess Teacher", "tidy-otter-93", role="educator")


def join(at: AppTest, code: str) -> AppTest:
    """Type ``code`` in the join form and press Join; the step's widgets go with the run as they are."""
    [box] = [t for t in at.text_input if t.label == "Join code"]
    box.input(code)
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert not at.exception, at.exception
    return at


def join_box(at: AppTest) -> Block:
    [box] = at.expander
    assert box.label == "Have a join code from your educator?"
    return box


@pytest.mark.parametrize("number", [pytest.param(n, id=f"step-{n}-{step}") for n, step in enumerate(STEPS, 1)])
def test_joining_at_any_step_keeps_the_answers_in_progress(wb, newcomer, tess, answers, number):
    spring = wb.create_cohort(tess.id, "Spring")
    step = STEPS[number - 1]
    answer_interview(wb, newcomer.id, steps=number - 1, level="comfortable", minutes=40)
    at = open_app(newcomer)
    assert not join_box(at).proto.expanded, "closed until the learner needs it"
    fill(at, PREFIX, step, answers[step])  # entered, not saved yet
    join(at, spring.display_code.lower())

    assert [c.id for c, _ in wb.memberships(newcomer.id)] == [spring.id]
    assert [s.value for s in at.success] == ["You joined Spring."], "as on the Profile page"
    assert [m.value for m in join_box(at).markdown] == ["You are in **Spring**, with Tess Teacher: they will see your practice."]
    on_step(at, number)
    assert read(at, PREFIX, step) == answers[step], "what was entered on the step is still there"
    assert wb.profile(newcomer.id).steps_done == number - 1, "joining saves no answer"

    for later in STEPS[number - 1:]:
        if later != step:
            fill(at, PREFIX, later, answers[later])
        click(at, "Finish" if later == "time" else "Next")
        assert not at.error, [e.value for e in at.error]
    assert titles(at) == ["Practice"]
    profile = wb.profile(newcomer.id)
    assert profile.completed
    assert profile.answers() == {key: value for step in STEPS for key, value in answers[step].items()}


def test_a_learner_joins_first_thing_then_another_cohort_later(wb, newcomer, tess, answers):
    spring, evening = wb.create_cohort(tess.id, "Spring"), wb.create_cohort(tess.id, "Evening")
    at = open_app(newcomer)
    join(at, spring.display_code)  # before answering anything
    assert [s.value for s in at.success] == ["You joined Spring."]
    on_step(at, 1)
    for step in STEPS[:2]:
        fill(at, PREFIX, step, answers[step])
        click(at, "Next")
    assert not at.success, "said once"
    fill(at, PREFIX, "goals", answers["goals"])
    join(at, evening.display_code)
    assert [s.value for s in at.success] == ["You joined Evening."]
    on_step(at, 3)
    assert read(at, PREFIX, "goals") == answers["goals"]

    again = open_app(newcomer)  # another day: the box is open on the cohorts joined
    assert join_box(again).proto.expanded
    assert [m.value for m in join_box(again).markdown] == [
        "You are in **Spring**, with Tess Teacher: they will see your practice.",
        "You are in **Evening**, with Tess Teacher: they will see your practice."]
    assert not join_box(again).caption, "no call to join once in a cohort"


@pytest.mark.parametrize(
    ("code", "message"),
    [
        pytest.param("NOPE-NOPE", NO_SUCH_CODE, id="no-such-code"),
        pytest.param("   ", NO_CODE, id="blank"),
        pytest.param("spring", "You are already in Spring.", id="already-in-it"),
    ],
)
def test_a_bad_code_says_what_the_profile_page_says_and_keeps_the_answers(wb, newcomer, learner, tess, answers,
                                                                          code, message):
    spring = wb.create_cohort(tess.id, "Spring")
    if code == "spring":
        code = spring.display_code
        for user in (newcomer, learner):
            wb.join_cohort(user.id, code)
    before = wb.memberships(newcomer.id)
    answer_interview(wb, newcomer.id, steps=2, level="comfortable", minutes=40)
    at = open_app(newcomer)
    fill(at, PREFIX, "goals", answers["goals"])
    join(at, code)
    assert [e.value for e in at.error] == [literal(message)]
    assert not at.success and wb.memberships(newcomer.id) == before
    on_step(at, 3)
    assert read(at, PREFIX, "goals") == answers["goals"]

    profile = open_app(learner).switch_page("pages/profile.py").run()
    assert [e.value for e in join(profile, code).error] == [e.value for e in at.error], "the same words on both pages"


def test_the_languages_step_says_in_words_which_are_coming(wb, newcomer):
    # a help icon beside a checkbox ticked the box when tapped on a phone, and showed nothing: the words are
    # under the boxes, and no box has one
    at = open_app(newcomer)
    assert "Exercises in JavaScript, SQL and Rust are being written; for now, choose Python." in [
        c.value for c in at.caption]
    assert not [box.label for box in at.checkbox if box.help]
