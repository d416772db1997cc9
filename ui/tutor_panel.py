"""The tutor on a page: a conversation's messages, the chat input and the streamed reply.

Used whole by the Tutor page, and as a panel beside the exercise on the Practice page, where the
conversation is the learner's latest one about that exercise.
"""

from __future__ import annotations

import streamlit as st

from engine import Exercise, User, Workbench
from engine.tutor import MAX_MESSAGE

AVATARS = {"learner": "user", "tutor": "assistant"}
PLACEHOLDER = "What did you try, and what happened?"  # one line in the panel on Practice, a half-width column


def mode_caption(wb: Workbench) -> None:
    if wb.tutor_online:
        st.caption("The tutor answers with a language model; it never writes the solution for you.")
    else:
        st.caption("The offline tutor answers from the exercise's hints, your latest test run, the concept "
                   "notes and what it remembers of you. It never writes the solution for you.")


def show_messages(wb: Workbench, user: User, conversation_id: int | None) -> None:
    """The conversation so far, oldest first; markdown and code rendered."""
    if conversation_id is None:
        return
    for message in wb.conversation_messages(user.id, conversation_id):
        with st.chat_message(AVATARS[message.role]):
            st.markdown(message.content)


def ask(wb: Workbench, user: User, prompt: str, exercise_id: str | None, conversation_id: int) -> None:
    """Show the learner's message and stream the tutor's reply below it (both are saved by the engine)."""
    with st.chat_message("user"):
        st.markdown(prompt)
    with st.chat_message("assistant"):
        st.write_stream(wb.tutor_reply(user.id, prompt, exercise_id, conversation_id))


def tutor_panel(wb: Workbench, user: User, exercise: Exercise) -> None:
    """The tutor beside the exercise: the latest conversation about it, resumed; a new one on demand."""
    key = f"panel_conversation:{exercise.id}"
    with st.expander("Ask the tutor", icon=":material/forum:"):
        if key not in st.session_state:
            earlier = wb.conversations(user.id, exercise_id=exercise.id)
            st.session_state[key] = earlier[0].id if earlier else None
        conversation_id = st.session_state[key]
        mode_caption(wb)
        st.caption("Asking for help shows the exercise's next hint, counted as a hint used, like **Show a hint**.")
        messages = st.container()  # made before the input, so the newest exchange lands above it, not below
        with messages:
            show_messages(wb, user, conversation_id)
        prompt = st.chat_input(PLACEHOLDER, key=f"panel_input:{exercise.id}", max_chars=MAX_MESSAGE)
        if prompt:
            if conversation_id is None:
                conversation_id = wb.start_conversation(user.id, exercise_id=exercise.id).id
                st.session_state[key] = conversation_id
            with messages:  # a hint the reply gives shows beside the exercise: the page draws the hints after this
                ask(wb, user, prompt, exercise.id, conversation_id)
        if conversation_id is not None and st.button("New conversation", key=f"panel_new:{exercise.id}",
                                                     icon=":material/add_comment:"):
            st.session_state[key] = None
            st.rerun()
