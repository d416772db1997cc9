"""ui.markdown.literal: text people typed shows as typed once rendered as markdown."""

from __future__ import annotations

import html

import pytest
from markdown_it import MarkdownIt

from ui.markdown import literal

# CommonMark with GitHub's tables and strikethrough: the syntax Streamlit's markdown builds on
RENDER = MarkdownIt("commonmark").enable(["table", "strikethrough"])


@pytest.mark.parametrize("text", [
    "**Bold** <b>x</b> :red[red] $x^2$",
    "Spring 2026, evening group",
    "1. Spring", "# heading", "- item", "+ item", "> quote",
    "[link](https://example.org)", "![image](x.png)", "a_b_c", "~~struck~~", "`code`",
    "&amp; &lt;", "back\\slash", "| a | b |", "{curly} (round)",
], ids=lambda t: t[:24])
def test_literal_text_renders_as_typed(text):
    assert RENDER.render(literal(text)).strip() == f"<p>{html.escape(text, quote=False)}</p>"


def test_what_streamlit_adds_is_escaped_too():
    """Colour directives and LaTeX are Streamlit's own: their openers come out backslash-escaped."""
    assert literal(":red[x] $y$") == r"\:red\[x\] \$y\$"
