"""Learner-scope queries: one learner's progress, for the Progress page and its achievements.
These are every query the page runs (plus the learner model's own small reads), so the
benchmark times exactly what the page costs.

Every query takes the same three parameters, ``user_id``, ``since`` and ``until`` (naive UTC
timestamps; None for no bound), so callers pass ``params(user_id)``; DuckDB refuses both missing
and extra parameters. Those that count days or weeks take a fourth, ``zone``, the learner's time
zone (an IANA name), where their days begin: pass ``params(user_id, zone=...)`` (``Query.taking`` picks
a query's own from a superset).
Each reads the learner's rows of ``events`` through the ``events_user``
index: the WHERE of the first step filters on ``user_id`` only, because any other condition there
makes DuckDB scan the whole log instead; the rest of the filtering, the time window included,
happens on the materialised rows of that one learner.

A submission writes "submitted" and then "completed" or "failed" with the same result: the
queries count the second event, one per submission ("a try"). Days and weeks are the learner's
(``zone``); weeks start on Monday. The SQLite text of each query asks the same question of a copy
of the log whose ``occurred_at`` is ISO text and whose ``result``/``context`` are JSON text;
SQLite knows no time zones, so its days are UTC days (the same answer for a learner in UTC).

Hints: a try's ``shown`` is the running count of hints shown on its exercise when it was
submitted (the Practice page keeps it in the exercise's draft until a pass clears it), and its
``hints`` those it used, counted once however many tries repeat them (``engine.queries.hints``).
Hints used are worked out on all the learner's tries before the time window applies, so a window
counts the hints first shown inside it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from engine.analytics import Query
from engine.queries import wall_time
from engine.queries.hints import hints_used, seconds_added
from engine.queries.verbs import TRIES

PARAMS = ("user_id", "since", "until")
SOLVED_MILESTONES = (1, 10, 50, 100)  # the pass counts achievements are unlocked at
CLEAN_RUN = 5  # passes in a row without a hint that unlock the hint-free achievement


def params(user_id: int, since: datetime | None = None, until: datetime | None = None,
           zone: str | None = None) -> dict[str, Any]:
    """The parameters every learner query takes: ``since`` inclusive, ``until`` exclusive; with
    ``zone`` (the learner's time zone), those of the queries of days and weeks."""
    return {"user_id": user_id, "since": since, "until": until} | ({"zone": zone} if zone is not None else {})


def _counted_once(greatest: str) -> str:
    """Every try with the hints and the seconds it added (each counted once), in a dialect: ``greatest``."""
    return seconds_added(f"({hints_used('every_try', 'exercise_id', greatest=greatest)})", "exercise_id")


# The learner's rows (index scan), then one row per try with its figures (hints and seconds from the log's
# columns, difficulty and skill out of its JSON context) and the hints it used, worked out before the time
# window applies.
_DUCKDB_TRIES = f"""
WITH mine AS MATERIALIZED (
    SELECT id, user_id, occurred_at, verb, object, hints, duration_s, context FROM events
    WHERE user_id = $user_id  -- alone: a time window here too would turn the index lookup into a scan
), every_try AS (
    SELECT id, user_id, occurred_at, object AS exercise_id, verb = 'completed' AS passed,
           coalesce(hints, 0) AS shown, duration_s,
           CAST(context->>'difficulty' AS DOUBLE) AS difficulty,
           context->>'$.skills[0]' AS skill
    FROM mine WHERE verb IN {TRIES}
), tries AS (
    SELECT * FROM ({_counted_once("greatest")})
    WHERE ($since IS NULL OR occurred_at >= $since) AND ($until IS NULL OR occurred_at < $until)
)
"""

_SQLITE_TRIES = f"""
WITH mine AS (
    SELECT id, user_id, occurred_at, verb, object, hints, duration_s, context FROM events
    WHERE user_id = :user_id
), every_try AS (
    SELECT id, user_id, occurred_at, object AS exercise_id, verb = 'completed' AS passed,
           coalesce(hints, 0) AS shown, duration_s,
           CAST(json_extract(context, '$.difficulty') AS DOUBLE) AS difficulty,
           json_extract(context, '$.skills[0]') AS skill
    FROM mine WHERE verb IN {TRIES}
), tries AS (
    SELECT * FROM ({_counted_once("max")})
    WHERE (:since IS NULL OR occurred_at >= :since) AND (:until IS NULL OR occurred_at < :until)
)
"""

# What differs between the dialects inside the bodies below.
_LOCAL = wall_time("occurred_at")  # the learner's
_DUCKDB_WORDS = {"day": f"CAST({_LOCAL} AS DATE)", "week": f"CAST(date_trunc('week', {_LOCAL}) AS DATE)"}
_SQLITE_WORDS = {"day": "date(occurred_at)", "week": "date(occurred_at, 'weekday 0', '-6 days')"}

_MINUTES = "CAST(coalesce(sum(seconds), 0) AS DOUBLE) / 60"  # each second once (``seconds_added``)
_HINTS = "CAST(coalesce(sum(hints), 0) AS BIGINT)"  # hints used: each counted once (module docstring)


def _learner(name: str, body: str, description: str) -> Query:
    """A query on the learner's tries: ``body`` follows the ``tries`` step, with {day}/{week}."""
    body = body.replace("{minutes}", _MINUTES).replace("{hints}", _HINTS)
    return Query(name, "learner", _DUCKDB_TRIES + body.format(**_DUCKDB_WORDS),
                 _SQLITE_TRIES + body.format(**_SQLITE_WORDS), description)


ACTIVE_DAYS = _learner("learner_active_days", """
SELECT {day} AS day, count(*) AS attempts, count(*) FILTER (WHERE passed) AS passes, {minutes} AS minutes
FROM tries GROUP BY {day} ORDER BY day
""", "Each day (the learner's) with at least one try: tries, passes and minutes (the streak calendar and streaks).")

WEEKLY = _learner("learner_weekly", """
SELECT {week} AS week, count(*) AS attempts, count(*) FILTER (WHERE passed) AS passes,
       CAST(count(*) FILTER (WHERE passed) AS DOUBLE) / count(*) AS success_rate,
       avg(difficulty) AS mean_difficulty, {minutes} AS minutes, {hints} AS hints
FROM tries GROUP BY {week} ORDER BY week
""", "Each week (the learner's, from Monday) with tries: success rate, mean authored difficulty, minutes on task, hints first "
   "shown that week.")

EXERCISES = _learner("learner_exercises", """
SELECT exercise_id, count(*) AS attempts, count(*) FILTER (WHERE passed) AS passes, {hints} AS hints,
       CAST({hints} AS DOUBLE) / count(*) AS hints_per_attempt, {minutes} AS minutes, max(occurred_at) AS last_at
FROM tries GROUP BY exercise_id ORDER BY exercise_id
""", "Each exercise tried: tries, passes, hints used (the most shown before each pass, not the sum over tries) "
   "and those per try, minutes, last try (the totals add up from it).")

_MILESTONE_COLUMNS = ",\n".join(
    f"       (SELECT min(occurred_at) FROM numbered WHERE passed AND pass_number = {n}) AS pass_{n}_at"
    for n in SOLVED_MILESTONES)

RECORDS = _learner("learner_records", f"""
, numbered AS (
    SELECT id, occurred_at, passed, passed AND shown = 0 AS clean,
           sum(CASE WHEN passed THEN 1 ELSE 0 END) OVER (ORDER BY occurred_at, id) AS pass_number,
           sum(CASE WHEN passed AND shown = 0 THEN 0 ELSE 1 END) OVER (ORDER BY occurred_at, id) AS run
    FROM tries
), clean AS (
    SELECT run, occurred_at, row_number() OVER (PARTITION BY run ORDER BY occurred_at, id) AS position
    FROM numbered WHERE clean
)
SELECT (SELECT coalesce(max(position), 0) FROM clean) AS longest_clean_run,
       (SELECT coalesce(max(position), 0) FROM clean WHERE run = (SELECT max(run) FROM numbered)) AS current_clean_run,
       (SELECT min(occurred_at) FROM clean WHERE position = {CLEAN_RUN}) AS clean_run_reached_at,
{_MILESTONE_COLUMNS}
""", f"One row of records: the longest and the current run of passes without a hint, when a run first reached "
     f"{CLEAN_RUN}, and when pass number {', '.join(map(str, SOLVED_MILESTONES))} happened (achievements).")

ACTIVITY_VERSION = Query("learner_activity_version", "learner", """
SELECT coalesce(max(id), 0) AS version FROM events
WHERE user_id = $user_id AND ($since IS NULL OR occurred_at >= $since) AND ($until IS NULL OR occurred_at < $until)
""", """
SELECT coalesce(max(id), 0) AS version FROM events
WHERE user_id = :user_id AND (:since IS NULL OR occurred_at >= :since) AND (:until IS NULL OR occurred_at < :until)
""", "The id of the learner's latest event: changes whenever they do something (a cache key).")

QUERIES: list[Query] = [ACTIVE_DAYS, WEEKLY, EXERCISES, RECORDS, ACTIVITY_VERSION]
