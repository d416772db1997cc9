"""AppTest of the Practice page: running the tests, submitting, and the level moving."""

from __future__ import annotations

import pytest
from clicks import click
from practice_page import (
    BANK,
    EASY,
    WRONG_DIGIT_SUM,
    choose,
    file_order,
    report_lines,
    type_code,
)


def test_reference_solution_passes_every_test_in_file_order(at, wb, learner):
    exercise_id = at.selectbox(key="exercise_id").value
    type_code(at, (BANK / exercise_id / "reference.py").read_text())
    click(at, "Run tests")
    names = file_order(exercise_id)
    assert [s.value for s in at.success] == [f"All {len(names)} tests pass. Submit when you are ready."]
    lines = report_lines(at)
    assert len(lines) == len(names)
    for line, name in zip(lines, names, strict=True):
        assert line.startswith(":green[:material/check_circle: passed]")
        assert f"**{name.removeprefix('test_').replace('_', ' ')}**" in line
    assert wb.history(learner.id) == [], "running the tests is not an attempt"


def test_wrong_solution_shows_expected_and_got_and_what_was_printed(at):
    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Run tests")
    assert [w.value for w in at.warning] == ["1 of 7 tests pass."]
    lines = report_lines(at)
    assert len(lines) == 7
    assert lines[0].startswith(":red[:material/cancel: failed] **three digits**")
    assert lines[0].endswith("— `digit_sum(123): expected 6, got 0`")  # as code: a quoted call keeps its ">=", not "≥"
    assert lines[2].startswith(":green[")  # zero: the one that passes
    assert "expected ValueError for a negative number" in lines[6]
    printed = [c.value for c in at.code]
    assert "looking at 123" in printed and "looking at -5" in printed
    assert "What your code printed:" in [c.value for c in at.caption]


def test_syntax_error_is_explained(at):
    choose(at, EASY)
    type_code(at, "def digit_sum(n)\n    return 0\n")
    click(at, "Run tests")
    assert len(at.error) == 1
    assert "syntax" in at.error[0].value.lower()


def test_an_error_at_load_is_shown_exactly_as_written(at):
    """As markdown, "'__balance__'" read as a bold "balance", and a message could draw red text or a link."""
    choose(at, EASY)
    type_code(at, "raise AttributeError(\"no attribute '__balance__' :red[x] [link](http://example.org)\")\n")
    click(at, "Run tests")
    [error] = at.error
    assert error.value.startswith("`") and "'__balance__' :red[x] [link](http://example.org)" in error.value


def test_submit_records_the_attempt(at, wb, learner):
    choose(at, EASY)
    type_code(at, (BANK / EASY / "reference.py").read_text())
    click(at, "Submit")
    assert [s.value for s in at.success] == ["All 7 tests pass. Submitted: well done!"]
    assert [t.value for t in at.toast] == ["Solved: Digit sum",
                                           "Achievement unlocked: **First pass**. Pass your first exercise."]
    assert at.get("balloons"), "the achievement is celebrated with the result, not on the next click"
    [attempt] = wb.history(learner.id)
    assert (attempt.exercise_id, attempt.passed, attempt.status) == (EASY, True, "pass")
    assert (attempt.tests_passed, attempt.tests_total, attempt.hints_used) == (7, 7, 0)
    assert attempt.duration_s is not None and attempt.duration_s >= 0


def test_failed_submission_is_recorded_too(at, wb, learner):
    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Submit")
    assert [w.value for w in at.warning] == ["1 of 7 tests pass. Your attempt is recorded."]
    [attempt] = wb.history(learner.id)
    assert (attempt.passed, attempt.tests_passed, attempt.tests_total) == (False, 1, 7)


def test_an_empty_submission_says_why_and_is_no_attempt(at, wb, learner):
    """Nothing was run, so nothing is a fail: an empty editor submitted used to count as a struggle."""
    choose(at, EASY)
    type_code(at, "\n")
    click(at, "Submit")
    assert [e.value for e in at.error] == ["`The solution is empty: write some code first.`"]
    assert wb.history(learner.id) == []
    assert not at.warning, "no \"Your attempt is recorded\""


def test_a_late_result_does_not_replace_a_newer_one(at, wb, learner, monkeypatch):
    """The first run's thread, still grading an endless loop, finishes after a newer run: the newer result stays."""
    from ui import results

    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    grade = wb.run_tests
    newer = grade(learner.id, EASY, wb.exercise(EASY).reference)

    def overtaken(user_id, exercise_id, code):
        result = grade(user_id, exercise_id, code)
        results.keep(exercise_id, results.start(exercise_id), "run", newer)  # the newer run, in the other thread
        return result

    monkeypatch.setattr(wb, "run_tests", overtaken)
    click(at, "Run tests")
    assert [s.value for s in at.success] == ["All 7 tests pass. Submit when you are ready."]


@pytest.mark.parametrize(
    ("before", "code", "toasts"),
    [
        pytest.param([True, True], "reference",
                     ["Solved: {title}", "Level up: you are now level {up} (3 successes in a row)."],
                     id="third-success-in-a-row"),
        pytest.param([False], "starter",
                     ["Level {down} now (2 struggles in a row): the next exercises are a little easier."],
                     id="second-struggle-in-a-row"),
        pytest.param([True], "reference", ["Solved: {title}"], id="no-change"),
    ],
)
def test_a_submission_that_moves_the_level_says_so(at, wb, learner, before, code, toasts):
    level = wb.level(learner.id).value
    first, *others = [e for e in wb.exercises() if e.difficulty == level]  # at the level: results move it both ways
    for exercise, passed in zip(others, before, strict=False):
        wb.record_result(learner.id, exercise.id, passed=passed)  # results graded elsewhere
    choose(at, first.id)
    type_code(at, first.reference if code == "reference" else first.starter)
    click(at, "Submit")
    assert [t.value for t in at.toast] == [t.format(up=level + 1, down=level - 1, title=first.title) for t in toasts]
    moved = any(t.startswith("Level") for t in toasts)
    assert len(wb.level(learner.id).history) == moved
