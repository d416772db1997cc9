"""The onboarding interview's answers (engine/profile.py): validation, order, completion, storage."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta, timezone
from typing import Any

import pytest
from factories import START, Clock, answer_interview, interview_answers

from engine.profile import STEP_TITLES, STEPS, Profile, ProfileError, Profiles, validate
from engine.store import Store
from engine.workbench import Workbench

GROUPS = {"basics": "Basics", "objects": "Objects"}


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    """The Workbench on the test's clock."""
    return make_wb(clock)


@pytest.mark.parametrize(
    ("step", "answers", "cleaned"),
    [
        ("languages", {"languages": ["python"]}, {"languages": ["python"]}),
        ("levels", {"levels": {"basics": "new", "objects": "confident"}},
         {"levels": {"basics": "new", "objects": "confident"}}),
        ("goals", {"goals": ["fun", "data"]}, {"goals": ["fun", "data"], "goal_note": ""}),
        ("goals", {"goal_note": "  Build a game.  "}, {"goals": [], "goal_note": "Build a game."}),
        ("goals", {"goals": ["web"], "goal_note": "x" * 500}, {"goals": ["web"], "goal_note": "x" * 500}),
        ("style", {"style": "theory"}, {"style": "theory"}),
        ("time", {"minutes_per_day": 30}, {"minutes_per_day": 30}),
        ("time", {"minutes_per_day": "45"}, {"minutes_per_day": 45}),
        ("time", {"minutes_per_day": 5}, {"minutes_per_day": 5}),
        ("time", {"minutes_per_day": 240}, {"minutes_per_day": 240}),
    ],
    ids=["python", "every-area-rated", "goals", "own-words-only", "own-words-at-the-limit", "style", "minutes",
         "minutes-as-text", "fewest-minutes", "most-minutes"],
)
def test_good_answers(step: str, answers: dict[str, Any], cleaned: dict[str, Any]) -> None:
    assert validate(step, answers, GROUPS) == cleaned


@pytest.mark.parametrize(
    ("step", "answers", "fragment"),
    [
        ("languages", {}, "at least one language"),
        ("languages", {"languages": []}, "at least one language"),
        ("languages", {"languages": ["cobol"]}, "Unknown language: cobol"),
        ("languages", {"languages": ["python", "rust"]}, "Rust is coming soon"),
        ("levels", {}, "not rated yet: “Basics” and “Objects”."),
        ("levels", {"levels": {"basics": "new"}}, "not rated yet: “Objects”."),
        ("levels", {"levels": {"basics": "expert", "objects": "new"}}, "for “Basics”: 'expert'; the levels are new,"),
        ("levels", {"levels": {"basics": "new", "objects": "new", "cooking": "new"}}, "Unknown area: cooking."),
        ("goals", {}, "at least one goal"),
        ("goals", {"goals": [], "goal_note": "   "}, "at least one goal"),
        ("goals", {"goals": ["money"]}, "Unknown goal: money"),
        ("goals", {"goal_note": "x" * 501}, "to 500 characters at most (now 501)"),
        ("style", {}, "how you like to learn"),
        ("style", {"style": "lectures"}, "how you like to learn"),
        ("time", {}, "whole number"),
        ("time", {"minutes_per_day": "half an hour"}, "whole number"),
        ("time", {"minutes_per_day": "30.5"}, "whole number"),
        ("time", {"minutes_per_day": 4}, "from 5 to 240"),
        ("time", {"minutes_per_day": 241}, "from 5 to 240"),
        ("time", {"minutes_per_day": -30}, "from 5 to 240"),
        ("hobbies", {}, "Unknown step 'hobbies'"),
    ],
    ids=["no-language", "empty-languages", "unknown-language", "coming-soon", "no-levels", "an-area-missing",
         "unknown-level", "unknown-area", "no-goal", "blank-own-words", "unknown-goal", "own-words-too-long",
         "no-style", "unknown-style", "no-minutes", "minutes-in-words", "minutes-with-a-fraction", "too-few-minutes",
         "too-many-minutes", "negative-minutes", "unknown-step"],
)
def test_bad_answers(step: str, answers: dict[str, Any], fragment: str) -> None:
    with pytest.raises(ProfileError, match=fragment.replace("(", r"\(").replace(")", r"\)")):
        validate(step, answers, GROUPS)


def test_a_profile_error_is_a_value_error() -> None:
    assert issubclass(ProfileError, ValueError)


# -- the interview through the Workbench ---------------------------------------------------------------


