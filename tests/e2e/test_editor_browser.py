"""The code editor in a real browser: what a click grades is what the learner typed.

The editor sends its text to the server 250 ms after the last key; a click on Run tests or Submit
made sooner than that must still act on the code typed, as the learner sees it on the screen.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Locator, Page, expect

from e2e.test_browser import (
    EDITOR,
    LEAVING_ASKS,
    REFERENCE,
    TITLE,
    choose_exercise,
    expect_idle,
    expect_page,
    go_to,
    in_plain_editor,
    onboard,
    register,
)
from ui import aria
from ui.instructions import KEY as INSTRUCTIONS

pytestmark = pytest.mark.e2e

WRONG = "def digit_sum(n):\n    return 0  # wrong\n"  # passes one test of seven: only 0 sums to 0
GRADED = re.compile(r"^Graded in \d+ ms\.$")


def test_a_click_at_once_after_typing_grades_the_code_typed(page: Page, app_url: str) -> None:
    """Type, then click with no pause: the click's run used to be over before the editor's text arrived,
    and graded the code from before the last keys. Right and wrong code in turn, so that a grading of the
    code before (a new "Graded in" line, the result unchanged) tells itself apart from the result wanted.
    Clicked at once, and then pressed and released as a person does (the run then does not wait for the
    text: the editor sent it as it lost focus, on the press).

    Streamlit itself may drop a click whose message the editor's text overtakes on a busy machine: the
    learner sees nothing happen and clicks again, as this test then does. Nothing wrong is ever shown."""
    page.goto(app_url)
    register(page, "e2e-quick", "Grace Hopper")
    onboard(page)
    choose_exercise(page, TITLE)
    editor = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor .ace_content")
    graded = page.get_by_text(GRADED)
    for n in range(6):
        right = n % 2 == 0
        before = graded.inner_text() if graded.count() else None
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(REFERENCE if right else WRONG)
        run = page.get_by_role("button", name="Run tests")
        if n < 3:
            run.click()
        else:  # as a person clicks: the editor loses focus on the press, and sends its text before the release
            box = run.bounding_box()
            assert box is not None
            page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
            page.mouse.down()
            page.wait_for_timeout(80)
            page.mouse.up()
        wanted = page.get_by_text("All 7 tests pass." if right else "1 of 7 tests pass.")
        try:
            expect(wanted).to_be_visible(timeout=5_000)
        except AssertionError:
            expect_idle(page)
            assert (graded.inner_text() if graded.count() else None) == before, f"round {n}: graded the code before"
            run.click()  # the click was dropped: once more, as the learner would
            expect(wanted, f"round {n}").to_be_visible()
        expect_idle(page)
        expect(wanted, f"round {n}, once every run has ended").to_be_visible()
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(REFERENCE)
    submit = page.get_by_role("button", name="Submit")
    submit.click()
    passed = page.get_by_text("All 7 tests pass. Submitted: well done!")
    try:
        expect(passed).to_be_visible(timeout=5_000)
    except AssertionError:
        expect_idle(page)
        expect(page.get_by_text("Your attempt is recorded.")).to_have_count(0)  # the wrong code was not submitted
        submit.click()  # the click was dropped: once more
        expect(passed).to_be_visible()


def test_ctrl_enter_at_once_after_typing_runs_the_code_typed(page: Page, app_url: str) -> None:
    """Type, then Ctrl+Enter with no pause: the editor's own "run" and its text are one value on the server,
    and the text, sent 250 ms after the last key, used to replace the run before the page read it; nothing
    ran (on a busy machine, where the page took longer than that to read it). Right and wrong code in turn, so
    that each round's result is its own. Nothing here presses again. The order in which the editor sends its
    values is watched too: the run must come after the text, or a slower machine would lose it."""
    page.goto(app_url)
    register(page, "e2e-ctrl-enter", "Ada Enter")
    onboard(page)
    choose_exercise(page, TITLE)
    editor = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor .ace_content")
    expect(editor).to_contain_text("raise NotImplementedError")
    expect_idle(page)
    # the page teaches each editor within 50 ms of its appearing: this one has been
    page.wait_for_function("""() => [...document.querySelectorAll('iframe[title="code_editor.code_editor"]')].some(f =>
        [...(f.contentDocument ? f.contentDocument.querySelectorAll(".ace_editor") : [])].some(n =>
            n.env && n.env.editor && n.env.editor.commands.commands.submit.waitsForText))""")
    page.evaluate("""() => { window.editorSent = [];
        window.addEventListener("message", e => {
            if (e.data && e.data.type === "streamlit:setComponentValue" && e.data.value && e.data.value.type)
                window.editorSent.push(e.data.value.type);
        }); }""")
    for n in range(4):
        right = n % 2 == 0
        editor.click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(REFERENCE if right else WRONG)
        page.keyboard.press("Control+Enter")
        expect(page.get_by_text("All 7 tests pass." if right else "1 of 7 tests pass."), f"round {n}").to_be_visible()
        expect_idle(page)
        page.wait_for_timeout(400)  # longer than the editor waits to send its text
        sent = page.evaluate("window.editorSent.splice(0)")
        assert sent[-1:] == ["submit"] and "change" in sent, f"round {n}: the editor sent {sent}"


def test_the_keyboard_leaves_the_code_editor_with_escape_and_tab(page: Page, app_url: str) -> None:
    """Tab indents inside the code editor; Escape, then Tab, moves on to Run tests, so that a learner on the
    keyboard alone is not trapped in it. A screen reader hears the box named like the plain editor's. A hint
    shown from the keyboard keeps the focus on the hint button. A button that goes once pressed (Cancel,
    Open) leaves the focus where the learner was, not at the top of the page."""
    page.goto(app_url)
    register(page, "e2e-keys", "Ada Keys")
    onboard(page)
    choose_exercise(page, TITLE)
    frame = page.frame_locator(f"{EDITOR}:visible")
    frame.locator(".ace_editor .ace_content").click()
    expect(frame.get_by_role("textbox", name=re.compile("^Your code"))).to_be_focused()
    page.keyboard.press("Control+End")
    page.keyboard.press("Tab")  # indents: the focus stays
    expect(frame.get_by_role("textbox", name=re.compile("^Your code"))).to_be_focused()
    page.keyboard.press("Escape")
    page.keyboard.press("Tab")
    run = page.get_by_role("button", name="Run tests")
    expect(run).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.get_by_text(GRADED)).to_be_visible()
    expect_idle(page)

    # Enter on "Show a hint" leaves the focus on it, for the next hint (it fell to the top of the page)
    page.get_by_role("button", name="Show a hint (1 of 3)").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Show a hint (2 of 3)")).to_be_focused()
    expect_idle(page)

    reset = page.get_by_role("button", name="Reset")
    reset.focus()
    page.keyboard.press("Enter")  # the code has a Tab more than the starter: asks first
    page.get_by_role("button", name="Cancel").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Cancel")).to_have_count(0)
    expect(reset).to_be_focused()
    expect_idle(page)

    other = page.get_by_role("button", name=re.compile(r"^Open \d+\. ")).and_(page.locator(":enabled")).first
    title = re.sub(r"^Open \d+\. ", "", other.get_attribute("aria-label"))
    other.focus()
    page.keyboard.press("Enter")  # disabled once open: the focus goes on to the exercise's title
    heading = page.get_by_role("heading", name=title, exact=True)
    expect(heading).to_be_focused()
    # the links beside the headings are not Tab stops: Tab from the title goes on to what follows it
    anchors = page.get_by_role("link", name="Link to heading")
    expect(anchors.first).to_have_attribute("tabindex", "-1")
    expect(page.locator('[data-testid="stHeaderActionElements"] a:not([tabindex="-1"])')).to_have_count(0)
    # today's set says each exercise's state in words: its icon is not read out as "radio_button_unchecked icon"
    expect(page.get_by_role("img", name=re.compile(r" icon$"))).to_have_count(0)
    expect(page.get_by_text("to do").first).to_be_visible()

    page.reload()  # a fresh load draws the buttons after the script that names them: named all the same
    expect(page.get_by_role("button", name=re.compile(r"^Open \d+\. ")).first).to_be_visible()


def test_a_page_link_pressed_after_typing_opens_its_page_and_the_code_typed_stays(page: Page, app_url: str) -> None:
    """Leaving a text box sends its text, a moment after a press on a page link has asked for the other page;
    the text's message named the page it was typed on, and the learner stayed there (two tries of three).
    The code editor, drawn again, then showed the code it was first given, not the code typed since. Now the
    link waits for the text: each press opens its page, and the code typed is there on coming back."""
    page.goto(app_url)
    register(page, "e2e-links", "Grace Hopper")
    onboard(page)
    choose_exercise(page, TITLE)
    sidebar = page.get_by_test_id("stSidebar")
    for n, pause_ms in enumerate([0, 0, 300, 1500]):  # at once (the editor's own 250 ms wait not over yet), and after
        page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor .ace_content").click()
        page.keyboard.press("Control+A")
        page.keyboard.insert_text(f"# draft {n}\n{REFERENCE}")
        page.wait_for_timeout(pause_ms)
        go_to(page, "History")
        go_to(page, "Practice")
        shown = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor")
        assert shown.evaluate("e => e.env.editor.getValue()").startswith(f"# draft {n}\n"), f"round {n}"
    sidebar.get_by_role("link", name="Profile").click()
    expect_page(page, "Profile")
    note = page.get_by_role("textbox", name="Your goal in your own words")
    note.fill("Pass the interview at the bakery's web team")
    page.wait_for_timeout(500)
    sidebar.get_by_role("link", name="History").click()
    expect_page(page, "History")


def test_a_submission_graded_while_the_learner_went_elsewhere_shows_on_coming_back(page: Page, app_url: str) -> None:
    """The page left while a submission was graded: the attempt was recorded, but its result was lost with
    the run that had recorded it, and Practice showed nothing on the learner's return."""
    page.goto(app_url)
    register(page, "e2e-away", "Grace Hopper")
    onboard(page)
    choose_exercise(page, TITLE)
    page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor .ace_content").click()
    page.keyboard.press("Control+A")
    page.keyboard.insert_text(f"import time\ntime.sleep(1.5)  # a slow start: time to leave the page\n{REFERENCE}")
    page.wait_for_timeout(400)  # the editor's text sent
    page.get_by_role("button", name="Submit").click()
    expect(page.get_by_text("Grading your submission…")).to_be_visible()
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_role("link", name="History").click()
    expect_page(page, "History")
    expect_idle(page)
    sidebar.get_by_role("link", name="Practice").click()
    expect_page(page, "Practice")
    expect(page.get_by_text("All 7 tests pass. Submitted: well done!")).to_be_visible()
    expect_idle(page)
    expect(page.get_by_text("Grading your submission…")).to_have_count(0)


