"""AppTest of the Practice page's set for today: its progress, skip, more exercises, the next one."""

from __future__ import annotations

import json

import pytest
from clicks import click
from practice_page import (
    BANK,
    choose,
    open_app,
    progress,
    set_lines,
    todays,
    type_code,
)


def test_todays_set_is_shown_with_reasons_progress_and_open_buttons(at, wb, learner):
    items = wb.todays_set(learner.id).items
    assert len(items) == 4, "30 minutes a day: 4 exercises"
    assert at.expander[0].label == "Today's set"
    assert progress(at) == "Today's set: 0 of 4 solved"
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
    assert progress(at) == f"Today's set: {done - skipped} of 4 solved" + (f", {skipped} skipped" if skipped else "")
    labels = {"passed": "passed", "tried": "tried, not passed yet", "skipped": "skipped", "todo": "to do"}
    statuses = outcomes + ["todo"] * (len(ids) - len(outcomes))
    for line, status in zip(set_lines(at), statuses, strict=True):
        assert f": {labels[status]}]" in line
    assert at.selectbox(key="exercise_id").value == ids[opens]


@pytest.mark.parametrize("button", ["Open", "Skip"])
def test_code_the_editor_sent_with_a_click_that_opens_another_exercise_stays_with_its_exercise(at, wb, learner, button):
    """The code editor sends its text as it loses focus, so a press on Open (or Skip) right after typing sent
    the text with the click. The click's run opened the other exercise and never drew the first one's editor,
    which alone read the text: the code typed was lost, and the first exercise came back without it."""
    first, second = todays(wb, learner)[:2]
    assert at.selectbox(key="exercise_id").value == first
    typed = wb.exercise(first).starter + "# typed just before the click\n"
    at.session_state[f"editor:{first}:0:0"] = {"id": "e1", "type": "blur", "text": typed}  # comes with the click
    if button == "Open":
        at.button(key=f"open:{second}").click().run()
    else:
        click(at, "Skip")
    assert not at.exception, at.exception
    assert at.selectbox(key="exercise_id").value == second
    assert wb.draft(learner.id, first).code == typed
    assert wb.draft(learner.id, second) is None or "typed" not in wb.draft(learner.id, second).code
    choose(at, first)
    [editor] = at.get("component_instance")
    assert json.loads(editor.proto.json_args)["code"] == typed


def test_more_exercises_adds_one_to_todays_set(at, wb, learner):
    before = todays(wb, learner)
    click(at, "One more exercise")
    after = todays(wb, learner)
    assert after[:-1] == before and after[-1] not in before
    assert progress(at) == "Today's set: 0 of 5 solved" and ": to do]" in set_lines(at)[-1]
    assert any("70–85% chance of passing" in c.value for c in at.caption), "the picks' chances explained"
    title = wb.exercise(after[-1]).title  # the open exercise stays open: the toast says where the new one went
    assert [t.value for t in at.toast] == [f"Added to today's set: {title}. Open it there when you are ready."]
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
    assert progress(at) == "Today's set: 1 of 4 solved, 3 skipped"
    assert [s.value for s in at.success] == ["Today's set is through: 1 solved, 3 skipped. Open a skipped one to try "
                                             "it after all, or ask for more exercises."]
    click(at, "One more exercise")
    new = todays(wb, learner)[-1]
    assert progress(at) == "Today's set: 1 of 5 solved, 3 skipped"
    assert at.selectbox(key="exercise_id").value == new


def test_code_the_editor_sent_with_one_more_exercise_stays_with_the_exercise_it_closes(wb, learner):
    """One more exercise, pressed with the set through, opens the new exercise: as with Next, the code the editor
    sent with the click (it lost the focus to the button) was read by no run, and was lost."""
    ids = todays(wb, learner)
    for exercise_id in ids:
        wb.skip(learner.id, exercise_id)
    at = open_app(learner)
    left = at.selectbox(key="exercise_id").value
    assert left in ids
    typed = wb.exercise(left).starter + "# typed just before the click\n"
    at.session_state[f"editor:{left}:0:0"] = {"id": "e1", "type": "blur", "text": typed}  # comes with the click
    click(at, "One more exercise")
    assert not at.exception, at.exception
    assert at.selectbox(key="exercise_id").value == todays(wb, learner)[-1] != left
    assert wb.draft(learner.id, left).code == typed


