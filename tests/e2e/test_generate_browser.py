"""A new exercise written by a language model, in a real browser: the learner asks for one and goes on
typing in the code editor while the model writes; the exercise opens once it has passed every check."""

from __future__ import annotations

import re

import pytest
from generated_drafts import draft
from llm_server import Reply
from playwright.sync_api import Page, expect

from e2e.conftest import ModelApp
from e2e.test_browser import EDITOR, TITLE, choose_exercise, expect_idle, onboard, register

pytestmark = pytest.mark.e2e

NEW_TITLE = "Vowels in a word"


def test_typing_while_a_new_exercise_is_written_does_not_lose_it(page: Page, model_tutor: ModelApp) -> None:
    """The editor sends its text 250 ms after the last key, and that ran the page again: written in the page's
    run, the exercise was stopped with it, lost unseen. It is written in a thread of its own now."""
    model, url = model_tutor
    model.script(Reply(draft(title=NEW_TITLE), delay_s=2.0))
    page.goto(url)
    register(page, "e2e-author", "Ada Lovelace")
    onboard(page)
    choose_exercise(page, TITLE)
    page.get_by_text("New exercise", exact=True).click()
    page.get_by_role("button", name=re.compile(r"^New exercise on ")).click()
    expect(page.get_by_text(re.compile(r"^Writing a new exercise on "))).to_be_visible()
    page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor .ace_content").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n# typed while the model writes")
    expect(page.get_by_role("heading", name=NEW_TITLE, exact=True)).to_be_visible(timeout=60_000)
    expect(page.get_by_text(f"New exercise: {NEW_TITLE}")).to_be_visible()
    assert len(model.requests) == 1
    expect_idle(page)
    choose_exercise(page, TITLE)  # the code typed stayed with its exercise
    code = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor").evaluate("e => e.env.editor.getValue()")
    assert code.endswith("\n# typed while the model writes"), code