def test_code_typed_just_before_open_stays_with_its_exercise(page: Page, app_url: str) -> None:
    """Type, then press Open on another exercise of today's set, at once and 150 ms later: the editor's text,
    sent as it lost focus on the press, came with the click, whose run opened the other exercise and had no
    editor of the first one left to read it; the code typed was gone on coming back to it. It stays there now,
    and only there. The click waits until the editor has sent its text 250 ms after the last key: sent after
    the click, that text named the exercise still open in the browser, and the click's run gave way to it, the
    exercise staying open (a click lost now and then)."""
    page.goto(app_url)
    register(page, "e2e-open", "Grace Hopper")
    onboard(page)
    opens = page.get_by_role("button", name=re.compile(r"^Open \d+\. "))
    expect(opens.first).to_be_visible()
    names = [button.get_attribute("aria-label") for button in opens.all()]
    typed_in, other = (page.get_by_role("button", name=name, exact=True) for name in names[-2:])

    def open_it(button: Locator) -> Locator:
        """Open an exercise of today's set; its code editor."""
        button.click()
        expect(button).to_be_disabled()
        expect(page.locator(EDITOR)).to_have_count(1)  # the other exercise's editor goes when the run ends
        expect_idle(page)
        return page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor")

    editor = open_it(typed_in)
    page.evaluate("""() => { window.sent = [];  // what the editor sends, and the clicks as the page gets them
        window.addEventListener("message", e => {
            if (e.data && e.data.type === "streamlit:setComponentValue" && e.data.value && e.data.value.type)
                window.sent.push(e.data.value.type);
        });
        document.addEventListener("click", e => { if (e.target.closest("button")) window.sent.push("click"); }); }""")
    for n, pause_ms in enumerate([0, 150]):  # both before the editor's own 250 ms wait is over
        editor.locator(".ace_content").click()
        page.keyboard.press("Control+End")
        page.keyboard.insert_text(f"\n# typed {n}")
        page.evaluate("window.sent.splice(0)")
        page.wait_for_timeout(pause_ms)
        shown = open_it(other).evaluate("e => e.env.editor.getValue()")
        assert "# typed" not in shown, f"round {n}: the code typed went into the other exercise"
        sent = page.evaluate("window.sent.splice(0)")
        assert "change" in sent and sent.index("change") < sent.index("click"), f"round {n}: {sent}"
        editor = open_it(typed_in)
        code = editor.evaluate("e => e.env.editor.getValue()")
        assert code.endswith(f"\n# typed {n}"), f"round {n}, pressed {pause_ms} ms after typing: {code!r}"
    page.reload()  # a new visit: the code comes from the draft
    editor = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor")
    expect(editor).to_contain_text("# typed 1")
    expect(editor).to_contain_text("# typed 0")


