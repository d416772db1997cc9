"""Today's set as planned: kept for the day, so a learner works through a set that holds still.

The planner's picks change with every result (what was just tried leaves the candidates); the
Practice page instead shows the set planned on the day's first visit, each exercise with how it
went today, and lets the learner ask for more. When the learner steers their level, or rates
themselves anew, the exercises they have not begun yet are chosen again at the new aim.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

import duckdb

from engine.bank import Bank
from engine.clock import day_bounds
from engine.planner import Pick
from engine.store import Store


@dataclass(frozen=True)
class PlannedExercise:
    pick: Pick
    status: str  # todo | passed | tried (failed so far) | skipped
    position: int = 0  # its place in the day's set, as stored (1 first)


@dataclass(frozen=True)
class TodaysSet:
    day: date
    items: list[PlannedExercise]

    @property
    def done(self) -> int:
        """Exercises finished today: passed, or put aside with Skip."""
        return sum(item.status in ("passed", "skipped") for item in self.items)

    @property
    def solved(self) -> int:
        return sum(item.status == "passed" for item in self.items)

    @property
    def skipped(self) -> int:
        return sum(item.status == "skipped" for item in self.items)

    @property
    def complete(self) -> bool:
        return bool(self.items) and self.done == len(self.items)


class DailySets:
    """The store's ``daily_sets`` table, with today's outcome of each exercise."""

    def __init__(self, store: Store, bank: Bank) -> None:
        self.store = store
        self.bank = bank

    def get(self, user_id: int, day: date, time_zone: str | None = None) -> TodaysSet:
        """The set of ``day``, a day of the learner's ``time_zone`` (None: UTC)."""
        start, end = day_bounds(day, time_zone)
        rows = self.store.all(
            """
            SELECT d.exercise_id, d.kind, d.reason, d.probability, d.position,
                   (SELECT bool_or(a.passed) FROM attempts a WHERE a.user_id = d.user_id
                     AND a.exercise_id = d.exercise_id AND a.submitted_at >= $start AND a.submitted_at < $end) AS passed,
                   (SELECT p.last_skipped_at >= $start AND p.last_skipped_at < $end FROM exercise_progress p
                     WHERE p.user_id = d.user_id AND p.exercise_id = d.exercise_id) AS skipped
            FROM daily_sets d WHERE d.user_id = $user AND d.day = $day ORDER BY d.position
            """, {"user": user_id, "day": day, "start": start, "end": end})
        items = []
        for exercise_id, kind, reason, probability, position, passed, skipped in rows:
            if exercise_id not in self.bank:
                continue  # removed from the bank since
            status = "passed" if passed else "skipped" if skipped else "tried" if passed is False else "todo"
            items.append(PlannedExercise(Pick(self.bank.get(exercise_id), probability, reason, kind), status, position))
        return TodaysSet(day, items)

    def planned(self, user_id: int, day: date, plan: Callable[[], list[Pick]], time_zone: str | None = None) -> TodaysSet:
        """The set planned for ``day`` (of ``time_zone``); on the day's first visit, ``plan()`` makes it."""
        planned = self.get(user_id, day, time_zone)
        if not planned.items:
            picks = plan()
            try:  # at the set's first positions: a plan another run wrote meanwhile makes this one fail
                with self.store.transaction():
                    self.add(user_id, day, picks, after=0)
            except (duckdb.ConstraintException, duckdb.TransactionException):
                pass  # another run of the page planned the day at the same moment: its plan stands
            planned = self.get(user_id, day, time_zone)
        return planned

    def extend(self, user_id: int, day: date, n: int, planned: TodaysSet, plan: Callable[[int], list[Pick]],
               time_zone: str | None = None) -> TodaysSet:
        """Add to ``planned``, the set of ``day``, the ``n`` best of ``plan(count)`` it does not hold yet."""
        ids = {item.pick.exercise.id for item in planned.items}
        extra = [p for p in plan(n + len(ids)) if p.exercise.id not in ids][:n]
        self.add(user_id, day, extra)
        return self.get(user_id, day, time_zone)

    def replan(self, user_id: int, day: date, plan: Callable[[int], list[Pick]], time_zone: str | None = None) -> TodaysSet:
        """Choose again, with ``plan(count)``, the exercises of the set of ``day`` not begun: no code written
        and no hint shown that day, no try, no skip. What the learner began, tried, passed or skipped stays.
        An exercise only opened is chosen again: the Practice page opens the next one by itself, so that one
        always stayed, at the old aim. Each place keeps its rank: an exercise chosen again stays where it
        was, with its new reason and chance; the others give their places to the new picks, in order. The
        set never shrinks: a place the planner has nothing new for (a pinned level narrows it) keeps its own."""
        planned = self.get(user_id, day, time_zone)
        start, end = day_bounds(day, time_zone)
        drafts = self.store.all("SELECT exercise_id, code, hints_shown FROM drafts WHERE user_id = ? AND updated_at >= ? "
                                "AND updated_at < ?", [user_id, start, end])
        begun = {exercise_id for exercise_id, code, hints in drafts
                 if hints or exercise_id not in self.bank or code.strip() != self.bank.get(exercise_id).starter.strip()}
        kept = {i.pick.exercise.id for i in planned.items if i.status != "todo" or i.pick.exercise.id in begun}
        unopened = [i for i in planned.items if i.pick.exercise.id not in kept]
        if not unopened:
            return planned
        fresh = [p for p in plan(len(unopened) + len(kept)) if p.exercise.id not in kept][:len(unopened)]
        chosen = {p.exercise.id: p for p in fresh}
        staying = {i.pick.exercise.id for i in unopened}
        arriving = iter([p for p in fresh if p.exercise.id not in staying])
        updates = []
        for item in unopened:
            pick = chosen.get(item.pick.exercise.id) or next(arriving, None)
            if pick is not None:
                updates.append((pick.exercise.id, pick.kind, pick.reason, pick.probability, user_id, day, item.position))
        with self.store.transaction():
            self.store.executemany("UPDATE daily_sets SET exercise_id = ?, kind = ?, reason = ?, probability = ? "
                                   "WHERE user_id = ? AND day = ? AND position = ?", updates)
        return self.get(user_id, day, time_zone)

    def carry(self, user_id: int, day: date, to: date) -> None:
        """Carry the set of ``day`` over to ``to``: the learner's "today" moved to another date (a new time
        zone), and the set being worked on stays today's. A set planned for ``to`` before (the day before,
        in the old zone) gives way: left there, the one worked on was lost, and came back stale on its own
        date. Call it inside a transaction."""
        if day == to or not self.store.scalar("SELECT count(*) FROM daily_sets WHERE user_id = ? AND day = ?",
                                               [user_id, day]):
            return
        self.store.execute("DELETE FROM daily_sets WHERE user_id = ? AND day = ?", [user_id, to])
        self.store.execute("UPDATE daily_sets SET day = ? WHERE user_id = ? AND day = ?", [to, user_id, day])

    def add(self, user_id: int, day: date, picks: list[Pick], after: int | None = None) -> None:
        """Add picks to the day's set, after its last (or after position ``after``)."""
        start = after if after is not None else int(self.store.scalar(
            "SELECT coalesce(max(position), 0) FROM daily_sets WHERE user_id = ? AND day = ?", [user_id, day]))
        self.store.executemany(
            "INSERT INTO daily_sets (user_id, day, position, exercise_id, kind, reason, probability) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(user_id, day, start + i, p.exercise.id, p.kind, p.reason, p.probability) for i, p in enumerate(picks, 1)])
