"""The visible level's rule (engine/level.py): a staircase anyone can follow, as tables."""

from __future__ import annotations

import pytest
from factories import START

from engine.level import (
    MAX_LEVEL,
    MIN_LEVEL,
    LevelChange,
    Staircase,
    clamp_level,
    comfortable_level,
    expected_seconds,
    is_struggle,
    level_difficulty,
)

S, X = False, True  # a success, a struggle


def walk(start: Staircase, results: list[bool]) -> tuple[Staircase, list[str]]:
    """The state after a run of results (True: a struggle), and the reasons of every change."""
    reasons = []
    for struggled in results:
        start, reason = start.after(struggled)
        if reason is not None:
            reasons.append(reason)
    return start, reasons


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        ([(S, 5)] * 3, 6),  # at the level: up
        ([(S, 7)] * 3, 6),  # above it: up
        ([(S, 4)] * 6, 5),  # below it: no step up, however many
        ([(S, 5), (S, 4), (S, 5), (S, 6)], 6),  # a success below neither counts nor breaks the run
        ([(X, 5)] * 2, 4),  # at the level: down
        ([(X, 3)] * 2, 4),  # below it: down
        ([(X, 6)] * 4, 5),  # above it: no step down
        ([(X, 5), (X, 6), (X, 5)], 4),  # a struggle above neither counts nor breaks the run
        ([(X, 5), (S, 2), (X, 5)], 5),  # any success breaks a run of struggles
        ([(S, 5), (S, 5), (X, 8), (S, 5)], 5),  # any struggle breaks a run of successes
    ],
    ids=["at-level-up", "above-up", "below-never-up", "below-neutral-for-successes", "at-level-down", "below-down",
         "above-never-down", "above-neutral-for-struggles", "success-breaks-struggles", "struggle-breaks-successes"],
)
def test_only_results_at_or_beyond_the_level_move_it(results: list[tuple[bool, int]], expected: int) -> None:
    state = Staircase(5)
    for struggled, exercise_level in results:
        state, _ = state.after(struggled, exercise_level)
    assert state.level == expected


@pytest.mark.parametrize(
    ("level", "results", "expected", "changes"),
    [
        (5, [S], 5, 0),
        (5, [S, S], 5, 0),
        (5, [S, S, S], 6, 1),
        (5, [S, S, S, S, S, S], 7, 2),
        (5, [X], 5, 0),
        (5, [X, X], 4, 1),
        (5, [X, X, X, X], 3, 2),
        (5, [S, S, X, S, S], 5, 0),  # a struggle breaks the run of successes
        (5, [S, S, X, S, S, S], 6, 1),
        (5, [X, S, X], 5, 0),  # a success breaks the run of struggles
        (5, [X, S, X, X], 4, 1),
        (5, [S, S, S, X, X], 5, 2),  # up, then down again
        (5, [S, S, S, S, S, X], 6, 1),  # two successes banked after going up are lost to a struggle
        (10, [S, S, S], 10, 0),  # the top
        (10, [S] * 9, 10, 0),
        (1, [X, X], 1, 0),  # the bottom
        (1, [X] * 6, 1, 0),
        (9, [S] * 6, 10, 1),
        (2, [X] * 4, 1, 1),
    ],
    ids=["one-success", "two-successes", "three-up", "six-up-twice", "one-struggle", "two-down", "four-down-twice",
         "struggle-resets-successes", "a-fresh-run-of-three", "success-resets-struggles", "a-fresh-run-of-two",
         "up-then-down", "run-restarts-after-a-change", "stays-at-10", "never-above-10", "stays-at-1",
         "never-below-1", "climbs-to-10-then-stops", "falls-to-1-then-stops"],
)
def test_staircase(level: int, results: list[bool], expected: int, changes: int) -> None:
    state, reasons = walk(Staircase(level), results)
    assert state.level == expected
    assert len(reasons) == changes
    assert MIN_LEVEL <= state.level <= MAX_LEVEL


@pytest.mark.parametrize(("results", "word"), [([S, S, S], "successes"), ([X, X], "struggles")], ids=["up", "down"])
def test_a_change_says_why(results: list[bool], word: str) -> None:
    _, reasons = walk(Staircase(5), results)
    assert len(reasons) == 1 and word in reasons[0] and "in a row" in reasons[0]


