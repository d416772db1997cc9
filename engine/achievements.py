"""Achievements: milestones a learner unlocks by practising, each with its progress while locked.

They are judged from the learner's figures (``engine.progress``) and two learner queries (the
pass milestones and the runs of hint-free passes), never inside the record path: ``evaluate``
runs when progress is read or when the app checks for something to celebrate, and only after the
learner's activity changed. An unlock is kept for good (``achievements`` table, with the moment it
was earned where the log tells it), logged as an "unlocked-achievement" event, and celebrated
once by the app (``celebrated_at``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any

import polars as pl

from engine import analytics
from engine.chart_words import dated
from engine.clock import in_zone, to_aware_utc, to_naive_utc, zone
from engine.events import Event, EventLog
from engine.learner import GAP_DAYS, SkillEstimate
from engine.progress import MASTERY_LEVEL, MASTERY_SD, Progress, activity_version, mastery_progress, runs
from engine.queries import learner as queries
from engine.store import Store

STREAKS = (7, 30, 100)
SOLVED = (10, 50, 100)
# days from one practice to the next that make it a comeback: the learner's midnights, as the planner's
# "welcome back" counts them (Monday to the next Monday is a week away, not six days)
COMEBACK_DAYS = GAP_DAYS


@dataclass(frozen=True)
class Achievement:
    id: str
    title: str
    description: str
    icon: str  # a Material Symbols name


@dataclass(frozen=True)
class AchievementStatus:
    """One achievement for one learner: unlocked or not, and how far along (0 to 1) if not."""

    achievement: Achievement
    unlocked: bool
    unlocked_at: datetime | None
    progress: float
    detail: str  # e.g. "4 of 7 days" while locked, "Unlocked on 3 Mar 2026" once unlocked
    celebrated: bool = False

    @property
    def id(self) -> str:
        return self.achievement.id


ACHIEVEMENTS: tuple[Achievement, ...] = (
    Achievement("first-pass", "First pass", "Pass your first exercise.", "flag"),
    *(Achievement(f"streak-{n}", f"{n}-day streak", f"Practise {n} days in a row.", "local_fire_department")
      for n in STREAKS),
    *(Achievement(f"solved-{n}", f"{n} passes", f"Pass {n} times (every pass counts, reviews and repeats too).", "task_alt")
      for n in SOLVED),
    Achievement("hint-free", "Hint-free run", f"Pass {queries.CLEAN_RUN} exercises in a row without a hint.",
                "bolt"),
    Achievement("skill-mastered", "Skill mastered",
                f"Reach level {MASTERY_LEVEL:.0f} in a skill, with the model sure of it.", "workspace_premium"),
    Achievement("comeback", "Welcome back", f"Practise again {COMEBACK_DAYS} or more days after your last practice.",
                "waving_hand"),
)
BY_ID = {a.id: a for a in ACHIEVEMENTS}


@dataclass(frozen=True)
class _Judgement:
    earned_at: datetime | None  # when the log says it was earned; None while locked
    progress: float
    detail: str


class Achievements:
    """Judges, stores and hands out a learner's achievements."""

    def __init__(self, store: Store, events: EventLog) -> None:
        self.store = store
        self.events = events
        # per learner: the activity version achievements were last judged at, and whether some
        # unlocked ones wait to be celebrated (so the app's check per run costs one small query)
        self._judged: dict[int, tuple[int, bool]] = {}

    def evaluate(self, progress: Progress, now: datetime) -> list[AchievementStatus]:
        """Every achievement's status for the learner of ``progress``; newly earned ones are stored
        and logged. Earned achievements stay unlocked even if the figures later fall back."""
        user_id = progress.user_id
        judged = self._judge(progress, now)
        stored = self._stored(user_id)
        fresh = [a for a in ACHIEVEMENTS if a.id not in stored and judged[a.id].earned_at is not None]
        if fresh:
            with self.store.transaction():
                rows = []
                for a in fresh:
                    earned = min(to_naive_utc(judged[a.id].earned_at), to_naive_utc(now))
                    stored[a.id] = (earned, None)
                    rows.append([user_id, a.id, earned])
                self.store.executemany("INSERT INTO achievements (user_id, achievement, unlocked_at) VALUES (?, ?, ?)",
                                       rows)
                self.events.append_many(Event(user_id, "unlocked-achievement", a.id, {"title": a.title},
                                              {"unlocked_at": stored[a.id][0].isoformat()}, now) for a in fresh)
        statuses = []
        for a in ACHIEVEMENTS:
            if a.id in stored:
                at, celebrated = stored[a.id]
                statuses.append(AchievementStatus(a, True, to_aware_utc(at), 1.0, f"Unlocked on {_date(at, progress.time_zone)}",
                                                  celebrated is not None))
            else:
                j = judged[a.id]
                statuses.append(AchievementStatus(a, False, None, j.progress, j.detail))
        return statuses

    def judge(self, user_id: int, progress: Progress, now: datetime) -> list[AchievementStatus]:
        """``evaluate``, noting for ``celebrations`` the activity version judged at (read after the
        unlocks it logs, so they do not call for judging again) and whether any unlock waits."""
        statuses = self.evaluate(progress, now)
        waiting = any(s.unlocked and not s.celebrated for s in statuses)
        self._judged[user_id] = (activity_version(self.store, user_id), waiting)
        return statuses

    def celebrations(self, user_id: int, judge: Callable[[], object]) -> list[AchievementStatus]:
        """Unlocked achievements not celebrated yet. ``judge`` (``judge`` above, on fresh figures) runs
        only when the learner's activity changed since the last judgement; otherwise this is one indexed query."""
        judged = self._judged.get(user_id)
        if judged is None or judged[0] != activity_version(self.store, user_id):
            judge()
            judged = self._judged[user_id]
        return self.uncelebrated(user_id) if judged[1] else []

    def uncelebrated(self, user_id: int) -> list[AchievementStatus]:
        """Unlocked achievements the app has not celebrated yet, oldest first."""
        rows = self.store.all("SELECT achievement, unlocked_at FROM achievements WHERE user_id = ? "
                              "AND celebrated_at IS NULL ORDER BY unlocked_at, achievement", [user_id])
        return [AchievementStatus(BY_ID[r[0]], True, to_aware_utc(r[1]), 1.0, f"Unlocked on {_date(r[1])}")
                for r in rows if r[0] in BY_ID]

    def mark_celebrated(self, user_id: int, ids: list[str], now: datetime) -> None:
        for achievement in ids:
            self.store.execute("UPDATE achievements SET celebrated_at = ? WHERE user_id = ? AND achievement = ? "
                               "AND celebrated_at IS NULL", [to_naive_utc(now), user_id, achievement])
        if user_id in self._judged:
            self._judged[user_id] = (self._judged[user_id][0], bool(self.uncelebrated(user_id)))

    def unlocked(self, user_id: int) -> pl.DataFrame:
        """The learner's unlocked achievements as a frame (for exports)."""
        frame = self.store.frame("SELECT achievement, unlocked_at, celebrated_at FROM achievements "
                                 "WHERE user_id = $user_id ORDER BY unlocked_at, achievement", {"user_id": user_id})
        titles = [BY_ID[a].title if a in BY_ID else a for a in frame["achievement"].to_list()]
        return frame.with_columns(pl.Series("title", titles, dtype=pl.String)).select(
            "achievement", "title", "unlocked_at", "celebrated_at")

    def forget(self, user_id: int) -> None:
        self.store.execute("DELETE FROM achievements WHERE user_id = ?", [user_id])

    # -- judging --------------------------------------------------------------------------------

    def _stored(self, user_id: int) -> dict[str, tuple[datetime, datetime | None]]:
        rows = self.store.all("SELECT achievement, unlocked_at, celebrated_at FROM achievements WHERE user_id = ?",
                              [user_id])
        return {r[0]: (r[1], r[2]) for r in rows}

    def _judge(self, progress: Progress, now: datetime) -> dict[str, _Judgement]:
        everything = queries.params(progress.user_id)
        records = analytics.run(self.store, queries.RECORDS, **everything).row(0, named=True)
        milestones = {n: records[f"pass_{n}_at"] for n in queries.SOLVED_MILESTONES}
        days: list[date] = progress.active_days["day"].to_list()
        found = runs(days)
        passes = progress.summary.passes
        judged = {"first-pass": _count_towards(passes, 1, milestones.get(1), "pass")}
        for n in STREAKS:
            reached = next((start + timedelta(days=n - 1) for start, length in found if length >= n), None)
            longest = max((length for _, length in found), default=0)
            judged[f"streak-{n}"] = _count_towards(longest, n, _day_start(reached, progress.time_zone), "day",
                                                   "in a row at best")
        for n in SOLVED:
            judged[f"solved-{n}"] = _count_towards(passes, n, milestones.get(n), "pass")
        judged["hint-free"] = _count_towards(int(records["longest_clean_run"] or 0), queries.CLEAN_RUN,
                                             records["clean_run_reached_at"], "hint-free pass", "in a row at best")
        judged["skill-mastered"] = _mastered(progress, now)
        judged["comeback"] = _comeback(days, progress.time_zone)
        return judged


