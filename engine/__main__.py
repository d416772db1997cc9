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
        report = bench.bench_model(learners=args.learners or 1000, exercises=args.exercises, runs=args.runs or 300,
                                   progress=_progress("learners and timed runs"))
        lines = [f"learner model and planner with {report['learners']} learners, {report['exercises']} exercises, "
                 f"{report['results_stored']} results stored, {report['runs']} timed runs",
                 f"  record_result: median {report['record_result_median_ms']} ms, "
                 f"p95 {report['record_result_p95_ms']} ms",
                 f"  next_exercises: median {report['next_exercises_median_ms']} ms, "
                 f"p95 {report['next_exercises_p95_ms']} ms"]
    elif args.what == "analytics":
        return _bench_analytics(args, settings)
    elif args.what == "demo":
        report = bench.bench_demo(learners=args.learners or 20, days=args.days)
        lines = [f"demo data, {report['learners']} learners over {report['days']} days: {report['results']:,} results, "
                 f"{report['events']:,} events, written to a DuckDB file",
                 f"  in batches (wb.batch()): {report['batched_s']} s; row by row: {report['row_by_row_s']} s "
                 f"({report['speedup']}x faster in batches)"]
    elif args.what == "tutor":
        return _bench_tutor(args, settings)
    elif args.what == "dashboard":
        return _bench_dashboard(args, settings)
    elif args.what == "memory":
        return _bench_memory(args)
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


