"""The command line: ``python -m engine --help``."""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from engine import bench_command, machine
from engine.bank import REQUIRED_FILES, Bank, ExerciseError, load_exercise
from engine.grader import GradeResult
from engine.settings import Settings
from engine.simulated_learners import DEVIATION_SD
from engine.terminal import USAGE_ERROR, grader_from, progress_bar

if TYPE_CHECKING:
    from engine.workbench import Workbench


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
    if not Path(args.exercise_dir).is_dir():  # said as such, not as every file of an exercise missing
        print(f"error: no exercise folder at {args.exercise_dir}", file=sys.stderr)
        return USAGE_ERROR
    if Path(args.solution_file).exists() and not Path(args.solution_file).is_file():  # a folder, or a pipe that waits
        print(f"error: {args.solution_file} is not a file", file=sys.stderr)
        return USAGE_ERROR
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
    result = grader_from(settings).grade(exercise, code)
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
    problems: dict[str, list[str]] = {key: [message] for key, message in bank.errors.items()}
    # an exercise's files without its exercise.toml (misnamed): the bank passes over such a folder, a check must not
    for folder in sorted(root.glob("*/*/")):
        if not (folder / "exercise.toml").exists() and any((folder / name).exists() for name in REQUIRED_FILES):
            problems[f"{folder.parent.name}/{folder.name}"] = ["missing exercise.toml"]
    if not len(bank) and not problems:
        print(f"error: no exercises in {root}: a bank holds <language>/<name>/exercise.toml and the files beside it",
              file=sys.stderr)
        return USAGE_ERROR
    grader = grader_from(settings)
    exercises = list(bank)
    show = progress_bar("checking")
    for i, exercise in enumerate(exercises, 1):
        found = grader.check(exercise)
        if found:
            problems[exercise.id] = found
        show(i, len(exercises))
    skills = bank.skills()
    report = {"exercises": len(exercises) + len(problems) - sum(1 for k in problems if k in bank),
              "valid": len(exercises) - sum(1 for k in problems if k in bank),
              "skills": skills, "problems": problems}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        for key, found in sorted(problems.items()):
            for problem in found:
                print(f"FAIL {key}: {problem}")
        print(f"{report['valid']} of {report['exercises']} exercises valid across {len(skills)} skills")
    return 1 if problems else 0


def open_home(settings: Settings, instead: str) -> Workbench | int:
    """The workbench in the home, or the exit code after saying why it cannot be opened: most often the app
    holds its database (DuckDB lets one process write), and ``instead`` says what to do in the app."""
    import duckdb

    from engine.workbench import Workbench  # here: the command line's other commands never load it

    try:
        return Workbench.open(settings=settings)
    except duckdb.IOException as exc:
        print(f"error: cannot open the workbench database in {settings.home} ({exc}). Is the app running? "
              f"Stop it first, or {instead}.", file=sys.stderr)
        return 1
    except OSError as exc:  # the home is a file, or cannot be made
        print(f"error: cannot use {settings.home} as the workbench's home: {exc}", file=sys.stderr)
        return USAGE_ERROR


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from engine.demo import PASSWORD, DemoError

    if args.remove and (args.learners, args.days, args.seed) != (None, None, None):
        print("error: --remove removes all the demo data: it takes no --learners, --days or --seed", file=sys.stderr)
        return USAGE_ERROR
    wb = open_home(settings, "load demo data from the app's welcome page")
    if isinstance(wb, int):
        return wb
    with wb:
        if args.remove:
            deleted = wb.remove_demo_data()
            if not deleted:
                print("No demo data to remove.")
            else:
                print(f"Removed demo data: {deleted.get('users', 0)} users and their rows "
                      f"({', '.join(f'{table} {n:,}' for table, n in sorted(deleted.items()))}).")
            return 0
        try:
            demo = wb.load_demo(learners=20 if args.learners is None else args.learners,
                                days=30 if args.days is None else args.days, seed=7 if args.seed is None else args.seed,
                                progress=progress_bar("demo data"))
        except DemoError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return USAGE_ERROR if "must be" in str(exc) else 1
        except KeyboardInterrupt:  # not half a demo, which the next load would take for a whole one
            print("\ninterrupted: removing the demo data loaded so far", file=sys.stderr)
            wb.remove_demo_data()
            raise
    print(f"Loaded demo data into {settings.home} in {demo.seconds:.1f} s: {len(demo.learners)} learners over "
          f"{demo.days} days, {demo.results:,} results, {demo.events:,} events.")
    print(f"Log in to any demo account with the password {PASSWORD}:")
    print(f"  learners  {demo.learners[0].username} to {demo.learners[-1].username}; "
          f"{demo.sample_learner.username} ({demo.sample_learner.name}) has practised most")
    print(f"  educator  {demo.educator.username} (owns the demo cohort, join code {demo.join_code})")
    print("Remove it with: python -m engine demo --remove")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from engine.export import ExportError

    if not (settings.home / "workbench.duckdb").is_file():  # a mistyped home: not a new, empty store to export
        print(f"error: no workbench in {settings.home}: set WORKBENCH_HOME to the app's home", file=sys.stderr)
        return USAGE_ERROR
    if not (args.parquet or args.xapi or "").strip():
        print("error: name the folder (--parquet) or the file (--xapi) to write", file=sys.stderr)
        return USAGE_ERROR
    wb = open_home(settings, "export from the app's Data page")
    if isinstance(wb, int):
        return wb
    with wb:
        try:
            if args.parquet is not None:
                counts = wb.snapshot(args.parquet, progress=progress_bar("exporting tables"))
                print(f"wrote {counts['events']:,} events (by month) and {len(counts) - 1} tables to {args.parquet}")
            else:
                written = wb.export_xapi(args.xapi, base_iri=args.base_iri, progress=progress_bar("writing statements"))
                print(f"wrote {written:,} xAPI statements to {args.xapi}")
        except ExportError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return USAGE_ERROR
        except OSError as exc:  # a path through a file, a folder not writable, a full disk
            print(f"error: cannot write {exc.filename or args.parquet or args.xapi}: {exc.strerror or exc}", file=sys.stderr)
            return 1
    return 0


