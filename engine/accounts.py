"""Accounts: registration, passwords, login throttling and logout, kept in the store.

Passwords are bcrypt hashes. Wrong passwords are throttled per username: after a few free
failures each further one locks the account for a delay that doubles, and while it is locked the
password is not even checked, so guessing gets slower and slower. Logging out records the time,
and a login cookie issued before it is refused: logging out really ends every session.
"""

from __future__ import annotations

import os
import re
import secrets
import threading
import weakref
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import bcrypt

from engine.clock import to_aware_utc, to_naive_utc, utcnow, valid_time_zone
from engine.events import Event, EventLog
from engine.store import Store
from engine.weak_passwords import guessable

ROLES = ("learner", "educator")
USERNAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{2,31}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
MIN_PASSWORD = 8
MAX_PASSWORD_BYTES = 72  # bcrypt reads no further
DEMO_PASSWORD_KEPT = "Demo accounts share the password the welcome page shows, so theirs cannot be changed."
DEMO_ACCOUNTS_GO_TOGETHER = "Demo accounts go all together, with the demo data: the administrator removes it on the System page."


class AccountError(ValueError):
    """Registration or account data was refused; the message says why, for the user."""


class LoginError(Exception):
    """A login was refused. ``retry_after_s`` is set when the account is throttled."""

    def __init__(self, message: str, retry_after_s: float = 0.0) -> None:
        super().__init__(message)
        self.retry_after_s = retry_after_s


@dataclass(frozen=True)
class User:
    id: int
    username: str
    email: str
    name: str
    role: str
    is_demo: bool = False
    time_zone: str | None = None  # IANA name where their days begin; None until known (UTC meanwhile)


_COLUMNS = "id, username, email, name, role, is_demo, time_zone"


def _user(row: tuple) -> User:  # type: ignore[type-arg]
    return User(*row)


class _Turn:
    """One username's turn at logging in: held while its attempt is checked and its failure written."""

    def __init__(self) -> None:
        self.lock = threading.Lock()


# a turn per username being tried, kept only while someone holds it (a name tried once is not kept for ever); not
# a lock shared by several names, where anyone could slow down another's login with names of their own
_TURNS: weakref.WeakValueDictionary[str, _Turn] = weakref.WeakValueDictionary()
_TURNS_LOCK = threading.Lock()


def _turn(username: str) -> _Turn:
    with _TURNS_LOCK:
        turn = _TURNS.get(username)
        if turn is None:
            turn = _TURNS[username] = _Turn()
        return turn


