"""Which exercise the Practice page has open, kept for the whole visit.

The page's exercise selectbox holds it while the page is shown. But Streamlit forgets a widget's
value when a page without that widget runs: a visit to History and back opened the next exercise
to do instead, and the Tutor page could not tell which one was open. So the choice is kept under a
key of its own as well, which no page clears.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import streamlit as st

from engine import Workbench

SELECTBOX_KEY = "exercise_id"  # the Practice page's exercise selectbox
KEPT_KEY = "open_exercise"


def open_exercise(exercise_id: str) -> None:
    """Open ``exercise_id`` on the Practice page: call it before the selectbox is drawn (or from a callback)."""
    st.session_state[SELECTBOX_KEY] = exercise_id
    st.session_state[KEPT_KEY] = exercise_id


def kept() -> str | None:
    """The exercise open on the Practice page last, in this visit; None before the page was first shown."""
    return st.session_state.get(KEPT_KEY)


def remember(exercise_id: str) -> None:
    """Remember the exercise the selectbox shows: call it after the selectbox is drawn."""
    st.session_state[KEPT_KEY] = exercise_id


@dataclass
class SetChange:
    """What a change did to today's set: how many of its exercises it chose again."""

    chosen_again: int = 0

    def words(self) -> str:
        """" N exercises of today's set not begun yet were chosen again." (with its leading space), or ""."""
        n = self.chosen_again
        if not n:
            return ""
        return (f" {n} exercise{'s' if n != 1 else ''} of today's set, not begun yet, {'were' if n != 1 else 'was'} "
                "chosen again to match.")


@contextmanager
def following_todays_set(wb: Workbench, user_id: int) -> Iterator[SetChange]:
    """Around a change that may choose today's set again (Easier, Harder, a pin, a new self-rating): yields
    what it did to the set, for the page to say (the set changed unannounced), and if the exercise open on
    Practice was in the set and has left it (only opened, not begun), opens the exercise that took its place.
    Kept open, it quietly fell out of the set: solved, it did not count ("0 of 4 solved"), and the set went
    on without it."""
    open_now = kept()
    before = _planned(wb, user_id)
    change = SetChange()
    yield change
    after = _planned(wb, user_id)
    change.chosen_again = sum(was != now for was, now in zip(before, after, strict=False))
    if open_now in before and open_now not in after:
        open_exercise(after[before.index(open_now)])  # the set never shrinks: each place keeps its rank


def _planned(wb: Workbench, user_id: int) -> list[str]:
    """Today's set as planned, in order; none before it is planned (reading it does not plan it early)."""
    return [item.pick.exercise.id for item in wb.todays_plan(user_id).items]
