"""The learner's code on the Practice page: the code editor, or the plain text box a learner may choose
instead (it works well with screen readers), and what either holds kept as the learner's code
(``st.session_state["codes"]``) and their draft.

The code editor sends its text 250 ms after the last key and as it loses focus; Ctrl+Enter in it runs
the tests, once the text typed before it has gone. Switching between the two keeps the latest text, whatever
arrives late from the browser.
"""

from __future__ import annotations

import streamlit as st
from code_editor import code_editor

from engine import Exercise, User, Workbench
from ui import aria, page_script, pending_clicks
from ui.open_exercise import SELECTBOX_KEY, open_exercise
from ui.session import acting

# Escape takes the focus out of the code editor, so that Tab moves on to Run tests (Tab itself indents): the
# component's own command on Escape (leaving its snippet and key binding editors, which this page does not
# offer) moves aside for Ace's
ESCAPE_LEAVES_THE_EDITOR = {"commands": [{"name": "exitSession",
                                          "bindkey": {"win": "Ctrl-Alt-Shift-Esc", "mac": "Command-Alt-Shift-Esc"}}]}

# The editor's Ctrl+Enter ("submit") and its text are one value on the server, the latest sent. Pressed within
# 250 ms of the last key, the submit went first and the text, sent when its wait was over, replaced it before
# the page had read it: nothing ran. So the submit waits until the text has gone. The editor lives in a
# frame of the same origin; each editor found there (a new one comes with each exercise) is taught once.
TEXT_SENT_MS = 250 + 200  # the editor's wait after the last key, and a margin: with 60 ms, a busy machine (two
# cores, the server, the browser) now and then let a page link pressed at once after typing go before the text
SUBMIT_AFTER_THE_TEXT = """(() => {
  if (window.workbenchSubmitWaits) return;
  window.workbenchSubmitWaits = true;
  setInterval(() => {
    for (const frame of document.querySelectorAll('iframe[title="code_editor.code_editor"]')) {
      const editors = frame.contentDocument ? frame.contentDocument.querySelectorAll(".ace_editor") : [];
      for (const node of editors) {
        const editor = node.env && node.env.editor;
        const submit = editor && editor.commands.commands.submit;
        if (!submit || submit.waitsForText) continue;
        if (editor.lastKeyAt === undefined) editor.on("change", () => { editor.lastKeyAt = Date.now(); });
        editor.lastKeyAt = editor.lastKeyAt || 0;
        const send = submit.exec;
        submit.exec = (ed, args) => {
          const wait = editor.lastKeyAt + TEXT_SENT_MS - Date.now();
          if (wait <= 0) return send(ed, args);
          setTimeout(() => send(ed, args), wait);  // (not false: Ace would then type the Enter)
        };
        submit.waitsForText = true;
      }
    }
  }, 50);  // a new editor (each exercise, each start again) is taught within 50 ms of appearing
})();""".replace("TEXT_SENT_MS", str(TEXT_SENT_MS))


def code_box(wb: Workbench, user: User, exercise: Exercise, version: int) -> bool:
    """The editor the learner chose, holding their code for ``exercise`` (``version``: how many times it
    was started again); what it holds becomes their code and draft. Whether it is the plain text box."""
    if "plain_editor" not in st.session_state:  # a new session: the editor the learner chose last time
        st.session_state["plain_editor"] = wb.preferences(user.id)["editor"] == "plain"
    plain = st.toggle("Plain text editor", key="plain_editor", on_change=keep_editor_choice,
                      args=(wb, user.id, exercise.id, area_key(exercise.id, version)),
                      help="A simple text box instead of the code editor (works well with screen readers). "
                           "Your choice is kept for your next visits.")
    # one place for either editor, whatever each takes: the buttons below keep theirs, so that switching never
    # shows them twice (the old copy, still drawn at its old place, until the run reaches that place)
    with st.container():
        text = plain_box(wb, user, exercise, version) if plain else editor_box(wb, user, exercise, version)
    keep(wb, user.id, exercise.id, text)
    return plain


def plain_box(wb: Workbench, user: User, exercise: Exercise, version: int) -> str:
    """The plain text box, holding the learner's code; what it holds."""
    codes = st.session_state["codes"]
    key = area_key(exercise.id, version)
    # back from the code editor: its last value may not have been read yet (typed just before the toggle)
    left_behind = st.session_state.get(editor_key(exercise.id, version))
    if isinstance(left_behind, dict) and left_behind.get("text") is not None:
        keep(wb, user.id, exercise.id, left_behind["text"])
    st.html('<style>textarea[aria-label="Your code"] {font-family: "Source Code Pro", monospace; '
            "white-space: pre; overflow-wrap: normal; tab-size: 4}</style>")  # code: fixed width, no wrapping
    text = st.text_area("Your code", value=codes[exercise.id], height=420, key=key,
                        on_change=keep_typed, args=(wb, user.id, exercise.id, key))
    # code, not prose: no capital "Def", no corrected names on a phone's keyboard, no red underlines
    aria.set_attributes(f"{aria.keyed(key)} textarea", {"autocapitalize": "off", "autocorrect": "off",
                                                             "autocomplete": "off", "spellcheck": "false"})
    return text


