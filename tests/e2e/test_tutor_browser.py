"""The tutor in a real browser: a learner submits a failing solution, asks the tutor beside the
exercise for help, and gets a reply that names the failing test; then finds the conversation on
the Tutor page. Screenshot: test-artifacts/tutor.png."""

from __future__ import annotations

from pathlib import Path

import pytest
from llm_server import LLMServer, Reply
from playwright.sync_api import Locator, Page, expect

from e2e.conftest import ModelApp, serve
from e2e.test_browser import choose_exercise, expect_idle, expect_page, in_plain_editor, onboard, register
from ui.tutor_panel import PLACEHOLDER, STILL_WRITING, THINKING

pytestmark = pytest.mark.e2e

TITLE = "Digit sum"
WRONG = "def digit_sum(n):\n    return str(n)\n"


def test_ask_the_tutor_about_a_failing_submission(page: Page, app_url: str, artifacts: Path) -> None:
    code = in_plain_editor(page, app_url, "e2e-tutee", "Alan Turing")
    code.fill(WRONG)
    code.press("Control+Enter")
    expect_idle(page)
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("0 of 7 tests pass. Your attempt is recorded.")).to_be_visible()

    open_tutor_panel(page)
    box = page.get_by_placeholder(PLACEHOLDER)
    box.fill("My code fails and I don't understand why. Can you help?")
    box.press("Enter")
    reply = page.get_by_role("log").get_by_test_id("stChatMessage").nth(1)  # a log: a screen reader reads it out
    expect(reply).to_contain_text("three digits")  # the failing test, by name
    expect(reply).to_contain_text("digit_sum(123)")
    expect(reply).to_contain_text("a string (text), where the test wants a whole number")
    expect_idle(page)
    reply.scroll_into_view_if_needed()
    page.screenshot(path=artifacts / "tutor.png")

    # the conversation is kept, and can be resumed on the Tutor page; first the page's own rerun after
    # the hint the reply gave (a click on the sidebar during it was lost, now and then, under load)
    expect(page.get_by_role("button", name="Show a hint (2 of 3)")).to_be_visible()
    expect_idle(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    page.get_by_role("button", name="My code fails and I don't understand why. Can you help?").click()
    expect(page.get_by_test_id("stChatMessage")).to_have_count(2)
    expect(page.get_by_test_id("stChatMessage").nth(1)).to_contain_text("three digits")


def test_a_new_conversation_on_the_tutor_page(page: Page, app_url: str) -> None:
    """The first message opens the conversation in place: its header and its line in the list come
    with the reply, in the same run of the page, and a rename shows in the list at once."""
    page.goto(app_url)
    register(page, "e2e-asker", "Grace Hopper")
    onboard(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    expect(page.get_by_text("None yet: the conversations you start are listed here")).to_be_visible()
    box = page.get_by_placeholder(PLACEHOLDER)
    box.fill("explain recursion")
    box.press("Enter")
    expect(page.get_by_role("log").get_by_test_id("stChatMessage")).to_have_count(2)  # read out as it comes
    expect(page.get_by_text("Open now")).to_be_visible()
    expect(page.get_by_role("combobox", name="About an exercise")).to_have_count(0)
    expect_idle(page)
    page.get_by_role("button", name="Rename or delete").click()
    name = page.get_by_role("textbox", name="Name", exact=True)
    expect(name).to_be_focused()  # the popover's field, not the rest of the page, comes first
    name.fill("Recursion")
    name.press("Enter")  # the value is sent; then the button
    expect_idle(page)
    page.get_by_role("button", name="Rename", exact=True).click()
    expect_idle(page)
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("stHorizontalBlock").get_by_text("Recursion", exact=True)).to_be_visible()  # the list
    expect(page.get_by_test_id("stChatMessage")).to_have_count(2)


def test_a_slow_model_shows_the_tutor_thinking_and_a_reply_left_waiting_is_kept(page: Page, tmp_path: Path) -> None:
    """The model answers slower than the timeout: the bubble says the tutor is thinking (it stood empty), and
    a learner who goes to another page meanwhile finds the offline tutor's reply on coming back (the question
    had no reply, for good)."""
    with LLMServer() as model, serve(tmp_path, WORKBENCH_LLM_PROVIDER="openai-compatible", WORKBENCH_LLM_MODEL="scripted",
                                     WORKBENCH_LLM_BASE_URL=model.base_url, WORKBENCH_LLM_TIMEOUT_S="4") as url:
        model.script(Reply("Too late?", delay_s=12))
        ask_and_leave(page, url, "e2e-waiter")  # at once: the page left keeps waiting for the model in its own thread
        expect_idle(page)
        # back once the server is done with the question: the tutor gave up on it 8 s before, after its timeout
        assert model.wait_done()
        page.get_by_test_id("stSidebar").get_by_role("link", name="Tutor").click()
        expect_page(page, "Tutor")  # the conversation still open
        messages = page.get_by_test_id("stChatMessage")
        expect(messages).to_have_count(2)
        expect(messages.nth(1)).to_contain_text("The AI tutor took too long to answer.")
        expect(messages.nth(1)).to_contain_text("offline tutor's answer instead")


def open_tutor_panel(page: Page) -> None:
    """Open the tutor beside the exercise."""
    page.get_by_text("Ask the tutor", exact=True).click()
    expect(page.get_by_placeholder(PLACEHOLDER)).to_be_visible()


def ask_and_wait(box: Locator, reply: Locator, question: str) -> None:
    """Send ``question`` to a model that thinks, then writes slowly: the box to write in is disabled while
    the tutor thinks, and while its words come, and takes the focus again once the reply is complete."""
    box.fill(question)
    box.press("Enter")
    expect(reply.get_by_text(THINKING)).to_be_visible()
    expect(box).to_be_disabled()
    expect(reply).to_contain_text("Recursion is")
    expect(box).to_be_disabled()
    expect(reply).to_contain_text("What is the smallest one here?")
    expect(box).to_be_enabled()
    expect(box).to_be_focused()
    expect(reply).not_to_contain_text("The reply stopped here")


def test_the_box_to_write_in_waits_while_a_models_reply_is_written(page: Page, model_tutor: ModelApp) -> None:
    """A question sent while a model's reply was still coming stopped that reply, kept cut short: the box is
    disabled from the moment a question is sent until the reply is complete, beside the exercise and on the
    Tutor page."""
    slowly = Reply("Recursion is a function calling itself on a smaller problem, until the problem is so small "
                   "that the answer is plain. What is the smallest one here?", thinking_s=1.5, pause_s=0.3)
    model, url = model_tutor
    model.script(slowly, slowly)
    page.goto(url)
    register(page, "e2e-patient", "Ada Lovelace")
    onboard(page)
    choose_exercise(page, TITLE)
    open_tutor_panel(page)
    panel = page.get_by_role("log")
    ask_and_wait(page.get_by_placeholder(PLACEHOLDER), panel.get_by_test_id("stChatMessage").nth(1),
                 "explain recursion")
    expect(panel.get_by_test_id("stChatMessage")).to_have_count(2)

    expect_idle(page)
    page.get_by_test_id("stSidebar").get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    ask_and_wait(page.get_by_placeholder(PLACEHOLDER), page.get_by_test_id("stChatMessage").nth(1),
                 "what is recursion?")
    expect(page.get_by_test_id("stChatMessage")).to_have_count(2)


def test_a_reply_still_written_when_the_learner_comes_back_shows_as_it_goes_on(page: Page, model_tutor: ModelApp) -> None:
    """A learner who leaves during a slow model's first words and comes back while it writes: the reply
    goes on to its end all the same. The conversation shows it as far as it went, says the tutor is still
    writing, the box waits, and the whole reply shows once it is saved, with no action of the learner's (the
    question stood alone until the page ran again; then only "still writing" showed, without the words)."""
    first, rest = "Recursion is a function calling itself.", "Each call works on a smaller problem than the last."
    model, url = model_tutor
    model.script(Reply(f"{first}\n\n{rest * 3}", thinking_s=4, pause_s=0.4, chunk_chars=8))
    ask_and_leave(page, url, "e2e-returner")
    page.get_by_test_id("stSidebar").get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    box, messages = page.get_by_placeholder(PLACEHOLDER), page.get_by_test_id("stChatMessage")
    expect(messages.nth(1)).to_contain_text(STILL_WRITING)
    expect(box).to_be_disabled()
    expect(messages.nth(1)).to_contain_text(first)  # as it goes on, about a second behind
    expect(messages.nth(1)).to_contain_text(STILL_WRITING)
    assert model.wait_done()
    # whole: the reply goes on in a thread of its own when the page's run is stopped (it was cut short there)
    expect(messages.nth(1)).to_contain_text(rest * 3)
    expect(messages.nth(1)).not_to_contain_text(STILL_WRITING)
    expect(messages.nth(1)).not_to_contain_text("The reply stopped here")
    expect(messages).to_have_count(2)
    expect(box).to_be_enabled()


def ask_and_leave(page: Page, url: str, username: str) -> None:
    """A new learner asks the tutor on the Tutor page and, while it thinks, goes to Progress."""
    page.goto(url)
    register(page, username, "Ada Lovelace")
    onboard(page)
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    box = page.get_by_placeholder(PLACEHOLDER)
    box.fill("explain recursion")
    box.press("Enter")
    expect(page.get_by_test_id("stChatMessage").nth(1).get_by_text(THINKING)).to_be_visible()
    sidebar.get_by_role("link", name="Progress").click()
    expect_page(page, "Progress")


def test_a_reply_goes_on_to_its_end_when_the_page_runs_again_meanwhile(page: Page, model_tutor: ModelApp) -> None:
    """Run tests pressed while a model's reply is coming beside the exercise: the page runs again, which stopped
    the reply where it was, cut short. It goes on to its end, and shows whole once it is saved."""
    slowly = Reply("Recursion is a function calling itself on a smaller problem, until the problem is so small "
                   "that the answer is plain. What is the smallest one here?", thinking_s=1.0, pause_s=0.4)
    model, url = model_tutor
    model.script(slowly)
    page.goto(url)
    register(page, "e2e-busy", "Ada Lovelace")
    onboard(page)
    choose_exercise(page, TITLE)
    reply = page.get_by_role("log").get_by_test_id("stChatMessage").nth(1)
    box = page.get_by_placeholder(PLACEHOLDER)
    open_tutor_panel(page)
    box.fill("explain recursion")
    box.press("Enter")
    expect(reply).to_contain_text("Recursion is")
    page.get_by_role("button", name="Run tests").click()  # while the reply is still coming
    expect(page.get_by_text("tests pass")).to_be_visible()
    assert model.wait_done()
    expect(box).to_be_visible()  # still open: the run's result above it did not close it
    expect(reply).to_contain_text("What is the smallest one here?")
    expect(reply).not_to_contain_text("The reply stopped here")
    expect(box).to_be_enabled()
