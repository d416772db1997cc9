"""Whether a page runs inside app.py's router: light enough for a page to ask before its slow imports.

Until app.py has called ``st.navigation`` once, a freshly started server treats ``pages/`` as a
legacy multipage folder: it lists every file of it in the sidebar ("app", "cohorts", "data"…) and
runs the page of the address asked for on its own, without the login gate and the sidebar. That
happens to the first request for a page's address (a bookmark, a tab reconnecting after a
restart). Each page therefore calls ``through_router`` first: a page run on its own goes through
app.py at once, so that list shows for a moment, not for the seconds the engine takes to import.
It goes with the page's name in the address's query, as app.py is served at the app's own address:
once app.py has its pages, it opens that one (``to_the_page_asked_for``), so the bookmark still shows
the login there, then that page.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

import streamlit as st

_ROUTED: ContextVar[bool] = ContextVar("workbench_routed", default=False)
ASKED_FOR = "page"  # the query parameter naming the page a fresh server's first request was for


@contextmanager
def routed() -> Iterator[None]:
    """app.py runs the page it chose inside this block."""
    token = _ROUTED.set(True)
    try:
        yield
    finally:
        _ROUTED.reset(token)


def through_router() -> None:
    """Go through app.py, unless this run came from it; app.py then opens this page."""
    if not _ROUTED.get():
        asked = _page_running()
        st.switch_page("app.py", query_params={**st.query_params.to_dict(), **({ASKED_FOR: asked} if asked else {})})


def to_the_page_asked_for(pages: Iterable[st.Page]) -> None:
    """Open the page a page run on its own handed over for (``through_router``), if it is one of ``pages``
    (those this user may see), with the rest of the query; else just drop the name from the address."""
    asked = st.query_params.get(ASKED_FOR)
    if asked is None:
        return
    page = next((p for p in pages if p.url_path == asked), None)
    if page is None:
        del st.query_params[ASKED_FOR]
        return
    st.switch_page(page, query_params={k: v for k, v in st.query_params.to_dict().items() if k != ASKED_FOR})


def _page_running() -> str | None:
    """The name of the file of pages/ whose run called, as its address has it ("history")."""
    frame = sys._getframe(1)
    while frame is not None:
        path = Path(frame.f_code.co_filename)
        if path.parent.name == "pages" and path.suffix == ".py":
            return path.stem
        frame = frame.f_back  # type: ignore[assignment]
    return None
