"""Tutor: conversations with the tutor, to start, resume, rename and delete."""

import streamlit as st

from engine import Conversation
from ui.markdown import literal
from ui.session import require_user, workbench
from ui.tutor_panel import MAX_MESSAGE, PLACEHOLDER, ask, mode_caption, show_messages

wb = workbench()
user = require_user()
catalogue = {e.id: e for e in wb.exercises()}
NO_EXERCISE = ""


def open_conversation(conversation_id: int | None) -> None:
    st.session_state["tutor_conversation"] = conversation_id


def about(conversation: Conversation) -> str:
    """What a conversation is about, and when it was last active: the line under its name in the list."""
    exercise = catalogue.get(conversation.exercise_id or NO_EXERCISE)
    subject = literal(exercise.title) if exercise else "General question"
    return f"{subject} · {conversation.updated_at:%d %b %Y, %H:%M} UTC"


def conversation_list(conversations: list[Conversation], current_id: int | None) -> None:
    """The learner's conversations, most recent first: the open one marked, the others a click away."""
    st.markdown("**Your conversations**")
    if not conversations:
        st.caption("None yet: the conversations you start are listed here, to come back to.")
    for conversation in conversations:
        if conversation.id == current_id:
            with st.container(border=True, gap=None):
                st.markdown(f":material/chat: **{literal(conversation.title or 'Untitled')}**")
                st.caption(f":blue[Open now] · {about(conversation)}")
        else:
            with st.container(gap=None):
                st.button(conversation.title or "Untitled", key=f"open_conversation:{conversation.id}",
                          type="tertiary", icon=":material/chat:", on_click=open_conversation, args=(conversation.id,),
                          help="Open this conversation")
                st.caption(about(conversation))


def delete(conversation_id: int) -> None:
    wb.delete_conversation(user.id, conversation_id)
    st.session_state["tutor_conversation"] = None
    st.toast("Conversation deleted.", icon=":material/delete:")


st.title("Tutor")
mode_caption(wb)
conversations = wb.conversations(user.id)
current_id = st.session_state.get("tutor_conversation")
if current_id not in {c.id for c in conversations}:
    current_id = None
current = next((c for c in conversations if c.id == current_id), None)

threads, chat = st.columns([1, 3], gap="large")

with threads:
    st.button("New conversation", icon=":material/add_comment:", on_click=open_conversation, args=(None,),
              width="stretch", type="primary" if current is None else "secondary")
    conversation_list(conversations, current_id)

with chat:
    if current is not None:
        with st.popover("Rename or delete", icon=":material/edit:"):
            title = st.text_input("Name", value=current.title, key=f"rename:{current.id}", max_chars=80)
            if st.button("Rename", key=f"do_rename:{current.id}") and title.strip() != current.title:
                try:
                    wb.rename_conversation(user.id, current.id, title)
                except ValueError as exc:  # an empty name: say so here, the field stays for another try
                    st.error(str(exc), icon=":material/error:")
                else:
                    st.rerun()
            st.button("Delete this conversation", key=f"delete:{current.id}", icon=":material/delete:",
                      on_click=delete, args=(current.id,), help="Deletes it and every message in it, for good.")
        exercise_id = current.exercise_id
        if exercise_id in catalogue:
            st.caption(f"About the exercise **{catalogue[exercise_id].title}**.")
    else:
        if st.session_state.get("tutor_exercise", "?") not in (NO_EXERCISE, *catalogue):  # the one open on Practice
            opened = st.session_state.get("exercise_id")
            st.session_state["tutor_exercise"] = opened if opened in catalogue else NO_EXERCISE
        exercise_id = st.selectbox(
            "About an exercise", [NO_EXERCISE, *catalogue], key="tutor_exercise",
            format_func=lambda i: catalogue[i].title if i else "No exercise: a general question",
            help="The tutor sees this exercise, your latest test run and your hints.") or None
        st.caption("Ask about an exercise, an error message, or a topic (\"explain recursion\").")
    messages = st.container()  # made before the input, so the reply streams above it, not below
    with messages:
        show_messages(wb, user, current.id if current else None)
    if exercise_id in catalogue:  # as on the Practice page: help with an exercise uses up its hints
        st.caption(f":material/lightbulb: Asking for help with **{literal(catalogue[exercise_id].title)}** shows its "
                   "next hint, counted as a hint used, like **Show a hint** on the Practice page.")
    prompt = st.chat_input(PLACEHOLDER, key="tutor_input", max_chars=MAX_MESSAGE)
    if prompt:
        if current is None:
            current = wb.start_conversation(user.id, exercise_id=exercise_id)
            st.session_state["tutor_conversation"] = current.id
        with messages:
            ask(wb, user, prompt, exercise_id, current.id)
        st.rerun()  # the list of conversations shows the new one, and its name
