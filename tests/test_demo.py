"""Demo data: a realistic cohort made through the real engine, bulk writing, and clean removal."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import chromadb
import polars as pl
import pytest
from factories import PASSWORD, START, Clock

from engine.bank import Bank
from engine.demo import PASSWORD as DEMO_PASSWORD
from engine.demo import DemoData, DemoError
from engine.embedder import Embedder
from engine.events import Event
from engine.memory import MemoryStore, chroma_settings
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench

LEARNERS, DAYS = 12, 21


def with_memory(wb: Workbench, folder: Path, embedder: Embedder) -> Workbench:
    """Give ``wb`` a memory on the session's embedding model (demo learners' goals and hints are
    remembered), so each test does not load the model again."""
    client = chromadb.PersistentClient(path=str(folder / "chroma"), settings=chroma_settings())
    wb.use_memory(MemoryStore(wb.store, client, embedder, clock=wb.clock))
    return wb


@pytest.fixture
def wb(wb: Workbench, tmp_path: Path, embedder: Embedder) -> Workbench:
    return with_memory(wb, tmp_path, embedder)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory: pytest.TempPathFactory, sandbox: Sandbox, bank: Bank,
           embedder: Embedder) -> Iterator[tuple[Workbench, DemoData]]:
    """One demo cohort for the module's read-only checks (it takes a few seconds to make)."""
    settings = Settings(home=tmp_path_factory.mktemp("home"), bcrypt_rounds=4)
    wb = with_memory(Workbench(settings, store=Store(), sandbox=sandbox, bank=bank, clock=Clock()),
                     settings.home, embedder)
    steps: list[tuple[int, int]] = []
    demo = wb.load_demo(learners=LEARNERS, days=DAYS, seed=5, progress=lambda done, total: steps.append((done, total)))
    assert steps[-1][0] == steps[-1][1] and [d for d, _ in steps] == sorted(d for d, _ in steps)
    yield wb, demo
    wb.close()


@pytest.fixture(scope="module")
def days(loaded: tuple[Workbench, DemoData]) -> pl.DataFrame:
    """Per learner and day they practised: results and passes."""
    wb, _ = loaded
    return wb.store.frame("SELECT user_id, CAST(submitted_at AS DATE) AS day, count(*) AS results, "
                          "sum(passed::INT)::INTEGER AS passes, sum(hints_used)::INTEGER AS hints FROM attempts "
                          "GROUP BY ALL ORDER BY user_id, day")


def test_demo_users_are_marked_and_can_log_in(loaded: tuple[Workbench, DemoData]) -> None:
    wb, demo = loaded
    users = wb.store.all("SELECT role, is_demo FROM users")
    assert len(users) == LEARNERS + 1 and all(is_demo for _, is_demo in users)
    now = wb.clock()  # logging in on the demo's clock keeps the log inside its window for the other checks
    assert wb.accounts.login(demo.sample_learner.username, DEMO_PASSWORD, now=now).id == demo.sample_learner.id
    assert wb.accounts.login(demo.educator.username, DEMO_PASSWORD, now=now).role == "educator"
    members = {m.user.id for m in wb.cohort_members(demo.educator.id, demo.cohort_id)}
    assert members == {u.id for u in demo.learners}
    assert all(wb.profile(u.id).completed for u in demo.learners)


def test_pass_rates_differ_between_learners(days: pl.DataFrame) -> None:
    per_learner = days.group_by("user_id").agg((pl.col("passes").sum() / pl.col("results").sum()).alias("rate"),
                                               pl.col("results").sum().alias("n"))
    rates = per_learner.filter(pl.col("n") >= 8)["rate"]
    assert rates.max() - rates.min() > 0.2


def _runs(dates: list[date]) -> tuple[int, int]:
    """The longest run of consecutive days, and the longest gap between two practised days."""
    longest = run = 1
    gap = 0
    for before, after in zip(dates, dates[1:], strict=False):
        step = (after - before).days
        run = run + 1 if step == 1 else 1
        longest = max(longest, run)
        gap = max(gap, step - 1)
    return longest, gap


def test_streaks_gaps_and_drop_outs(days: pl.DataFrame) -> None:
    habits = [_runs(group["day"].to_list()) for _, group in days.group_by("user_id")]
    assert max(longest for longest, _ in habits) >= 5  # someone keeps a streak going
    assert max(gap for _, gap in habits) >= 3  # someone stops for a while and comes back
    last = days.group_by("user_id").agg(pl.col("day").max())["day"]
    assert (last <= START.date() - timedelta(days=5)).sum() >= 1  # someone gives up
    assert days["user_id"].n_unique() <= LEARNERS


