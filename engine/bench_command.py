"""``python -m engine bench ...``: runs each benchmark of ``engine.bench`` and its neighbours and
prints its report, as a table for people or as one JSON object."""

from __future__ import annotations

import argparse
import json
import sys

from engine import bench
from engine.bank import Bank
from engine.settings import Settings
from engine.terminal import USAGE_ERROR, grader_from, progress_bar

COUNTS = ("runs", "learners", "exercises", "days", "memories", "events")  # the options that count something


def cmd_bench(args: argparse.Namespace, settings: Settings) -> int:
    for name in COUNTS:  # 0 quietly became the default, and a negative count a traceback
        if (value := getattr(args, name, None)) is not None and value < 1:
            print(f"error: --{name} must be at least 1", file=sys.stderr)
            return USAGE_ERROR
    try:
        return _run(args, settings)
    except ValueError as exc:  # a size the benchmark cannot build (too few events for its learners)
        print(f"error: {exc}", file=sys.stderr)
        return USAGE_ERROR


def _run(args: argparse.Namespace, settings: Settings) -> int:
    if args.what == "grader":
        report = bench.bench_grader(Bank(settings.bank_dir), grader_from(settings), runs=args.runs or 40,
                                    progress=progress_bar("grading"))
        lines = [f"grader on {report['exercise']} ({report['tests']} tests, {report['runs']} runs, "
                 f"isolation {report['isolation']})",
                 f"  median {report['median_ms']} ms, p95 {report['p95_ms']} ms; "
                 f"pytest in a fresh process: {report['pytest_median_ms']} ms ({report['ratio']}x slower)"]
    elif args.what == "model":
        report = bench.bench_model(learners=args.learners or 1000, exercises=args.exercises, runs=args.runs or 300,
                                   progress=progress_bar("learners and timed runs"))
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
                             log_progress=progress_bar("building the log"))
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

    bars = {stage: progress_bar(f"{stage:>9}") for stage in ("embedding", "storing", "recall")}
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

    report = bench_tutor(settings, runs=args.runs or 200, progress=progress_bar("replies"))
    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    m = report["machine"]
    print(f"offline tutor, {report['runs']} replies, {report['memories']} memories stored: first words median "
          f"{report['median_ms']} ms, p95 {report['p95_ms']} ms; whole reply median {report['whole_reply_median_ms']} ms")
    print(f"  machine: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, {m['os']}, Python {m['python']}")
    return 0


def _bench_analytics(args: argparse.Namespace, settings: Settings) -> int:
    folder = settings.home / "bench"
    report = bench.bench_analytics(folder, events=args.events, runs=args.runs or 5,
                                   progress=progress_bar("queries"), log_progress=progress_bar("building the log"))
    if not args.skip_page:
        page = bench.bench_page(folder, "pages/progress.py", events=min(args.events, bench.PAGE_EVENTS),
                                runs=args.runs or 5, log_progress=progress_bar("building the page's log"))
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
