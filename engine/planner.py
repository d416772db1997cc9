"""The planner: chooses a learner's daily set, each pick with a one-line reason.

It prefers exercises the learner has not passed whose predicted chance of success lies in the
target band (default 0.70 to 0.85), in skills whose prerequisites have been practised, and never
repeats an exercise seen today.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from engine.attempts import Attempts
from engine.bank import Bank, Exercise
from engine.curriculum import Curriculum
from engine.learner import LearnerModel


@dataclass(frozen=True)
class Pick:
    exercise: Exercise
    probability: float
    reason: str


class Planner:
    def __init__(self, bank: Bank, curriculum: Curriculum, model: LearnerModel, attempts: Attempts,
                 band: tuple[float, float] = (0.70, 0.85)) -> None:
        self.bank = bank
        self.curriculum = curriculum
        self.model = model
        self.attempts = attempts
        self.band = band

    def daily_set(self, user_id: int, n: int, now: datetime, language: str = "python") -> list[Pick]:
        ratings = self.model.ratings(user_id)
        practised = set(ratings)
        passed = self.attempts.passed_ids(user_id)
        seen = self.attempts.last_seen(user_id)
        target = sum(self.band) / 2
        scored = []
        for exercise in self.bank.select(language):
            if exercise.id in passed:
                continue
            last = seen.get(exercise.id)
            if last is not None and last.date() == now.date():
                continue
            primary = exercise.skills[0]
            if not self.curriculum.unlocked(primary, practised):
                continue
            p = self.model.predict(user_id, exercise, ratings)
            distance = abs(p - target)
            order = self.curriculum.order(primary)
            scored.append((distance + 0.01 * order, exercise, p))
        scored.sort(key=lambda item: (item[0], item[1].id))
        picks: list[Pick] = []
        used_skills: set[str] = set()
        for _, exercise, p in scored:
            if len(picks) >= n:
                break
            if exercise.skills[0] in used_skills and len(scored) > n * 2:
                continue  # variety: one per skill while there is enough choice
            used_skills.add(exercise.skills[0])
            skill = self.curriculum.name(exercise.skills[0])
            if exercise.skills[0] in practised:
                reason = f"practice: {skill.lower()}, {round(p * 100)}% predicted success"
            else:
                reason = f"new skill: {skill.lower()}"
            picks.append(Pick(exercise, p, reason))
        return picks