class Accounts:
    """Users of one store. Pass ``bcrypt_rounds=4`` in tests: hashing is slow on purpose."""

    def __init__(self, store: Store, events: EventLog, *, bcrypt_rounds: int = 12,
                 free_failures: int = 3, base_delay_s: float = 2.0, max_delay_s: float = 900.0) -> None:
        self.store = store
        self.events = events
        self.bcrypt_rounds = bcrypt_rounds
        self.free_failures = free_failures
        self.base_delay_s = base_delay_s
        self.max_delay_s = max_delay_s

    # -- registration -----------------------------------------------------------------------

    def register(self, username: str, email: str, name: str, password: str, role: str = "learner",
                 *, is_demo: bool = False, at: datetime | None = None, time_zone: str | None = None) -> User:
        """A new account. ``time_zone``: where the user's days begin, if known (the browser's)."""
        username, email, name = _tidy(username, email, name)
        zone = valid_time_zone(time_zone) if time_zone is not None else None
        problems = registration_problems(username, email, name, password, role)
        if problems:
            raise AccountError(" ".join(problems))
        if self.store.scalar("SELECT count(*) FROM users WHERE username = ?", [username]):
            raise AccountError(f"The username '{username}' is taken. Please choose another.")
        hashed = bcrypt.hashpw(password.encode(), bcrypt.gensalt(self.bcrypt_rounds)).decode()
        row = self.store.one(
            f"INSERT INTO users (username, email, name, password_hash, role, is_demo, created_at, time_zone) "
            f"VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING {_COLUMNS}",
            [username, email, name, hashed, role, is_demo, to_naive_utc(at), zone])
        assert row is not None
        user = _user(row)
        self.events.append(Event(user.id, "registered", None, None, {"role": role}, at))
        return user

    # -- lookups ------------------------------------------------------------------------------

    def get(self, user_id: int) -> User | None:
        row = self.store.one(f"SELECT {_COLUMNS} FROM users WHERE id = ?", [user_id])
        return _user(row) if row else None

    def require(self, user_id: int) -> User:
        """The user, or ``AccountError`` if there is none by that id."""
        user = self.get(user_id)
        if user is None:
            raise AccountError(f"no user {user_id}")
        return user

    def set_time_zone(self, user_id: int, time_zone: str) -> User:
        """Keep where the user's days begin (``ValueError`` for a name that is not a time zone)."""
        self.require(user_id)
        self.store.execute("UPDATE users SET time_zone = ? WHERE id = ?", [valid_time_zone(time_zone), user_id])
        return self.require(user_id)

    def by_username(self, username: str) -> User | None:
        row = self.store.one(f"SELECT {_COLUMNS} FROM users WHERE username = ?", [(username or "").strip().lower()])
        return _user(row) if row else None

    def password_hash(self, username: str) -> str | None:
        return self.store.scalar("SELECT password_hash FROM users WHERE username = ?", [username])  # type: ignore[no-any-return]

    def count(self) -> int:
        return int(self.store.scalar("SELECT count(*) FROM users") or 0)

    def administrator(self) -> User | None:
        """Whoever looks after the install: the first educator who registered. Later educators
        come in by the administrator's invitation (``engine.invitations``) or are made by whoever
        runs the server, and get no install-wide powers; demo accounts come after real ones, as
        their password is printed on the welcome page (the demo educator stands in only until a
        real educator registers)."""
        row = self.store.one(f"SELECT {_COLUMNS} FROM users WHERE role = 'educator' ORDER BY is_demo, id LIMIT 1")
        return _user(row) if row else None

    def is_administrator(self, user_id: int) -> bool:
        """Whether ``user_id`` is the ``administrator``: ask it before any change to the whole install."""
        administrator = self.administrator()
        return administrator is not None and administrator.id == user_id

    # -- login --------------------------------------------------------------------------------

    def login(self, username: str, password: str, *, now: datetime | None = None) -> User:
        """The user whose password this is, or ``LoginError``; throttles repeated failures."""
        now = to_naive_utc(now or utcnow())
        username = (username or "").strip().lower()
        if not username or not password:
            raise LoginError("Please enter your username and password.")
        user = self._verify(username, password, now, "Wrong username or password.")
        self.events.append(Event(user.id, "logged-in", occurred_at=to_aware_utc(now)))
        return user

    def _verify(self, username: str, password: str, now: datetime, wrong: str) -> User:
        """The user whose password this is, or ``LoginError`` saying ``wrong`` (and how long to wait once
        throttled). Every check of a password goes through here, so that each counts toward throttling:
        an open tab's "current password" must not be a way to guess without limit."""
        # one attempt at a time per username: in parallel, thirty attempts were all checked before the first
        # failure was written, and their writes collided
        turn = _turn(username)
        with turn.lock:
            locked = self.store.one("SELECT failures, locked_until FROM login_failures WHERE username = ?", [username])
            if locked and locked[1] is not None and locked[1] > now:
                wait = (locked[1] - now).total_seconds()
                raise LoginError(_locked(wait), wait)
            stored = self.password_hash(username)
            # check a dummy hash for unknown users, so timing does not reveal which usernames exist
            ok = bcrypt.checkpw(password.encode()[:MAX_PASSWORD_BYTES], (stored or self._dummy_hash()).encode())
            user = self.by_username(username)
            if not ok or user is None:
                wait = self._record_failure(username, now)
                # the name typed only when it is an account's: a password typed in its place must not be kept
                self.events.append(Event(user.id if user else None, "login-failed", None, None,
                                         {"username": username if user else None}, to_aware_utc(now)))
                raise LoginError(f"{wrong} {_locked(wait)}" if wait else wrong, wait)
            self.store.execute("DELETE FROM login_failures WHERE username = ?", [username])
        return user

    def change_password(self, user_id: int, current: str, new: str, *, now: datetime | None = None) -> None:
        """Put ``new`` in place of ``current``: ``LoginError`` if ``current`` is wrong (it counts toward
        throttling, as a wrong login does), ``AccountError`` if ``new`` is not a good password. Every
        session of the user ends, as on a logout: whoever else knew the old password is out."""
        user = self.require(user_id)
        if user.is_demo:
            raise AccountError(DEMO_PASSWORD_KEPT)
        moment = to_naive_utc(now or utcnow())
        self._verify(user.username, current or "", moment, "That is not your current password.")
        check_password(new, user.username, user.email, user.name)
        if bcrypt.checkpw(new.encode(), (self.password_hash(user.username) or "").encode()):
            raise AccountError("The new password is the one you have now. Please choose another.")
        hashed = bcrypt.hashpw(new.encode(), bcrypt.gensalt(self.bcrypt_rounds)).decode()
        self.store.execute("UPDATE users SET password_hash = ?, logged_out_at = ? WHERE id = ?", [hashed, moment, user_id])
        self.events.append(Event(user_id, "changed-password", occurred_at=to_aware_utc(moment)))

    def confirm_password(self, user_id: int, password: str, *, now: datetime | None = None) -> User:
        """The user, if ``password`` is theirs: ``LoginError`` otherwise (throttled as a login is). Asked
        before what cannot be undone, such as deleting the account."""
        user = self.require(user_id)
        return self._verify(user.username, password or "", to_naive_utc(now or utcnow()), "That is not your password.")

    def _dummy_hash(self) -> str:
        if not hasattr(self, "_dummy"):
            self._dummy = bcrypt.hashpw(b"no such user", bcrypt.gensalt(self.bcrypt_rounds)).decode()
        return self._dummy

    def _record_failure(self, username: str, now: datetime) -> float:
        row = self.store.one("SELECT failures FROM login_failures WHERE username = ?", [username])
        failures = (row[0] if row else 0) + 1
        wait = 0.0
        if failures > self.free_failures:
            wait = min(self.max_delay_s, self.base_delay_s * 2 ** (failures - self.free_failures - 1))
        locked_until = now + timedelta(seconds=wait) if wait else None
        self.store.execute(
            "INSERT OR REPLACE INTO login_failures (username, failures, last_failure_at, locked_until) "
            "VALUES (?, ?, ?, ?)", [username, failures, now, locked_until])
        return wait

    def logout(self, user_id: int, *, now: datetime | None = None) -> None:
        """End every session of the user: cookies issued until now stop working."""
        moment = to_naive_utc(now or utcnow())
        self.store.execute("UPDATE users SET logged_out_at = ? WHERE id = ?", [moment, user_id])
        self.events.append(Event(user_id, "logged-out", occurred_at=to_aware_utc(moment)))

    def session_valid(self, username: str, issued_at: datetime) -> bool:
        """Whether a login issued at ``issued_at`` still stands (the user has not logged out since)."""
        row = self.store.one("SELECT logged_out_at FROM users WHERE username = ?", [username])
        if row is None:
            return False
        return row[0] is None or to_naive_utc(issued_at) > row[0]

    def existed_at(self, user_id: int, moment: datetime) -> bool:
        """Whether the account was there at ``moment``: a login issued before is of an earlier account
        of the same username, deleted since."""
        created = self.store.scalar("SELECT created_at FROM users WHERE id = ?", [user_id])
        return created is not None and created <= to_naive_utc(moment)

    def sessions_ended_by(self, user_id: int) -> str:
        """What last ended every session of the user: "logged-out" or "changed-password"."""
        verb = self.store.scalar("SELECT verb FROM events WHERE user_id = ? AND verb IN ('logged-out', 'changed-password') "
                                 "ORDER BY occurred_at DESC, id DESC LIMIT 1", [user_id])
        return str(verb or "logged-out")


