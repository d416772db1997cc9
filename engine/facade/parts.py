"""What every group of the facade's calls stands on: the engine's components (built by
``Workbench.__init__``), the clock and the bank."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from engine.accounts import Accounts
from engine.attempts import Attempts
from engine.bank import Bank, Exercise
from engine.clock import in_zone, to_aware_utc
from engine.curriculum import Curriculum
from engine.daily import DailySets
from engine.events import EventLog
from engine.generation import Generator
from engine.grader import Grader, GradeResult
from engine.learner import LearnerModel
from engine.notes import NoteTaker
from engine.outcomes import Outcomes
from engine.planner import Planner
from engine.preferences import Preferences
from engine.profile import Profiles
from engine.review import Reviews
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.tutor import Tutor

if TYPE_CHECKING:
    from engine.memory import MemoryStore


class Parts:
    """The components, the clock and the bank, shared by the groups of calls."""

    settings: Settings
    store: Store
    sandbox: Sandbox
    bank: Bank
    curriculum: Curriculum
    events: EventLog
    accounts: Accounts
    attempts: Attempts
    profiles: Profiles
    model: LearnerModel
    reviews: Reviews
    daily_sets: DailySets
    planner: Planner
    grader: Grader
    tutor: Tutor
    generator: Generator  # writes new exercises with the language model, if one is configured
    _clock: Callable[[], datetime]
    _preferences: Preferences
    _outcomes: Outcomes
    _notes: NoteTaker
    _latest: dict[tuple[int, str], tuple[GradeResult, str]]  # each learner's last grade per exercise and its code, for the tutor
    _memory: MemoryStore | None

    def clock(self) -> datetime:
        """Now, in UTC, as stored."""
        return to_aware_utc(self._clock())

    def local_now(self, user_id: int) -> datetime:
        """Now, as the wall time of the user's time zone, where their days begin (today's set, "seen
        today", streaks, the calendar); ``AccountError`` for no such user."""
        return in_zone(self.clock(), self.accounts.require(user_id).time_zone)

    def exercises(self, language: str = "python", skill: str | None = None) -> list[Exercise]:
        return self.bank.select(language, skill)

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id ("<language>/<slug>"); ``UnknownExercise`` if none."""
        return self.bank.get(exercise_id)

    def skill_name(self, skill: str) -> str:
        return self.curriculum.name(skill)
