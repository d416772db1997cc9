"""Conversations with the tutor: a learner's threads and their messages, in the store.

A learner starts, resumes, renames and deletes their own conversations; nobody else can read
them. Every method takes the user id and refuses a conversation that is not theirs with the
same ``ConversationNotFound`` as a missing one, so ids of others' conversations reveal nothing.
Deletion is real: the messages go with the conversation.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from engine.clock import to_aware_utc, to_naive_utc
from engine.diagnosis import pasted_error
from engine.store import Store

MAX_TITLE = 80


class ConversationNotFound(LookupError):
    """No conversation with this id belongs to this learner."""


@dataclass(frozen=True)
class Conversation:
    id: int
    user_id: int
    title: str
    exercise_id: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class Message:
    """One turn: ``role`` is "learner" or "tutor"; ``content`` is markdown."""

    role: str
    content: str
    created_at: datetime


class Conversations:
    def __init__(self, store: Store) -> None:
        self.store = store

    def start(self, user_id: int, title: str = "", exercise_id: str | None = None,
              at: datetime | None = None) -> Conversation:
        """A new, empty conversation (titled after its first question when ``title`` is empty)."""
        now = to_naive_utc(at)
        row = self.store.one(
            "INSERT INTO conversations (user_id, title, exercise_id, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?) RETURNING id", [user_id, _clean_title(title), exercise_id, now, now])
        assert row is not None
        return self.get(user_id, int(row[0]))

    def get(self, user_id: int, conversation_id: int) -> Conversation:
        row = self.store.one("SELECT id, user_id, title, exercise_id, created_at, updated_at FROM conversations "
                             "WHERE id = ? AND user_id = ?", [conversation_id, user_id])
        if row is None:
            raise ConversationNotFound(f"no conversation {conversation_id}")
        return _conversation(row)

    def for_user(self, user_id: int, exercise_id: str | None = None) -> list[Conversation]:
        """The learner's conversations, most recently active first (about one exercise, if given)."""
        sql = "SELECT id, user_id, title, exercise_id, created_at, updated_at FROM conversations WHERE user_id = ?"
        params: list[object] = [user_id]
        if exercise_id is not None:
            sql += " AND exercise_id = ?"
            params.append(exercise_id)
        rows = self.store.all(sql + " ORDER BY updated_at DESC, id DESC", params)
        return [_conversation(r) for r in rows]

    def rename(self, user_id: int, conversation_id: int, title: str) -> Conversation:
        title = _clean_title(title)
        if not title:
            raise ValueError("A conversation needs a name.")
        self.get(user_id, conversation_id)
        self.store.execute("UPDATE conversations SET title = ? WHERE id = ? AND user_id = ?",
                           [title, conversation_id, user_id])
        return self.get(user_id, conversation_id)

    def delete(self, user_id: int, conversation_id: int) -> None:
        """Delete the conversation and every message in it."""
        self.get(user_id, conversation_id)
        with self.store.transaction() as cursor:
            cursor.execute("DELETE FROM conversation_messages WHERE conversation_id = ?", [conversation_id])
            cursor.execute("DELETE FROM conversations WHERE id = ? AND user_id = ?", [conversation_id, user_id])

    def add(self, user_id: int, conversation_id: int, role: str, content: str, at: datetime | None = None) -> Message:
        """Append a message; the first learner message names an untitled conversation."""
        if role not in ("learner", "tutor"):
            raise ValueError(f"unknown role {role!r}")
        conversation = self.get(user_id, conversation_id)
        now = to_naive_utc(at)
        self.store.execute("INSERT INTO conversation_messages (conversation_id, role, content, created_at) "
                           "VALUES (?, ?, ?, ?)", [conversation_id, role, content, now])
        title = conversation.title or (_clean_title(_topic(content)) if role == "learner" else "")
        self.store.execute("UPDATE conversations SET updated_at = ?, title = ? WHERE id = ?",
                           [now, title, conversation_id])
        return Message(role, content, to_aware_utc(now))

    def messages(self, user_id: int, conversation_id: int) -> list[Message]:
        """The conversation's messages, oldest first."""
        self.get(user_id, conversation_id)
        rows = self.store.all("SELECT role, content, created_at FROM conversation_messages "
                              "WHERE conversation_id = ? ORDER BY id", [conversation_id])
        return [Message(r[0], r[1], to_aware_utc(r[2])) for r in rows]


def _topic(message: str) -> str:
    """What a first message is about, for its conversation's title: the error of a pasted traceback
    ("KeyError: 'pear'"), not its first line ("Traceback (most recent call last): File…")."""
    pasted = pasted_error(message)
    return pasted.error if pasted else message


def _clean_title(text: str) -> str:
    line = " ".join((text or "").split())
    return line if len(line) <= MAX_TITLE else line[:MAX_TITLE - 1].rstrip() + "…"


def _conversation(row: tuple[object, ...]) -> Conversation:
    return Conversation(id=int(row[0]), user_id=int(row[1]), title=str(row[2]),  # type: ignore[call-overload]
                        exercise_id=row[3] if row[3] is None else str(row[3]),
                        created_at=to_aware_utc(row[4]), updated_at=to_aware_utc(row[5]))  # type: ignore[arg-type]
