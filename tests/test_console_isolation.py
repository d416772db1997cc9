"""The SQL console's queries run in a child process the server kills: a query DuckDB cannot interrupt (one
costly call on one row) is stopped at the time limit, a huge allocation fails as out of memory rather than
taking the server's, and a console leaves no process and no folder behind."""

from __future__ import annotations

import gc
import os
import threading
import time
from pathlib import Path

import pytest
from factories import PASSWORD

from engine.console import ConsoleError

TIMEOUT_S = 1.0
# The old console ran these in the server's process, where DuckDB's interrupt waits for the next chunk of rows,
# which never comes: each ran for 30 s or more on a 1-second limit (one row, one costly call).
UNINTERRUPTIBLE = {
    "levenshtein of long texts": "SELECT levenshtein(repeat('a', 150000), repeat('b', 150000))",
    "a text built by list_reduce": "SELECT length(list_reduce(list_transform(range(300000), lambda x: 'abcdefgh'), "
                                   "lambda a, b: a || b))",
}
# far past the time limit (a busy machine may start the next worker slowly) and far short of the old 40 s
STOPPED_WITHIN_S = TIMEOUT_S + 15


@pytest.fixture
def tess(wb):
    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    wb.create_cohort(tess.id, "Spring")
    return tess


@pytest.fixture
def console(wb, tess):
    console = wb.data_console(tess.id, timeout_s=TIMEOUT_S)
    yield console
    console.close()


def worker_of(console) -> tuple[int | None, Path]:
    """The console's worker process (None before its first start) and the folder of its copy."""
    return console._worker.pid, console._worker.folder


def gone(pid: int | None) -> bool:
    """Whether the process is gone and reaped: a zombie still has its /proc entry."""
    return pid is None or not Path(f"/proc/{pid}").exists()


@pytest.mark.parametrize("sql", UNINTERRUPTIBLE.values(), ids=UNINTERRUPTIBLE.keys())
def test_a_query_duckdb_cannot_interrupt_is_stopped_at_the_limit(console, sql):
    assert console.run("SELECT 1 AS x").frame.rows() == [(1,)]
    killed, _ = worker_of(console)
    started = time.monotonic()
    with pytest.raises(ConsoleError, match="ran longer than 1 seconds"):
        console.run(sql)
    assert time.monotonic() - started < STOPPED_WITHIN_S
    assert gone(killed), "the worker was killed and reaped"
    assert console.run("SELECT count(*) FROM exercises").frame.item() > 0, "a new worker answers, on the same copy"


def test_a_query_behind_another_on_the_same_console_says_how_long_it_waited(console):
    """An educator's second tab waited for the first's runaway query, and then said "1 row in 4 ms"."""
    console.run("SELECT 1")
    runaway = UNINTERRUPTIBLE["levenshtein of long texts"]
    first = threading.Thread(target=lambda: pytest.raises(ConsoleError, console.run, runaway))
    first.start()
    time.sleep(0.3)
    behind = console.run("SELECT 1 AS x")
    first.join()
    assert behind.frame.rows() == [(1,)] and behind.waited_ms > 500 and behind.elapsed_ms < behind.waited_ms
    assert console.run("SELECT 1").waited_ms < 500, "alone, it waits for nothing"


def test_a_huge_text_is_out_of_memory_and_the_console_goes_on(console):
    """The old console built the 2 GB text in the server's memory, outside DuckDB's limit."""
    with pytest.raises(ConsoleError, match="more than the console's 512 MB of memory"):
        console.run("SELECT repeat('x', 2000000000) AS s")
    assert console.run("SELECT 1 AS x").frame.rows() == [(1,)]


def test_closing_leaves_no_process_and_no_folder(console):
    console.run("SELECT 1")
    pid, folder = worker_of(console)
    assert not gone(pid) and (folder / "snapshot.duckdb").exists()
    assert folder.stat().st_mode & 0o777 == 0o700, "the copy is the server's alone"
    console.close()
    assert gone(pid) and not folder.exists()


def test_a_worker_whose_server_is_gone_removes_its_folder(console):
    """A server killed outright (a SIGKILL, the kernel's out-of-memory killer) removes no folder: the copy of
    the activity stayed in the temp folder. The worker's input ends with the server, and it removes it."""
    console.run("SELECT 1")
    _, folder = worker_of(console)
    worker = console._worker._process
    worker.stdin.close()  # what the server's death does to the pipe; a server alive kills its worker instead
    assert worker.wait(timeout=30) == 0
    assert not folder.exists()


def test_a_console_dropped_unclosed_is_freed_too(wb, tess, console):
    """The Data page's cache lets go of a console without closing it."""
    console.run("SELECT 1")
    pid, folder = worker_of(console)
    other = wb.data_console(tess.id)
    other_pid, other_folder = worker_of(other)
    del other
    gc.collect()
    assert gone(other_pid) and not other_folder.exists()
    assert not gone(pid), "only that one"


def test_closing_during_a_query_never_waits_and_frees_all_once_it_is_killed(console):
    console.run("SELECT 1")
    pid, folder = worker_of(console)
    failed: list[Exception] = []

    def run() -> None:
        try:
            console.run(UNINTERRUPTIBLE["levenshtein of long texts"])
        except ConsoleError as exc:
            failed.append(exc)

    query = threading.Thread(target=run)
    query.start()
    time.sleep(0.3)  # the query is running
    started = time.monotonic()
    console.close()
    assert time.monotonic() - started < 0.5, "close returned at once"
    query.join(STOPPED_WITHIN_S)
    assert not query.is_alive() and failed
    assert gone(pid) and not folder.exists()
    with pytest.raises(ConsoleError, match="replaced by a newer one"):
        console.run("SELECT 1")


def test_the_worker_has_none_of_the_servers_environment_or_files(console, monkeypatch, tmp_path):
    monkeypatch.setenv("WORKBENCH_COOKIE_KEY", "not-for-the-worker")
    console._worker.stop()  # started again by the next query, with the variable set in the server
    with open(tmp_path / "open-in-the-server", "w"):
        console.run("SELECT 1")
        pid, folder = worker_of(console)
        environment = Path(f"/proc/{pid}/environ").read_bytes().decode()
        files = [os.readlink(f"/proc/{pid}/fd/{fd}") for fd in os.listdir(f"/proc/{pid}/fd")]
    assert "not-for-the-worker" not in environment and "WORKBENCH" not in environment
    assert f"HOME={folder}" in environment.split("\0")
    assert not any(str(tmp_path) in file for file in files) and len(files) <= 4, files
