"""Deleting an account: the owner, once their password confirms it, takes every row kept about them with it,
and nobody else's."""

from __future__ import annotations

from pathlib import Path

import pytest
from factories import PASSWORD, answer_interview, new_learner
from test_demo import with_memory

from engine.accounts import AccountError, LoginError
from engine.embedder import Embedder
from engine.workbench import Workbench

EXERCISE = "python/digit-sum"


@pytest.fixture
def wb(wb: Workbench, tmp_path: Path, embedder: Embedder) -> Workbench:
    return with_memory(wb, tmp_path, embedder)


def rows_of(wb: Workbench, user_id: int) -> dict[str, int]:
    """Rows with this user's id, per table that has a user_id column (only the tables holding some)."""
    tables = [t for (t,) in wb.store.all("SELECT DISTINCT table_name FROM information_schema.columns "
                                         "WHERE column_name = 'user_id' AND table_schema = 'main'")]
    counts = {t: wb.store.scalar(f"SELECT count(*) FROM {t} WHERE user_id = ?", [user_id]) for t in tables}
    return {t: n for t, n in counts.items() if n}


def busy_learner(wb: Workbench, name: str, join_code: str) -> int:
    """A learner with something in most tables: a profile, results, a draft, a hint, a conversation, a memory, a cohort."""
    learner = new_learner(wb, name)
    answer_interview(wb, learner)
    wb.todays_set(learner)
    wb.record_result(learner, EXERCISE, True, hints_used=1)
    wb.save_draft(learner, EXERCISE, "def digit_sum(n):\n    return 0\n")
    wb.reveal_hint(learner, EXERCISE, "")
    conversation = wb.start_conversation(learner, "Loops", EXERCISE)
    "".join(wb.tutor_reply(learner, "what is a loop?", EXERCISE, conversation.id))
    wb.memory.remember(learner, "goal", f"{name} wants to pass job interviews")
    wb.join_cohort(learner, join_code)
    return learner


def test_an_account_deleted_leaves_no_row_of_its_user_and_every_row_of_the_others(wb: Workbench) -> None:
    teacher = wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    cohort = wb.create_cohort(teacher.id, "Spring")
    ada = busy_learner(wb, "ada", cohort.join_code)
    bob = busy_learner(wb, "bob", cohort.join_code)
    assert {"attempts", "drafts", "events", "conversations", "memories", "cohort_members", "daily_sets"} <= set(rows_of(wb, ada))
    bobs = rows_of(wb, bob)
    conversation_messages = wb.store.scalar("SELECT count(*) FROM conversation_messages")
    memories = sum(wb.memory.count(ada).values())

    deleted = wb.delete_account(ada, PASSWORD)

    assert rows_of(wb, ada) == {}
    assert wb.user(ada) is None
    assert deleted["users"] == 1 and deleted["memories"] == memories and deleted["conversation_messages"] > 0
    assert rows_of(wb, bob) == bobs
    left = wb.store.scalar("SELECT count(*) FROM conversation_messages")
    assert left == conversation_messages - deleted["conversation_messages"]
    assert wb.memory.collection.get(where={"user_id": ada})["ids"] == []  # the vectors too, not only the rows
    assert "bob wants to pass job interviews" in [m.text for m in wb.memories(bob)]
    assert [m.user.id for m in wb.cohort_members(teacher.id, cohort.id)] == [bob]
    # what ada's result taught the exercise's difficulty went with it: bob's alone calibrates it now
    assert wb.store.all("SELECT exercise_id, evidence FROM exercise_ratings") == [(EXERCISE, 1)]
    # the log says an account was deleted, not whose
    assert wb.store.all("SELECT user_id FROM events WHERE verb = 'deleted-account'") == [(None,)]
    with pytest.raises(LoginError):
        wb.login("ada", PASSWORD)
    # the name is free again, and the new account starts from nothing
    again = new_learner(wb, "ada")
    assert again != ada and wb.history(again) == [] and wb.memories(again) == [] and not wb.profile(again).completed


def test_a_wrong_password_deletes_nothing(wb: Workbench) -> None:
    ada = new_learner(wb)
    wb.record_result(ada, EXERCISE, True)
    before = rows_of(wb, ada)
    with pytest.raises(LoginError, match="not your password"):
        wb.delete_account(ada, "not-my-password")
    assert wb.user(ada) is not None
    assert {t: n for t, n in rows_of(wb, ada).items() if t != "events"} == {t: n for t, n in before.items() if t != "events"}


def test_an_educator_deleted_takes_their_cohorts_and_leaves_their_learners(wb: Workbench) -> None:
    teacher = wb.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    other = wb.register("otto", "otto@example.org", "Otto Teacher", PASSWORD, role="educator")
    spring = wb.create_cohort(teacher.id, "Spring")
    kept = wb.create_cohort(other.id, "Autumn")
    ada = new_learner(wb)
    wb.join_cohort(ada, spring.join_code)
    wb.join_cohort(ada, kept.join_code)
    wb.record_result(ada, EXERCISE, True)

    wb.delete_account(teacher.id, PASSWORD)

    assert wb.store.all("SELECT name FROM cohorts") == [("Autumn",)]
    assert wb.store.all("SELECT cohort_id FROM cohort_members WHERE user_id = ?", [ada]) == [(kept.id,)]
    assert [a.exercise_id for a in wb.history(ada)] == [EXERCISE]
    # the first educator gone, the next one who registered runs the install
    assert wb.accounts.administrator().id == other.id


def test_a_demo_account_is_neither_deleted_alone_nor_given_another_password(wb: Workbench) -> None:
    demo = wb.accounts.register("demo-ada", "demo@example.org", "Demo Ada", PASSWORD, is_demo=True)
    with pytest.raises(AccountError, match="with the demo data"):
        wb.delete_account(demo.id, PASSWORD)
    with pytest.raises(AccountError, match="cannot be changed"):
        wb.change_password(demo.id, PASSWORD, "lantern orchard 7")
    assert wb.login("demo-ada", PASSWORD).id == demo.id
