"""The learner's profile: the answers of the onboarding interview, saved step by step.

The interview has five steps (``STEPS``). Each step is validated and saved on its own, so a
learner can stop part-way and resume where they left off; the Profile page edits the same
answers later. The answers seed the learner model (self-assessed levels) and size the daily set
(minutes per day).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from engine.clock import to_aware_utc, to_naive_utc
from engine.store import Store

STEPS = ("languages", "levels", "goals", "style", "time")
STEP_TITLES = {
    "languages": "Languages",
    "levels": "Self-rating",  # not "your level": the Profile page shows the 1-10 level beside it
    "goals": "Goals",
    "style": "Learning style",
    "time": "Time per day",
}

LANGUAGES = {"python": "Python", "javascript": "JavaScript", "sql": "SQL", "rust": "Rust"}
AVAILABLE_LANGUAGES = ("python",)  # the others are shown as coming soon

SELF_LEVELS = {
    "new": "New to it",
    "beginner": "Beginner: I can follow examples",
    "comfortable": "Comfortable: I use it without looking things up",
    "confident": "Confident: I could teach it",
}
GOALS = {
    "interviews": "Job interviews",
    "data": "Data work",
    "web": "Web development",
    "school": "School or university",
    "fun": "For fun",
}
STYLES = {
    "examples": "Examples first: show me, then let me try",
    "theory": "Theory first: explain the idea, then practise",
    "challenges": "Challenges: let me struggle, help when I ask",
}
MINUTES_RANGE = (5, 240)
MAX_GOAL_NOTE = 500
MINUTES_PER_EXERCISE = 8  # what one exercise of the daily set takes, on average
MAX_DAILY_SET = 12


class ProfileError(ValueError):
    """An answer of the interview that cannot be saved; the message says what to change."""


@dataclass(frozen=True)
class Profile:
    """The interview's answers so far. ``steps_done`` counts the steps answered, in order."""

    languages: tuple[str, ...] = ()
    levels: Mapping[str, str] = field(default_factory=dict)
    goals: tuple[str, ...] = ()
    goal_note: str = ""
    style: str | None = None
    minutes_per_day: int | None = None
    steps_done: int = 0
    completed_at: datetime | None = None

    @property
    def completed(self) -> bool:
        return self.completed_at is not None

    @property
    def next_step(self) -> str | None:
        """The first step not yet answered, or None when the interview is done."""
        return STEPS[self.steps_done] if self.steps_done < len(STEPS) else None

    @property
    def daily_set_size(self) -> int | None:
        """Exercises a day that fit the learner's minutes, or None when they have not said."""
        if self.minutes_per_day is None:
            return None
        # half up, not Python's half to even: 20 minutes (2.5 exercises) should not get fewer
        # than 28 minutes' 3.5 rounded up
        return max(1, min(MAX_DAILY_SET, math.floor(self.minutes_per_day / MINUTES_PER_EXERCISE + 0.5)))

    def answers(self) -> dict[str, Any]:
        return {"languages": list(self.languages), "levels": dict(self.levels), "goals": list(self.goals),
                "goal_note": self.goal_note, "style": self.style, "minutes_per_day": self.minutes_per_day}


