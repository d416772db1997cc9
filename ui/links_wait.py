"""A page link clicked while a text box has the focus waits until the box's text has gone.

Leaving a text box sends its text: the press on the link takes the focus away, and Streamlit sends
the text a moment after the link's request for the other page. The text's message names the page it
was typed on, and the server takes the latest request's page: the learner stayed where they were,
in about two tries of three, and the code editor, drawn again from scratch, showed the code it had
first been given rather than the code typed since (which the page held, and graded). So a click on a
link that takes the focus from a text box whose text changed (a text input, a text area, a number input
out of a form, the code editor's frame: those Streamlit sends as they are left) is held back and then
made again: the text goes first, and the link's page is the latest.

Going first is not enough. The text starts a run, and a link's request names no widget of the page:
Streamlit stops a run that has not yet taken the text it came with when another request arrives, and
the text is lost (a query typed on the Data page, on a busy machine, while the page's first run was
still going). So the link waits at least ``WAIT_MS``, then until the run the text started has ended
(Streamlit marks the app with ``data-test-script-state``), at most ``CAP_MS``.

The code editor also sends its text 250 ms after the last key, whatever else it sent: a link pressed
sooner waits for that too (``ui.code_box`` notes when the editor's last key was).

The buttons that close the open exercise on the Practice page (Open in today's set, Next, Skip, One more
exercise) wait for
that text as well, when pressed from the code editor. Its text sent as it lost focus came with the click,
and its text sent 250 ms after the last key came after it, naming the exercise still open in the browser:
the click's run was stopped and the exercise stayed open. Only the editor's late text is waited for: a
button's click carries every widget's value, the text of the box it took the focus from among them.
"""

from __future__ import annotations

import re

from ui import page_script
from ui.code_box import TEXT_SENT_MS

WAIT_MS = 250  # at least: Streamlit sent the text about 20 ms after the link's request on an idle machine
STILL_MS = 100  # the page's run has ended for this long: a run the text started would have begun by then
CAP_MS = 3000  # at most: a text box whose text went before (Ctrl+Enter) starts no run to wait for

LINKS = '[data-testid="stSidebarNav"] a, [data-testid="stPageLink"] a'
# the buttons of pages/practice.py that open another exercise: keyed open:<exercise>, next, skip, and more
# (One more exercise, at the set and after the last result, which opens the new one when the open one is done)
CLOSES_THE_EXERCISE = ('[class*="st-key-open-"] button, .st-key-next button, .st-key-skip button, '
                       '[class*="st-key-more"] button')
SENT_ON_LEAVING = '[data-testid="stTextInput"], [data-testid="stTextArea"], [data-testid="stNumberInput"]'
SCRIPT = """(() => {
  if (window.workbenchLinksWait) return;
  window.workbenchLinksWait = true;
  const TYPED_IN = ['INPUT', 'TEXTAREA', 'IFRAME'];  // an iframe holding the focus: the code editor
  let held = null, wait = 0, pressedAt = 0;  // the link or button pressed while a text box had the focus
  let typedAtFocus = null;  // the text of the box that has the focus, as it was given the focus
  let runChangedAt = 0;  // when the app's run last began or ended (Streamlit's data-test-script-state)
  const app = () => document.querySelector('[data-testid="stApp"]');
  const runState = () => app() ? app().getAttribute('data-test-script-state') : null;
  // the whole page watched, not the app's element found now: an element drawn anew would leave the watch behind
  new MutationObserver(() => { runChangedAt = Date.now(); }).observe(
    document.body, {subtree: true, attributes: true, attributeFilter: ['data-test-script-state']});
  const link = event => event.target.closest ? event.target.closest(LINKS) : null;
  const closer = event => event.target.closest ? event.target.closest(CLOSES_THE_EXERCISE) : null;
  const editorIn = box => box && box.tagName === 'IFRAME' && box.contentDocument
    ? ((box.contentDocument.querySelector('.ace_editor') || {}).env || {}).editor : null;
  const textOf = box => editorIn(box) ? editorIn(box).getValue() : box.value;
  // the boxes Streamlit sends as they are left: not a chat input, a select's search, nor a box in a form
  const sentOnLeaving = box => box.tagName === 'IFRAME'
    || (!!box.closest(SENT_ON_LEAVING) && !box.closest('[data-testid="stForm"]'));
  document.addEventListener('focusin', event => { typedAtFocus = textOf(event.target); }, true);
  document.addEventListener('pointerdown', event => {
    const active = document.activeElement;
    const typing = active && (TYPED_IN.includes(active.tagName) || active.isContentEditable);
    const editor = typing ? editorIn(active) : null;
    const textDue = ((editor && editor.lastKeyAt) || 0) + TEXT_SENT_MS - Date.now();  // the editor's text still to come
    const changed = typing && sentOnLeaving(active) && textOf(active) !== typedAtFocus;  // it is sent, and starts a run
    held = changed && link(event) ? link(event) : (textDue > 0 && closer(event)) || null;
    wait = held && link(event) ? Math.max(WAIT_MS, textDue) : textDue;
    pressedAt = Date.now();
  }, true);
  // A link's request names no widget of the page, and Streamlit stops a run that has not yet taken the
  // text it was started with when another request comes: the link goes once the text's run has ended.
  const textTaken = () => runChangedAt > pressedAt && runState() === 'notRunning'
    && Date.now() - runChangedAt >= STILL_MS;
  document.addEventListener('click', event => {
    const target = link(event) || closer(event);
    if (!held || target !== held) return;  // (the click made again below has no press before it)
    const again = held, isLink = again === link(event);
    held = null;
    event.preventDefault();
    event.stopImmediatePropagation();
    const go = () => (!isLink || textTaken() || Date.now() - pressedAt >= CAP_MS ? again.click() : setTimeout(go, 25));
    setTimeout(go, wait);
  }, true);
})();"""
NAMED = {"SENT_ON_LEAVING": repr(SENT_ON_LEAVING), "CLOSES_THE_EXERCISE": repr(CLOSES_THE_EXERCISE), "LINKS": repr(LINKS),
         "WAIT_MS": str(WAIT_MS), "STILL_MS": str(STILL_MS), "CAP_MS": str(CAP_MS), "TEXT_SENT_MS": str(TEXT_SENT_MS)}
SCRIPT = re.sub(rf"\b(?:{'|'.join(NAMED)})\b", lambda name: NAMED[name.group()], SCRIPT)  # each name in one pass


def wait_for_the_text() -> None:
    """On every run (``app.py``): links, and the buttons that close the open exercise, wait for the text of
    the box they take the focus from."""
    page_script.run(SCRIPT)
