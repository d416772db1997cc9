"""The synthetic activity log for benchmarks: real workbench files, the same rows in SQLite, a
realistic shape, and reuse of a log built before."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path

import polars as pl
import pytest
from factories import new_learner

from engine import llm
from engine.bank import Bank
from engine.events import VERBS, Event, EventLog
from engine.schema import MIGRATIONS
from engine.settings import Settings
from engine.store import Store
from engine.synthetic_log import SyntheticLog, ensure_log
from engine.workbench import Workbench

EVENTS = 20_000
SHAPE = {"seed": 3, "cohort_size": 60, "learners": 100}  # about 200 events a learner: room for habits to show


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, bank: Bank) -> tuple[SyntheticLog, list[tuple[int, int]]]:
    seen: list[tuple[int, int]] = []
    log = ensure_log(tmp_path_factory.mktemp("log"), EVENTS, **SHAPE, bank=bank,
                     progress=lambda done, total: seen.append((done, total)))
    return log, seen


@pytest.fixture(scope="module")
def log(built: tuple[SyntheticLog, list[tuple[int, int]]]) -> SyntheticLog:
    return built[0]


@pytest.fixture(scope="module")
def events(log: SyntheticLog) -> pl.DataFrame:
    store = log.store()
    try:
        return store.frame("SELECT id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S') AS occurred_at, user_id, verb, "
                           "object, result::VARCHAR AS result, context::VARCHAR AS context FROM events ORDER BY id")
    finally:
        store.close()


def test_about_the_size_asked_for(log: SyntheticLog, events: pl.DataFrame) -> None:
    assert events.height == log.events
    assert abs(log.events - EVENTS) / EVENTS < 0.05


def test_sqlite_holds_the_same_rows(log: SyntheticLog, events: pl.DataFrame) -> None:
    with sqlite3.connect(log.sqlite_path) as lite:
        rows = lite.execute("SELECT id, occurred_at, user_id, verb, object, result, context FROM events "
                            "ORDER BY id").fetchall()
        users = lite.execute("SELECT id, username, role, is_demo FROM users ORDER BY id").fetchall()
        members = lite.execute("SELECT cohort_id, user_id FROM cohort_members ORDER BY user_id").fetchall()
        indexed = {row[2] for row in lite.execute("SELECT * FROM sqlite_master WHERE type = 'index'").fetchall()}
    assert rows == events.rows()
    store = log.store()
    try:
        assert users == [(i, u, r, int(d)) for i, u, r, d in
                         store.all("SELECT id, username, role, is_demo FROM users ORDER BY id")]
        assert members == store.all("SELECT cohort_id, user_id FROM cohort_members ORDER BY user_id")
    finally:
        store.close()
    assert {"events", "cohort_members"} <= indexed


def test_a_real_workbench_file(log: SyntheticLog) -> None:
    store = log.store()
    try:
        assert store.scalar("SELECT count(*) FROM schema_migrations") == len(MIGRATIONS)
        roles = dict(store.all("SELECT role, count(*) FROM users GROUP BY role"))
        assert roles == {"educator": 1, "learner": log.learners}
        assert store.scalar("SELECT bool_and(is_demo) FROM users")
        assert store.scalar("SELECT educator_id FROM cohorts WHERE id = ?", [log.cohort_id]) == log.educator_id
        assert store.scalar("SELECT count(*) FROM cohort_members WHERE cohort_id = ?", [log.cohort_id]) == log.cohort_size == 60
        outside = store.scalar("SELECT count(DISTINCT user_id) FROM events WHERE user_id NOT IN "
                               "(SELECT user_id FROM cohort_members)")
        assert outside > 0
        assert store.scalar("SELECT count(*) FROM cohort_members WHERE user_id = ?", [log.sample_learner_id]) == 1
        # the app's next event follows the generated ones
        EventLog(store).append(Event(log.sample_learner_id, "logged-in"))
        assert store.scalar("SELECT id FROM events WHERE occurred_at > ?", [log.last_at + timedelta(days=1)]) \
            == log.events + 1
    finally:
        store.close()


def test_events_have_the_shape_the_app_writes(events: pl.DataFrame, bank: Bank) -> None:
    assert set(events["verb"].unique()) <= set(VERBS)
    assert {"logged-in", "submitted", "completed", "failed", "ran-tests", "requested-hint", "skipped",
            "registered"} <= set(events["verb"].unique())
    submitted = events.filter(pl.col("verb").is_in(["submitted", "completed", "failed"]))
    for row in submitted.sample(200, seed=1).iter_rows(named=True):
        result, context = json.loads(row["result"]), json.loads(row["context"])
        exercise = bank.get(row["object"])
        assert set(result) >= {"success", "hints", "duration_s", "status"}
        assert result["status"] == ("pass" if result["success"] else "fail")
        assert context == {"skills": list(exercise.skills), "difficulty": exercise.difficulty}
        assert 0 <= result["hints"] <= len(exercise.hints)
        if row["verb"] != "submitted":
            assert row["verb"] == ("completed" if result["success"] else "failed")
    # every submission has its outcome, at the same moment
    assert submitted.filter(pl.col("verb") == "submitted").height * 2 == submitted.height


@pytest.fixture
def the_apps(wb: Workbench, settings: Settings, sandbox, bank: Bank, server) -> dict[str, list[tuple[dict, dict]]]:
    """What the app logs when a learner whose code fails asks for help: (result, context) by verb, and by path
    for "tutor-replied": the offline tutor's reply, then a model's."""
    with_model = Settings(home=settings.home, bcrypt_rounds=4, llm_provider="openai-compatible",
                          llm_model="scripted-tutor", llm_base_url=server.base_url, llm_timeout_s=1.0)
    online = Workbench(with_model, store=Store(), sandbox=sandbox, bank=bank, chat_model=llm.build_chat_model(with_model))
    server.script("What does the test compare against?")
    logged: dict[str, list[tuple[dict, dict]]] = {}
    try:
        for app in (wb, online):
            learner = new_learner(app)
            app.run_tests(learner, "python/digit-sum", "def digit_sum(n):\n    return str(n)\n")
            app.ask_tutor(learner, "I'm stuck", "python/digit-sum")
            for event in app.events.for_user(learner):
                verb = event["verb"] if event["verb"] != "tutor-replied" else f"tutor-replied {event['result']['path']}"
                logged.setdefault(verb, []).append((event["result"], event["context"]))
    finally:
        online.close()
    return logged


def test_questions_to_the_tutor_and_its_replies_have_the_fields_the_app_writes(events: pl.DataFrame, bank: Bank,
                                                                               the_apps) -> None:
    asked = events.filter(pl.col("verb") == "asked-tutor").sort("user_id", "id")
    replied = events.filter(pl.col("verb") == "tutor-replied").sort("user_id", "id")
    assert asked.height > 50 and replied.height == asked.height, "each question has its reply"
    app_question, app_context = the_apps["asked-tutor"][0]
    assert all(set(r) == set(app_question) and set(c) == set(app_context) for r, c in the_apps["asked-tutor"])
    paths = {"offline": the_apps["tutor-replied offline"][0][0], "llm": the_apps["tutor-replied llm"][0][0]}
    seen = set()
    for question, reply in zip(asked.iter_rows(named=True), replied.iter_rows(named=True), strict=True):
        result, answer = json.loads(question["result"]), json.loads(reply["result"])
        assert (reply["user_id"], reply["object"]) == (question["user_id"], question["object"])
        assert reply["occurred_at"] >= question["occurred_at"]
        assert json.loads(question["context"]) == json.loads(reply["context"]) == {"conversation_id": None}
        assert set(app_context) == {"conversation_id"}
        assert set(result) == set(app_question) and type(result["message_chars"]) is int
        app_reply = paths[answer["path"]]
        assert set(answer) - {"hint"} == set(app_reply) - {"hint"}, (answer, app_reply)
        assert all(type(answer[key]) is type(app_reply[key]) for key in answer)
        assert answer["message_chars"] == result["message_chars"] and answer["reply_chars"] > 0
        assert answer["intent"] in ("stuck", "error", "approach", "answer", "concept")
        assert 1 <= answer.get("hint", 1) <= len(bank.get(question["object"]).hints)
        if answer["path"] == "llm":
            assert answer["tokens"] == answer["tokens_in"] + answer["tokens_out"]
        seen |= {answer["path"], "hint" in answer}
    assert seen == {"offline", "llm", True, False}, "both paths, with a hint and without"


@pytest.fixture(scope="module")
def learners(events: pl.DataFrame) -> pl.DataFrame:
    """Per learner: pass rate, days practised, longest run of days, longest gap, last day."""
    days = (events.filter(pl.col("verb") == "submitted")
            .select("user_id", pl.col("occurred_at").str.slice(0, 10).str.to_date().alias("day"))
            .unique().sort("user_id", "day")
            .with_columns(pl.col("day").diff().over("user_id").dt.total_days().alias("step")))
    runs = (days.with_columns((pl.col("step") != 1).fill_null(True).cum_sum().over("user_id").alias("run"))
            .group_by("user_id", "run").len().group_by("user_id").agg(pl.col("len").max().alias("longest")))
    rates = (events.filter(pl.col("verb") == "submitted")
             .group_by("user_id").agg(pl.col("result").str.contains('"success": true').mean().alias("rate"),
                                       pl.len().alias("attempts")))
    spans = days.group_by("user_id").agg(pl.col("step").max().alias("gap"), pl.col("day").max().alias("last"))
    return rates.join(runs, on="user_id").join(spans, on="user_id")


def test_learners_differ(learners: pl.DataFrame) -> None:
    busy = learners.filter(pl.col("attempts") >= 10)
    assert busy["rate"].std() > 0.1  # some learners pass far more often than others
    assert busy["rate"].min() < 0.6 < busy["rate"].max()
    assert learners["attempts"].max() > 5 * learners["attempts"].median()


def test_streaks_gaps_and_drop_outs(learners: pl.DataFrame, log: SyntheticLog) -> None:
    assert learners["longest"].max() >= 7  # a week in a row
    assert (learners["gap"] >= 14).sum() > 0  # two weeks away, then back
    last = log.last_at.date()
    assert (learners["last"] < last - timedelta(days=90)).sum() > 0  # gave up months ago


def test_reused_when_built_before(built: tuple[SyntheticLog, list[tuple[int, int]]], bank: Bank) -> None:
    log, seen = built
    modified = log.duckdb_path.stat().st_mtime_ns
    calls: list[int] = []
    again = ensure_log(log.duckdb_path.parent, EVENTS, **SHAPE, bank=bank, progress=lambda d, t: calls.append(d))
    assert again == log
    assert not calls and log.duckdb_path.stat().st_mtime_ns == modified
    dones = [done for done, _ in seen]
    assert dones == sorted(dones) and seen[-1][0] == seen[-1][1]


def test_another_seed_is_another_log(log: SyntheticLog, tmp_path: Path, bank: Bank) -> None:
    other = ensure_log(tmp_path, EVENTS, **{**SHAPE, "seed": 4}, bank=bank)
    stores = [log.store(), other.store()]
    try:
        members = [s.all("SELECT user_id FROM cohort_members ORDER BY user_id") for s in stores]
    finally:
        for store in stores:
            store.close()
    assert members[0] != members[1]


@pytest.mark.parametrize(("events", "learners", "message"), [
    pytest.param(10, None, "at least 100", id="too-small"),
    pytest.param(5_000, 2_000, "too few events", id="too-few-for-registrations"),
    pytest.param(50_000, 500, "cohort size", id="fewer-learners-than-cohort"),
    pytest.param(20_000, 1, "cohort size", id="one-learner"),
])
def test_bad_sizes_are_refused(tmp_path: Path, bank: Bank, events: int, learners: int | None, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        ensure_log(tmp_path / "bench", events, learners=learners, bank=bank)
    assert not (tmp_path / "bench").exists(), "refused before its folder and lock file are made"
