"""An exercise's instructions on the Practice page (ui/instructions.py): their headings come under the
page's title, one level deeper than written, and are drawn smaller than Streamlit's own."""

from __future__ import annotations

import pytest
from streamlit.testing.v1 import AppTest

from ui.instructions import KEY, STYLE, subordinate


@pytest.mark.parametrize(
    ("prose", "expected"),
    [
        pytest.param("# Retry flaky calls\n\nProse.", "## Retry flaky calls\n\nProse.", id="the-title-an-h2"),
        pytest.param("## Examples\n### Details", "### Examples\n#### Details", id="sections-h3-and-h4"),
        pytest.param("### `call_with_retry(func, attempts=3, retry_on=(Exception,))`",
                     "#### `call_with_retry(func, attempts=3, retry_on=(Exception,))`", id="a-signature"),
        pytest.param("##### Five\n###### Six", "###### Five\n###### Six", id="an-h6-stays-an-h6"),
        pytest.param("   ## Indented", "   ### Indented", id="up-to-three-spaces"),
        pytest.param("    # code", "    # code", id="four-spaces-are-code"),
        pytest.param("#hashtag and a # in prose", "#hashtag and a # in prose", id="not-headings"),
        pytest.param("Text\n#\nmore", "Text\n##\nmore", id="an-empty-heading"),
    ],
)
def test_headings_go_one_level_deeper(prose, expected):
    assert subordinate(prose) == expected


def show_instructions(markdown: str) -> AppTest:
    def script(markdown: str) -> None:
        from ui.instructions import show

        show(markdown)

    at = AppTest.from_function(script, args=(markdown,), default_timeout=30)
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_instructions_headings_come_under_the_pages_title():
    """"Examples" was an h2 beside the exercise's h1, both as big as the page's title; a signature
    heading wrapped over three lines in large code type."""
    at = show_instructions("# Retry flaky calls\n\nCall it again.\n\n### `call_with_retry(func, attempts=3)`\n\n"
                           "## Examples\n\n```python\ncall_with_retry(f)  # 1\n```\n\n## Details\n\nMore.")
    assert [m.value for m in at.markdown] == [
        "## Retry flaky calls\n\nCall it again.\n\n#### `call_with_retry(func, attempts=3)`\n\n### Examples",
        "### Details\n\nMore."]
    assert [c.value for c in at.code] == ["call_with_retry(f)  # 1"], "code keeps its comments, headings or not"
    [block] = [b for b in at.main.children.values() if b.proto.id.endswith(f"-{KEY}")]  # st.container(key=KEY)
    assert len(block.markdown) == 2 and len(block.code) == 1, "all inside the container the style names"
    assert STYLE in [h.proto.body for h in at.get("html")], "the smaller headings' style is on the page"

