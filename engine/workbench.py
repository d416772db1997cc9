"""The Workbench facade: the one way into the engine for pages, notebooks and the command line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from engine.accounts import AccountError, Accounts, User
from engine.attempts import Attempt, Attempts, Draft
from engine.bank import Bank, Exercise, UnknownExercise
from engine.clock import to_aware_utc, utcnow
from engine.curriculum import Curriculum
from engine.daily import DailySets, TodaysSet
from engine.events import Event, EventLog
from engine.grader import Grader, GradeResult
from engine.learner import LearnerModel, Level, SkillEstimate
from engine.level import LevelChange, expected_seconds
from engine.planner import Pick, Planner
from engine.profile import Profile, Profiles
from engine.review import Reviews, rating
from engine.sandbox import Isolation, Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.tutor import MAX_MESSAGE, TutorContext, offline_reply

log = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class Workbench:
    """The learning workbench. Build it with ``Workbench.open``; pass real in-memory parts in tests."""

    def __init__(self, settings: Settings, *, store: Store, sandbox: Sandbox, bank: Bank | None = None,
                 curriculum: Curriculum | None = None, clock: Callable[[], datetime] = utcnow) -> None:
        self.settings = settings
        self._clock = clock  # what "now" is: the real time, or a simulation's
        self.store = store
        self.sandbox = sandbox
        self.bank = bank or Bank(settings.bank_dir)
        self.curriculum = curriculum or Curriculum.load(DATA_DIR / "curriculum.toml")
        self.events = EventLog(store)
        self.accounts = Accounts(store, self.events, bcrypt_rounds=settings.bcrypt_rounds,
                                 free_failures=settings.login_free_failures,
                                 base_delay_s=settings.login_base_delay_s,
                                 max_delay_s=settings.login_max_delay_s)
        self.attempts = Attempts(store)
        self.profiles = Profiles(store)
        self.model = LearnerModel(store, self.curriculum)
        self.reviews = Reviews(store)
        self.daily_sets = DailySets(store, self.bank)
        self.planner = Planner(self.bank, self.curriculum, self.model, self.reviews,
                               band=(settings.target_band_low, settings.target_band_high))
        self.grader = Grader(sandbox, test_timeout_s=settings.test_timeout_s,
                             budget_s=settings.grading_budget_s,
                             max_solution_bytes=settings.max_solution_bytes)
        self._latest: dict[tuple[int, str], GradeResult] = {}

    def clock(self) -> datetime:
        """Now, in UTC: days (today's set, "seen today") are UTC days, as stored."""
        return to_aware_utc(self._clock())

    @classmethod
    def open(cls, home: str | Path | None = None, *, settings: Settings | None = None,
             store: Store | None = None, sandbox: Sandbox | None = None) -> Workbench:
        """Open the workbench whose state lives in ``home`` ($WORKBENCH_HOME, else ./.workbench)."""
        if settings is None:
            settings = Settings.from_env(home=Path(home) if home is not None else None)
        elif home is not None:
            settings = Settings(**{**settings.__dict__, "home": Path(home)})
        settings.home.mkdir(parents=True, exist_ok=True)
        store = store or Store(settings.home / "workbench.duckdb")
        return cls(settings, store=store, sandbox=sandbox or Sandbox(memory_cgroup=settings.sandbox_memory_cgroup))

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- accounts -------------------------------------------------------------------------------

    def register(self, username: str, email: str, name: str, password: str, role: str = "learner") -> User:
        """Create an account; ``AccountError`` explains what was wrong with the input."""
        return self.accounts.register(username, email, name, password, role)

    def login(self, username: str, password: str) -> User:
        """The user, or ``LoginError`` (wrong password, or throttled after repeated failures)."""
        return self.accounts.login(username, password)

    def logout(self, user_id: int) -> None:
        self.accounts.logout(user_id)

    def user(self, user_id: int) -> User | None:
        return self.accounts.get(user_id)

    # -- exercises -------------------------------------------------------------------------------

    def exercises(self, language: str = "python", skill: str | None = None) -> list[Exercise]:
        return self.bank.select(language, skill)

    def exercise(self, exercise_id: str) -> Exercise:
        """The exercise with this id ("<language>/<slug>"); ``UnknownExercise`` if none."""
        return self.bank.get(exercise_id)

    def skill_name(self, skill: str) -> str:
        return self.curriculum.name(skill)

    # -- grading ---------------------------------------------------------------------------------

    def grade(self, exercise: Exercise | str | Path, code: str) -> GradeResult:
        """Run the tests in the sandbox; records nothing. ``exercise``: an id, or a folder path."""
        if isinstance(exercise, str) and exercise in self.bank:
            exercise = self.bank.get(exercise)
        elif isinstance(exercise, str) and not Path(exercise).is_dir():
            raise UnknownExercise(exercise)
        return self.grader.grade(exercise, code)

    def run_tests(self, user_id: int, exercise_id: str, code: str) -> GradeResult:
        """Grade without submitting (the "Run tests" button): logged, not counted as an attempt."""
        result = self.grade(exercise_id, code)
        self._latest[(user_id, exercise_id)] = result
        self.events.append(Event(user_id, "ran-tests", exercise_id, _result_summary(result)))
        return result

    def submit(self, user_id: int, exercise_id: str, code: str, hints_used: int = 0,
               duration_s: float | None = None) -> Attempt:
        """Grade, record the attempt and its events, and update the learner model."""
        exercise = self.exercise(exercise_id)
        result = self.grade(exercise, code)
        self._latest[(user_id, exercise_id)] = result
        attempt = self._record(user_id, exercise, result.passed, hints_used, duration_s, self.clock(),
                               status=result.status, tests_passed=result.tests_passed,
                               tests_total=len(result.tests), code=code, summary=_result_summary(result))
        return attempt

    def record_result(self, user_id: int, exercise_id: str, passed: bool, hints_used: int = 0,
                      duration_s: float | None = None, at: datetime | None = None) -> None:
        """Record an outcome graded elsewhere (imports, simulations). ``at``: timezone-aware."""
        if at is not None and at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        exercise = self.exercise(exercise_id)
        self._record(user_id, exercise, passed, hints_used, duration_s, at or self.clock(),
                     status="pass" if passed else "fail")

    def _record(self, user_id: int, exercise: Exercise, passed: bool, hints_used: int,
                duration_s: float | None, at: datetime, *, status: str, tests_passed: int | None = None,
                tests_total: int | None = None, code: str | None = None,
                summary: dict[str, Any] | None = None) -> Attempt:
        if self.accounts.get(user_id) is None:
            raise AccountError(f"no user {user_id}")
        hints_used = max(0, int(hints_used))
        result = {"success": passed, "hints": hints_used, "duration_s": duration_s, **(summary or {})}
        context = {"skills": list(exercise.skills), "difficulty": exercise.difficulty}
        with self.store.transaction():  # the attempt, its events and the model move together
            attempt = self.attempts.record(user_id, exercise.id, passed=passed, status=status,
                                           tests_passed=tests_passed, tests_total=tests_total,
                                           hints_used=hints_used, duration_s=duration_s, code=code, at=at)
            self.events.append_many([
                Event(user_id, "submitted", exercise.id, result, context, at),
                Event(user_id, "completed" if passed else "failed", exercise.id, result, context, at),
            ])
            card, failed_before = self.reviews.card(user_id, exercise.id)
            change = self.model.update(user_id, exercise, passed, hints_used, duration_s, failed_before, at)
            self.reviews.record(user_id, exercise.id, card, passed,
                                rating(passed, hints_used, duration_s, expected_seconds(exercise.difficulty)), at)
            if change is not None:
                self._log_level_change(user_id, change)
            if passed:
                self.attempts.clear_draft(user_id, exercise.id)
        return replace(attempt, level_change=change)

    def latest_result(self, user_id: int, exercise_id: str) -> GradeResult | None:
        return self._latest.get((user_id, exercise_id))

    # -- practice ------------------------------------------------------------------------------

    def next_exercises(self, user_id: int, n: int | None = None, repeat: bool = False) -> list[Exercise]:
        """The personalised daily set, best first. ``n``: how many; by default as many as the
        learner's minutes per day allow (3 without a profile). ``repeat``: allow today's again."""
        return [p.exercise for p in self.daily_set(user_id, n, repeat)]

    def daily_set(self, user_id: int, n: int | None = None, repeat: bool = False) -> list[Pick]:
        """The daily set with a one-line reason for each pick."""
        if n is None:
            n = self.profile(user_id).daily_set_size or self.settings.daily_set_size
        if n < 0:
            raise ValueError("n must be 0 or more")
        return self.planner.daily_set(user_id, n, self.clock(), repeat=repeat)

    def todays_set(self, user_id: int) -> TodaysSet:
        """Today's set as planned on the day's first visit, with how each exercise went today."""
        day = self.clock().date()
        planned = self.daily_sets.get(user_id, day)
        if not planned.items:
            self.daily_sets.add(user_id, day, self.daily_set(user_id))
            planned = self.daily_sets.get(user_id, day)
        return planned

    def more_exercises(self, user_id: int, n: int = 1) -> TodaysSet:
        """Add ``n`` more exercises to today's set (the learner asked for more)."""
        day = self.clock().date()
        planned = {item.pick.exercise.id for item in self.todays_set(user_id).items}
        extra = [p for p in self.daily_set(user_id, n + len(planned)) if p.exercise.id not in planned][:n]
        self.daily_sets.add(user_id, day, extra)
        return self.daily_sets.get(user_id, day)

    def predict(self, user_id: int, exercise_id: str) -> float:
        """The model's chance that this learner passes this exercise now (without hints)."""
        return self.model.predictor(user_id)(self.exercise(exercise_id))

    def skill_estimate(self, user_id: int, skill: str) -> float:
        """The ability estimate in a skill, on the logit scale (0: even odds at level 5.5)."""
        estimates = self.model.estimates(user_id)
        return estimates[skill].ability if skill in estimates else self.model.state(user_id).general.mean

    def skill_estimates(self, user_id: int) -> dict[str, SkillEstimate]:
        """Every skill's estimate with its uncertainty and evidence, in curriculum order."""
        return self.model.estimates(user_id)

    def exercise_difficulty(self, exercise_id: str) -> float:
        """The exercise's calibrated difficulty on the logit scale, from every learner's results."""
        return self.model.difficulty(self.exercise(exercise_id)).mean

    # -- level and profile ------------------------------------------------------------------------

    def level(self, user_id: int) -> Level:
        """The visible level (1..10), whether it is pinned, and its history, newest first."""
        return self.model.level(user_id)

    def steer_level(self, user_id: int, action: str, level: int | None = None) -> LevelChange | None:
        """The learner's override: "easier", "harder", "pin" (with ``level``) or "auto"."""
        change = self.model.steer(user_id, action, self.clock(), level)
        if change is not None:
            self._log_level_change(user_id, change)
        return change

    def profile(self, user_id: int) -> Profile:
        return self.profiles.get(user_id)

    def skill_groups(self) -> dict[str, str]:
        """The areas learners rate themselves on: id -> name."""
        return {g.id: g.name for g in self.curriculum.groups.values()}

    def answer_onboarding(self, user_id: int, step: str, answers: Mapping[str, Any]) -> Profile:
        """Validate and save one step of the interview (``ProfileError`` says what to fix).
        Self-assessed levels seed the learner model where it has no evidence yet."""
        with self.store.transaction():
            profile = self.profiles.answer(user_id, step, answers, self.skill_groups(), self.clock())
            if step == "levels":
                self.model.seed(user_id, profile.levels, self.clock())
            self.events.append(Event(user_id, "answered-onboarding", step, {"completed": profile.completed}))
        return profile

    def _log_level_change(self, user_id: int, change: LevelChange) -> None:
        self.events.append(Event(user_id, "level-changed", str(change.new_level),
                                 {"from": change.old_level, "to": change.new_level}, {"reason": change.reason},
                                 change.changed_at))

    def history(self, user_id: int, limit: int = 200) -> list[Attempt]:
        return self.attempts.history(user_id, limit)

    def draft(self, user_id: int, exercise_id: str) -> Draft | None:
        return self.attempts.draft(user_id, exercise_id)

    def save_draft(self, user_id: int, exercise_id: str, code: str, hints_shown: int | None = None) -> None:
        self.attempts.save_draft(user_id, exercise_id, code, hints_shown)

    def reveal_hint(self, user_id: int, exercise_id: str, code: str) -> tuple[int, str]:
        """Show one more hint: returns (hints shown now, that hint). Counted in the draft and the log."""
        exercise = self.exercise(exercise_id)
        draft = self.draft(user_id, exercise_id)
        shown = min(len(exercise.hints), (draft.hints_shown if draft else 0) + 1)
        self.save_draft(user_id, exercise_id, code, shown)
        self.events.append(Event(user_id, "requested-hint", exercise_id, {"hint": shown}))
        return shown, exercise.hints[shown - 1]

    def skip(self, user_id: int, exercise_id: str) -> None:
        """Put an exercise aside for today: marked skipped in today's set and left out of further
        picks today (``repeat`` brings it back)."""
        self.exercise(exercise_id)
        now = self.clock()
        self.reviews.skip(user_id, exercise_id, now)
        self.events.append(Event(user_id, "skipped", exercise_id, occurred_at=now))

    # -- tutor -----------------------------------------------------------------------------------

    def ask_tutor(self, user_id: int, message: str, exercise_id: str | None = None) -> str:
        """The tutor's whole reply."""
        message = (message or "").strip()
        if not message:
            return "What would you like to ask? Tell me what you tried and what happened."
        if len(message) > MAX_MESSAGE:
            return f"That message is {len(message):,} characters; please keep it under {MAX_MESSAGE:,}."
        exercise = self.exercise(exercise_id) if exercise_id else None
        asked = int(self.store.scalar(
            "SELECT count(*) FROM events WHERE user_id = ? AND verb = 'asked-tutor' AND object IS NOT DISTINCT FROM ?",
            [user_id, exercise_id]) or 0)
        latest = self.latest_result(user_id, exercise_id) if exercise_id else None
        reply = offline_reply(message, TutorContext(exercise, latest, asked))
        self.events.append(Event(user_id, "asked-tutor", exercise_id, {"reply_chars": len(reply)},
                                 {"message_chars": len(message)}))
        return reply

    # -- administration --------------------------------------------------------------------------

    @property
    def isolation(self) -> Isolation:
        return self.sandbox.isolation


def _result_summary(result: GradeResult) -> dict[str, Any]:
    return {"status": result.status, "tests_passed": result.tests_passed, "tests_total": len(result.tests),
            "duration_ms": round(result.duration_ms, 1)}

