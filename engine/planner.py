"""The planner: chooses a learner's daily set, each pick with a one-line reason.

In order: reviews that are due (first of all after a gap of a week or more), then exercises not
yet passed whose predicted chance of success lies in the target band, a warm-up above its middle
and a stretch below it in turn, so that the day's mean sits in the band even when the estimate is
somewhat off (a day of look-alikes moves out of the band all together) (of two equally near the aim,
the one the model can predict better: calibrated, in a practised skill), one per skill before any
skill gets a second, in skills whose prerequisites are met, earlier skills of the curriculum
first; then, if the bank runs short, more due reviews (the most overdue first) and exercises passed
before (seen longest ago first). Nothing seen or skipped today comes back unless asked. A learner
who asked for easier or harder exercises gets the band aimed as if they were weaker or stronger; a
pinned level keeps new exercises within one level of it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from datetime import datetime

from engine.bank import Bank, Exercise
from engine.clock import calendar_days
from engine.curriculum import Curriculum
from engine.learner import GAP_DAYS, LearnerModel, SkillEstimate
from engine.review import ExerciseProgress, Reviews

MASTERED_ENOUGH = 0.5  # an ability the model must be sure of (one sd below its estimate) for an untried prerequisite
REVIEW_SHARE = 1 / 3
BALANCE_BELOW, BALANCE_ABOVE = 0.15, 0.10  # never aim a single pick this far beyond the band to balance the day
SKILL_REPEAT_COST = 0.05  # how much closer to the aim a second exercise of a skill must be
ORDER_COST = 0.001  # earlier skills of the curriculum first, other things equal (0.01 a place overrode a 10-point distance)
UNSURE_WEIGHT = 0.5  # how much an unsure prediction counts against a pick, beside its distance from the aim
DAY_SPREAD = 0.06  # how far above the band's middle every other pick aims (the next one balances it)


@dataclass(frozen=True)
class Pick:
    exercise: Exercise
    probability: float  # the model's predicted chance of passing it
    reason: str
    kind: str  # review | new | practice | again


class Planner:
    def __init__(self, bank: Bank, curriculum: Curriculum, model: LearnerModel, reviews: Reviews,
                 band: tuple[float, float] = (0.70, 0.85)) -> None:
        self.bank = bank
        self.curriculum = curriculum
        self.model = model
        self.reviews = reviews
        self.band = band

    def daily_set(self, user_id: int, n: int, now: datetime, language: str = "python",
                  repeat: bool = False) -> list[Pick]:
        """The ``n`` best exercises for today, best first. ``now``: in the learner's time zone, whose
        day "today" is. ``repeat``: allow today's again."""
        snapshot = self.model.snapshot(user_id)
        state = snapshot.state
        predict = self.model.predictor(user_id, snapshot=snapshot)
        aim = self.model.predictor(user_id, shift=state.offset, snapshot=snapshot) if state.offset else predict
        progress = self.reviews.progress(user_id)
        pool = [e for e in self.bank.select(language) if repeat or not _touched_today(progress.get(e.id), now)]
        passed = {e.id for e in pool if progress.get(e.id) and progress[e.id].passes}
        # a week of the learner's midnights, as "last seen N days ago" and the model's widening count it
        gap = state.last_result_at is not None and calendar_days(state.last_result_at, now) >= GAP_DAYS

        estimates = self.model.estimates(user_id, snapshot)
        passed_skills = self._passed_skills(progress)
        unlocked = {s: self._unlocked(s, passed_skills, estimates) for s in {e.skills[0] for e in pool}}
        fresh = [e for e in pool if e.id not in passed and unlocked[e.skills[0]]]
        if state.staircase.pinned:
            fresh = _near_level(fresh, state.staircase.level)

        due = sorted((e for e in pool if e.id in passed and _due(progress[e.id], now)),
                     key=lambda e: progress[e.id].due_at or now)  # the most overdue first
        share = n if gap else max(min(n, 1), math.floor(n * REVIEW_SHARE))
        # places no new exercise can fill go to due reviews before anything passed comes again: once
        # the bank ran out, a third of the day left reviews piling up while the same few came again.
        # A new exercise far beyond the band fills none while reviews wait: a learner far along was
        # given the few left of the early skills (a 99% warm-up, a 29% stretch) and reviews piled up.
        least, most = self._pick_limits
        fitting = sum(least <= aim(e) <= most for e in fresh)
        quota = min(len(due), max(share, n - fitting))
        picks = [self._review(e, predict(e), progress[e.id], now, gap) for e in due[:quota]]

        spread = self.model.spread(user_id, snapshot)
        practised = {s for s, estimate in estimates.items() if estimate.evidence}
        picks += self._best(fresh, aim, predict, spread, n - len(picks), practised, [aim(p.exercise) for p in picks])
        if len(picks) < n:
            chosen = {p.exercise.id for p in picks}
            again = [e for e in pool if e.id in passed and e.id not in chosen]
            # what was seen longest ago first, then the nearest the aim: by nearness alone, the same few
            # came back every other day while the rest of the bank waited
            longest_ago = sorted(again, key=lambda e: (_day_seen(progress[e.id], now), abs(aim(e) - self.target)))
            picks += [Pick(e, predict(e), f"again: {self._skill(e)}, passed before", "again")
                      for e in longest_ago[: n - len(picks)]]
        return picks

    def locked_skills(self, user_id: int, language: str = "python") -> list[str]:
        """The skills with exercises not passed yet that the daily set cannot offer: a prerequisite is
        neither passed nor surely known. Earlier skills of the curriculum first. Use it to say why
        nothing more comes when the learner asks for more."""
        progress = self.reviews.progress(user_id)
        passed_skills = self._passed_skills(progress)
        estimates = self.model.estimates(user_id)
        skills = {e.skills[0] for e in self.bank.select(language) if not (e.id in progress and progress[e.id].passes)}
        return sorted((s for s in skills if not self._unlocked(s, passed_skills, estimates)), key=self.curriculum.order)

    @property
    def target(self) -> float:
        return sum(self.band) / 2

    def _best(self, candidates: list[Exercise], aim: Callable[[Exercise], float],
              predict: Callable[[Exercise], float], spread: Callable[[Exercise], float], count: int,
              practised: set[str], planned: list[float]) -> list[Pick]:
        """Pick ``count`` candidates one at a time so that the day as a whole (with the chances
        already ``planned``, such as reviews) aims at the band's middle; of two equally near the
        aim, the one the model can predict better; a skill not yet in the day is preferred, and
        earlier skills of the curriculum break ties."""
        aimed = {e.id: aim(e) for e in candidates}
        # how far the true chance may lie from the predicted one (the Rasch slope times the sd of
        # what is unknown about this exercise for this learner): the day lands in the band more
        # often on exercises the model can predict
        unsure = {e.id: aimed[e.id] * (1 - aimed[e.id]) * math.sqrt(spread(e)) for e in candidates}
        left = sorted(candidates, key=lambda e: (self.curriculum.order(e.skills[0]), e.id))
        chosen: list[Exercise] = []
        chances = list(planned)
        skills: set[str] = set()
        picking = min(count, len(left))
        for k in range(picking):
            wanted = self._aim(k, picking, chances)
            best = min(left, key=lambda e: math.hypot(aimed[e.id] - wanted, UNSURE_WEIGHT * unsure[e.id])
                       + (SKILL_REPEAT_COST if e.skills[0] in skills else 0) + ORDER_COST * self.curriculum.order(e.skills[0]))
            left.remove(best)
            chosen.append(best)
            chances.append(aimed[best.id])
            skills.add(best.skills[0])
        return [self._practice(e, predict(e), practised) for e in chosen]

    def _aim(self, k: int, picking: int, chances: list[float]) -> float:
        """The chance the ``k``-th of ``picking`` new picks aims at, after the day's ``chances`` so
        far: what brings the day's mean to the band's middle, lifted by ``DAY_SPREAD`` (never past
        the band) on every other pick but the last, so that the next one aims as far below."""
        least, most = self._pick_limits
        wanted = min(most, max(least, self.target * (len(chances) + 1) - sum(chances)))
        if k % 2 == 0 and k < picking - 1:
            wanted = max(wanted, min(wanted + DAY_SPREAD, self.band[1]))
        return wanted

    @property
    def _pick_limits(self) -> tuple[float, float]:
        """The chances a single pick may aim at to balance the day: never this far beyond the band."""
        return max(0.01, self.band[0] - BALANCE_BELOW), min(0.99, self.band[1] + BALANCE_ABOVE)

    def _passed_skills(self, progress: Mapping[str, ExerciseProgress]) -> set[str]:
        return {self.bank.get(x).skills[0] for x, p in progress.items() if p.passes and x in self.bank}

    def _unlocked(self, skill: str, passed_skills: set[str], estimates: dict[str, SkillEstimate]) -> bool:
        return prerequisites_met(self.curriculum, skill, passed_skills, estimates)

    def _review(self, exercise: Exercise, p: float, progress: ExerciseProgress, now: datetime, gap: bool) -> Pick:
        days = calendar_days(progress.last_seen_at, now) if progress.last_seen_at else 0
        ago = "today" if days == 0 else "yesterday" if days == 1 else f"{days} days ago"
        lead = "welcome back, review" if gap else "review"
        return Pick(exercise, p, f"{lead}: {self._skill(exercise)}, last seen {ago}", "review")

    def _practice(self, exercise: Exercise, p: float, practised: set[str]) -> Pick:
        skill = self._skill(exercise)
        if exercise.skills[0] not in practised:
            return Pick(exercise, p, f"new skill: {skill}, {round(p * 100)}% predicted success", "new")
        low, high = self.band
        # named by the chance shown beside it: after Harder, a pick aimed in the band is a stretch
        kind = "stretch" if p < low else "warm-up" if p > high else "practice"
        return Pick(exercise, p, f"{kind}: {skill}, {round(p * 100)}% predicted success", "practice")

    def _skill(self, exercise: Exercise) -> str:
        return self.curriculum.name(exercise.skills[0]).lower()


