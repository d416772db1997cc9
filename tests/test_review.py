"""Spaced review with FSRS (engine/review.py): ratings, due dates and the progress table."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest
from factories import START, Clock, new_learner
from fsrs import Rating

from engine.level import expected_seconds
from engine.review import Reviews, rating, retrievability, review
from engine.store import Store
from engine.workbench import Workbench

EXPECTED = 600.0  # seconds an exercise should take
EXERCISE = "python/digit-sum"


@pytest.mark.parametrize(
    ("passed", "hints", "duration", "grade"),
    [
        (False, 0, None, Rating.Again),
        (False, 0, 10.0, Rating.Again),
        (False, 3, 5000.0, Rating.Again),
        (True, 0, None, Rating.Good),
        (True, 0, 400.0, Rating.Good),
        (True, 0, EXPECTED / 2, Rating.Good),  # exactly half the time is not yet quick
        (True, 0, EXPECTED / 2 - 1, Rating.Easy),
        (True, 0, 2 * EXPECTED, Rating.Good),  # exactly twice the time is not yet slow
        (True, 0, 2 * EXPECTED + 1, Rating.Hard),
        (True, 1, None, Rating.Hard),
        (True, 1, 10.0, Rating.Hard),  # a hint outweighs speed
    ],
    ids=["fail", "quick-fail", "fail-with-hints", "clean-pass", "pass-in-time", "half-the-time", "quick-pass",
         "twice-the-time", "slow-pass", "pass-with-a-hint", "quick-pass-with-a-hint"],
)
def test_rating(passed: bool, hints: int, duration: float | None, grade: Rating) -> None:
    assert rating(passed, hints, duration, EXPECTED) == grade


# -- review -----------------------------------------------------------------------------------------


def first_pass(grade: Rating = Rating.Good, at: datetime = START) -> tuple[str, datetime]:
    scheduled = review(None, True, grade, at)
    assert scheduled is not None
    return scheduled


@pytest.mark.parametrize("grade", list(Rating), ids=lambda g: g.name)
def test_no_card_before_a_first_pass(grade: Rating) -> None:
    assert review(None, False, grade, START) is None


@pytest.mark.parametrize("grade", [Rating.Hard, Rating.Good, Rating.Easy], ids=lambda g: g.name)
def test_a_first_pass_schedules_a_review_days_ahead(grade: Rating) -> None:
    card, due = first_pass(grade)
    assert isinstance(json.loads(card), dict)
    assert due.tzinfo is not None and due - START >= timedelta(days=1)  # no minute-long learning steps


def test_a_first_pass_is_scheduled_from_the_result_alone() -> None:
    """The same result gives the same card: nothing of the wall clock or the moment it was run."""
    first, again = review(None, True, Rating.Good, START), review(None, True, Rating.Good, START)
    assert first is not None and first == again


def test_an_easier_pass_comes_back_later() -> None:
    dues = [first_pass(grade)[1] for grade in (Rating.Hard, Rating.Good, Rating.Easy)]
    assert dues == sorted(dues) and len(set(dues)) == len(dues)


def test_each_good_review_spaces_the_next_one_further() -> None:
    card, due = first_pass()
    intervals = [due - START]
    for _ in range(3):
        reviewed_at = due
        scheduled = review(card, True, Rating.Good, reviewed_at)
        assert scheduled is not None
        card, due = scheduled
        intervals.append(due - reviewed_at)
    assert intervals == sorted(intervals) and len(set(intervals)) == len(intervals)


def test_a_fail_after_a_pass_brings_it_back_sooner() -> None:
    card, due = first_pass()
    after_good = review(card, True, Rating.Good, due)
    after_fail = review(card, False, Rating.Again, due)
    assert after_good is not None and after_fail is not None  # a lapse keeps the card
    assert due < after_fail[1] < after_good[1]


def test_review_accepts_any_timezone() -> None:
    tokyo = START.astimezone(timezone(timedelta(hours=9)))
    assert first_pass(at=tokyo)[1] == first_pass(at=START)[1]


def test_retrievability_fades_with_time() -> None:
    card, due = first_pass()
    values = [retrievability(card, START + timedelta(days=d)) for d in (0, 1, 3, 10, 100)]
    assert values == sorted(values, reverse=True) and len(set(values)) == len(values)
    assert all(0 < v <= 1 for v in values)
    assert values[0] == pytest.approx(1.0)


# -- the progress table ---------------------------------------------------------------------------------


def apply(reviews: Reviews, user: int, actions: list[str], exercise: str = EXERCISE) -> None:
    for i, action in enumerate(actions):
        at = START + timedelta(days=i)
        if action == "skip":
            reviews.skip(user, exercise, at)
        else:
            card, _, _ = reviews.card(user, exercise)
            passed = action == "pass"
            reviews.record(user, exercise, card, passed, Rating.Good if passed else Rating.Again, at)


@pytest.mark.parametrize(
    ("actions", "passes", "fails", "has_card", "seen", "skipped"),
    [
        (["fail"], 0, 1, False, True, False),
        (["pass"], 1, 0, True, True, False),
        (["fail", "fail"], 0, 2, False, True, False),
        (["fail", "pass"], 1, 1, True, True, False),
        (["pass", "fail"], 1, 1, True, True, False),
        (["pass", "pass", "fail", "pass"], 3, 1, True, True, False),
        (["skip"], 0, 0, False, False, True),
        (["skip", "pass"], 1, 0, True, True, True),
        (["pass", "skip"], 1, 0, True, True, True),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else None,
)
def test_reviews_record_passes_fails_and_skips(store: Store, actions: list[str], passes: int, fails: int,
                                               has_card: bool, seen: bool, skipped: bool) -> None:
    reviews = Reviews(store)
    apply(reviews, 1, actions)
    progress = reviews.progress(1)[EXERCISE]
    assert (progress.passes, progress.fails) == (passes, fails)
    assert (progress.due_at is not None, progress.last_seen_at is not None, progress.last_skipped_at is not None) == \
        (has_card, seen, skipped)
    card, failed, _ = reviews.card(1, EXERCISE)
    assert ((card is not None), failed) == (has_card, fails)
    if seen:
        last = max(i for i, a in enumerate(actions) if a != "skip")
        assert progress.last_seen_at == START + timedelta(days=last)
    if has_card:
        assert progress.due_at > progress.last_seen_at


def test_reviews_are_per_learner_and_exercise(store: Store) -> None:
    reviews = Reviews(store)
    apply(reviews, 1, ["pass"])
    apply(reviews, 1, ["fail"], exercise="python/name-initials")
    assert set(reviews.progress(1)) == {EXERCISE, "python/name-initials"}
    assert reviews.progress(2) == {}
    assert reviews.card(2, EXERCISE) == (None, 0, None)
    reviews.forget(1)
    assert reviews.progress(1) == {}


@pytest.mark.parametrize(
    ("hints", "duration", "sooner"),
    [(1, None, True), (0, 3 * expected_seconds(1), True), (0, expected_seconds(1) / 4, False)],
    ids=["with-a-hint-sooner", "slow-sooner", "quick-later"],
)
def test_how_a_pass_went_sets_its_review(make_wb: Callable[..., Workbench], clock: Clock, hints: int,
                                         duration: float | None, sooner: bool) -> None:
    wb = make_wb(clock)
    clean, other = new_learner(wb, "ada"), new_learner(wb, "bob")
    wb.record_result(clean, EXERCISE, True, at=START)
    wb.record_result(other, EXERCISE, True, hints_used=hints, duration_s=duration, at=START)
    clean_due = wb.reviews.progress(clean)[EXERCISE].due_at
    other_due = wb.reviews.progress(other)[EXERCISE].due_at
    assert (other_due < clean_due) if sooner else (other_due > clean_due)


@pytest.mark.parametrize("again", [False, True], ids=["a-failing-experiment", "a-second-pass"])
def test_a_try_after_a_pass_the_same_day_leaves_the_review_alone(make_wb: Callable[..., Workbench], clock: Clock,
                                                                 again: bool) -> None:
    """Once passed today, another try says nothing new: a failing experiment is no lapse, nor a second
    pass a second review."""
    wb = make_wb(clock)
    ada = new_learner(wb)
    wb.record_result(ada, EXERCISE, True, at=START)
    before = wb.reviews.progress(ada)[EXERCISE]
    wb.record_result(ada, EXERCISE, again, at=START + timedelta(minutes=5))
    assert wb.reviews.progress(ada)[EXERCISE] == before
