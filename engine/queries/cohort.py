"""Cohort-scope queries: a cohort's learners (``$cohort_id`` via ``cohort_members``), for educators.

Each reads the activity log once, joined to the cohort's members, and aggregates in the
database: the dashboard (``engine.dashboard``) turns the few rows that come back into its
tables and flags. An attempt's hints and seconds are read from the log's own columns, not out of
its JSON result: reading a JSON field reads the whole text of every attempt's result, which took
three times as long.

Hints used are counted once per exercise, however many attempts repeat them
(``engine.queries.hints``), as the learner queries count them.

Days and weeks (the activity per day and week, each learner's active days) are those of ``$zone``,
the educator's time zone: a cohort's learners may live in several, and the educator reads the
dashboard in their own.

Windows that need a "now" ("the last 14 days") are measured back from the cohort's latest
attempt (``as_of``), so a query needs no clock and answers the same on the same rows; the
dashboard compares ``last_at`` with the real now for inactivity.
"""

from __future__ import annotations

from engine.analytics import Query
from engine.queries import local_days, quarter_hour
from engine.queries.hints import hints_used
from engine.queries.verbs import PRACTICE, TRIES

RECENT_DAYS = 14  # the "recent" window of the at-risk trends
BEFORE_DAYS = 28  # the window before it, to compare with



# the cohort's practice, each event with its quarter hour, which ``local_days`` gives its day in ``$zone``
_PRACTICE_TIMES = f"""
WITH practice AS (
    SELECT e.user_id, e.occurred_at, {quarter_hour("e.occurred_at")} AS bucket
    FROM events e JOIN cohort_members m ON m.user_id = e.user_id
    WHERE m.cohort_id = $cohort_id AND e.verb IN {PRACTICE}
), local AS ({local_days("practice")})"""

_ACTIVE_DAYS_DUCKDB = f"""{_PRACTICE_TIMES}
SELECT l.day, count(DISTINCT p.user_id) AS learners, count(*) AS events
FROM practice p JOIN local l USING (bucket)
GROUP BY l.day ORDER BY l.day
"""
_ACTIVE_DAYS_SQLITE = f"""
SELECT date(e.occurred_at) AS day, count(DISTINCT e.user_id) AS learners, count(*) AS events
FROM cohort_members m JOIN events e ON e.user_id = m.user_id
WHERE m.cohort_id = :cohort_id AND e.verb IN {PRACTICE}
GROUP BY day ORDER BY day
"""

_ACTIVE_WEEKS_DUCKDB = f"""{_PRACTICE_TIMES}
SELECT l.week, count(DISTINCT p.user_id) AS learners, count(*) AS events
FROM practice p JOIN local l USING (bucket)
GROUP BY l.week ORDER BY l.week
"""
# weeks start on Monday in both: SQLite's 'weekday 0' moves to the next Sunday (or stays), -6 days is its Monday
_ACTIVE_WEEKS_SQLITE = f"""
SELECT date(e.occurred_at, 'weekday 0', '-6 days') AS week, count(DISTINCT e.user_id) AS learners,
       count(*) AS events
FROM cohort_members m JOIN events e ON e.user_id = m.user_id
WHERE m.cohort_id = :cohort_id AND e.verb IN {PRACTICE}
GROUP BY week ORDER BY week
"""

