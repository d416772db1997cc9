"""AppTest of "New exercise on <skill>" on the Practice page, against a real HTTP server speaking
OpenAI's chat-completions protocol, with every draft verified in the real sandbox; and of the
review of rejected drafts on the System page."""

from __future__ import annotations

import pytest
from clicks import click
from factories import REPO
from generated_drafts import WRONG_REFERENCE, draft
from llm_server import Reply
from streamlit.testing.v1 import AppTest

from ui.generate import JOB_KEY

APP = str(REPO / "app.py")
NEW_ID = "python/count-the-vowels"


@pytest.fixture
def online(server, monkeypatch):
    """The app's settings name the scripted server as its language model (requested before ``wb``)."""
    for name, value in {"PROVIDER": "openai-compatible", "MODEL": "scripted-author", "BASE_URL": server.base_url,
                        "TIMEOUT_S": "5"}.items():
        monkeypatch.setenv(f"WORKBENCH_LLM_{name}", value)
    return server


def practice(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Practice"]
    return at


def ask_for_a_new_exercise(at: AppTest, skill: str = "loops") -> AppTest:
    """Ask, and run the page again once the exercise is written (in the browser, the page looks each second)."""
    at.selectbox(key="generate_skill").set_value(skill).run()
    click(at, "New exercise on Loops")
    job = at.session_state[JOB_KEY]
    assert job.done.wait(60), "the exercise is written in a thread of its own"
    return at.run()


def test_a_new_exercise_is_written_checked_and_opened(online, wb, learner):
    assert wb.generation_available
    online.script(draft())
    at = practice(learner)
    assert [e.label for e in at.expander][:2] == ["Today's set", "New exercise"]
    ask_for_a_new_exercise(at)
    assert at.selectbox(key="exercise_id").value == NEW_ID, "the new exercise is open"
    # the bank has its own "Count the vowels": the new one is told apart
    labels = [o for o in at.selectbox(key="exercise_id").options if o.startswith("Count the vowels")]
    assert len(labels) == 2 and [o.endswith("· generated") for o in labels].count(True) == 1, labels
    assert any(m.value.startswith("## Count the vowels") for m in at.markdown), "its instructions are shown"
    assert [t.value for t in at.toast] == ["New exercise: Count the vowels"]
    assert wb.exercise(NEW_ID).generated and [r.exercise_id for r in wb.generated_exercises()] == [NEW_ID]


def test_an_exercise_asked_for_is_written_while_the_learner_is_elsewhere_and_opens_on_their_return(online, wb, learner):
    """Written in the page's run, the exercise was lost, unseen and uncounted, when the learner typed, clicked or
    left meanwhile: now it goes on, one at a time, and opens when they come back."""
    online.requests.clear()
    online.script(Reply(draft(), delay_s=1.5))
    at = practice(learner)
    at.selectbox(key="generate_skill").set_value("loops").run()
    click(at, "New exercise on Loops")
    [status] = at.status
    assert status.label == "Writing a new exercise on Loops…"
    assert at.button(key="generate_exercise").disabled, "one at a time: a second click asks the model again"
    at.switch_page("pages/history.py").run()
    job = at.session_state[JOB_KEY]
    assert job.done.wait(60)
    at.switch_page("pages/practice.py").run()
    assert at.selectbox(key="exercise_id").value == NEW_ID, "the new exercise is open"
    assert [t.value for t in at.toast] == ["New exercise: Count the vowels"]
    assert len(online.requests) == 1 and [r.exercise_id for r in wb.generated_exercises()] == [NEW_ID]
    assert not at.button(key="generate_exercise").disabled


def test_a_rejected_draft_is_explained_and_educators_review_it(online, wb, learner):
    online.script(draft(reference=WRONG_REFERENCE))
    at = practice(learner)
    opened = at.selectbox(key="exercise_id").value
    ask_for_a_new_exercise(at)
    assert any("was not shown" in w.value and "does not pass its own tests" in w.value for w in at.warning)
    assert any(t.value == "No new exercise on Loops this time: see New exercise." for t in at.toast)
    assert at.selectbox(key="exercise_id").value == opened, "the open exercise stays open"
    assert NEW_ID not in {e.id for e in wb.exercises()}

    educator = wb.register("tess", "tess@example.org", "Tess", "correct horse", role="educator")
    system = AppTest.from_file(APP, default_timeout=60)
    system.session_state["user_id"] = educator.id
    system.run()
    system.switch_page("pages/system.py").run()
    assert not system.exception, system.exception
    [review] = [e for e in system.expander if e.label.startswith("Generated exercises")]
    assert review.label == "Generated exercises: 0 accepted, 1 rejected drafts"
    assert any("Count the vowels" in m.value and "rejected: **reference-fails**" in m.value for m in review.markdown)
    assert any("expected 3, got 4" in c.value for c in review.caption)


def test_without_a_language_model_the_page_says_one_is_needed(wb, learner):
    at = practice(learner)
    assert "New exercise" not in [e.label for e in at.expander]
    assert any("need a language model" in c.value for c in at.caption)
    assert not [b for b in at.button if b.label.startswith("New exercise on")]


def test_code_the_editor_sent_as_the_new_exercise_opens_stays_with_the_exercise_it_closes(online, wb, learner):
    """As with Open and Next: the editor's last text reaches the run that opens the new exercise, which drew
    no editor for the exercise closed, and the code typed was lost."""
    online.script(draft())
    at = practice(learner)
    left = at.selectbox(key="exercise_id").value
    at.selectbox(key="generate_skill").set_value("loops").run()
    click(at, "New exercise on Loops")
    assert at.session_state[JOB_KEY].done.wait(60)
    typed = wb.exercise(left).starter + "# typed as the new exercise was finished\n"
    at.session_state[f"editor:{left}:0:0"] = {"id": "e9", "type": "debounce", "text": typed}
    at.run()
    assert at.selectbox(key="exercise_id").value == NEW_ID
    assert wb.draft(learner.id, left).code == typed
