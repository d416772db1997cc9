"""A user's settings of the app itself, kept across sessions and devices: which code editor they
use. Each has a fixed set of values and a default, so a page never meets a value it cannot show."""

from __future__ import annotations

from datetime import datetime

from engine.clock import to_naive_utc
from engine.store import Store

CHOICES: dict[str, tuple[str, ...]] = {  # name: its values, the default first
    "editor": ("code", "plain"),  # the code editor, or a plain text box (screen readers)
}


class Preferences:
    """Preferences in the store's ``preferences`` table, one row per user and name."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, user_id: int) -> dict[str, str]:
        """Every preference of the user, the defaults for those never set."""
        chosen = dict(self.store.all("SELECT name, value FROM preferences WHERE user_id = ?", [user_id]))
        return {name: chosen[name] if chosen.get(name) in values else values[0] for name, values in CHOICES.items()}

    def set(self, user_id: int, name: str, value: str, at: datetime) -> None:
        if name not in CHOICES:
            raise ValueError(f"unknown preference {name!r}: one of {', '.join(CHOICES)}")
        if value not in CHOICES[name]:
            raise ValueError(f"{name} must be one of {', '.join(CHOICES[name])}, not {value!r}")
        self.store.execute("INSERT OR REPLACE INTO preferences (user_id, name, value, updated_at) VALUES (?, ?, ?, ?)",
                           [user_id, name, value, to_naive_utc(at)])