_LEARNERS_DUCKDB = f"""{_PRACTICE_TIMES}, span AS (
    SELECT p.user_id, min(p.occurred_at) AS first_at, max(p.occurred_at) AS last_at, count(*) AS events,
           count(DISTINCT l.day) AS active_days
    FROM practice p JOIN local l USING (bucket)
    GROUP BY p.user_id
), graded AS (
    SELECT e.id, e.user_id, e.occurred_at, e.object, e.verb = 'completed' AS passed, coalesce(e.hints, 0) AS shown
    FROM events e JOIN cohort_members m ON m.user_id = e.user_id
    WHERE m.cohort_id = $cohort_id AND e.verb IN {TRIES}
), tries AS ({hints_used('graded', 'object', greatest="greatest")}
), as_of AS (SELECT max(occurred_at) AS t FROM tries),
windowed AS (
    SELECT user_id, object, passed, hints,
           occurred_at > as_of.t - INTERVAL {RECENT_DAYS} DAY AS recent,
           occurred_at <= as_of.t - INTERVAL {RECENT_DAYS} DAY
               AND occurred_at > as_of.t - INTERVAL {RECENT_DAYS + BEFORE_DAYS} DAY AS before
    FROM tries, as_of
), per_learner AS (
    SELECT user_id, count(*) AS attempts, count(*) FILTER (WHERE passed) AS passes,
           count(DISTINCT object) FILTER (WHERE passed) AS solved, coalesce(sum(hints), 0) AS hints,
           count(*) FILTER (WHERE recent) AS recent_attempts,
           count(*) FILTER (WHERE passed AND recent) AS recent_passes,
           coalesce(sum(hints) FILTER (WHERE recent), 0) AS recent_hints,
           count(*) FILTER (WHERE before) AS before_attempts,
           count(*) FILTER (WHERE passed AND before) AS before_passes,
           coalesce(sum(hints) FILTER (WHERE before), 0) AS before_hints
    FROM windowed GROUP BY user_id
)
SELECT m.user_id, m.joined_at, s.first_at, s.last_at, coalesce(s.events, 0) AS events,
       coalesce(s.active_days, 0) AS active_days, coalesce(p.attempts, 0) AS attempts,
       coalesce(p.passes, 0) AS passes, coalesce(p.solved, 0) AS solved, coalesce(p.hints, 0) AS hints,
       coalesce(p.recent_attempts, 0) AS recent_attempts, coalesce(p.recent_passes, 0) AS recent_passes,
       coalesce(p.recent_hints, 0) AS recent_hints, coalesce(p.before_attempts, 0) AS before_attempts,
       coalesce(p.before_passes, 0) AS before_passes, coalesce(p.before_hints, 0) AS before_hints,
       (SELECT t FROM as_of) AS as_of
FROM cohort_members m LEFT JOIN span s ON s.user_id = m.user_id LEFT JOIN per_learner p ON p.user_id = m.user_id
WHERE m.cohort_id = $cohort_id
ORDER BY m.user_id
"""
_LEARNERS_SQLITE = f"""
WITH scoped AS MATERIALIZED (
    SELECT e.id, e.user_id, e.occurred_at, e.verb, e.object, e.hints
    FROM cohort_members m JOIN events e ON e.user_id = m.user_id
    WHERE m.cohort_id = :cohort_id AND e.verb IN {PRACTICE}
), as_of AS (SELECT max(occurred_at) AS t FROM scoped WHERE verb IN {TRIES}),
graded AS (
    SELECT id, user_id, occurred_at, object, verb = 'completed' AS passed, coalesce(hints, 0) AS shown
    FROM scoped WHERE verb IN {TRIES}
), used AS ({hints_used('graded', 'object', greatest="max")}
), facts AS (
    SELECT s.user_id, s.occurred_at, s.verb, s.object,
           s.verb IN {TRIES} AS attempt, s.verb = 'completed' AS passed,
           u.hints,  -- attempts only
           s.occurred_at > datetime(a.t, '-{RECENT_DAYS} days') AS recent,
           s.occurred_at <= datetime(a.t, '-{RECENT_DAYS} days')
               AND s.occurred_at > datetime(a.t, '-{RECENT_DAYS + BEFORE_DAYS} days') AS before
    FROM scoped s CROSS JOIN as_of a LEFT JOIN used u ON u.id = s.id
), per_learner AS (
    SELECT user_id, min(occurred_at) AS first_at, max(occurred_at) AS last_at, count(*) AS events,
           count(DISTINCT date(occurred_at)) AS active_days,
           count(*) FILTER (WHERE attempt) AS attempts,
           count(*) FILTER (WHERE passed) AS passes,
           count(DISTINCT CASE WHEN passed THEN object END) AS solved,
           coalesce(sum(hints), 0) AS hints,
           count(*) FILTER (WHERE attempt AND recent) AS recent_attempts,
           count(*) FILTER (WHERE passed AND recent) AS recent_passes,
           coalesce(sum(hints) FILTER (WHERE recent), 0) AS recent_hints,
           count(*) FILTER (WHERE attempt AND before) AS before_attempts,
           count(*) FILTER (WHERE passed AND before) AS before_passes,
           coalesce(sum(hints) FILTER (WHERE before), 0) AS before_hints
    FROM facts GROUP BY user_id
)
SELECT m.user_id, m.joined_at, p.first_at, p.last_at, coalesce(p.events, 0) AS events,
       coalesce(p.active_days, 0) AS active_days, coalesce(p.attempts, 0) AS attempts,
       coalesce(p.passes, 0) AS passes, coalesce(p.solved, 0) AS solved, coalesce(p.hints, 0) AS hints,
       coalesce(p.recent_attempts, 0) AS recent_attempts, coalesce(p.recent_passes, 0) AS recent_passes,
       coalesce(p.recent_hints, 0) AS recent_hints, coalesce(p.before_attempts, 0) AS before_attempts,
       coalesce(p.before_passes, 0) AS before_passes, coalesce(p.before_hints, 0) AS before_hints,
       (SELECT t FROM as_of) AS as_of
FROM cohort_members m LEFT JOIN per_learner p ON p.user_id = m.user_id
WHERE m.cohort_id = :cohort_id
ORDER BY m.user_id
"""