@pytest.mark.parametrize("results", [[S] * 9, [X] * 6, [S, S, S, X, X, S, S, S]], ids=["successes", "struggles", "mixed"])
def test_a_pinned_level_never_moves(results: list[bool]) -> None:
    state, reasons = walk(Staircase(5, pinned=True), results)
    assert (state.level, state.pinned, reasons) == (5, True, [])


def test_the_runs_are_counted() -> None:
    state, _ = walk(Staircase(5), [S, S])
    assert (state.successes, state.struggles) == (2, 0)
    state, _ = state.after(True)
    assert (state.successes, state.struggles) == (0, 1)


def test_after_leaves_the_state_it_started_from() -> None:
    start = Staircase(5)
    start.after(False)
    assert start == Staircase(5)


@pytest.mark.parametrize(("old", "new", "up"), [(4, 5, True), (5, 4, False), (5, 5, False)], ids=["up", "down", "same"])
def test_level_change_up(old: int, new: int, up: bool) -> None:
    assert LevelChange(START, old, new, "why").up is up


# -- struggles -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("passed", "hints", "duration", "difficulty", "struggled"),
    [
        (True, 0, None, 3, False),
        (True, 1, None, 3, False),
        (True, 2, None, 3, True),
        (True, 5, None, 3, True),
        (False, 0, None, 3, True),
        (False, 0, 10.0, 3, True),
        (True, 0, 2 * expected_seconds(3), 3, False),  # exactly twice the expected time is not slow
        (True, 0, 2 * expected_seconds(3) + 1, 3, True),
        (True, 0, 2 * expected_seconds(1) + 1, 10, False),  # slow for level 1 is quick for level 10
        (True, 0, 1.0, 3, False),
        (True, 1, 2 * expected_seconds(3) + 1, 3, True),
    ],
    ids=["clean-pass", "one-hint", "two-hints", "five-hints", "fail", "quick-fail", "exactly-twice-the-time",
         "slower-than-twice", "slow-depends-on-level", "fast-pass", "one-hint-and-slow"],
)
def test_is_struggle(passed: bool, hints: int, duration: float | None, difficulty: int, struggled: bool) -> None:
    assert is_struggle(passed, hints, duration, difficulty) is struggled


def test_harder_exercises_are_expected_to_take_longer() -> None:
    times = [expected_seconds(level) for level in range(MIN_LEVEL, MAX_LEVEL + 1)]
    assert times == sorted(times) and len(set(times)) == len(times) and times[0] > 0


# -- levels and the logit scale --------------------------------------------------------------------


def test_comfortable_level_grows_with_ability_and_stays_in_range() -> None:
    abilities = [x / 4 for x in range(-40, 41)]
    levels = [comfortable_level(a) for a in abilities]
    assert levels == sorted(levels)
    assert all(MIN_LEVEL <= level <= MAX_LEVEL for level in levels)
    assert levels[0] == MIN_LEVEL and levels[-1] == MAX_LEVEL
    assert len(set(levels)) == MAX_LEVEL - MIN_LEVEL + 1  # every level is someone's


def test_comfortable_level_is_below_the_even_odds_level() -> None:
    """Comfortable means passing more often than not: exercises easier than the learner."""
    for ability in (-1.0, 0.0, 1.0):
        assert level_difficulty(comfortable_level(ability)) < ability


def test_level_difficulty_grows_with_the_level() -> None:
    difficulties = [level_difficulty(level) for level in range(MIN_LEVEL, MAX_LEVEL + 1)]
    assert difficulties == sorted(difficulties) and len(set(difficulties)) == len(difficulties)
    assert difficulties[0] < 0 < difficulties[-1]  # the middle of the scale is even odds for ability 0


@pytest.mark.parametrize(("level", "expected"), [(-3, 1), (0, 1), (1, 1), (7, 7), (10, 10), (11, 10), (99, 10)],
                         ids=lambda v: str(v))
def test_clamp_level(level: int, expected: int) -> None:
    assert clamp_level(level) == expected
