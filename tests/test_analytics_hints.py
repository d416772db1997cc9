"""Hints and time in the analytics queries (engine/queries/): a try records the hints shown on its
exercise so far and the time on it so far, running figures that a pass resets, so the queries count
each hint (and each second of the learner's) once, in the learner's
figures and in the cohort's, on DuckDB and on its SQLite twin alike."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest
from factories import PASSWORD, Clock, sqlite_twin
from practice_history import Try, record

from engine import analytics
from engine.bank import Bank
from engine.queries import cohort as cohort_queries
from engine.queries import learner as learner_queries
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench

MONDAY = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
DIGITS, INITIALS = "python/digit-sum", "python/name-initials"

# (learner, try): ada needs three hints once, and one on another exercise; bob reviews an exercise
# three weeks after solving it and needs its hints again
SCRIPT = [
    ("ada", Try(0, DIGITS, passed=False, hints=3)), ("ada", Try(0, DIGITS, passed=False, hints=3, minute=5)),
    ("ada", Try(0, DIGITS, hints=3, minute=9)), ("ada", Try(1, INITIALS, hints=1)),
    ("bob", Try(0, DIGITS, hints=2)),
    ("bob", Try(20, DIGITS, passed=False, hints=1)), ("bob", Try(20, DIGITS, hints=2, minute=5)),
]


@pytest.fixture(scope="module")
def cohort(tmp_path_factory: pytest.TempPathFactory, sandbox: Sandbox,
           bank: Bank) -> Iterator[tuple[Workbench, int, dict[str, int]]]:
    wb = Workbench(Settings(home=tmp_path_factory.mktemp("home"), bcrypt_rounds=4), store=Store(), sandbox=sandbox,
                   bank=bank, clock=Clock(MONDAY))
    teacher = wb.register("teach", "teach@example.org", "Tess Teacher", PASSWORD, role="educator")
    group = wb.create_cohort(teacher.id, "Spring")
    users = {}
    for name in ("ada", "bob"):
        users[name] = wb.register(name, f"{name}@example.org", name.title(), PASSWORD).id
        wb.join_cohort(users[name], group.join_code)
    for name, attempt in SCRIPT:
        record(wb, users[name], MONDAY, [attempt])
    yield wb, group.id, users
    wb.close()


def plain(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    def one(value: Any) -> Any:
        if isinstance(value, float):
            return round(value, 6)
        if isinstance(value, bool):
            return int(value)
        if isinstance(value, datetime | date):
            return str(value)
        if isinstance(value, Decimal):  # DuckDB's sums of integers
            return int(value)
        return value
    return [tuple(one(v) for v in row) for row in rows]


def learner(wb: Workbench, query: analytics.Query, user_id: int, since: datetime | None = None) -> list[dict]:
    params = query.taking(learner_queries.params(user_id, since=since, zone="UTC"))
    return analytics.run(wb.store, query, **params).rows(named=True)


# -- one learner -------------------------------------------------------------------------------


def test_a_learner_s_hints_count_once_per_exercise_and_per_pass(cohort) -> None:
    wb, _, users = cohort
    ada = {r["exercise_id"]: r for r in learner(wb, learner_queries.EXERCISES, users["ada"])}
    assert (ada[DIGITS]["attempts"], ada[DIGITS]["hints"], ada[DIGITS]["hints_per_attempt"]) == (3, 3, 1.0)
    assert (ada[INITIALS]["attempts"], ada[INITIALS]["hints"]) == (1, 1)
    [bob] = learner(wb, learner_queries.EXERCISES, users["bob"])
    assert (bob["attempts"], bob["hints"]) == (3, 4)  # two when first solved, two more on review


def test_a_learner_s_minutes_count_each_second_once(cohort) -> None:
    """A try's duration is the running time on its exercise since it was opened (a pass starts it again), as
    its hints are: ada's three tries of Digit sum, each at 300 s, are five minutes of work, not fifteen."""
    wb, _, users = cohort
    ada = {r["exercise_id"]: r["minutes"] for r in learner(wb, learner_queries.EXERCISES, users["ada"])}
    assert ada == {DIGITS: 5.0, INITIALS: 5.0}
    [bob] = learner(wb, learner_queries.EXERCISES, users["bob"])
    assert bob["minutes"] == 10.0  # solved, then a review three weeks later: a new spell of 300 s
    assert [(w["week"], w["minutes"]) for w in learner(wb, learner_queries.WEEKLY, users["ada"])] == [(date(2026, 3, 2), 10.0)]


