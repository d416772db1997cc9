"""The guide's example queries (docs/data.md, as the Data page offers them) agree with the cohort dashboard:
the same learners active in the same week, the same hints per try, and a learning curve numbered per skill."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from factories import PASSWORD, REPO, START, Clock

from engine.events import Event
from engine.example_queries import example_queries
from engine.workbench import Workbench

EXAMPLES = example_queries(REPO / "docs" / "data.md")
WEEKLY = "Weekly active learners"
HINTS = "Hints and success by authored difficulty"
CURVE = "A learning curve: success by attempt number within a skill"


@pytest.fixture
def cohort(make_wb):
    """A small cohort on a clock: tess's "Spring" with ada, bob and cyd; wb, tess, cohort, learners by name."""
    clock = Clock(START)
    wb: Workbench = make_wb(clock)
    tess = wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    spring = wb.create_cohort(tess.id, "Spring")
    learners = {}
    for name in ("ada", "bob", "cyd"):
        learners[name] = wb.register(name, f"{name}@example.org", name.title(), PASSWORD).id
        wb.join_cohort(learners[name], spring.join_code)
    return wb, clock, tess, spring, learners


def run(wb: Workbench, educator_id: int, title: str) -> list[dict]:
    console = wb.data_console(educator_id)
    try:
        return console.run(EXAMPLES[title]).frame.to_dicts()
    finally:
        console.close()


def test_the_examples_this_module_checks_are_in_the_guide():
    assert {WEEKLY, HINTS, CURVE} <= set(EXAMPLES)


def test_weekly_active_learners_counts_practice_as_the_dashboard_does(cohort):
    """Registering, joining and logging in are not practising: the example and the dashboard's weekly
    activity name the same learners for the same weeks."""
    wb, clock, tess, spring, ids = cohort
    clock.advance(hours=2)
    wb.record_result(ids["ada"], "python/digit-sum", True, at=clock.now)  # week 1: ada practises
    wb.events.append(Event(ids["bob"], "logged-in", occurred_at=clock.now))  # ... bob only logs in
    clock.advance(days=7)  # week 2
    wb.skip(ids["bob"], "python/digit-sum")  # bob practises (putting an exercise aside is practice)
    wb.events.append(Event(ids["cyd"], "logged-in", occurred_at=clock.now))
    wb.events.append(Event(ids["ada"], "logged-out", occurred_at=clock.now))
    clock.advance(days=7)  # week 3: nobody practises, cyd logs in
    wb.events.append(Event(ids["cyd"], "logged-in", occurred_at=clock.now))

    board = wb.cohort_dashboard(tess.id, spring.id)
    dashboard = {row["week"]: row["learners"] for row in board.active_weeks.iter_rows(named=True)}
    example = {row["week"]: row["learners"] for row in run(wb, tess.id, WEEKLY)}
    assert dashboard == {START.date(): 1, START.date() + timedelta(days=7): 1}
    assert example == dashboard  # dates both, not a date and a midnight timestamp ("2026-10-19 00:00:00")


def test_hints_per_try_counts_each_hint_once_as_the_dashboard_does(cohort):
    """A retry repeats the hints already shown (the log's running count); the example counts each once."""
    wb, clock, tess, spring, ids = cohort
    # ada: two fails with the same 2 hints, then a pass after a third; later a clean pass
    for passed, shown in ((False, 2), (False, 2), (True, 3), (True, 0)):
        clock.advance(minutes=5)
        wb.record_result(ids["ada"], "python/digit-sum", passed, hints_used=shown, at=clock.now)
    for passed, shown in ((False, 1), (True, 1)):  # bob, on a harder exercise
        clock.advance(minutes=5)
        wb.record_result(ids["bob"], "python/caesar-cipher", passed, hints_used=shown, at=clock.now)

    items = wb.cohort_dashboard(tess.id, spring.id).items
    dashboard: dict[int, float] = {}
    for level in set(items["authored_level"]):
        rows = items.filter(items["authored_level"] == level)
        dashboard[level] = (rows["hints_per_attempt"] * rows["attempts"]).sum() / rows["attempts"].sum()
    example = {row["difficulty"]: row["hints_per_try"] for row in run(wb, tess.id, HINTS)}
    assert dashboard == pytest.approx({1: 3 / 4, 3: 1 / 2})
    assert example == pytest.approx(dashboard)


def test_the_learning_curve_numbers_attempts_per_learner_and_skill(cohort):
    """Exercises of several skills count once in each of their skills: every learner who tried a skill has
    exactly one attempt 1 in it, and a skill's attempts run 1, 2, 3... without gaps."""
    wb, clock, tess, _, ids = cohort
    tries = {"ada": ["python/digit-sum", "python/apply-n-times", "python/caesar-cipher", "python/digit-sum",
                     "python/greet-with-default"],
             "bob": ["python/greet-with-default", "python/tally-votes", "python/tally-votes"]}
    per_skill: Counter[tuple[str, str]] = Counter()  # (learner, skill) -> tries
    for who, exercises in tries.items():
        for exercise in exercises:
            clock.advance(minutes=5)
            wb.record_result(ids[who], exercise, True, at=clock.now)
            per_skill.update((who, skill) for skill in wb.exercise(exercise).skills)

    curve = {(row["skill"], row["attempt"]): row["n"] for row in run(wb, tess.id, CURVE)}
    expected: Counter[tuple[str, int]] = Counter()
    for (_, skill), n in per_skill.items():
        expected.update((skill, attempt) for attempt in range(1, n + 1))
    assert curve == dict(expected)
    learners = Counter(skill for _, skill in per_skill)
    assert {skill: curve[(skill, 1)] for skill in learners} == dict(learners), \
        "one attempt 1 per learner and skill"


def test_every_example_names_a_chart_of_its_own_columns(cohort):
    """The quick chart starts from each example's chart: its titles are the guide's, its columns the result's."""
    from engine.example_queries import EXAMPLE_CHARTS

    wb, clock, tess, _, ids = cohort
    wb.record_result(ids["ada"], "python/digit-sum", True, at=clock.now)
    assert set(EXAMPLE_CHARTS) == set(EXAMPLES), "a chart for every example, and only for them"
    console = wb.data_console(tess.id)
    try:
        for title, chart in EXAMPLE_CHARTS.items():
            columns = console.run(EXAMPLES[title]).frame.columns
            assert {chart.x, chart.y, chart.colour or chart.x} <= set(columns), title
    finally:
        console.close()


@pytest.mark.parametrize(("typed", "found"), [
    (lambda sql: sql, True),
    (lambda sql: f"\n  {sql};\n", True),  # as the box may hold it
    (lambda sql: sql + " LIMIT 5", False),  # edited: the user's own query
    (lambda sql: "SELECT 1", False),
], ids=["as-is", "spaces-and-semicolon", "edited", "other"])
def test_an_example_is_known_by_its_text(typed, found):
    from engine.example_queries import EXAMPLE_CHARTS, example_chart

    chart = example_chart(EXAMPLES, typed(EXAMPLES[CURVE]))
    assert chart == (EXAMPLE_CHARTS[CURVE] if found else None)
