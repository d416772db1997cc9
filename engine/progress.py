"""Progress: one learner's figures for the Progress page, composed from the learner queries
(``engine/queries/learner.py``) and the learner model.

``load`` reads everything the page shows in a handful of queries and returns a ``Progress``: Polars
frames for the charts and small dataclasses for the numbers (streaks, the skill to work on next).
Days are UTC days, weeks start on Monday. Use ``Workbench.progress``; the pieces here (streak
arithmetic, skill levels, mastery) are also what the achievements are judged on.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

import polars as pl

from engine import analytics
from engine.bank import Bank
from engine.clock import day_bounds, to_aware_utc
from engine.curriculum import Curriculum
from engine.learner import LearnerModel, SkillEstimate
from engine.level import LOGITS_PER_LEVEL
from engine.planner import prerequisites_met
from engine.queries import learner as queries
from engine.store import Store

CALENDAR_WEEKS = 53  # a year of days, in whole weeks, as the calendar draws them
MASTERY_LEVEL = 5.0  # a skill level at or above which, with a small uncertainty, a skill counts as mastered
MASTERY_SD = 0.8  # the largest uncertainty (logits, one standard deviation) a mastered skill may have
MASTERY_EVIDENCE = 5  # results in a skill before it can count as mastered: the interview alone never masters one
STATUSES = ("mastered", "next", "practising", "not started")


@dataclass(frozen=True)
class Summary:
    """All-time totals of the learner's tries (submissions) and when the latest was."""

    attempts: int = 0
    passes: int = 0
    exercises_solved: int = 0
    hints: int = 0
    minutes: float = 0.0
    active_days: int = 0
    last_at: datetime | None = None

    @property
    def success_rate(self) -> float | None:
        return self.passes / self.attempts if self.attempts else None


@dataclass(frozen=True)
class Streaks:
    """Days in a row with practice. ``current`` still counts a streak that ended yesterday: today
    is not over, so the learner can keep it going."""

    current: int
    longest: int
    practised_today: bool


@dataclass(frozen=True)
class NextSkill:
    skill: str
    name: str
    reason: str


@dataclass(frozen=True)
class Progress:
    """What the Progress page shows. Frames (columns in the comments) are ready for ``engine.charts``
    and ``engine.calendar_chart``."""

    user_id: int
    today: date  # the learner's, in their time zone
    version: int  # the activity version these figures were read at
    summary: Summary
    streaks: Streaks
    active_days: pl.DataFrame  # day, attempts, passes, minutes: every active day, oldest first
    calendar: pl.DataFrame  # day, attempts, passes, minutes: every day of the last year, zeros filled in
    weekly: pl.DataFrame  # week, attempts, passes, success_rate, mean_difficulty, minutes, hints
    exercises: pl.DataFrame  # exercise_id, title, attempts, passes, hints, hints_per_attempt, minutes, last_at
    mastery: pl.DataFrame  # skill, name, ability, sd, evidence, level, low, high, attempts, passes, mastered, status
    next_skill: NextSkill | None
    time_zone: str = "UTC"  # where the learner's days (``today``, the active days, the weeks) begin

    @property
    def empty(self) -> bool:
        """No tries yet: the page shows a welcome instead of empty charts."""
        return self.summary.attempts == 0

    @property
    def first_day(self) -> date | None:
        """The learner's first day of practice: their first week may have begun after its Monday."""
        return self.active_days["day"][0] if self.active_days.height else None


# -- the pieces ----------------------------------------------------------------------------------


def skill_level(ability: float) -> float:
    """An ability (logits) on the 1..10 scale of levels: the level whose exercises the learner
    passes about 3 times in 4, as their visible level (``engine.level.comfortable_level``) is."""
    return ability / LOGITS_PER_LEVEL + 3.5


def is_mastered(estimate: SkillEstimate) -> bool:
    """A skill is mastered when the model puts it at ``MASTERY_LEVEL`` or above and is sure of it
    (one standard deviation at most ``MASTERY_SD``), after ``MASTERY_EVIDENCE`` results in it at
    least: a confident self-assessment and a good first result or two are not mastery yet."""
    return (estimate.evidence >= MASTERY_EVIDENCE and skill_level(estimate.ability) >= MASTERY_LEVEL
            and estimate.sd <= MASTERY_SD)


def mastery_progress(estimate: SkillEstimate) -> float:
    """How near a skill is to mastered, from 0 to 1: the least of its level, its certainty and its practice."""
    if estimate.evidence == 0:
        return 0.0
    level = max(0.0, min(1.0, (skill_level(estimate.ability) - 1) / (MASTERY_LEVEL - 1)))
    certainty = max(0.0, min(1.0, MASTERY_SD / estimate.sd)) if estimate.sd > 0 else 1.0
    practice = min(1.0, estimate.evidence / MASTERY_EVIDENCE)
    return 1.0 if is_mastered(estimate) else min(level, certainty, practice, 0.99)


