"""The tutor: one reply to a learner's message, with a language model or without, inside guardrails.

Each reply is grounded in the learner's profile (level, learning style), the exercise in hand,
its latest grade result and what is remembered of the learner. The steps, in order:

1. the message is checked (length) and, in a conversation, saved before anything can fail;
2. the per-minute limit is checked, and the ask is logged ("asked-tutor", sizes only; "limited" when
   refused, which the limit does not count);
3. rule-breaking requests ("ignore your instructions...") are refused without asking a model;
4. with a chat model and budget left today, the model's reply is streamed: prose as it comes, and
   from the first code on held back until the code has been graded against the exercise, since
   code that passes it is the solution and is replaced by a nudge; if the provider fails, answers
   nothing or says no first words within the timeout, the learner is told in a sentence and the
   offline tutor answers; a reply that breaks off is marked so;
5. without one, the offline tutor answers (``engine.offline_tutor``);
6. the reply is saved, logged ("tutor-replied": path, sizes, tokens) and remembered in a short
   summary (never the learner's code), also when the learner leaves the page while it streams.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

from engine import exercise_names, guardrails, intents, llm, solution_guard
from engine.bank import Exercise
from engine.concepts import Concept, Concepts
from engine.conversations import Conversations, Message
from engine.diagnosis import diagnose, readable
from engine.events import Event
from engine.grader import GradeResult
from engine.guardrails import Limits
from engine.offline_tutor import OfflineReply, gives_hint
from engine.offline_tutor import reply as offline_reply
from engine.prompts import tutor_messages
from engine.tutor_context import TutorContext

if TYPE_CHECKING:
    from engine.workbench import Workbench

log = logging.getLogger(__name__)

MAX_MESSAGE = guardrails.MAX_MESSAGE_CHARS
EMPTY = "What would you like to ask? Tell me what you tried and what happened."
# said after whatever the reply said before its code (often "Here is the answer:"), so it reads on from that
BLOCKED = ("On second thought, I've held it back: the code I started to write would solve the exercise for you, "
           "and finding it yourself is the point.")
CUT_SHORT = "\n\n*(The reply stopped here: the page was left before it was finished.)*"
BROKEN_OFF = {  # a model's reply that ended before the model said it was finished, by why (its finish reason)
    None: "\n\n*(The reply stopped here: the connection to the AI tutor was lost before it was finished.)*",
    "length": "\n\n*(The reply stopped here: the AI tutor reached the most it may write in one reply.)*",
}
# after a model's reply that used up a hint: the model is offered the hint, and may say it in its own words or
# not at all, while the hint counts all the same (the offline tutor's replies quote it)
HINT_COUNTED = "\n\n*(This counts as hint {hint} of {hints}: it is with the exercise, under **Hints**.)*"
SAID_TURNS = 6  # the offline tutor does not repeat word for word what its last 6 replies in a conversation said
_INTENT_WORDS = {"answer": "asked for the answer", "error": "asked what an error means", "concept": "asked about a concept",
                 "approach": "asked whether their approach works", "stuck": "was stuck", "thanks": "said thanks",
                 "other": "asked a question"}


class Tutor:
    """Replies to learners. Built by the ``Workbench``; ``chat_model`` None means offline only."""

    def __init__(self, wb: Workbench, concepts: Concepts, chat_model: Any | None = None) -> None:
        self.wb = wb
        self.concepts = concepts
        self.chat_model = chat_model
        self.conversations = Conversations(wb.store)
        self.limits = Limits(wb.store, wb.settings.tutor_rate_limit_per_minute, wb.settings.tutor_daily_token_budget)
        self._graded: dict[tuple[str, str], GradeResult] = {}  # (exercise, code): concept examples repeat
        self._writing: Counter[int] = Counter()  # conversation: how many replies in it are being written now
        self._so_far: dict[int, list[str]] = {}  # conversation: the chunks shown so far of its latest reply
        self._writing_lock = threading.Lock()

    # -- the reply ------------------------------------------------------------------------------

    def reply(self, user_id: int, message: str, exercise_id: str | None = None,
              conversation_id: int | None = None) -> Generator[str, None, None]:
        """The reply as it is produced (chunks of markdown). ``UnknownExercise`` for a bad exercise id,
        ``ConversationNotFound`` for a conversation that is not this learner's. From its first chunk asked
        for until it is saved, the conversation is ``writing``."""
        with self._writing_in(conversation_id) as shown:
            yield from self._reply(user_id, message, exercise_id, conversation_id, shown)

    def writing(self, conversation_id: int) -> str | None:
        """The reply being written now in the conversation, in this process, as far as it was shown (after the
        guard); None when none is. A page left while it was written (its reply goes on in a thread of its own)
        saves it only when the model has answered, or given up; the page opened again shows it so far."""
        with self._writing_lock:
            return "".join(self._so_far[conversation_id]) if self._writing[conversation_id] else None

    @contextmanager
    def _writing_in(self, conversation_id: int | None) -> Iterator[list[str]]:
        """The list the reply's chunks are kept in as they are shown, known as the conversation's reply so far."""
        shown: list[str] = []
        if conversation_id is None:
            yield shown
            return
        with self._writing_lock:
            self._writing[conversation_id] += 1
            self._so_far[conversation_id] = shown
        try:
            yield shown
        finally:  # after the reply is saved, also when the page stopped reading it
            with self._writing_lock:
                self._writing[conversation_id] -= 1
                if not self._writing[conversation_id]:
                    del self._writing[conversation_id], self._so_far[conversation_id]

    def _reply(self, user_id: int, message: str, exercise_id: str | None,
               conversation_id: int | None, shown: list[str]) -> Generator[str, None, None]:
        message = (message or "").strip()
        exercise = self.wb.exercise(exercise_id) if exercise_id else None
        if conversation_id is not None:
            self.conversations.get(user_id, conversation_id)
        if not message:
            yield EMPTY
            return
        too_long = guardrails.check_length(message)
        if too_long:
            yield too_long
            return
        now = self.wb.clock()
        if conversation_id is not None:  # saved first: nothing the learner typed is lost, whatever fails next
            self.conversations.add(user_id, conversation_id, "learner", message, now)
        record: dict[str, Any] = {"message_chars": len(message)}

        def finish(extra: dict[str, Any], offline: OfflineReply | None = None,
                   latest: GradeResult | None = None) -> Callable[[str], None]:
            return lambda reply: self._finish(user_id, exercise, conversation_id, message, reply,
                                              {**record, **extra}, offline, latest)

        with self.limits.asking(user_id, now) as allowed:
            self._log_ask(user_id, exercise_id, conversation_id, len(message), limited=not allowed)
        if not allowed:
            limit = self.limits.rate_message("Take a moment with your code, then ask again in a little while.")
            yield from _deliver([limit], shown, finish({"path": "limited"}))
            return
        earlier = self.conversations.messages(user_id, conversation_id) if conversation_id is not None else []
        context = self.context(user_id, exercise, message, said=_last_replies(earlier))
        if guardrails.is_injection(message):
            offline = self._offline(message, context, injection=True)
            yield from _deliver(_paragraphs(offline.text), shown,
                                finish({"path": "refused", "intent": "injection"}, offline, context.latest), offline.text)
            return
        notice = ""  # why the offline tutor answers although there is a model
        if self.chat_model is not None and self.limits.budget_left(user_id, self.wb.local_now(user_id)):
            usage = llm.Usage()
            history = earlier[:-1]  # without the message just saved
            concept = self._concept(exercise)
            messages = tutor_messages(message, context, concept, history)
            checked = self._checked_against(exercise, message, earlier)
            grade = self._grader(*checked, general=exercise is None)
            names = self._tested_names(checked, general=exercise is None)
            known = context.latest.tests_passed if context.latest else 0
            intent = intents.recognise(message, context.skills)
            record["intent"] = intent.kind
            if exercise is not None and exercise.hints and gives_hint(intent, context):
                # the prompt offers the model the next hint; asking for help uses it up, as with the offline tutor
                record["hint"] = min(context.rung + 1, len(exercise.hints))

            def from_model() -> Iterator[str]:
                words = llm.stream_text(self.chat_model, messages, usage, first_words_s=self.wb.settings.llm_timeout_s,
                                        most_tokens=self.wb.settings.llm_max_reply_tokens)
                said_words = False  # before its code: the notice of a reply held back reads on from them
                try:
                    for part in solution_guard.guard(words, grade, record, known, context.own_code, names):
                        said_words = said_words or bool(part.strip())
                        yield part
                finally:  # closed when the learner leaves: the words' own end counts their tokens, before the finish
                    words.close()
                if record.get("blocked"):
                    # the offline tutor's answer to what was asked: a question about a concept costs no hint here
                    # either (answered as "I'm stuck", it was charged one)
                    nudge = self._offline(message, context)
                    record["hint"] = nudge.hint or record.get("hint")  # the nudge shows a hint: it counts
                    yield ("\n\n" if said_words else "") + f"{BLOCKED}\n\n{nudge.text}"
                    return
                if usage.finish_reason in BROKEN_OFF:  # the client reads a stream cut mid-reply as its end
                    record["cut"] = usage.finish_reason or "connection"
                    yield BROKEN_OFF[usage.finish_reason]
                if record.get("hint") and exercise is not None:
                    yield HINT_COUNTED.format(hint=record["hint"], hints=len(exercise.hints))

            try:
                # the tokens are read when the reply is finished (``finish`` runs after the stream)
                yield from _deliver(from_model(), shown, lambda reply: self._finish(
                    user_id, exercise, conversation_id, message, reply, {**record, "path": "llm", **_tokens(usage)},
                    latest=context.latest))
                return
            except llm.ChatUnavailable as down:
                notice = f"{down} Here is the offline tutor's answer instead.\n\n"
                notice = ("\n\n" + notice) if shown else notice
                record.update({"fallback": down.reason, **_tokens(usage)})
        elif self.chat_model is not None:
            notice = "You have used today's allowance of the AI tutor; the offline tutor answers until tomorrow.\n\n"
            record["fallback"] = "budget"
        # the notice is delivered with the offline reply, not before it: a learner who leaves while it
        # shows (the model failed after a long wait) closes the stream there, and the reply is kept all the same
        offline = self._offline(message, context)
        yield from _deliver(_paragraphs(notice + offline.text), shown,
                            finish({"path": "offline", "intent": offline.intent, "hint": offline.hint}, offline,
                                   context.latest), notice + offline.text)

    # -- context ---------------------------------------------------------------------------------

    def context(self, user_id: int, exercise: Exercise | None, message: str = "",
                said: Sequence[str] = ()) -> TutorContext:
        """What a reply to this learner about this exercise is grounded in; ``said``: the tutor's
        last replies in the conversation, so the offline tutor does not say the same thing twice."""
        latest, code = self.latest_run(user_id, exercise) if exercise else (None, None)
        draft = self.wb.draft(user_id, exercise.id) if exercise else None
        profile = self.wb.profile(user_id)
        diagnosis = diagnose(latest, exercise.tests if exercise else "", asked=message)
        query = " ".join(filter(None, [message, exercise.title if exercise else "", diagnosis.summary if diagnosis else ""]))
        return TutorContext(exercise=exercise, latest=latest, rung=draft.hints_shown if draft else 0,
                            style=profile.style, level=self.wb.level(user_id).value,
                            memories=self._recall(user_id, query), now=self.wb.clock(),
                            skills={s: self.wb.skill_name(s) for s in self.wb.curriculum.skills},
                            said=tuple(said), solved=exercise is not None and self.wb.solved(user_id, exercise.id),
                            own_code=tuple(dict.fromkeys(c for c in (code, draft.code if draft else None) if c)))

    def latest_run(self, user_id: int, exercise: Exercise) -> tuple[GradeResult | None, str | None]:
        """The latest grade result and its code: of this process's last run, else the last submission graded again."""
        result = self.wb.latest_result(user_id, exercise.id)
        if result is not None:
            return result, self.wb.latest_code(user_id, exercise.id)
        code = self.wb.store.scalar("SELECT code FROM attempts WHERE user_id = ? AND exercise_id = ? AND code IS NOT NULL "
                                    "ORDER BY submitted_at DESC, id DESC LIMIT 1", [user_id, exercise.id])
        return (self.wb.grade(exercise, code), code) if code is not None else (None, None)

    def _concept(self, exercise: Exercise | None) -> Concept | None:
        if exercise is None:
            return None
        return next((c for c in map(self.concepts.get, exercise.skills) if c is not None), None)

    def _recall(self, user_id: int, query: str) -> list[Any]:
        memory = self._memory()
        if memory is None:
            return []
        try:
            return list(memory.recall(user_id, query, k=4))
        except Exception as exc:  # noqa: BLE001 - the tutor works without memories
            log.warning("memory unavailable for recall: %s", exc)
            return []

    def _memory(self) -> Any | None:
        try:
            return getattr(self.wb, "memory", None)
        except Exception as exc:  # noqa: BLE001 - a memory that cannot load is no memory
            log.warning("memory unavailable: %s", exc)
            return None

    # -- offline and checks --------------------------------------------------------------------

    def _offline(self, message: str, context: TutorContext, injection: bool = False) -> OfflineReply:
        """The offline reply, without a concept example that would happen to solve the exercise."""
        reply = offline_reply(message, context, self.concepts, injection=injection)
        if context.exercise is not None and solution_guard.has_code(reply.text) and solution_guard.solves(
                reply.text, self._grader(context.exercise), names=exercise_names.tested_names([context.exercise])):
            reply = offline_reply(message, _without_example(context), self.concepts, injection=injection)
        return reply

    def _checked_against(self, exercise: Exercise | None, message: str, earlier: Sequence[Message]) -> list[Exercise]:
        """The exercises a model's reply is checked against: the one in hand; for a general question, those
        whose function the learner's messages name ("write digit_sum(n)"), since their solution is one too."""
        if exercise is not None:
            return [exercise]
        asked = " ".join([message, *(m.content for m in earlier if m.role == "learner")])
        return exercise_names.named_exercises(asked, self.wb.exercises())

    def _tested_names(self, exercises: Sequence[Exercise], general: bool) -> frozenset[str] | None:
        """The names code must bind to pass the ``_grader``'s tests: those of ``exercises``, and for a general
        question those by which it tells the exercises a reply's code defines. None: any name may count."""
        names = exercise_names.tested_names(exercises)
        return names | exercise_names.defining_names(self.wb.exercises()) if general and names is not None else names

    def _grader(self, *exercises: Exercise, general: bool = False) -> Callable[[str], GradeResult]:
        """Grades code against ``exercises``: the result nearest to passing (with none, nothing passes).
        ``general``: a question outside any exercise, whose reply's code is also graded against the exercises
        whose function it defines (a learner asking "how do I sum a number's digits?" names none)."""
        def grade(code: str) -> GradeResult:
            best = GradeResult("fail")
            defined = exercise_names.defining_exercises(code, self.wb.exercises()) if general else []
            for exercise in [*exercises, *(e for e in defined if e not in exercises)]:
                result = self._grade(exercise, code)
                if result.passed:
                    return result
                if not best.tests or result.tests_passed - len(result.tests) > best.tests_passed - len(best.tests):
                    best = result
            return best
        return grade

    def _grade(self, exercise: Exercise, code: str) -> GradeResult:
        key = (exercise.id, code)
        result = self._graded.get(key)
        if result is None:  # read once: another reply's thread may clear the cache meanwhile
            if len(self._graded) > 256:
                self._graded.clear()
            result = self._graded[key] = self.wb.grade(exercise, code)
        return result

    # -- after the reply -------------------------------------------------------------------------

    def _log_ask(self, user_id: int, exercise_id: str | None, conversation_id: int | None, chars: int,
                 limited: bool = False) -> None:
        result: dict[str, Any] = {"message_chars": chars, **({"limited": True} if limited else {})}
        self.wb.events.append(Event(user_id, "asked-tutor", exercise_id, result,
                                    {"conversation_id": conversation_id}, self.wb.clock()))

    def _finish(self, user_id: int, exercise: Exercise | None, conversation_id: int | None, message: str,
                reply: str, record: dict[str, Any], offline: OfflineReply | None = None,
                latest: GradeResult | None = None) -> None:
        now = self.wb.clock()
        if conversation_id is not None:
            self.conversations.add(user_id, conversation_id, "tutor", reply, now)
        hint = record.get("hint")
        if hint and exercise is not None:  # a hint from the tutor counts as a hint
            self.wb.count_hints(user_id, exercise.id, hint)
        result = {key: value for key, value in {**record, "reply_chars": len(reply)}.items() if value is not None}
        self.wb.events.append(Event(user_id, "tutor-replied", exercise.id if exercise else None, result,
                                    {"conversation_id": conversation_id}, now))
        if record.get("path") != "limited":
            self._remember(user_id, exercise, record, offline, latest)

    def _remember(self, user_id: int, exercise: Exercise | None, record: dict[str, Any],
                  offline: OfflineReply | None, latest: GradeResult | None) -> None:
        memory = self._memory()
        if memory is None:
            return
        summary = exchange_summary(exercise, record.get("intent") or (offline.intent if offline else "other"),
                                   latest, record.get("hint"))
        try:
            memory.remember(user_id, "exchange", summary, skill=exercise.skills[0] if exercise else None,
                            exercise_id=exercise.id if exercise else None)
        except Exception as exc:  # noqa: BLE001 - forgetting one exchange must not lose the reply
            log.warning("memory unavailable for remember: %s", exc)


