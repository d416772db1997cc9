"""The cohort dashboard: the cohort queries and the learner model turned into an educator's tables.

``build_dashboard`` runs the cohort-scope queries (``engine/queries/cohort.py``) once each, reads
the learner model for the whole cohort at once (not learner by learner), and returns Polars frames: activity per day
and week, one row per learner (the progress distribution, and the skill to work on next), the
learners at risk with the reason, the item analysis (``engine.item_analysis``: miscalibrated exercises flagged and why),
and a learner x skill mastery table for the heatmap. A learner's skill to work on next, their
weakest in the one meaning of ``engine.progress.work_on_next``, is the one their Progress page
names. Authorization is the caller's (``Workbench.cohort_dashboard`` checks that the educator owns
the cohort); nothing here reads outside the cohort.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

import polars as pl

from engine import analytics
from engine.accounts import User
from engine.bank import Bank
from engine.chart_words import dated
from engine.clock import DEFAULT_TIME_ZONE, in_zone, local_day, to_naive_utc
from engine.cohorts import Cohort, Member
from engine.curriculum import Curriculum
from engine.item_analysis import CalibrationRules, calibrated, item_analysis
from engine.learner import GENERAL_PRIOR, STARTING_LEVEL, LearnerModel, SkillEstimate, skill_estimates
from engine.progress import NextSkill, Progress, tries_by_skill, work_on_next
from engine.progress import load as load_progress
from engine.queries.cohort import BEFORE_DAYS, RECENT_DAYS
from engine.queries.verbs import TRIES
from engine.rating import Belief, logistic
from engine.store import Store


@dataclass(frozen=True, kw_only=True)
class RiskRules:
    """When a learner counts as at risk. The defaults flag a clear change, not noise."""

    inactive_days: int = 7  # no activity for this many days
    min_attempts: int = 5  # attempts needed in each window before a trend counts
    success_drop: float = 0.20  # success rate fell by this much (0.80 -> 0.60)
    hint_rise: float = 0.5  # hints per attempt rose by this much


@dataclass(frozen=True)
class Dashboard:
    """Everything the cohort page shows, as frames. ``tables()`` is what the CSV export offers."""

    cohort: Cohort
    now: datetime  # naive UTC
    active_days: pl.DataFrame
    active_weeks: pl.DataFrame
    learners: pl.DataFrame
    at_risk: pl.DataFrame
    items: pl.DataFrame
    mastery: pl.DataFrame
    skills: dict[str, str] = field(default_factory=dict)  # skill id -> name, in curriculum order
    zone: str = "UTC"  # the time zone whose days the activity counts (the educator's)

    @property
    def today(self) -> date:
        """Today in ``zone``: the day the activity's last bar may be, so far."""
        return local_day(self.now, self.zone)

    def tables(self) -> dict[str, pl.DataFrame]:
        return {"learners": self.learners, "at_risk": self.at_risk, "active_days": self.active_days,
                "active_weeks": self.active_weeks, "items": self.items, "mastery": self.mastery}

    @property
    def active_learners(self) -> int:
        """Learners who practised in the last 7 days (as the activity charts count: joining is not
        practising, though a newcomer is not yet inactive either)."""
        return int(self.learners.filter(pl.col("last_at").is_not_null() & (pl.col("days_inactive") < 7)).height)

    @property
    def trend_window(self) -> str:
        """The at-risk trends' windows in words, no longer than the cohort's practice so far: "the last 14
        days against the 28 days before them", or "... against the 9 days before them" when practice began
        23 days back."""
        as_of, first = self.learners["as_of"].max(), self.learners["first_at"].min()
        if not (isinstance(as_of, datetime) and isinstance(first, datetime)):
            return _windows(BEFORE_DAYS)
        if _history_before(first, as_of) <= 0:
            return f"{_windows(BEFORE_DAYS)}, which have no practice yet"
        return _windows(before_days(first, as_of))


def build_dashboard(store: Store, cohort: Cohort, members: list[Member], bank: Bank, curriculum: Curriculum,
                    now: datetime, *, risk: RiskRules | None = None,
                    calibration: CalibrationRules | None = None, zone: str | None = None) -> Dashboard:
    """The dashboard of ``cohort`` (whose ``members`` the caller has read) as of ``now``; days counted in
    ``zone`` (the educator's time zone; None: UTC)."""
    now = to_naive_utc(now)
    zone = zone or DEFAULT_TIME_ZONE
    days, weeks, facts, items = (analytics.run(store, query, **query.taking({"cohort_id": cohort.id, "zone": zone}))
                                 for query in map(analytics.query, ("cohort_active_days", "cohort_active_weeks",
                                                                    "cohort_learners", "cohort_items")))
    people = _people(members)
    model = _model_state(store, cohort.id)
    estimates = cohort_estimates(store, cohort.id, people, curriculum)
    upcoming = next_skills(estimates, _tries(store, cohort.id, bank), curriculum)
    learners = _learners(facts, people, model, upcoming, now, zone)
    skills = {s: curriculum.name(s) for s in curriculum.skills}
    return Dashboard(cohort=cohort, now=now, active_days=days, active_weeks=weeks, learners=learners,
                     at_risk=at_risk(learners, risk or RiskRules()),
                     items=item_analysis(items, bank, calibrated(store), calibration or CalibrationRules()),
                     mastery=mastery(people, estimates, upcoming, curriculum), skills=skills, zone=zone)