def test_each_week_counts_the_hints_first_shown_in_it(cohort) -> None:
    wb, _, users = cohort
    weeks = learner(wb, learner_queries.WEEKLY, users["bob"])
    assert [(w["week"], w["hints"]) for w in weeks] == [(date(2026, 3, 2), 2), (date(2026, 3, 16), 2)]
    # a window that starts after the hints were first shown does not count them again
    later = learner(wb, learner_queries.EXERCISES, users["ada"], since=datetime(2026, 3, 2, 9, 3))
    assert {r["exercise_id"]: r["hints"] for r in later} == {DIGITS: 0, INITIALS: 1}


def test_a_pass_after_hints_on_an_earlier_try_is_not_clean(cohort) -> None:
    wb, _, users = cohort
    [records] = learner(wb, learner_queries.RECORDS, users["ada"])
    # ada's pass of Digit sum showed no new hint, but it was made with three: not a hint-free pass
    assert (records["longest_clean_run"], records["current_clean_run"]) == (0, 0)


@pytest.mark.parametrize("query", learner_queries.QUERIES, ids=[q.name for q in learner_queries.QUERIES])
@pytest.mark.parametrize("since", [None, datetime(2026, 3, 2, 9, 3)], ids=["all time", "from a minute"])
def test_the_learner_queries_agree_on_sqlite(cohort, query: analytics.Query, since: datetime | None) -> None:
    wb, _, users = cohort
    for user_id in users.values():
        params = query.taking(learner_queries.params(user_id, since=since, zone="UTC"))
        duck = analytics.run(wb.store, query, **params)
        lite = sqlite_twin(wb.store).execute(query.sqlite, {k: str(v) if isinstance(v, datetime) else v
                                                            for k, v in params.items()})
        assert plain(lite.fetchall()) == plain(duck.rows())


# -- a cohort ----------------------------------------------------------------------------------


def test_a_cohort_s_learners_count_each_hint_once(cohort) -> None:
    wb, cohort_id, users = cohort
    learners = analytics.run(wb.store, analytics.query("cohort_learners"), cohort_id=cohort_id, zone="UTC")
    rows = {r["user_id"]: r for r in learners.rows(named=True)}
    ada, bob = rows[users["ada"]], rows[users["bob"]]
    assert (ada["attempts"], ada["hints"]) == (4, 4)
    assert (bob["attempts"], bob["hints"]) == (3, 4)
    # bob's review is recent (the last 14 days back from the latest attempt); his first solve before it
    assert (bob["recent_hints"], bob["before_hints"]) == (2, 2)
    assert (ada["recent_hints"], ada["before_hints"]) == (0, 4)


def test_the_item_analysis_counts_each_hint_once(cohort) -> None:
    wb, cohort_id, _ = cohort
    frame = analytics.run(wb.store, analytics.query("cohort_items"), cohort_id=cohort_id)
    items = {r["exercise_id"]: r for r in frame.rows(named=True)}
    assert items[DIGITS]["attempts"] == 6
    assert items[DIGITS]["hints_per_attempt"] == pytest.approx((3 + 4) / 6)  # ada's 3 and bob's 2 + 2
    assert items[INITIALS]["hints_per_attempt"] == pytest.approx(1.0)


@pytest.mark.parametrize("query", cohort_queries.QUERIES, ids=[q.name for q in cohort_queries.QUERIES])
def test_the_cohort_queries_agree_on_sqlite(cohort, query: analytics.Query) -> None:
    wb, cohort_id, _ = cohort
    duck = analytics.run(wb.store, query, **query.taking({"cohort_id": cohort_id, "zone": "UTC"}))
    lite = sqlite_twin(wb.store).execute(query.sqlite, {"cohort_id": cohort_id})
    assert [d[0] for d in lite.description] == duck.columns
    assert plain(lite.fetchall()) == plain(duck.rows())
