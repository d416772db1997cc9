"""The adaptive engine against the plain staircase rule, on simulated learners.

The learners and the bank are ``engine.simulated_learners``. The adaptive run drives the real
engine through ``record_result`` and ``next_exercises`` only (the interview is answered first, as
in the app). The staircase run gives the same learners the original plan's rule alone: a level
from 1 to 10, 3 successes up, 2 struggles down, exercises of the authored level nearest to it.

Figures (``simulate``):

- ``in_band_share``: the share of learner-days whose success rate lies in the target band. The
  day's success rate is the mean of the hidden chances of the day's exercises (what the day was
  like for the learner); the share of days whose *observed* passes fall in the band is reported
  as well, but with 2 to 8 exercises a day it is dominated by coin-flip noise.
- ``spearman_after_20`` / ``_60``: rank correlation of the estimate and the hidden ability over
  every learner and skill, when each learner has 20 and 60 results.
- ``best_spearman_after_20`` / ``_60``: the same for the best estimate the run's own results allow
  (``engine.simulation_ceiling``): how far from the possible each policy's estimates are.
- ``calibration_rmse``: root mean square error of the exercise difficulties (logits) against the
  hidden ones, over exercises with at least one result; the staircase keeps the authored ones.

With ``hints=True`` some learners ask for hints when an exercise feels hard
(``engine.simulated_learners``); the day's chances are then those with the hints' help, and two
more figures tell how the policy read those learners:

- ``hinted_share``: the share of results with at least one hint.
- ``hint_users_offset``: after 60 results, the mean of (estimate - hidden ability) over the
  learners who ask for hints, minus the same over those who never do (logits; the engine's only):
  below 0, hint users are read as weaker than they are.
"""

from __future__ import annotations

import math
import random
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from engine.bank import Bank, Exercise
from engine.curriculum import Curriculum
from engine.learner import SELF_LEVEL_ABILITY
from engine.level import Staircase, comfortable_level, expected_seconds, is_struggle, level_difficulty
from engine.profile import Profile
from engine.rating import logistic
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.simulated_learners import (
    DEVIATION_SD,
    FEEL_SD,
    HINT_HELP,
    Learner,
    copy_of,
    give_hint_habits,
    make_bank,
    make_learner,
)
from engine.simulation_ceiling import best_estimates
from engine.store import Store
from engine.workbench import Workbench

START = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)


@dataclass
class Run:
    """What one policy did to the simulated learners."""

    day_chances: list[float] = field(default_factory=list)  # mean hidden chance per learner-day
    day_observed: list[float] = field(default_factory=list)  # observed pass share per learner-day
    snapshots: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # results -> (estimate, hidden)
    best: dict[int, list[tuple[float, float]]] = field(default_factory=dict)  # results -> (best estimate, hidden)
    calibration_rmse: float = 0.0
    tried: set[str] = field(default_factory=set)  # exercises with at least one result
    day_index: list[int] = field(default_factory=list)  # the learner's nth active day, per learner-day
    results: int = 0
    hinted: int = 0  # results with at least one hint
    offsets: dict[bool, list[float]] = field(default_factory=dict)  # asks for hints -> estimate - hidden, at 60

    def figures(self, band: tuple[float, float], hints: bool = False) -> dict[str, float | None]:
        low, high = band
        figures: dict[str, float | None] = {
            "in_band_share": round(_share(self.day_chances, low, high), 3),
            "observed_in_band_share": round(_share(self.day_observed, low, high), 3),
            "mean_success": round(statistics.fmean(self.day_chances), 3),
            "spearman_after_20": measured(self.snapshots.get(20, [])),
            "spearman_after_60": measured(self.snapshots.get(60, [])),
            "best_spearman_after_20": measured(self.best.get(20, [])),
            "best_spearman_after_60": measured(self.best.get(60, [])),
            "calibration_rmse": round(self.calibration_rmse, 3),
            "learner_days": len(self.day_chances),
        }
        if hints:
            figures["hinted_share"] = round(self.hinted / self.results, 3) if self.results else 0.0
            if self.offsets.get(True) and self.offsets.get(False):
                figures["hint_users_offset"] = round(statistics.fmean(self.offsets[True])
                                                     - statistics.fmean(self.offsets[False]), 3)
        return figures


class Policy:
    """What a run needs of a policy: its picks for a day, a result, and its estimates."""

    estimates_in_logits = True  # estimates on the hidden abilities' scale (their offset means something)

    def picks(self, index: int, now: datetime) -> list[Exercise]:
        raise NotImplementedError

    def record(self, index: int, exercise: Exercise, passed: bool, hints: int, duration_s: float, at: datetime) -> None:
        raise NotImplementedError

    def estimates(self, index: int) -> dict[str, float]:
        raise NotImplementedError

    def difficulty(self, exercise: Exercise) -> float:
        raise NotImplementedError

    def close(self) -> None:
        """Let go of what the policy holds (the engine's temporary home)."""