@pytest.mark.parametrize("answered", range(len(STEPS) - 1), ids=lambda k: f"after-{k}-steps")
def test_steps_are_answered_in_order(wb: Workbench, ada: int, answered: int) -> None:
    answer_interview(wb, ada, steps=answered)
    answers = interview_answers(wb.skill_groups())
    for ahead in STEPS[answered + 1:]:
        with pytest.raises(ProfileError, match=f'"{STEP_TITLES[STEPS[answered]]}" first'):
            wb.answer_onboarding(ada, ahead, answers[ahead])
    profile = wb.profile(ada)
    assert (profile.steps_done, profile.next_step) == (answered, STEPS[answered])


def test_the_interview_step_by_step(wb: Workbench, ada: int, clock: Clock) -> None:
    assert wb.profile(ada) == Profile()
    assert wb.profile(ada).next_step == STEPS[0]
    answers = interview_answers(wb.skill_groups(), minutes=20)
    for i, step in enumerate(STEPS):
        clock.advance(minutes=1)
        profile = wb.answer_onboarding(ada, step, answers[step])
        assert profile == wb.profile(ada)  # saved as it goes
        assert profile.steps_done == i + 1
        assert profile.next_step == (STEPS[i + 1] if i + 1 < len(STEPS) else None)
        assert profile.completed is (step == STEPS[-1])
    assert profile.completed_at == clock.now
    assert (profile.languages, profile.goals, profile.style, profile.minutes_per_day) == \
        (("python",), ("interviews",), "examples", 20)
    assert dict(profile.levels) == dict.fromkeys(wb.skill_groups(), "beginner")
    logged = wb.store.all("SELECT object FROM events WHERE user_id = ? AND verb = 'answered-onboarding' ORDER BY id",
                          [ada])
    assert [r[0] for r in logged] == list(STEPS)


def test_answering_again_keeps_the_progress_and_the_completion(wb: Workbench, ada: int, clock: Clock) -> None:
    completed_at = answer_interview(wb, ada).completed_at
    clock.advance(days=3)
    profile = wb.answer_onboarding(ada, "languages", {"languages": ["python"]})
    profile = wb.answer_onboarding(ada, "time", {"minutes_per_day": 60})
    assert (profile.steps_done, profile.completed_at, profile.minutes_per_day) == (len(STEPS), completed_at, 60)


def test_a_refused_answer_changes_nothing(wb: Workbench, ada: int) -> None:
    before = answer_interview(wb, ada, steps=4)
    with pytest.raises(ProfileError):
        wb.answer_onboarding(ada, "time", {"minutes_per_day": 1000})
    assert wb.profile(ada) == before and not before.completed


# -- the daily set's size and storage -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("minutes", "size"),
    [(None, None), (1, 1), (5, 1), (8, 1), (16, 2), (20, 3), (28, 4), (30, 4), (36, 5), (60, 8), (90, 11), (96, 12),
     (120, 12), (240, 12)],
    ids=lambda v: str(v),
)
def test_daily_set_size(minutes: int | None, size: int | None) -> None:
    assert Profile(minutes_per_day=minutes).daily_set_size == size


@pytest.mark.parametrize(
    "profile",
    [
        Profile(),
        Profile(languages=("python",), steps_done=1),
        Profile(languages=("python",), levels={"basics": "new", "objects": "confident"}, goals=("fun", "data"),
                goal_note="Games, mostly.", style="challenges", minutes_per_day=45, steps_done=5,
                completed_at=START.astimezone(timezone(timedelta(hours=9)))),
    ],
    ids=["empty", "part-way", "complete"],
)
def test_a_profile_round_trips_through_the_store(store: Store, profile: Profile) -> None:
    profiles = Profiles(store)
    assert profiles.get(7) == Profile()
    profiles.save(7, profile, START)
    again = profiles.get(7)
    assert again == profile
    assert again.completed_at is None or again.completed_at.utcoffset() == timedelta(0)
    assert profiles.get(8) == Profile()


@pytest.mark.parametrize(
    ("step", "answers", "message"),
    [
        ("levels", {"levels": ["beginner"]}, "each area"),
        ("languages", {"languages": "python"}, "from the list"),
        ("goals", {"goals": "fun"}, "from the list"),
        ("time", {"minutes_per_day": 30.7}, "whole number"),
        ("time", {"minutes_per_day": True}, "whole number"),
    ],
    ids=["levels-not-a-mapping", "languages-a-string", "goals-a-string", "minutes-fraction", "minutes-bool"],
)
def test_answers_of_the_wrong_shape_are_refused_clearly(step: str, answers: dict, message: str) -> None:
    with pytest.raises(ProfileError, match=message):
        validate(step, answers, {"basics": "Basics"})
