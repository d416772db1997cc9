"""The planner behind the daily set (engine/planner.py), through the Workbench on a set clock."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import timedelta

import pytest
from factories import START, Clock, answer_interview

from engine.bank import Exercise
from engine.planner import Pick
from engine.workbench import Workbench

EVERYTHING = 1000  # more than the bank holds: the whole candidate list
ROOTS = {"strings", "loops"}  # the curriculum's skills without prerequisites


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    """The Workbench on the test's clock."""
    return make_wb(clock)


def ids(picks: list[Pick]) -> list[str]:
    return [p.exercise.id for p in picks]


def with_history(wb: Workbench, user: int) -> None:
    """A few days of practice, the last result yesterday."""
    for i, (exercise, passed) in enumerate([("python/digit-sum", True), ("python/name-initials", True),
                                            ("python/running-totals", False), ("python/greet-with-default", True)]):
        wb.record_result(user, exercise, passed, at=START - timedelta(days=4 - i))


LEARNERS = {
    "new": lambda wb, user: None,
    "with-history": with_history,
    "interviewed": lambda wb, user: answer_interview(wb, user, level="comfortable"),
    "pinned": lambda wb, user: (with_history(wb, user), wb.steer_level(user, "pin", level=5)),
    "harder": lambda wb, user: (with_history(wb, user), wb.steer_level(user, "harder")),
    "after-a-gap": lambda wb, user: wb.record_result(user, "python/digit-sum", True, at=START - timedelta(days=20)),
}


# -- the shape of a set -----------------------------------------------------------------------------


@pytest.mark.parametrize("how", list(LEARNERS))
@pytest.mark.parametrize("n", [1, 3, 8, EVERYTHING], ids=lambda n: f"n={n}")
def test_no_exercise_twice_in_a_set(wb: Workbench, ada: int, how: str, n: int) -> None:
    LEARNERS[how](wb, ada)
    for repeat in (False, True):
        picks = wb.daily_set(ada, n, repeat=repeat)
        assert picks and len(picks) <= n
        assert len(set(ids(picks))) == len(picks)


@pytest.mark.parametrize("how", list(LEARNERS))
def test_every_pick_says_why_and_how_likely(wb: Workbench, ada: int, how: str) -> None:
    LEARNERS[how](wb, ada)
    for pick in wb.daily_set(ada, EVERYTHING):
        assert pick.reason.strip() and "\n" not in pick.reason
        assert 0 < pick.probability < 1
        assert pick.kind in ("review", "new", "practice", "again")


def test_new_skill_and_practice_reasons(wb: Workbench, ada: int) -> None:
    with_history(wb, ada)
    for pick in wb.daily_set(ada, EVERYTHING):
        skill = wb.skill_name(pick.exercise.skills[0]).lower()
        if pick.kind == "new":
            assert pick.reason.startswith(f"new skill: {skill}, ")
        elif pick.kind == "practice":
            assert re.fullmatch(rf"(practice|stretch|warm-up): {skill}, \d+% predicted success", pick.reason)


# -- what comes back --------------------------------------------------------------------------------


@pytest.mark.parametrize("passed", [True, False], ids=["passed", "failed"])
def test_nothing_seen_today_comes_back_unless_asked(wb: Workbench, ada: int, clock: Clock, passed: bool) -> None:
    first = ids(wb.daily_set(ada, 2))
    for exercise_id in first:
        wb.record_result(ada, exercise_id, passed, at=clock.now - timedelta(hours=1))
    assert not set(first) & set(ids(wb.daily_set(ada, EVERYTHING)))
    assert set(first) <= set(ids(wb.daily_set(ada, EVERYTHING, repeat=True)))


def test_a_skipped_exercise_leaves_today_only(wb: Workbench, ada: int, clock: Clock) -> None:
    skipped = ids(wb.daily_set(ada, 1))[0]
    wb.skip(ada, skipped)
    assert skipped not in ids(wb.daily_set(ada, EVERYTHING))
    assert skipped in ids(wb.daily_set(ada, EVERYTHING, repeat=True))
    clock.advance(days=1)
    assert skipped in ids(wb.daily_set(ada, EVERYTHING))


def test_a_passed_exercise_comes_back_when_due(wb: Workbench, ada: int, clock: Clock) -> None:
    exercise = "python/name-initials"
    wb.record_result(ada, exercise, True, at=START)
    due = wb.reviews.progress(ada)[exercise].due_at
    assert due is not None and due > START

    clock.now = due - timedelta(hours=1)
    wb.record_result(ada, "python/look-and-say", False, at=clock.now - timedelta(days=1))  # practising: no gap
    assert exercise not in ids(wb.daily_set(ada, 3))

    clock.now = max(due, START + timedelta(days=2)) + timedelta(hours=1)
    picks = wb.daily_set(ada, 3)
    assert ids(picks)[0] == exercise
    assert (picks[0].kind, picks[0].reason) == ("review", f"review: strings, last seen {(clock.now - START).days} days ago")


