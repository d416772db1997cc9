"""Educator invitations: free for the first real educator, a one-time code from the administrator after.

Every Workbench here runs on a settable clock, so codes expire when a test says so.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta

import pytest
from factories import PASSWORD, Clock

from engine import AccessDenied, AccountError, Invitation, InvitationError, User, Workbench
from engine.cohorts import CODE_ALPHABET, CODE_LENGTH
from engine.invitations import NEEDED, NOT_VALID, VALID_DAYS


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    """A Workbench on the test's clock (overrides conftest's, which runs on the real time)."""
    return make_wb(clock=clock)


@pytest.fixture
def tess(wb: Workbench) -> User:
    """The first real educator: the administrator."""
    return wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")


def sign_up(wb: Workbench, username: str, role: str = "educator", invitation: str | None = None) -> User:
    return wb.sign_up(username, f"{username}@example.org", username.title(), PASSWORD, role, invitation)


def invitation(wb: Workbench, admin: User, code: str) -> Invitation:
    return next(i for i in wb.educator_invitations(admin.id) if i.code == code)


# -- the codes a case types -------------------------------------------------------------------------

def fresh(wb: Workbench, admin: User, clock: Clock) -> str:
    return wb.invite_educator(admin.id).code


def as_shown(wb: Workbench, admin: User, clock: Clock) -> str:
    return wb.invite_educator(admin.id).display_code


def typed_loosely(wb: Workbench, admin: User, clock: Clock) -> str:
    code = wb.invite_educator(admin.id).code.lower()
    return f"  {code[:2]}-{code[2:4]} {code[4:]} "


def nearly_expired(wb: Workbench, admin: User, clock: Clock) -> str:
    code = wb.invite_educator(admin.id).code
    clock.advance(days=VALID_DAYS, seconds=-1)
    return code


def used(wb: Workbench, admin: User, clock: Clock) -> str:
    code = wb.invite_educator(admin.id).code
    sign_up(wb, "first-guest", invitation=code)
    return code


def revoked(wb: Workbench, admin: User, clock: Clock) -> str:
    code = wb.invite_educator(admin.id).code
    wb.revoke_invitation(admin.id, code)
    return code


def expired(wb: Workbench, admin: User, clock: Clock) -> str:
    code = wb.invite_educator(admin.id).code
    clock.advance(days=VALID_DAYS)
    return code


def garbled(wb: Workbench, admin: User, clock: Clock) -> str:
    wb.invite_educator(admin.id)  # one exists, just not this one
    return "NOTA-CODE"


def blank(wb: Workbench, admin: User, clock: Clock) -> str:
    return "  - "


@dataclass(frozen=True)
class Case:
    install: str  # "fresh": no one yet; "administrator": tess, a real educator; "demo": only demo data
    role: str
    code: Callable[[Workbench, User, Clock], str] | None  # what the form's invitation field holds
    refused: str | None = None  # the message, or None: accepted


CASES = [
    pytest.param(Case("fresh", "educator", None), id="first-educator-is-free"),
    pytest.param(Case("demo", "educator", None), id="demo-educator-is-not-the-real-first"),
    pytest.param(Case("administrator", "educator", None, NEEDED), id="second-educator-without-code-refused"),
    pytest.param(Case("administrator", "educator", blank, NEEDED), id="blank-code-refused"),
    pytest.param(Case("administrator", "educator", fresh), id="valid-code-accepted"),
    pytest.param(Case("administrator", "educator", as_shown), id="code-as-shown-accepted"),
    pytest.param(Case("administrator", "educator", typed_loosely), id="case-spaces-dashes-forgiven"),
    pytest.param(Case("administrator", "educator", nearly_expired), id="code-on-its-last-second-accepted"),
    pytest.param(Case("administrator", "educator", used, NOT_VALID), id="reused-code-refused"),
    pytest.param(Case("administrator", "educator", revoked, NOT_VALID), id="revoked-code-refused"),
    pytest.param(Case("administrator", "educator", expired, NOT_VALID), id="expired-code-refused"),
    pytest.param(Case("administrator", "educator", garbled, NOT_VALID), id="garbled-code-refused"),
    pytest.param(Case("administrator", "learner", None), id="learner-needs-no-code"),
    pytest.param(Case("administrator", "learner", garbled), id="learner-code-ignored"),
    pytest.param(Case("fresh", "learner", None), id="first-learner-needs-no-code"),
]


def install(wb: Workbench, kind: str) -> User | None:
    """The accounts a case starts from; the administrator, if a real one is there."""
    if kind == "demo":
        wb.load_demo(learners=2, days=2)
    return wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator") \
        if kind == "administrator" else None


@pytest.mark.parametrize("case", CASES)
def test_signing_up(wb: Workbench, clock: Clock, case: Case) -> None:
    admin = install(wb, case.install)
    assert wb.educator_invitation_needed() == (admin is not None)
    code = case.code(wb, admin, clock) if case.code and admin else None  # type: ignore[arg-type]
    before = wb.user_count()
    if case.refused:
        with pytest.raises(AccountError) as refusal:
            sign_up(wb, "newcomer", case.role, code)
        assert str(refusal.value) == case.refused
        assert wb.user_count() == before and wb.accounts.by_username("newcomer") is None
        return
    user = sign_up(wb, "newcomer", case.role, code)
    assert user.role == case.role and wb.user_count() == before + 1
    if case.role == "educator" and admin is None:
        assert wb.administrator() == user, "the first real educator is the administrator"
        assert wb.educator_invitation_needed()
    elif admin is not None:
        assert wb.administrator() == admin
    if admin is not None:
        used_up = [i for i in wb.educator_invitations(admin.id) if i.used_by == "newcomer"]
        assert [i.status for i in used_up] == (["used"] if case.role == "educator" and case.code else [])
    if used_up_code := (code if case.role == "educator" else None):
        with pytest.raises(AccountError, match="not valid"):
            sign_up(wb, "another", "educator", used_up_code)


def test_a_learners_code_is_left_unused(wb: Workbench, tess: User) -> None:
    code = wb.invite_educator(tess.id).code
    sign_up(wb, "ada", "learner", code)
    assert invitation(wb, tess, code).status == "open"


def test_every_problem_is_told_at_once(wb: Workbench, tess: User) -> None:
    with pytest.raises(AccountError) as refusal:
        wb.sign_up("x", "not-an-email", "Uma", PASSWORD, "educator")
    message = str(refusal.value)
    assert "Usernames are 3 to 32 characters" in message and "valid email address" in message
    assert message.endswith(NEEDED)
    assert wb.sign_up_problems("uma", "uma@example.org", "Uma", PASSWORD, "educator", "NOTA-CODE") == [NOT_VALID]
    assert wb.sign_up_problems("uma", "uma@example.org", "Uma", PASSWORD, "learner", "NOTA-CODE") == []


def test_a_taken_username_keeps_the_code_open(wb: Workbench, tess: User) -> None:
    code = wb.invite_educator(tess.id).code
    with pytest.raises(AccountError, match="is taken"):
        sign_up(wb, "tess", invitation=code)
    assert invitation(wb, tess, code).status == "open"


def test_a_code_used_meanwhile_leaves_no_account(wb: Workbench, tess: User) -> None:
    """The code is used up in the account's transaction: if someone else used it a moment before
    (after the form was checked), the new account is rolled back with it."""
    code = wb.invite_educator(tess.id).code
    sign_up(wb, "uma", invitation=code)
    with pytest.raises(AccountError, match="not valid"):
        with wb.store.transaction():
            late = wb.accounts.register("vic", "vic@example.org", "Vic", PASSWORD, "educator")
            wb.invitation_book.redeem(code, late, wb.clock())
    assert wb.accounts.by_username("vic") is None


def test_register_stays_free_for_trusted_callers(wb: Workbench, tess: User) -> None:
    """The command line, notebooks and demo data make educators without an invitation."""
    uma = wb.register("uma", "uma@example.org", "Uma", PASSWORD, role="educator")
    assert uma.role == "educator" and wb.administrator() == tess


def test_codes_look_like_join_codes_and_expire_in_fourteen_days(wb: Workbench, tess: User, clock: Clock) -> None:
    made = [wb.invite_educator(tess.id) for _ in range(20)]
    assert len({i.code for i in made}) == 20
    for made_one in made:
        assert len(made_one.code) == CODE_LENGTH and set(made_one.code) <= set(CODE_ALPHABET)
        assert made_one.display_code == f"{made_one.code[:4]}-{made_one.code[4:]}"
        assert (made_one.created_at, made_one.expires_at) == (clock.now, clock.now + timedelta(days=VALID_DAYS))
        assert (made_one.status, made_one.made_by, made_one.used_by) == ("open", "Tess Teacher", None)


def test_the_list_is_newest_first_with_each_status(wb: Workbench, tess: User, clock: Clock) -> None:
    old = wb.invite_educator(tess.id).code
    clock.advance(days=VALID_DAYS)
    gone, taken, waiting = (wb.invite_educator(tess.id).code for _ in range(3))
    wb.revoke_invitation(tess.id, gone)
    sign_up(wb, "uma", invitation=taken)
    listed = wb.educator_invitations(tess.id)
    assert [(i.code, i.status, i.used_by) for i in listed] == [
        (waiting, "open", None), (taken, "used", "uma"), (gone, "revoked", None), (old, "expired", None)]
    assert listed[1].used_at == clock.now and listed[2].revoked_at == clock.now


@pytest.mark.parametrize("code", [
    pytest.param(lambda made, wb, tess: "NOTA-CODE", id="unknown"),
    pytest.param(lambda made, wb, tess: (sign_up(wb, "uma", invitation=made), made)[1], id="used"),
    pytest.param(lambda made, wb, tess: (wb.revoke_invitation(tess.id, made), made)[1], id="revoked-twice"),
])
def test_only_open_codes_are_revoked(wb: Workbench, tess: User, code: Callable[..., str]) -> None:
    typed = code(wb.invite_educator(tess.id).code, wb, tess)
    with pytest.raises(InvitationError):
        wb.revoke_invitation(tess.id, typed)


def test_revoking_forgives_case_and_dashes(wb: Workbench, tess: User) -> None:
    made = wb.invite_educator(tess.id)
    assert wb.revoke_invitation(tess.id, made.display_code.lower()).status == "revoked"


@pytest.mark.parametrize("actor", ["later-educator", "learner", "demo-educator", "no-one"])
def test_only_the_administrator_invites_lists_and_revokes(wb: Workbench, tess: User, actor: str) -> None:
    demo = wb.load_demo(learners=2, days=2)
    others = {"later-educator": wb.register("uma", "uma@example.org", "Uma", PASSWORD, role="educator").id,
              "learner": wb.register("ada", "ada@example.org", "Ada", PASSWORD).id,
              "demo-educator": demo.educator.id, "no-one": 9999}
    code = wb.invite_educator(tess.id).code
    for call in (lambda who: wb.invite_educator(who), lambda who: wb.educator_invitations(who),
                 lambda who: wb.revoke_invitation(who, code)):
        with pytest.raises(AccessDenied, match="Only the administrator"):
            call(others[actor])
    assert [(i.code, i.status) for i in wb.educator_invitations(tess.id)] == [(code, "open")], "refused calls change nothing"


def test_the_demo_educator_stands_in_but_makes_no_invitations(wb: Workbench) -> None:
    """Until a real educator registers, the demo educator is the administrator, but its password is public: a code
    it made would let anyone register as an educator once a real administrator is there."""
    demo = wb.load_demo(learners=2, days=2)
    assert wb.administrator() == demo.educator
    with pytest.raises(AccessDenied, match="A demo account makes no invitations"):
        wb.invite_educator(demo.educator.id)
    assert wb.educator_invitations(demo.educator.id) == []
    first = sign_up(wb, "tess")  # free: no real educator yet, so no code is asked for
    assert wb.administrator() == first


def test_a_code_a_demo_account_made_earlier_lets_no_one_in(wb: Workbench) -> None:
    demo = wb.load_demo(learners=2, days=2)
    code = "DEMOCODE"  # as a store from before demo accounts were refused may hold
    wb.store.execute("INSERT INTO educator_invitations (code, user_id, created_at, expires_at) VALUES "
                     "(?, ?, now()::TIMESTAMP, now()::TIMESTAMP + INTERVAL 14 DAY)", [code, demo.educator.id])
    sign_up(wb, "tess")
    with pytest.raises(AccountError, match="not valid"):
        sign_up(wb, "uma", invitation=code)


def test_events_are_logged_without_the_code(wb: Workbench, tess: User, clock: Clock) -> None:
    made, spare = wb.invite_educator(tess.id), wb.invite_educator(tess.id)
    wb.revoke_invitation(tess.id, spare.code)
    uma = sign_up(wb, "uma", invitation=made.code)
    rows = wb.store.all("SELECT user_id, verb, object, context FROM events WHERE verb IN "
                        "('invited-educator', 'revoked-invitation', 'accepted-invitation', 'registered') ORDER BY id")
    expiry = (clock.now + timedelta(days=VALID_DAYS)).isoformat()
    assert [(u, v, o, json.loads(c) if c else None) for u, v, o, c in rows] == [
        (tess.id, "registered", None, {"role": "educator"}),
        (tess.id, "invited-educator", str(made.id), {"expires_at": expiry}),
        (tess.id, "invited-educator", str(spare.id), {"expires_at": expiry}),
        (tess.id, "revoked-invitation", str(spare.id), None),
        (uma.id, "registered", None, {"role": "educator"}),
        (uma.id, "accepted-invitation", str(made.id), {"invited_by": tess.id}),
    ]
    log = json.dumps(wb.store.all("SELECT * FROM events"), default=str)
    assert made.code not in log and spare.code not in log, "the log gives no one a code to use"


def test_educators_signing_up_at_once_on_a_fresh_install_make_one_administrator(wb: Workbench) -> None:
    import threading

    start, made, refused = threading.Barrier(5), [], []

    def register(name: str) -> None:
        start.wait()
        try:
            made.append(sign_up(wb, name))
        except AccountError as exc:
            refused.append(str(exc))

    threads = [threading.Thread(target=register, args=(f"teacher{i}",)) for i in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(made) == 1 and wb.administrator() == made[0]
    assert len(refused) == 4 and all(NEEDED in message for message in refused)
