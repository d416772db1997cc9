"""Spaced review with FSRS: an exercise a learner has passed comes back when it is due.

A card is made at the first pass. Every later result on the exercise is a review, rated by how
it went: a clean, quick pass is Easy, a clean pass Good, a pass with hints or slow Hard, a fail
Again. Coding exercises are not flash cards, so there are no minute-long learning steps: the
first pass schedules the first review days ahead.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from fsrs import Card, Rating, Scheduler

from engine.clock import to_aware_utc, to_naive_utc
from engine.store import Store

_SCHEDULER = Scheduler(learning_steps=(), relearning_steps=(), enable_fuzzing=False)


def rating(passed: bool, hints_used: int, duration_s: float | None, expected_s: float) -> Rating:
    if not passed:
        return Rating.Again
    if hints_used > 0 or (duration_s is not None and duration_s > 2 * expected_s):
        return Rating.Hard
    if duration_s is not None and duration_s < expected_s / 2:
        return Rating.Easy
    return Rating.Good


def review(card_json: str | None, passed: bool, grade: Rating, at: datetime) -> tuple[str, datetime] | None:
    """The card after this result, as JSON with its due time; None while nothing has been passed."""
    if card_json is None and not passed:
        return None
    # a new card gets a fixed id and the result's time: by default fsrs stamps it with the wall clock
    # and sleeps a millisecond to keep ids apart, which neither a row per learner and exercise
    # needs nor ``record_result``'s time budget affords
    card = Card.from_json(card_json) if card_json is not None else Card(card_id=0, due=to_aware_utc(at))
    if card.last_review is not None and to_aware_utc(at) < card.last_review:
        return card.to_json(), card.due  # an older result, imported late: the schedule has moved on from it
    card, _ = _SCHEDULER.review_card(card, grade, review_datetime=to_aware_utc(at))
    return card.to_json(), card.due


def retrievability(card_json: str, at: datetime) -> float:
    """The chance the learner still remembers how to solve it, by FSRS's forgetting curve."""
    return float(_SCHEDULER.get_card_retrievability(Card.from_json(card_json), to_aware_utc(at)))


@dataclass(frozen=True)
class ExerciseProgress:
    """Where a learner stands with one exercise."""

    exercise_id: str
    last_seen_at: datetime | None
    passes: int
    fails: int
    last_skipped_at: datetime | None
    due_at: datetime | None  # when a passed exercise should come back for review


class Reviews:
    """Per learner and exercise: seen, passed, failed, skipped, and the review card
    (the store's ``exercise_progress`` table)."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def progress(self, user_id: int) -> dict[str, ExerciseProgress]:
        rows = self.store.all("SELECT exercise_id, last_seen_at, passes, fails, last_skipped_at, due_at "
                              "FROM exercise_progress WHERE user_id = ?", [user_id])
        return {r[0]: ExerciseProgress(r[0], _aware(r[1]), r[2], r[3], _aware(r[4]), _aware(r[5])) for r in rows}

    def card(self, user_id: int, exercise_id: str) -> tuple[str | None, int, datetime | None]:
        """The exercise's review card (JSON, None before a first pass), the learner's fails at it, and
        when they last tried it."""
        row = self.store.one("SELECT card, fails, last_seen_at FROM exercise_progress WHERE user_id = ? AND exercise_id = ?",
                             [user_id, exercise_id])
        return (row[0], row[1], _aware(row[2])) if row else (None, 0, None)

    def record(self, user_id: int, exercise_id: str, card: str | None, passed: bool, grade: Rating,
               at: datetime) -> None:
        """Record a result: seen, passed or failed, and the card reviewed (``card`` as read before)."""
        scheduled = review(card, passed, grade, at)
        card, due = scheduled if scheduled else (None, None)
        self.store.execute(
            "INSERT INTO exercise_progress (user_id, exercise_id, first_seen_at, last_seen_at, passes, fails, card, due_at) "
            "VALUES ($user, $exercise, $at, $at, $passes, $fails, $card, $due) "
            "ON CONFLICT (user_id, exercise_id) DO UPDATE SET last_seen_at = greatest(exercise_progress.last_seen_at, $at), "
            "passes = exercise_progress.passes + $passes, fails = exercise_progress.fails + $fails, "
            "card = $card, due_at = $due",
            {"user": user_id, "exercise": exercise_id, "at": to_naive_utc(at), "passes": int(passed),
             "fails": int(not passed), "card": card, "due": to_naive_utc(due) if due else None})

    def skip(self, user_id: int, exercise_id: str, at: datetime) -> None:
        self.store.execute(
            "INSERT INTO exercise_progress (user_id, exercise_id, last_skipped_at) VALUES ($user, $exercise, $at) "
            "ON CONFLICT (user_id, exercise_id) DO UPDATE SET last_skipped_at = $at",
            {"user": user_id, "exercise": exercise_id, "at": to_naive_utc(at)})

    def forget(self, user_id: int) -> None:
        self.store.execute("DELETE FROM exercise_progress WHERE user_id = ?", [user_id])


def _aware(moment: datetime | None) -> datetime | None:
    return to_aware_utc(moment) if moment is not None else None
