"""AppTest of the Data page's snapshot: refreshing it, sharing it, members changing, and the Parquet download."""

from __future__ import annotations

import gzip
import io
import json
import zipfile
from datetime import timedelta

import polars as pl
import pytest
from data_console import EXERCISE, open_page, run_sql


def test_refresh_snapshot_sees_new_activity(wb, tess):
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    at = run_sql(at, "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2, "a snapshot holds still"
    next(b for b in at.button if b.label == "Refresh snapshot").click().run()
    at = run_sql(at, "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 3


@pytest.fixture
def downloads(monkeypatch) -> dict[str, bytes]:
    """The bytes the page hands to its download buttons, by file name (AppTest keeps them in a media
    storage of its own, dropped after each run)."""
    import streamlit.testing.v1.app_test as app_test
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    kept: dict[str, bytes] = {}

    class Keeping(MemoryMediaFileStorage):
        def load_and_get_id(self, path_or_data, mimetype, kind, filename=None):
            if isinstance(path_or_data, bytes) and filename:
                kept[filename] = path_or_data
            return super().load_and_get_id(path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(app_test, "MemoryMediaFileStorage", Keeping)
    return kept


def test_the_parquet_snapshot_downloads_as_a_zip_of_the_educators_cohort(wb, tess, downloads, monkeypatch):
    import engine.clock

    now = engine.clock.utcnow()
    monkeypatch.setattr(engine.clock, "utcnow", lambda: now)  # the file's date, even at midnight
    at = open_page(tess)
    assert not any(b.label.startswith("Download workbench-activity") for b in at.download_button)
    assert not wb.store.scalar("SELECT count(*) FROM events WHERE object = 'parquet-zip'"), "built only when asked"
    at.button(key="prepare_zip").click().run()
    assert not at.exception, at.exception
    name = f"workbench-activity-{now:%Y-%m-%d}.zip"
    assert f"Download {name}" in [b.label for b in at.download_button]
    data = downloads[name]
    assert f"{len(data) / 1000:.1f} KB · prepared {now:%Y-%m-%d %H:%M} UTC" in [c.value for c in at.caption]
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        users = pl.read_parquet(io.BytesIO(archive.read("users.parquet")))
        events = pl.concat(pl.read_parquet(io.BytesIO(archive.read(n))) for n in names if n.startswith("events/"))
        assert "README.txt" in names and "manifest.json" in names
    assert sorted(users["username"]) == ["ada", "bob"], "cyd, in no cohort of tess's, is not there"
    learners = {wb.accounts.by_username(n).id for n in ("ada", "bob")}
    assert set(events["user_id"]) == learners
    assert events.height == wb.store.scalar("SELECT count(*) FROM events WHERE user_id IN (SELECT unnest($ids))",
                                            {"ids": sorted(learners)})
    at = run_sql(at, "SELECT 1 AS n")
    assert f"Download {name}" in [b.label for b in at.download_button], "still there after another action"


def test_the_xapi_statements_download_holds_the_educators_cohort(wb, tess, downloads, monkeypatch):
    import engine.clock

    now = engine.clock.utcnow()
    monkeypatch.setattr(engine.clock, "utcnow", lambda: now)
    at = open_page(tess)
    assert any("`http://localhost:8501`" in m.value for m in at.markdown), "the default address, outside a browser"
    at.button(key="prepare_xapi").click().run()
    assert not at.exception, at.exception
    name = f"workbench-xapi-{now:%Y-%m-%d}.jsonl.gz"
    assert f"Download {name}" in [b.label for b in at.download_button]
    statements = [json.loads(line) for line in gzip.decompress(downloads[name]).decode().splitlines()]
    learners = {str(wb.accounts.by_username(n).id) for n in ("ada", "bob")}
    assert {s["actor"]["account"]["name"] for s in statements} == learners, "cyd, in no cohort of tess's, is not there"


def test_a_parquet_snapshot_written_on_the_server(wb, tess):
    at = open_page(tess)
    next(b for b in at.button if b.label == "Write a Parquet snapshot of my cohorts").click().run()
    folder = wb.settings.home / "snapshots" / f"educator-{tess.id}"
    assert (folder / "events").is_dir() and (folder / "users.parquet").exists()
    assert "Wrote 8 events" in at.success[0].value
    assert any(str(folder) in c.value for c in at.caption), "the caption says where on the server"


def test_an_educator_without_learners_is_told_the_download_would_be_empty(wb, tess):
    NO_LEARNERS = ":material/info: Your cohorts have no learners yet: a download would hold empty tables."
    assert NO_LEARNERS not in [c.value for c in open_page(tess).caption]
    uma = wb.register("uma", "uma@example.org", "Uma", "tidy-otter-93", role="educator")
    wb.create_cohort(uma.id, "Autumn")
    assert NO_LEARNERS in [c.value for c in open_page(uma).caption]


def test_refresh_takes_a_copy_of_its_own(wb, tess):
    """A refresh is never another session's copy: before, the first Refresh of any session got generation 1."""
    first = open_page(tess)
    next(b for b in first.button if b.label == "Refresh snapshot").click().run()
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    second = open_page(tess)
    next(b for b in second.button if b.label == "Refresh snapshot").click().run()
    second = run_sql(second, "SELECT count(*) AS n FROM attempts")
    assert second.dataframe[-1].value["n"][0] == 3
    assert any(c.value.startswith("Snapshot taken ") and "(just now)" in c.value for c in second.caption)


def test_a_snapshot_is_taken_anew_once_it_is_old(wb, tess, monkeypatch):
    """A new session within minutes shares the snapshot; later it gets a new one, not one from a past login."""
    import engine.clock

    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    ada = wb.accounts.by_username("ada")
    wb.record_result(ada.id, EXERCISE, True)
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 2, "shared while recent"
    later = engine.clock.utcnow() + timedelta(minutes=6)
    monkeypatch.setattr(engine.clock, "utcnow", lambda: later)
    at = run_sql(open_page(tess), "SELECT count(*) AS n FROM attempts")
    assert at.dataframe[-1].value["n"][0] == 3


def _leaves(wb):
    ada = wb.accounts.by_username("ada")
    wb.leave_cohort(ada.id, wb.cohort_book.of_learner(ada.id)[0][0].id)


def _cohort_deleted(wb):
    tess = wb.accounts.by_username("tess")
    wb.delete_cohort(tess.id, wb.cohorts(tess.id)[0].id)


def _joins(wb):
    tess = wb.accounts.by_username("tess")
    dan = wb.register("dan", "dan@example.org", "Dan", "tidy-otter-93")
    wb.join_cohort(dan.id, wb.cohorts(tess.id)[0].join_code)


@pytest.mark.parametrize(("change", "usernames"), [
    (_leaves, ["bob"]), (_cohort_deleted, []), (_joins, ["ada", "bob", "dan"]),
], ids=["a learner leaves", "the cohort is deleted", "a learner joins"])
@pytest.mark.parametrize("refreshed", [False, True], ids=["shared", "refreshed"])
def test_a_change_of_members_shows_at_once_in_every_session(wb, tess, change, usernames, refreshed):
    """The snapshot is shared for minutes, but not across a change of who is in the educator's cohorts:
    a learner who leaves is gone from the console at once, in a new login and in an open session alike."""
    before = open_page(tess)
    if refreshed:  # a session's own snapshot is no exception
        next(b for b in before.button if b.label == "Refresh snapshot").click().run()
    before = run_sql(before, "SELECT username FROM users ORDER BY 1")
    assert list(before.dataframe[-1].value["username"]) == ["ada", "bob"]
    change(wb)
    after = run_sql(open_page(tess), "SELECT username FROM users ORDER BY 1")
    assert list(after.dataframe[-1].value["username"]) == usernames, "a new login"
    before = run_sql(before, "SELECT username FROM users ORDER BY 1")
    assert list(before.dataframe[-1].value["username"]) == usernames, "the session open before"