def test_hints_skips_and_logins_are_in_the_log(loaded: tuple[Workbench, DemoData], days: pl.DataFrame) -> None:
    wb, demo = loaded
    verbs = dict(wb.store.all("SELECT verb, count(*) FROM events GROUP BY verb"))
    assert verbs["requested-hint"] > 0 and verbs["skipped"] > 0 and verbs["logged-in"] >= days.height
    assert verbs["submitted"] == demo.results == days["results"].sum()
    assert verbs["completed"] + verbs["failed"] == demo.results and verbs["failed"] > 0
    assert days["hints"].sum() > 0


def test_everything_happens_inside_the_demo_window(loaded: tuple[Workbench, DemoData]) -> None:
    wb, _ = loaded
    first, last = wb.store.one("SELECT min(occurred_at), max(occurred_at) FROM events")  # type: ignore[misc]
    assert START.replace(tzinfo=None) - timedelta(days=DAYS + 1) <= first
    assert last <= START.replace(tzinfo=None)


def test_learners_grow_into_harder_exercises(loaded: tuple[Workbench, DemoData]) -> None:
    wb, _ = loaded
    results = wb.store.frame("SELECT a.user_id, a.submitted_at, e.context FROM attempts a JOIN events e "
                             "ON e.user_id = a.user_id AND e.occurred_at = a.submitted_at AND e.verb = 'submitted'")
    level = results.with_columns(pl.col("context").str.json_path_match("$.difficulty").cast(pl.Int32).alias("d"),
                                 (pl.col("submitted_at").rank("ordinal").over("user_id")).alias("n"))
    early = level.filter(pl.col("n") <= 3)["d"].mean()
    late = level.filter(pl.col("n") > 12)["d"].mean()
    assert late > early  # type: ignore[operator]


def test_loading_twice_is_refused(loaded: tuple[Workbench, DemoData]) -> None:
    wb, _ = loaded
    with pytest.raises(DemoError, match="already loaded"):
        wb.load_demo(learners=2, days=2)


@pytest.mark.parametrize(("learners", "days"), [(0, 5), (1001, 5), (3, 0), (3, 400)],
                         ids=["no-learners", "too-many-learners", "no-days", "more-than-a-year"])
def test_bad_sizes_are_refused(wb: Workbench, learners: int, days: int) -> None:
    with pytest.raises(DemoError, match="must be"):
        wb.load_demo(learners=learners, days=days)
    assert wb.user_count() == 0


# -- bulk writing ------------------------------------------------------------------------------------

def _tables(wb: Workbench) -> dict[str, list[tuple]]:  # type: ignore[type-arg]
    """Every table's rows, minus what is random by design (salted hashes, join codes, review card ids,
    memory ids, the installation's id) or real time (drafts, migrations)."""
    skip = {"password_hash", "join_code", "started_at", "updated_at", "card", "applied_at"}
    masked = {("events", "object"): "CASE WHEN verb = 'remembered' THEN NULL ELSE object END",  # memory ids
              ("memories", "id"): "NULL"}
    tables = [t for (t,) in wb.store.all("SELECT table_name FROM information_schema.tables "
                                         "WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
                                         "AND table_name <> 'installation'")]
    dump = {}
    for table in tables:
        columns = [c for (c,) in wb.store.all("SELECT column_name FROM information_schema.columns "
                                              "WHERE table_name = ? ORDER BY ordinal_position", [table])
                   if c not in skip]
        selected = [masked.get((table, c), c) for c in columns]
        dump[table] = wb.store.all(f"SELECT {', '.join(selected)} FROM {table} ORDER BY ALL")
    return dump


def test_batched_writes_are_the_same_rows_as_single_writes(make_wb: Callable[..., Workbench], tmp_path: Path,
                                                           embedder: Embedder) -> None:
    from engine.demo import load_demo

    batched = with_memory(make_wb(clock=Clock()), tmp_path / "batched", embedder)
    single = with_memory(make_wb(clock=Clock()), tmp_path / "single", embedder)
    load_demo(batched, learners=4, days=6, seed=9, batched=True)
    load_demo(single, learners=4, days=6, seed=9, batched=False)
    left, right = _tables(batched), _tables(single)
    assert len(left["events"]) > 50 and len(left["attempts"]) > 5
    for table in left:
        assert left[table] == right[table], table