# -- learners ---------------------------------------------------------------------------------


def _people(members: list[Member]) -> pl.DataFrame:
    return pl.DataFrame({"user_id": [m.user.id for m in members], "name": [m.user.name for m in members],
                         "username": [m.user.username for m in members]},
                        schema={"user_id": pl.Int64, "name": pl.Utf8, "username": pl.Utf8})


def _model_state(store: Store, cohort_id: int) -> pl.DataFrame:
    return store.frame(
        "SELECT m.user_id, s.level, s.ability FROM cohort_members m JOIN learner_state s ON s.user_id = m.user_id "
        "WHERE m.cohort_id = $cohort_id", {"cohort_id": cohort_id}).with_columns(pl.col("user_id").cast(pl.Int64))


def _learners(facts: pl.DataFrame, people: pl.DataFrame, model: pl.DataFrame, upcoming: dict[int, NextSkill | None],
              now: datetime, zone: str = DEFAULT_TIME_ZONE) -> pl.DataFrame:
    """One row per member, readable: who, when last active (``last_day``: the day it was in ``zone``, the
    educator's, as the activity charts count days), how much, how well, what to work on next."""
    rate = pl.when(pl.col("attempts") > 0).then(pl.col("passes") / pl.col("attempts"))
    frame = (facts.with_columns(pl.col("user_id").cast(pl.Int64))
             .join(people, on="user_id", how="left")
             .join(model, on="user_id", how="left")
             .join(_next_skill_columns(upcoming), on="user_id", how="left")
             .with_columns(
                 level=pl.col("level").fill_null(STARTING_LEVEL),  # no model state yet: the level they start at
                 success_rate=rate,
                 # a sum in DuckDB arrives as a whole-number decimal, whose division would round
                 hints_per_attempt=pl.when(pl.col("attempts") > 0).then(pl.col("hints").cast(pl.Float64) / pl.col("attempts")),
                 days_inactive=_days_since(pl.coalesce("last_at", "joined_at"), now, zone),
                 days_since_joined=_days_since(pl.col("joined_at"), now, zone),
                 last_day=_local_day(pl.col("last_at"), zone)))
    return frame.select("user_id", "name", "username", "joined_at", "days_since_joined", "first_at", "last_at",
                        "last_day", "days_inactive",
                        "active_days", "events", "attempts", "passes", "success_rate", "solved", "hints",
                        "hints_per_attempt", "level", "next_skill", "next_skill_name",
                        "recent_attempts", "recent_passes", "recent_hints",
                        "before_attempts", "before_passes", "before_hints", "as_of").sort("name", "user_id")


def _next_skill_columns(upcoming: dict[int, NextSkill | None]) -> pl.DataFrame:
    return pl.DataFrame({"user_id": list(upcoming),
                         "next_skill": [n.skill if n else None for n in upcoming.values()],
                         "next_skill_name": [n.name if n else None for n in upcoming.values()]},
                        schema={"user_id": pl.Int64, "next_skill": pl.Utf8, "next_skill_name": pl.Utf8})


def _days_since(moment: pl.Expr, now: datetime, zone: str) -> pl.Expr:
    """Days from a stored (naive UTC) moment to ``now``, counted in ``zone``'s dates, as the day last active
    beside it is: in 24-hour periods, "inactive for 7 days" stood beside a last active day 8 days ago."""
    return (pl.lit(local_day(now, zone)) - _local_day(moment, zone)).dt.total_days().cast(pl.Int64).clip(lower_bound=0)


def _local_day(moment: pl.Expr, zone: str) -> pl.Expr:
    """The day a stored (naive UTC) moment fell on in ``zone``."""
    return moment.dt.replace_time_zone("UTC").dt.convert_time_zone(zone).dt.date()


