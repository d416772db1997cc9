"""Exercise difficulties learnt again from the results kept (engine/recalibration.py)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from factories import PASSWORD

from engine.learner import authored_difficulty
from engine.recalibration import recalibrate
from engine.workbench import Workbench

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
EASY, HARD = "python/digit-sum", "python/apply-n-times"


def ratings(wb: Workbench) -> dict[str, tuple[float, int]]:
    return {r[0]: (r[1], r[2]) for r in wb.store.all("SELECT exercise_id, difficulty, evidence FROM exercise_ratings")}


def practise(wb: Workbench, name: str, results: list[tuple[str, bool]]) -> int:
    user = wb.register(name, f"{name}@example.org", name.title(), PASSWORD)
    for day, (exercise_id, passed) in enumerate(results):
        wb.record_result(user.id, exercise_id, passed, duration_s=90, at=START + timedelta(days=day))
    return user.id


def test_with_nothing_deleted_the_difficulties_move_as_the_results_moved_them(wb: Workbench) -> None:
    practise(wb, "ada", [(EASY, True), (HARD, False), (HARD, True), (EASY, True)])
    practise(wb, "bob", [(EASY, True), (HARD, False), (HARD, False)])
    online = ratings(wb)
    assert recalibrate(wb.store, wb.model, wb.bank, START) == 7
    again = ratings(wb)
    assert {e: n for e, (_, n) in again.items()} == {e: n for e, (_, n) in online.items()} == {EASY: 3, HARD: 4}
    for exercise_id, (difficulty, _) in again.items():
        authored = authored_difficulty(wb.exercise(exercise_id)).mean
        assert (difficulty - authored) * (online[exercise_id][0] - authored) > 0, "moved the same way"
        assert difficulty == pytest.approx(online[exercise_id][0], abs=0.3)
    assert wb.model.difficulty(wb.exercise(HARD)).mean == pytest.approx(again[HARD][0])  # the model reads them at once


def test_the_results_deleted_take_what_they_taught_with_them(wb: Workbench) -> None:
    ada = practise(wb, "ada", [(EASY, True)])
    bob = practise(wb, "bob", [(HARD, False)] * 6)
    assert ratings(wb)[HARD][1] == 6
    wb.store.execute("DELETE FROM attempts WHERE user_id = ?", [bob])
    recalibrate(wb.store, wb.model, wb.bank, START)
    assert set(ratings(wb)) == {EASY} and ratings(wb)[EASY][1] == 1
    assert wb.model.difficulty(wb.exercise(HARD)) == authored_difficulty(wb.exercise(HARD))
    assert wb.history(ada)  # the learner's own record is untouched


def test_a_try_after_a_pass_the_same_day_teaches_nothing_again(wb: Workbench) -> None:
    user = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    for minutes in (0, 5, 10):  # passed, then passed twice more the same morning
        wb.record_result(user.id, EASY, True, duration_s=60, at=START + timedelta(minutes=minutes))
    assert ratings(wb)[EASY][1] == 1
    recalibrate(wb.store, wb.model, wb.bank, START)
    assert ratings(wb)[EASY][1] == 1
