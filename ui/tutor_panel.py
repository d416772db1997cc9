"""The tutor on a page: a conversation's messages, the chat input and the streamed reply.

Used whole by the Tutor page, and as a panel beside the exercise on the Practice page, where the
conversation is the learner's latest one about that exercise.

The chat inputs set no ``max_chars``: with it, Streamlit's box ignores a paste that would go past
the limit, silently, and a learner's pasted traceback was simply not there. A message longer than
the tutor reads is cut instead (``shortened``): its start (the question) and its end (the error)
are kept, and the learner is told what was left out.
"""

from __future__ import annotations

import logging
import queue
import re
import threading
from collections.abc import Iterator
from itertools import chain

import streamlit as st

from engine import Exercise, User, Workbench
from engine.guardrails import CUT_NOTE
from engine.tutor import MAX_MESSAGE
from ui import aria

log = logging.getLogger(__name__)

AVATARS = {"learner": "user", "tutor": "assistant"}
_LINE_START = re.compile(r"\n(?! {4}|\t)")
_ANY_LINE_START = re.compile(r"\n")
PLACEHOLDER = "What did you try, and what happened?"  # one line in the panel on Practice, a half-width column
THINKING = "The tutor is thinking…"
STILL_WRITING = "The tutor is still writing its reply…"
LOOK_AGAIN_S = 1  # how often a conversation whose reply is still being written looks for it


def mode_caption(wb: Workbench) -> None:
    if wb.tutor_online:
        st.caption("The tutor answers with a language model; it never writes the solution for you.")
    else:
        st.caption("The offline tutor answers from the exercise's hints, your latest test run, the concept "
                   "notes and what it remembers of you. It never writes the solution for you.")


def hints_seen(wb: Workbench, user: User, exercise: Exercise) -> int | None:
    """How many hints of ``exercise`` the learner has seen, when it is all of them; None while one is left.
    Asking for help then shows the last hint again (or points back to it, just given), and counts no more."""
    draft = wb.draft(user.id, exercise.id)
    shown = draft.hints_shown if draft else 0
    return shown if exercise.hints and shown >= len(exercise.hints) else None


def all_hints_seen(seen: int) -> str:
    return f"you have seen all {seen} of its hints: asking for help shows the last one again, and counts no more."


# a table in a reply (a model's: input, expected, got) scrolls across inside its bubble: on a phone it ran past
# the panel's edge, its last column cut off by the screen's
WIDE_TABLES = ('<style>[data-testid="stChatMessage"] [data-testid="stMarkdownContainer"] table '
               '{display: block; max-width: 100%; overflow-x: auto}</style>')


def show_messages(wb: Workbench, user: User, conversation_id: int | None) -> bool:
    """The conversation so far, oldest first; markdown and code rendered. Whether the tutor is still writing a
    reply in it, elsewhere (``awaited_reply``): the box to write in waits for it too."""
    st.html(WIDE_TABLES)  # style alone takes no room
    if conversation_id is None:
        return False
    # asked first: a reply saved since is among the messages
    writing = wb.tutor_writing(user.id, conversation_id) is not None
    for message in wb.conversation_messages(user.id, conversation_id):
        with st.chat_message(AVATARS[message.role]):
            st.markdown(as_written(message.content) if message.role == "learner" else message.content)
    if writing:
        awaited_reply(wb, user, conversation_id)
    return writing


@st.fragment(run_every=LOOK_AGAIN_S)
def awaited_reply(wb: Workbench, user: User, conversation_id: int) -> None:
    """A reply still being written for a run of the page the learner left (in a thread of its own, which
    saves it once the model answers or gives up): shown as far as it went, said to go on, and looked at
    again every LOOK_AGAIN_S seconds; once it is saved the page runs again, showing it whole, the box to
    write in enabled (a run of the whole page, not of this fragment, also stops the looking)."""
    so_far = wb.tutor_writing(user.id, conversation_id)
    if so_far is None:
        st.rerun()
    with st.chat_message("assistant"):
        if so_far:
            st.markdown(so_far)
        st.caption(STILL_WRITING)


def question_box(wb: Workbench, key: str, waiting: bool) -> str | None:
    """The box to write in, disabled while a reply is written: a question sent during a model's reply stopped
    it where it was, cut short. From the moment the question is sent (Streamlit's ``submit_mode="disable"``)
    until the page's run is over, which gives the box back its focus; ``waiting``: for a reply written
    elsewhere (``awaited_reply``). The offline tutor's reply is whole before it shows, and quick: a box
    disabled for it would only flicker."""
    return st.chat_input(PLACEHOLDER, key=key, disabled=waiting,  # no max_chars: see above
                         submit_mode="disable" if wb.tutor_online else "submit")


def as_written(message: str) -> str:
    """A learner's message as markdown that keeps its line breaks and indents: a pasted traceback ran on as
    one paragraph, its code lines flush with its "File" lines (markdown drops a line's leading spaces)."""
    return "  \n".join(re.sub(r"^ +", lambda spaces: "\u00a0" * len(spaces.group()), line) for line in message.split("\n"))


