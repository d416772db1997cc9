"""Gaussian beliefs and their update from one result (engine/rating.py): directions and bounds."""

from __future__ import annotations

import math

import pytest

from engine.rating import Belief, chance, condition, logistic, observe

ABILITY = Belief(0.0, 1.0)
DIFFICULTY = Belief(0.0, 0.35)


def update(outcome: float, ability: Belief = ABILITY, difficulty: Belief = DIFFICULTY,
           floor: float = 0.0) -> tuple[Belief, Belief]:
    """One result on a margin of ability minus difficulty: the two beliefs after it."""
    new_ability, new_difficulty = observe([(1.0, ability), (-1.0, difficulty)], outcome, floor=floor)
    return new_ability, new_difficulty


# -- chance ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("variance", [0.0, 0.5, 3.0, 100.0], ids=lambda v: f"variance={v}")
def test_chance_is_even_at_margin_zero(variance: float) -> None:
    assert chance(0.0, variance) == pytest.approx(0.5)


@pytest.mark.parametrize("variance", [0.0, 1.0, 10.0], ids=lambda v: f"variance={v}")
def test_chance_grows_with_the_margin(variance: float) -> None:
    margins = [-30.0, -5.0, -1.0, -0.1, 0.0, 0.1, 1.0, 5.0, 30.0]
    chances = [chance(m, variance) for m in margins]
    assert chances == sorted(chances)
    assert len(set(chances)) == len(chances)
    assert all(0.0 <= p <= 1.0 for p in chances)


@pytest.mark.parametrize("margin", [-3.0, -0.5, 0.5, 3.0], ids=lambda m: f"margin={m}")
def test_uncertainty_flattens_the_chance_toward_even(margin: float) -> None:
    distances = [abs(chance(margin, v) - 0.5) for v in (0.0, 0.5, 2.0, 10.0, 1000.0)]
    assert distances == sorted(distances, reverse=True)
    assert len(set(distances)) == len(distances)
    assert (chance(margin, 10.0) > 0.5) == (margin > 0)  # flatter, never flipped


def test_chance_without_variance_is_the_rasch_curve() -> None:
    for margin in (-2.0, 0.0, 1.5):
        assert chance(margin) == pytest.approx(1 / (1 + math.exp(-margin)))


@pytest.mark.parametrize("x", [-800.0, -40.0, 40.0, 800.0], ids=lambda x: f"x={x}")
def test_logistic_does_not_overflow(x: float) -> None:
    assert 0.0 <= logistic(x) <= 1.0
    assert logistic(x) + logistic(-x) == pytest.approx(1.0)


# -- observe ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("outcome", "direction"), [(1.0, 1), (0.0, -1)], ids=["pass", "fail"])
def test_a_result_moves_ability_and_difficulty_apart(outcome: float, direction: int) -> None:
    ability, difficulty = update(outcome)
    assert (ability.mean - ABILITY.mean) * direction > 0
    assert (difficulty.mean - DIFFICULTY.mean) * direction < 0


def test_a_partial_outcome_lies_in_between() -> None:
    outcomes = [0.0, 0.25, 0.5, 0.75, 1.0]
    abilities = [update(o)[0].mean for o in outcomes]
    difficulties = [update(o)[1].mean for o in outcomes]
    assert abilities == sorted(abilities) and len(set(abilities)) == len(abilities)
    assert difficulties == sorted(difficulties, reverse=True) and len(set(difficulties)) == len(difficulties)


def test_an_expected_outcome_changes_the_means_little() -> None:
    """A pass the model was sure of teaches less than a surprising one."""
    expected = update(1.0, ability=Belief(3.0, 1.0))[0].mean - 3.0
    surprising = update(1.0, ability=Belief(-3.0, 1.0))[0].mean + 3.0
    assert 0 < expected < surprising


@pytest.mark.parametrize("outcome", [0.0, 0.6, 1.0], ids=["fail", "helped-pass", "pass"])
def test_variances_shrink(outcome: float) -> None:
    ability, difficulty = update(outcome)
    assert 0 < ability.variance < ABILITY.variance
    assert 0 < difficulty.variance < DIFFICULTY.variance


@pytest.mark.parametrize("floor", [0.01, 0.1, 0.5, 2.0], ids=lambda f: f"floor={f}")
def test_variances_never_go_below_the_floor(floor: float) -> None:
    ability, difficulty = ABILITY, DIFFICULTY
    for i in range(50):
        ability, difficulty = update(float(i % 2), ability, difficulty, floor=floor)
        assert ability.variance >= floor and difficulty.variance >= floor


def test_many_results_without_a_floor_keep_variances_positive() -> None:
    ability, difficulty = ABILITY, DIFFICULTY
    for i in range(200):
        ability, difficulty = update(float(i % 3 != 0), ability, difficulty)
    assert 0 < ability.variance < 0.1 and 0 < difficulty.variance < DIFFICULTY.variance


@pytest.mark.parametrize("outcome", [0.0, 1.0], ids=["fail", "pass"])
def test_a_less_certain_belief_moves_more(outcome: float) -> None:
    sure = update(outcome, ability=Belief(0.0, 0.1))[0]
    unsure = update(outcome, ability=Belief(0.0, 2.0))[0]
    assert abs(unsure.mean) > abs(sure.mean) > 0


