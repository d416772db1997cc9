"""The best estimate a simulation's data allow: a yardstick for the engine's correlation figures.

An estimator that knew everything the simulation hides except the learner (the true exercise
difficulties, the population's spreads, how interview answers are drawn, and the learning law at
the population's mean rate) would take the most probable skill abilities given the learner's
interview answers and first N results: the posterior mode, found here by quasi-Newton steps. On
average no estimator does better, so its rank correlation with the hidden abilities bounds what
the engine, which knows none of this, can reach on the same results.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from scipy.optimize import minimize
from scipy.special import ndtr

from engine.bank import Exercise
from engine.curriculum import Curriculum
from engine.learner import skill_weights
from engine.profile import SELF_LEVELS
from engine.simulated_learners import (
    DEVIATION_SD,
    GENERAL_SD,
    HINT_HELP,
    MEAN_LEARNING_RATE,
    SELF_LEVEL_CUTS,
    SELF_NOISE_SD,
    learning_gain,
)


def best_estimates(curriculum: Curriculum, self_levels: Mapping[str, str],
                   results: Sequence[tuple[Exercise, bool, int]], difficulties: Mapping[str, float],
                   skill_spread: float = DEVIATION_SD) -> dict[str, float]:
    """The posterior mode of every skill's ability now, after the interview's self-assessment (group
    -> answer) and ``results`` (exercise, passed, hints used), in order; ``skill_spread`` is the
    population's, as the learners were drawn. Each hint's help is known;
    what asking for it says of the learner is not used, so with hints this is a near-best estimate."""
    skills = list(curriculum.skills)
    column = {s: i for i, s in enumerate(skills)}
    size = len(skills)
    covariance = GENERAL_SD ** 2 * np.ones((size, size)) + skill_spread ** 2 * np.eye(size)
    precision = np.linalg.inv(covariance)

    # each result's margin is (weights . abilities then) - difficulty; abilities then are today's
    # minus what was learnt from that try on (the mean learner's law, on the known practice),
    # plus the help of the hints asked for
    loadings, offsets, passes = np.zeros((len(results), size)), np.zeros(len(results)), np.zeros(len(results))
    gains, tries = np.zeros((len(results), size)), dict.fromkeys(skills, 0)
    for k, (exercise, passed, _) in enumerate(results):
        for weight, skill in zip(skill_weights(exercise.skills), exercise.skills, strict=True):
            loadings[k, column[skill]] = weight
        for skill in exercise.skills:
            gains[k, column[skill]] = learning_gain(MEAN_LEARNING_RATE, passed, tries[skill])
            tries[skill] += 1
        passes[k] = passed
    learnt_since = np.cumsum(gains[::-1], axis=0)[::-1]  # row k: gains from try k on
    for k, (exercise, _, hints) in enumerate(results):
        offsets[k] = loadings[k] @ learnt_since[k] + difficulties[exercise.id] - hints * HINT_HELP
    learnt_in_all = learnt_since[0] if len(results) else np.zeros(size)

    # each answer is the group's mean ability at the interview, plus noise, cut into four answers
    groups, lows, highs = [], [], []
    bounds = (-math.inf, *SELF_LEVEL_CUTS, math.inf)
    for group_id, answer in self_levels.items():
        members = [column[s] for s in curriculum.groups[group_id].skills if s in column]
        row = np.zeros(size)
        row[members] = 1.0 / len(members)
        groups.append(row)
        index = list(SELF_LEVELS).index(answer)
        lows.append(bounds[index])
        highs.append(bounds[index + 1])
    means_of = np.array(groups).reshape(len(groups), size)
    low, high = np.array(lows), np.array(highs)

    def cost(x: np.ndarray) -> tuple[float, np.ndarray]:
        """Minus the log posterior, and its gradient."""
        margin = loadings @ x - offsets
        chance = 1.0 / (1.0 + np.exp(-margin))
        value = 0.5 * x @ precision @ x + float(np.sum(np.logaddexp(0.0, -margin) + (1 - passes) * margin))
        gradient = precision @ x - loadings.T @ (passes - chance)
        felt = means_of @ (x - learnt_in_all)
        upper, lower = (high - felt) / SELF_NOISE_SD, (low - felt) / SELF_NOISE_SD
        likely = np.maximum(ndtr(upper) - ndtr(lower), 1e-300)
        value -= float(np.sum(np.log(likely)))
        gradient -= means_of.T @ ((_density(lower) - _density(upper)) / (SELF_NOISE_SD * likely))
        return value, gradient

    mode = minimize(cost, np.zeros(size), jac=True, method="BFGS").x
    return {s: float(mode[column[s]]) for s in skills}


def _density(z: np.ndarray) -> np.ndarray:
    """The standard normal density, 0 at infinity."""
    return np.exp(-0.5 * np.square(z)) / math.sqrt(2 * math.pi)
