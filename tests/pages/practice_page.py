"""The Practice page in an AppTest: open it, choose an exercise, type code, read the report and today's set."""

from __future__ import annotations

import ast

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


def todays(wb, user) -> list[str]:
    """The exercises of today's set, in order (planned on the day's first visit)."""
    return [item.pick.exercise.id for item in wb.todays_set(user.id).items]


def set_lines(at: AppTest) -> list[str]:
    return [m.value for m in at.expander[0].markdown]  # one line per exercise of today's set


def progress(at: AppTest) -> str:
    [bar] = at.expander[0].get("progress")
    return bar.proto.text