# the learners are built before the first figure: a hundred million took 600 MB in 10 s, showing nothing
MAX_SIMULATED_LEARNERS, MAX_SIMULATED_RESULTS = 10_000, 1_000
MAX_SKILL_SPREAD = 3.0  # logits: three times the general ability's spread, far beyond any real population


def cmd_simulate(args: argparse.Namespace, settings: Settings) -> int:
    from engine.simulation import simulate

    if not (1 <= args.learners <= MAX_SIMULATED_LEARNERS and 1 <= args.results <= MAX_SIMULATED_RESULTS):
        print(f"error: --learners must be at least 1 and at most {MAX_SIMULATED_LEARNERS:,}, and --results at least 1 "
              f"and at most {MAX_SIMULATED_RESULTS:,}", file=sys.stderr)
        return USAGE_ERROR
    # more than 0: skills that never differ would make the best possible estimate's prior singular
    if not (math.isfinite(args.skill_spread) and 0 < args.skill_spread <= MAX_SKILL_SPREAD):
        print(f"error: --skill-spread must be a number of logits above 0 and at most {MAX_SKILL_SPREAD:g}",
              file=sys.stderr)
        return USAGE_ERROR
    figures = simulate(learners=args.learners, results=args.results, seed=args.seed, hints=args.hints,
                       skill_spread=args.skill_spread,
                       band=(settings.target_band_low, settings.target_band_high),
                       progress=lambda name, done, total: progress_bar(f"{name:>9}")(done, total))
    figures["machine"] = machine.describe()
    if args.json:
        print(json.dumps(figures, indent=2))
        return 0
    low, high = figures["band"]
    print(f"{figures['learners']} simulated learners, {figures['results_per_learner']} results each, "
          f"{figures['exercises']} exercises, target band {low:.2f} to {high:.2f}"
          + (", some learners asking for hints" if args.hints else "")
          + (f", skills spread {args.skill_spread:g} logits around general ability"
             if args.skill_spread != DEVIATION_SD else ""))
    print(f"{'':34}{'adaptive':>10}{'staircase':>11}")
    for key, label in (("in_band_share", "learner-days in band"), ("observed_in_band_share", "  by observed passes"),
                       ("mean_success", "mean chance of success"), ("spearman_after_20", "Spearman after 20 results"),
                       ("best_spearman_after_20", "  best possible on these results"),
                       ("spearman_after_60", "Spearman after 60 results"),
                       ("best_spearman_after_60", "  best possible on these results"),
                       ("calibration_rmse", "difficulty error (RMSE, logits)"),
                       ("hinted_share", "results with hints"),
                       ("hint_users_offset", "hint users read higher (logits)")):
        if key in figures["adaptive"]:
            adaptive, staircase = (shown(figures[side].get(key)) for side in ("adaptive", "staircase"))
            print(f"{label:34}{adaptive:>10}{staircase:>11}")
    return 0


