"""Who may read whose data: a learner only their own; an educator only their own cohorts' learners.

Two layers. Engine calls that read someone else's data take the acting user first and refuse
with ``AccessDenied``; every other call that takes a ``user_id`` acts as that user, and the
pages may only ever pass the signed-in user's id to those (checked on the pages' source).
"""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import pytest
from factories import PASSWORD, REPO

from engine.cohorts import AccessDenied
from engine.workbench import Workbench

EXERCISE = "python/apply-n-times"


@pytest.fixture
def people(wb):
    """Two educators with a cohort each; ada and bob in tess's cohort, cy in uma's, dan in none."""
    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    uma = wb.register("uma", "uma@example.org", "Uma", PASSWORD, role="educator")
    spring, autumn = wb.create_cohort(tess.id, "Spring"), wb.create_cohort(uma.id, "Autumn")
    users = {"tess": tess, "uma": uma}
    for name, cohort in (("ada", spring), ("bob", spring), ("cy_", autumn), ("dan", None)):
        users[name] = wb.register(name, f"{name}@example.org", name.title(), PASSWORD)
        wb.record_result(users[name].id, EXERCISE, True, hints_used=1, duration_s=60)
        if cohort is not None:
            wb.join_cohort(users[name].id, cohort.join_code)
    return users, {"spring": spring, "autumn": autumn}


@pytest.mark.parametrize("actor,learner,allowed", [
    ("ada", "ada", True),
    ("tess", "ada", True),
    ("tess", "bob", True),
    ("ada", "bob", False),      # a learner, the same cohort
    ("bob", "cy_", False),      # a learner, another cohort
    ("ada", "tess", False),     # a learner reading their educator
    ("uma", "ada", False),      # an educator, not the learner's cohort
    ("tess", "cy_", False),
    ("tess", "dan", False),     # in no cohort at all
    ("tess", "uma", False),     # another educator
])
def test_learner_progress_for_checks_who_asks(wb, people, actor, learner, allowed):
    users, _ = people
    if allowed:
        report = wb.learner_progress_for(users[actor].id, users[learner].id)
        assert report.user_id == users[learner].id and report.attempts.height == 1
        assert report.progress.summary.attempts == 1 and report.progress.user_id == users[learner].id
    else:
        with pytest.raises(AccessDenied):
            wb.learner_progress_for(users[actor].id, users[learner].id)


def test_unknown_users_are_refused_like_strangers(wb, people):
    users, _ = people
    with pytest.raises(AccessDenied) as missing:
        wb.learner_progress_for(users["tess"].id, 9999)
    with pytest.raises(AccessDenied) as stranger:
        wb.learner_progress_for(users["tess"].id, users["cy_"].id)
    assert str(missing.value) == str(stranger.value), "no probing for which accounts exist"
    with pytest.raises(AccessDenied):
        wb.learner_progress_for(9999, users["ada"].id)


def test_leaving_the_cohort_ends_the_educators_access(wb, people):
    users, cohorts = people
    wb.learner_progress_for(users["tess"].id, users["ada"].id)
    wb.leave_cohort(users["ada"].id, cohorts["spring"].id)
    with pytest.raises(AccessDenied):
        wb.learner_progress_for(users["tess"].id, users["ada"].id)
    board = wb.cohort_dashboard(users["tess"].id, cohorts["spring"].id)
    assert board.learners["username"].to_list() == ["bob"]
    assert set(board.mastery["user_id"].to_list()) == {users["bob"].id}


COHORT_CALLS = {
    "cohort": lambda wb, actor, cohort: wb.cohort(actor, cohort),
    "cohort_members": lambda wb, actor, cohort: wb.cohort_members(actor, cohort),
    "cohort_dashboard": lambda wb, actor, cohort: wb.cohort_dashboard(actor, cohort),
    "regenerate_join_code": lambda wb, actor, cohort: wb.regenerate_join_code(actor, cohort),
    "rename_cohort": lambda wb, actor, cohort: wb.rename_cohort(actor, cohort, "Renamed"),
}


