"""Memory: what the tutor remembers about the learner, newest first; delete one, or everything."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import FolderInUse
from engine.chart_words import timed
from engine.memory import KIND_NAMES
from ui.session import require_user, workbench

WHY = ("The tutor keeps a few short notes about you so it can explain things in your terms and pick up "
       "where you left off. Only you and your tutor see them. Delete any of them here: it is gone for good.")
EMPTY = """Nothing is remembered about you yet. As you practise, the tutor will note:

- **Mistakes**: which test failed on which exercise, and what went wrong;
- **Hints needed**: how many hints an exercise took;
- **Goals**: the goals on your profile;
- **Tutor conversations**: a one-line summary of each conversation with the tutor.

It recalls the notes that fit your question when it answers, so its help builds on what you have done."""
SINGULAR = {"mistake": "Mistake", "hint": "Hint needed", "goal": "Goal", "exchange": "Tutor conversation"}


def forget(memory_id: str) -> None:
    try:
        gone = wb.forget_memory(user.id, memory_id)
    except FolderInUse as exc:
        st.session_state["memory_flash"] = ("error", f"Could not delete: {exc}")
        return
    st.session_state["memory_flash"] = ("success", "Deleted." if gone else "That memory was already gone.")


def forget_all() -> None:
    st.session_state.pop("memory_confirm", None)
    try:
        count = wb.forget_all_memories(user.id)
    except FolderInUse as exc:
        st.session_state["memory_flash"] = ("error", f"Could not delete: {exc}")
        return
    st.session_state["memory_flash"] = ("success", f"Deleted all {count} memor{'y' if count == 1 else 'ies'}.")


wb = workbench()
user = require_user()
st.title("Memory")
st.caption(WHY)

flash = st.session_state.pop("memory_flash", None)
if flash:
    (st.success if flash[0] == "success" else st.error)(flash[1])

memories = wb.memories(user.id)
if not memories:
    st.info(EMPTY, icon=":material/psychology:")
    st.stop()

counts = {kind: sum(m.kind == kind for m in memories) for kind in KIND_NAMES}
options = ["all"] + [kind for kind in KIND_NAMES if counts[kind]]
names = {"all": f"All ({len(memories)})"} | {kind: f"{KIND_NAMES[kind]} ({counts[kind]})" for kind in KIND_NAMES}
chosen = st.segmented_control("Show", options, default="all", required=True, format_func=names.__getitem__,
                              key="memory_kind")
shown = [m for m in memories if chosen in ("all", m.kind)]

for memory in shown:
    # a row, not columns: the note takes the room the Delete button (as wide as its label) leaves
    with st.container(border=True, horizontal=True, vertical_alignment="center"):
        with st.container():
            st.caption(f"{SINGULAR[memory.kind]} · {timed(memory.created_at)}")
            st.text(memory.text)  # plain text: a note may quote what the learner typed
        st.button("Delete", key=f"forget-{memory.id}", icon=":material/delete:", on_click=forget,
                  args=(memory.id,), help="Delete this memory for good")

st.divider()
if not st.session_state.get("memory_confirm"):
    if st.button("Delete everything…", key="forget-all", icon=":material/delete_forever:"):
        st.session_state["memory_confirm"] = True
        st.rerun()
else:
    st.warning(f"Delete all {len(memories)} memories? The tutor will know nothing about your past work "
               "(your attempts and history stay). This cannot be undone.")
    yes, no = st.columns(2)
    yes.button("Yes, delete everything", key="forget-all-confirm", type="primary", on_click=forget_all)
    no.button("Cancel", key="forget-all-cancel", on_click=lambda: st.session_state.pop("memory_confirm", None))