def runs(days: Sequence[date]) -> list[tuple[date, int]]:
    """Runs of consecutive days (sorted, distinct): (first day, length) for each, oldest first."""
    found: list[tuple[date, int]] = []
    for day in days:
        if found and day - found[-1][0] == timedelta(days=found[-1][1]):
            found[-1] = (found[-1][0], found[-1][1] + 1)
        else:
            found.append((day, 1))
    return found


def streaks(days: Sequence[date], today: date) -> Streaks:
    """Current and longest streak from the active days (sorted, distinct)."""
    found = runs(days)
    longest = max((length for _, length in found), default=0)
    current = 0
    if found:
        start, length = found[-1]
        last = start + timedelta(days=length - 1)
        if last >= today - timedelta(days=1):
            current = length
    return Streaks(current, longest, bool(days) and days[-1] == today)


def _shown_level(ability: float) -> int:
    return max(1, min(10, round(skill_level(ability))))


def calendar_start(today: date) -> date:
    """The Monday that starts the calendar's year of weeks ending with today's week."""
    start = today - timedelta(weeks=CALENDAR_WEEKS - 1)
    return start - timedelta(days=start.weekday())


# -- reading -------------------------------------------------------------------------------------


def activity_version(store: Store, user_id: int) -> int:
    """The id of the learner's latest event: a cheap key that changes after any new activity."""
    frame = analytics.run(store, queries.ACTIVITY_VERSION, **queries.params(user_id))
    return int(frame.item(0, 0)) if frame.height else 0


def load(store: Store, model: LearnerModel, curriculum: Curriculum, bank: Bank, user_id: int, now: datetime,
         version: int | None = None) -> Progress:
    """Everything the Progress page shows for one learner, as of ``now``: the learner's wall time
    (``Workbench.local_now``), whose zone says where their days begin (naive: UTC)."""
    local = to_aware_utc(now) if now.tzinfo is None else now
    today, zone = local.date(), str(local.tzinfo)
    start = calendar_start(today)
    everything = queries.params(user_id)
    active = analytics.run(store, queries.ACTIVE_DAYS, **queries.params(user_id, zone=zone))
    weekly = analytics.run(store, queries.WEEKLY, **queries.params(user_id, since=day_bounds(start, zone)[0], zone=zone))
    exercises = analytics.run(store, queries.EXERCISES, **everything)
    estimates = model.estimates(user_id)
    mastery, next_skill = _mastery(curriculum, estimates, tries_by_skill(exercises, bank))
    summary = _summary(exercises, active)
    return Progress(
        user_id=user_id, today=today, time_zone=zone,
        version=activity_version(store, user_id) if version is None else version,
        summary=summary, streaks=streaks(active["day"].to_list(), today), active_days=active,
        calendar=_calendar(active, start, today), weekly=weekly,
        exercises=_titled(exercises, bank), mastery=mastery, next_skill=next_skill)


def _summary(exercises: pl.DataFrame, active: pl.DataFrame) -> Summary:
    """The totals, added up from the per-exercise figures (one query fewer for the page)."""
    if exercises.is_empty():
        return Summary()
    return Summary(attempts=int(exercises["attempts"].sum()), passes=int(exercises["passes"].sum()),
                   exercises_solved=exercises.filter(pl.col("passes") > 0).height, hints=int(exercises["hints"].sum()),
                   minutes=float(exercises["minutes"].sum()), active_days=active.height,
                   last_at=max(exercises["last_at"].to_list()))


def tries_by_skill(exercises: pl.DataFrame, bank: Bank, *by: str) -> pl.DataFrame:
    """Tries and passes per skill (each exercise's primary skill, as the planner counts them) from tries
    and passes per exercise; per ``by`` as well (the cohort dashboard counts per learner)."""
    # a join with the bank's few hundred exercises, not a look-up per row: a cohort has tens of thousands
    primary = pl.DataFrame({"exercise_id": [e.id for e in bank], "skill": [e.skills[0] for e in bank]},
                           schema={"exercise_id": pl.String, "skill": pl.String})
    return (exercises.join(primary, on="exercise_id", how="inner")
            .group_by(*by, "skill").agg(pl.col("attempts").sum(), pl.col("passes").sum()))


