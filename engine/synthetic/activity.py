"""What the synthetic learners did: attempts and the events around them, as a frame of numbers.

Every attempt brings its test runs, hints, a submission and its outcome, sometimes a login, a
skip or a question to the tutor and its reply; each learner also registers and answers the onboarding
interview. Verbs, exercises and onboarding steps are small integer codes here: ``rows`` turns them
into the text and JSON the app writes, a chunk at a time.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import numpy as np
import polars as pl

from engine.bank import Bank
from engine.level import expected_seconds
from engine.synthetic.people import DAYS, END, People, active_days

# verb codes of the generated frame, in the order used to break ties at one timestamp
VERBS = ("registered", "answered-onboarding", "logged-in", "skipped", "ran-tests", "requested-hint",
         "submitted", "completed", "failed", "asked-tutor", "tutor-replied")
CODE = {verb: code for code, verb in enumerate(VERBS)}
INTENTS = ("stuck", "error", "approach", "answer", "concept")  # what a learner asks after a failed submission
GIVE_A_HINT = [INTENTS.index("stuck"), INTENTS.index("answer")]  # asking for help costs the next hint, as in the app
LLM_SHARE = 0.4  # replies by a language model (with tokens); the others by the offline tutor
STEPS = ("languages", "levels", "goals", "style", "time")
EVENTS_TO_REGISTER = 1 + len(STEPS)  # a learner's registration and interview, before any exercise


def too_few_events(learners: int) -> str:
    return (f"too few events for {learners:,} learners: registering them takes {EVENTS_TO_REGISTER} events each, "
            f"so ask for more than {EVENTS_TO_REGISTER * learners:,}")


def draw_events(rng: np.random.Generator, p: People, bank: Bank, target: int) -> pl.DataFrame:
    """Every event as numbers (rendered to JSON per chunk), sorted by time."""
    exercises = sorted(bank, key=lambda e: e.id)
    if not exercises:
        raise ValueError("the bank holds no exercises")
    difficulty = np.array([e.difficulty for e in exercises])
    n_tests = np.array([max(1, len(e.test_names)) for e in exercises])
    n_hints = np.array([len(e.hints) for e in exercises])
    active = active_days(rng, p)
    learner, day = np.nonzero(active)  # learner-major, days ascending
    # attempts per practising day, scaled so the log comes out at about ``target`` events
    # (5 to 6 events an attempt, besides registration; the surplus is thinned out below)
    target -= EVENTS_TO_REGISTER * len(p["id"])
    if target <= 0:
        raise ValueError(too_few_events(len(p["id"])))
    per_day = p["intensity"][learner]
    per_day = per_day * (target / 5.0 * 1.3) / per_day.sum()
    counts = rng.poisson(per_day)
    a_learner, a_day = np.repeat(learner, counts), np.repeat(day, counts)
    a = len(a_learner)
    if a == 0:
        raise ValueError("too few events asked for")
    first = np.searchsorted(a_learner, np.arange(len(p["id"])))
    done_before = np.arange(a) - first[a_learner]
    theta = p["ability"][a_learner] + p["gain"][a_learner] * np.sqrt(done_before / 150)
    # learners pick around their level, some stretching further than others
    reach = p["reach"][a_learner]
    wanted = np.clip(np.rint(5.5 + 1.6 * (theta + reach) + rng.normal(0, 1.3, a)), 1, 10).astype(int)
    ex = _pick_exercises(rng, difficulty, wanted)
    gap = theta - (difficulty[ex] - 5.5) / 1.6
    struggle = 1 / (1 + np.exp(gap))
    hints = rng.binomial(n_hints[ex], np.clip(p["hinty"][a_learner] * struggle * 1.5, 0, 1))
    passed = rng.random(a) < 1 / (1 + np.exp(-(1.1 * gap + 0.8 + 0.45 * hints)))
    duration = np.round(np.array([expected_seconds(int(d)) for d in range(11)])[difficulty[ex]]
                        * rng.lognormal(0, 0.45, a) * np.exp(-0.15 * gap), 1)
    runs = rng.poisson(p["runs"][a_learner] * (1 + struggle))
    tests_total = n_tests[ex]
    tests_passed = np.where(passed, tests_total, np.floor(rng.random(a) * tests_total)).astype(int)
    grade_ms = np.round(28 + rng.lognormal(2.5, 0.4, a), 1)
    # a session starts near the learner's hour; its attempts follow each other
    session_key = a_learner.astype(np.int64) * DAYS + a_day
    new_session = np.r_[True, session_key[1:] != session_key[:-1]]
    session_start = (a_day * 86400 + (p["hour"][a_learner] * 3600 + rng.normal(0, 1500, a)).clip(0, 80000))
    spent = duration + 40 + runs * 20
    cum = np.cumsum(spent)
    base = np.maximum.accumulate(np.where(new_session, np.arange(a), 0))
    offset = cum - spent - (cum[base] - spent[base])
    begin = (session_start[base] + offset).astype(np.int64)
    end = begin + duration.astype(np.int64)
    # thin the surplus evenly: an attempt brings its runs, hints, two results, sometimes a login
    expected = 2 + runs + hints + new_session * (1 + 3 * p["skippy"][a_learner]) + 2 * 0.15 * ~passed
    keep = rng.random(a) < min(1.0, target / expected.sum())
    epoch = int((END - timedelta(days=DAYS) - datetime(1970, 1, 1)).total_seconds())
    uid = p["id"][a_learner]

    parts = []

    def add(rows: np.ndarray | slice, verb: int | np.ndarray, at: np.ndarray, **columns: Any) -> None:
        frame = {"at": at + epoch, "user": uid[rows], "verb": verb, **columns}
        parts.append(pl.DataFrame({k: (np.full(len(at), v) if np.isscalar(v) else v) for k, v in frame.items()}))

    k = np.flatnonzero(keep)
    add(k, CODE["submitted"], end[k], ex=ex[k], success=passed[k], hints=hints[k], dur=duration[k],
        tp=tests_passed[k], tt=tests_total[k], ms=grade_ms[k])
    add(k, np.where(passed[k], CODE["completed"], CODE["failed"]), end[k], ex=ex[k], success=passed[k], hints=hints[k],
        dur=duration[k], tp=tests_passed[k], tt=tests_total[k], ms=grade_ms[k])
    r = np.repeat(k, runs[k])  # "Run tests" before submitting, failing until the last
    step = np.arange(len(r)) - np.repeat(np.cumsum(runs[k]) - runs[k], runs[k]) + 1
    frac = step / (runs[r] + 1)
    add(r, CODE["ran-tests"], begin[r] + (duration[r] * frac).astype(np.int64), ex=ex[r],
        tp=np.floor(tests_passed[r] * frac).astype(int), tt=tests_total[r], ms=grade_ms[r])
    h = np.repeat(k, hints[k])
    hint = np.arange(len(h)) - np.repeat(np.cumsum(hints[k]) - hints[k], hints[k]) + 1
    add(h, CODE["requested-hint"], begin[h] + (duration[h] * hint / (hints[h] + 1.5)).astype(np.int64), ex=ex[h],
        hint=hint)
    tutor = k[~passed[k] & (rng.random(len(k)) < 0.15)]  # a question after a failed submission, then its reply
    t = len(tutor)
    asked, message_chars = end[tutor] + 30, rng.integers(20, 240, t)
    intent = rng.integers(0, len(INTENTS), t).astype(np.int8)
    add(tutor, CODE["asked-tutor"], asked, ex=ex[tutor], n2=message_chars)
    add(tutor, CODE["tutor-replied"], asked + rng.integers(2, 20, t), ex=ex[tutor], n2=message_chars,
        n1=rng.integers(200, 900, t), intent=intent,
        hint=np.where(np.isin(intent, GIVE_A_HINT), np.minimum(hints[tutor] + 1, n_hints[ex[tutor]]), 0),
        tokens_in=np.where(rng.random(t) < LLM_SHARE, rng.integers(600, 2400, t), 0))
    s = np.flatnonzero(new_session & keep)
    add(s, CODE["logged-in"], begin[s] - 30)
    skip = s[rng.random(len(s)) < p["skippy"][a_learner[s]] * 3]
    add(skip, CODE["skipped"], begin[skip] - 10, ex=rng.integers(0, len(exercises), len(skip)))
    # registration and the onboarding interview, on each learner's first day
    joined = (p["start"] * 86400 + p["hour"] * 3600 - 900).astype(np.int64)
    parts.append(pl.DataFrame({"at": joined + epoch, "user": p["id"], "verb": np.full(len(joined), CODE["registered"])}))
    for i in range(len(STEPS)):
        parts.append(pl.DataFrame({"at": joined + epoch + 60 * (i + 1), "user": p["id"],
                                   "verb": np.full(len(joined), CODE["answered-onboarding"]),
                                   "step": np.full(len(joined), i)}))
    frame = pl.concat(parts, how="diagonal_relaxed")
    return frame.with_columns(pl.col("verb").cast(pl.Int8)).sort(["at", "user", "verb"])


def _pick_exercises(rng: np.random.Generator, difficulty: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """For each wanted level, a random exercise of the nearest level the bank has."""
    levels = np.unique(difficulty)
    nearest = levels[np.abs(levels[None, :] - np.arange(11)[:, None]).argmin(axis=1)]
    table = [np.flatnonzero(difficulty == nearest[level]) for level in range(11)]
    sizes = np.array([len(t) for t in table])
    padded = np.zeros((11, sizes.max()), dtype=int)
    for level, members in enumerate(table):
        padded[level, : len(members)] = members
    column = (rng.random(len(wanted)) * sizes[wanted]).astype(int)
    return padded[wanted, column]
