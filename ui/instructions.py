"""An exercise's instructions on a page: the prose as markdown, each fenced code block (the signature,
the examples) as a code block whose long lines wrap. In a markdown code block they scroll sideways,
and in the narrow column beside the editor that hides the examples' expected results
(``initials("Ada Lovelace")  # "A.L."`` showed no result).

The instructions' headings sit one level below where they were written: the page's title ("Practice") is
the h1, the exercise's own title (its README's ``#``) an h2, its sections (``## Examples``) h3, like the
Hints beside them. They are drawn smaller than Streamlit's headings too, so that a section does not look
as big as the exercise, and a heading that is a signature (``### `call_with_retry(func, attempts=3, ...)` ``)
fits the narrow column, wrapping after a comma rather than over three lines in large type."""

from __future__ import annotations

import re

import streamlit as st

FENCE = re.compile(r"(```+|~~~+)\s*([\w+-]*)\s*")  # an opening fence at the start of a line, and its language
HEADING = re.compile(r"^( {0,3})(#{1,6})(?=[ \t]|$)", re.MULTILINE)  # an ATX heading's hashes (4 spaces: code)
KEY = "exercise_instructions"  # the container's key, which names its CSS class
# sizes for an h2 (the exercise), h3 (a section), h4 and below (near the text's 1rem); code in a heading a
# little smaller than its words (Streamlit's inline code already wraps at its spaces: after a signature's
# commas), and the lines of a heading that wraps balanced
STYLE = f"""<style>
.st-key-{KEY} [data-testid="stMarkdownContainer"] :is(h2, h3, h4, h5, h6) {{text-wrap: balance}}
.st-key-{KEY} [data-testid="stMarkdownContainer"] h2 {{font-size: 2rem}}
.st-key-{KEY} [data-testid="stMarkdownContainer"] h3 {{font-size: 1.375rem}}
.st-key-{KEY} [data-testid="stMarkdownContainer"] :is(h4, h5, h6) {{font-size: 1.125rem}}
.st-key-{KEY} [data-testid="stMarkdownContainer"] :is(h2, h3, h4, h5, h6) code {{font-size: 0.85em}}
</style>"""


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


def subordinate(prose: str) -> str:
    """``prose`` with each markdown heading one level deeper (``#`` an h2, ``##`` an h3, at most an h6), so
    that the instructions' headings come under the page's title. Only for prose: code has no headings."""
    return HEADING.sub(lambda m: m[1] + m[2] + ("#" if len(m[2]) < 6 else ""), prose)


def show(markdown: str) -> None:
    st.html(STYLE)
    with st.container(key=KEY):
        for language, text in parts(markdown):
            if language is None:
                st.markdown(subordinate(text))
            else:
                st.code(text, language=language or None, wrap_lines=True)
