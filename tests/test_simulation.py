"""Simulated learners (engine/simulation.py) and the commands that report on them: the shape and
range of the figures, never their values (those follow the constants being tuned)."""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from factories import REPO

from engine.curriculum import Curriculum
from engine.simulated_learners import MAX_HINTS, give_hint_habits, make_learner
from engine.simulation import simulate, spearman

POLICIES = ("adaptive", "staircase")
SHARES = ("in_band_share", "observed_in_band_share", "mean_success")
CORRELATIONS = ("spearman_after_20", "spearman_after_60", "best_spearman_after_20", "best_spearman_after_60")
FIGURES = {*SHARES, *CORRELATIONS, "calibration_rmse", "learner_days"}
CURRICULUM = Curriculum.load(REPO / "data" / "curriculum.toml")


@pytest.fixture(scope="module")
def figures() -> dict[str, Any]:
    return simulate(learners=6, results=25, per_skill=6)


def check_figures(report: dict[str, Any]) -> None:
    for policy in POLICIES:
        got = report[policy]
        assert set(got) == FIGURES, policy
        for key in SHARES:
            assert 0 <= got[key] <= 1, (policy, key)
        for key in CORRELATIONS:
            assert got[key] is None or -1 <= got[key] <= 1, (policy, key)
        assert got["calibration_rmse"] >= 0
        assert isinstance(got["learner_days"], int) and got["learner_days"] > 0


def test_simulate_reports_both_policies(figures: dict[str, Any]) -> None:
    check_figures(figures)
    assert (figures["learners"], figures["results_per_learner"], figures["exercises"]) == (6, 25, 6 * 12)
    assert figures["band"] == [0.70, 0.85] and figures["seed"] == 7 and figures["hints"] is False


def test_both_policies_meet_the_same_learners(figures: dict[str, Any]) -> None:
    """The same habits for both: as many learner-days each."""
    assert figures["adaptive"]["learner_days"] == figures["staircase"]["learner_days"]


def test_the_correlation_after_20_results_is_measured(figures: dict[str, Any]) -> None:
    for prefix in ("", "best_"):
        assert all(figures[p][f"{prefix}spearman_after_20"] not in (0, None) for p in POLICIES)  # 20 of 25: measured
        assert all(figures[p][f"{prefix}spearman_after_60"] is None for p in POLICIES)  # never reached: not measured


def test_simulate_is_repeatable_by_seed() -> None:
    small = {"learners": 2, "results": 5, "per_skill": 2}
    assert simulate(**small, seed=3) == simulate(**small, seed=3)
    assert simulate(**small, seed=3) != simulate(**small, seed=4)


def test_with_hints_some_results_are_hinted_and_hint_users_are_compared() -> None:
    report = simulate(learners=8, results=60, per_skill=6, hints=True)
    assert report["hints"] is True
    for policy in POLICIES:
        assert 0 < report[policy]["hinted_share"] < 1, policy
    assert isinstance(report["adaptive"]["hint_users_offset"], float)
    assert "hint_users_offset" not in report["staircase"]  # levels, not logits: no offset to speak of


@pytest.mark.parametrize(
    ("threshold", "margin", "feel_error", "expected"),
    [
        (None, -3.0, 0.0, 0),  # never asks, however hard
        (0.5, 2.0, 0.0, 0),  # feels easy enough
        (0.5, 0.5, 0.0, 0),  # exactly at the threshold
        (0.5, 0.2, 0.0, 1),  # a little short: one hint lifts it
        (0.5, -0.2, 0.0, 2),  # 0.7 short: two
        (0.5, 0.8, -0.5, 1),  # feels harder than it is
        (0.5, -5.0, 0.0, MAX_HINTS),  # lost: no more than the most hints there are
    ],
    ids=["never", "easy", "at-threshold", "one", "two", "misjudged", "capped"],
)
def test_hints_wanted(threshold: float | None, margin: float, feel_error: float, expected: int) -> None:
    learner = make_learner(random.Random(1), CURRICULUM)
    learner.hint_threshold = threshold
    assert learner.hints_wanted(margin, feel_error) == expected


def test_hint_habits_leave_some_learners_without_hints() -> None:
    learners = [make_learner(random.Random(i), CURRICULUM) for i in range(200)]
    give_hint_habits(random.Random(0), learners)
    users = sum(x.hint_threshold is not None for x in learners)
    assert 0.45 * len(learners) < users < 0.75 * len(learners)


@pytest.mark.parametrize(
    ("pairs", "expected"),
    [
        ([(1, 10), (2, 20), (3, 30)], 1.0),
        ([(1, 1), (2, 4), (3, 9), (4, 16), (5, 25)], 1.0),  # ranks, not values: any increasing relation
        ([(1, 30), (2, 20), (3, 10)], -1.0),
        ([(1, 5), (2, 4), (3, 3), (4, 2), (5, 1)], -1.0),
        ([(1, 1), (1, 2), (2, 3), (3, 3)], 8 / 9),  # ties share their average rank
        ([(1, 2), (2, 1), (3, 4), (4, 3)], 0.6),
        ([(1, 7), (2, 7), (3, 7)], 0.0),  # no spread on one side: undefined, reported as 0
        ([(4, 1), (4, 2), (4, 3)], 0.0),
        ([(1, 1), (2, 2)], 0.0),  # too short
        ([(1, 1)], 0.0),
        ([], 0.0),
    ],
    ids=["perfect", "perfect-but-curved", "reversed", "reversed-five", "ties", "swapped-pairs", "constant-y",
         "constant-x", "two-pairs", "one-pair", "empty"],
)
def test_spearman(pairs: list[tuple[float, float]], expected: float) -> None:
    assert spearman(pairs) == pytest.approx(expected)


