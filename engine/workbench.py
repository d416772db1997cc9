"""The Workbench facade: the one way into the engine for pages, notebooks and the command line."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from datetime import datetime
from functools import cached_property
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from engine.accounts import Accounts, User
from engine.achievements import Achievements, AchievementStatus
from engine.attempts import Attempt, Attempts, Draft
from engine.bank import Bank, Exercise, UnknownExercise
from engine.clock import to_aware_utc, utcnow
from engine.cohorts import Access, AccessDenied, Cohort, Cohorts, Member
from engine.concepts import Concepts
from engine.console import Console, ConsoleResult
from engine.conversations import Conversation, Message
from engine.curriculum import Curriculum
from engine.daily import DailySets, TodaysSet
from engine.dashboard import Dashboard, LearnerReport, RiskRules, build_dashboard, learner_report
from engine.demo import DemoData, load_demo, remove_demo_data
from engine.events import Event, EventLog
from engine.export import DEFAULT_BASE_IRI, export_parquet, export_xapi, parquet_zip
from engine.generation import DraftRecord, GenerationResult, Generator, with_generated
from engine.grader import Grader, GradeResult
from engine.learner import LearnerModel, Level, SkillEstimate
from engine.level import LevelChange
from engine.notes import NoteTaker
from engine.outcomes import Outcomes, level_changed, result_summary
from engine.planner import Pick, Planner
from engine.preferences import Preferences
from engine.profile import Profile, Profiles
from engine.progress import Progress, activity_version
from engine.progress import load as load_progress
from engine.review import Reviews
from engine.sandbox import Isolation, Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.takeout import check_format, collect
from engine.tutor import Tutor
from engine.views import scope_fingerprint

if TYPE_CHECKING:
    from engine.memory import Memory, MemoryStore

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
_MEMORY_OPENING = threading.Lock()  # two sessions' first use of memory open it once


class Workbench:
    """The learning workbench. Build it with ``Workbench.open``; pass real in-memory parts in tests."""

    def __init__(self, settings: Settings, *, store: Store, sandbox: Sandbox, bank: Bank | None = None,
                 curriculum: Curriculum | None = None, clock: Callable[[], datetime] = utcnow,
                 chat_model: Any | None = None, remember: bool = True) -> None:
        """``remember``: False keeps nothing in the learners' memory (simulations and benchmarks,
        whose made-up learners have no tutor to remember for)."""
        self.settings = settings
        self._clock = clock  # what "now" is: the real time, or a simulation's
        self.store = store
        self.sandbox = sandbox
        self.bank = with_generated(bank or Bank(settings.bank_dir), settings.home)  # plus exercises a model wrote
        self.curriculum = curriculum or Curriculum.load(DATA_DIR / "curriculum.toml")
        self.events = EventLog(store)
        self.accounts = Accounts(store, self.events, bcrypt_rounds=settings.bcrypt_rounds,
                                 free_failures=settings.login_free_failures, base_delay_s=settings.login_base_delay_s,
                                 max_delay_s=settings.login_max_delay_s)
        self.attempts = Attempts(store)
        self.profiles = Profiles(store)
        self._preferences = Preferences(store)
        self.model = LearnerModel(store, self.curriculum)
        self.reviews = Reviews(store)
        self.daily_sets = DailySets(store, self.bank)
        self.planner = Planner(self.bank, self.curriculum, self.model, self.reviews,
                               band=(settings.target_band_low, settings.target_band_high))
        self.grader = Grader(sandbox, test_timeout_s=settings.test_timeout_s, budget_s=settings.grading_budget_s,
                             max_solution_bytes=settings.max_solution_bytes)
        self._outcomes = Outcomes(store, self.accounts, self.attempts, self.events, self.reviews, self.model)
        self._latest: dict[tuple[int, str], GradeResult] = {}
        self._memory: MemoryStore | None = None  # built on first use: see ``memory``
        self._notes = NoteTaker(lambda: self.memory, self.skill_name, enabled=remember)
        self.tutor = Tutor(self, Concepts(DATA_DIR / "concepts"), chat_model)  # chat_model: llm.build_chat_model

    def clock(self) -> datetime:
        """Now, in UTC: days (today's set, "seen today") are UTC days, as stored."""
        return to_aware_utc(self._clock())

    @classmethod
    def open(cls, home: str | Path | None = None, *, settings: Settings | None = None,
             store: Store | None = None, sandbox: Sandbox | None = None, chat_model: Any | None = None) -> Workbench:
        """Open the workbench whose state lives in ``home`` ($WORKBENCH_HOME, else ./.workbench)."""
        if settings is None:
            settings = Settings.from_env(home=Path(home) if home is not None else None)
        elif home is not None:
            settings = Settings(**{**settings.__dict__, "home": Path(home)})
        settings.home.mkdir(parents=True, exist_ok=True)
        store = store or Store(settings.home / "workbench.duckdb")
        return cls(settings, store=store, sandbox=sandbox or Sandbox(memory_cgroup=settings.sandbox_memory_cgroup),
                   chat_model=chat_model)

    def close(self) -> None:
        self.close_memory()
        self.store.close()

    def __enter__(self) -> Workbench:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # -- accounts -------------------------------------------------------------------------------

    def register(self, username: str, email: str, name: str, password: str, role: str = "learner") -> User:
        """Create an account; ``AccountError`` explains what was wrong with the input."""
        return self.accounts.register(username, email, name, password, role, at=self.clock())

    def login(self, username: str, password: str) -> User:
        """The user, or ``LoginError`` (wrong password, or throttled after repeated failures)."""
        return self.accounts.login(username, password)

    def logout(self, user_id: int) -> None:
        self.accounts.logout(user_id)

    def user(self, user_id: int) -> User | None:
        return self.accounts.get(user_id)

    def administrator(self) -> User | None:
        """The educator who may change the whole install (remove demo data): the first who
        registered, real accounts before demo ones; None while there is no educator."""
        return self.accounts.administrator()

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
        self.events.append(Event(user_id, "ran-tests", exercise_id, result_summary(result)))
        return result

    def submit(self, user_id: int, exercise_id: str, code: str, hints_used: int = 0,
               duration_s: float | None = None) -> Attempt:
        """Grade, record the attempt and its events, and update the learner model."""
        exercise = self.exercise(exercise_id)
        result = self.grade(exercise, code)
        self._latest[(user_id, exercise_id)] = result
        attempt = self._outcomes.record_graded(user_id, exercise, result, code, hints_used, duration_s, self.clock())
        self._notes.remember_mistake(user_id, exercise, result)
        return attempt

    def record_result(self, user_id: int, exercise_id: str, passed: bool, hints_used: int = 0,
                      duration_s: float | None = None, at: datetime | None = None) -> None:
        """Record an outcome graded elsewhere (imports, simulations). ``at``: timezone-aware."""
        if at is not None and at.tzinfo is None:
            raise ValueError("at must be timezone-aware")
        exercise = self.exercise(exercise_id)
        self._outcomes.record(user_id, exercise, passed, hints_used, duration_s, at or self.clock(),
                              status="pass" if passed else "fail")

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
        return self.daily_sets.planned(user_id, self.clock().date(), lambda: self.daily_set(user_id))

    def more_exercises(self, user_id: int, n: int = 1) -> TodaysSet:
        """Add ``n`` more exercises to today's set (the learner asked for more)."""
        day = self.clock().date()
        return self.daily_sets.extend(user_id, day, n, self.todays_set(user_id), lambda count: self.daily_set(user_id, count))

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
            self.events.append(level_changed(user_id, change))
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
            self.events.append(Event(user_id, "answered-onboarding", step, {"completed": profile.completed},
                                     occurred_at=self.clock()))
        if step == "goals":
            self._notes.remember_goals(user_id, profile)
        return profile

    def preferences(self, user_id: int) -> dict[str, str]:
        """The user's settings of the app (``engine.preferences.CHOICES``), defaults for those never set."""
        return self._preferences.get(user_id)

    def set_preference(self, user_id: int, name: str, value: str) -> None:
        """Keep a setting for the user's next sessions (``ValueError`` for an unknown name or value)."""
        self._preferences.set(user_id, name, value, self.clock())

    def history(self, user_id: int, limit: int = 200) -> list[Attempt]:
        return self.attempts.history(user_id, limit)

    def attempt_code(self, user_id: int, attempt_id: int) -> str | None:
        """The code of one of the user's own attempts; None for another's, or a result without code."""
        return self.attempts.code(user_id, attempt_id)

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
        self.events.append(Event(user_id, "requested-hint", exercise_id, {"hint": shown}, occurred_at=self.clock()))
        self._notes.remember_hint(user_id, exercise, shown)
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
        """The tutor's whole reply (not kept in a conversation): for notebooks and checks."""
        return "".join(self.tutor.reply(user_id, message, exercise_id))

    def tutor_reply(self, user_id: int, message: str, exercise_id: str | None = None,
                    conversation_id: int | None = None) -> Iterator[str]:
        """The tutor's reply as it is written, for pages to stream; the message and the reply are
        saved in the conversation, if given (the message first, so it is never lost).
        ``UnknownExercise`` and ``ConversationNotFound`` are raised here, before anything streams."""
        if exercise_id:
            self.exercise(exercise_id)
        if conversation_id is not None:
            self.conversation(user_id, conversation_id)
        return self.tutor.reply(user_id, message, exercise_id, conversation_id)

    @property
    def tutor_online(self) -> bool:
        """Whether a language model is configured (else the offline tutor answers)."""
        return self.tutor.chat_model is not None

    def conversations(self, user_id: int, exercise_id: str | None = None) -> list[Conversation]:
        """The learner's conversations with the tutor, most recent first (about one exercise, if given)."""
        return self.tutor.conversations.for_user(user_id, exercise_id)

    def start_conversation(self, user_id: int, title: str = "", exercise_id: str | None = None) -> Conversation:
        return self.tutor.conversations.start(user_id, title, exercise_id, self.clock())

    def conversation(self, user_id: int, conversation_id: int) -> Conversation:
        """``ConversationNotFound`` unless it is this learner's."""
        return self.tutor.conversations.get(user_id, conversation_id)

    def conversation_messages(self, user_id: int, conversation_id: int) -> list[Message]:
        return self.tutor.conversations.messages(user_id, conversation_id)

    def rename_conversation(self, user_id: int, conversation_id: int, title: str) -> Conversation:
        return self.tutor.conversations.rename(user_id, conversation_id, title)

    def delete_conversation(self, user_id: int, conversation_id: int) -> None:
        """Delete the conversation and its messages for good."""
        self.tutor.conversations.delete(user_id, conversation_id)

    # -- memory: what the tutor remembers about each learner (engine/memory.py) -----------------

    @property
    def memory(self) -> MemoryStore:
        """The learners' memory, opened on first use: the embedding model and Chroma load only
        for a Workbench that needs them. Its Chroma folder, ``<home>/chroma``, belongs to this
        process from then on (``engine.lock.FolderInUse`` if another process has it)."""
        if self._memory is None:
            with _MEMORY_OPENING:
                if self._memory is None:
                    from engine.memory import MemoryStore

                    self._memory = MemoryStore.open(self.store, self.settings.home / "chroma", clock=self.clock)
        return self._memory

    def use_memory(self, memory: MemoryStore) -> None:
        """Use this memory store (tests and tools built on other parts); the Workbench closes it."""
        self.close_memory()
        self._memory = memory

    def close_memory(self) -> None:
        """Close the memory, if it was opened, and give up its folder."""
        memory, self._memory = self._memory, None
        if memory is not None:
            memory.close()

    def memories(self, user_id: int, kind: str | None = None) -> list[Memory]:
        """Everything remembered about this learner (of one kind, if given), newest first. Read
        from DuckDB alone: listing never loads the model."""
        from engine.memory import list_memories

        return list_memories(self.store, user_id, kind)

    def forget_memory(self, user_id: int, memory_id: str) -> bool:
        """Delete one of this learner's memories for good; False if they have none by that id."""
        return self.memory.forget(user_id, memory_id)

    def forget_all_memories(self, user_id: int) -> int:
        """Delete everything remembered about this learner; returns how many memories went."""
        return self.memory.forget_all(user_id)

    # -- exercise generation: new exercises written by the language model -------------------------

    @cached_property
    def generator(self) -> Generator:
        return Generator(self, self.tutor.concepts, self.tutor.chat_model)

    @property
    def generation_available(self) -> bool:
        """Whether new exercises can be written here (a language model is configured)."""
        return self.generator.available

    def generate_exercise(self, user_id: int, skill: str,
                          progress: Callable[[str], None] | None = None) -> GenerationResult:
        """A new exercise on ``skill`` (an id or name of the curriculum), written by the language
        model and verified in the sandbox before it is returned; it joins the bank for good. When no
        exercise came of it, the result says why (no model configured, a limit, the provider, or
        the check the draft failed, which is kept for review). ``UnknownSkill`` for a bad skill.
        ``progress`` hears each step as it starts."""
        return self.generator.generate(user_id, skill, progress)

    def generated_exercises(self, limit: int = 100) -> list[DraftRecord]:
        """Accepted generated exercises, newest first: who asked, the skill, the exercise id."""
        return self.generator.records("accepted", limit)

    def rejected_drafts(self, limit: int = 100) -> list[DraftRecord]:
        """Drafts that failed verification, newest first, with the reason: for educators to review."""
        return self.generator.records("rejected", limit)

    # -- cohorts, dashboards and data: educators and analysts -----------------------------------
    #
    # Who may read what. A method whose first parameter is ``user_id`` acts *as* that user: the
    # app passes the signed-in user's id and nothing else (tests/test_authorization.py checks the
    # pages). Reading anybody else's data goes through a method that takes the acting user first
    # (``educator_id`` or ``actor_id``) and asks ``self.access`` / ``self.cohort_book``, which raise
    # ``AccessDenied``: an educator sees the learners of their own cohorts, a learner no one else.

    @cached_property
    def cohort_book(self) -> Cohorts:
        return Cohorts(self.store, self.accounts, self.events)

    @cached_property
    def access(self) -> Access:
        return Access(self.store, self.accounts)

    def create_cohort(self, educator_id: int, name: str) -> Cohort:
        """A new cohort with a fresh join code; ``CohortError`` for a bad name, ``AccessDenied`` for a learner."""
        return self.cohort_book.create(educator_id, name, self.clock())

    def cohorts(self, educator_id: int) -> list[Cohort]:
        """The educator's cohorts with their join codes and member counts, oldest first."""
        return self.cohort_book.of_educator(educator_id)

    def cohort(self, educator_id: int, cohort_id: int) -> Cohort:
        """One of the educator's cohorts; ``AccessDenied`` if it is not theirs."""
        return self.cohort_book.owned(educator_id, cohort_id)

    def regenerate_join_code(self, educator_id: int, cohort_id: int) -> Cohort:
        """A new join code (the old one stops working; members stay)."""
        return self.cohort_book.regenerate_code(educator_id, cohort_id)

    def rename_cohort(self, educator_id: int, cohort_id: int, name: str) -> Cohort:
        """The cohort under a new name (the rules of ``create_cohort``); ``AccessDenied`` if it is not theirs."""
        return self.cohort_book.rename(educator_id, cohort_id, name, self.clock())

    def delete_cohort(self, educator_id: int, cohort_id: int) -> None:
        """Delete the cohort and its memberships (the learners' own data stays); ``AccessDenied`` if not theirs."""
        self.cohort_book.delete(educator_id, cohort_id, self.clock())

    def cohort_members(self, educator_id: int, cohort_id: int) -> list[Member]:
        return self.cohort_book.members(educator_id, cohort_id)

    def cohorts_version(self, educator_id: int) -> int | None:
        """A number that changes whenever the learners ``educator_id`` may see change (a join, a leave, a
        cohort created, renamed or deleted): a key for what is kept of them, so that it is seen at once."""
        return scope_fingerprint(self.store, educator_id)

    def join_cohort(self, user_id: int, code: str) -> Cohort:
        """Join with a code from an educator ("ABCD-EFGH"; case, spaces and dashes do not matter)."""
        return self.cohort_book.join(user_id, code, self.clock())

    def leave_cohort(self, user_id: int, cohort_id: int) -> None:
        self.cohort_book.leave(user_id, cohort_id, self.clock())

    def memberships(self, user_id: int) -> list[tuple[Cohort, str]]:
        """The cohorts the learner is in, each with its educator's name."""
        return self.cohort_book.of_learner(user_id)

    def cohort_dashboard(self, educator_id: int, cohort_id: int, risk: RiskRules | None = None) -> Dashboard:
        """The cohort's dashboard as frames (activity, learners, at risk, items, mastery)."""
        cohort = self.cohort_book.owned(educator_id, cohort_id)
        members = self.cohort_book.members(educator_id, cohort_id)
        return build_dashboard(self.store, cohort, members, self.bank, self.curriculum, self.clock(), risk=risk)

    def learner_progress_for(self, actor_id: int, learner_id: int, limit: int = 200) -> LearnerReport:
        """One learner's progress, read-only, for themself or an educator of one of their cohorts."""
        learner = self.access.check_read(actor_id, learner_id)
        return learner_report(self.store, self.model, self.curriculum, self.bank, learner, self.clock(), limit)

    # -- progress: a learner's own figures, achievements and exports -----------------------------

    @cached_property
    def achievement_book(self) -> Achievements:
        return Achievements(self.store, self.events)

    def activity_version(self, user_id: int) -> int:
        """The id of the learner's latest event: a cheap key that changes after any new activity
        (the UI caches progress under it)."""
        return activity_version(self.store, user_id)

    def progress(self, user_id: int, version: int | None = None) -> Progress:
        """The learner's Progress page: streaks, weekly figures, mastery per skill, the next skill.
        ``version``: the activity version already read (saves a query)."""
        return load_progress(self.store, self.model, self.curriculum, self.bank, user_id, self.clock(), version)

    def achievements(self, user_id: int, progress: Progress | None = None) -> list[AchievementStatus]:
        """Every achievement, unlocked (with when) or locked (with progress); newly earned ones are
        stored and logged. ``progress``: the learner's figures if already read."""
        return self.achievement_book.judge(user_id, progress or self.progress(user_id), self.clock())

    def celebrations(self, user_id: int) -> list[AchievementStatus]:
        """Unlocked achievements not celebrated yet (judged again only if the learner's activity changed)."""
        return self.achievement_book.celebrations(user_id, lambda: self.achievements(user_id))

    def mark_celebrated(self, user_id: int, achievement_ids: list[str]) -> None:
        """The app has shown these: they are not celebrated again."""
        self.achievement_book.mark_celebrated(user_id, achievement_ids, self.clock())

    def export_data(self, user_id: int, fmt: str = "json") -> bytes:
        """The learner's own data: "csv" (a zip of CSV files) or "json" (one document) holding everything
        the workbench keeps about them (``engine.takeout``). Logged as "exported-data"."""
        check_format(fmt)
        now = self.clock()
        data = collect(self.store, self.model, self.curriculum, self.achievement_book, self.accounts.require(user_id),
                       now).encode(fmt)
        self.events.append(Event(user_id, "exported-data", fmt, {"bytes": len(data)}, occurred_at=now))
        return data

    def progress_report(self, user_id: int) -> bytes:
        """The Progress page as a PDF: every chart with its summary, and the achievements."""
        user = self.accounts.require(user_id)
        from engine.report import pdf as report_pdf  # Altair and vl-convert load only when a report is asked for

        figures = self.progress(user_id)
        data = report_pdf(figures, self.achievements(user_id, figures), user.name, self.clock())
        self.events.append(Event(user_id, "exported-data", "pdf", {"bytes": len(data)}))
        return data

    def data_console(self, educator_id: int, *, row_limit: int = 10_000, timeout_s: float = 10.0) -> Console:
        """A read-only SQL console over the analytics views of the educator's cohorts (a snapshot
        taken now; open another to refresh). ``AccessDenied`` for learners."""
        self.cohort_book.of_educator(educator_id)  # educators only
        return Console.open(self.store, self.bank, educator_id, row_limit=row_limit, timeout_s=timeout_s)

    def query_data(self, educator_id: int, console: Console, sql: str, limit: int | None = None) -> ConsoleResult:
        """Run one SELECT on the educator's console; logged as "queried-data" (the text, not the rows)."""
        try:
            result = console.run(sql, limit)
        finally:
            self.events.append(Event(educator_id, "queried-data", None, None, {"sql": (sql or "")[:2000]}))
        return result

    def snapshot(self, directory: str | Path, educator_id: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Write the analytics tables as Parquet to ``directory`` (replaced whole, never half-written),
        for notebooks to read while the app runs. ``educator_id``: only their cohorts' learners."""
        if educator_id is not None:
            self.cohort_book.of_educator(educator_id)
        counts = export_parquet(self.store, self.bank, directory, educator_id=educator_id, progress=progress)
        self.events.append(Event(educator_id, "exported-data", "parquet", {"rows": counts}))
        return counts

    def snapshot_zip(self, educator_id: int | None = None, progress: Callable[[int, int], None] | None = None) -> bytes:
        """The ``snapshot`` as the bytes of one zip (the same files and scope, plus a README.txt),
        for a browser to download. ``educator_id``: only their cohorts' learners."""
        if educator_id is not None:
            self.cohort_book.of_educator(educator_id)
        data, counts = parquet_zip(self.store, self.bank, educator_id=educator_id, progress=progress, taken_at=self.clock())
        self.events.append(Event(educator_id, "exported-data", "parquet-zip", {"rows": counts, "bytes": len(data)}))
        return data

    def export_xapi(self, path: str | Path, base_iri: str = DEFAULT_BASE_IRI,
                    progress: Callable[[int, int], None] | None = None) -> int:
        """Every event as an xAPI 1.0.3 statement, one JSON object per line; how many were written."""
        written = export_xapi(self.store, self.bank, path, base_iri=base_iri, progress=progress)
        self.events.append(Event(None, "exported-data", "xapi", {"statements": written}))
        return written

    # -- administration --------------------------------------------------------------------------

    @property
    def isolation(self) -> Isolation:
        return self.sandbox.isolation

    # -- bulk writing and demo data ----------------------------------------------------------------

    @contextmanager
    def batch(self) -> Iterator[None]:
        """Write in bulk: the actions inside the block run the very same code as one at a time,
        in one transaction, with the activity log's rows collected and written in one insert at
        the end (DuckDB manages about a thousand single-row inserts a second). For imports and
        demo data; an error rolls the whole block back. Log reads inside do not see its rows yet."""
        with self.store.transaction(), self.events.batch():
            yield

    def load_demo(self, learners: int = 20, days: int = 30, seed: int = 7,
                  progress: Callable[[int, int], None] | None = None) -> DemoData:
        """A synthetic demo cohort over the last ``days`` days, made through this engine's own
        calls; demo users are marked and share ``demo.PASSWORD``. ``DemoError`` if already loaded."""
        return load_demo(self, learners=learners, days=days, seed=seed, progress=progress)

    def remove_demo_data(self, actor_id: int | None = None) -> dict[str, int]:
        """Delete every demo user and all their rows; returns the rows deleted per table. From the
        app, ``actor_id`` is who asks: ``AccessDenied`` unless they are the ``administrator``; None is
        whoever runs the command line (they hold the home folder anyway)."""
        if actor_id is not None:
            administrator = self.accounts.administrator()
            if administrator is None or administrator.id != actor_id:
                raise AccessDenied("Only the administrator (the first educator who registered here) can remove demo data.")
        return remove_demo_data(self)

    def user_count(self) -> int:
        """How many accounts exist (0 on a fresh install)."""
        return self.accounts.count()

    def demo_users(self) -> int:
        """How many demo accounts there are: what ``remove_demo_data`` would delete (0 if none)."""
        return int(self.store.scalar("SELECT count(*) FROM users WHERE is_demo") or 0)

    def demo_loaded(self) -> bool:
        return self.demo_users() > 0

