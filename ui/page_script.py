"""A script run in the page itself: Streamlit's ``st.html`` with JavaScript allowed.

Each script is an element of the page, and took the gap between two elements like any other (a
row of 16 px where nothing shows); it hides the place it was drawn in as it runs. The browser
runs a script once per distinct text in the same place: a script that must run again (a scroll
after each click) carries a count that changes.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

HIDE_ITS_PLACE = "document.currentScript?.closest('[data-testid=\"stElementContainer\"]')?.style.setProperty('display', 'none');"


def run(javascript: str) -> None:
    st.html(f"<script>{HIDE_ITS_PLACE}\n{javascript}</script>", unsafe_allow_javascript=True)


def literal(value: Any) -> str:
    """``value`` as a JavaScript literal inside a script: a "</script>" in a string must not end the script."""
    return json.dumps(value).replace("<", "\\u003c")