class EnginePolicy(Policy):
    """The real engine, through its public API."""

    def __init__(self, bank: Bank, curriculum: Curriculum, learners: list[Learner], band: tuple[float, float],
                 progress: Callable[[int, int], None] | None = None) -> None:
        self.now = START
        self._home = tempfile.TemporaryDirectory(prefix="workbench-simulation-")  # removed by ``close``
        settings = Settings(home=Path(self._home.name), bcrypt_rounds=4, target_band_low=band[0], target_band_high=band[1])
        self.wb = Workbench(settings, store=Store(), sandbox=Sandbox(), bank=bank, curriculum=curriculum,
                            clock=lambda: self.now, remember=False)
        self.users = []
        for i, learner in enumerate(learners):
            user = self.wb.register(f"sim{i:04d}", f"sim{i:04d}@example.org", f"Learner {i}", "simulated-learner")
            for step, answers in (("languages", {"languages": ["python"]}), ("levels", {"levels": learner.self_levels}),
                                  ("goals", {"goals": ["fun"]}), ("style", {"style": "challenges"}),
                                  ("time", {"minutes_per_day": learner.minutes_per_day})):
                self.wb.answer_onboarding(user.id, step, answers)
            self.users.append(user.id)
            if progress:  # about 35 learners a second here: minutes for the most the command takes
                progress(i + 1, len(learners))

    def picks(self, index: int, now: datetime) -> list[Exercise]:
        self.now = now
        return self.wb.next_exercises(self.users[index])

    def close(self) -> None:
        self.wb.close()
        self._home.cleanup()

    def record(self, index: int, exercise: Exercise, passed: bool, hints: int, duration_s: float, at: datetime) -> None:
        self.wb.record_result(self.users[index], exercise.id, passed, hints_used=hints, duration_s=duration_s, at=at)

    def estimates(self, index: int) -> dict[str, float]:
        return {s: e.ability for s, e in self.wb.skill_estimates(self.users[index]).items()}

    def difficulty(self, exercise: Exercise) -> float:
        return self.wb.exercise_difficulty(exercise.id)


class StaircasePolicy(Policy):
    """The original plan's rule alone: exercises of the authored level nearest to a 1..10 level."""

    estimates_in_logits = False  # a level for every skill

    def __init__(self, bank: Bank, curriculum: Curriculum, learners: list[Learner]) -> None:
        self.bank = bank
        self.curriculum = curriculum
        self.sizes = [Profile(minutes_per_day=x.minutes_per_day).daily_set_size or 1 for x in learners]
        self.stairs = [Staircase(comfortable_level(statistics.fmean(SELF_LEVEL_ABILITY[v] for v in x.self_levels.values())))
                       for x in learners]
        self.passed: list[set[str]] = [set() for _ in learners]
        self.seen_on: list[dict[str, datetime]] = [{} for _ in learners]

    def picks(self, index: int, now: datetime) -> list[Exercise]:
        level = self.stairs[index].level
        passed_skills = {self.bank.get(x).skills[0] for x in self.passed[index]}
        open_skills = {s for s in self.curriculum.skills if all(r in passed_skills for r in self.curriculum.requires(s))}
        candidates = [e for e in self.bank.select() if e.id not in self.passed[index] and e.skills[0] in open_skills
                      and self.seen_on[index].get(e.id, START - timedelta(days=1)).date() != now.date()]
        candidates.sort(key=lambda e: (abs(e.difficulty - level), self.curriculum.order(e.skills[0]), e.id))
        return candidates[: self.sizes[index]]

    def record(self, index: int, exercise: Exercise, passed: bool, hints: int, duration_s: float, at: datetime) -> None:
        self.stairs[index], _ = self.stairs[index].after(is_struggle(passed, hints, duration_s, exercise.difficulty))
        self.seen_on[index][exercise.id] = at
        if passed:
            self.passed[index].add(exercise.id)

    def estimates(self, index: int) -> dict[str, float]:
        return {s: float(self.stairs[index].level) for s in self.curriculum.skills}

    def difficulty(self, exercise: Exercise) -> float:
        return level_difficulty(exercise.difficulty)


