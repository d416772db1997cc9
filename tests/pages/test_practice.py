"""AppTest of the Practice page: today's set and its progress, the editor, running tests, submitting (and the
level moving), hints, skip, more exercises, reset, drafts."""

from __future__ import annotations

import ast

import pytest
from clicks import click
from factories import REPO
from streamlit.testing.v1 import AppTest

ROOT = REPO
APP = str(ROOT / "app.py")
BANK = ROOT / "data" / "bank"
EASY = "python/digit-sum"  # a level-1 exercise with seven tests
WRONG_DIGIT_SUM = "def digit_sum(n):\n    print('looking at', n)\n    return 0\n"


def open_app(user, exercise: str | None = None, **url: str) -> AppTest:
    """A browser session of ``user``, already logged in, on the Practice page (its URL naming
    ``exercise`` and the other ``url`` parameters, if given)."""
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    if exercise is not None:
        at.query_params["exercise"] = exercise
    for name, value in url.items():
        at.query_params[name] = value
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Practice"]
    return at


@pytest.fixture
def at(learner) -> AppTest:
    return open_app(learner)




def choose(at: AppTest, exercise_id: str) -> AppTest:
    at.selectbox(key="exercise_id").set_value(exercise_id).run()
    assert not at.exception, at.exception
    return at


def test_the_open_exercise_is_in_the_url_and_a_reload_reopens_it(at, wb, learner):
    last = todays(wb, learner)[-1]
    assert at.selectbox(key="exercise_id").value != last
    choose(at, last)
    assert at.query_params["exercise"] == last
    reloaded = open_app(learner, exercise=last)  # a new session on the same URL
    assert reloaded.selectbox(key="exercise_id").value == last


def test_back_from_another_page_the_same_exercise_is_open_and_the_tutor_knows_it(at, wb, learner):
    """Streamlit forgets the selectbox's value while another page runs: Practice used to open the first
    exercise to do again, and the Tutor page to offer a general question."""
    last = todays(wb, learner)[-1]
    choose(at, last)
    at.switch_page("pages/history.py").run()
    assert not at.exception and [t.value for t in at.title] == ["History"]
    at.switch_page("pages/tutor.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="tutor_exercise").value == last, "the tutor offers the exercise open on Practice"
    at.switch_page("pages/practice.py").run()
    assert not at.exception, at.exception
    assert at.selectbox(key="exercise_id").value == last


@pytest.mark.parametrize("linked", ["python/no-such-exercise", ""], ids=["unknown", "empty"])
def test_a_url_without_a_known_exercise_opens_the_first_to_do(wb, learner, linked):
    at = open_app(learner, exercise=linked)
    assert at.selectbox(key="exercise_id").value == todays(wb, learner)[0]


def test_the_editor_chosen_is_kept_for_the_next_session(at, wb, learner):
    assert wb.preferences(learner.id)["editor"] == "code" and len(at.text_area) == 0
    plain_editor(at)
    assert wb.preferences(learner.id)["editor"] == "plain"
    reloaded = open_app(learner)  # a new session: a reload, another device
    assert reloaded.toggle(key="plain_editor").value and len(reloaded.text_area) == 1
    reloaded.toggle(key="plain_editor").set_value(False).run()
    assert wb.preferences(learner.id)["editor"] == "code" and len(reloaded.text_area) == 0
    assert not open_app(learner).toggle(key="plain_editor").value


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


def todays(wb, user) -> list[str]:
    """The exercises of today's set, in order (planned on the day's first visit)."""
    return [item.pick.exercise.id for item in wb.todays_set(user.id).items]


def set_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.expander[0].markdown]  # one line per exercise of today's set


def progress(at: AppTest) -> str:
    [bar] = at.expander[0].get("progress")
    return bar.proto.text