def _bench_dashboard(args: argparse.Namespace, settings: Settings) -> int:
    from engine.dashboard_bench import bench_dashboard

    report = bench_dashboard(settings.home / "bench", events=args.events, runs=args.runs or 5,
                             log_progress=_progress("building the log"))
    if args.json:
        print(json.dumps(report, indent=2, default=str))
        return 0
    m, page = report["machine"], report["page"]
    print(f"cohort dashboard, a cohort of {report['cohort_size']:,} learners in {report['events']:,} events; "
          f"median of {report['runs']} runs")
    for name, ms in report["queries_ms"].items():
        print(f"  {name:24} {ms:8.1f} ms")
    print(f"  wb.cohort_dashboard     {report['dashboard_ms']:8.1f} ms (queries, model reads, composition)")
    if "error" in page:
        print(f"  page: error: {page['error']}")
    else:
        verdict = "met" if page["page_ms"] <= report["target_ms"] else "missed"
        print(f"  page script run         {page['page_ms']:8.1f} ms cold, {page['page_cached_ms']:.1f} ms cached "
              f"(target <= {report['target_ms']:.0f} ms: {verdict}); {page['charts']} charts")
    print(f"  machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    return 0


def _bench_memory(args: argparse.Namespace) -> int:
    from engine.memory_bench import bench_memory

    if args.memories < 1 or (args.runs is not None and args.runs < 1):
        print("error: --memories and --runs must be at least 1", file=sys.stderr)
        return USAGE_ERROR
    bars = {stage: _progress(f"{stage:>9}") for stage in ("embedding", "storing", "recall")}
    report = bench_memory(memories=args.memories, learners=args.learners, runs=args.runs or 200,
                          progress=lambda stage, done, total: bars[stage](done, total))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    m = report["machine"]
    built = "reused" if report["reused"] else "built"
    print(f"memory recall with {report['memories']:,} memories of {report['learners']:,} learners "
          f"({report['distinct_texts']:,} distinct texts; folder {built}, building took {report['build_s']} s), "
          f"{report['runs']} timed recalls of 4")
    print(f"  recall: median {report['median_ms']} ms, p95 {report['p95_ms']} ms "
          f"(target median <= {report['target_ms']:.0f} ms: {'met' if report['met'] else 'missed'})")
    print(f"  of which embedding the query: median {report['embed_median_ms']} ms; Chroma's filtered HNSW query "
          f"alone would take a median {report['hnsw_filtered_median_ms']} ms")
    print(f"  machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    return 0


def _bench_tutor(args: argparse.Namespace, settings: Settings) -> int:
    from engine.tutor_bench import bench_tutor

    report = bench_tutor(settings, runs=args.runs or 200, progress=_progress("replies"))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    m = report["machine"]
    print(f"offline tutor, {report['runs']} replies, {report['memories']} memories stored: first words median "
          f"{report['median_ms']} ms, p95 {report['p95_ms']} ms; whole reply median {report['whole_reply_median_ms']} ms")
    print(f"  machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    return 0


def _bench_analytics(args: argparse.Namespace, settings: Settings) -> int:
    if args.events < 1000:
        print("error: --events must be at least 1000", file=sys.stderr)
        return USAGE_ERROR
    folder = settings.home / "bench"
    report = bench.bench_analytics(folder, events=args.events, runs=args.runs or 5,
                                   progress=_progress("queries"), log_progress=_progress("building the log"))
    if not args.skip_page:
        page = bench.bench_page(folder, "pages/progress.py", events=min(args.events, bench.PAGE_EVENTS),
                                runs=args.runs or 5, log_progress=_progress("building the page's log"))
        report["progress_page"] = page
        report["progress_page_ms"] = page.get("page_ms")
    if args.json:
        print(json.dumps(report, indent=2, default=str))
        return 0
    print(f"analytics on {report['events']:,} events ({report['learners']:,} learners, a cohort of "
          f"{report['cohort_size']:,}); median of {report['runs']} runs; learner {report['learner_id']}")
    print(f"{'query':32} {'scope':8} {'DuckDB ms':>10} {'SQLite ms':>10} {'speed-up':>9}  target")
    for row in report["queries"]:
        duck, lite = row["duckdb_ms"], row["sqlite_ms"]
        speedup = f"{lite / duck:.1f}x" if duck and lite else "-"
        target = (f"<= {bench.LEARNER_TARGET_MS:.0f} ms" if row["scope"] == "learner"
                  else f"<= {bench.COHORT_TARGET_MS:.0f} ms, >= {bench.COHORT_SPEEDUP:.0f}x")
        verdict = bench.analytics_verdict(row)
        print(f"{row['name']:32} {row['scope']:8} {_ms(duck):>10} {_ms(lite):>10} {speedup:>9}  {target}: {verdict}")
        if row.get("error"):
            print(f"    {row['error']}")
    if not report["queries"]:
        print("(no analytics queries are registered yet)")
    if "progress_page" in report:
        page = report["progress_page"]
        if page.get("error"):
            print(f"progress page: not measured: {page['error']}")
        else:
            verdict = "met" if page["page_ms"] <= bench.PAGE_TARGET_MS else "missed"
            print(f"progress page script run on {page['events']:,} events: {page['page_ms']} ms, "
                  f"{page['charts']} charts (with cached queries: {page['page_cached_ms']} ms)  "
                  f"<= {bench.PAGE_TARGET_MS:.0f} ms: {verdict}")
    m = report["machine"]
    print(f"machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    return 0


def _ms(value: float | None) -> str:
    return "-" if value is None else f"{value:.1f}"


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    import duckdb

    from engine.demo import PASSWORD, DemoError
    from engine.workbench import Workbench

    try:
        wb = Workbench.open(settings=settings)
    except duckdb.IOException as exc:
        print(f"error: cannot open the workbench database in {settings.home} ({exc}). Is the app running? "
              "Stop it first, or load demo data from the app's welcome page.", file=sys.stderr)
        return 1
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
            demo = wb.load_demo(learners=args.learners, days=args.days, seed=args.seed,
                                progress=_progress("demo data"))
        except DemoError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return USAGE_ERROR if "must be" in str(exc) else 1
    print(f"Loaded demo data into {settings.home} in {demo.seconds:.1f} s: {len(demo.learners)} learners over "
          f"{demo.days} days, {demo.results:,} results, {demo.events:,} events.")
    print(f"Log in to any demo account with the password {PASSWORD}:")
    print(f"  learner   {demo.sample_learner.username} ({demo.sample_learner.name}, the most practice; "
          f"the others are demo-learner-01 to {demo.learners[-1].username})")
    print(f"  educator  {demo.educator.username} (owns the demo cohort, join code {demo.join_code})")
    print("Remove it with: python -m engine demo --remove")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from engine.workbench import Workbench

    try:
        wb = Workbench.open(settings=settings)
    except Exception as exc:  # most often: the app holds the database (DuckDB lets one process write)
        print(f"error: cannot open the store in {settings.home}: {exc}", file=sys.stderr)
        return USAGE_ERROR
    with wb:
        if args.parquet:
            counts = wb.snapshot(args.parquet, progress=_progress("exporting tables"))
            print(f"wrote {counts['events']:,} events (by month) and {len(counts) - 1} tables to {args.parquet}")
        else:
            written = wb.export_xapi(args.xapi, base_iri=args.base_iri, progress=_progress("writing statements"))
            print(f"wrote {written:,} xAPI statements to {args.xapi}")
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
    bench_cmd.add_argument("what", choices=["grader", "model", "analytics", "tutor", "demo", "dashboard", "memory"],
                           help="grader: grading speed; model: record_result and next_exercises; "
                                "analytics: every analytics query on DuckDB and SQLite, and the Progress page; "
                                "tutor: time to the first words of an offline reply; "
                                "demo: making demo data in batches and row by row; "
                                "dashboard: the cohort dashboard's queries and the Cohorts page; "
                                "memory: recall (embedding and search) with many memories stored")
    bench_cmd.add_argument("--runs", type=int, default=None, help="timed runs (default 40 gradings, 300 model runs)")
    bench_cmd.add_argument("--learners", type=int, default=None,
                           help="model: learners stored (default 1000); demo: demo learners (default 20); "
                                "memory: learners sharing the memories (default one per 100 memories)")
    bench_cmd.add_argument("--days", type=int, default=30, help="demo: days of demo activity (default 30)")
    bench_cmd.add_argument("--exercises", type=int, default=500, help="model: exercises in the bank (default 500)")
    bench_cmd.add_argument("--events", type=int, default=10_000_000,
                           help="analytics: events in the synthetic log, built once into <home>/bench and reused "
                                "(default 10000000)")
    bench_cmd.add_argument("--memories", type=int, default=100_000,
                           help="memory: memories stored, 100 per learner unless --learners says (default 100000); "
                                "built once into a temporary folder and reused")
    bench_cmd.add_argument("--skip-page", action="store_true",
                           help="analytics: leave out the Progress page's script run (on a log of up to 1000000 events)")
    bench_cmd.add_argument("--json", action="store_true", help="print one JSON object")
    bench_cmd.set_defaults(run=cmd_bench)

    demo = commands.add_parser("demo", help="load a synthetic demo cohort into the home (or remove it)",
                               description="Demo learners with varied ability and habits practise over the last days "
                                           "through the real engine; a demo educator owns their cohort. Demo "
                                           "accounts are marked as such and share one published password.")
    demo.add_argument("--learners", type=int, default=20, help="demo learners (default 20)")
    demo.add_argument("--days", type=int, default=30, help="days of activity, ending now (default 30)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--remove", action="store_true", help="delete every demo user and all their data instead")
    demo.set_defaults(run=cmd_demo)

    export = commands.add_parser("export", help="the activity log for analysts: Parquet or xAPI",
                                 description="Reads the store in the home; stop the app first, or point "
                                             "WORKBENCH_HOME at a copy (DuckDB lets one process open it for writing). "
                                             "No password hashes, emails, join codes or learner code are exported.")
    target = export.add_mutually_exclusive_group(required=True)
    target.add_argument("--parquet", metavar="DIR", help="write events partitioned by month and every analytics "
                                                         "table as Parquet into DIR (replaced whole)")
    target.add_argument("--xapi", metavar="FILE", help="write one xAPI 1.0.3 statement per event as JSON lines")
    export.add_argument("--base-iri", default="http://localhost:8501",
                        help="the app's address: the actors' homePage and the base of activity IRIs")
    export.set_defaults(run=cmd_export)

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
