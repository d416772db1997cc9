"""Text people typed (cohort names, learners' names), made safe to put in the markdown that
st.write, st.success and friends render."""

from __future__ import annotations

import re

# What Streamlit's markdown acts on: emphasis, code, links, HTML, lists, headings, tables,
# strikethrough, LaTeX ($), colour and icon directives (:red[...], :material/...:), entities (&)
_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&^])")


def literal(text: str) -> str:
    """``text`` with every markdown character backslash-escaped, so it shows as typed: a cohort
    called ``**Bold** :red[x]`` reads just that, not bold and red."""
    return _SPECIAL.sub(r"\\\1", text)