@pytest.mark.parametrize(
    ("coefficient", "outcome", "direction"),
    [(1.0, 1.0, 1), (0.3, 1.0, 1), (-1.0, 1.0, -1), (-0.5, 1.0, -1), (1.0, 0.0, -1), (-1.0, 0.0, 1)],
    ids=["ability-pass", "secondary-pass", "difficulty-pass", "half-weight-difficulty-pass", "ability-fail",
         "difficulty-fail"],
)
def test_each_belief_moves_with_the_sign_of_its_coefficient(coefficient: float, outcome: float, direction: int) -> None:
    terms = [(1.0, Belief(0.2, 0.5)), (coefficient, Belief(0.0, 0.4))]
    _, moved = observe(terms, outcome)
    assert (moved.mean - 0.0) * direction > 0


def test_a_smaller_coefficient_moves_its_belief_less() -> None:
    terms = [(1.0, Belief(0.0, 0.5)), (0.7, Belief(0.0, 0.3)), (0.3, Belief(0.0, 0.3)), (-1.0, Belief(0.0, 0.3))]
    _, primary, secondary, _ = observe(terms, 1.0)
    assert primary.mean > secondary.mean > 0
    assert primary.variance < secondary.variance < 0.3


def test_a_zero_coefficient_leaves_its_belief_alone() -> None:
    untouched = Belief(0.4, 0.3)
    _, after, _ = observe([(1.0, ABILITY), (0.0, untouched), (-1.0, DIFFICULTY)], 1.0)
    assert after == untouched


def test_observe_keeps_the_order_of_its_terms() -> None:
    beliefs = [Belief(0.1 * i, 0.2 + 0.1 * i) for i in range(4)]
    updated = observe([(1.0, b) for b in beliefs], 1.0)
    assert len(updated) == len(beliefs)
    assert all(isinstance(b, Belief) for b in updated)
    assert [b.mean > a.mean for a, b in zip(beliefs, updated, strict=True)] == [True] * 4


# -- Belief ----------------------------------------------------------------------------------------


def test_sd_is_the_square_root_of_the_variance() -> None:
    assert Belief(1.0, 0.25).sd == pytest.approx(0.5)


@pytest.mark.parametrize(
    ("variance", "extra", "cap", "expected"),
    [(0.2, 0.1, 1.0, 0.3), (0.9, 0.5, 1.0, 1.0), (0.2, 0.0, 1.0, 0.2), (1.0, 0.3, 1.0, 1.0), (1.5, 0.3, 1.0, 1.5)],
    ids=["below-the-cap", "stops-at-the-cap", "nothing-extra", "at-the-cap", "already-above-the-cap-stays"],
)
def test_widened(variance: float, extra: float, cap: float, expected: float) -> None:
    widened = Belief(0.7, variance).widened(extra, cap)
    assert widened.mean == 0.7  # less sure, not moved
    assert widened.variance == pytest.approx(expected)


def test_beliefs_are_values() -> None:
    assert Belief(0.5, 0.2) == Belief(0.5, 0.2)
    with pytest.raises(AttributeError):
        Belief(0.5, 0.2).mean = 1.0  # type: ignore[misc]


# -- a Gaussian reading of several beliefs at once ---------------------------------------------------

# general ability and two skill deviations, independent; the reading is of general + the first deviation
PRIOR_MEANS = [0.0, 0.0, 0.0]
PRIOR_COVARIANCE = [[1.0, 0.0, 0.0], [0.0, 0.3, 0.0], [0.0, 0.0, 0.3]]
READING = [1.0, 1.0, 0.0]


@pytest.mark.parametrize("value", [-1.5, -0.5, 0.5, 1.5], ids=lambda v: f"value={v}")
def test_a_reading_moves_what_it_reads_toward_its_value(value: float) -> None:
    means, _ = condition(PRIOR_MEANS, PRIOR_COVARIANCE, READING, value, noise=0.45)
    assert 0 < abs(means[0]) < abs(value) and math.copysign(1, means[0]) == math.copysign(1, value)
    assert abs(means[1]) < abs(means[0])  # the wider belief takes the larger share
    assert means[2] == 0.0  # unread and uncorrelated: untouched


@pytest.mark.parametrize("noise", [0.1, 0.45, 2.0], ids=lambda n: f"noise={n}")
def test_a_reading_shrinks_the_variances_it_reads_and_correlates_them(noise: float) -> None:
    _, covariance = condition(PRIOR_MEANS, PRIOR_COVARIANCE, READING, 1.0, noise=noise)
    assert covariance[0][0] < 1.0 and covariance[1][1] < 0.3 and covariance[2][2] == 0.3
    assert covariance[0][1] < 0 and covariance[0][1] == covariance[1][0]  # a reading of a sum: the parts trade off


def test_a_noisier_reading_moves_less() -> None:
    moves = [condition(PRIOR_MEANS, PRIOR_COVARIANCE, READING, 1.0, noise=n)[0][0] for n in (0.1, 0.45, 2.0, 50.0)]
    assert moves == sorted(moves, reverse=True) and moves[-1] > 0


def test_two_readings_in_turn_match_one_with_their_combined_precision() -> None:
    once = condition(PRIOR_MEANS, PRIOR_COVARIANCE, READING, 1.0, noise=0.5)
    twice = condition(*condition(PRIOR_MEANS, PRIOR_COVARIANCE, READING, 1.0, noise=1.0), READING, 1.0, noise=1.0)
    assert twice[0] == pytest.approx(once[0])
    assert [x for row in twice[1] for x in row] == pytest.approx([x for row in once[1] for x in row])