def at_risk(learners: pl.DataFrame, rules: RiskRules) -> pl.DataFrame:
    """The learners to reach out to, each with every reason that applies, longest inactive first (the day
    last active is the learners' ``last_day``: the educator's, as the charts count days)."""
    rows = []
    for row in learners.iter_rows(named=True):
        reasons, kinds = [], []
        if row["attempts"] == 0 and row["days_since_joined"] >= rules.inactive_days:
            kinds.append("inactive")
            reasons.append(f"no exercise tried since joining {row['days_since_joined']} days ago")
        elif row["days_inactive"] >= rules.inactive_days:
            kinds.append("inactive")
            reasons.append(f"inactive for {row['days_inactive']} days (last active {dated(row['last_day'])})")
        recent, before = row["recent_attempts"], row["before_attempts"]
        if recent >= rules.min_attempts and before >= rules.min_attempts:
            then, lately = row["before_passes"] / before, row["recent_passes"] / recent
            windows = _windows(before_days(row.get("first_at"), row.get("as_of")))
            if then - lately >= rules.success_drop:
                kinds.append("falling success")
                reasons.append(f"success fell from {then:.0%} to {lately:.0%} ({windows})")
            then_h, lately_h = row["before_hints"] / before, row["recent_hints"] / recent
            if lately_h - then_h >= rules.hint_rise:
                kinds.append("rising hint use")
                reasons.append(f"hints per try rose from {then_h:.1f} to {lately_h:.1f} ({windows})")
        if reasons:
            rows.append({"user_id": row["user_id"], "name": row["name"], "username": row["username"],
                         "days_inactive": row["days_inactive"], "flags": ", ".join(kinds),
                         "reason": "; ".join(reasons)})
    schema = {"user_id": pl.Int64, "name": pl.Utf8, "username": pl.Utf8, "days_inactive": pl.Int64,
              "flags": pl.Utf8, "reason": pl.Utf8}
    return pl.DataFrame(rows, schema=schema).sort("days_inactive", "name", descending=[True, False])


def _history_before(first_at: datetime, as_of: datetime) -> float:
    """Days of practice before the recent window (negative: none)."""
    return (as_of - timedelta(days=RECENT_DAYS) - first_at).total_seconds() / 86400


def before_days(first_at: datetime | None, as_of: datetime | None) -> int:
    """The days of the trends' "before" window that practice could fill: ``BEFORE_DAYS``, fewer when it began
    later (``first_at``, the first practice; ``as_of``, the cohort's latest attempt the windows end at)."""
    if first_at is None or as_of is None:
        return BEFORE_DAYS
    return max(1, min(BEFORE_DAYS, math.ceil(_history_before(first_at, as_of))))


def _windows(before: int) -> str:
    """The trends' two windows in words: "the last 14 days against the 28 days before them" (days, not weeks:
    the shorter "the 3 before" was read as 3 weeks)."""
    return f"the last {RECENT_DAYS} days against {'the day' if before == 1 else f'the {before} days'} before them"


# -- mastery and the skill to work on next ----------------------------------------------------


def cohort_estimates(store: Store, cohort_id: int, people: pl.DataFrame,
                     curriculum: Curriculum) -> dict[int, dict[str, SkillEstimate]]:
    """Every member's skill estimates, as their Progress page has them (``engine.learner.skill_estimates``),
    the cohort's beliefs read in two statements rather than two per learner."""
    params = {"cohort_id": cohort_id}
    general = store.frame("SELECT s.user_id, s.ability, s.variance FROM cohort_members m "
                          "JOIN learner_state s ON s.user_id = m.user_id WHERE m.cohort_id = $cohort_id", params)
    rated = store.frame("SELECT r.user_id, r.skill, r.deviation, r.variance, r.evidence FROM skill_ratings r "
                        "JOIN cohort_members m ON m.user_id = r.user_id WHERE m.cohort_id = $cohort_id", params)
    beliefs = {user_id: Belief(ability, variance) for user_id, ability, variance in general.iter_rows()}
    deviations: dict[int, dict[str, tuple[Belief, int]]] = defaultdict(dict)
    for user_id, skill, deviation, variance, evidence in rated.iter_rows():
        deviations[user_id][skill] = (Belief(deviation, variance), evidence)
    return {user_id: skill_estimates(curriculum, beliefs.get(user_id, GENERAL_PRIOR), deviations.get(user_id, {}))
            for user_id in people["user_id"].to_list()}


def _tries(store: Store, cohort_id: int, bank: Bank) -> pl.DataFrame:
    """Tries and passes per member and primary skill, counted as the Progress page counts them
    (``engine.queries.verbs``), whenever they happened."""
    per_exercise = store.frame(
        "SELECT e.user_id, e.object AS exercise_id, count(*) AS attempts, "
        "count(*) FILTER (WHERE e.verb = 'completed') AS passes "
        "FROM events e WHERE e.user_id IN (SELECT user_id FROM cohort_members WHERE cohort_id = $cohort_id) "
        f"AND e.verb IN {TRIES} GROUP BY e.user_id, e.object",
        {"cohort_id": cohort_id})
    return tries_by_skill(per_exercise, bank, "user_id")


