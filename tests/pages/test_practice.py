"""AppTest of the Practice page: today's set, the editor, running tests, submitting, hints, skip, reset, drafts."""

from __future__ import annotations

import ast

import pytest
from factories import REPO
from streamlit.testing.v1 import AppTest

ROOT = REPO
APP = str(ROOT / "app.py")
BANK = ROOT / "data" / "bank"
EASY = "python/digit-sum"  # a level-1 exercise with seven tests
WRONG_DIGIT_SUM = "def digit_sum(n):\n    print('looking at', n)\n    return 0\n"


def open_app(user) -> AppTest:
    """A browser session of ``user``, already logged in, on the Practice page."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Practice"]
    return at


@pytest.fixture
def at(learner) -> AppTest:
    return open_app(learner)


def button(at: AppTest, label: str):
    matches = [b for b in at.button if b.label == label]
    assert len(matches) == 1, f"expected one {label!r} button, found {[b.label for b in at.button]}"
    return matches[0]


def click(at: AppTest, label: str) -> AppTest:
    button(at, label).click()
    at.run()
    assert not at.exception, at.exception
    return at


def choose(at: AppTest, exercise_id: str) -> AppTest:
    at.selectbox(key="exercise_id").set_value(exercise_id).run()
    assert not at.exception, at.exception
    return at


def plain_editor(at: AppTest):
    """Switch to the plain text editor; returns its text area."""
    if not at.toggle(key="plain_editor").value:
        at.toggle(key="plain_editor").set_value(True).run()
        assert not at.exception, at.exception
    assert len(at.text_area) == 1
    return at.text_area[0]


def type_code(at: AppTest, code: str) -> AppTest:
    plain_editor(at).input(code).run()
    assert not at.exception, at.exception
    return at


def report_lines(at: AppTest) -> list[str]:
    """The one-line report of each test, in the order shown."""
    return [m.value for m in at.markdown if m.value.startswith(":") and "**" in m.value]


def file_order(exercise_id: str) -> list[str]:
    source = (BANK / exercise_id / "test_exercise.py").read_text()
    return [n.name for n in ast.parse(source).body if isinstance(n, ast.FunctionDef) and n.name.startswith("test")]


def test_todays_set_is_shown_with_reasons(at, wb, learner):
    picks = wb.daily_set(learner.id)
    assert picks, "a new learner gets a daily set"
    expander = at.expander[0]
    assert expander.label == "Today's set"
    shown = [m.value for m in expander.markdown]
    assert len(shown) == len(picks)
    for number, (line, pick) in enumerate(zip(shown, picks, strict=True), 1):
        assert line.startswith(f"**{number}. {pick.exercise.title}**")
        assert pick.reason and pick.reason in line
    # the first pick is open, so its own "Open" button is disabled
    assert at.session_state["exercise_id"] == picks[0].exercise.id
    assert at.button(key=f"open:{picks[0].exercise.id}").disabled


def test_open_button_opens_a_pick(at, wb, learner):
    picks = wb.daily_set(learner.id)
    assert len(picks) >= 2
    at.button(key=f"open:{picks[1].exercise.id}").click().run()
    assert not at.exception
    assert at.selectbox(key="exercise_id").value == picks[1].exercise.id
    assert picks[1].exercise.instructions.splitlines()[0] in [m.value.splitlines()[0] for m in at.markdown]


def test_reference_solution_passes_every_test_in_file_order(at, wb, learner):
    exercise_id = at.selectbox(key="exercise_id").value
    type_code(at, (BANK / exercise_id / "reference.py").read_text())
    click(at, "Run tests")
    names = file_order(exercise_id)
    assert [s.value for s in at.success] == [f"All {len(names)} tests pass. Submit when you are ready."]
    lines = report_lines(at)
    assert len(lines) == len(names)
    for line, name in zip(lines, names, strict=True):
        assert line.startswith(":green[:material/check_circle:]")
        assert f"**{name.removeprefix('test_').replace('_', ' ')}**" in line
    assert wb.history(learner.id) == [], "running the tests is not an attempt"


def test_wrong_solution_shows_expected_and_got_and_what_was_printed(at):
    choose(at, EASY)
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Run tests")
    assert [w.value for w in at.warning] == ["1 of 7 tests pass."]
    lines = report_lines(at)
    assert len(lines) == 7
    assert lines[0].startswith(":red[:material/cancel:] **three digits**")
    assert lines[0].endswith("— expected 6, got 0")
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


def test_submit_records_the_attempt(at, wb, learner):
    choose(at, EASY)
    type_code(at, (BANK / EASY / "reference.py").read_text())
    click(at, "Submit")
    assert [s.value for s in at.success] == ["All 7 tests pass. Submitted: well done!"]
    assert [t.value for t in at.toast] == ["Solved: Digit sum"]
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


def test_hints_appear_one_at_a_time_and_are_counted(at, wb, learner):
    choose(at, EASY)
    hints = wb.exercise(EASY).hints
    assert [i.value for i in at.info] == []
    click(at, f"Show a hint (1 of {len(hints)})")
    assert [i.value for i in at.info] == [hints[0]]
    click(at, f"Show a hint (2 of {len(hints)})")
    assert [i.value for i in at.info] == list(hints[:2])
    assert wb.draft(learner.id, EASY).hints_shown == 2
    type_code(at, (BANK / EASY / "reference.py").read_text())
    assert wb.draft(learner.id, EASY).hints_shown == 2, "editing keeps the hint count"
    click(at, "Submit")
    assert wb.history(learner.id)[0].hints_used == 2


def test_after_the_last_hint_the_button_goes(at, wb):
    choose(at, EASY)
    for number in range(1, 4):
        click(at, f"Show a hint ({number} of 3)")
    assert len(at.info) == 3
    assert not [b for b in at.button if b.label.startswith("Show a hint")]
    assert "That was the last hint. The tutor can help you think it through." in [c.value for c in at.caption]


def test_skip_moves_on_to_the_next_pick(at, wb, learner):
    picks = [p.exercise.id for p in wb.daily_set(learner.id)]
    assert at.selectbox(key="exercise_id").value == picks[0]
    click(at, "Skip")
    assert at.selectbox(key="exercise_id").value == picks[1]
    verbs = wb.store.all("SELECT verb, object FROM events WHERE user_id = ? AND verb = 'skipped'", [learner.id])
    assert verbs == [("skipped", picks[0])]


def test_reset_restores_the_starter(at, wb, learner):
    choose(at, EASY)
    starter = wb.exercise(EASY).starter
    assert plain_editor(at).value == starter
    type_code(at, WRONG_DIGIT_SUM)
    click(at, "Run tests")
    assert wb.draft(learner.id, EASY).code == WRONG_DIGIT_SUM
    click(at, "Reset")
    assert at.text_area[0].value == starter
    assert wb.draft(learner.id, EASY).code == starter
    assert not report_lines(at), "the old test results are gone"


def test_a_draft_survives_a_reload(at, wb, learner):
    exercise_id = at.selectbox(key="exercise_id").value
    draft = "# my work in progress\n" + wb.exercise(exercise_id).starter
    type_code(at, draft)
    # a reload is a new session: only the login (restored from the cookie) carries over
    again = open_app(learner)
    assert again.selectbox(key="exercise_id").value == exercise_id
    assert plain_editor(again).value == draft


def test_skipping_walks_through_the_whole_set(at, wb, learner):
    picks = [p.exercise.id for p in wb.daily_set(learner.id)]
    seen = [at.selectbox(key="exercise_id").value]
    for _ in range(len(picks) - 1):
        click(at, "Skip")
        seen.append(at.selectbox(key="exercise_id").value)
    assert seen == picks, "Skip goes to the next pick, not back to the first"