def _deliver(chunks: Iterable[str], shown: list[str], finish: Callable[[str], None],
             whole: str | None = None) -> Iterator[str]:
    """Yield the reply's ``chunks`` (kept in ``shown``, after anything said before them), then
    ``finish`` it with everything shown. A learner who leaves the page mid-reply closes the stream:
    the reply is finished all the same, so the conversation keeps it and a hint it gave counts:
    ``whole`` when the reply was ready before it streamed (the offline tutor's), else as far as it
    went, marked as cut short."""
    before = "".join(shown)
    try:
        for chunk in chunks:
            shown.append(chunk)
            yield chunk
    except GeneratorExit:
        if isinstance(chunks, Generator):
            chunks.close()  # first: what it was reading (a model's stream) ends, and says what it used
        finish(before + whole if whole is not None else "".join(shown) + CUT_SHORT)
        raise
    finish("".join(shown))


def exchange_summary(exercise: Exercise | None, intent: str, latest: GradeResult | None, hint: int | None) -> str:
    """One plain sentence about an exchange, for the learner's memory: never their code or words."""
    what = _INTENT_WORDS.get(intent, "asked a question")
    if intent == "injection":
        what = "asked for the solution"
    if exercise is None:
        return f"Learner {what} outside an exercise."
    text = f"On {exercise.title}, learner {what}"
    failure = latest.first_failure() if latest is not None and not latest.passed else None
    if failure is not None:
        text += f" while the test '{readable(failure.name)}' failed ({(failure.message or failure.status)[:80]})"
    if hint:
        text += f"; tutor gave hint {hint} of {len(exercise.hints)}"
    return text + "."


def _without_example(context: TutorContext) -> TutorContext:
    from dataclasses import replace

    return replace(context, safe_example=False)


def _tokens(usage: llm.Usage) -> dict[str, int]:
    return {"tokens": usage.total, "tokens_in": usage.input_tokens, "tokens_out": usage.output_tokens}


def _paragraphs(text: str) -> Iterator[str]:
    """A composed reply in paragraph-sized chunks, so pages show the first words at once."""
    paragraphs = text.split("\n\n")
    for i, paragraph in enumerate(paragraphs):
        yield paragraph + ("\n\n" if i < len(paragraphs) - 1 else "")


def _last_replies(messages: Sequence[Message]) -> tuple[str, ...]:
    """The tutor's last SAID_TURNS replies among a conversation's messages."""
    return tuple([m.content for m in messages if m.role == "tutor"][-SAID_TURNS:])