def shown(figure: float | None) -> str:
    """A figure of the simulation as the table prints it: "-" for one not measured."""
    return "-" if figure is None else str(figure)


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
    bench_cmd.add_argument("what", choices=["grader", "model", "analytics", "tutor", "demo", "dashboard", "memory"],
                           help="grader: grading speed; model: record_result and next_exercises; "
                                "analytics: every analytics query on DuckDB and SQLite, and the Progress page; "
                                "tutor: time to the first words of an offline reply; "
                                "demo: making demo data in batches and row by row; "
                                "dashboard: the cohort dashboard's queries and the Cohorts page; "
                                "memory: recall (embedding and search) with many memories stored")
    bench_cmd.add_argument("--runs", type=int, default=None,
                           help="timed runs (default 40 gradings, 300 model runs, 200 tutor replies and memory recalls, "
                                "5 analytics and dashboard runs)")
    bench_cmd.add_argument("--learners", type=int, default=None,
                           help="model: learners stored (default 1000); demo: demo learners (default 20); "
                                "memory: learners sharing the memories (default one per 100 memories)")
    bench_cmd.add_argument("--days", type=int, default=30, help="demo: days of demo activity (default 30)")
    bench_cmd.add_argument("--exercises", type=int, default=500, help="model: exercises in the bank (default 500)")
    bench_cmd.add_argument("--events", type=int, default=10_000_000,
                           help="analytics and dashboard: events in the synthetic log, built once into <home>/bench and reused "
                                "(default 10000000)")
    bench_cmd.add_argument("--memories", type=int, default=100_000,
                           help="memory: memories stored, 100 per learner unless --learners says (default 100000); "
                                "built once into a temporary folder and reused")
    bench_cmd.add_argument("--skip-page", action="store_true",
                           help="analytics: leave out the Progress page's script run (on a log of up to 1000000 events)")
    bench_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    bench_cmd.set_defaults(run=bench_command.cmd_bench)

    demo = commands.add_parser("demo", help="load a synthetic demo cohort into the home (or remove it)",
                               description="Demo learners with varied ability and habits practise over the last days "
                                           "through the real engine; a demo educator owns their cohort. Demo "
                                           "accounts are marked as such and share one published password.")
    demo.add_argument("--learners", type=int, help="demo learners, 1 to 1000 (default 20)")
    demo.add_argument("--days", type=int, help="days of activity, ending now, 1 to 366 (default 30)")
    demo.add_argument("--seed", type=int, help="random seed (default 7)")
    demo.add_argument("--remove", action="store_true", help="delete every demo user and all their data instead")
    demo.set_defaults(run=cmd_demo)

    export = commands.add_parser("export", help="the activity log for analysts: Parquet or xAPI",
                                 description="Reads the store in the home; stop the app first, or point "
                                             "WORKBENCH_HOME at a copy (DuckDB lets one process open it for writing). "
                                             "No password hashes, emails, join codes or learner code are exported.")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--parquet", metavar="DIR", help="write events partitioned by month and every analytics "
                                                         "table as Parquet into DIR (replaced whole: a new or "
                                                         "empty folder, or one an earlier snapshot went to)")
    target.add_argument("--xapi", metavar="FILE", help="write one xAPI 1.0.3 statement per event as JSON lines")
    export.add_argument("--base-iri", default="http://localhost:8501",
                        help="the app's address: the actors' homePage and the base of activity IRIs")
    export.set_defaults(run=cmd_export)

    simulate = commands.add_parser("simulate", help="the adaptive engine and the staircase rule on simulated learners",
                                   description="Simulated learners with hidden abilities answer by an IRT model; "
                                               "the engine is driven through record_result and next_exercises.")
    simulate.add_argument("--learners", type=int, default=200, help="simulated learners (default 200, at most 10,000)")
    simulate.add_argument("--results", type=int, default=60, help="results per learner (default 60, at most 1,000)")
    simulate.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    simulate.add_argument("--hints", action="store_true",
                          help="some learners ask for hints when an exercise feels hard (60%% of them)")
    simulate.add_argument("--skill-spread", type=float, default=DEVIATION_SD, metavar="LOGITS",
                          help=f"how far a learner's skills lie from their general ability: the standard deviation, "
                               f"in logits (default {DEVIATION_SD:g}; the engine is not told)")
    simulate.add_argument("--json", action="store_true", help="print one JSON object")
    simulate.set_defaults(run=cmd_simulate)
    return top


INTERRUPTED = 130  # what a shell reports for a command stopped by Ctrl+C


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        settings = Settings.from_env()
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR
    try:
        return int(args.run(args, settings))
    except KeyboardInterrupt:  # Ctrl+C: what was under way is said, not a traceback
        print("\ninterrupted", file=sys.stderr)
        return INTERRUPTED
    except BrokenPipeError:  # the reader stopped early (`| head`): the rest is not wanted, and no traceback either
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python flushes stdout as it exits
        return 1


if __name__ == "__main__":
    sys.exit(main())
