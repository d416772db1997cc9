"""Where the keyboard's focus goes after a click that changes the page, in a real browser: on the
interview, the Profile's level, the Tutor's list of conversations and Memory. Before, each of these
clicks redrew or removed the button pressed, and the focus fell to the top of the page: a keyboard or
screen reader user had to find their way back."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from e2e.test_browser import expect_idle, expect_page, onboard, register
from ui.tutor_panel import PLACEHOLDER

pytestmark = pytest.mark.e2e

TUTOR_INPUT = ".st-key-tutor_input textarea"


def press(page: Page, button) -> None:
    """Press a button as a keyboard user does: focus it, then Enter."""
    button.focus()
    page.keyboard.press("Enter")


def ask(page: Page, question: str) -> None:
    box = page.get_by_placeholder(PLACEHOLDER)
    box.fill(question)
    box.press("Enter")
    expect(page.get_by_role("log").get_by_test_id("stChatMessage")).to_have_count(2)
    expect_idle(page)


def test_the_focus_stays_where_the_learner_was(page: Page, app_url: str) -> None:
    page.goto(app_url)
    register(page, "e2e-keyboard", "Ada Keys")
    onboard(page, back_once=True)  # Back to the first step, and Next to the last: the focus on the step's title
    sidebar = page.get_by_test_id("stSidebar")

    # the Profile's level: the line above the buttons comes with the steering, and the button keeps the focus
    sidebar.get_by_role("link", name="Profile").click()
    expect_page(page, "Profile")
    expect_idle(page)
    harder = page.get_by_role("button", name="Harder")
    press(page, harder)
    expect(page.get_by_text("You asked for exercises 1 level harder than your results suggest.")).to_be_visible()
    expect(harder).to_be_focused()
    expect_idle(page)
    press(page, page.get_by_role("button", name="Back to automatic"))  # disabled now: the level takes the focus
    expect(page.get_by_text("You asked for exercises")).to_have_count(0)
    expect(page.get_by_role("button", name="Back to automatic")).to_be_disabled()
    expect(page.locator(".st-key-level_now")).to_be_focused()
    expect_idle(page)

    # the Tutor: a conversation chosen in the list is open with the focus in the box to write in
    sidebar.get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    ask(page, "explain recursion")
    press(page, page.get_by_role("button", name="New conversation"))
    expect(page.get_by_role("log").get_by_test_id("stChatMessage")).to_have_count(0)
    expect(page.locator(TUTOR_INPUT)).to_be_focused()
    expect_idle(page)
    about = page.get_by_role("combobox", name="About an exercise")  # a note unlike the first one's
    about.click()
    page.get_by_role("option", name="Digit sum", exact=True).click()
    expect_idle(page)
    ask(page, "explain loops")
    # the list gains the new conversation in a run of its own, after the reply: a key pressed while
    # that run redraws the list can meet a button about to be replaced
    expect(page.locator(".st-key-conversation_list").get_by_text("explain loops")).to_be_visible()
    expect_idle(page)
    press(page, page.get_by_role("button", name="explain recursion"))
    expect(page.get_by_role("log").get_by_test_id("stChatMessage").nth(0)).to_contain_text("explain recursion")
    expect(page.locator(TUTOR_INPUT)).to_be_focused()
    expect_idle(page)

    # Memory: each Delete says which note it deletes, and the focus goes to the next row's
    sidebar.get_by_role("link", name="Memory").click()
    expect_page(page, "Memory")
    deletes = page.get_by_role("button", name=re.compile(r"^Delete: "))
    expect(deletes).to_have_count(3)  # the two conversations and the goals
    names = [deletes.nth(i).get_attribute("aria-label") for i in range(3)]
    assert len(set(names)) == 3 and any(n.startswith("Delete: Goal, ") for n in names), names
    press(page, page.get_by_role("button", name=names[0]))
    expect(page.get_by_text("Deleted.")).to_be_visible()
    expect(deletes).to_have_count(2)
    expect(page.get_by_role("button", name=names[1])).to_be_focused()
    expect_idle(page)
    press(page, page.get_by_role("button", name=names[2]))  # the last row: the row above takes the focus
    expect(deletes).to_have_count(1)
    expect(page.get_by_role("button", name=names[1])).to_be_focused()
    expect_idle(page)

    press(page, page.get_by_role("button", name="Delete everything…"))  # the question: the safe answer first
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    expect_idle(page)
    press(page, page.get_by_role("button", name="Cancel"))
    expect(page.get_by_role("button", name="Delete everything…")).to_be_focused()


def test_a_phones_sidebar_behaves_as_a_drawer(page: Page, app_url: str) -> None:
    """Closed, its links are no Tab stops; open, it holds the focus; Escape or a page chosen closes it."""
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(app_url)
    register(page, "e2e-drawer", "Dee Rawer")
    onboard(page)
    expect_idle(page)
    sidebar = page.get_by_test_id("stSidebar")
    expect(sidebar).not_to_be_in_viewport()
    for _ in range(25):  # the page's Tab stops, around: none of them in the closed sidebar
        page.keyboard.press("Tab")
        assert not page.evaluate("() => !!document.activeElement.closest('[data-testid=\"stSidebar\"]')")

    opener = page.get_by_test_id("stExpandSidebarButton")
    press(page, opener)
    expect(sidebar.get_by_role("button", name="Collapse sidebar")).to_be_focused()
    page.keyboard.press("Escape")
    expect(sidebar).not_to_be_in_viewport()
    expect(opener).to_be_focused()

    press(page, opener)
    expect(sidebar).to_be_in_viewport()
    sidebar.get_by_role("link", name="Progress").click()
    expect_page(page, "Progress")
    expect(sidebar).not_to_be_in_viewport()  # the page chosen shows, not the sidebar over it


def test_the_focus_follows_a_button_that_goes(page: Page, app_url: str) -> None:
    """Buttons that go with the click they take: the last hint's, the Tutor's delete and its question, and
    the browser's time zone. The focus fell to the top of the page after each, and a screen reader heard
    nothing of the hint shown or the question asked."""
    page.goto(app_url)
    register(page, "e2e-goes", "Ada Keys")
    onboard(page)
    sidebar = page.get_by_test_id("stSidebar")

    # Practice: the last hint's button goes, and the focus goes to that hint
    for n in (1, 2):
        hint = page.get_by_role("button", name=f"Show a hint ({n} of 3)")
        press(page, hint)
        expect(page.get_by_role("button", name=f"Show a hint ({n + 1} of 3)")).to_be_focused()
        expect_idle(page)
    press(page, page.get_by_role("button", name="Show a hint (3 of 3)"))
    expect(page.get_by_text("That was the last hint.")).to_be_visible()
    expect(page.locator(".st-key-hint-2")).to_be_focused()
    expect_idle(page)

    # the Tutor: the question before deleting, its Cancel, and Yes
    sidebar.get_by_role("link", name="Tutor").click()
    expect_page(page, "Tutor")
    ask(page, "explain recursion")
    press(page, page.get_by_role("button", name="Rename or delete"))
    asking = page.get_by_role("button", name="Delete this conversation…")
    press(page, asking)
    expect(page.get_by_role("button", name="Cancel")).to_be_focused()
    expect_idle(page)
    press(page, page.get_by_role("button", name="Cancel"))
    expect(asking).to_be_focused()
    expect_idle(page)
    press(page, asking)
    expect_idle(page)
    press(page, page.get_by_role("button", name="Yes, delete it"))
    expect(page.get_by_text("None yet: the conversations you start are listed here")).to_be_visible()
    expect(page.locator(TUTOR_INPUT)).to_be_focused()
    expect_idle(page)

    # the Profile: another zone than the browser's, then the browser's again by its button, which goes
    sidebar.get_by_role("link", name="Profile").click()
    expect_page(page, "Profile")
    zone = page.get_by_role("combobox", name="Your time zone")
    zone.click()
    zone.fill("Asia/Tokyo")
    page.get_by_role("option", name="Asia/Tokyo", exact=True).click()
    expect_idle(page)
    back = page.get_by_role("button", name=re.compile(r"^Use this browser's time zone"))
    press(page, back)
    expect(back).to_have_count(0)
    expect(page.locator(".st-key-profile-time_zone input")).to_be_focused()
