"""The command line: ``python -m engine --help``."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from engine import bench, machine
from engine.bank import Bank, ExerciseError, load_exercise
from engine.grader import Grader, GradeResult
from engine.sandbox import Sandbox
from engine.settings import Settings

USAGE_ERROR = 2


def _progress(label: str) -> Any:
    """A progress bar on standard error (quiet when it is not a terminal)."""
    def show(done: int, total: int) -> None:
        if not sys.stderr.isatty():
            return
        width = 30
        filled = int(width * done / max(total, 1))
        sys.stderr.write(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()
    return show


def _grader(settings: Settings) -> Grader:
    sandbox = Sandbox(memory_cgroup=settings.sandbox_memory_cgroup)
    return Grader(sandbox, test_timeout_s=settings.test_timeout_s, budget_s=settings.grading_budget_s,
                  max_solution_bytes=settings.max_solution_bytes)


def _print_result(result: GradeResult) -> None:
    marks = {"pass": "PASS", "fail": "FAIL", "error": "ERROR"}
    for test in result.tests:
        line = f"{marks[test.status]:5} {test.name}"
        if test.message:
            line += f": {test.message}"
        print(line)
        if test.output:
            print("      output: " + test.output.rstrip().replace("\n", "\n              "))
    summary = f"{result.tests_passed} passed, {len(result.tests) - result.tests_passed} failed"
    if result.message:
        print(result.message)
    print(f"{result.status}: {summary} in {result.duration_ms:.0f} ms")


def cmd_grade(args: argparse.Namespace, settings: Settings) -> int:
    try:
        exercise = load_exercise(Path(args.exercise_dir))
    except ExerciseError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    try:
        code = Path(args.solution_file).read_text(encoding="utf-8", errors="surrogateescape")
    except OSError as exc:
        print(f"error: cannot read {args.solution_file}: {exc.strerror}", file=sys.stderr)
        return USAGE_ERROR
    result = _grader(settings).grade(exercise, code)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
    else:
        _print_result(result)
    return 0 if result.passed else 1


def cmd_check_bank(args: argparse.Namespace, settings: Settings) -> int:
    root = Path(args.bank_dir) if args.bank_dir else settings.bank_dir
    if not root.is_dir():
        print(f"error: no bank folder at {root}", file=sys.stderr)
        return USAGE_ERROR
    bank = Bank(root)
    grader = _grader(settings)
    problems: dict[str, list[str]] = {key: [message] for key, message in bank.errors.items()}
    exercises = list(bank)
    show = _progress("checking")
    for i, exercise in enumerate(exercises, 1):
        found = grader.check(exercise)
        if found:
            problems[exercise.id] = found
        show(i, len(exercises))
    skills = bank.skills()
    report = {"exercises": len(exercises) + len(bank.errors), "valid": len(exercises) - sum(1 for k in problems if k in bank),
              "skills": skills, "problems": problems}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, found in sorted(problems.items()):
            for problem in found:
                print(f"FAIL {key}: {problem}")
        print(f"{report['valid']} of {report['exercises']} exercises valid across {len(skills)} skills")
    return 1 if problems else 0


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    if args.what == "grader":
        report = bench.bench_grader(Bank(settings.bank_dir), _grader(settings), runs=args.runs or 40,
                                    progress=_progress("grading"))
        lines = [f"grader on {report['exercise']} ({report['tests']} tests, {report['runs']} runs, "
                 f"isolation {report['isolation']})",
                 f"  median {report['median_ms']} ms, p95 {report['p95_ms']} ms; "
                 f"pytest in a fresh process: {report['pytest_median_ms']} ms ({report['ratio']}x slower)"]
    elif args.what == "model":
        report = bench.bench_model(learners=args.learners, exercises=args.exercises, runs=args.runs or 300,
                                   progress=_progress("learners and timed runs"))
        lines = [f"learner model and planner with {report['learners']} learners, {report['exercises']} exercises, "
                 f"{report['results_stored']} results stored, {report['runs']} timed runs",
                 f"  record_result: median {report['record_result_median_ms']} ms, "
                 f"p95 {report['record_result_p95_ms']} ms",
                 f"  next_exercises: median {report['next_exercises_median_ms']} ms, "
                 f"p95 {report['next_exercises_p95_ms']} ms"]
    else:
        print(f"error: unknown benchmark {args.what!r}", file=sys.stderr)
        return USAGE_ERROR
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    m = report["machine"]
    lines.append(f"  machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    print("\n".join(lines))
    return 0


def cmd_simulate(args: argparse.Namespace, settings: Settings) -> int:
    from engine.simulation import simulate

    if args.learners < 1 or args.results < 1:
        print("error: --learners and --results must be at least 1", file=sys.stderr)
        return USAGE_ERROR
    figures = simulate(learners=args.learners, results=args.results, seed=args.seed,
                       band=(settings.target_band_low, settings.target_band_high),
                       progress=lambda name, done, total: _progress(f"{name:>9}")(done, total))
    figures["machine"] = machine.describe()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    low, high = figures["band"]
    print(f"{figures['learners']} simulated learners, {figures['results_per_learner']} results each, "
          f"{figures['exercises']} exercises, target band {low:.2f} to {high:.2f}")
    print(f"{'':34}{'adaptive':>10}{'staircase':>11}")
    for key, label in (("in_band_share", "learner-days in band"), ("observed_in_band_share", "  by observed passes"),
                       ("mean_success", "mean chance of success"), ("spearman_after_20", "Spearman after 20 results"),
                       ("spearman_after_60", "Spearman after 60 results"),
                       ("calibration_rmse", "difficulty error (RMSE, logits)")):
        print(f"{label:34}{figures['adaptive'][key]:>10}{figures['staircase'][key]:>11}")
    return 0


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m engine", description="The learning workbench's command line.")
    commands = top.add_subparsers(dest="command", required=True, metavar="COMMAND")

    grade = commands.add_parser("grade", help="grade a solution file against an exercise folder",
                                description="Exit status: 0 pass, 1 fail or error, 2 usage.")
    grade.add_argument("exercise_dir", metavar="EXERCISE_DIR")
    grade.add_argument("solution_file", metavar="SOLUTION_FILE")
    grade.add_argument("--json", action="store_true", help="print the result as results.json (v2)")
    grade.set_defaults(run=cmd_grade)

    check = commands.add_parser("check-bank", help="check every exercise: reference passes, starter fails")
    check.add_argument("bank_dir", metavar="BANK_DIR", nargs="?", help="default: the bundled bank")
    check.add_argument("--json", action="store_true", help="print a JSON report")
    check.set_defaults(run=cmd_check_bank)

    bench_cmd = commands.add_parser("bench", help="measure the performance figures of the README")
    bench_cmd.add_argument("what", choices=["grader", "model"],
                           help="grader: grading speed; model: record_result and next_exercises")
    bench_cmd.add_argument("--runs", type=int, default=None, help="timed runs (default 40 gradings, 300 model runs)")
    bench_cmd.add_argument("--learners", type=int, default=1000, help="model: learners stored (default 1000)")
    bench_cmd.add_argument("--exercises", type=int, default=500, help="model: exercises in the bank (default 500)")
    bench_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    bench_cmd.set_defaults(run=cmd_bench)

    simulate = commands.add_parser("simulate", help="the adaptive engine and the staircase rule on simulated learners",
                                   description="Simulated learners with hidden abilities answer by an IRT model; "
                                               "the engine is driven through record_result and next_exercises.")
    simulate.add_argument("--learners", type=int, default=200, help="simulated learners (default 200)")
    simulate.add_argument("--results", type=int, default=60, help="results per learner (default 60)")
    simulate.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    simulate.add_argument("--json", action="store_true", help="print one JSON object")
    simulate.set_defaults(run=cmd_simulate)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    return int(args.run(args, settings))


if __name__ == "__main__":
    sys.exit(main())
