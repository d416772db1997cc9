"""Exercise difficulties learnt again from the results kept, once others are deleted (the demo data's).

Each result moved its exercise's difficulty when it was recorded, and deleting the result cannot
take that move back. So the difficulties start again from their authored levels and read every
result left, oldest first, as ``record_result`` reads one: the same score (hints, earlier fails,
slow solving), a try after a pass the same (UTC) day left out. Each result is read against its learner's
beliefs as they are now, since the beliefs they had then are not kept; only the difficulties move.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from engine.bank import Bank
from engine.learner import DEVIATION_PRIOR_VARIANCE, DIFFICULTY_FLOOR, LearnerModel, Snapshot, authored_difficulty
from engine.rating import Belief
from engine.store import Store


def recalibrate(store: Store, model: LearnerModel, bank: Bank, at: datetime) -> int:
    """Every exercise's difficulty from the attempts in the store alone; how many results were read."""
    rows = store.all("SELECT user_id, exercise_id, passed, hints_used, duration_s, CAST(submitted_at AS DATE) "
                     "FROM attempts ORDER BY submitted_at, id")
    difficulties: dict[str, tuple[Belief, int]] = {}
    learners: dict[int, Snapshot] = {}
    fails: Counter[tuple[int, str]] = Counter()
    passed_on: set[tuple[int, str, object]] = set()
    read = 0
    for user_id, exercise_id, passed, hints_used, duration_s, day in rows:
        if exercise_id not in bank or (user_id, exercise_id, day) in passed_on:
            continue  # once passed that day, another try says nothing new (as when it was recorded)
        exercise = bank.get(exercise_id)
        learner = learners.get(user_id) or learners.setdefault(user_id, model.snapshot(user_id))
        skills = {s: learner.deviations.get(s, (Belief(0.0, DEVIATION_PRIOR_VARIANCE), 0))[0] for s in exercise.skills}
        difficulty, evidence = difficulties.get(exercise_id, (authored_difficulty(exercise), 0))
        *_, moved = model.observed(learner.state.general, skills, exercise, difficulty, passed, hints_used, duration_s,
                                   fails[user_id, exercise_id])
        difficulties[exercise_id] = (Belief(moved.mean, max(DIFFICULTY_FLOOR, moved.variance)), evidence + 1)
        fails[user_id, exercise_id] += not passed
        if passed:
            passed_on.add((user_id, exercise_id, day))
        read += 1
    model.replace_difficulties(difficulties, at)
    return read