def prerequisites_met(curriculum: Curriculum, skill: str, passed_skills: Collection[str],
                      estimates: Mapping[str, SkillEstimate]) -> bool:
    """Whether every prerequisite of a skill has been passed, or is surely known already: one standard
    deviation below its estimate still at ``MASTERED_ENOUGH``. A confident self-rating opens later
    skills at once; a few passes in the first skills do not open all the others (their estimate
    alone, general ability rising, did after four)."""
    return all(r in passed_skills or (r in estimates and estimates[r].ability - estimates[r].sd >= MASTERED_ENOUGH)
               for r in curriculum.requires(skill))


def _same_day(moment: datetime | None, now: datetime) -> bool:
    """Whether ``moment`` falls on ``now``'s day, in ``now``'s time zone (the learner's)."""
    return moment is not None and calendar_days(moment, now) == 0


def _touched_today(progress: ExerciseProgress | None, now: datetime) -> bool:
    return progress is not None and (_same_day(progress.last_seen_at, now) or _same_day(progress.last_skipped_at, now))


def _day_seen(progress: ExerciseProgress, now: datetime) -> int:
    """How many of the learner's days ago it was last tried, negated, so that the longest ago sorts first."""
    return -calendar_days(progress.last_seen_at, now) if progress.last_seen_at else 0


def _due(progress: ExerciseProgress, now: datetime) -> bool:
    return progress.due_at is not None and progress.due_at <= now


def _near_level(exercises: list[Exercise], level: int) -> list[Exercise]:
    """Exercises within one level of a pinned level; the nearest ones if there are none."""
    near = [e for e in exercises if abs(e.difficulty - level) <= 1]
    if near or not exercises:
        return near
    closest = min(abs(e.difficulty - level) for e in exercises)
    return [e for e in exercises if abs(e.difficulty - level) == closest]