def run(policy: Policy, learners: list[Learner], truth: dict[str, float], bank: Bank, curriculum: Curriculum, *,
        results: int, seed: int, skill_spread: float = DEVIATION_SD,
        progress: Callable[[int, int], None] | None = None) -> Run:
    """Every learner through ``results`` exercises, day by day; the same habits for every policy.
    ``skill_spread``: the population's, for the best estimate."""
    outcome = Run()
    for index, learner in enumerate(learners):
        rng = random.Random(seed * 100_003 + index)  # habits and answers: the same across policies
        done, day, active = 0, 0, 0
        results_so_far: list[tuple[Exercise, bool, int]] = []
        while done < results:
            day += 1
            if rng.random() < 0.02:
                day += rng.randint(7, 14)  # a break of a week or two
            if rng.random() > learner.active_share:
                continue
            now = START + timedelta(days=day, minutes=rng.randint(0, 180))
            chances, passes = [], 0
            for exercise in policy.picks(index, now):
                margin = learner.margin(exercise, truth[exercise.id])
                # only a learner who asks draws a feel: the others' answers stay those of the run without hints
                hints = learner.hints_wanted(margin, rng.gauss(0, FEEL_SD)) if learner.hint_threshold is not None else 0
                chance = logistic(margin + hints * HINT_HELP)
                passed = rng.random() < chance
                duration = expected_seconds(exercise.difficulty) * math.exp(rng.gauss(-0.2, 0.4) + (0 if passed else 0.5))
                now += timedelta(seconds=duration)
                policy.record(index, exercise, passed, hints, duration, now)
                outcome.tried.add(exercise.id)
                outcome.results += 1
                outcome.hinted += hints > 0
                learner.practise(exercise, passed)
                results_so_far.append((exercise, passed, hints))
                chances.append(chance)
                passes += passed
                done += 1
                if done in (20, 60):
                    estimates = policy.estimates(index)
                    outcome.snapshots.setdefault(done, []).extend((estimates[s], learner.skills[s]) for s in learner.skills)
                    if done == 60 and policy.estimates_in_logits:
                        outcome.offsets.setdefault(learner.hint_threshold is not None, []).extend(
                            estimates[s] - learner.skills[s] for s in learner.skills)
                    best = best_estimates(curriculum, learner.self_levels, results_so_far, truth, skill_spread)
                    outcome.best.setdefault(done, []).extend((best[s], learner.skills[s]) for s in learner.skills)
                if done >= results:
                    break
            if chances:
                active += 1
                outcome.day_index.append(active)
                outcome.day_chances.append(statistics.fmean(chances))
                outcome.day_observed.append(passes / len(chances))
        if progress:
            progress(index + 1, len(learners))
    errors = [(policy.difficulty(e) - truth[e.id]) ** 2 for e in bank if e.id in outcome.tried]
    outcome.calibration_rmse = math.sqrt(statistics.fmean(errors)) if errors else 0.0
    return outcome


def simulate(learners: int = 200, results: int = 60, per_skill: int = 25, seed: int = 7,
             band: tuple[float, float] = (0.70, 0.85), curriculum: Curriculum | None = None, hints: bool = False,
             skill_spread: float = DEVIATION_SD,
             progress: Callable[[str, int, int], None] | None = None) -> dict[str, Any]:
    """Run the engine and the staircase on the same simulated learners; figures for each. ``hints``:
    some learners ask for hints when an exercise feels hard. ``skill_spread``: how far a learner's
    skills lie from their general ability (the standard deviation, logits); the engine is not told."""
    from engine.workbench import DATA_DIR

    if not skill_spread > 0:  # skills that never differ: the best possible estimate's prior is singular
        raise ValueError(f"skill_spread must be more than 0 logits, not {skill_spread!r}")
    curriculum = curriculum or Curriculum.load(DATA_DIR / "curriculum.toml")
    rng = random.Random(seed)
    bank, truth = make_bank(rng, curriculum, per_skill)
    population = [make_learner(rng, curriculum, skill_spread) for _ in range(learners)]
    if hints:  # drawn apart, so that the same seed meets the same learners with or without hints
        give_hint_habits(random.Random(seed + 1), population)
    figures: dict[str, Any] = {"learners": learners, "results_per_learner": results, "exercises": len(bank),
                               "band": list(band), "seed": seed, "hints": hints, "skill_spread": skill_spread}
    def stage(name: str) -> Callable[[int, int], None] | None:
        return (lambda done, total: progress(name, done, total)) if progress else None

    for name, make in (("adaptive", lambda people: EnginePolicy(bank, curriculum, people, band, stage("sign-up"))),
                       ("staircase", lambda people: StaircasePolicy(bank, curriculum, people))):
        people = [copy_of(x) for x in population]
        report = stage(name)
        policy = make(people)
        try:
            outcome = run(policy, people, truth, bank, curriculum, results=results, seed=seed, skill_spread=skill_spread,
                          progress=report)
        finally:
            policy.close()
        figures[name] = outcome.figures(band, hints)
    return figures


def measured(pairs: list[tuple[float, float]]) -> float | None:
    """Spearman's correlation of a snapshot, rounded; None when the run never got there (fewer results a
    learner than the snapshot's): 0.0 read as a measured lack of any correlation."""
    return round(spearman(pairs), 3) if len(pairs) >= 3 else None


def spearman(pairs: list[tuple[float, float]]) -> float:
    """Spearman's rank correlation (average ranks for ties); 0 when undefined."""
    if len(pairs) < 3:
        return 0.0
    xs, ys = _ranks([p[0] for p in pairs]), _ranks([p[1] for p in pairs])
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx, syy = sum((x - mx) ** 2 for x in xs), sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx and syy else 0.0


def _ranks(values: list[float]) -> list[float]:
    order = sorted(range(len(values)), key=values.__getitem__)
    ranks = [0.0] * len(values)
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        for k in range(i, j + 1):
            ranks[order[k]] = (i + j) / 2 + 1
        i = j + 1
    return ranks


def _share(values: list[float], low: float, high: float) -> float:
    return sum(low <= v <= high for v in values) / len(values) if values else 0.0
