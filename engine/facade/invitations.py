"""The facade's calls for the app's own registration and the educator invitations it needs.

``register`` (DESIGN.md) is for trusted callers: the command line, notebooks, tests and demo
data, run by whoever holds the home folder. The app's registration form uses ``sign_up``, which
adds the one rule strangers meet: once a real educator exists, registering as an educator takes
an invitation code from the administrator (``engine/invitations.py``).
"""

from __future__ import annotations

import threading
from contextlib import nullcontext
from functools import cached_property

from engine.accounts import AccountError, User, registration_problems
from engine.facade.parts import Parts
from engine.invitations import Invitation, Invitations

_EDUCATOR_SIGN_UP = threading.Lock()


class InvitationCalls(Parts):
    """Signing up in the app, and the administrator's educator invitations."""

    @cached_property
    def invitation_book(self) -> Invitations:
        return Invitations(self.store, self.accounts, self.events)

    # -- signing up -------------------------------------------------------------------------------

    def educator_invitation_needed(self) -> bool:
        """Whether registering as an educator in the app takes an invitation code: once a real
        (not demo) educator exists. Until then the first to register as one becomes the administrator."""
        return self.invitation_book.needed()

    def sign_up_problems(self, username: str, email: str, name: str, password: str, role: str = "learner",
                         invitation: str | None = None) -> list[str]:
        """Everything wrong with the app's registration form, every problem at once: the fields'
        (``registration_problems``) and the invitation's. (Whether the username is taken is said on
        ``sign_up``.) A learner's form never has an invitation problem: the code is ignored."""
        problems = registration_problems(username, email, name, password, role)
        refused = self.invitation_book.problem(role, invitation, self.clock())
        return [*problems, refused] if refused else problems

    def sign_up(self, username: str, email: str, name: str, password: str, role: str = "learner",
                invitation: str | None = None) -> User:
        """The app's registration: ``register`` plus the invitation rule. An educator, once a real
        one exists, needs an open ``invitation`` code ("ABCD-EFGH"; case, spaces and dashes do not
        matter), which is used up in the same transaction as the account is made. ``AccountError``
        says everything that was wrong, for the person registering."""
        at = self.clock()
        # educators one at a time: in parallel, each saw no educator yet, and all registered without a code
        with _EDUCATOR_SIGN_UP if role == "educator" else nullcontext(), self.store.transaction():
            problems = self.sign_up_problems(username, email, name, password, role, invitation)
            if problems:
                raise AccountError(" ".join(problems))
            needs_code = role == "educator" and self.invitation_book.needed()
            user = self.accounts.register(username, email, name, password, role, at=at)
            if needs_code:
                self.invitation_book.redeem(invitation, user, at)
        return user

    # -- the administrator's ----------------------------------------------------------------------

    def invite_educator(self, actor_id: int) -> Invitation:
        """A new one-time invitation code for an educator, valid 14 days; ``AccessDenied`` unless
        ``actor_id`` is the ``administrator``."""
        return self.invitation_book.make(actor_id, self.clock())

    def educator_invitations(self, actor_id: int) -> list[Invitation]:
        """Every invitation, newest first: open, used (by whom), revoked or expired; administrator only."""
        return self.invitation_book.listed(actor_id, self.clock())

    def revoke_invitation(self, actor_id: int, code: str) -> Invitation:
        """Stop an open invitation from being used; administrator only. ``InvitationError`` if no
        invitation has that code or it is no longer open."""
        return self.invitation_book.revoke(actor_id, code, self.clock())
