"""Cohorts: an educator's groups of learners, joined with a code, and who may read whose data.

An educator creates a cohort and gets a join code to hand out; a learner types it on their
Profile page to join, and can leave at any time. The educator may rename the cohort, or delete it:
its learners leave it, and keep their own data; or remove one learner, who leaves it as if they had pressed
Leave (a stranger who joined with a leaked code stays in after a new code otherwise). The same module holds the one rule every
read of someone else's data goes through (``Access``): a learner reads only their own data; an
educator reads the data of learners in cohorts they own, and only those cohorts. Refusals raise
``AccessDenied`` (a ``PermissionError``) in the engine, so no page can forget the check.

Join codes are 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
``ABCD-EFGH``: 31**8, about 8.5e11 codes, drawn with ``secrets``, so guessing one is hopeless,
and typing one is easy (case, spaces and dashes are ignored).
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import datetime

from engine.accounts import Accounts, User
from engine.clock import to_aware_utc, to_naive_utc
from engine.events import Event, EventLog
from engine.store import Store

CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 8
MAX_NAME = 80
_CODE_TYPED = re.compile(r"[\s\-_]+")


class CohortError(ValueError):
    """A cohort action was refused because of its input; the message says why, for the user."""


class AccessDenied(PermissionError):
    """The acting user may not see this: another learner's data, or a cohort not theirs."""


@dataclass(frozen=True)
class Cohort:
    id: int
    name: str
    educator_id: int
    join_code: str
    created_at: datetime
    members: int = 0

    @property
    def display_code(self) -> str:
        """The join code as people read it aloud: two groups of four."""
        return f"{self.join_code[:4]}-{self.join_code[4:]}"


@dataclass(frozen=True)
class Member:
    user: User
    joined_at: datetime


def new_join_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(typed: str) -> str:
    """A code as typed ("abcd efgh", "ABCD-EFGH") in its stored form ("ABCDEFGH")."""
    return _CODE_TYPED.sub("", typed or "").upper()


_SELECT = ("SELECT c.id, c.name, c.educator_id, c.join_code, c.created_at, "
           "(SELECT count(*) FROM cohort_members m WHERE m.cohort_id = c.id) FROM cohorts c")


def _cohort(row: tuple) -> Cohort:  # type: ignore[type-arg]
    return Cohort(row[0], row[1], row[2], row[3], to_aware_utc(row[4]), int(row[5]))


