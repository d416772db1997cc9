"""Exports: the Parquet snapshot (events by month, every analytics table, no secrets) and xAPI statements."""

from __future__ import annotations

import gzip
import io
import json
import os
import re
import stat
import subprocess
import sys
import uuid
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import duckdb
import polars as pl
import pytest
from factories import PASSWORD, REPO

from engine.cohorts import AccessDenied
from engine.export import ExportError, export_parquet, parquet_zip
from engine.settings import Settings
from engine.store import Store
from engine.views import open_snapshot
from engine.workbench import Workbench
from engine.xapi import iso_duration

EXERCISES = ["python/apply-n-times", "python/digit-sum"]
FEB = datetime(2026, 2, 20, 9, 30, tzinfo=UTC)


def fill(wb: Workbench) -> dict[str, int]:
    """An educator with a cohort; ada (in it) and bob (not) with results over February and March."""
    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    cohort = wb.create_cohort(tess.id, "Spring")
    ids = {"tess": tess.id}
    for name in ("ada", "bob"):
        ids[name] = wb.register(name, f"{name}@example.org", name.title(), PASSWORD).id
        for day in range(0, 20, 2):
            wb.record_result(ids[name], EXERCISES[day % 2], day % 3 != 0, hints_used=day % 2,
                             duration_s=65.5 + day, at=FEB + timedelta(days=day))
    wb.join_cohort(ids["ada"], cohort.join_code)
    return ids


@pytest.fixture
def filled(wb):
    return wb, fill(wb)


def parquet(folder: Path, name: str) -> str:
    return f"read_parquet('{folder / name}', hive_partitioning = true)"


def test_the_snapshot_partitions_events_by_month_and_reads_back(filled, tmp_path):
    wb, ids = filled
    original = wb.store.all("SELECT id, occurred_at, user_id, verb, object, CAST(result AS VARCHAR), "
                            "CAST(context AS VARCHAR) FROM events ORDER BY id")
    counts = wb.snapshot(tmp_path / "snap")
    folder = tmp_path / "snap"
    months = sorted(p.name for p in (folder / "events").iterdir())
    stored = [r[0] for r in wb.store.all("SELECT DISTINCT strftime(occurred_at, '%Y-%m') FROM events ORDER BY 1")]
    assert months == [f"month={m}" for m in stored] and "month=2026-02" in months and "month=2026-03" in months
    con = duckdb.connect()
    back = con.sql(f"SELECT id, occurred_at, user_id, verb, object, result, context, month "
                   f"FROM {parquet(folder, 'events/*/*.parquet')} ORDER BY id").fetchall()
    assert [r[:7] for r in back] == original and counts["events"] == len(original)
    assert all(r[7] == r[1].strftime("%Y-%m") for r in back), "each row sits in its own month"
    for table, n in counts.items():
        if table != "events":
            assert con.sql(f"SELECT count(*) FROM '{folder / table}.parquet'").fetchall()[0][0] == n
    assert json.loads((folder / "manifest.json").read_text())["tables"] == counts


def test_result_and_context_are_json_text_to_polars_and_json_to_open_snapshot(filled, tmp_path):
    wb, _ = filled
    wb.snapshot(tmp_path / "snap")
    events = pl.read_parquet(tmp_path / "snap" / "events" / "*" / "*.parquet", hive_partitioning=True)
    assert events.schema["result"] == pl.String and events.schema["context"] == pl.String
    passed = events.filter(pl.col("verb") == "completed")["result"].str.json_path_match("$.success").unique().to_list()
    assert passed == ["true"]
    con = open_snapshot(tmp_path / "snap")
    types = dict(con.sql("SELECT column_name, column_type FROM (DESCRIBE events)").fetchall())
    assert types["result"] == types["context"] == "JSON"


def test_the_snapshot_holds_no_secret(filled, tmp_path):
    wb, _ = filled
    wb.snapshot(tmp_path / "snap")
    con = duckdb.connect()
    columns = {r[0] for r in con.sql(f"SELECT DISTINCT name FROM parquet_schema('{tmp_path / 'snap'}/**/*.parquet')").fetchall()}
    assert not columns & {"password_hash", "email", "join_code", "code", "logged_out_at"}
    everything = b"".join(p.read_bytes() for p in (tmp_path / "snap").rglob("*") if p.is_file())
    assert b"$2b$" not in everything, "no bcrypt hash anywhere"
    assert b"example.org" not in everything


