"""The learner model: an ability per learner and skill, and the chance of passing an exercise.

Abilities and difficulties share one logit scale: the chance that a learner of ability
``theta`` passes an exercise of difficulty ``b`` is ``1 / (1 + exp(b - theta))`` (a Rasch
model). Each result moves the ability of the exercise's skills towards what was observed, by a
step that shrinks as evidence grows (Elo with a decaying step). Hints and slow solving count as
partial success.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from engine.bank import Exercise
from engine.clock import to_naive_utc
from engine.store import Store

START_ABILITY = 0.0


def authored_difficulty(level: int) -> float:
    """An authored level 1..10 on the logit scale: level 5.5 is even odds for a new learner."""
    return (level - 5.5) * 0.6


def success_probability(ability: float, difficulty: float) -> float:
    return 1.0 / (1.0 + math.exp(difficulty - ability))


def outcome_score(passed: bool, hints_used: int) -> float:
    """What a result says about ability: a clean pass is 1, each hint takes some of it away."""
    if not passed:
        return 0.0
    return max(0.5, 1.0 - 0.15 * max(0, hints_used))


@dataclass(frozen=True)
class SkillRating:
    skill: str
    ability: float
    evidence: int


class LearnerModel:
    """Abilities per learner and skill, kept in the store's ``skill_ratings`` table."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def ability(self, user_id: int, skill: str) -> float:
        value = self.store.scalar("SELECT rating FROM skill_ratings WHERE user_id = ? AND skill = ?", [user_id, skill])
        return float(value) if value is not None else START_ABILITY

    def ratings(self, user_id: int) -> dict[str, SkillRating]:
        rows = self.store.all("SELECT skill, rating, evidence FROM skill_ratings WHERE user_id = ?", [user_id])
        return {r[0]: SkillRating(r[0], r[1], r[2]) for r in rows}

    def predict(self, user_id: int, exercise: Exercise, ratings: dict[str, SkillRating] | None = None) -> float:
        """The chance that the learner passes the exercise (without hints)."""
        ratings = self.ratings(user_id) if ratings is None else ratings
        abilities = [ratings[s].ability if s in ratings else START_ABILITY for s in exercise.skills]
        return success_probability(min(abilities), authored_difficulty(exercise.difficulty))

    def update(self, user_id: int, exercise: Exercise, passed: bool, hints_used: int, at: datetime) -> None:
        ratings = self.ratings(user_id)
        score = outcome_score(passed, hints_used)
        difficulty = authored_difficulty(exercise.difficulty)
        for weight, skill in zip(_skill_weights(len(exercise.skills)), exercise.skills, strict=True):
            current = ratings.get(skill, SkillRating(skill, START_ABILITY, 0))
            step = 1.2 / math.sqrt(1 + current.evidence)
            expected = success_probability(current.ability, difficulty)
            ability = current.ability + weight * step * (score - expected)
            self.store.execute(
                "INSERT OR REPLACE INTO skill_ratings (user_id, skill, rating, evidence, updated_at) VALUES (?, ?, ?, ?, ?)",
                [user_id, skill, ability, current.evidence + 1, to_naive_utc(at)])


def _skill_weights(count: int) -> list[float]:
    """The primary skill learns most from a result; secondary skills a little."""
    return [1.0] + [0.4] * (count - 1)
