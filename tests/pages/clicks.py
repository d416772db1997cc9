"""Find and click buttons by their label in an AppTest, failing with what was there instead."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest


def button(at: AppTest, label: str) -> Any:
    matches = [b for b in at.button if b.label == label]
    assert len(matches) == 1, f"expected one {label!r} button, found {[b.label for b in at.button]}"
    return matches[0]


def click(at: AppTest, label: str) -> AppTest:
    button(at, label).click()
    at.run()
    assert not at.exception, at.exception
    return at