class Cohorts:
    """Cohorts and their members in a store; every method that reads one checks who asks."""

    def __init__(self, store: Store, accounts: Accounts, events: EventLog) -> None:
        self.store = store
        self.accounts = accounts
        self.events = events

    # -- educators ---------------------------------------------------------------------------

    def create(self, educator_id: int, name: str, at: datetime) -> Cohort:
        """A new cohort owned by ``educator_id``, with a fresh join code."""
        self._educator(educator_id)
        name = self._valid_name(educator_id, name)
        with self.store.transaction():
            cohort_id = self.store.scalar(
                "INSERT INTO cohorts (name, educator_id, join_code, created_at) VALUES (?, ?, ?, ?) RETURNING id",
                [name, educator_id, self._unused_code(), to_naive_utc(at)])
            self.events.append(Event(educator_id, "created-cohort", str(cohort_id), None, {"name": name}, at))
        return self.owned(educator_id, int(cohort_id))

    def regenerate_code(self, educator_id: int, cohort_id: int) -> Cohort:
        """A new join code for the cohort: the old one stops working; members stay."""
        self.owned(educator_id, cohort_id)
        self.store.execute("UPDATE cohorts SET join_code = ? WHERE id = ?", [self._unused_code(), cohort_id])
        return self.owned(educator_id, cohort_id)

    def rename(self, educator_id: int, cohort_id: int, name: str, at: datetime) -> Cohort:
        """The cohort under a new name, by the same rules as ``create`` (its own name in another case
        is fine); members and the join code stay. Renaming to the very same name changes nothing."""
        with self.store.transaction():
            cohort = self.owned(educator_id, cohort_id)
            name = self._valid_name(educator_id, name, other_than=cohort_id)
            if name == cohort.name:
                return cohort
            self.store.execute("UPDATE cohorts SET name = ? WHERE id = ?", [name, cohort_id])
            self.events.append(Event(educator_id, "renamed-cohort", str(cohort_id), {"from": cohort.name, "to": name},
                                     occurred_at=at))
        return self.owned(educator_id, cohort_id)

    def delete(self, educator_id: int, cohort_id: int, at: datetime) -> None:
        """Delete the cohort: its learners leave it (so its educator no longer sees their data, unless
        they are in another of the educator's cohorts), and its join code stops working. The
        learners' own data (attempts, events, conversations ...) stays theirs, untouched."""
        with self.store.transaction():
            cohort = self.owned(educator_id, cohort_id)
            # members first, then the cohort (the order a foreign key from cohort_members would need)
            self.store.execute("DELETE FROM cohort_members WHERE cohort_id = ?", [cohort_id])
            self.store.execute("DELETE FROM cohorts WHERE id = ?", [cohort_id])
            self.events.append(Event(educator_id, "deleted-cohort", str(cohort_id), None,
                                     {"name": cohort.name, "members": cohort.members}, at))

    def remove(self, educator_id: int, cohort_id: int, user_id: int, at: datetime) -> Cohort:
        """Take a learner out of the cohort, as if they had left it: its educator no longer sees their data
        (unless they are in another of the educator's cohorts); their own data stays theirs, and they may
        join again only with the cohort's current code. Logged as the learner's ``left-cohort``, with
        ``removed_by``, so their membership history reads the same whoever ended it."""
        with self.store.transaction():
            cohort = self.owned(educator_id, cohort_id)
            if not self._is_member(cohort_id, user_id):
                raise CohortError("That learner is not in this cohort (any more).")
            self._end_membership(cohort_id, user_id, at, {"removed_by": educator_id})
        return self.owned(educator_id, cohort.id)

    def of_educator(self, educator_id: int) -> list[Cohort]:
        """The educator's cohorts, oldest first."""
        self._educator(educator_id)
        return [_cohort(r) for r in self.store.all(f"{_SELECT} WHERE c.educator_id = ? ORDER BY c.created_at, c.id",
                                                   [educator_id])]

    def owned(self, educator_id: int, cohort_id: int) -> Cohort:
        """The cohort, if ``educator_id`` owns it; ``AccessDenied`` otherwise (or if there is none:
        an educator learns nothing about other educators' cohorts, not even that they exist)."""
        row = self.store.one(f"{_SELECT} WHERE c.id = ?", [cohort_id])
        if row is None or row[2] != educator_id:
            raise AccessDenied("This cohort is not one of yours.")
        return _cohort(row)

    def members(self, educator_id: int, cohort_id: int) -> list[Member]:
        """The cohort's learners, by name; only for the educator who owns it."""
        self.owned(educator_id, cohort_id)
        rows = self.store.all(
            "SELECT u.id, u.username, u.email, u.name, u.role, u.is_demo, m.joined_at FROM cohort_members m "
            "JOIN users u ON u.id = m.user_id WHERE m.cohort_id = ? ORDER BY lower(u.name), u.id", [cohort_id])
        return [Member(User(*r[:6]), to_aware_utc(r[6])) for r in rows]

    # -- learners ----------------------------------------------------------------------------

    def join(self, user_id: int, code: str, at: datetime) -> Cohort:
        """Join the cohort whose code this is; ``CohortError`` if no cohort has it."""
        user = self._user(user_id)
        if user.role != "learner":
            raise CohortError("Only learners join cohorts; educators create them.")
        typed = normalise_code(code)
        if not typed:
            raise CohortError("Type the join code your educator gave you (it looks like ABCD-EFGH).")
        row = self.store.one(f"{_SELECT} WHERE c.join_code = ?", [typed])
        if row is None:
            raise CohortError("No cohort has that code. Check it with your educator (codes look like ABCD-EFGH).")
        cohort = _cohort(row)
        if self.store.scalar("SELECT count(*) FROM cohort_members WHERE cohort_id = ? AND user_id = ?",
                             [cohort.id, user_id]):
            raise CohortError(f"You are already in {cohort.name}.")
        if not user.is_demo and self._user(cohort.educator_id).is_demo:
            # the demo educator's password is on the welcome page: whoever logs in as it would see this learner
            raise CohortError("That code belongs to the demo data, whose educator account anyone can log in to. "
                              "Ask your educator for the code of their own cohort.")
        if user.is_demo and not self._user(cohort.educator_id).is_demo:
            # nor the other way: anyone may log in as a demo learner, whose made-up activity would then fill a real
            # educator's dashboard, and leave it without a word when the demo data is removed
            raise CohortError("Demo learners join only the demo's own cohort: register a learner account of your "
                              "own to join this one.")
        with self.store.transaction():
            self.store.execute("INSERT INTO cohort_members (cohort_id, user_id, joined_at) VALUES (?, ?, ?)",
                               [cohort.id, user_id, to_naive_utc(at)])
            self.events.append(Event(user_id, "joined-cohort", str(cohort.id), occurred_at=at))
        return self.owned(cohort.educator_id, cohort.id)

    def leave(self, user_id: int, cohort_id: int, at: datetime) -> None:
        """Leave a cohort: its educator no longer sees this learner's data."""
        if not self._is_member(cohort_id, user_id):
            raise CohortError("You are not in that cohort.")
        with self.store.transaction():
            self._end_membership(cohort_id, user_id, at)

    def of_learner(self, user_id: int) -> list[tuple[Cohort, str]]:
        """The cohorts a learner is in, each with its educator's name (the code is not the learner's to see)."""
        rows = self.store.all(
            f"{_SELECT} JOIN cohort_members me ON me.cohort_id = c.id AND me.user_id = ? ORDER BY me.joined_at",
            [user_id])
        cohorts = [_cohort(r) for r in rows]
        names = {c.educator_id: (self.accounts.get(c.educator_id) or self._gone()).name for c in cohorts}
        return [(Cohort(c.id, c.name, c.educator_id, "", c.created_at, c.members), names[c.educator_id])
                for c in cohorts]

    # -- internals ---------------------------------------------------------------------------

    def _is_member(self, cohort_id: int, user_id: int) -> bool:
        return bool(self.store.scalar("SELECT count(*) FROM cohort_members WHERE cohort_id = ? AND user_id = ?",
                                      [cohort_id, user_id]))

    def _end_membership(self, cohort_id: int, user_id: int, at: datetime,
                        context: dict[str, int] | None = None) -> None:
        self.store.execute("DELETE FROM cohort_members WHERE cohort_id = ? AND user_id = ?", [cohort_id, user_id])
        self.events.append(Event(user_id, "left-cohort", str(cohort_id), None, context, at))

    def _user(self, user_id: int) -> User:
        user = self.accounts.get(user_id)
        if user is None:
            raise AccessDenied(f"No user {user_id}.")
        return user

    def _educator(self, user_id: int) -> User:
        user = self._user(user_id)
        if user.role != "educator":
            raise AccessDenied("Only educators manage cohorts.")
        return user

    def _valid_name(self, educator_id: int, name: str, *, other_than: int | None = None) -> str:
        """``name`` as stored (runs of whitespace made one space); ``CohortError`` if it is empty, too
        long, or the name of another of the educator's cohorts, case aside (``other_than``: the
        cohort being renamed, which may keep its name)."""
        name = " ".join((name or "").split())
        if not name:
            raise CohortError(f"Please give the cohort a name (up to {MAX_NAME} characters).")
        if len(name) > MAX_NAME:
            raise CohortError(f"A cohort's name can have up to {MAX_NAME} characters; that one has {len(name)}.")
        if self.store.scalar("SELECT count(*) FROM cohorts WHERE educator_id = ? AND lower(name) = lower(?) "
                             "AND id IS DISTINCT FROM ?", [educator_id, name, other_than]):
            raise CohortError(f"You already have a cohort called '{name}'.")
        return name

    def _unused_code(self) -> str:
        while True:  # a clash is about one in 10^11 per existing code: this loop runs once
            code = new_join_code()
            if not self.store.scalar("SELECT count(*) FROM cohorts WHERE join_code = ?", [code]):
                return code

    @staticmethod
    def _gone() -> User:
        return User(0, "", "", "a former educator", "educator")


