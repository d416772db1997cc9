"""Text people typed (cohort names, learners' names) or code wrote (test messages), made safe to
put in the markdown that st.write, st.success and friends render."""

from __future__ import annotations

import re

from engine.markdown_text import literal

__all__ = ["inline_code", "literal"]


def inline_code(text: str) -> str:
    """``text`` as inline code, exactly as it is: Streamlit's markdown turns ``>=`` in prose into
    ``≥`` (and ``->`` into an arrow) even when escaped, so a call quoted in a test's message would
    no longer be Python; inside code it is left alone. The fence is one backtick longer than any
    run of backticks in the text."""
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    padded = f" {text} " if text.startswith("`") or text.endswith("`") else text
    return f"{fence}{padded}{fence}"