@pytest.mark.parametrize("call", COHORT_CALLS.values(), ids=COHORT_CALLS.keys())
@pytest.mark.parametrize("actor", ["uma", "ada", "dan"], ids=["other-educator", "member-learner", "outsider"])
def test_only_the_owner_reads_or_changes_a_cohort(wb, people, call, actor):
    users, cohorts = people
    spring = cohorts["spring"]
    with pytest.raises(AccessDenied):
        call(wb, users[actor].id, spring.id)
    with pytest.raises(AccessDenied):
        call(wb, users["tess"].id, 9999)  # not even a hint that a cohort id does not exist
    call(wb, users["tess"].id, spring.id)  # the owner may
    assert wb.cohort(users["tess"].id, spring.id).join_code != spring.join_code or call is not \
        COHORT_CALLS["regenerate_join_code"]


@pytest.mark.parametrize("actor", ["uma", "ada", "dan"], ids=["other-educator", "member-learner", "outsider"])
def test_only_the_owner_deletes_a_cohort(wb, people, actor):
    users, cohorts = people
    spring = cohorts["spring"]
    with pytest.raises(AccessDenied):
        wb.delete_cohort(users[actor].id, spring.id)
    with pytest.raises(AccessDenied):
        wb.delete_cohort(users["tess"].id, 9999)
    assert wb.cohort(users["tess"].id, spring.id).members == 2, "refused calls change nothing"
    wb.delete_cohort(users["tess"].id, spring.id)
    assert wb.cohorts(users["tess"].id) == []


@pytest.mark.parametrize("actor", ["uma", "ada", "dan"], ids=["other-educator", "member-learner", "outsider"])
def test_only_the_owner_removes_a_learner_from_a_cohort(wb, people, actor):
    users, cohorts = people
    spring = cohorts["spring"]
    with pytest.raises(AccessDenied):
        wb.remove_from_cohort(users[actor].id, spring.id, users["bob"].id)
    with pytest.raises(AccessDenied):
        wb.remove_from_cohort(users["tess"].id, 9999, users["bob"].id)
    with pytest.raises(AccessDenied):  # a learner of another educator's cohort, through that cohort
        wb.remove_from_cohort(users["tess"].id, cohorts["autumn"].id, users["cy_"].id)
    assert wb.cohort(users["tess"].id, spring.id).members == 2 and wb.cohort(users["uma"].id, cohorts["autumn"].id).members == 1
    wb.remove_from_cohort(users["tess"].id, spring.id, users["bob"].id)
    assert [m.user.id for m in wb.cohort_members(users["tess"].id, spring.id)] == [users["ada"].id]


def test_the_dashboard_holds_only_the_cohorts_learners(wb, people):
    users, cohorts = people
    board = wb.cohort_dashboard(users["tess"].id, cohorts["spring"].id)
    shown = set(board.learners["user_id"].to_list()) | set(board.mastery["user_id"].to_list())
    assert shown == {users["ada"].id, users["bob"].id}
    assert board.items["attempts"].sum() == 2, "cy's and dan's results are not counted"


def test_educators_list_only_their_own_cohorts(wb, people):
    users, cohorts = people
    assert [c.name for c in wb.cohorts(users["tess"].id)] == ["Spring"]
    assert [c.name for c in wb.cohorts(users["uma"].id)] == ["Autumn"]
    with pytest.raises(AccessDenied):
        wb.cohorts(users["ada"].id)


def test_the_administrator_is_the_first_real_educator(wb, people):
    users, _ = people
    assert wb.administrator() == users["tess"]
    wb.load_demo(learners=2, days=2)
    assert wb.administrator() == users["tess"], "the demo educator, registered later, is not"


def test_the_demo_educator_stands_in_until_a_real_one_registers(wb):
    assert wb.administrator() is None
    learner = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    demo = wb.load_demo(learners=2, days=2)
    assert wb.administrator() == demo.educator
    real = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    assert wb.administrator() == real and learner != real


@pytest.mark.parametrize("actor", ["uma", "ada"], ids=["later-educator", "learner"])
def test_only_the_administrator_removes_demo_data(wb, people, actor):
    users, _ = people
    demo = wb.load_demo(learners=2, days=2)
    for refused in (users[actor].id, demo.educator.id, 9999):
        with pytest.raises(AccessDenied):
            wb.remove_demo_data(actor_id=refused)
    assert wb.demo_users() == 3, "refused calls change nothing"
    assert wb.remove_demo_data(actor_id=users["tess"].id)["users"] == 3


