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
        # variety first: one exercise per skill, then the best of the rest
        first: list[tuple[Exercise, float]] = []
        rest: list[tuple[Exercise, float]] = []
        used_skills: set[str] = set()
        for _, exercise, p in scored:
            (rest if exercise.skills[0] in used_skills else first).append((exercise, p))
            used_skills.add(exercise.skills[0])
        chosen = (first + rest)[:n]
        return [Pick(exercise, p, self._reason(exercise, p, practised)) for exercise, p in chosen]

    def _reason(self, exercise: Exercise, probability: float, practised: set[str]) -> str:
        skill = self.curriculum.name(exercise.skills[0]).lower()
        if exercise.skills[0] in practised:
            return f"practice: {skill}, {round(probability * 100)}% predicted success"
        return f"new skill: {skill}"
