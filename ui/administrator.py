"""Who looks after this install: the System page's sections that only the administrator may use
name them to everyone else."""

from __future__ import annotations

from engine import User, Workbench
from ui.markdown import literal


def someone_else(wb: Workbench, user: User) -> str | None:
    """None when ``user`` is the administrator; else how to name who is, as markdown:
    "**Ada Lovelace** (ada)", or "the administrator" while there is none."""
    administrator = wb.administrator()
    if administrator is not None and administrator.id == user.id:
        return None
    return f"**{literal(administrator.name)}** ({literal(administrator.username)})" if administrator else "the administrator"
