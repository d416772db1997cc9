"""Builders for exercise folders and constants shared by the test files (fixtures live in conftest)."""

from __future__ import annotations

import sqlite3
import textwrap
from datetime import UTC, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
BANK_DIR = REPO / "data" / "bank"

DEFAULT_HINTS = ["A nudge.", "A direction.", "Nearly there."]

def toml_list(items: list[str]) -> str:
    return "[" + ", ".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "]"


def write_exercise(folder: Path, *, tests: str, reference: str, starter: str = "",
                   title: str = "A tiny exercise", skills: list[str] | None = None, difficulty: object = 2,
                   hints: list[str] | None = None, extra_toml: str = "", readme: str = "# Do it\n",
                   toml: str | None = None) -> Path:
    """Write an exercise folder; ``toml`` replaces the generated exercise.toml entirely."""
    folder.mkdir(parents=True, exist_ok=True)
    if toml is None:
        diff = f'"{difficulty}"' if isinstance(difficulty, str) else str(difficulty).lower()
        toml = (f'title = "{title}"\n'
                f"skills = {toml_list(skills if skills is not None else ['functions'])}\n"
                f"difficulty = {diff}\n"
                f"hints = {toml_list(hints if hints is not None else DEFAULT_HINTS)}\n" + extra_toml)
    (folder / "exercise.toml").write_text(toml, encoding="utf-8")
    (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "starter.py").write_text(textwrap.dedent(starter), encoding="utf-8")
    (folder / "reference.py").write_text(textwrap.dedent(reference), encoding="utf-8")
    (folder / "test_exercise.py").write_text(textwrap.dedent(tests), encoding="utf-8")
    return folder


ADD_TESTS = """\
from solution import add


def test_small_numbers():
    assert add(2, 3) == 5


def test_negative_numbers():
    assert add(-2, -3) == -5


def test_zero():
    assert add(0, 0) == 0
"""
ADD_REFERENCE = "def add(a, b):\n    return a + b\n"
ADD_STARTER = "def add(a, b):\n    return 0\n"




def interview_answers(groups: dict[str, str], level: str = "beginner", minutes: int = 30) -> dict[str, dict]:
    """Valid answers to every step of the onboarding interview; ``groups``: ``wb.skill_groups()``."""
    return {
        "languages": {"languages": ["python"]},
        "levels": {"levels": dict.fromkeys(groups, level)},
        "goals": {"goals": ["interviews"], "goal_note": "Pass a coding interview."},
        "style": {"style": "examples"},
        "time": {"minutes_per_day": minutes},
    }


def answer_interview(wb, user_id: int, steps: int = 5, **answers):
    """Answer the first ``steps`` steps of the interview (all five: a completed profile)."""
    profile = wb.profile(user_id)
    for step, values in list(interview_answers(wb.skill_groups(), **answers).items())[:steps]:
        profile = wb.answer_onboarding(user_id, step, values)
    return profile


# -- learners and time, for the daily-practice engine --------------------------------------------

START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # a Monday morning: the day every clocked test begins
PASSWORD = "tidy-otter-93"


class Clock:
    """A "now" a test sets: hand it to ``Workbench(..., clock=clock)``; ``advance(days=1)`` moves it on."""

    def __init__(self, now: datetime = START) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now += timedelta(**delta)
        return self.now


def new_learner(wb, name: str = "ada") -> int:
    """Register a learner called ``name`` (3 letters or more) and return their id."""
    return wb.register(name, f"{name}@example.org", name.title(), PASSWORD).id


def sqlite_twin(store) -> sqlite3.Connection:
    """The store's cohort members and events in SQLite, as the benchmark's twin keeps them:
    timestamps and JSON as text."""
    from engine.synthetic.writer import SQLITE_INDEXES, SQLITE_SCHEMA

    lite = sqlite3.connect(":memory:")
    lite.executescript(SQLITE_SCHEMA + SQLITE_INDEXES)
    lite.executemany("INSERT INTO cohort_members VALUES (?, ?, ?)",
                     store.all("SELECT cohort_id, user_id, strftime(joined_at, '%Y-%m-%d %H:%M:%S') FROM cohort_members"))
    lite.executemany("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                     store.all("SELECT id, strftime(occurred_at, '%Y-%m-%d %H:%M:%S'), user_id, verb, object, "
                               "CAST(result AS VARCHAR), CAST(context AS VARCHAR), hints, duration_s FROM events"))
    return lite