def test_an_educators_snapshot_holds_only_their_cohort(filled, tmp_path):
    wb, ids = filled
    wb.snapshot(tmp_path / "mine", educator_id=ids["tess"])
    con = duckdb.connect()
    users = con.sql(f"SELECT DISTINCT user_id FROM {parquet(tmp_path / 'mine', 'events/*/*.parquet')}").fetchall()
    assert users == [(ids["ada"],)]


def test_an_educator_reads_no_other_educators_cohort_memberships(wb, tmp_path):
    """ada is in both tess's and uma's cohorts: tess's snapshot shows her in tess's only."""
    ids = two_educators(wb)
    wb.join_cohort(ids["ada"], wb.cohorts(ids["uma"])[0].join_code)
    for educator in ("tess", "uma"):
        wb.snapshot(tmp_path / educator, educator_id=ids[educator])
        own = {c.id for c in wb.cohorts(ids[educator])}
        members = read_back(tmp_path / educator, "cohort_members")
        assert set(members["cohort_id"].to_list()) == own, educator
        assert set(read_back(tmp_path / educator, "cohorts")["id"].to_list()) == own


def test_an_educator_reads_no_joining_or_leaving_of_other_educators_cohorts(wb, tmp_path):
    """The events say it too: ada joining and leaving uma's cohort is not in tess's snapshot (nor in her
    zip: both take the same scope)."""
    ids = two_educators(wb)
    autumn = wb.cohorts(ids["uma"])[0]
    wb.join_cohort(ids["ada"], autumn.join_code)
    wb.leave_cohort(ids["ada"], autumn.id)
    wb.snapshot(tmp_path / "tess", educator_id=ids["tess"])
    con = duckdb.connect()
    objects = con.sql(f"SELECT DISTINCT object FROM {parquet(tmp_path / 'tess', 'events/*/*.parquet')} "
                      "WHERE verb IN ('joined-cohort', 'left-cohort')").fetchall()
    assert objects == [(str(wb.cohorts(ids["tess"])[0].id),)]
    with zipfile.ZipFile(io.BytesIO(wb.snapshot_zip(ids["tess"]))) as archive:
        events = pl.concat(pl.read_parquet(io.BytesIO(archive.read(n))) for n in archive.namelist()
                           if n.startswith("events/"))
    assert str(autumn.id) not in events.filter(pl.col("verb").is_in(["joined-cohort", "left-cohort"]))["object"]


