"""Removing accounts and everything kept about them: the demo data's removal and an account deleted by its owner.

Every row of the chosen users goes, from every table with a ``user_id`` (or ``username``) column, found in
the catalog so that tables added later are covered too; so do an educator's cohorts, the rows that hang off
deleted rows (``cohort_id``, ``conversation_id`` ...), and the users' memories in the vector store. What
their results taught the model of each exercise's difficulty goes with them: the difficulties are learnt
again from the results left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from engine.recalibration import recalibrate

if TYPE_CHECKING:
    from engine.workbench import Workbench


def remove_users(wb: Workbench, which: str) -> dict[str, int]:
    """Delete the users for whom the condition ``which`` holds (on ``users``: "is_demo", "id = 7": the
    engine's own text, never a user's) and all their rows; returns rows deleted per table (non-zero only)."""
    store = wb.store
    tables = {name for (name,) in store.all(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main' AND table_type = 'BASE TABLE'")}
    columns: dict[str, set[str]] = {}
    for table, column in store.all("SELECT table_name, column_name FROM information_schema.columns "
                                   "WHERE table_schema = 'main'"):
        if table in tables:
            columns.setdefault(table, set()).add(column)
    deleted: dict[str, int] = {}

    def delete(table: str, where: str) -> None:
        count = int(store.scalar(f"SELECT count(*) FROM {table} WHERE {where}") or 0)  # noqa: S608 (catalog names)
        if count:
            # rows that hang off these (conversation_messages.conversation_id ...) go first
            child_key = f"{table.removesuffix('s')}_id"
            if "id" in columns[table]:
                for child in sorted(t for t, cols in columns.items() if child_key in cols and t != table):
                    delete(child, f"{child_key} IN (SELECT id FROM {table} WHERE {where})")
            store.execute(f"DELETE FROM {table} WHERE {where}")
            deleted[table] = deleted.get(table, 0) + count

    chosen = f"SELECT id FROM users WHERE {which}"  # noqa: S608 (the engine's own condition)
    # memories have vectors outside the store too: the memory deletes both. Of every user chosen, with rows or not (a
    # demo load interrupted between a memory's vector and its row leaves the vector), once any has some: the memory's
    # embedding model then loads anyway
    if "memories" in tables and store.scalar(f"SELECT count(*) FROM memories WHERE user_id IN ({chosen})"):
        for (user_id,) in store.all(chosen):
            if forgotten := wb.forget_all_memories(int(user_id)):
                deleted["memories"] = deleted.get("memories", 0) + forgotten
    with store.transaction():
        if "cohorts" in tables:
            delete("cohorts", f"educator_id IN ({chosen})")
        for table in sorted(t for t, cols in columns.items() if "user_id" in cols):
            delete(table, f"user_id IN ({chosen})")
        for table in sorted(t for t, cols in columns.items() if "username" in cols and t != "users"):
            delete(table, f"username IN (SELECT username FROM users WHERE {which})")
        delete("users", which)
        if "exercise_ratings" in tables and deleted:  # what their results taught the bank goes with them
            rated = int(store.scalar("SELECT count(*) FROM exercise_ratings") or 0)
            recalibrate(store, wb.model, wb.bank, wb.clock())
            if unrated := rated - int(store.scalar("SELECT count(*) FROM exercise_ratings") or 0):
                deleted["exercise_ratings"] = unrated  # the exercises only they had tried
    return deleted