def registration_problems(username: str, email: str, name: str, password: str, role: str = "learner") -> list[str]:
    """Everything wrong with a registration form, every problem at once: a form sent back for one
    mistake at a time wears people out. (Whether the username is taken is the store's to say.)"""
    username, email, name = _tidy(username, email, name)
    problems = []
    if not USERNAME.match(username):
        problems.append("Usernames are 3 to 32 characters: letters, digits, '.', '_' or '-', "
                        "starting with a letter or digit.")
    if not EMAIL.match(email) or len(email) > 254:
        problems.append("Please enter a valid email address, like ada@example.org.")
    if not name or len(name) > 100:
        problems.append("Please enter your name (up to 100 characters).")
    try:
        check_password(password, username, email, name)
    except AccountError as exc:
        problems.append(str(exc))
    if role not in ROLES:
        problems.append(f"Role must be one of {', '.join(ROLES)}.")
    return problems


def _tidy(username: str, email: str, name: str) -> tuple[str, str, str]:
    """A form's fields as they are kept: the username in lower case, the name's spaces single."""
    return (username or "").strip().lower(), (email or "").strip(), " ".join((name or "").split())


def check_password(password: str, *personal: str) -> None:
    """``AccountError`` unless ``password`` will do for an account whose username, email and name are
    ``personal``: long enough, and not among what guessers try first."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD:
        raise AccountError(f"Passwords need at least {MIN_PASSWORD} characters.")
    if len(password.encode()) > MAX_PASSWORD_BYTES:
        raise AccountError(f"Passwords can be at most {MAX_PASSWORD_BYTES} bytes long.")
    if guessable(password, *personal):
        raise AccountError("That password is among the first that guessers try (a common one, a run of keys, "
                           "or your own name). A few unrelated words make a strong one.")


def cookie_key(configured: str | None, home: Path) -> str:
    """The secret that signs login cookies: from settings, else generated once into the home."""
    if configured:
        return configured
    path = home / "cookie_key"
    if path.exists():
        stored = path.read_text().strip()
        if len(stored) >= 32:
            return stored
    home.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(48)
    # written whole or not at all, readable by the owner only
    temporary = home / f".cookie_key.{secrets.token_hex(4)}"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        handle.write(key)
    os.replace(temporary, path)
    return key


def _locked(wait: float) -> str:
    """What a throttled login is told, in the same words whether this failure locked the account
    or it was locked already."""
    return f"Too many wrong passwords. Try again in {_duration(wait)}."


def _duration(seconds: float) -> str:
    """A wait in words: "1 second", "45 seconds", "15 minutes"."""
    whole = max(1, round(seconds))
    amount, unit = (whole, "second") if whole < 90 else (round(whole / 60), "minute")
    return f"{amount} {unit}{'' if amount == 1 else 's'}"