def test_spearman_is_symmetric_and_bounded() -> None:
    pairs = [(0.3, 2.0), (1.5, -1.0), (-0.2, 0.4), (2.2, 2.1), (0.9, 0.9), (-1.0, -3.0)]
    value = spearman(pairs)
    assert -1 <= value <= 1
    assert spearman([(y, x) for x, y in pairs]) == pytest.approx(value)
    assert spearman([(x, -y) for x, y in pairs]) == pytest.approx(-value)


# -- the command line -------------------------------------------------------------------------------------


def run_engine(*args: str, home: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("WORKBENCH_")} | {"WORKBENCH_HOME": str(home)}
    return subprocess.run([sys.executable, "-m", "engine", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def test_simulate_command_prints_json(tmp_path: Path) -> None:
    done = run_engine("simulate", "--learners", "3", "--results", "21", "--json", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    check_figures(report)
    assert (report["learners"], report["results_per_learner"]) == (3, 21)
    assert {"cpu", "cores", "python"} <= set(report["machine"])


def test_simulate_command_with_hints_prints_a_table(tmp_path: Path) -> None:
    done = run_engine("simulate", "--learners", "3", "--results", "21", "--hints", home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    assert "some learners asking for hints" in done.stdout
    hinted = next(line for line in done.stdout.splitlines() if line.startswith("results with hints"))
    assert len(hinted.split()) == 5  # a share for each policy
    after_60 = next(line for line in done.stdout.splitlines() if line.startswith("Spearman after 60 results"))
    assert after_60.split()[-2:] == ["-", "-"], "21 results: never measured after 60, not a correlation of 0.0"


def test_a_reader_that_stops_early_ends_the_command_quietly(tmp_path: Path) -> None:
    """`python -m engine simulate --json | head -c 1`: the reader gone, writing ended in a BrokenPipe traceback."""
    env = {**os.environ, "WORKBENCH_HOME": str(tmp_path / "home"), "HF_HUB_OFFLINE": "1"}
    command = subprocess.Popen([sys.executable, "-m", "engine", "simulate", "--learners", "2", "--results", "3", "--json"],
                               cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert command.stdout is not None and command.stderr is not None
    command.stdout.close()  # before anything is written: every write meets a closed pipe
    errors = command.stderr.read().decode()
    assert command.wait(timeout=120) == 1 and "Traceback" not in errors and "BrokenPipe" not in errors, errors


@pytest.mark.parametrize("args", [["--learners", "0"], ["--results", "0"], ["--learners", "100000000"],
                                  ["--results", "1001"]], ids=["no-learners", "no-results", "too-many", "too-long"])
def test_simulate_command_refuses_nothing_or_too_much_to_simulate(tmp_path: Path, args: list[str]) -> None:
    done = run_engine("simulate", *args, "--json", home=tmp_path / "home")
    assert done.returncode == 2 and "at least 1 and at most" in done.stderr and done.stdout == ""


def test_bench_model_command_prints_json(tmp_path: Path) -> None:
    done = run_engine("bench", "model", "--learners", "20", "--exercises", "60", "--runs", "10", "--json",
                      home=tmp_path / "home")
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    for key in ("record_result_median_ms", "record_result_p95_ms", "next_exercises_median_ms", "next_exercises_p95_ms"):
        assert report[key] > 0, key
    assert report["record_result_median_ms"] <= report["record_result_p95_ms"]
    assert report["next_exercises_median_ms"] <= report["next_exercises_p95_ms"]
    assert (report["learners"], report["exercises"], report["runs"]) == (20, 60, 10)


def test_progress_follows_the_sign_up_and_both_runs() -> None:
    seen: list[tuple[str, int, int]] = []
    simulate(learners=3, results=2, seed=5, progress=lambda stage, done, total: seen.append((stage, done, total)))
    stages = [stage for stage, _, _ in seen]
    assert sorted(set(stages), key=stages.index) == ["sign-up", "adaptive", "staircase"]
    assert [(done, total) for stage, done, total in seen if stage == "sign-up"] == [(1, 3), (2, 3), (3, 3)]


@pytest.mark.parametrize("spread", ["0", "-0.1", "nan", "inf", "3.5"])
def test_simulate_command_refuses_a_skill_spread_that_is_no_spread(tmp_path: Path, spread: str) -> None:
    done = run_engine("simulate", "--skill-spread", spread, "--json", home=tmp_path / "home")
    assert done.returncode == 2 and "--skill-spread must be" in done.stderr and done.stdout == ""


def test_skill_spread_sets_how_far_skills_lie_from_general_ability() -> None:
    def spreads(spread: float) -> list[float]:
        learners = [make_learner(random.Random(i), CURRICULUM, spread) for i in range(100)]
        return [statistics.pstdev(x.skills.values()) for x in learners]

    assert max(spreads(0.0)) == 0.0, "no spread: every skill is the general ability"
    assert statistics.fmean(spreads(0.3)) < statistics.fmean(spreads(0.5)) < statistics.fmean(spreads(0.7))



def test_a_narrow_skill_spread_runs_to_the_best_estimate() -> None:
    """Run past 20 results, where the best possible estimate is made with the spread the learners were drawn with."""
    report = simulate(learners=2, results=20, per_skill=6, skill_spread=0.05)
    assert report["skill_spread"] == 0.05
    assert report["adaptive"]["best_spearman_after_20"] is not None