@pytest.mark.parametrize("days_ago", [0, 1], ids=["today", "yesterday"])
def test_a_passed_exercise_is_not_new_again(wb: Workbench, ada: int, clock: Clock, days_ago: int) -> None:
    wb.record_result(ada, "python/name-initials", True, at=clock.now - timedelta(days=days_ago, minutes=1))
    picks = wb.daily_set(ada, 6)
    assert "python/name-initials" not in ids(picks)


def test_passed_exercises_come_again_when_the_bank_runs_short(wb: Workbench, ada: int, clock: Clock) -> None:
    roots = [e.id for e in wb.exercises() if e.skills[0] in ROOTS]
    for i, exercise_id in enumerate(roots[:3]):
        wb.record_result(ada, exercise_id, True, at=clock.now - timedelta(days=1, minutes=i))
    everything = wb.daily_set(ada, EVERYTHING)
    again = [p for p in everything if p.kind == "again"]
    assert {p.exercise.id for p in again} == set(roots[:3])
    assert all(p.reason.startswith("again: ") and p.reason.endswith("passed before") for p in again)
    assert everything[-len(again):] == again  # after everything else


def passed_everything(wb: Workbench, user: int) -> None:
    """A confident learner who passed the whole bank on the first day, a second apart: nothing new is left."""
    answer_interview(wb, user, level="confident")
    for i, exercise in enumerate(wb.exercises()):
        wb.record_result(user, exercise.id, True, at=START + timedelta(seconds=i))


def test_due_reviews_fill_the_places_nothing_new_can(wb: Workbench, ada: int, clock: Clock) -> None:
    passed_everything(wb, ada)
    clock.advance(days=6)  # not yet a week away: without the gap, reviews are a share of the set
    progress = wb.reviews.progress(ada)
    due = sorted((p for p in progress.values() if p.due_at <= clock.now), key=lambda p: p.due_at)
    assert len(due) > 4
    picks = wb.daily_set(ada, 4)
    assert [(p.kind, p.exercise.id) for p in picks] == [("review", p.exercise_id) for p in due[:4]], \
        "the most overdue, before anything passed comes again"


def test_due_reviews_fill_the_places_new_exercises_far_beyond_the_band_would(wb: Workbench, ada: int,
                                                                            clock: Clock) -> None:
    """A learner far along has a few easy exercises left of the early skills, and reviews due: the reviews
    come rather than a day of near-certain warm-ups (they piled up, a set of four holding one)."""
    answer_interview(wb, ada, level="confident")
    easiest = sorted(wb.exercises(), key=lambda e: e.difficulty)[:3]
    rest = [e for e in wb.exercises() if e not in easiest]
    for i, exercise in enumerate(rest):
        wb.record_result(ada, exercise.id, True, at=START + timedelta(seconds=i))
    clock.advance(days=6)  # not yet a week away: without the gap, reviews are a share of the set
    most = wb.planner._pick_limits[1]
    assert all(wb.predict(ada, e.id) > most for e in easiest), "the case itself: the few new ones left are far too easy"
    assert sum(p.due_at <= clock.now for p in wb.reviews.progress(ada).values()) > 4
    assert [p.kind for p in wb.daily_set(ada, 4)] == ["review"] * 4


def test_passed_exercises_come_again_seen_longest_ago_first(wb: Workbench, ada: int, clock: Clock) -> None:
    passed_everything(wb, ada)
    clock.advance(days=1)
    yesterday = [p for p in wb.daily_set(ada, 4) if p.kind == "again"]
    for i, pick in enumerate(yesterday):
        wb.record_result(ada, pick.exercise.id, True, at=clock.now + timedelta(minutes=i))
    clock.advance(days=1)
    again = [p for p in wb.daily_set(ada, 4) if p.kind == "again"]
    assert yesterday and again
    assert not set(ids(again)) & set(ids(yesterday)), "not the same few every other day"


def test_reviews_are_a_share_of_the_set_without_a_gap(wb: Workbench, ada: int, clock: Clock) -> None:
    for i, exercise_id in enumerate(["python/digit-sum", "python/name-initials", "python/hailstone-sequence",
                                     "python/caesar-cipher"]):
        wb.record_result(ada, exercise_id, True, at=START + timedelta(minutes=i))
    clock.advance(days=6)
    wb.record_result(ada, "python/look-and-say", False, at=clock.now - timedelta(days=1))
    picks = wb.daily_set(ada, 3)
    kinds = [p.kind for p in picks]
    assert kinds[0] == "review" and 0 < kinds.count("review") < len(picks)


# -- the curriculum ---------------------------------------------------------------------------------


def primary_skills(picks: list[Pick]) -> set[str]:
    return {p.exercise.skills[0] for p in picks}


