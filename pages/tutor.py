"""Tutor: conversations with the tutor, to start, resume, rename and delete."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import Conversation
from engine.chart_words import timed
from engine.conversations import MAX_TITLE
from ui import aria, open_exercise
from ui.markdown import literal
from ui.session import acting, require_user, workbench
from ui.tutor_panel import all_hints_seen, ask, hints_seen, mode_caption, question_box, show_messages

wb = workbench()
user = require_user()
catalogue = {e.id: e for e in wb.exercises()}
NO_EXERCISE = ""
LIST = "conversation_list"  # the key of the list's container
FORGETS_NOTHING = ("The notes the tutor took from it stay on the **Memory** page, under *Tutor conversations*, "
                   "where you can delete them too.")


INPUT = "tutor_input"  # the chat input's key


@acting
def open_conversation(conversation_id: int | None) -> None:
    """A callback, a conversation's button in the list (or New conversation). The focus goes to the box to
    write in, where the conversation goes on: the button clicked becomes the list's mark, and it fell to the
    top of the page."""
    st.session_state["tutor_conversation"] = conversation_id
    aria.focus_after_run(f"{aria.keyed(INPUT)} textarea")


def about(conversation: Conversation) -> str:
    """What a conversation is about, and when it was last active: the line under its name in the list."""
    exercise = catalogue.get(conversation.exercise_id or NO_EXERCISE)
    subject = literal(exercise.title) if exercise else "General question"
    return f"{subject} · {timed(conversation.updated_at, user.time_zone)}"


def conversation_list(conversations: list[Conversation], current_id: int | None) -> None:
    """The learner's conversations, most recent first: the open one marked, the others a click away."""
    st.markdown("**Your conversations**")
    if not conversations:
        st.caption("None yet: the conversations you start are listed here, to come back to.")
    # a button centres its label: a title that wraps would stand centred under the open one, which is left-aligned
    button = f'.st-key-{LIST} [data-testid="stBaseButton-tertiary"]'
    st.html(f"<style>{button}, {button} * {{justify-content: flex-start; align-items: flex-start; text-align: left}}</style>")
    with st.container(key=LIST):
        for conversation in conversations:
            listed(conversation, conversation.id == current_id)


def listed(conversation: Conversation, is_open: bool) -> None:
    """A conversation in the list: the open one marked, another a button that opens it."""
    if is_open:
        with st.container(border=True, gap=None):
            st.markdown(f":material/chat: **{literal(conversation.title or 'Untitled')}**")
            st.caption(f":blue[Open now] · {about(conversation)}")
    else:
        with st.container(gap=None):
            # a button's label is markdown too: a title taken from "what do **kwargs do?" is not bold
            st.button(literal(conversation.title or "Untitled"), key=f"open_conversation:{conversation.id}",
                      type="tertiary", icon=":material/chat:", on_click=open_conversation, args=(conversation.id,),
                      help="Open this conversation")
            st.caption(about(conversation))


@acting
def ask_to_delete(conversation_id: int) -> None:
    """A callback: the question before deleting, with the focus on its Cancel (the button pressed goes)."""
    st.session_state[DELETING] = conversation_id
    aria.focus_after_run(f"{aria.keyed(f'delete_cancel:{conversation_id}')} button")


@acting
def keep(conversation_id: int) -> None:
    """A callback, Cancel: the question goes, and the focus back to the button that asked it."""
    st.session_state.pop(DELETING, None)
    aria.focus_after_run(f"{aria.keyed(f'delete:{conversation_id}')} button")


@acting
def delete(conversation_id: int) -> None:
    """The page's state first, the deletion after: a click arriving during the write stops a callback at
    its next use of st.session_state, and the click with it. The focus goes to the box to write in, where a
    new conversation starts (the conversation and its popover go)."""
    st.session_state["tutor_conversation"] = None
    st.session_state.pop(DELETING, None)
    aria.focus_after_run(f"{aria.keyed(INPUT)} textarea")
    wb.delete_conversation(user.id, conversation_id)
    st.toast("Conversation deleted.", icon=":material/delete:")


DELETING = "tutor_deleting"  # the conversation whose deletion waits for a yes


st.title("Tutor")
mode_caption(wb)
conversations = wb.conversations(user.id)
current_id = st.session_state.get("tutor_conversation")
if current_id not in {c.id for c in conversations}:
    current_id = None
current = next((c for c in conversations if c.id == current_id), None)

# the list a third: at a quarter, between about 640 and 1,100 px of page, "New conversation" read "New co…"
threads, chat = st.columns([1, 2], gap="large")