def _calendar(active: pl.DataFrame, start: date, today: date) -> pl.DataFrame:
    days = pl.DataFrame({"day": pl.date_range(start, today, "1d", eager=True)})
    return (days.join(active.select("day", "attempts", "passes", "minutes"), on="day", how="left")
            .with_columns(pl.col("attempts", "passes").fill_null(0).cast(pl.Int64),
                          pl.col("minutes").fill_null(0.0).cast(pl.Float64)))


def _titled(exercises: pl.DataFrame, bank: Bank) -> pl.DataFrame:
    titles = [bank.get(x).title if x in bank else x for x in exercises["exercise_id"].to_list()]
    return exercises.with_columns(pl.Series("title", titles, dtype=pl.String)).select(
        "exercise_id", "title", "attempts", "passes", "hints", "hints_per_attempt", "minutes", "last_at")


def _mastery(curriculum: Curriculum, estimates: dict[str, SkillEstimate],
             skills: pl.DataFrame) -> tuple[pl.DataFrame, NextSkill | None]:
    tried = {row["skill"]: row for row in skills.iter_rows(named=True)}
    next_skill = work_on_next(curriculum, estimates, tried)
    rows = []
    for skill, estimate in estimates.items():
        level = skill_level(estimate.ability)
        spread = estimate.sd / LOGITS_PER_LEVEL
        mastered = is_mastered(estimate)
        status = ("mastered" if mastered else "next" if next_skill and skill == next_skill.skill
                  else "practising" if estimate.evidence else "not started")
        rows.append({"skill": skill, "name": curriculum.name(skill), "ability": estimate.ability, "sd": estimate.sd,
                     "evidence": estimate.evidence, "level": level, "low": level - spread, "high": level + spread,
                     "attempts": int(tried[skill]["attempts"]) if skill in tried else 0,
                     "passes": int(tried[skill]["passes"]) if skill in tried else 0,
                     "mastered": mastered, "status": status})
    schema = {"skill": pl.String, "name": pl.String, "ability": pl.Float64, "sd": pl.Float64, "evidence": pl.Int64,
              "level": pl.Float64, "low": pl.Float64, "high": pl.Float64, "attempts": pl.Int64, "passes": pl.Int64,
              "mastered": pl.Boolean, "status": pl.String}
    return pl.DataFrame(rows, schema=schema), next_skill


def work_on_next(curriculum: Curriculum, estimates: Mapping[str, SkillEstimate],
                 tried: Mapping[str, Mapping[str, Any]]) -> NextSkill | None:
    """The skill to work on next, the one meaning of a learner's weakest skill: the practised skill
    (with results) with the lowest estimate that is not mastered yet and whose prerequisites are met
    (with one skill practised, there is no weakest: it is the only one). A mastered skill is done,
    however it ranks, and one whose prerequisites are not met waits for them: results can reach a
    skill through an exercise that only touches it. When every practised skill is mastered: the first
    new skill whose prerequisites are met (the planner's rule: each one passed, or surely strong
    enough already). ``tried``: tries and passes per primary skill (``tries_by_skill``).

    The Progress page names it to the learner, and the cohort dashboard to their educator."""
    passed = {skill for skill, row in tried.items() if row["passes"]}

    def opened(skill: str) -> bool:
        return prerequisites_met(curriculum, skill, passed, estimates)

    practised = [e for e in estimates.values() if e.evidence]
    ready = [e for e in practised if not is_mastered(e) and opened(e.skill)]
    if ready:
        weakest = min(ready, key=lambda e: (e.ability, curriculum.order(e.skill)))
        row = tried.get(weakest.skill, {})
        tries = f"; {row.get('passes', 0)} of {row.get('attempts', 0)} tries passed" if row else ""
        return NextSkill(weakest.skill, curriculum.name(weakest.skill),
                         f"{_which(weakest, practised)}, at about level {_shown_level(weakest.ability)}{tries}")
    fresh = sorted((s for s, e in estimates.items() if not e.evidence and opened(s)), key=curriculum.order)
    if not fresh:
        return None
    skill = fresh[0]
    requires = [curriculum.name(r) for r in curriculum.requires(skill)]
    reason = ("new for you, and ready: it builds on " + ", ".join(requires) if requires
              else "new for you, and a good place to start")
    return NextSkill(skill, curriculum.name(skill), reason)


def _which(weakest: SkillEstimate, practised: list[SkillEstimate]) -> str:
    """Why ``weakest`` is named, truthfully: a mastered skill or one waiting on its prerequisites may
    rank lower, and then "your weakest skill" would be wrong."""
    if len(practised) == 1:
        return "the only skill you have practised so far"
    if all(weakest.ability <= e.ability for e in practised):
        return "your weakest skill so far"
    return "the weakest of your skills ready to work on"