def test_more_exercises_says_the_rest_unlock_with_earlier_skills(wb, learner):
    """A new learner skips through every exercise open to them: nothing more comes, and the page does
    not claim they have seen every exercise, since the later skills' are only locked."""
    for exercise_id in todays(wb, learner):
        wb.skip(learner.id, exercise_id)
    grown = True
    while grown:  # ask for more until nothing more comes
        before = len(todays(wb, learner))
        grown = len(wb.more_exercises(learner.id).items) > before
    at = open_app(learner)
    click(at, "One more exercise")
    assert [t.value for t in at.toast] == [
        "Nothing more fits today: you have seen every exercise open to you now, and the others unlock as you pass "
        "earlier skills. Choose any exercise below."]


def test_a_set_skipped_through_is_not_praised(at, wb, learner):
    for _ in todays(wb, learner):
        click(at, "Skip")
    assert progress(at) == "Today's set: 0 of 4 solved, 4 skipped"
    assert not at.success
    assert [i.value for i in at.info if "skipped every" in i.value] == [
        "You skipped every exercise of today's set. Open one to try it after all, or ask for more exercises."]


def test_a_passing_submission_ticks_the_exercise_off_todays_set(at, wb, learner):
    first = todays(wb, learner)[0]
    type_code(at, (BANK / first / "reference.py").read_text())
    click(at, "Submit")
    assert progress(at) == "Today's set: 1 of 4 solved"
    assert ": passed]" in set_lines(at)[0]


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
    assert progress(at) == "Today's set: 0 of 4 solved, 3 skipped"
    assert [": skipped]" in line for line in set_lines(at)] == [i in skipped for i in ids]


SCROLL_UP = "scrollIntoView({block: 'start'})"  # the exercise's top into view (the focus's own script centres)


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
    first_scroll = [h.proto.body for h in at.get("html") if SCROLL_UP in h.proto.body]
    click(at, "Skip")
    again = [h.proto.body for h in at.get("html") if SCROLL_UP in h.proto.body]
    # each a script of its own: the same one in the same place is the same element, and the browser did not
    # run it again (Skip right after Next left the page scrolled down)
    assert len(first_scroll) == len(again) == 1 and first_scroll != again


def test_the_last_pass_of_the_set_offers_one_more_beside_the_result(wb, learner):
    *before, last = todays(wb, learner)
    for exercise_id in before:
        wb.record_result(learner.id, exercise_id, passed=True)
    at = open_app(learner)
    assert at.selectbox(key="exercise_id").value == last
    type_code(at, (BANK / last / "reference.py").read_text())
    click(at, "Submit")
    assert "That was the last of today's set: well done!" in [s.value for s in at.success]
    at.button(key="more:after-result").click().run()
    assert len(wb.todays_set(learner.id).items) == 5
    assert at.selectbox(key="exercise_id").value == wb.todays_set(learner.id).items[-1].pick.exercise.id, \
        "the one added is opened, the open one being done"


def test_skip_on_an_exercise_solved_today_puts_nothing_aside(wb, learner):
    ids = todays(wb, learner)
    for exercise_id in ids:
        wb.record_result(learner.id, exercise_id, passed=True)
    at = choose(open_app(learner), ids[1])
    click(at, "Skip")
    assert [t.value for t in at.toast] == ["Solved today already: nothing to put aside. Choose any exercise, or ask "
                                           "for one more."]
    assert progress(at) == "Today's set: 4 of 4 solved"
    assert wb.store.scalar("SELECT count(*) FROM events WHERE user_id = ? AND verb = 'skipped'", [learner.id]) == 0
