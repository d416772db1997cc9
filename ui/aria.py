"""What the page tells a screen reader (or a phone's keyboard) that Streamlit's elements do not.

Streamlit gives its elements no way to set such attributes, so a small script
(``ui.page_script``) sets them on the elements already drawn: call these after them. A script
runs once per distinct text; it names what it sets, so a new element gets it run again.
"""

from __future__ import annotations

import streamlit as st

from ui import page_script


def set_attributes(selector: str, attributes: dict[str, str]) -> None:
    """Set ``attributes`` on every element the CSS ``selector`` finds on the page."""
    set_all({selector: attributes})


def set_all(attributes: dict[str, dict[str, str]]) -> None:
    """Set attributes on the elements of several selectors: ``{selector: {name: value}}``, in one script.
    Again as elements arrive, for a few seconds: on a fresh page load the script ran before the elements
    it names were drawn, and found none."""
    page_script.run(f"(() => {{ const set = () => Object.entries({page_script.literal(attributes)}).forEach("
                    "([selector, attributes]) => document.querySelectorAll(selector).forEach(element => "
                    "Object.entries(attributes).forEach(([name, value]) => element.setAttribute(name, value)))); set(); "
                    "const watcher = new MutationObserver(set); "
                    "watcher.observe(document.body, {childList: true, subtree: true}); "
                    "setTimeout(() => watcher.disconnect(), 5000) })()")  # a function: its names are its own


def keyed(key: str) -> str:
    """The CSS selector of the element (or container) drawn with ``key``, as Streamlit names its class."""
    return ".st-key-" + "".join(c if c.isascii() and (c.isalnum() or c in "_-") else "-" for c in key.strip())


def name_buttons(names: dict[str, str]) -> None:
    """Name each keyed button for a screen reader: ``{key: name}``. For a row of buttons whose label
    alone ("Open") does not say which row they act on."""
    set_all({f"{keyed(key)} button": {"aria-label": name} for key, name in names.items()})


def announce_additions(key: str) -> None:
    """Make the container drawn with ``key`` a log: what is added to it (a tutor's reply) is read out.
    Call it first in the container: an empty container is not on the page for the script to find."""
    set_attributes(keyed(key), {"role": "log", "aria-live": "polite", "aria-relevant": "additions"})


FOCUS = "aria_focus"  # where the focus goes once the page is drawn: (CSS selector or None, how many asked so far)


def focus_after_run(selector: str) -> None:
    """From a callback: once the page is drawn, move the keyboard's focus to the element ``selector`` finds.
    For a click whose button goes away (Cancel, Next): the focus fell to the top of the page, and a keyboard
    or screen reader user had to find their way back."""
    _, count = st.session_state.get(FOCUS, (None, 0))
    st.session_state[FOCUS] = (selector, count + 1)


def move_focus() -> None:
    """Last on a page: the focus a callback of this run asked for. An element that cannot take the focus
    (a heading) is made to take it from a script, not from Tab. The page stays where it is, unless the
    element is off the screen, even in part (Reset, after the results below it went and the page shrank):
    it is then brought to the middle."""
    selector, count = st.session_state.get(FOCUS, (None, 0))
    if selector is None:
        return
    st.session_state[FOCUS] = (None, count)
    page_script.run(f"/* {count} */ (() => {{ const target = document.querySelector({page_script.literal(selector)}); "
                    "if (!target) return; if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) "
                    "target.setAttribute('tabindex', '-1'); target.focus({preventScroll: true}); "
                    "const box = target.getBoundingClientRect(); "
                    "if (box.top < 0 || box.bottom > window.innerHeight) target.scrollIntoView({block: 'center'}) })()")


# an icon in a line of text (":material/skip_next: skipped"), which Streamlit gives a screen reader as an
# image named "skip_next icon": the words beside it say what it shows
TEXT_ICONS = '[data-testid="stMarkdownContainer"] [role="img"][aria-label$=" icon"]:not([aria-hidden])'

# Each fix, as a script run on every element its selector finds, now and as the page changes.
PAGE_FIXES = {
    # out of the Tab order; the links stay for the mouse
    '[data-testid="stHeaderActionElements"] a:not([tabindex])': "element.setAttribute('tabindex', '-1')",
    TEXT_ICONS: "element.setAttribute('aria-hidden', 'true')",
    # the bar is named "progress" and its text is a paragraph of its own: named by its text instead, which
    # the bar now says, and the paragraph quiet, so that the text is read once, with the bar
    '[data-testid="stProgress"]': "const bar = element.querySelector('[role=\"progressbar\"]'); "
                                  "const text = element.querySelector('[data-testid=\"stMarkdownContainer\"]'); "
                                  "if (bar && text && bar.getAttribute('aria-label') !== text.textContent) { "
                                  "bar.setAttribute('aria-label', text.textContent); text.setAttribute('aria-hidden', 'true') }",
}


def watch_the_page() -> None:
    """For the page's life, once per page load (a watcher mends what is drawn later):

    - the link beside each heading ("Link to heading") leaves the Tab order: a keyboard user tabbed
      through one per heading (eight on an exercise) on the way to its buttons;
    - an icon within text is hidden from a screen reader, which read out "skip_next icon" before each
      "skipped" of today's set;
    - a progress bar is named by its text: a screen reader announced "progress, 40%", not which progress."""
    fixes = "; ".join(f"document.querySelectorAll({page_script.literal(selector)}).forEach(element => {{ {fix} }})"
                      for selector, fix in PAGE_FIXES.items())
    page_script.run("if (!window.workbenchPageWatch) { window.workbenchPageWatch = true; "
                    f"const mend = () => {{ {fixes} }}; "
                    "mend(); new MutationObserver(mend).observe(document.body, {childList: true, subtree: true}) }")


# Streamlit shows a chart's toolbar (Show data, Download, Fullscreen) under the mouse only: a keyboard user
# tabbed through its buttons unseen, four to a chart. Shown while one of them has the focus, they are
# where the keyboard is, and Show data gives a screen reader the chart's numbers as a table.
FOCUSED_TOOLBARS = '<style>[data-testid="stElementToolbar"]:focus-within {opacity: 1}</style>'


def show_focused_toolbars() -> None:
    """On every run (``app.py``): an element's toolbar shows while the keyboard is in it."""
    st.html(FOCUSED_TOOLBARS)  # style alone takes no room


def popovers_take_the_focus() -> None:
    """For the page's life: a popover opened puts the focus on its first field (else its first button).
    Streamlit draws a popover's content at the end of the page, so Tab from its button went through the
    rest of the page (the conversation, the chat box) before reaching it."""
    page_script.run("if (!window.workbenchPopoverFocus) { window.workbenchPopoverFocus = true; "
                    "document.addEventListener('click', event => { "
                    "if (!event.target.closest('[data-testid=\"stPopoverButton\"]')) return; "
                    "[50, 200, 500].forEach(ms => setTimeout(() => { "
                    "const body = document.querySelector('[data-testid=\"stPopoverBody\"]'); "
                    "if (!body || body.contains(document.activeElement)) return; "
                    "const first = body.querySelector('input:not([disabled]), textarea:not([disabled]), select') "
                    "|| body.querySelector('button:not([disabled]), a[href]'); "
                    "if (first) first.focus() }, ms)) }, true) }")