def next_skills(estimates: dict[int, dict[str, SkillEstimate]], tries: pl.DataFrame,
                curriculum: Curriculum) -> dict[int, NextSkill | None]:
    """Each member's skill to work on next (``engine.progress.work_on_next``): what their Progress page names."""
    tried: dict[int, dict[str, dict[str, int]]] = defaultdict(dict)
    for row in tries.iter_rows(named=True):
        tried[row["user_id"]][row["skill"]] = row
    return {user_id: work_on_next(curriculum, mine, tried.get(user_id, {})) for user_id, mine in estimates.items()}


def mastery(people: pl.DataFrame, estimates: dict[int, dict[str, SkillEstimate]],
            upcoming: dict[int, NextSkill | None], curriculum: Curriculum) -> pl.DataFrame:
    """Learner x skill, long form: the model's ability in the skill (general + deviation, as on the
    Progress page), ``mastery``, the chance of passing a middle (level 5.5) exercise of it, and
    ``is_next``, whether it is the learner's skill to work on next. Skills without results take the
    learner's general ability (``evidence`` 0)."""
    skills = list(curriculum.skills)
    ids = people["user_id"].to_list()
    cells = [estimates[user_id][skill] for user_id in ids for skill in skills]  # learner by learner, skills in order
    upcoming_skill = {user_id: nxt.skill for user_id, nxt in upcoming.items() if nxt is not None}
    # built by columns: a thousand learners make fifteen thousand cells
    frame = pl.DataFrame({
        "user_id": [user_id for user_id in ids for _ in skills],
        "name": [name for name in people["name"].to_list() for _ in skills],
        "skill": skills * len(ids), "skill_name": [curriculum.name(s) for s in skills] * len(ids),
        "skill_order": list(range(len(skills))) * len(ids),
        "ability": [e.ability for e in cells], "mastery": [logistic(e.ability) for e in cells],
        "evidence": [e.evidence for e in cells],
        "is_next": [upcoming_skill.get(user_id) == skill for user_id in ids for skill in skills]},
        schema={"user_id": pl.Int64, "name": pl.Utf8, "skill": pl.Utf8, "skill_name": pl.Utf8, "skill_order": pl.Int64,
                "ability": pl.Float64, "mastery": pl.Float64, "evidence": pl.Int64, "is_next": pl.Boolean})
    return frame.sort("name", "user_id", "skill_order")


# -- one learner, read-only -------------------------------------------------------------------


@dataclass(frozen=True)
class LearnerReport:
    """One learner's progress as their educator sees it (read-only): the Progress page's figures
    (``engine.progress.Progress``: streaks, weekly success, mastery per skill, exercises), the
    visible level and the latest attempts. Built by ``Workbench.learner_progress_for``."""

    user_id: int
    name: str
    username: str
    level: int
    progress: Progress
    attempts: pl.DataFrame  # newest first: submitted_at, exercise_id, title, passed, hints_used, duration_s

    def tables(self) -> dict[str, pl.DataFrame]:
        return {"mastery": self.progress.mastery, "weekly": self.progress.weekly,
                "exercises": self.progress.exercises, "attempts": self.attempts}


def learner_report(store: Store, model: LearnerModel, curriculum: Curriculum, bank: Bank, learner: User,
                   now: datetime, limit: int = 200) -> LearnerReport:
    """The report of ``learner`` with their latest ``limit`` attempts. Authorization is the caller's."""
    attempts = store.frame(
        "SELECT submitted_at, exercise_id, passed, hints_used, duration_s FROM attempts WHERE user_id = $user_id "
        "ORDER BY submitted_at DESC, id DESC LIMIT $limit", {"user_id": learner.id, "limit": limit})
    # the title people read, beside the id tools join on; an exercise gone from the bank keeps its id
    titles = {e.id: e.title for e in bank}
    attempts = attempts.with_columns(title=pl.col("exercise_id").replace_strict(titles, default=pl.col("exercise_id"),
                                                                                return_dtype=pl.Utf8))
    attempts = attempts.select("submitted_at", "exercise_id", "title", "passed", "hints_used", "duration_s")
    figures = load_progress(store, model, curriculum, bank, learner.id, in_zone(now, learner.time_zone))  # their days
    return LearnerReport(learner.id, learner.name, learner.username, model.level(learner.id).value, figures, attempts)
