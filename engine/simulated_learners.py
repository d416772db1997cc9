"""The simulated world: learners with hidden abilities that grow with practice, and a synthetic bank.

Each simulated learner has a hidden general ability and a hidden ability per skill (the general
one plus a deviation) that grow with practice, answers the interview's self-assessment from
them with some noise, keeps their own habits (how many days a week, breaks of a week or more),
and passes an exercise with the chance an IRT (Rasch) model gives. Some learners (in the hints
scenario) ask for hints when an exercise feels hard, and each hint raises their chance. The bank's exercises are on
the real curriculum's skills, with a hidden true difficulty and an authored level that is that
difficulty rounded with an author's error.
"""

from __future__ import annotations

import math
import random
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from engine.bank import Bank, Exercise
from engine.curriculum import Curriculum
from engine.learner import SELF_LEVEL_ABILITY, skill_weights
from engine.level import clamp_level

GENERAL_SD = 1.0  # the population's spread of general ability (logits)
DEVIATION_SD = 0.5  # of a skill's deviation from it (the default; ``simulate --skill-spread`` sets another)
SELF_NOISE_SD = 0.6  # of a self-assessment around the group's mean ability
SELF_LEVEL_CUTS = (-1.0, 0.0, 1.0)  # felt ability -> new | beginner | comfortable | confident
MEAN_LEARNING_RATE = 0.03  # logits a skill gains from a pass early in its practice, on average
LEARNING_RATE_SD = 0.012
PRACTICE_DECAY = 30  # tries of a skill after which its gains have shrunk by e
FAIL_LEARNING = 0.5  # a fail teaches half as much as a pass
HINT_USERS = 0.6  # the share of learners who ask for hints at all (in the hints scenario)
HINT_HELP = 0.5  # logits a hint adds to the margin: a nudge, not the answer
FEEL_SD = 0.7  # how far a learner's feel for an exercise, before trying it, is from their true margin
MAX_HINTS = 3


def learning_gain(rate: float, passed: bool, tries_before: int) -> float:
    """What one try adds to each skill it uses."""
    return rate * (1.0 if passed else FAIL_LEARNING) * math.exp(-tries_before / PRACTICE_DECAY)


@dataclass
class Learner:
    """A simulated learner: hidden abilities that grow with practice, and habits."""

    general: float
    skills: dict[str, float]
    learning_rate: float
    minutes_per_day: int
    active_share: float
    self_levels: dict[str, str]
    practice: dict[str, int] = field(default_factory=dict)
    hint_threshold: float | None = None  # asks for hints while the felt margin is below it; None: never

    def hints_wanted(self, margin: float, feel_error: float) -> int:
        """Hints asked for before trying: enough to lift the felt margin to the learner's threshold."""
        if self.hint_threshold is None:
            return 0
        short = self.hint_threshold - (margin + feel_error)
        return min(MAX_HINTS, max(0, math.ceil(short / HINT_HELP)))

    def margin(self, exercise: Exercise, difficulty: float) -> float:
        weights = skill_weights(exercise.skills)  # the model's assumption, here made true
        return sum(w * self.skills[s] for w, s in zip(weights, exercise.skills, strict=True)) - difficulty

    def practise(self, exercise: Exercise, passed: bool) -> None:
        """Learning from a try: more from a pass, less with every practice of the same skill."""
        for skill in exercise.skills:
            count = self.practice.get(skill, 0)
            self.skills[skill] += learning_gain(self.learning_rate, passed, count)
            self.practice[skill] = count + 1


def make_learner(rng: random.Random, curriculum: Curriculum, skill_spread: float = DEVIATION_SD) -> Learner:
    """A learner drawn from the population; ``skill_spread``: the standard deviation of each skill's
    deviation from their general ability (logits)."""
    general = rng.gauss(0, GENERAL_SD)
    skills = {s: general + rng.gauss(0, skill_spread) for s in curriculum.skills}
    self_levels = {}
    for group in curriculum.groups.values():
        felt = statistics.fmean(skills[s] for s in group.skills) + rng.gauss(0, SELF_NOISE_SD)
        self_levels[group.id] = list(SELF_LEVEL_ABILITY)[sum(felt > cut for cut in SELF_LEVEL_CUTS)]
    return Learner(general, skills, learning_rate=max(0.005, rng.gauss(MEAN_LEARNING_RATE, LEARNING_RATE_SD)),
                   minutes_per_day=rng.choice((15, 20, 30, 45, 60)), active_share=rng.uniform(0.5, 0.95),
                   self_levels=self_levels)


def make_bank(rng: random.Random, curriculum: Curriculum, per_skill: int) -> tuple[Bank, dict[str, float]]:
    """A synthetic bank: hidden true difficulties and authored levels with an author's error."""
    exercises, truth = [], {}
    skills = list(curriculum.skills)
    for skill in skills:
        for i in range(per_skill):
            true = rng.uniform(-3.0, 3.0)
            authored = clamp_level(round(true / 0.6 + 5.5 + rng.gauss(0, 0.8)))
            others = (rng.choice([s for s in skills if s != skill]),) if rng.random() < 0.3 else ()
            exercise = Exercise(id=f"python/{skill}-{i:02d}", title=f"{skill} {i}", skills=(skill, *others),
                                difficulty=authored, hints=(), instructions="", starter="", tests="", path=Path("."))
            exercises.append(exercise)
            truth[exercise.id] = true
    return Bank.of(exercises), truth


def give_hint_habits(rng: random.Random, learners: list[Learner]) -> None:
    """Make some learners ask for hints: each when an exercise feels below a chance of their own
    (a threshold margin around 0.5 logits, a felt chance of about 62%)."""
    for learner in learners:
        learner.hint_threshold = rng.gauss(0.5, 0.5) if rng.random() < HINT_USERS else None


def copy_of(learner: Learner) -> Learner:
    return Learner(learner.general, dict(learner.skills), learner.learning_rate, learner.minutes_per_day,
                   learner.active_share, dict(learner.self_levels), hint_threshold=learner.hint_threshold)
