"""Educator invitations: one-time codes the administrator hands to the educators they want.

While the install has no real educator, anyone may register as one: that person becomes the
administrator (``Accounts.administrator``), so setting up a fresh install, or looking around the
demo, stays one form away. From then on, registering as an educator in the app takes an
invitation code the administrator made on the System page: an operator expects only the people
they invite to become educators. Learners never need one.

A code is a cohort join code's kind (``engine.cohorts``: 8 characters without look-alikes, shown
as ABCD-EFGH; case, spaces and dashes are ignored when typed), valid for ``VALID_DAYS`` days,
used by at most one registration, and revocable until then. Used, revoked and expired codes stay
listed, with who made them and who used them. The activity log names an invitation by its id,
never by its code, so the log gives no one a code to use.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from engine.accounts import AccountError, Accounts, User
from engine.clock import to_aware_utc, to_naive_utc
from engine.cohorts import AccessDenied, new_join_code, normalise_code
from engine.events import Event, EventLog
from engine.store import Store

VALID_DAYS = 14
NEEDED = ("Registering as an educator needs an invitation code from the administrator of this Workbench "
          "(ask them: they make one on the System page).")
NOT_VALID = "That invitation code is not valid: it may have been used, revoked or expired."
DEMO_MAKES_NONE = ("A demo account makes no invitations: until a real educator registers, registering as an educator "
                   "needs no code.")
ADMINISTRATOR_ONLY = "Only the administrator (the first educator who registered here) manages educator invitations."


class InvitationError(ValueError):
    """An invitation could not be revoked (unknown, or no longer open); the message says why."""


@dataclass(frozen=True)
class Invitation:
    """One invitation as the administrator's list shows it. ``status``: open, used, revoked or
    expired, as of when it was read."""

    id: int
    code: str
    made_by: str  # the name of the administrator who made it
    created_at: datetime
    expires_at: datetime
    status: str
    used_by: str | None = None  # the username of the educator who registered with it
    used_at: datetime | None = None
    revoked_at: datetime | None = None

    @property
    def display_code(self) -> str:
        """The code as people read it aloud: two groups of four, as join codes are shown."""
        return f"{self.code[:4]}-{self.code[4:]}"


# whether an invitation can still be used at a moment (the one parameter): not used, revoked or expired
# a demo account's code is never open: its password is public, and a code made with it would let anyone in later
_OPEN = ("used_by IS NULL AND revoked_at IS NULL AND expires_at > ? "
         "AND user_id NOT IN (SELECT id FROM users WHERE is_demo)")
_SELECT = ("SELECT i.id, i.code, maker.name, i.created_at, i.expires_at, guest.username, i.used_at, i.revoked_at "
           "FROM educator_invitations i JOIN users maker ON maker.id = i.user_id "
           "LEFT JOIN users guest ON guest.id = i.used_by")


def _invitation(row: tuple, now: datetime) -> Invitation:  # type: ignore[type-arg]
    expires_at, used_at, revoked_at = to_aware_utc(row[4]), row[6], row[7]
    status = ("used" if used_at is not None else "revoked" if revoked_at is not None
              else "expired" if expires_at <= now else "open")
    return Invitation(row[0], row[1], row[2], to_aware_utc(row[3]), expires_at, status, row[5],
                      to_aware_utc(used_at) if used_at is not None else None,
                      to_aware_utc(revoked_at) if revoked_at is not None else None)


class Invitations:
    """The invitations of one store. Making, listing and revoking them is the administrator's."""

    def __init__(self, store: Store, accounts: Accounts, events: EventLog) -> None:
        self.store = store
        self.accounts = accounts
        self.events = events

    # -- the rule -------------------------------------------------------------------------------

    def needed(self) -> bool:
        """Whether registering as an educator takes an invitation: once a real (not demo) educator exists."""
        return bool(self.store.scalar("SELECT count(*) FROM users WHERE role = 'educator' AND NOT is_demo"))

    def problem(self, role: str, code: str | None, now: datetime) -> str | None:
        """What is wrong with a registration's invitation, for the person registering; None if
        nothing (a learner, an educator while none is needed, or an open code)."""
        if role != "educator" or not self.needed():
            return None
        typed = normalise_code(code or "")
        if not typed:
            return NEEDED
        if not self.store.scalar(f"SELECT count(*) FROM educator_invitations WHERE code = ? AND {_OPEN}",
                                 [typed, to_naive_utc(now)]):
            return NOT_VALID
        return None

    def redeem(self, code: str | None, user: User, now: datetime) -> None:
        """Mark the code used by ``user``, who has just registered with it; ``AccountError`` if it
        is not open (any more: someone else may have used it a moment ago). Call it inside the
        registration's transaction, so a refused code leaves no account behind."""
        row = self.store.one(
            f"UPDATE educator_invitations SET used_by = ?, used_at = ? WHERE code = ? AND {_OPEN} "
            "RETURNING id, user_id", [user.id, to_naive_utc(now), normalise_code(code or ""), to_naive_utc(now)])
        if row is None:
            raise AccountError(NOT_VALID)
        self.events.append(Event(user.id, "accepted-invitation", str(row[0]), None, {"invited_by": row[1]}, now))

    # -- the administrator's ------------------------------------------------------------------

    def make(self, actor_id: int, now: datetime) -> Invitation:
        """A new invitation, open for ``VALID_DAYS`` days from ``now``. Not the demo educator's, though it stands in as
        the administrator: no code is needed meanwhile, and its public password would let anyone make one."""
        self._administrator(actor_id)
        actor = self.accounts.get(actor_id)
        if actor is not None and actor.is_demo:
            raise AccessDenied(DEMO_MAKES_NONE)
        expires_at = now + timedelta(days=VALID_DAYS)
        with self.store.transaction():
            invitation_id = self.store.scalar(
                "INSERT INTO educator_invitations (code, user_id, created_at, expires_at) VALUES (?, ?, ?, ?) "
                "RETURNING id", [self._unused_code(), actor_id, to_naive_utc(now), to_naive_utc(expires_at)])
            self.events.append(Event(actor_id, "invited-educator", str(invitation_id), None,
                                     {"expires_at": expires_at.isoformat()}, now))
        return self._one(int(invitation_id), now)

    def listed(self, actor_id: int, now: datetime) -> list[Invitation]:
        """Every invitation, newest first, each with its status as of ``now``."""
        self._administrator(actor_id)
        return [_invitation(r, now) for r in self.store.all(f"{_SELECT} ORDER BY i.created_at DESC, i.id DESC")]

    def revoke(self, actor_id: int, code: str, now: datetime) -> Invitation:
        """Stop an open invitation from being used; ``InvitationError`` if no invitation has that
        code, or it is no longer open (used, revoked or expired)."""
        self._administrator(actor_id)
        with self.store.transaction():
            row = self.store.one(f"{_SELECT} WHERE i.code = ?", [normalise_code(code)])
            if row is None:
                raise InvitationError("No invitation has that code.")
            invitation = _invitation(row, now)
            if invitation.status != "open":
                raise InvitationError(f"The invitation {invitation.display_code} is {invitation.status} already.")
            self.store.execute("UPDATE educator_invitations SET revoked_at = ? WHERE id = ?",
                               [to_naive_utc(now), invitation.id])
            self.events.append(Event(actor_id, "revoked-invitation", str(invitation.id), occurred_at=now))
        return self._one(invitation.id, now)

    # -- internals ------------------------------------------------------------------------------

    def _administrator(self, actor_id: int) -> None:
        if not self.accounts.is_administrator(actor_id):
            raise AccessDenied(ADMINISTRATOR_ONLY)

    def _one(self, invitation_id: int, now: datetime) -> Invitation:
        row = self.store.one(f"{_SELECT} WHERE i.id = ?", [invitation_id])
        assert row is not None
        return _invitation(row, now)

    def _unused_code(self) -> str:
        while True:  # as with join codes, a clash is so unlikely that this loop runs once
            code = new_join_code()
            if not self.store.scalar("SELECT count(*) FROM educator_invitations WHERE code = ?", [code]):
                return code
