"""The best estimate a simulation's data allow (engine/simulation_ceiling.py): the prior alone, what
the interview says, and abilities recovered from many results drawn by the simulation's own law."""

from __future__ import annotations

import random
import statistics

import pytest
from factories import REPO

from engine.curriculum import Curriculum
from engine.rating import logistic
from engine.simulated_learners import MEAN_LEARNING_RATE, make_bank, make_learner
from engine.simulation import spearman
from engine.simulation_ceiling import best_estimates

CURRICULUM = Curriculum.load(REPO / "data" / "curriculum.toml")


def test_without_evidence_every_skill_is_the_population_mean() -> None:
    assert set(best_estimates(CURRICULUM, {}, [], {}).values()) == {0.0}


@pytest.mark.parametrize(("answer", "direction"), [("confident", 1), ("new", -1)])
def test_a_self_assessment_moves_its_group_most(answer: str, direction: int) -> None:
    group = next(iter(CURRICULUM.groups.values()))
    best = best_estimates(CURRICULUM, {group.id: answer}, [], {})
    inside = statistics.fmean(best[s] for s in group.skills)
    outside = statistics.fmean(best[s] for s in CURRICULUM.skills if s not in group.skills)
    assert direction * outside > 0, "one answer says something of general ability, so of every skill"
    assert direction * inside > direction * outside, "and most of its own group's skills"


def simulated_results(count: int, seed: int) -> tuple[dict[str, str], list, dict[str, float], list[dict[str, float]]]:
    """A simulated learner (at the mean learning rate) through ``count`` random exercises: their
    interview answers, results, the true difficulties, and their hidden abilities after each result."""
    rng = random.Random(seed)
    bank, truth = make_bank(rng, CURRICULUM, per_skill=40)
    learner = make_learner(rng, CURRICULUM)
    learner.learning_rate = MEAN_LEARNING_RATE
    results, hidden = [], []
    for exercise in rng.sample(list(bank), count):
        passed = rng.random() < logistic(learner.margin(exercise, truth[exercise.id]))
        learner.practise(exercise, passed)
        results.append((exercise, passed, 0))
        hidden.append(dict(learner.skills))
    return learner.self_levels, results, truth, hidden


def test_many_results_recover_the_hidden_abilities() -> None:
    pairs, errors = [], []
    for seed in range(8):  # learners differ mostly in general ability; within one, skills by about 0.5 logits
        self_levels, results, truth, hidden = simulated_results(300, seed=seed)
        best = best_estimates(CURRICULUM, self_levels, results, truth)
        pairs += [(best[s], hidden[-1][s]) for s in CURRICULUM.skills]
        errors += [abs(best[s] - hidden[-1][s]) for s in CURRICULUM.skills]
    assert spearman(pairs) > 0.9
    assert statistics.fmean(errors) < 0.4


@pytest.mark.parametrize("seed", [5, 6, 7])
def test_more_results_come_closer(seed: int) -> None:
    self_levels, results, truth, hidden = simulated_results(400, seed=seed)

    def error(count: int) -> float:
        best = best_estimates(CURRICULUM, self_levels, results[:count], truth)
        return statistics.fmean((best[s] - hidden[count - 1][s]) ** 2 for s in CURRICULUM.skills)

    assert error(400) < error(40)


def test_the_best_estimate_spreads_skills_as_the_population_does() -> None:
    """Told skills barely differ within a learner, the best estimate gives them nearly one value; told
    they differ by half a logit, it follows each skill's own results."""
    self_levels, results, truth, _ = simulated_results(60, seed=3)

    def spread(skill_spread: float) -> float:
        best = best_estimates(CURRICULUM, self_levels, results, truth, skill_spread)
        return max(best.values()) - min(best.values())

    assert spread(0.01) < 0.05 < 0.3 < spread(0.5)