class Access:
    """Who may read whose data. Every engine call that reads another user's data asks here first."""

    def __init__(self, store: Store, accounts: Accounts) -> None:
        self.store = store
        self.accounts = accounts

    def may_read(self, actor_id: int, learner_id: int) -> bool:
        if actor_id == learner_id:
            return self.accounts.get(actor_id) is not None
        actor = self.accounts.get(actor_id)
        if actor is None or actor.role != "educator":
            return False
        return bool(self.store.scalar(
            "SELECT count(*) FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id "
            "WHERE c.educator_id = ? AND m.user_id = ?", [actor_id, learner_id]))

    def check_read(self, actor_id: int, learner_id: int) -> User:
        """The learner, if ``actor_id`` may read their data: themself, or an educator of one of
        their cohorts. ``AccessDenied`` otherwise, with the same message whether or not the learner
        exists (no probing for accounts)."""
        if not self.may_read(actor_id, learner_id):
            raise AccessDenied("You can only see your own data, or that of learners in your cohorts.")
        learner = self.accounts.get(learner_id)
        assert learner is not None
        return learner

    def readable_learners(self, actor_id: int) -> list[int]:
        """Every user whose data ``actor_id`` may read: themself, plus their cohorts' learners."""
        actor = self.accounts.get(actor_id)
        if actor is None:
            return []
        if actor.role != "educator":
            return [actor_id]
        rows = self.store.all("SELECT DISTINCT m.user_id FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id "
                              "WHERE c.educator_id = ? ORDER BY 1", [actor_id])
        return sorted({actor_id, *(r[0] for r in rows)})