def _count_towards(have: int, need: int, earned_at: datetime | None, unit: str, tail: str = "") -> _Judgement:
    plural = {"pass": "passes", "hint-free pass": "hint-free passes"}.get(unit, unit + "s")
    detail = f"{min(have, need)} of {need} {unit if need == 1 else plural}" + (f" {tail}" if tail else "")
    return _Judgement(earned_at if have >= need else None, min(1.0, have / need), detail)


def _mastered(progress: Progress, now: datetime) -> _Judgement:
    practised = [r for r in progress.mastery.iter_rows(named=True) if r["evidence"]]
    if not practised:
        return _Judgement(None, 0.0, "No skill practised yet")
    if any(r["mastered"] for r in practised):
        names = [r["name"] for r in practised if r["mastered"]]
        # reached with a result, not when first looked at: the latest result is the nearest known moment
        return _Judgement(progress.summary.last_at or now, 1.0, f"Mastered: {', '.join(names)}")
    nearest = max(practised, key=lambda r: (_nearness(r), -r["sd"]))
    sure = "" if nearest["sd"] <= MASTERY_SD else ", not yet sure"
    return _Judgement(None, _nearness(nearest), f"Closest: {nearest['name']}, about level "
                      f"{max(1, min(10, round(nearest['level'])))} of {MASTERY_LEVEL:.0f}{sure}")


def _nearness(row: dict[str, Any]) -> float:
    estimate = SkillEstimate(row["skill"], row["ability"], row["sd"], row["evidence"])
    return mastery_progress(estimate)


def _comeback(days: list[date], time_zone: str) -> _Judgement:
    back = next((later for earlier, later in zip(days, days[1:], strict=False)
                 if (later - earlier).days >= COMEBACK_DAYS), None)
    return _Judgement(_day_start(back, time_zone), 1.0 if back else 0.0,
                      "Come back after a break of a week or more" if back is None else "Welcome back")


def _day_start(day: date | None, time_zone: str) -> datetime | None:
    """The first moment of a day of the learner's (an achievement of days is earned as it begins)."""
    return datetime.combine(day, time(), tzinfo=zone(time_zone)) if day is not None else None


def _date(moment: datetime, time_zone: str | None = None) -> str:
    """The day of a stored (naive UTC) moment, in the learner's time zone."""
    return dated(in_zone(moment, time_zone))
