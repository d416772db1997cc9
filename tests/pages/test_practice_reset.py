"""AppTest of the Practice page's reset to the starter code: the question, and runs it overtakes."""

from __future__ import annotations

from clicks import click
from practice_page import (
    EASY,
    WRONG_DIGIT_SUM,
    choose,
    plain_editor,
    report_lines,
    type_code,
)

RESET_QUESTION = ("Start again from the starter code? The code you wrote for this exercise will be replaced, "
                  "and cannot be brought back.")


def test_reset_asks_first_and_cancel_keeps_the_code(at, wb, learner):
    choose(at, EASY)
    starter = wb.exercise(EASY).starter
    assert plain_editor(at).value == starter
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Run tests")
    click(at, "Reset")
    assert RESET_QUESTION in [w.value for w in at.warning]
    assert at.text_area[0].value == WRONG_DIGIT_SUM and wb.draft(learner.id, EASY).code == WRONG_DIGIT_SUM
    assert report_lines(at), "nothing is replaced before the answer"
    click(at, "Cancel")
    assert RESET_QUESTION not in [w.value for w in at.warning]
    assert at.text_area[0].value == WRONG_DIGIT_SUM and wb.draft(learner.id, EASY).code == WRONG_DIGIT_SUM
    assert report_lines(at)


def test_reset_once_confirmed_restores_the_starter_and_clears_the_results(at, wb, learner):
    choose(at, EASY)
    starter = wb.exercise(EASY).starter
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Run tests")
    click(click(at, "Reset"), "Yes, start again")
    assert at.text_area[0].value == starter
    assert wb.draft(learner.id, EASY).code == starter
    assert not report_lines(at), "the old test results are gone"
    assert RESET_QUESTION not in [w.value for w in at.warning]


def test_reset_of_the_untouched_starter_asks_nothing_and_clears_the_results(at, wb):
    choose(at, EASY)
    plain_editor(at)
    click(at, "Run tests")
    assert report_lines(at)
    editor = at.text_area[0].key
    click(at, "Reset")
    assert RESET_QUESTION not in [w.value for w in at.warning], "nothing to lose: no question"
    assert not report_lines(at) and at.text_area[0].value == wb.exercise(EASY).starter
    at.run()
    assert at.text_area[0].key == editor, "the same editor: a new one, drawn a run later, lost the keys typed meanwhile"


def test_running_the_tests_drops_an_unanswered_reset_question(at):
    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Reset")
    assert RESET_QUESTION in [w.value for w in at.warning]
    click(at, "Run tests")
    assert RESET_QUESTION not in [w.value for w in at.warning] and report_lines(at)


def test_a_run_still_grading_when_the_learner_resets_is_not_shown_beside_the_starter(at, wb, learner, monkeypatch):
    """A click during a long run (an endless loop) reruns the page in a new thread, while the old one goes on
    grading: here the reset lands while the run grades, and the run's late result must not come back."""
    from ui import start_again

    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    grade = wb.run_tests

    def reset_meanwhile(user_id, exercise_id, code):
        result = grade(user_id, exercise_id, code)
        start_again.start_again(wb, learner, wb.exercise(exercise_id))  # what the other thread's "Yes" did
        return result

    monkeypatch.setattr(wb, "run_tests", reset_meanwhile)
    click(at, "Run tests")
    assert not report_lines(at), "the results of code replaced meanwhile are not shown"
    at.run()
    assert not report_lines(at) and at.text_area[0].value == wb.exercise(EASY).starter