def validate(step: str, answers: Mapping[str, Any], groups: Mapping[str, str]) -> dict[str, Any]:
    """The step's answers, cleaned; ``ProfileError`` says what is wrong. ``groups``: id -> name."""
    if step == "languages":
        languages = _strings(answers.get("languages"), "languages")
        if not languages:
            raise ProfileError("Choose at least one language.")
        unknown = [x for x in languages if x not in LANGUAGES]
        if unknown:
            raise ProfileError(f"Unknown language: {', '.join(unknown)}.")
        coming = [LANGUAGES[x] for x in languages if x not in AVAILABLE_LANGUAGES]
        if coming:
            raise ProfileError(f"{', '.join(coming)} is coming soon; for now choose Python.")
        return {"languages": languages}
    if step == "levels":
        raw_levels = answers.get("levels") or {}
        if not isinstance(raw_levels, Mapping):
            raise ProfileError("Levels must say a level for each area.")
        levels = {str(k): str(v) for k, v in raw_levels.items()}
        missing = [name for gid, name in groups.items() if gid not in levels]
        if missing:
            raise ProfileError(f"Rate yourself on every area; not rated yet: {_listed(missing)}.")
        unknown_areas = [k for k in levels if k not in groups]
        if unknown_areas:
            raise ProfileError(f"Unknown area: {', '.join(unknown_areas)}.")
        wrong = [f"“{groups[k]}”: {v!r}" for k, v in levels.items() if v not in SELF_LEVELS]
        if wrong:
            raise ProfileError(f"Unknown level for {', '.join(wrong)}; the levels are {', '.join(SELF_LEVELS)}.")
        return {"levels": levels}
    if step == "goals":
        goals = _strings(answers.get("goals"), "goals")
        note = str(answers.get("goal_note") or "").strip()
        unknown = [x for x in goals if x not in GOALS]
        if unknown:
            raise ProfileError(f"Unknown goal: {', '.join(unknown)}.")
        if not goals and not note:
            raise ProfileError("Choose at least one goal, or describe yours in your own words.")
        if len(note) > MAX_GOAL_NOTE:
            raise ProfileError(f"Please keep your own words to {MAX_GOAL_NOTE} characters at most (now {len(note):,}).")
        return {"goals": goals, "goal_note": note}
    if step == "style":
        style = answers.get("style")
        if style not in STYLES:
            raise ProfileError("Choose how you like to learn.")
        return {"style": style}
    if step == "time":
        raw = answers.get("minutes_per_day")
        try:
            minutes = int(raw)  # type: ignore[arg-type]
        except (TypeError, ValueError):
            minutes = None
        if minutes is None or isinstance(raw, bool) or (isinstance(raw, float) and not raw.is_integer()):
            raise ProfileError("Say how many minutes a day you want to practise, as a whole number.")
        low, high = MINUTES_RANGE
        if not low <= minutes <= high:
            raise ProfileError(f"Minutes per day must be from {low} to {high}.")
        return {"minutes_per_day": minutes}
    raise ProfileError(f"Unknown step {step!r}; the steps are {', '.join(STEPS)}.")


def _strings(value: Any, what: str) -> list[str]:
    """A list of choices; a lone string is a mistake, not a list of its letters."""
    if value is None:
        return []
    if isinstance(value, str) or not isinstance(value, (list, tuple, set)):
        raise ProfileError(f"Choose {what} from the list.")
    return list(dict.fromkeys(str(x) for x in value))  # each once, in the order chosen


class Profiles:
    """Profiles in the store's ``profiles`` table, one JSON document of answers per learner."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def get(self, user_id: int) -> Profile:
        row = self.store.one("SELECT answers, steps_done, completed_at FROM profiles WHERE user_id = ?", [user_id])
        if row is None:
            return Profile()
        data = json.loads(row[0])
        return Profile(languages=tuple(data.get("languages") or ()), levels=dict(data.get("levels") or {}),
                       goals=tuple(data.get("goals") or ()), goal_note=data.get("goal_note") or "",
                       style=data.get("style"), minutes_per_day=data.get("minutes_per_day"),
                       steps_done=row[1], completed_at=to_aware_utc(row[2]) if row[2] else None)

    def save(self, user_id: int, profile: Profile, at: datetime) -> Profile:
        self.store.execute(
            "INSERT OR REPLACE INTO profiles (user_id, answers, steps_done, completed_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?)",
            [user_id, json.dumps(profile.answers()), profile.steps_done,
             to_naive_utc(profile.completed_at) if profile.completed_at else None, to_naive_utc(at)])
        return profile

    def answer(self, user_id: int, step: str, answers: Mapping[str, Any], groups: Mapping[str, str],
               at: datetime) -> Profile:
        """Validate and save one step; the interview completes when its last step is answered."""
        cleaned = validate(step, answers, groups)
        current = self.get(user_id)
        index = STEPS.index(step)
        if index > current.steps_done:
            raise ProfileError(f"Please answer \"{STEP_TITLES[STEPS[current.steps_done]]}\" first.")
        steps_done = max(current.steps_done, index + 1)
        updated = replace(current, **_typed(cleaned), steps_done=steps_done)
        if updated.completed_at is None and steps_done == len(STEPS):
            updated = replace(updated, completed_at=at)
        return self.save(user_id, updated, at)


def _typed(cleaned: dict[str, Any]) -> dict[str, Any]:
    return {k: tuple(v) if isinstance(v, list) else v for k, v in cleaned.items()}


def _listed(names: list[str]) -> str:
    """Names in quotes, joined with "and": area names may hold commas themselves."""
    quoted = [f"“{name}”" for name in names]
    return quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