def test_a_new_learner_starts_with_the_roots_of_the_curriculum(wb: Workbench, ada: int) -> None:
    assert ROOTS == {s for s in wb.curriculum.skills if not wb.curriculum.requires(s)}
    assert primary_skills(wb.daily_set(ada, EVERYTHING)) == ROOTS


@pytest.mark.parametrize(("passed", "opens"), [(True, True), (False, False)], ids=["a-pass-opens", "a-fail-does-not"])
def test_a_prerequisite_opens_the_skills_after_it(wb: Workbench, ada: int, passed: bool, opens: bool) -> None:
    wb.record_result(ada, "python/digit-sum", passed, at=START - timedelta(days=1))  # loops
    after_loops = {s for s in wb.curriculum.skills if wb.curriculum.requires(s) == ("loops",)}
    assert after_loops == {"lists", "functions"}
    skills = primary_skills(wb.daily_set(ada, EVERYTHING))
    assert (after_loops <= skills) is opens
    assert "algorithms" not in skills  # far down the curriculum


# -- how many ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(("minutes", "size"), [(5, 1), (16, 2), (30, 4), (60, 8)], ids=lambda v: str(v))
def test_the_set_size_follows_the_minutes_per_day(wb: Workbench, ada: int, minutes: int, size: int) -> None:
    profile = answer_interview(wb, ada, minutes=minutes)
    assert profile.daily_set_size == size
    assert len(wb.next_exercises(ada)) == size
    assert len(wb.daily_set(ada)) == size


@pytest.mark.parametrize("steps", [0, 4], ids=["no-profile", "interview-without-time"])
def test_the_default_set_size(wb: Workbench, ada: int, steps: int) -> None:
    answer_interview(wb, ada, steps=steps)
    assert len(wb.next_exercises(ada)) == wb.settings.daily_set_size == 3


@pytest.mark.parametrize("how", list(LEARNERS))
def test_n_zero_is_an_empty_set(wb: Workbench, ada: int, how: str) -> None:
    LEARNERS[how](wb, ada)
    assert wb.next_exercises(ada, 0) == []


def test_n_below_zero_is_refused(wb: Workbench, ada: int) -> None:
    with pytest.raises(ValueError, match="0 or more"):
        wb.next_exercises(ada, -1)


# -- the day as a whole -------------------------------------------------------------------------------


@pytest.mark.parametrize(("count", "sides"), [(2, [1, -1]), (3, [1, -1, 0]), (4, [1, -1, 1, -1])],
                         ids=["two", "three", "four"])
def test_a_day_pairs_a_warm_up_with_a_stretch_inside_the_band(wb: Workbench, count: int, sides: list[int]) -> None:
    """Every other pick aims above the band's middle and the next one balances it: a day of spread
    chances lands in the band more often when the estimate is off than a day of look-alikes, and
    every pick stays inside the band. ``sides``: above (1), below (-1) or at (0) the middle."""
    aims: list[float] = []
    for k in range(count):
        aims.append(wb.planner._aim(k, count, aims))
    middle, (low, high) = sum(wb.planner.band) / 2, wb.planner.band
    assert [0 if abs(a - middle) < 0.03 else 1 if a > middle else -1 for a in aims] == sides, aims
    assert all(low <= a <= high for a in aims) and sum(aims) / count == pytest.approx(middle), aims


def test_the_picks_follow_the_aims_on_a_dense_bank(wb: Workbench) -> None:
    """On candidates at every chance from 0.60 to 0.95, a day of two is a warm-up then a stretch."""
    candidates = wb.exercises()[:36]
    chance = {e.id: 0.60 + 0.01 * i for i, e in enumerate(candidates)}

    def predicted(exercise: Exercise) -> float:
        return chance[exercise.id]

    picks = wb.planner._best(candidates, predicted, predicted, lambda e: 0.0, 2, practised=set(wb.curriculum.skills),
                             planned=[])
    warm_up, stretch = (p.probability for p in picks)
    assert warm_up > sum(wb.planner.band) / 2 > stretch
    assert [p.reason.split(":")[0] for p in picks] == ["practice", "practice"], "both inside the band"


def test_the_curriculum_order_only_breaks_ties(wb: Workbench) -> None:
    """Of two candidates, the one far nearer the aim is picked though its skill comes last in the curriculum:
    the order cost, 0.01 a place, took an exercise 9 points off the aim over one a point off."""
    order = wb.curriculum.order
    first = next(e for e in wb.exercises() if order(e.skills[0]) == 0)
    last = max(wb.exercises(), key=lambda e: order(e.skills[0]))
    assert order(last.skills[0]) >= 10, "the case itself: a skill late in the curriculum"
    aim = sum(wb.planner.band) / 2
    chance = {first.id: aim + 0.09, last.id: aim + 0.01}

    def predicted(exercise: Exercise) -> float:
        return chance[exercise.id]

    picks = wb.planner._best([first, last], predicted, predicted, lambda e: 0.0, 1,
                             practised=set(wb.curriculum.skills), planned=[])
    assert ids(picks) == [last.id]
