"""ui.markdown and engine.markdown_text: text people typed shows as typed, code as written, and an
author's hint as written, once rendered as markdown."""

from __future__ import annotations

import html
import re

import pytest
from markdown_it import MarkdownIt

from engine.markdown_text import WORD_JOINER, authored
from ui.markdown import inline_code, literal

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
    assert RENDER.render(literal(text)).strip().replace(WORD_JOINER, "") == f"<p>{html.escape(text, quote=False)}</p>"


# how Streamlit's markdown (remark-gfm) finds web addresses to link, in the text once its escapes are read
GFM_ADDRESS = re.compile(r"(https?://|www(?=\.))([-.\w]+)([^ \t\r\n]*)", re.I)


@pytest.mark.parametrize("text", [
    "see http://phish.example now", "HTTPS://x.example/a?b=1", "www.evil.example", "a www.b.example c",
    "[x](http://evil.example)", "<img src=x> http://a.example",
], ids=lambda t: t[:24])
def test_a_web_address_typed_is_no_link(text):
    """A learner's name or a cohort's holding a web address showed it as a link on the educator's pages."""
    shown = html.unescape(re.sub(r"<[^>]+>", "", RENDER.render(literal(text)))).strip()
    assert not GFM_ADDRESS.search(shown), shown
    assert shown.replace(WORD_JOINER, "") == text, "it reads as typed: the joiner is invisible"


def test_what_streamlit_adds_is_escaped_too():
    """Colour directives and LaTeX are Streamlit's own: their openers come out backslash-escaped."""
    assert literal(":red[x] $y$") == r"\:red\[x\] \$y\$"


@pytest.mark.parametrize("text", [
    "count_days([31, 60], lambda m: m >= 30): expected 2, got 1",
    "expected `x` -> got ``y``",
    "`starts and ends with a backtick`",
    "**not bold** :red[not red] $not latex$ <b>not html</b>",
], ids=lambda t: t[:24])
def test_inline_code_renders_as_written(text):
    """A test's message, quoting calls and values, is one code span holding exactly its text:
    nothing of it is read as markdown (nor, in code, turned into typographic signs)."""
    rendered = RENDER.render(inline_code(text)).strip()
    assert rendered == f"<p><code>{html.escape(text, quote=False)}</code></p>"


@pytest.mark.parametrize("hint", [
    "mark p*p, p*p + p, p*p + 2p, ... up to n as not prime",
    "It can have its own __init__ that stores extra attributes.",
    "*segments collects the extra arguments, and **query the keywords.",
    "while lo < hi: if items[mid] < target, set lo = mid + 1 (or [fill] * size), $5 ~ $6 & :red[x]",
], ids=["p-times-p", "dunder", "star-args", "brackets-and-dollars"])
def test_a_hint_shows_as_written(hint):
    """A hint is an author's plain text: its code without backticks is no emphasis, bold, link or LaTeX."""
    assert RENDER.render(authored(hint)).strip() == f"<p>{html.escape(hint, quote=False)}</p>"


def test_a_hint_keeps_its_code_spans_and_single_word_emphasis():
    rendered = RENDER.render(authored("Find the *first* match with `items[mid] < target`, not p*p.")).strip()
    assert rendered == "<p>Find the <em>first</em> match with <code>items[mid] &lt; target</code>, not p*p.</p>"
