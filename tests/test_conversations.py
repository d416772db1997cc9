"""Conversations with the tutor: start, resume, rename, delete (for real), and only the owner reads them."""

from __future__ import annotations

import pytest
from factories import Clock, new_learner

from engine.conversations import ConversationNotFound


@pytest.fixture
def clocked(make_wb):
    clock = Clock()
    return make_wb(clock=clock), clock


def test_start_resume_and_list_most_recent_first(clocked):
    wb, clock = clocked
    ada = new_learner(wb)
    first = wb.start_conversation(ada)
    clock.advance(minutes=1)
    second = wb.start_conversation(ada, exercise_id="python/digit-sum")
    assert [c.id for c in wb.conversations(ada)] == [second.id, first.id]
    clock.advance(minutes=1)
    wb.ask_tutor(ada, "not kept")  # ask_tutor keeps nothing in a conversation
    list(wb.tutor_reply(ada, "How do I start with loops?", None, first.id))
    resumed = wb.conversations(ada)[0]
    assert resumed.id == first.id and resumed.title == "How do I start with loops?", "named by its first question"
    assert [m.role for m in wb.conversation_messages(ada, first.id)] == ["learner", "tutor"]
    assert [c.id for c in wb.conversations(ada, exercise_id="python/digit-sum")] == [second.id]


def test_a_pasted_traceback_names_its_conversation_by_its_error(wb):
    """Named by its first line, the list read "Traceback (most recent call last): File "/home/lee/…"."""
    ada = new_learner(wb)
    conversation = wb.start_conversation(ada)
    pasted = ('Traceback (most recent call last):\n  File "/home/lee/votes.py", line 6, in <module>\n'
              '    print(counts["pear"])\nKeyError: \'pear\'\nwhy?')
    list(wb.tutor_reply(ada, pasted, None, conversation.id))
    assert wb.conversation(ada, conversation.id).title == "KeyError: 'pear'"


def test_rename_and_a_long_first_question_makes_a_short_title(wb):
    ada = new_learner(wb)
    conversation = wb.start_conversation(ada)
    list(wb.tutor_reply(ada, "why " * 40, None, conversation.id))
    assert len(wb.conversation(ada, conversation.id).title) == 80
    assert wb.rename_conversation(ada, conversation.id, "  Loops,   again ").title == "Loops, again"
    with pytest.raises(ValueError, match="needs a name"):
        wb.rename_conversation(ada, conversation.id, "   ")


def test_deletion_is_real(wb):
    ada = new_learner(wb)
    kept, gone = wb.start_conversation(ada), wb.start_conversation(ada)
    for conversation in (kept, gone):
        list(wb.tutor_reply(ada, "explain recursion", None, conversation.id))
    wb.delete_conversation(ada, gone.id)
    assert [c.id for c in wb.conversations(ada)] == [kept.id]
    assert wb.store.scalar("SELECT count(*) FROM conversation_messages WHERE conversation_id = ?", [gone.id]) == 0
    assert wb.store.scalar("SELECT count(*) FROM conversation_messages WHERE conversation_id = ?", [kept.id]) == 2
    with pytest.raises(ConversationNotFound):
        wb.conversation_messages(ada, gone.id)


@pytest.mark.parametrize("action", [
    pytest.param(lambda wb, user, cid: wb.conversation(user, cid), id="read"),
    pytest.param(lambda wb, user, cid: wb.conversation_messages(user, cid), id="read-messages"),
    pytest.param(lambda wb, user, cid: wb.rename_conversation(user, cid, "mine now"), id="rename"),
    pytest.param(lambda wb, user, cid: wb.delete_conversation(user, cid), id="delete"),
    pytest.param(lambda wb, user, cid: list(wb.tutor_reply(user, "hello", None, cid)), id="post"),
])
def test_only_the_owner_can_touch_a_conversation(wb, action):
    ada, eve = new_learner(wb, "ada"), new_learner(wb, "eve")
    conversation = wb.start_conversation(ada, "Private")
    list(wb.tutor_reply(ada, "my secret question", None, conversation.id))
    with pytest.raises(ConversationNotFound):
        action(wb, eve, conversation.id)
    assert wb.conversations(eve) == []
    assert wb.conversation(ada, conversation.id).title == "Private"
    assert [m.content for m in wb.conversation_messages(ada, conversation.id)][0] == "my secret question"
    assert not [e for e in wb.events.for_user(eve) if e["verb"] == "asked-tutor"], "nothing was asked"


def test_an_unknown_conversation_is_the_same_error(wb):
    ada = new_learner(wb)
    with pytest.raises(ConversationNotFound, match="no conversation 999"):
        wb.conversation(ada, 999)
