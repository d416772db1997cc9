"""The at-risk trends' wording (engine/dashboard.py): "the last 14 days against the 28 days before them" only
when there were 28 days of practice before them; a shorter history is stated as it is, in days."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from factories import PASSWORD, START, Clock

from engine.dashboard import before_days
from engine.queries.cohort import BEFORE_DAYS, RECENT_DAYS

AS_OF = datetime(2026, 4, 30, 12, 0)


@pytest.mark.parametrize(("began", "expected"), [
    (timedelta(days=90), BEFORE_DAYS),
    (timedelta(days=RECENT_DAYS + BEFORE_DAYS), BEFORE_DAYS),
    (timedelta(days=RECENT_DAYS + 9), 9),
    (timedelta(days=RECENT_DAYS + 8, hours=3), 9),  # a part of a day counts as a day
    (timedelta(days=RECENT_DAYS, hours=5), 1),
], ids=["a long history", "exactly the windows", "9 days before", "a part day", "hours before"])
def test_the_before_window_is_as_long_as_the_practice_before_it(began: timedelta, expected: int) -> None:
    assert before_days(AS_OF - began, AS_OF) == expected


def test_without_practice_the_rule_stands_as_written() -> None:
    assert before_days(None, AS_OF) == before_days(AS_OF, None) == BEFORE_DAYS


@pytest.fixture
def young_cohort(make_wb):
    """A cohort practising for 25 days: ada passes every day for the first 11, then fails every day."""
    clock = Clock(START)
    wb = make_wb(clock)
    tess = wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    cohort = wb.create_cohort(tess.id, "Spring")
    ada = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    wb.join_cohort(ada.id, cohort.join_code)
    for day in range(25):
        clock.now = START + timedelta(days=day, hours=1)
        wb.record_result(ada.id, "python/digit-sum", day <= 10, at=clock.now)
    clock.now = START + timedelta(days=24, hours=6)
    return wb.cohort_dashboard(tess.id, cohort.id)


def test_a_young_cohorts_trends_name_the_window_it_has(young_cohort) -> None:
    (reason,) = young_cohort.at_risk["reason"].to_list()
    assert reason == "success fell from 100% to 0% (the last 14 days against the 10 days before them)"
    assert young_cohort.trend_window == "the last 14 days against the 10 days before them"


def test_the_rule_reads_as_written_once_there_is_history_enough(young_cohort) -> None:
    learners = young_cohort.learners.with_columns(first_at=young_cohort.learners["as_of"] - timedelta(days=60))
    board = type(young_cohort)(**{**young_cohort.__dict__, "learners": learners})
    assert board.trend_window == "the last 14 days against the 28 days before them"
    brand_new = young_cohort.learners.with_columns(first_at=young_cohort.learners["as_of"] - timedelta(days=3))
    board = type(young_cohort)(**{**young_cohort.__dict__, "learners": brand_new})
    assert board.trend_window == "the last 14 days against the 28 days before them, which have no practice yet"
    one_day = young_cohort.learners.with_columns(first_at=young_cohort.learners["as_of"] - timedelta(days=14, hours=5))
    board = type(young_cohort)(**{**young_cohort.__dict__, "learners": one_day})
    assert board.trend_window == "the last 14 days against the day before them"