def test_todays_set_is_shown_with_reasons_progress_and_open_buttons(at, wb, learner):
    items = wb.todays_set(learner.id).items
    assert len(items) == 4, "30 minutes a day: 4 exercises"
    assert at.expander[0].label == "Today's set"
    assert progress(at) == "0 of 4 solved today"
    lines = set_lines(at)
    assert len(lines) == len(items)
    for number, (line, item) in enumerate(zip(lines, items, strict=True), 1):
        exercise = item.pick.exercise
        assert line.startswith(f"**{number}. {exercise.title}** · level {exercise.difficulty} · ")
        assert "to do" in line and item.pick.reason in line
    # the first exercise is open, so its own "Open" button is disabled; the others' open them
    first, second = (item.pick.exercise for item in items[:2])
    assert at.session_state["exercise_id"] == first.id and at.button(key=f"open:{first.id}").disabled
    at.button(key=f"open:{second.id}").click().run()
    assert at.selectbox(key="exercise_id").value == second.id
    assert "#" + second.instructions.splitlines()[0] in [m.value.splitlines()[0] for m in at.markdown], "one level down"


@pytest.mark.parametrize(
    ("outcomes", "done", "opens"),
    [
        pytest.param([], 0, 0, id="nothing-done"),
        pytest.param(["passed"], 1, 1, id="first-passed"),
        pytest.param(["passed", "tried"], 1, 1, id="a-failed-one-is-still-to-do"),
        pytest.param(["tried", "passed", "skipped"], 2, 0, id="back-to-the-first-not-done"),
    ],
)
def test_the_set_shows_how_each_exercise_went_and_opens_the_first_to_do(wb, learner, outcomes, done, opens):
    ids = todays(wb, learner)
    for exercise_id, outcome in zip(ids, outcomes, strict=False):
        if outcome == "skipped":
            wb.skip(learner.id, exercise_id)
        else:
            wb.record_result(learner.id, exercise_id, passed=outcome == "passed")
    at = open_app(learner)
    skipped = outcomes.count("skipped")
    assert progress(at) == f"{done - skipped} of 4 solved today" + (f", {skipped} skipped" if skipped else "")
    labels = {"passed": "passed", "tried": "tried, not passed yet", "skipped": "skipped", "todo": "to do"}
    statuses = outcomes + ["todo"] * (len(ids) - len(outcomes))
    for line, status in zip(set_lines(at), statuses, strict=True):
        assert f": {labels[status]}]" in line
    assert at.selectbox(key="exercise_id").value == ids[opens]


def test_more_exercises_adds_one_to_todays_set(at, wb, learner):
    before = todays(wb, learner)
    click(at, "One more exercise")
    after = todays(wb, learner)
    assert after[:-1] == before and after[-1] not in before
    assert progress(at) == "0 of 5 solved today" and ": to do]" in set_lines(at)[-1]
    assert at.selectbox(key="exercise_id").value == before[0], "the open exercise stays open"


def test_a_finished_set_says_so_and_more_exercises_opens_the_new_one(at, wb, learner):
    ids = todays(wb, learner)
    wb.record_result(learner.id, ids[0], passed=True)
    at = open_app(learner)  # on the first not done
    for skipped in ids[1:]:
        click(at, "Skip")
        # the last skip opens nothing else: it says what it did, where the learner looks
        last = "Put aside for today. That was the last of today's set: choose any exercise, or ask for one more."
        assert [t.value for t in at.toast] == ([last] if skipped == ids[-1] else [])
    assert progress(at) == "1 of 4 solved today, 3 skipped"
    assert [s.value for s in at.success] == ["Today's set is through: 1 solved, 3 skipped. Open a skipped one to try "
                                             "it after all, or ask for more exercises."]
    click(at, "One more exercise")
    new = todays(wb, learner)[-1]
    assert progress(at) == "1 of 5 solved today, 3 skipped"
    assert at.selectbox(key="exercise_id").value == new


def test_a_set_skipped_through_is_not_praised(at, wb, learner):
    for _ in todays(wb, learner):
        click(at, "Skip")
    assert progress(at) == "0 of 4 solved today, 4 skipped"
    assert not at.success
    assert [i.value for i in at.info if "skipped every" in i.value] == [
        "You skipped every exercise of today's set. Open one to try it after all, or ask for more exercises."]


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


