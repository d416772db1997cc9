"""AppTest of what the Practice page keeps: the exercise in the URL, the editor chosen, drafts."""

from __future__ import annotations

import pytest
from practice_page import (
    EASY,
    choose,
    open_app,
    plain_editor,
    todays,
    type_code,
)


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


def place_of(at, label: str) -> list[int]:
    """Where the button labelled ``label`` is in the page's tree: the indices down from the main area. The
    browser draws each element of a run at its place; one at a place the run has not reached yet stays."""
    def find(block, path: list[int]) -> list[int] | None:
        for index, child in getattr(block, "children", {}).items():
            if getattr(child, "type", None) == "button" and child.label == label:
                return path + [index]
            if (found := find(child, path + [index])) is not None:
                return found
        return None
    found = find(at.main, [])
    assert found is not None, f"no {label} button"
    return found


def test_the_buttons_keep_their_place_whichever_editor_shows_and_whichever_exercise(at, wb, learner):
    """Switching editors, or exercises, the page is drawn again over the last one: a button whose place moved
    showed twice (its old copy below) until the run reached the old place, caught by a browser test in CI."""
    first, last = todays(wb, learner)[0], todays(wb, learner)[-1]
    choose(at, first)
    places = {"code editor": (place_of(at, "Submit"), place_of(at, "Run tests"))}
    plain_editor(at)
    places["plain editor"] = (place_of(at, "Submit"), place_of(at, "Run tests"))
    choose(at, last)
    places["another exercise"] = (place_of(at, "Submit"), place_of(at, "Run tests"))
    assert len(set(map(str, places.values()))) == 1, places


@pytest.mark.parametrize("page", ["pages/progress.py", "pages/history.py", "pages/profile.py"])
def test_the_exercise_open_stops_counting_time_on_another_page_and_goes_on_back_on_it(at, wb, learner, page):
    choose(at, EASY)
    assert wb.draft(learner.id, EASY).away_since is None
    at.switch_page(page).run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, EASY).away_since is not None, "its time stands still meanwhile"
    at.switch_page("pages/practice.py").run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, EASY).away_since is None, "and goes on"


def test_time_asking_the_tutor_page_is_time_on_the_exercise(at, wb, learner):
    """The Tutor page knows the exercise open, and asking about it is work on it."""
    choose(at, EASY)
    at.switch_page("pages/tutor.py").run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, EASY).away_since is None