def test_code_typed_just_before_one_more_exercise_stays_with_its_exercise(page: Page, app_url: str) -> None:
    """With today's set skipped through, One more exercise opens the new exercise, as Next does: pressed at once
    after typing, the code typed in the exercise it closed was lost. It stays there now."""
    page.goto(app_url)
    register(page, "e2e-more", "Grace Hopper")
    onboard(page)
    skip = page.get_by_role("button", name="Skip")
    while not page.get_by_text(re.compile(r"^You skipped every exercise of today's set")).is_visible():
        skip.click()
        expect_idle(page)
    title = page.locator(f"{aria.keyed(INSTRUCTIONS)} h2").inner_text()  # the open exercise's
    editor = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor")
    editor.locator(".ace_content").click()
    page.keyboard.press("Control+End")
    page.keyboard.insert_text("\n# typed before one more")
    page.get_by_role("button", name="One more exercise").click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_have_count(0)  # the new exercise is open
    expect_idle(page)
    choose_exercise(page, title)
    code = page.frame_locator(f"{EDITOR}:visible").locator(".ace_editor").evaluate("e => e.env.editor.getValue()")
    assert code.endswith("\n# typed before one more"), code


def test_a_reload_asks_first_while_the_plain_editor_holds_code_not_sent(page: Page, app_url: str) -> None:
    """Streamlit sends a text box's text when the box loses the focus: code typed in the plain text editor
    and reloaded at once was lost. Leaving now asks first while the box has the focus and changed text;
    once it is left, the code is saved, nothing asks, and a reload shows it."""
    area = in_plain_editor(page, app_url, "e2e-plain-reload", "Grace Hopper")
    expect_idle(page)
    assert not page.evaluate(LEAVING_ASKS), "nothing typed yet"
    area.click()
    page.keyboard.insert_text("# typed, not sent yet\n")
    page.wait_for_function(LEAVING_ASKS)
    area.press("Tab")  # leaving the box sends its text
    page.wait_for_function(f"!({LEAVING_ASKS})")
    expect_idle(page)
    page.reload()
    expect(page.get_by_role("textbox", name="Your code")).to_have_value(re.compile(r"# typed, not sent yet"))
