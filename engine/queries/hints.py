"""Hints used and time spent, each counted once: the windows the learner's and the cohort's queries read
them with.

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


def seconds_added(source: str, exercise: str) -> str:
    """A SELECT of every row of ``source`` (with id, user_id, occurred_at, the ``exercise`` column, passed
    and ``duration_s``) plus ``seconds``: the time that attempt added. Like hints, an attempt's duration is
    a running figure, the time on its exercise since it was opened (the draft's, which a pass clears), so
    summed as they are, three quick tries after a minute's work counted four minutes. An attempt counts the
    time beyond the one before it on the same exercise; all of its time after a pass, on a first attempt,
    or when it is shorter (started again, or recorded elsewhere, one by one)."""
    return f"""
    SELECT *, CASE WHEN lag(duration_s) OVER earlier IS NULL OR lag(passed) OVER earlier
                        OR duration_s < lag(duration_s) OVER earlier THEN duration_s
                   ELSE duration_s - lag(duration_s) OVER earlier END AS seconds
    FROM {source} WINDOW earlier AS (PARTITION BY user_id, {exercise} ORDER BY occurred_at, id)"""