def test_refreshing_replaces_the_snapshot_whole(filled, tmp_path):
    wb, ids = filled
    first = wb.snapshot(tmp_path / "snap")
    wb.record_result(ids["ada"], EXERCISES[0], True, at=FEB + timedelta(days=40))
    second = wb.snapshot(tmp_path / "snap")
    assert second["events"] > first["events"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")], "no staging folder left behind"
    con = duckdb.connect()
    assert con.sql(f"SELECT count(*) FROM {parquet(tmp_path / 'snap', 'events/*/*.parquet')}").fetchall()[0][0] \
        == second["events"]


@pytest.mark.parametrize("kept", ["analysis.ipynb", "notes/todo.txt", ".ipynb_checkpoints/x.json", "sales_2024.parquet",
                                  "events/notes.txt", "events/month=2026-02/mine.parquet"])
def test_a_folder_holding_other_files_is_refused_and_left_as_it_was(filled, tmp_path, kept):
    wb, _ = filled
    folder = tmp_path / "work"
    wb.snapshot(folder)  # an earlier snapshot there, and then the analyst's own file beside it
    (folder / kept).parent.mkdir(parents=True, exist_ok=True)
    (folder / kept).write_text("mine")
    before = sorted(str(p.relative_to(folder)) for p in folder.rglob("*"))
    shown = kept if kept.startswith("events/") else kept.split("/")[0]  # a folder of the analyst's, or the file
    with pytest.raises(ExportError, match=re.escape(shown)):
        wb.snapshot(folder)
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == before
    assert (folder / kept).read_text() == "mine"
    assert [p.name for p in tmp_path.iterdir()] == ["work"], "no staging folder left behind"


def test_a_file_is_refused_and_an_empty_folder_taken(filled, tmp_path):
    wb, _ = filled
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(ExportError, match="is a file"):
        wb.snapshot(tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "mine"
    (tmp_path / "empty").mkdir()
    assert wb.snapshot(tmp_path / "empty")["events"] > 0
    (tmp_path / "tables").mkdir()  # table-named files, but no manifest: not a snapshot
    (tmp_path / "tables" / "users.parquet").write_text("mine")
    with pytest.raises(ExportError, match="users.parquet"):
        wb.snapshot(tmp_path / "tables")


# -- the snapshot as one zip, for a download ----------------------------------------------------


def unzipped(data: bytes, folder: Path) -> Path:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert archive.testzip() is None
        archive.extractall(folder)
    return folder


def two_educators(wb: Workbench) -> dict[str, int]:
    """``fill``'s tess, ada (in her cohort) and bob (in none); uma with a cohort of her own holding cyd."""
    ids = fill(wb)
    ids["uma"] = wb.register("uma", "uma@example.org", "Uma", PASSWORD, role="educator").id
    autumn = wb.create_cohort(ids["uma"], "Autumn")
    ids["cyd"] = wb.register("cyd", "cyd@example.org", "Cyd", PASSWORD).id
    wb.record_result(ids["cyd"], EXERCISES[0], True, duration_s=30, at=FEB)
    wb.join_cohort(ids["cyd"], autumn.join_code)
    return ids


def read_back(folder: Path, table: str) -> pl.DataFrame:
    if table == "events":
        return pl.read_parquet(folder / "events" / "*" / "*.parquet", hive_partitioning=True)
    return pl.read_parquet(folder / f"{table}.parquet")


USER_COLUMNS = {"users": "id", "events": "user_id", "attempts": "user_id", "cohort_members": "user_id",
                "learner_state": "user_id", "skill_ratings": "user_id"}


@pytest.mark.parametrize("educator", ["tess", "uma"])
def test_the_zip_holds_one_parquet_per_table_with_the_educators_rows_only(wb, tmp_path, educator):
    ids = two_educators(wb)
    mine = {"tess": {ids["ada"]}, "uma": {ids["cyd"]}}[educator]
    zipped = unzipped(parquet_zip(wb.store, wb.bank, educator_id=ids[educator])[0], tmp_path / "zip")
    folder = wb.snapshot(tmp_path / "folder", educator_id=ids[educator]) and tmp_path / "folder"
    manifest = json.loads((zipped / "manifest.json").read_text())
    assert manifest["educator_id"] == ids[educator]
    assert set(manifest["tables"]) == {"events", "users", "attempts", "cohorts", "cohort_members", "learner_state",
                                       "skill_ratings", "exercise_ratings", "exercises"}
    for table, rows in manifest["tables"].items():
        frame = read_back(zipped, table)
        assert frame.height == rows, table
        if table != "events":  # the folder's events include its own export's "exported-data" row: none are the learners'
            assert frame.equals(read_back(folder, table)), f"{table}: not the folder snapshot's rows"
        if table in USER_COLUMNS:
            assert set(frame[USER_COLUMNS[table]].to_list()) == mine, f"{table} holds another educator's learners"
    assert read_back(zipped, "cohorts")["educator_id"].to_list() == [ids[educator]]
    assert read_back(zipped, "events").height == wb.store.scalar(
        "SELECT count(*) FROM events WHERE user_id IN (SELECT unnest($ids))", {"ids": sorted(mine)})


def test_the_zip_is_the_folder_snapshot_with_a_readme(filled, tmp_path):
    wb, ids = filled
    data = parquet_zip(wb.store, wb.bank, educator_id=ids["tess"], taken_at=datetime(2026, 11, 22, 9, 5, tzinfo=UTC))[0]
    wb.snapshot(tmp_path / "folder", educator_id=ids["tess"])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        readme = archive.read("README.txt").decode()
        assert all(archive.getinfo(n).compress_type == zipfile.ZIP_STORED for n in names if n.endswith(".parquet"))
    folder = sorted(p.relative_to(tmp_path / "folder").as_posix() for p in (tmp_path / "folder").rglob("*") if p.is_file())
    assert sorted(names) == sorted([*folder, "README.txt"])
    assert "events/month=2026-02/data.parquet" in names and "events/month=2026-03/data.parquet" in names
    assert "Taken 2026-11-22 09:05 UTC" in readme and "Tess's cohorts only" in readme and "no events folder" not in readme
    assert all(f"{table}.parquet" in readme for table in ("users", "attempts", "cohorts", "exercises"))


def test_the_zip_holds_no_secret(filled):
    wb, _ = filled
    data = parquet_zip(wb.store, wb.bank)[0]
    assert b"$2b$" not in data and b"example.org" not in data


def test_an_unzipped_download_reads_as_the_notebooks_read_a_snapshot(filled, tmp_path):
    wb, ids = filled
    folder = unzipped(parquet_zip(wb.store, wb.bank, educator_id=ids["tess"])[0], tmp_path / "snap")
    con = duckdb.connect()
    users = con.sql(f"SELECT DISTINCT user_id FROM {parquet(folder, 'events/*/*.parquet')}").fetchall()
    assert users == [(ids["ada"],)]
    durations = "SELECT sum(CAST(CAST(result AS JSON)->>'duration_s' AS DOUBLE)) FROM {} WHERE verb = 'completed'"
    read = con.sql(durations.format(parquet(folder, "events/*/*.parquet"))).fetchall()[0][0]
    stored = wb.store.scalar(durations.format(f"(SELECT * FROM events WHERE user_id = {ids['ada']})"))
    assert read == stored > 0, "result is JSON, as the notebooks' queries read it"


def test_an_educator_with_no_learners_gets_empty_tables(wb, tmp_path):
    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    wb.create_cohort(tess.id, "Empty")
    folder = unzipped(parquet_zip(wb.store, wb.bank, educator_id=tess.id)[0], tmp_path / "snap")
    assert not (folder / "events").exists() and pl.read_parquet(folder / "users.parquet").height == 0
    readme = (folder / "README.txt").read_text()
    assert "0 rows" in readme and "No events yet, so there is no events folder" in readme


def test_snapshot_zip_checks_the_educator_and_logs_the_export(filled):
    wb, ids = filled
    with pytest.raises(AccessDenied):
        wb.snapshot_zip(ids["ada"])
    data = wb.snapshot_zip(ids["tess"])
    logged = wb.store.all("SELECT user_id, object, CAST(result AS VARCHAR) FROM events WHERE verb = 'exported-data'")
    assert [(user, what) for user, what, _ in logged] == [(ids["tess"], "parquet-zip")]
    assert json.loads(logged[0][2])["bytes"] == len(data)


# -- xAPI ----------------------------------------------------------------------------------------

IRI = re.compile(r"^[a-z][a-z0-9+.-]*://[^\s]+$")
TIMESTAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")
DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")


def check_statement(s: dict) -> None:
    """The xAPI 1.0.3 rules for a statement, as far as these exports use them."""
    assert uuid.UUID(s["id"]).version in (4, 5) and str(uuid.UUID(s["id"])) == s["id"]
    account = s["actor"]["account"]
    assert s["actor"]["objectType"] == "Agent" and IRI.match(account["homePage"]) and account["name"]
    assert set(s["actor"]) <= {"objectType", "account", "name"}, "an agent has exactly one identifier"
    assert IRI.match(s["verb"]["id"]) and all(isinstance(v, str) for v in s["verb"]["display"].values())
    assert s["object"]["objectType"] == "Activity" and IRI.match(s["object"]["id"])
    assert TIMESTAMP.match(s["timestamp"])
    datetime.fromisoformat(s["timestamp"].replace("Z", "+00:00"))
    if "result" in s:
        assert isinstance(s["result"]["success"], bool)
        if "duration" in s["result"]:
            assert DURATION.match(s["result"]["duration"]), s["result"]["duration"]
        if "score" in s["result"]:
            score = s["result"]["score"]
            assert score["min"] <= score["raw"] <= score["max"] and 0 <= score["scaled"] <= 1
    for extensions in (s.get("context", {}).get("extensions", {}), s.get("result", {}).get("extensions", {})):
        assert all(IRI.match(key) for key in extensions)


def test_every_xapi_statement_is_valid(filled, tmp_path):
    wb, ids = filled
    written = wb.export_xapi(tmp_path / "log.jsonl", base_iri="https://workbench.example.org")
    lines = (tmp_path / "log.jsonl").read_text().splitlines()
    assert written == len(lines) == wb.store.scalar("SELECT count(*) FROM events WHERE user_id IS NOT NULL")
    statements = [json.loads(line) for line in lines]
    for statement in statements:
        check_statement(statement)
    assert len({s["id"] for s in statements}) == len(statements)
    passed = [s for s in statements if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/passed"]
    failed = [s for s in statements if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/failed"]
    attempted = [s for s in statements if s["verb"]["id"] == "http://adlnet.gov/expapi/verbs/attempted"]
    assert len(passed) + len(failed) == len(attempted) == 20
    assert all(s["result"]["success"] for s in passed) and not any(s["result"]["success"] for s in failed)
    assert not any("result" in s for s in attempted), "a try's result is stated once: a pass counted once"
    assert sum(s.get("result", {}).get("success", False) for s in statements) == len(passed)
    displays = {s["verb"]["id"]: s["verb"]["display"]["en-US"] for s in statements}
    assert [displays[s[0]["verb"]["id"]] for s in (passed, failed, attempted)] == ["passed", "failed", "attempted"], \
        "each verb is named as its IRI is"
    adas = [s for s in passed if s["actor"]["account"]["name"] == str(ids["ada"])]
    first = min(adas, key=lambda s: s["timestamp"])
    assert first["actor"]["account"] == {"homePage": "https://workbench.example.org", "name": str(ids["ada"])}
    assert first["object"]["id"] == "https://workbench.example.org/exercises/python/apply-n-times"
    assert first["result"]["duration"] == "PT1M7.5S"  # 67.5 s on day 2, the first pass
    assert first["timestamp"] == "2026-02-22T09:30:00.000Z"


def test_an_educators_xapi_download_holds_only_their_cohorts_learners(filled, tmp_path):
    wb, ids = filled
    tess = wb.accounts.by_username("tess")
    data = wb.xapi_download(tess.id, base_iri="https://workbench.example.org:8600/")
    statements = [json.loads(line) for line in gzip.decompress(data).decode().splitlines()]
    actors = {s["actor"]["account"]["name"] for s in statements}
    assert actors == {str(ids["ada"])}, "bob is in no cohort of tess's"
    for statement in statements:
        check_statement(statement)
    assert all(s["actor"]["account"]["homePage"] == "https://workbench.example.org:8600" for s in statements)
    # the same statements as the server's file under the same address, for ada's events
    wb.export_xapi(tmp_path / "all.jsonl", base_iri="https://workbench.example.org:8600")
    everyone = [json.loads(line) for line in (tmp_path / "all.jsonl").read_text().splitlines()]
    assert [s["id"] for s in statements] == [s["id"] for s in everyone if s["actor"]["account"]["name"] == str(ids["ada"])]
    with pytest.raises(AccessDenied):
        wb.xapi_download(ids["ada"])  # a learner is no educator


@pytest.mark.parametrize("base_iri", ["workbench.example.org", "ftp://workbench.example.org", "https://", "",
                                      "https://workbench.example.org/?page=1", "https://workbench.example.org/#top",
                                      "https://work bench.example.org"])
def test_an_address_that_cannot_name_activities_is_refused_before_anything_is_written(filled, tmp_path, base_iri):
    wb, _ = filled
    with pytest.raises(ExportError, match="not the app's address"):
        wb.export_xapi(tmp_path / "out" / "log.jsonl", base_iri=base_iri)
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(ExportError, match="not the app's address"):
        wb.xapi_download(wb.accounts.by_username("tess").id, base_iri=base_iri)


def test_statement_ids_are_stable_across_exports(filled, tmp_path):
    wb, _ = filled
    wb.export_xapi(tmp_path / "a.jsonl")
    wb.export_xapi(tmp_path / "b.jsonl")
    ids = [[json.loads(line)["id"] for line in (tmp_path / n).read_text().splitlines()] for n in ("a.jsonl", "b.jsonl")]
    assert ids[0] == ids[1]


def test_statement_ids_differ_between_installations_and_addresses(filled, make_wb, tmp_path):
    """Two installations number their events alike: a learning record store collecting from both refused (or
    dropped) the second's statements as the first's, ids made from the event's number alone being the same."""
    wb, _ = filled
    other = make_wb()
    fill(other)
    wb.export_xapi(tmp_path / "here.jsonl")
    other.export_xapi(tmp_path / "there.jsonl")
    wb.export_xapi(tmp_path / "elsewhere.jsonl", base_iri="https://workbench.example.org")
    ids = {n: [json.loads(line)["id"] for line in (tmp_path / n).read_text().splitlines()]
           for n in ("here.jsonl", "there.jsonl", "elsewhere.jsonl")}
    assert len(ids["here.jsonl"]) == len(ids["there.jsonl"]) == len(ids["elsewhere.jsonl"])
    assert not set(ids["here.jsonl"]) & set(ids["there.jsonl"])
    assert not set(ids["here.jsonl"]) & set(ids["elsewhere.jsonl"])


def test_a_question_to_the_tutor_about_an_exercise_names_the_exercise_as_its_activity(wb, tmp_path):
    ada = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    wb.ask_tutor(ada.id, "what is a loop?", EXERCISES[1])
    wb.export_xapi(tmp_path / "log.jsonl", base_iri="https://workbench.example.org")
    objects = {s["verb"]["display"]["en-US"]: s["object"]["id"]
               for s in map(json.loads, (tmp_path / "log.jsonl").read_text().splitlines())}
    assert objects["asked"] == objects["tutor-replied"] == "https://workbench.example.org/exercises/python/digit-sum"


def test_a_pipe_a_device_or_a_file_not_an_export_is_refused_and_left_as_it_was(filled, tmp_path):
    wb, _ = filled
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    with pytest.raises(ExportError, match="not a plain file"):
        wb.export_xapi(pipe)
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    with pytest.raises(ExportError, match="not a plain file"):
        wb.export_xapi("/dev/null")
    mine = tmp_path / "notes.txt"
    mine.write_text("my own notes\n")
    with pytest.raises(ExportError, match="not an xAPI export"):
        wb.export_xapi(mine)
    assert mine.read_text() == "my own notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "pipe"], "no partial file left"


def test_an_earlier_export_is_replaced_and_a_link_to_it_kept(filled, tmp_path):
    wb, _ = filled
    wb.export_xapi(tmp_path / "log.jsonl")
    (tmp_path / "latest.jsonl").symlink_to(tmp_path / "log.jsonl")
    wb.record_result(wb.accounts.by_username("ada").id, EXERCISES[0], True)
    written = wb.export_xapi(tmp_path / "latest.jsonl")
    assert (tmp_path / "latest.jsonl").is_symlink(), "the link stays a link"
    assert sum(1 for _ in open(tmp_path / "log.jsonl")) == written, "the file it names has the new export"


@pytest.mark.parametrize("seconds,text", [(0, "PT0S"), (9.5, "PT9.5S"), (60, "PT1M0S"), (754.25, "PT12M34.25S"),
                                          (3725, "PT1H2M5S")])
def test_iso_durations(seconds, text):
    assert iso_duration(seconds) == text and DURATION.match(text)


def test_the_command_line_exports_both(tmp_path):
    home = tmp_path / "home"
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        fill(wb)
    env = {**os.environ, "WORKBENCH_HOME": str(home)}
    for args in (["--parquet", str(tmp_path / "out")], ["--xapi", str(tmp_path / "out.jsonl")]):
        done = subprocess.run([sys.executable, "-m", "engine", "export", *args], cwd=REPO, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
    assert (tmp_path / "out" / "events").is_dir()
    assert sum(1 for _ in open(tmp_path / "out.jsonl")) > 40
    usage = subprocess.run([sys.executable, "-m", "engine", "export"], cwd=REPO, env=env, capture_output=True, text=True)
    assert usage.returncode == 2 and "--parquet" in usage.stderr
    (tmp_path / "kept").mkdir()
    (tmp_path / "kept" / "analysis.ipynb").write_text("mine")
    refused = subprocess.run([sys.executable, "-m", "engine", "export", "--parquet", str(tmp_path / "kept")], cwd=REPO,
                             env=env, capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "analysis.ipynb" in refused.stderr and "Traceback" not in refused.stderr
    assert [p.name for p in (tmp_path / "kept").iterdir()] == ["analysis.ipynb"]
    for args in (["--xapi", str(tmp_path / "kept")], ["--parquet", ""], ["--xapi", " "],
                 ["--xapi", str(tmp_path / "bad.jsonl"), "--base-iri", "workbench.example.org"]):
        wrong = subprocess.run([sys.executable, "-m", "engine", "export", *args], cwd=REPO, env=env, capture_output=True,
                               text=True, timeout=120)
        assert wrong.returncode == 2 and "error: " in wrong.stderr and "Traceback" not in wrong.stderr, (args, wrong.stderr)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".part")] == [], "no partial file left"
    mistyped = subprocess.run([sys.executable, "-m", "engine", "export", "--xapi", str(tmp_path / "x.jsonl")], cwd=REPO,
                              env={**env, "WORKBENCH_HOME": str(tmp_path / "hoem")}, capture_output=True, text=True,
                              timeout=120)
    assert mistyped.returncode == 2 and "no workbench in" in mistyped.stderr
    assert not (tmp_path / "hoem").exists() and not (tmp_path / "x.jsonl").exists(), "no empty store made, nothing written"
    (tmp_path / "a-file").write_text("")
    for args in (["--xapi", str(tmp_path / "a-file" / "out.jsonl")], ["--parquet", str(tmp_path / "a-file" / "snap")]):
        unwritable = subprocess.run([sys.executable, "-m", "engine", "export", *args], cwd=REPO, env=env,
                                    capture_output=True, text=True, timeout=120)
        assert unwritable.returncode == 1 and "error: cannot write" in unwritable.stderr, (args, unwritable.stderr)
        assert "Traceback" not in unwritable.stderr


def test_a_store_left_alone(tmp_path):
    """Opening a snapshot never needs the store: it is plain Parquet (DuckDB, Polars, pyarrow read it)."""
    import polars as pl

    wb = Workbench(Settings(home=tmp_path / "h", bcrypt_rounds=4), store=Store(), sandbox=None)  # type: ignore[arg-type]
    fill(wb)
    counts = wb.snapshot(tmp_path / "snap")
    frame = pl.read_parquet(tmp_path / "snap" / "events" / "*" / "*.parquet", hive_partitioning=True)
    assert frame.height == counts["events"] == wb.store.scalar("SELECT count(*) FROM events") - 1  # + "exported-data"


def test_an_unzipped_download_is_refreshed_with_its_readme_rewritten(filled, tmp_path):
    """docs/data.md: unzipped, the download is a snapshot folder, so the command line refreshes it."""
    wb, ids = filled
    taken = datetime(2026, 3, 1, 8, 0, tzinfo=UTC)
    folder = unzipped(parquet_zip(wb.store, wb.bank, educator_id=ids["tess"], taken_at=taken)[0], tmp_path / "snap")
    wb.record_result(ids["ada"], EXERCISES[0], True, at=FEB + timedelta(days=40))
    counts = export_parquet(wb.store, wb.bank, folder)
    readme = (folder / "README.txt").read_text()
    assert "Taken 2026-03-01" not in readme and "Holds every learner" in readme, "the README says what is there now"
    assert re.search(rf"events/month=YYYY-MM/data.parquet\s+{counts['events']:,} rows", readme)
    assert open_snapshot(folder).sql("SELECT count(*) FROM events").fetchall()[0][0] == counts["events"]


def test_a_folder_without_a_readme_gets_none_when_refreshed(filled, tmp_path):
    wb, _ = filled
    wb.snapshot(tmp_path / "snap")
    wb.snapshot(tmp_path / "snap")
    assert not (tmp_path / "snap" / "README.txt").exists()
