"""Whether a page runs inside app.py's router: light enough for a page to ask before its slow imports.

Until app.py has called ``st.navigation`` once, a freshly started server treats ``pages/`` as a
legacy multipage folder: it lists every file of it in the sidebar ("app", "cohorts", "data"…) and
runs the page of the address asked for on its own, without the login gate and the sidebar. That
happens to the first request for a page's address (a bookmark, a tab reconnecting after a
restart). Each page therefore calls ``through_router`` first: a page run on its own goes through
app.py at once, so that list shows for a moment, not for the seconds the engine takes to import.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

import streamlit as st

_ROUTED: ContextVar[bool] = ContextVar("workbench_routed", default=False)


@contextmanager
def routed() -> Iterator[None]:
    """app.py runs the page it chose inside this block."""
    token = _ROUTED.set(True)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def through_router() -> None:
    """Go through app.py, unless this run came from it."""
    if not _ROUTED.get():
        st.switch_page("app.py")
