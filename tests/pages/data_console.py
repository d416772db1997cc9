"""The Data page in an AppTest: open it as a user, run a query in its SQL console."""

from __future__ import annotations

import re

from factories import REPO
from sessions import open_page as open_session
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")
PAGE = "pages/data.py"
EXERCISE = "python/apply-n-times"


def open_page(user) -> AppTest:
    return open_session(user, PAGE)


def run_sql(at: AppTest, sql: str) -> AppTest:
    at.text_area(key="sql").input(sql)
    at.button(key="run_sql").click().run()
    assert not at.exception, at.exception
    return at


def shown(markdown: str) -> str:
    """What a markdown message shows: its text with the backslash escapes that keep it literal undone."""
    return re.sub(r"\\(.)", r"\1", markdown)
