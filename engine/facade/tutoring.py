"""The facade's calls for the tutor: replies and conversations, the memory of each learner it
keeps, and the exercises a language model writes."""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from typing import TYPE_CHECKING

from engine.conversations import Conversation, Message
from engine.facade.parts import Parts
from engine.generation import DraftRecord, GenerationResult

if TYPE_CHECKING:
    from engine.memory import Memory, MemoryStore

_MEMORY_OPENING = threading.Lock()  # two sessions' first use of memory open it once


class TutoringCalls(Parts):
    """What the Tutor, Memory and Generate pages ask of the engine."""

    def ask_tutor(self, user_id: int, message: str, exercise_id: str | None = None) -> str:
        """The tutor's whole reply (not kept in a conversation): for notebooks and checks."""
        return "".join(self.tutor.reply(user_id, message, exercise_id))

    def tutor_reply(self, user_id: int, message: str, exercise_id: str | None = None,
                    conversation_id: int | None = None) -> Generator[str, None, None]:
        """The tutor's reply as it is written, for pages to stream; the message and the reply are
        saved in the conversation, if given (the message first, so it is never lost). A page that
        stops reading early closes the stream, and the reply is kept as far as it is known.
        ``UnknownExercise`` and ``ConversationNotFound`` are raised here, before anything streams."""
        if exercise_id:
            self.exercise(exercise_id)
        if conversation_id is not None:
            self.conversation(user_id, conversation_id)
        return self.tutor.reply(user_id, message, exercise_id, conversation_id)

    def tutor_writing(self, user_id: int, conversation_id: int) -> str | None:
        """The reply the tutor is still writing in the conversation, as far as it went (possibly ""), or None
        when it writes none: a page left while a model's reply was written, and opened again, shows it so far,
        then whole once it is saved (as far as it went, when the model has answered or given up).
        ``ConversationNotFound`` unless it is this learner's."""
        self.conversation(user_id, conversation_id)
        return self.tutor.writing(conversation_id)

    @property
    def tutor_online(self) -> bool:
        """Whether a language model is configured (else the offline tutor answers)."""
        return self.tutor.chat_model is not None

    def conversations(self, user_id: int, exercise_id: str | None = None) -> list[Conversation]:
        """The learner's conversations with the tutor, most recent first (about one exercise, if given)."""
        return self.tutor.conversations.for_user(user_id, exercise_id)

    def start_conversation(self, user_id: int, title: str = "", exercise_id: str | None = None) -> Conversation:
        return self.tutor.conversations.start(user_id, title, exercise_id, self.clock())

    def conversation(self, user_id: int, conversation_id: int) -> Conversation:
        """``ConversationNotFound`` unless it is this learner's."""
        return self.tutor.conversations.get(user_id, conversation_id)

    def conversation_messages(self, user_id: int, conversation_id: int) -> list[Message]:
        return self.tutor.conversations.messages(user_id, conversation_id)

    def rename_conversation(self, user_id: int, conversation_id: int, title: str) -> Conversation:
        return self.tutor.conversations.rename(user_id, conversation_id, title)

    def delete_conversation(self, user_id: int, conversation_id: int) -> None:
        """Delete the conversation and its messages for good."""
        self.tutor.conversations.delete(user_id, conversation_id)

    # -- memory: what the tutor remembers about each learner (engine/memory.py) -----------------

    @property
    def memory(self) -> MemoryStore:
        """The learners' memory, opened on first use: the embedding model and Chroma load only
        for a Workbench that needs them. Its Chroma folder, ``<home>/chroma``, belongs to this
        process from then on (``engine.lock.FolderInUse`` if another process has it)."""
        if self._memory is None:
            with _MEMORY_OPENING:
                if self._memory is None:
                    from engine.memory import MemoryStore

                    self._memory = MemoryStore.open(self.store, self.settings.home / "chroma", clock=self.clock)
        return self._memory

    def use_memory(self, memory: MemoryStore) -> None:
        """Use this memory store (tests and tools built on other parts); the Workbench closes it."""
        self.close_memory()
        self._memory = memory

    def close_memory(self) -> None:
        """Close the memory, if it was opened, and give up its folder."""
        memory, self._memory = self._memory, None
        if memory is not None:
            memory.close()

    def memories(self, user_id: int, kind: str | None = None) -> list[Memory]:
        """Everything remembered about this learner (of one kind, if given), newest first. Read
        from DuckDB alone: listing never loads the model."""
        from engine.memory import list_memories

        return list_memories(self.store, user_id, kind)

    def forget_memory(self, user_id: int, memory_id: str) -> bool:
        """Delete one of this learner's memories for good; False if they have none by that id."""
        return self.memory.forget(user_id, memory_id)

    def forget_all_memories(self, user_id: int) -> int:
        """Delete everything remembered about this learner; returns how many memories went."""
        return self.memory.forget_all(user_id)

    # -- exercise generation: new exercises written by the language model -------------------------

    @property
    def generation_available(self) -> bool:
        """Whether new exercises can be written here (a language model is configured)."""
        return self.generator.available

    def generate_exercise(self, user_id: int, skill: str,
                          progress: Callable[[str], None] | None = None) -> GenerationResult:
        """A new exercise on ``skill`` (an id or name of the curriculum), written by the language
        model and verified in the sandbox before it is returned; it joins the bank for good. When no
        exercise came of it, the result says why (no model configured, a limit, the provider, or
        the check the draft failed, which is kept for review). ``UnknownSkill`` for a bad skill.
        ``progress`` hears each step as it starts."""
        return self.generator.generate(user_id, skill, progress)

    def generated_exercises(self, limit: int = 100) -> list[DraftRecord]:
        """Accepted generated exercises, newest first: who asked, the skill, the exercise id."""
        return self.generator.records("accepted", limit)

    def rejected_drafts(self, limit: int = 100) -> list[DraftRecord]:
        """Drafts that failed verification, newest first, with the reason: for educators to review."""
        return self.generator.records("rejected", limit)