_ITEMS_DUCKDB = f"""
WITH graded AS (
    SELECT e.id, e.user_id, e.occurred_at, e.object AS exercise_id, e.verb = 'completed' AS passed,
           coalesce(e.hints, 0) AS shown, e.duration_s
    FROM events e JOIN cohort_members m ON m.user_id = e.user_id
    WHERE m.cohort_id = $cohort_id AND e.verb IN {TRIES}
), attempts AS ({hints_used('graded', 'exercise_id', greatest="greatest")}
)
SELECT exercise_id, count(*) AS attempts, count(DISTINCT user_id) AS learners,
       count(*) FILTER (WHERE passed) AS passes, avg(CAST(passed AS INTEGER)) AS pass_rate,
       median(duration_s) AS median_duration_s, avg(hints) AS hints_per_attempt
FROM attempts GROUP BY exercise_id ORDER BY exercise_id
"""
# SQLite has no median: the middle row (or the mean of the two middle rows) by a window
_ITEMS_SQLITE = f"""
WITH graded AS (
    SELECT e.id, e.user_id, e.occurred_at, e.object AS exercise_id, e.verb = 'completed' AS passed,
           coalesce(e.hints, 0) AS shown, e.duration_s
    FROM cohort_members m JOIN events e ON e.user_id = m.user_id
    WHERE m.cohort_id = :cohort_id AND e.verb IN {TRIES}
), attempts AS MATERIALIZED ({hints_used('graded', 'exercise_id', greatest="max")}
), ranked AS (
    SELECT exercise_id, duration_s,
           row_number() OVER (PARTITION BY exercise_id ORDER BY duration_s) AS i,
           count(*) OVER (PARTITION BY exercise_id) AS n
    FROM attempts WHERE duration_s IS NOT NULL
), medians AS (
    SELECT exercise_id, avg(duration_s) AS median_duration_s FROM ranked
    WHERE i IN ((n + 1) / 2, (n + 2) / 2) GROUP BY exercise_id
)
SELECT a.exercise_id, count(*) AS attempts, count(DISTINCT a.user_id) AS learners,
       count(*) FILTER (WHERE a.passed) AS passes, avg(a.passed) AS pass_rate,
       md.median_duration_s, avg(a.hints) AS hints_per_attempt
FROM attempts a LEFT JOIN medians md ON md.exercise_id = a.exercise_id
GROUP BY a.exercise_id ORDER BY a.exercise_id
"""

QUERIES: list[Query] = [
    Query("cohort_active_days", "cohort", _ACTIVE_DAYS_DUCKDB, _ACTIVE_DAYS_SQLITE,
          "Learners of the cohort practising each day (engine.queries.verbs.PRACTICE_VERBS), and their practice events."),
    Query("cohort_active_weeks", "cohort", _ACTIVE_WEEKS_DUCKDB, _ACTIVE_WEEKS_SQLITE,
          "Learners of the cohort practising each week (weeks start on Monday), and their practice events."),
    Query("cohort_learners", "cohort", _LEARNERS_DUCKDB, _LEARNERS_SQLITE,
          "One row per member: practice span, active days, attempts, passes, exercises solved, hints used (each "
          "counted once), and the same "
          f"for the last {RECENT_DAYS} days and the {BEFORE_DAYS} before them (back from the cohort's "
          "latest attempt, as_of): the progress distribution and the at-risk flags."),
    Query("cohort_items", "cohort", _ITEMS_DUCKDB, _ITEMS_SQLITE,
          "One row per exercise the cohort attempted: attempts, learners, passes, pass rate, median "
          "time (seconds) and hints per attempt (hints used, each counted once, over attempts): the item analysis."),
]
