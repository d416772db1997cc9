"""The Workbench facade: the one way into the engine for pages, notebooks and the command line."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from engine.accounts import DEMO_ACCOUNTS_GO_TOGETHER, AccountError, Accounts, User
from engine.attempts import Attempts
from engine.bank import Bank
from engine.clock import utcnow
from engine.cohorts import AccessDenied
from engine.concepts import Concepts
from engine.curriculum import Curriculum
from engine.daily import DailySets
from engine.demo import DemoData, load_demo, remove_demo_data
from engine.events import Event, EventLog
from engine.facade.cohorts import CohortCalls
from engine.facade.invitations import InvitationCalls
from engine.facade.practice import PracticeCalls
from engine.facade.progress import ProgressCalls
from engine.facade.tutoring import TutoringCalls
from engine.generation import Generator, with_generated
from engine.grader import Grader
from engine.learner import LearnerModel
from engine.notes import NoteTaker
from engine.outcomes import Outcomes
from engine.planner import Planner
from engine.preferences import Preferences
from engine.profile import Profiles
from engine.removal import remove_users
from engine.review import Reviews
from engine.sandbox import Isolation, Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.tutor import Tutor

log = logging.getLogger(__name__)
DATA_DIR = Path(__file__).resolve().parent.parent / "data"


class Workbench(PracticeCalls, TutoringCalls, ProgressCalls, CohortCalls, InvitationCalls):
    """The learning workbench. Build it with ``Workbench.open``; pass real in-memory parts in tests.

    Its calls are grouped by concept in ``engine/facade/``: practice, tutoring, progress, cohorts,
    invitations (the app's sign-up).
    Here: building it, accounts, administration and bulk writing."""

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
        self._latest = {}
        self._memory = None  # opened on first use: see ``memory``
        self._notes = NoteTaker(lambda: self.memory, self.skill_name, enabled=remember)
        self.tutor = Tutor(self, Concepts(DATA_DIR / "concepts"), chat_model)  # chat_model: llm.build_chat_model
        self.generator = Generator(self, self.tutor.concepts, chat_model)

    @classmethod
    def open(cls, home: str | Path | None = None, *, settings: Settings | None = None,
             store: Store | None = None, sandbox: Sandbox | None = None, chat_model: Any | None = None) -> Workbench:
        """Open the workbench whose state lives in ``home`` ($WORKBENCH_HOME, else ./.workbench)."""
        if settings is None:
            settings = Settings.from_env(home=Path(home) if home is not None else None)
        elif home is not None:
            settings = Settings(**{**settings.__dict__, "home": Path(home)})
        settings.home.mkdir(mode=0o700, parents=True, exist_ok=True)
        _keep_private(settings.home)
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
        """Create an account; ``AccountError`` explains what was wrong with the input. For trusted
        callers (command line, notebooks, demo data): the app's form uses ``sign_up``, which also
        asks an educator for an invitation."""
        return self.accounts.register(username, email, name, password, role, at=self.clock())

    def login(self, username: str, password: str) -> User:
        """The user, or ``LoginError`` (wrong password, or throttled after repeated failures)."""
        return self.accounts.login(username, password)

    def logout(self, user_id: int) -> None:
        self.accounts.logout(user_id)

    def change_password(self, user_id: int, current: str, new: str) -> None:
        """``LoginError`` if ``current`` is not the user's password (throttled as a login is),
        ``AccountError`` if ``new`` will not do. Ends every session of the user, as a logout does."""
        self.accounts.change_password(user_id, current, new)

    def delete_account(self, user_id: int, password: str) -> dict[str, int]:
        """Delete the user and everything kept about them (an educator's cohorts too), once ``password``
        confirms it is them (``LoginError`` otherwise; ``AccountError`` for a demo account, which goes with the
        demo data); returns the rows deleted per table."""
        if self.accounts.require(user_id).is_demo:
            raise AccountError(DEMO_ACCOUNTS_GO_TOGETHER)
        self.accounts.confirm_password(user_id, password)
        deleted = remove_users(self, f"id = {int(user_id)}")
        self.events.append(Event(None, "deleted-account", occurred_at=self.clock()))
        return deleted

    def user(self, user_id: int) -> User | None:
        return self.accounts.get(user_id)

    def set_time_zone(self, user_id: int, time_zone: str) -> User:
        """Keep the user's time zone (an IANA name, "Europe/Paris"), where their days begin: today's
        set, streaks, the calendar. ``ValueError`` for a name that is not a time zone. Today's set stays
        today's, though "today" may now be another date."""
        with self.store.transaction():
            today = self.local_now(user_id).date()
            user = self.accounts.set_time_zone(user_id, time_zone)
            self.daily_sets.carry(user_id, today, self.local_now(user_id).date())
        return user

    def administrator(self) -> User | None:
        """The educator who may change the whole install (remove demo data): the first who
        registered, real accounts before demo ones; None while there is no educator."""
        return self.accounts.administrator()

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
        if actor_id is not None and not self.accounts.is_administrator(actor_id):
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


def _keep_private(home: Path) -> None:
    """The home is its owner's alone: the store holds password hashes and every learner's code. Made here,
    it is; one made beforehand (a container's volume, a mkdir) let other users of the machine read it all."""
    mode = stat.S_IMODE(home.stat().st_mode)
    if mode & 0o077 == 0:
        return
    if home.stat().st_uid != os.getuid():
        log.warning("%s can be read by other users of this machine, and is not ours to change (mode %o): "
                    "it holds password hashes and learners' code", home, mode)
        return
    home.chmod(mode & 0o700)
    log.info("%s was readable by other users of this machine: it is now its owner's alone", home)
