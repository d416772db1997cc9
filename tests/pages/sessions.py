"""A signed-in browser session in an AppTest: the app run once through its router, then on a page."""

from __future__ import annotations

from factories import REPO
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")


def open_page(user, page: str, timeout: float = 60) -> AppTest:
    """``user``'s session, already logged in, switched to ``page`` ("pages/data.py")."""
    at = AppTest.from_file(APP, default_timeout=timeout)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page(page).run()
    assert not at.exception, at.exception
    return at


def asks_before_leaving(at: AppTest) -> bool:
    """Whether the page's scripts leave the browser asking before a reload or leaving the app (the last
    one run decides)."""
    flags = [h.proto.body for h in at.get("html") if "window.workbenchUnsaved = " in h.proto.body]
    assert flags, "the page says whether to ask"
    return "window.workbenchUnsaved = true;" in flags[-1]
