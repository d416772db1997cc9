"""An exercise's instructions on a page: the prose as markdown, each fenced code block (the signature,
the examples) as a code block whose long lines wrap. In a markdown code block they scroll sideways,
and in the narrow column beside the editor that hides the examples' expected results
(``initials("Ada Lovelace")  # "A.L."`` showed no result)."""

from __future__ import annotations

import re

import streamlit as st

FENCE = re.compile(r"(```+|~~~+)\s*([\w+-]*)\s*")  # an opening fence at the start of a line, and its language


def parts(markdown: str) -> list[tuple[str | None, str]]:
    """``markdown`` cut into (None, prose) and (language, code) parts, in order. Only fences at the start
    of a line count (the bank's and generated exercises' style); a fence never closed stays prose."""
    found: list[tuple[str | None, str]] = []
    prose: list[str] = []
    lines = markdown.splitlines()
    i = 0
    while i < len(lines):
        opening = FENCE.fullmatch(lines[i])
        closing = next((j for j in range(i + 1, len(lines)) if opening and lines[j].strip() == opening[1]), None)
        if opening is None or closing is None:
            prose.append(lines[i])
            i += 1
            continue
        if "\n".join(prose).strip():
            found.append((None, "\n".join(prose)))
        prose = []
        found.append((opening[2] or "", "\n".join(lines[i + 1:closing])))
        i = closing + 1
    if "\n".join(prose).strip():
        found.append((None, "\n".join(prose)))
    return found


def show(markdown: str) -> None:
    for language, text in parts(markdown):
        if language is None:
            st.markdown(text)
        else:
            st.code(text, language=language or None, wrap_lines=True)