def test_the_cohorts_version_follows_only_the_educators_own_cohorts(wb, people):
    """A key for what is cached of an educator's learners: it moves with their cohorts only, and says
    nothing of anyone else's."""
    users, cohorts = people
    before = {name: wb.cohorts_version(users[name].id) for name in ("tess", "uma")}
    wb.join_cohort(users["dan"].id, cohorts["autumn"].join_code)  # uma's cohort
    assert wb.cohorts_version(users["tess"].id) == before["tess"]
    assert wb.cohorts_version(users["uma"].id) != before["uma"]
    wb.leave_cohort(users["ada"].id, cohorts["spring"].id)
    assert wb.cohorts_version(users["tess"].id) != before["tess"]


# -- every facade call is covered ---------------------------------------------------------------

ACTOR_PARAMETERS = {"educator_id", "actor_id"}
CHECKED = {"learner_progress_for", *COHORT_CALLS, "cohorts", "create_cohort", "delete_cohort", "remove_demo_data",
           "remove_from_cohort",
           "cohorts_version",
           # the administrator's alone: tests/test_invitations.py::test_only_the_administrator_invites_lists_and_revokes
           "invite_educator", "educator_invitations", "revoke_invitation",
           # tests/test_export.py::test_an_educators_xapi_download_holds_only_their_cohorts_learners
           "xapi_download"}


def facade_methods() -> dict[str, inspect.Signature]:
    return {name: inspect.signature(member) for name, member in inspect.getmembers(Workbench, inspect.isfunction)
            if not name.startswith("_")}


def test_every_call_that_takes_an_acting_user_is_tested_here():
    """A new facade method reading as an educator (or for another user) must be added above."""
    acting = {name for name, sig in facade_methods().items() if ACTOR_PARAMETERS & set(sig.parameters)}
    data_calls = {name for name in acting if name.startswith(("data_", "query_", "snapshot"))}
    assert acting - data_calls <= CHECKED, f"untested acting-user calls: {sorted(acting - data_calls - CHECKED)}"


def test_no_facade_call_reads_two_users_without_an_acting_user():
    """A call naming a learner besides the caller must say who the caller is."""
    for name, sig in facade_methods().items():
        ids = [p for p in sig.parameters if p.endswith("user_id") or p in ("learner_id",)]
        if len(ids) > 1 or "learner_id" in ids:
            assert ACTOR_PARAMETERS & set(sig.parameters), f"{name} reads another user without an acting user"


SELF_ONLY = {name for name, sig in facade_methods().items() if list(sig.parameters)[1:2] == ["user_id"]}
ALLOWED_USER_ARGUMENTS = {"user.id", "user_id", "int(user_id)", "int(st.session_state['user_id'])"}


def calls_with_a_user(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SELF_ONLY
                and ast.unparse(node.func.value) in ("wb", "workbench()") and node.args):
            yield node.func.attr, ast.unparse(node.args[0]), node.lineno


@pytest.mark.parametrize("path", sorted([*(REPO / "pages").glob("*.py"), *(REPO / "ui").glob("*.py"), REPO / "app.py"]),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pages_pass_only_the_signed_in_users_id_to_self_only_calls(path):
    """``wb.history(x)`` shows x's history: on a page, x is always the signed-in user."""
    assert SELF_ONLY >= {"history", "profile", "skill_estimates", "level", "submit"}
    for method, argument, line in calls_with_a_user(path):
        assert argument in ALLOWED_USER_ARGUMENTS, (
            f"{path.name}:{line} passes {argument} to wb.{method}: use a call that takes the acting user "
            "(learner_progress_for) to show someone else's data")


@pytest.mark.parametrize("path", sorted([*(REPO / "pages").glob("*.py"), *(REPO / "ui").glob("*.py"), REPO / "app.py"]),
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_pages_say_who_removes_demo_data(path):
    """Without ``actor_id`` the call is the command line's, unchecked: a page always names the signed-in user."""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "remove_demo_data":
            assert [ast.unparse(k) for k in node.keywords] == ["actor_id=user.id"], f"{path.name}:{node.lineno}"
