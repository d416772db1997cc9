"""Who is in the synthetic log: learners with their habits, drawn column-wise with NumPy.

Learners differ in ability, learning speed, habits (a two-state chain of practising and lapsed
days gives streaks and gaps), breaks and drop-outs. Days count from the start of the year the log
covers, the year before ``END``.
"""

from __future__ import annotations

from datetime import datetime

import numpy as np

END = datetime(2026, 1, 1)  # the log covers the year before this (naive UTC, as stored)
DAYS = 365

People = dict[str, np.ndarray]  # a column of traits per name, a row per learner


def draw_people(rng: np.random.Generator, learners: int, cohort_size: int) -> People:
    """Per-learner traits. Ids: 1 is the educator, learners are 2..learners+1."""
    n = learners
    start = np.where(rng.random(n) < 0.6, rng.integers(0, 30, n), rng.integers(0, 300, n))
    drops = rng.random(n) < 0.35
    stop = np.where(drops, start + 7 + rng.exponential(60, n).astype(int), DAYS)
    has_break = rng.random(n) < 0.3
    break_start = start + rng.integers(10, 200, n)
    break_end = np.where(has_break, break_start + rng.integers(10, 40, n), break_start)
    ids = np.arange(2, n + 2)
    return {
        "id": ids, "start": start, "stop": np.minimum(stop, DAYS), "break_start": break_start,
        "break_end": break_end,
        "ability": rng.normal(0.0, 1.0, n), "gain": rng.lognormal(np.log(0.8), 0.5, n),
        "stay": rng.beta(8, 2, n), "come_back": rng.beta(2, 5, n), "intensity": rng.lognormal(0.0, 0.6, n),
        "reach": rng.normal(0.0, 0.8, n), "hinty": rng.beta(2, 4, n), "runs": rng.gamma(2.0, 0.6, n),
        "skippy": rng.beta(1, 15, n),
        "hour": (rng.choice([7.5, 12.5, 18.0, 21.0], n) + rng.normal(0, 1.2, n)).clip(5, 22.5),
        "cohort": np.sort(rng.choice(ids, cohort_size, replace=False)),
    }


def active_days(rng: np.random.Generator, p: People) -> np.ndarray:
    """A learners x days matrix of practising days: a two-state chain (in the habit or lapsed)
    inside each learner's span, with an occasional break, so streaks and gaps both happen."""
    n = len(p["id"])
    active = np.zeros((n, DAYS), dtype=bool)
    state = rng.random(n) < 0.7
    for day in range(DAYS):
        draw = rng.random(n)
        state = np.where(state, draw < p["stay"], draw < p["come_back"])
        inside = (day >= p["start"]) & (day < p["stop"]) & ~((day >= p["break_start"]) & (day < p["break_end"]))
        active[:, day] = state & inside
    active[np.arange(n), np.minimum(p["start"], DAYS - 1)] = True  # everyone practises on day one
    return active
