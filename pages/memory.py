"""Memory: what the tutor remembers about the learner, newest first; delete one, or everything."""

from textwrap import shorten

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import FolderInUse
from engine.chart_words import timed
from engine.memory import KIND_NAMES
from ui import aria
from ui.session import acting, require_user, workbench

WHY = ("The tutor keeps a few short notes about you so it can explain things in your terms and pick up "
       "where you left off. Only you and your tutor see them. Delete any of them here: it is gone for good.")
EMPTY = """Nothing is remembered about you yet. As you practise, the tutor will note:

- **Mistakes**: which test failed on which exercise, and what went wrong;
- **Hints needed**: how many hints an exercise took;
- **Goals**: the goals on your profile;
- **Tutor conversations**: a one-line summary of each conversation with the tutor.

It recalls the notes that fit your question when it answers, so its help builds on what you have done."""
SINGULAR = {"mistake": "Mistake", "hint": "Hint needed", "goal": "Goal", "exchange": "Tutor conversation"}


FLASH = "memory_flash"  # what the last deletion did, said at the top; its key, where the focus goes when no row is left


@acting
def forget(memory_id: str, neighbour_id: str | None) -> None:
    """A callback, a row's Delete. The focus goes to the Delete of the row that takes its place (or of the
    row above, after the last): with its row gone, it fell to the top of the page."""
    aria.focus_after_run(f"{aria.keyed(f'forget-{neighbour_id}')} button" if neighbour_id else aria.keyed(FLASH))
    try:
        gone = wb.forget_memory(user.id, memory_id)
    except FolderInUse as exc:
        st.session_state[FLASH] = ("error", f"Could not delete: {exc}")
        return
    st.session_state[FLASH] = ("success", "Deleted." if gone else "That memory was already gone.")


@acting
def ask_to_forget_all(asking: bool) -> None:
    """A callback, "Delete everything…" (asking) and its Cancel: the focus goes to the question's Cancel, the
    safe answer, and back to the button after."""
    st.session_state["memory_confirm"] = asking
    aria.focus_after_run(f"{aria.keyed('forget-all-cancel' if asking else 'forget-all')} button")


@acting
def forget_all() -> None:
    st.session_state.pop("memory_confirm", None)
    aria.focus_after_run(aria.keyed(FLASH))
    try:
        count = wb.forget_all_memories(user.id)
    except FolderInUse as exc:
        st.session_state[FLASH] = ("error", f"Could not delete: {exc}")
        return
    st.session_state[FLASH] = ("success", f"Deleted all {count} memor{'y' if count == 1 else 'ies'}.")


wb = workbench()
user = require_user()
st.title("Memory")
st.caption(WHY)

flash = st.session_state.pop(FLASH, None)
if flash:
    with st.container(key=FLASH):
        (st.success if flash[0] == "success" else st.error)(flash[1])

memories = wb.memories(user.id)
if not memories:
    st.info(EMPTY, icon=":material/psychology:")
    aria.move_focus()
    st.stop()

counts = {kind: sum(m.kind == kind for m in memories) for kind in KIND_NAMES}
options = ["all"] + [kind for kind in KIND_NAMES if counts[kind]]
names = {"all": f"All ({len(memories)})"} | {kind: f"{KIND_NAMES[kind]} ({counts[kind]})" for kind in KIND_NAMES}
chosen = st.segmented_control("Show", options, default="all", required=True, format_func=names.__getitem__,
                              key="memory_kind")
shown = [m for m in memories if chosen in ("all", m.kind)]

for i, memory in enumerate(shown):
    # a row, not columns: the note takes the room the Delete button (as wide as its label) leaves
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        with st.container():
            st.caption(f"{SINGULAR[memory.kind]} · {timed(memory.created_at, user.time_zone)}")
            st.text(memory.text)  # plain text: a note may quote what the learner typed
        neighbour = shown[i + 1] if i + 1 < len(shown) else shown[i - 1] if i else None
        st.button("Delete", key=f"forget-{memory.id}", icon=":material/delete:", on_click=forget,
                  args=(memory.id, neighbour.id if neighbour else None), help="Delete this memory for good")
# a screen reader read "Delete" for every row: each says which note it deletes
aria.name_buttons({f"forget-{m.id}": f"Delete: {SINGULAR[m.kind]}, {timed(m.created_at, user.time_zone)}, "
                                     f"{shorten(m.text, 60, placeholder='…')}" for m in shown})

st.divider()
if not st.session_state.get("memory_confirm"):
    st.button("Delete everything…", key="forget-all", icon=":material/delete_forever:", on_click=ask_to_forget_all,
              args=(True,))
else:
    st.warning(f"Delete all {len(memories)} memories? The tutor will know nothing about your past work "
               "(your attempts and history stay). This cannot be undone.")
    yes, no = st.columns(2)
    yes.button("Yes, delete everything", key="forget-all-confirm", type="primary", on_click=forget_all)
    no.button("Cancel", key="forget-all-cancel", on_click=ask_to_forget_all, args=(False,))
aria.move_focus()