def editor_box(wb: Workbench, user: User, exercise: Exercise, version: int) -> str:
    """The code editor, holding the learner's code; the latest text it sent (a Ctrl+Enter in it asks for a run)."""
    codes = st.session_state["codes"]
    key = editor_key(exercise.id, version)
    mounted_with = st.session_state.setdefault("editor_initial", {})
    if key not in st.session_state:  # (re)mounting, e.g. back from the plain editor: show the latest code
        mounted_with[key] = codes[exercise.id]
    # an Ace theme of its own: the component's "streamlit" themes fetch a font from Google
    # the text goes 250 ms after the last key (the draft), and at once as the editor loses focus: a click
    # on a button beside it makes it do so before the click, so the click's run has the code typed
    response = code_editor(mounted_with[key], lang="python", height=[16, 28], response_mode=["debounce", "blur"],
                           key=key,
                           options={"showLineNumbers": True, "tabSize": 4, "useSoftTabs": True, "wrap": True,
                                    # Tab indents; Escape then Tab moves on (Enter goes back in), and a
                                    # screen reader names the box
                                    "enableKeyboardAccessibility": True, "textInputAriaLabel": "Your code"},
                           # no pop-up completions or snippets: they swallowed fast typing ("strstrreturn")
                           # no top margin: typing over a selection scrolled the text by it, not the line numbers
                           props={"theme": "chrome", "enableLiveAutocompletion": False,
                                  "enableSnippets": False, "scrollMargin": [0, 0, 0, 0]},
                           keybindings=ESCAPE_LEAVES_THE_EDITOR)
    page_script.run(SUBMIT_AFTER_THE_TEXT)
    st.caption("Ctrl+Enter (⌘+Enter on a Mac) runs the tests. Tab indents; Esc, then Tab, moves on to the buttons.")
    if not (response and response.get("id") and response.get("text") is not None):
        return codes[exercise.id]
    pending_clicks.editor_sent(response)
    handled = st.session_state.setdefault("handled_events", set())
    if response.get("type") == "submit" and response["id"] not in handled:
        handled.add(response["id"])
        pending_clicks.put("run", exercise.id)  # Ctrl+Enter in the editor runs the tests
    return response["text"]


def keep(wb: Workbench, user_id: int, exercise_id: str, text: str) -> None:
    """Make ``text`` the learner's code for the exercise, and save it as their draft."""
    codes = st.session_state.setdefault("codes", {})
    if text != codes.get(exercise_id):
        codes[exercise_id] = text
        wb.save_draft(user_id, exercise_id, text)


def open_keeping_code(wb: Workbench, user_id: int, exercise_id: str) -> None:
    """Open ``exercise_id`` on the Practice page (before its selectbox is drawn, or from a callback), the code
    typed last in the exercise it closes kept there (``sent_unread``). The draft is written last, after every
    use of st.session_state: in a callback, a message arriving during the slow write would stop it and lose
    the click (as in ``keep_typed``)."""
    left = st.session_state.get(SELECTBOX_KEY)
    typed = sent_unread(left) if left is not None and left != exercise_id else None
    open_exercise(exercise_id)
    if typed is not None:
        keep(wb, user_id, left, typed)


def sent_unread(exercise_id: str) -> str | None:
    """For a callback that closes ``exercise_id`` (Open, Next, Skip): the text its code editor sent last, which
    no run may have read. The editor sends its text as it loses focus, on the press of the button, and 250 ms
    after the last key: pressed sooner, the text reached the server with the click, whose run drew the other
    exercise, with no editor there to read it, and the code typed was gone on coming back. None with the plain
    text box (its callback keeps its text) or when the editor sent nothing."""
    if st.session_state.get("plain_editor"):
        return None
    version = st.session_state.get("editor_versions", {}).get(exercise_id, 0)
    sent = st.session_state.get(editor_key(exercise_id, version))
    return sent.get("text") if isinstance(sent, dict) else None


@acting
def keep_typed(wb: Workbench, user_id: int, exercise_id: str, key: str) -> None:
    """A callback: an edit in the plain editor is kept even when the action that commits it also hides
    the editor (the toggle), since a hidden widget's value is never read by the script. The code
    editor then starts afresh under a new key: the browser may still hold the old one's text and
    send it back, which would undo the edit.

    The draft's write comes last, after every use of st.session_state: a click arriving during that slow
    write (Run tests, just after Ctrl+Enter) stopped this callback at its next use, and the click was lost."""
    text = st.session_state[key]
    plain_edits = st.session_state.setdefault("plain_edits", {})
    plain_edits[exercise_id] = plain_edits.get(exercise_id, 0) + 1
    keep(wb, user_id, exercise_id, text)


@acting
def keep_editor_choice(wb: Workbench, user_id: int, exercise_id: str, area_key: str) -> None:
    """A callback: the editor chosen is the one every later session opens with, on any device.

    Back to the code editor, the plain editor's text is kept here too, and the code editor starts afresh:
    keep_typed may not have done it. A click just after Ctrl+Enter (this one, or Run) stops the run
    keeping the edit at its next use of st.session_state, callbacks included, and the edit counts as
    handled all the same. The code editor shown before then came back, showing older code, and the
    browser sent its last text again, which replaced the edit (and its draft)."""
    plain = st.session_state["plain_editor"]
    typed = st.session_state.get(area_key)
    plain_edits = st.session_state.setdefault("plain_edits", {})
    if not plain and isinstance(typed, str):
        keep(wb, user_id, exercise_id, typed)
        plain_edits[exercise_id] = plain_edits.get(exercise_id, 0) + 1
    wb.set_preference(user_id, "editor", "plain" if plain else "code")


def area_key(exercise_id: str, version: int) -> str:
    """The plain text box's key."""
    return f"area:{exercise_id}:{version}"


def editor_key(exercise_id: str, version: int) -> str:
    return f"editor:{exercise_id}:{version}:{st.session_state.get('plain_edits', {}).get(exercise_id, 0)}"