def conversation_header(conversation: Conversation) -> None:
    """Rename or delete the open conversation (deleting asks first), and the exercise it is about."""
    with st.popover("Rename or delete", icon=":material/edit:"):
        # keyed by the name too: a box made before the first question named the conversation would keep it empty.
        # No max_chars: with it, the box ignores a longer paste, silently; the engine cuts a long name, and we say so
        title = st.text_input("Name", value=conversation.title, key=f"rename:{conversation.id}:{conversation.title}",
                              help=f"Up to {MAX_TITLE} characters.")
        if st.button("Rename", key=f"do_rename:{conversation.id}"):
            try:
                if title.strip() != conversation.title:
                    wb.rename_conversation(user.id, conversation.id, title)
            except ValueError as exc:  # an empty name: say so here, the field stays for another try
                st.error(str(exc), icon=":material/error:")
            else:
                st.toast(renamed(title, conversation.title), icon=":material/edit:")
        if st.session_state.get(DELETING) == conversation.id:
            confirm_delete(conversation)  # here, in the popover: drawn beside it, the open popover covered the question
        else:
            st.button("Delete this conversation…", key=f"delete:{conversation.id}", icon=":material/delete:",
                      on_click=ask_to_delete, args=(conversation.id,),
                      help="Asks first; then deletes it and every message in it, for good.")
    if conversation.exercise_id in catalogue:
        st.caption(f"About the exercise **{literal(catalogue[conversation.exercise_id].title)}**.")


def renamed(typed: str, old: str) -> str:
    """What the toast says after Rename; a name longer than ``MAX_TITLE`` characters is shortened by the engine."""
    if typed.strip() == old:
        return "That is its name already."
    if len(" ".join(typed.split())) > MAX_TITLE:
        return f"Conversation renamed. The name was shortened to {MAX_TITLE} characters, the most a name can have."
    return "Conversation renamed."


def confirm_delete(conversation: Conversation) -> None:
    """The question before deleting, saying truthfully what goes: the notes the tutor took are not
    part of the conversation, and stay in Memory until deleted there."""
    st.warning(f"Delete **{literal(conversation.title or 'Untitled')}** and every message in it? This cannot be "
               "undone.", icon=":material/warning:")
    st.caption(FORGETS_NOTHING)
    st.page_link("pages/memory.py", label="Open Memory", icon=":material/psychology:")
    with st.container(horizontal=True):
        st.button("Yes, delete it", key=f"delete_confirm:{conversation.id}", type="primary",
                  icon=":material/delete_forever:", on_click=delete, args=(conversation.id,))
        st.button("Cancel", key=f"delete_cancel:{conversation.id}", on_click=keep, args=(conversation.id,))


def exercise_choice() -> None:
    """What a new conversation will be about."""
    st.selectbox("About an exercise", [NO_EXERCISE, *catalogue], key="tutor_exercise",
                 format_func=lambda i: catalogue[i].title if i else "No exercise: a general question",
                 help="The tutor sees this exercise, your latest test run and your hints.")
    st.caption("Ask about an exercise, an error message, or a topic (\"explain recursion\").")


# The header above the messages and the list of conversations are drawn after the message is
# answered, into places made before it: they show a conversation started or renamed just now
# without another run of the page, as a rerun asked for here would take the place of a click on
# another page made while the reply was written.
with chat:
    header = st.container()
    if current is None and st.session_state.get("tutor_exercise", "?") not in (NO_EXERCISE, *catalogue):
        opened = open_exercise.kept()  # the one open on Practice
        st.session_state["tutor_exercise"] = opened if opened in catalogue else NO_EXERCISE
    exercise_id = current.exercise_id if current else (st.session_state["tutor_exercise"] or None)
    messages = st.container(key="tutor_messages")  # made before the input, so the reply streams above it, not below
    with messages:
        aria.announce_additions("tutor_messages")  # the reply is read out as it comes
        writing = show_messages(wb, user, current.id if current else None)
    hints_note = st.empty()  # filled after a question below is answered: it may have used up the last hint
    prompt = question_box(wb, INPUT, writing)
    if prompt:
        if current is None:
            current = wb.start_conversation(user.id, exercise_id=exercise_id)
            st.session_state["tutor_conversation"] = current.id
        with messages:
            ask(wb, user, prompt, exercise_id, current.id)
    # as on the Practice page: help with an exercise not solved yet uses up its hints
    if exercise_id in catalogue and not wb.solved(user.id, exercise_id):
        title = literal(catalogue[exercise_id].title)
        seen = hints_seen(wb, user, catalogue[exercise_id])  # no next hint to count once all are seen
        hints_note.caption(f":material/lightbulb: Asking for help with **{title}** shows its next hint, counted as a hint "
                           "used, like **Show a hint** on the Practice page." if seen is None
                           else f":material/lightbulb: On **{title}** {all_hints_seen(seen)}")
    with header:
        if current is not None:
            conversation_header(wb.conversation(user.id, current.id))  # named by its first question, if that was just now
        else:
            exercise_choice()

with threads:
    current_id = current.id if current is not None else None
    st.button("New conversation", icon=":material/add_comment:", on_click=open_conversation, args=(None,),
              width="stretch", type="primary" if current_id is None else "secondary")
    conversation_list(wb.conversations(user.id), current_id)
aria.move_focus()