def test_a_batch_is_all_or_nothing(wb: Workbench) -> None:
    learner = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    before = wb.store.scalar("SELECT count(*) FROM events")
    with pytest.raises(RuntimeError):
        with wb.batch():
            wb.record_result(learner.id, "python/digit-sum", True)
            wb.record_result(learner.id, "python/caesar-cipher", False)
            raise RuntimeError("interrupted")
    assert wb.store.scalar("SELECT count(*) FROM events") == before
    assert wb.history(learner.id) == []


def test_a_batch_writes_the_log_at_the_end_in_order(wb: Workbench) -> None:
    learner = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    with wb.batch():
        for i in range(30):
            wb.record_result(learner.id, "python/digit-sum", i % 3 != 0, at=START + timedelta(minutes=i))
        assert wb.store.scalar("SELECT count(*) FROM events WHERE verb = 'submitted'") == 0
        assert len(wb.history(learner.id)) == 30  # the model and attempts are written as they happen
    rows = wb.store.all("SELECT id, verb, occurred_at FROM events WHERE verb <> 'registered' ORDER BY id")
    assert len(rows) >= 60
    assert [r[2] for r in rows] == sorted(r[2] for r in rows)
    next_id = rows[-1][0] + 1
    wb.events.append(Event(learner.id, "logged-in"))  # the sequence carries on after the batch
    assert wb.store.scalar("SELECT max(id) FROM events") == next_id


@pytest.mark.parametrize("tries", [1, 2, 30], ids=["one by one", "a few in one statement", "many in one insert"])
def test_every_way_of_writing_the_log_keeps_an_attempts_hints_and_seconds_as_columns(wb: Workbench, tries: int) -> None:
    learner = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    with wb.batch() if tries > 1 else contextlib.nullcontext():
        for i in range(tries):
            wb.record_result(learner.id, "python/digit-sum", i % 2 == 0, hints_used=i % 4,
                             duration_s=None if i % 5 == 4 else 30.5 + i, at=START + timedelta(minutes=i))
        wb.events.append(Event(learner.id, "requested-hint", "python/digit-sum", {"hint": 1}, occurred_at=START))
    rows = wb.store.all("SELECT verb, hints, duration_s, CAST(result->>'hints' AS INTEGER), "
                        "CAST(result->>'duration_s' AS DOUBLE) FROM events WHERE user_id = ? ORDER BY id", [learner.id])
    attempts = [row for row in rows if row[0] in ("submitted", "completed", "failed")]
    assert len(attempts) == 2 * tries and all(row[1:3] == row[3:5] for row in attempts)
    assert {row[1] for row in attempts} == {i % 4 for i in range(tries)}
    assert all(row[1:3] == (None, None) for row in rows if row not in attempts)


def test_a_batch_collects_only_its_own_threads_events(wb: Workbench) -> None:
    learner = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    seen: list[int] = []

    def elsewhere() -> None:  # another session of the app, logging in meanwhile
        wb.events.append(Event(learner.id, "logged-in"))
        seen.append(int(wb.store.scalar("SELECT count(*) FROM events WHERE verb = 'logged-in'")))

    with wb.batch():
        wb.events.append(Event(learner.id, "skipped", "python/digit-sum"))
        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
    assert seen == [1]
    assert wb.store.scalar("SELECT count(*) FROM events WHERE verb IN ('logged-in', 'skipped')") == 2


# -- removal -------------------------------------------------------------------------------------------

