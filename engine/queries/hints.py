"""Hints used, counted once: the window both the learner's and the cohort's queries read them with.

An attempt's ``hints`` in the log is the number shown on that exercise when it was submitted, a
running count the learner's draft keeps until a pass clears it, so a failed attempt and the next
one on the same exercise repeat the same hints. What a learner *used* is the most shown before
each pass: each attempt counts only the hints it shows beyond the learner's attempt before it on
the same exercise (all it shows after a pass, or on a first attempt).
"""

from __future__ import annotations


def hints_used(source: str, exercise: str, *, greatest: str) -> str:
    """A SELECT of every row of ``source`` (with id, user_id, occurred_at, the ``exercise`` column,
    passed and ``shown``, the running count at submission) plus ``hints``: the hints that attempt
    used. ``greatest``: the dialect's word for the larger of two values ("greatest" in DuckDB,
    "max" in SQLite)."""
    return f"""
    SELECT *, {greatest}(shown - CASE WHEN lag(passed) OVER earlier THEN 0
                                      ELSE coalesce(lag(shown) OVER earlier, 0) END, 0) AS hints
    FROM {source} WINDOW earlier AS (PARTITION BY user_id, {exercise} ORDER BY occurred_at, id)"""