def test_a_passing_submission_ticks_the_exercise_off_todays_set(at, wb, learner):
    first = todays(wb, learner)[0]
    type_code(at, (BANK / first / "reference.py").read_text())
    click(at, "Submit")
    assert progress(at) == "1 of 4 solved today"
    assert ": passed]" in set_lines(at)[0]


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


def test_a_hint_shows_as_its_author_wrote_it(at, wb):
    """The sieve's third hint says "mark p*p, p*p + p": markdown read it as italics."""
    sieve = "python/sieve-of-primes"
    choose(at, sieve)
    for number in range(1, 4):
        click(at, f"Show a hint ({number} of {len(wb.exercise(sieve).hints)})")
    assert "mark p\\*p, p\\*p + p, p\\*p + 2p" in at.info[2].value


def test_after_the_last_hint_the_button_goes(at, wb):
    choose(at, EASY)
    for number in range(1, 4):
        click(at, f"Show a hint ({number} of 3)")
    assert len(at.info) == 3
    assert not [b for b in at.button if b.label.startswith("Show a hint")]
    assert "That was the last hint. The tutor can help you think it through." in [c.value for c in at.caption]


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
    click(at, "Reset")
    assert RESET_QUESTION not in [w.value for w in at.warning], "nothing to lose: no question"
    assert not report_lines(at) and at.text_area[0].value == wb.exercise(EASY).starter


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


def test_an_edit_committed_by_hiding_the_plain_editor_is_kept(at, wb, learner):
    exercise_id = at.selectbox(key="exercise_id").value
    edited = "# typed just before switching back\n" + wb.exercise(exercise_id).starter
    plain_editor(at).input(edited)
    at.toggle(key="plain_editor").set_value(False).run()  # one run: the text area is gone before it is read
    assert not at.exception, at.exception
    assert wb.draft(learner.id, exercise_id).code == edited
    assert plain_editor(at).value == edited


def test_a_draft_survives_a_reload(at, wb, learner):
    exercise_id = at.selectbox(key="exercise_id").value
    draft = "# my work in progress\n" + wb.exercise(exercise_id).starter
    type_code(at, draft)
    # a reload is a new session: only the login (restored from the cookie) carries over
    again = open_app(learner)
    assert again.selectbox(key="exercise_id").value == exercise_id
    assert plain_editor(again).value == draft


@pytest.mark.parametrize(("start", "order"), [pytest.param(0, [0, 1, 2, 3], id="in-order"),
                                               pytest.param(2, [2, 3, 0, 1], id="round-to-the-first-not-done")])
def test_skipping_walks_through_the_whole_set(at, wb, learner, start, order):
    ids = todays(wb, learner)
    seen = [choose(at, ids[start]).selectbox(key="exercise_id").value]
    for _ in range(len(ids) - 1):
        seen.append(click(at, "Skip").selectbox(key="exercise_id").value)
    assert seen == [ids[i] for i in order], "Skip goes to the next exercise not done, not back to the first"
    skipped = [ids[i] for i in order[:-1]]
    assert wb.store.all("SELECT object FROM events WHERE user_id = ? AND verb = 'skipped' ORDER BY id",
                        [learner.id]) == [(i,) for i in skipped]
    assert {item.pick.exercise.id: item.status for item in wb.todays_set(learner.id).items} == {
        i: "skipped" if i in skipped else "todo" for i in ids}
    assert progress(at) == "0 of 4 solved today, 3 skipped"
    assert [": skipped]" in line for line in set_lines(at)] == [i in skipped for i in ids]


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


def test_after_a_pass_the_next_exercise_is_one_click_away(at, wb, learner):
    first, second, *_ = todays(wb, learner)
    assert at.selectbox(key="exercise_id").value == first
    type_code(at, wb.exercise(first).starter)
    click(at, "Submit")
    assert not [b for b in at.button if b.label.startswith("Next: ")], "not after a fail"
    type_code(at, wb.exercise(first).reference)
    click(at, "Submit")
    [following] = [b for b in at.button if b.label.startswith("Next: ")]
    assert following.label == f"Next: {wb.exercise(second).title}"
    following.click().run()
    assert at.selectbox(key="exercise_id").value == second


