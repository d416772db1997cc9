"""A script run in the page itself: Streamlit's ``st.html`` with JavaScript allowed.

Each script is an element of the page, and took the gap between two elements like any other (a
row of 16 px where nothing shows): ``hide_scripts`` hides the places of scripts alone, by a rule
of the page's style. Not by the script itself: the browser keeps the place for whatever element
comes there on a later run (the interview's progress took the login cookie's place, and stayed
hidden). The browser runs a script once per distinct text in the same place: a script that must
run again (a scroll after each click) carries a count that changes.
"""

from __future__ import annotations

import json
from typing import Any

import streamlit as st

HIDDEN = ('<style>[data-testid="stElementContainer"]:has(> [data-testid="stHtml"] > script:only-child) '
          "{display: none}</style>")


def hide_scripts() -> None:
    """On every run (``app.py``): the places of scripts alone take no room. Style alone takes none itself."""
    st.html(HIDDEN)


def run(javascript: str) -> None:
    st.html(f"<script>{javascript}</script>", unsafe_allow_javascript=True)


def literal(value: Any) -> str:
    """``value`` as a JavaScript literal inside a script: a "</script>" in a string must not end the script."""
    return json.dumps(value).replace("<", "\\u003c")
