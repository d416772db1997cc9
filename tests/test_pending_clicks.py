"""A click on Run tests or Submit waits for the code editor's text only when it may still be on its way,
and a click is graded once for the same code (ui/pending_clicks)."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
import streamlit as st

from engine import GradeResult
from ui import pending_clicks

CODE = "def f():\n    return 1\n"


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> SimpleNamespace:
    """A clock the test moves by hand; ``waits`` lists every sleep asked for."""
    fake = SimpleNamespace(now=100.0, waits=[])
    fake.monotonic = lambda: fake.now
    fake.sleep = fake.waits.append
    monkeypatch.setattr(pending_clicks, "time", fake)
    monkeypatch.setattr(pending_clicks, "_pending", {})
    st.session_state.pop(pending_clicks.BLUR, None)
    return fake


def blur(text: str, event_id: str = "b1") -> dict:
    return {"id": event_id, "type": "blur", "text": text}


@pytest.mark.parametrize(("blurred_before_click", "blur_text", "waits"), [
    pytest.param(None, None, True, id="no-blur-yet"),
    pytest.param(0.1, CODE, False, id="lost-focus-at-the-click"),
    pytest.param(-0.05, CODE, False, id="blur-read-after-the-click"),
    pytest.param(5.0, CODE, True, id="lost-focus-long-before"),
    pytest.param(0.1, "def f():\n    return\n", True, id="blur-of-other-code"),
])
def test_a_click_waits_for_the_editor_unless_its_focus_loss_brought_the_code(clock, blurred_before_click, blur_text,
                                                                            waits):
    if blurred_before_click is not None and blurred_before_click > 0:
        clock.now -= blurred_before_click
        pending_clicks.editor_sent(blur(blur_text))
        clock.now += blurred_before_click
    pending_clicks.put("run", "python/x", settle=True)
    if blurred_before_click is not None and blurred_before_click <= 0:
        clock.now += -blurred_before_click
        pending_clicks.editor_sent(blur(blur_text))
    pending_clicks.settle(CODE)
    assert bool(clock.waits) is waits, clock.waits
    if waits:
        assert 0 < clock.waits[0] <= pending_clicks.SETTLE_S


def test_a_blur_counts_from_when_a_run_first_read_it(clock):
    pending_clicks.editor_sent(blur(CODE))
    clock.now += 10
    pending_clicks.editor_sent(blur(CODE))  # the same message, read again by a later run: still old
    pending_clicks.put("submit", "python/x", settle=True)
    pending_clicks.settle(CODE)
    assert clock.waits == [pytest.approx(pending_clicks.SETTLE_S)]


def test_a_click_away_from_the_code_editor_never_waits(clock):
    pending_clicks.put("run", "python/x")
    pending_clicks.settle(CODE)
    assert clock.waits == []


def test_a_click_is_graded_once_for_the_same_code(clock):
    result = GradeResult("pass")
    pending_clicks.put("run", "python/x", settle=True)
    assert pending_clicks.done(CODE) is None
    pending_clicks.keep("python/x", CODE, result)
    assert pending_clicks.done(CODE) is result  # a later run of the same click, the same code
    assert pending_clicks.done(CODE + "# more\n") is None  # other code is graded afresh
    pending_clicks.put("run", "python/x", settle=True)  # a new click: the learner asks again
    assert pending_clicks.done(CODE) is None
    pending_clicks.keep("python/x", CODE, result)
    pending_clicks.clear("python/x")
    assert pending_clicks.pending() is None and pending_clicks.done(CODE) is None


def test_a_submission_is_recorded_once_whatever_the_code_is_since(clock):
    result = GradeResult("fail")
    pending_clicks.put("submit", "python/x", settle=True)
    assert pending_clicks.done() is None
    pending_clicks.keep("python/x", CODE, result)
    assert pending_clicks.done() is result  # the learner typed more while it was graded: not submitted again
    assert pending_clicks.done(CODE + "# more\n") is None  # though a run of the tests would test that code afresh


def test_a_result_belongs_to_the_click_on_its_own_exercise(clock):
    """A submission of one exercise still being graded when a click on another arrives: its result was
    attached to the other's click, whose run then showed it as its own and graded nothing."""
    pending_clicks.put("submit", "python/a")
    pending_clicks.put("submit", "python/b")  # the learner opened b and submitted it meanwhile
    pending_clicks.keep("python/a", CODE, GradeResult("pass"))  # a's grading, finishing late
    assert pending_clicks.done() is None
    pending_clicks.clear("python/a")  # a's run, done: b's click is not a's to forget
    assert pending_clicks.pending() == ("submit", "python/b")
