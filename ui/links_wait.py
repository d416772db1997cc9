"""A page link clicked while a text box has the focus waits until the box's text has gone.

Leaving a text box sends its text: the press on the link takes the focus away, and Streamlit sends
the text a moment after the link's request for the other page. The text's message names the page it
was typed on, and the server takes the latest request's page: the learner stayed where they were,
in about two tries of three, and the code editor, drawn again from scratch, showed the code it had
first been given rather than the code typed since (which the page held, and graded). So a click on a
link that takes the focus from a text box (an input, a text area, the code editor's frame) is held
back for ``WAIT_MS`` and then made again: the text goes first, and the link's page is the latest.
The code editor also sends its text 250 ms after the last key, whatever else it sent: a link pressed
sooner waits for that too (``ui.code_box`` notes when the editor's last key was).
"""

from __future__ import annotations

from ui import page_script
from ui.code_box import TEXT_SENT_MS

WAIT_MS = 250  # Streamlit sent the text about 20 ms after the link's request on an idle machine: a margin for a busy one

LINKS = '[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a'
SCRIPT = """(() => {
  if (window.workbenchLinksWait) return;
  window.workbenchLinksWait = true;
  const TYPED_IN = ['INPUT', 'TEXTAREA', 'IFRAME'];  // an iframe holding the focus: the code editor
  let held = null, wait = 0;  // the link pressed while a text box had the focus, and how long it waits
  const link = event => event.target.closest ? event.target.closest(LINKS) : null;
  document.addEventListener('pointerdown', event => {
    const active = document.activeElement;
    held = link(event) && active && (TYPED_IN.includes(active.tagName) || active.isContentEditable) ? link(event) : null;
    const ace = held && active.tagName === 'IFRAME' && active.contentDocument
      ? active.contentDocument.querySelector('.ace_editor') : null;
    const lastKeyAt = (ace && ace.env && ace.env.editor && ace.env.editor.lastKeyAt) || 0;
    wait = Math.max(WAIT_MS, lastKeyAt + TEXT_SENT_MS - Date.now());
  }, true);
  document.addEventListener('click', event => {
    if (!held || link(event) !== held) return;  // (the click made again below has no press before it)
    const again = held;
    held = null;
    event.preventDefault();
    event.stopImmediatePropagation();
    setTimeout(() => again.click(), wait);
  }, true);
})();""".replace("LINKS", repr(LINKS)).replace("WAIT_MS", str(WAIT_MS)).replace(
    "TEXT_SENT_MS", str(TEXT_SENT_MS))


def wait_for_the_text() -> None:
    """On every run (``app.py``): links wait for the text of the box they take the focus from."""
    page_script.run(SCRIPT)
