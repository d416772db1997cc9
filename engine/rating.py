"""Gaussian beliefs on a logit scale and their Bayesian update from one result.

The learner model is a Rasch (1-parameter IRT) model: the chance of passing is
``1 / (1 + exp(-margin))`` where the margin is the learner's ability minus the exercise's
difficulty. Neither is known; each is a Gaussian belief (mean and variance). A result updates
every belief that enters the margin by one Newton step of the posterior (the Laplace
approximation used by Glicko and TrueSkill). The step is proportional to the belief's variance,
and the variance shrinks with each result: an Elo update whose step decays as evidence grows,
but per quantity and with an uncertainty to show.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Belief:
    """What the model believes about one quantity: a mean and a variance on the logit scale."""

    mean: float
    variance: float

    @property
    def sd(self) -> float:
        return math.sqrt(self.variance)

    def widened(self, extra: float, cap: float) -> Belief:
        """Less certain by ``extra`` variance, never beyond ``cap`` (time passing, a long gap)."""
        return Belief(self.mean, min(cap, self.variance + extra)) if self.variance < cap else self


def logistic(x: float) -> float:
    if x >= 0:
        return 1.0 / (1.0 + math.exp(-x))
    z = math.exp(x)
    return z / (1.0 + z)


def chance(margin: float, variance: float = 0.0) -> float:
    """The chance of success for a margin known up to ``variance``: the Rasch curve averaged over
    the uncertainty (the probit approximation), so an unsure model predicts less extreme chances."""
    return logistic(margin / math.sqrt(1.0 + math.pi * variance / 8.0))


def observe(terms: Sequence[tuple[float, Belief]], outcome: float, floor: float = 0.0) -> list[Belief]:
    """Update the beliefs whose weighted sum is the margin, after a result scored ``outcome``
    (1 a clean pass, 0 a fail, in between a pass with help). ``terms``: (coefficient, belief);
    abilities enter with positive coefficients, the difficulty with -1. ``floor`` keeps every
    variance above a minimum, so the model keeps following a learner who is still learning."""
    margin = sum(c * b.mean for c, b in terms)
    spread = sum(c * c * b.variance for c, b in terms)
    p = logistic(margin)
    weight = p * (1.0 - p)
    denominator = 1.0 + spread * weight
    updated = []
    for c, b in terms:
        mean = b.mean + c * b.variance * (outcome - p) / denominator
        variance = b.variance - (c * b.variance) ** 2 * weight / denominator
        updated.append(Belief(mean, max(floor, variance)))
    return updated


def condition(means: list[float], covariance: list[list[float]], coefficients: Sequence[float], value: float,
              noise: float) -> tuple[list[float], list[list[float]]]:
    """A joint Gaussian belief after a noisy linear reading ``value = sum(c * x) + error`` with
    error variance ``noise`` (one Kalman update). Use it for evidence that is itself roughly
    Gaussian, such as a self-assessment; ``observe`` is for pass or fail results."""
    spread = [sum(row[j] * coefficients[j] for j in range(len(means))) for row in covariance]  # covariance @ c
    total = sum(c * s for c, s in zip(coefficients, spread, strict=True)) + noise
    residual = value - sum(c * m for c, m in zip(coefficients, means, strict=True))
    new_means = [m + s * residual / total for m, s in zip(means, spread, strict=True)]
    new_covariance = [[covariance[i][j] - spread[i] * spread[j] / total for j in range(len(means))]
                      for i in range(len(means))]
    return new_means, new_covariance