def ask(wb: Workbench, user: User, prompt: str, exercise_id: str | None, conversation_id: int) -> None:
    """Show the learner's message and stream the tutor's reply below it (both are saved by the engine).
    A message longer than the tutor reads is shortened first, and the learner told so."""
    length = len(prompt.strip())
    prompt, cut = shortened(prompt)
    # started before anything is drawn: a page run stopped while drawing (a key in the code editor) no longer
    # stops the question from being saved and answered
    reply = written_to_the_end(wb.tutor_reply(user.id, prompt, exercise_id, conversation_id))
    with st.chat_message("user"):
        st.markdown(as_written(prompt))
        if cut:
            st.warning(f"Your message was {length:,} characters long; the tutor reads at "
                       f"most {MAX_MESSAGE:,}, so {cut:,} characters from its middle were left out. The start and "
                       "the end, where a traceback says what went wrong, are kept.", icon=":material/content_cut:")
    with st.chat_message("assistant"):
        # a model can take seconds to its first words: the bubble says so rather than stand empty
        # (the spinner shows only after half a second, so the offline tutor's reply does not flicker)
        with st.spinner(THINKING):
            first = next(reply, "")
        st.write_stream(chain([first], reply))


def written_to_the_end(chunks: Iterator[str]) -> Iterator[str]:
    """The reply's chunks as they come, produced by a thread of their own that goes on to the reply's end:
    a learner who leaves the page, or whose page runs again meanwhile (a key typed in the code editor, Run
    tests), stops the page's run, not the reply. The engine saves it whole, and the page says the tutor is
    still writing (``awaited_reply``) until it is there; read in the page's run, it was cut short. The thread
    starts at once; the model's reply is bounded by ``llm_max_reply_tokens``."""
    passed: queue.SimpleQueue[str | BaseException | None] = queue.SimpleQueue()

    def produce() -> None:
        try:
            for chunk in chunks:
                passed.put(chunk)
        except BaseException as exc:  # noqa: BLE001 - raised again where the reply is read, if it still is
            log.exception("the tutor's reply failed")
            passed.put(exc)
        finally:
            passed.put(None)

    def read() -> Iterator[str]:
        while (chunk := passed.get()) is not None:
            if isinstance(chunk, BaseException):
                raise chunk
            yield chunk

    threading.Thread(target=produce, name="tutor-reply", daemon=True).start()  # now, not at the first read
    return read()


def shortened(text: str, limit: int = MAX_MESSAGE) -> tuple[str, int]:
    """``text`` without its outer spaces (as the engine keeps it) and, if longer than ``limit``, cut to
    fit: its start and its end kept, each at a line break where one is near, and a line in between
    saying how much was left out (the engine does not count it: the learner's ``limit`` characters are
    read). Returns the text and the number of the learner's characters left out (0: none)."""
    text = text.strip()
    if len(text) <= limit:
        return text, 0
    head, tail = text[:limit - limit // 2], text[len(text) - limit // 2:]
    if (end := head.rfind("\n")) > len(head) // 2:
        head = head[:end]
    # the tail starts a line, one not indented by four spaces if one is near: after the line in between,
    # markdown would make it a code block of its own (a traceback's "    return f(n)")
    start = _LINE_START.search(tail, 0, len(tail) // 2) or _ANY_LINE_START.search(tail, 0, len(tail) // 2)
    if start:
        tail = tail[start.end():]
    head = head.rstrip()  # the tail keeps its first line's indent: code and tracebacks are read by it
    cut = len(text) - len(head) - len(tail)
    return head + _cut(cut, limit) + tail, cut


def _cut(cut: int, limit: int = MAX_MESSAGE) -> str:
    return CUT_NOTE.format(cut=cut, limit=limit)


def tutor_panel(wb: Workbench, user: User, exercise: Exercise) -> None:
    """The tutor beside the exercise: the latest conversation about it, resumed; a new one on demand."""
    key = f"panel_conversation:{exercise.id}"
    # keyed: the browser knows an unkeyed expander by its place on the page, and draws it anew, closed, when the
    # elements above it change (a test result appearing after Run tests); a key keeps it open
    with st.expander("Ask the tutor", icon=":material/forum:", key=f"tutor_panel:{exercise.id}"):
        if key not in st.session_state:
            earlier = wb.conversations(user.id, exercise_id=exercise.id)
            st.session_state[key] = earlier[0].id if earlier else None
        conversation_id = st.session_state[key]
        mode_caption(wb)
        hints_note = st.empty()  # filled after a question below is answered: it may have used up the last hint
        messages = st.container(key=f"panel_messages:{exercise.id}")  # made before the input: the newest exchange
        with messages:                                                  # lands above it, not below
            aria.announce_additions(f"panel_messages:{exercise.id}")
            writing = show_messages(wb, user, conversation_id)
        prompt = question_box(wb, f"panel_input:{exercise.id}", writing)
        if prompt:
            if conversation_id is None:
                conversation_id = wb.start_conversation(user.id, exercise_id=exercise.id).id
                st.session_state[key] = conversation_id
            with messages:  # a hint the reply gives shows beside the exercise: the page draws the hints after this
                ask(wb, user, prompt, exercise.id, conversation_id)
        if not wb.solved(user.id, exercise.id):  # a solved exercise gives no more hints
            seen = hints_seen(wb, user, exercise)
            hints_note.caption("Asking for help shows the exercise's next hint, counted as a hint used, like **Show a "
                               "hint**." if seen is None else f"On this exercise {all_hints_seen(seen)}")
        if conversation_id is not None and st.button("New conversation", key=f"panel_new:{exercise.id}",
                                                     icon=":material/add_comment:"):
            st.session_state[key] = None
            st.rerun()
