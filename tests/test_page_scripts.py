"""The selectors and literals the page's own scripts are written with (ui.aria, ui.page_script)."""

from __future__ import annotations

import json

import pytest

from ui.aria import keyed
from ui.page_script import literal


@pytest.mark.parametrize(("key", "selector"), [
    ("reset", ".st-key-reset"),
    ("open:warmest-reading", ".st-key-open-warmest-reading"),  # as Streamlit names the class: [^a-zA-Z0-9_-] -> -
    ("panel_messages:a b", ".st-key-panel_messages-a-b"),
    (" tutor_messages ", ".st-key-tutor_messages"),  # trimmed first
    ("naïve", ".st-key-na-ve"),
])
def test_a_key_names_the_css_class_streamlit_gives_its_element(key, selector):
    assert keyed(key) == selector


def test_a_literal_cannot_end_the_script_it_is_written_in():
    title = 'Escape </script><script>alert("x")</script>'
    written = literal({"aria-label": title})
    assert "</" not in written and "<script" not in written
    assert json.loads(written) == {"aria-label": title}  # the same value, to JavaScript as to JSON