def test_the_examples_wrap_so_their_expected_results_stay_in_view(at, wb):
    """In a markdown code block a long example line scrolled sideways in the narrow column, hiding its result."""
    choose(at, "python/name-initials")
    blocks = {c.value: c for c in at.code}
    examples = next(text for text in blocks if text.startswith('initials("Ada Lovelace")'))
    assert '# "A.L."' in examples.splitlines()[0]
    assert blocks[examples].proto.wrap_lines and blocks[examples].language == "python"
    assert all(c.proto.wrap_lines for c in blocks.values() if c.value in wb.exercise("python/name-initials").instructions)
    assert not [m.value for m in at.markdown if "```" in m.value], "no code block left in the prose"
    assert "Badges at a conference" in " ".join(m.value for m in at.markdown)


@pytest.mark.parametrize(
    ("markdown", "expected"),
    [
        pytest.param("# T\n\nProse.\n\n```python\nf(1)  # 2\n```\n\n## Details\n", [
            (None, "# T\n\nProse.\n"), ("python", "f(1)  # 2"), (None, "\n## Details")], id="prose-code-prose"),
        pytest.param("```\nplain\n```", [("", "plain")], id="no-language"),
        pytest.param("~~~py\nx\n~~~\nafter", [("py", "x"), (None, "after")], id="tildes"),
        pytest.param("Text\n```python\nnever closed", [(None, "Text\n```python\nnever closed")], id="unclosed"),
        pytest.param("- item\n  ```\n  indented\n  ```", [(None, "- item\n  ```\n  indented\n  ```")],
                     id="indented-stays-in-its-list"),
    ],
)
def test_instructions_are_cut_into_prose_and_code_blocks(markdown, expected):
    from ui.instructions import parts

    assert parts(markdown) == expected




@pytest.mark.parametrize("cut", ["after-the-save", "before-the-callback"])
def test_a_plain_edit_cut_short_by_a_click_is_what_the_code_editor_shows_next(at, wb, learner, monkeypatch, cut):
    """Ctrl+Enter in the plain editor, then at once a click (the toggle, Run): on the server the click stops the
    run that keeps the edit at its next use of st.session_state (fast reruns), callbacks included, and the edit
    counts as handled all the same. The code editor shown next must still be a new one, showing the edit: the
    browser sends back the last text of the code editor shown before, which must not replace the edit."""
    import json

    from streamlit.runtime.scriptrunner import get_script_run_ctx

    choose(at, EASY)
    old_editor = f"editor:{EASY}:0:0"
    typed = "def digit_sum(n):\n    return -1  # typed in the code editor\n"
    edited = "def digit_sum(n):\n    return 0  # edited in the plain editor\n"
    last_sent = {"id": "e1", "type": "change", "text": typed}  # what the code editor sent for the typing
    at.session_state[old_editor] = last_sent
    at.run()
    assert plain_editor(at).value == typed
    if cut == "after-the-save":  # the click lands while the edit's draft is saved
        save = wb.save_draft

        def click_meanwhile(user_id, exercise_id, code):
            save(user_id, exercise_id, code)
            if code == edited:
                get_script_run_ctx().script_requests.request_stop()

        monkeypatch.setattr(wb, "save_draft", click_meanwhile)
        at.text_area[0].input(edited).run()
        monkeypatch.setattr(wb, "save_draft", save)
        at.run()  # the page again, as it was: the stopped run drew nothing
    else:  # the click lands before the callback starts: the edit is in the session, and its callback never runs
        at.session_state[f"area:{EASY}:0"] = edited
    at.session_state[old_editor] = last_sent  # sent back by the browser, still holding the old editor
    at.toggle(key="plain_editor").set_value(False).run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, EASY).code == edited
    [editor] = at.get("component_instance")
    assert json.loads(editor.proto.json_args)["code"] == edited