def test_removal_leaves_real_users_and_their_data(make_wb: Callable[..., Workbench], tmp_path: Path,
                                                  embedder: Embedder) -> None:
    clock = Clock()
    wb = with_memory(make_wb(clock=clock), tmp_path, embedder)
    real = wb.register("grace", "grace@example.org", "Grace Hopper", PASSWORD)
    wb.record_result(real.id, "python/digit-sum", True, hints_used=1, at=START - timedelta(days=40))
    teacher = wb.register("turing", "turing@example.org", "Alan Turing", PASSWORD, role="educator")
    own = wb.create_cohort(teacher.id, "Evening class")
    wb.join_cohort(real.id, own.join_code)
    # tables added later are found in the catalog, with the rows that hang off theirs
    wb.store.execute("CREATE TABLE badges (id INTEGER, user_id INTEGER, name VARCHAR)")
    wb.store.execute("CREATE TABLE badge_notes (badge_id INTEGER, note VARCHAR)")
    demo = wb.load_demo(learners=3, days=4, seed=2)
    # a real learner in the demo cohort (joined before the engine refused it: a store of an earlier version)
    wb.store.execute("INSERT INTO cohort_members (cohort_id, user_id, joined_at) SELECT c.id, ?, now() FROM cohorts c "
                     "JOIN users u ON u.id = c.educator_id WHERE u.is_demo", [real.id])
    wb.store.execute("INSERT INTO badges VALUES (1, ?, 'first'), (2, ?, 'demo')", [real.id, demo.learners[0].id])
    wb.store.execute("INSERT INTO badge_notes VALUES (1, 'kept'), (2, 'goes')")
    real_ids = [real.id, teacher.id]

    def real_rows() -> dict[str, int]:
        tables = [t for (t,) in wb.store.all("SELECT DISTINCT table_name FROM information_schema.columns "
                                             "WHERE column_name = 'user_id'")]
        return {t: wb.store.scalar(f"SELECT count(*) FROM {t} WHERE user_id IN (?, ?)", real_ids) for t in tables}

    before = real_rows()
    deleted = wb.remove_demo_data()
    after = real_rows()
    assert deleted["users"] == 4 and deleted["events"] > 0 and deleted["badges"] == 1
    assert wb.store.scalar("SELECT count(*) FROM users WHERE is_demo") == 0
    assert after == {**before, "cohort_members": before["cohort_members"] - 1}  # only the demo membership went
    assert [m.user.id for m in wb.cohort_members(teacher.id, own.id)] == [real.id]
    assert wb.store.all("SELECT count(*) FROM cohorts") == [(1,)]
    assert wb.store.all("SELECT note FROM badge_notes") == [("kept",)]
    # real results still calibrate, and only they: the demo's went with it
    assert wb.store.all("SELECT exercise_id, evidence FROM exercise_ratings") == [("python/digit-sum", 1)]
    assert [a.exercise_id for a in wb.history(real.id)] == ["python/digit-sum"]
    assert wb.login("grace", PASSWORD).id == real.id
    assert not wb.demo_loaded()


def test_removal_of_a_demo_alone_returns_to_a_fresh_install(wb: Workbench, tmp_path: Path) -> None:
    wb.load_demo(learners=2, days=3, seed=1)
    assert wb.demo_loaded() and wb.user_count() == 3
    wb.remove_demo_data()
    leftovers = {t: wb.store.scalar(f"SELECT count(*) FROM {t}") for (t,) in wb.store.all(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE' "
        "AND table_name NOT IN ('schema_migrations', 'installation')")}
    assert {t: n for t, n in leftovers.items() if n} == {"events": 1}  # the note that demo data was loaded
    assert wb.remove_demo_data() == {}


class PageStopped(Exception):
    """What Streamlit raises in a page's run stopped as its tab closes, at its next drawing (the progress bar)."""


def test_a_load_stopped_part_way_leaves_nothing_and_can_be_run_again(wb: Workbench) -> None:
    """A load left half-done said demo data was loaded: a few days of a few learners, and none since."""
    def stop_on_day_two(done: int, total: int) -> None:
        if done == 2 + 2:  # two learners made, then two days lived: memories and results written
            raise PageStopped

    with pytest.raises(PageStopped):
        wb.load_demo(learners=2, days=3, seed=1, progress=stop_on_day_two)
    assert not wb.demo_loaded() and wb.user_count() == 0
    for table in ("events", "attempts", "memories", "cohorts"):
        assert wb.store.scalar(f"SELECT count(*) FROM {table}") == 0, table
    assert wb.memory.collection.count() == 0, "no vector outlives its rows"
    demo = wb.load_demo(learners=2, days=3, seed=1)
    assert wb.demo_loaded() and demo.results > 0 and wb.memory.collection.count() > 0


def test_removal_takes_a_vector_whose_row_an_interrupted_load_never_wrote(wb: Workbench) -> None:
    wb.load_demo(learners=2, days=3, seed=1)
    demo_ids = [int(r[0]) for r in wb.store.all("SELECT id FROM users WHERE is_demo ORDER BY id")]
    without_memories = [i for i in demo_ids if not wb.memory.count(i)]
    assert without_memories and len(without_memories) < len(demo_ids)
    # the state a load stopped between a memory's two writes leaves: a vector in Chroma, no row in the store
    wb.memory.collection.add(ids=["orphan"], embeddings=wb.memory.embedder.embed_one("wants to learn loops")[None, :],
                             metadatas=[{"user_id": without_memories[0], "kind": "goal"}])
    wb.remove_demo_data()
    assert wb.memory.collection.get(where={"user_id": {"$in": demo_ids}})["ids"] == []
