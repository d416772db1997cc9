"""Exercise generation: "New exercise on <skill>", written by the configured language model and
verified in the sandbox before it is ever shown.

The steps of ``Generator.generate``:

1. the skill must be one of the curriculum's (``UnknownSkill`` otherwise); without a chat model
   the result explains that one is needed, and nothing fails;
2. the tutor's per-learner limits apply: tutor questions and new exercises together count
   against the per-minute limit, and their tokens against the daily budget;
3. the model is asked for a draft through structured output (a strict JSON schema, the
   ``json_schema`` response format: OpenAI, Ollama, vLLM and llama.cpp servers all speak it, and
   the answer arrives as plain JSON content, with no tool calls needed);
4. the draft is written as an exercise folder in a temporary place and verified
   (``engine.verification``): bank validation, no solution in the hints, repeatable tests, the
   reference passes and the starter fails in the sandbox;
5. an accepted draft moves to ``<home>/generated/python/<slug>/``, marked ``generated = true``,
   joins the bank (and so the learner model and the planner), and is logged "generated-exercise";
   a rejected one is kept in the store with its reason for review, and logged "rejected-exercise".

Every request that reached the model leaves a row in ``generated_exercises``.
"""

from __future__ import annotations

import json
import logging
import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from engine import llm
from engine.accounts import AccountError
from engine.bank import Bank, Exercise, load_exercise
from engine.clock import to_aware_utc, to_naive_utc
from engine.concepts import Concepts
from engine.drafts import DRAFT_SCHEMA, DraftError, ExerciseDraft, parse_draft, unique_slug, write_folder
from engine.events import Event
from engine.exercise_prompt import generation_messages
from engine.verification import REASONS, verify

if TYPE_CHECKING:
    from engine.workbench import Workbench

log = logging.getLogger(__name__)

GENERATED_DIR = "generated"
LANGUAGE = "python"
MAX_RAW_CHARS = 20_000  # of a malformed answer kept for review

NEEDS_LLM = ("New exercises are written on demand by a language model, and none is configured here. An "
             "administrator can set one up with the llm_provider and llm_model settings (any OpenAI-compatible "
             "server, such as Ollama, works). Every exercise of the bank is available without one.")
UNAVAILABLE = {
    "slow": "The language model took too long to write the exercise.",
    "down": "The language model can't be reached right now.",
    "rate-limited": "The language model's provider is busy (its rate limit was reached).",
    "key-refused": "The language model's provider refused this server's key; an administrator needs to check it.",
    "model-not-found": "The configured language model was not found at the provider.",
}

Progress = Callable[[str], None]


class UnknownSkill(ValueError):
    """No skill of the curriculum has this id."""


@dataclass(frozen=True)
class GenerationResult:
    """What "New exercise on <skill>" came to: the new ``exercise``, or none and the ``reason``
    ("no-llm", "limited", "unavailable", or a verification reason such as "reference-fails").
    ``message`` is what to tell the learner; ``draft_id`` the stored row, when a draft came back."""

    exercise: Exercise | None
    reason: str = ""
    message: str = ""
    detail: str = ""
    draft_id: int | None = None

    @property
    def accepted(self) -> bool:
        return self.exercise is not None


@dataclass(frozen=True)
class DraftRecord:
    """One stored request: who asked, the skill, "accepted" (with the exercise id) or "rejected"
    (with the reason and detail), the draft as the model wrote it, the model and its tokens."""

    id: int
    user_id: int | None
    skill: str
    status: str
    reason: str
    detail: str
    exercise_id: str | None
    draft: dict[str, Any]
    model: str
    tokens: int
    created_at: datetime


def generated_bank(home: Path) -> Bank:
    """The generated exercises kept in ``<home>/generated``, each marked as generated."""
    loaded = Bank(Path(home) / GENERATED_DIR)
    bank = Bank.of(replace(e, generated=True) for e in loaded)
    bank.errors = {f"{GENERATED_DIR}/{name}": problem for name, problem in loaded.errors.items()}
    return bank


def with_generated(bank: Bank, home: Path) -> Bank:
    """A bank of its own for one Workbench: ``bank``'s exercises and the generated ones in ``home``
    (a copy, so adding generated exercises later never changes a bank shared with others)."""
    generated = generated_bank(home)
    combined = Bank.of([*bank, *(e for e in generated if e.id not in bank)])
    combined.root = bank.root
    combined.errors = {**bank.errors, **generated.errors}
    return combined


class Generator:
    """Writes new exercises with a chat model. Built by the ``Workbench``; ``chat_model`` None
    means generation is unavailable (and says so)."""

    def __init__(self, wb: Workbench, concepts: Concepts, chat_model: Any | None) -> None:
        self.wb = wb
        self.concepts = concepts
        self.chat_model = chat_model
        self.root = Path(wb.settings.home) / GENERATED_DIR / LANGUAGE
        self.limits = wb.tutor.limits  # one instance: a question under way and a new exercise count against each other
        self._lock = threading.Lock()  # choosing a folder name and adding to the bank, one at a time

    @property
    def available(self) -> bool:
        return self.chat_model is not None

    def skill(self, skill: str) -> str:
        """The curriculum's id for ``skill`` (an id or a name, any case); ``UnknownSkill`` if none."""
        wanted = (skill or "").strip().lower()
        for known in self.wb.curriculum.skills.values():
            if wanted in (known.id, known.name.lower()):
                return known.id
        choices = ", ".join(self.wb.curriculum.skills)
        raise UnknownSkill(f"unknown skill {skill!r}: choose one of {choices}")

    # -- generating ------------------------------------------------------------------------------

    def generate(self, user_id: int, skill: str, progress: Progress | None = None) -> GenerationResult:
        """A new verified exercise on ``skill`` for this learner, or why there is none.
        ``progress`` is told each step as it starts (for a status display)."""
        skill = self.skill(skill)
        if self.wb.accounts.get(user_id) is None:
            raise AccountError(f"no user {user_id}")
        if self.chat_model is None:
            return GenerationResult(None, "no-llm", NEEDS_LLM)
        say = progress or (lambda _step: None)
        now = self.wb.clock()
        with self.limits.asking(user_id, now) as allowed:  # its place is held until the outcome is logged
            limited = self._limited(user_id, allowed)
            if limited:
                return GenerationResult(None, "limited", limited)
            return self._write(user_id, skill, say, now)

    def _write(self, user_id: int, skill: str, say: Progress, now: datetime) -> GenerationResult:
        """Asks the model, verifies its draft in the sandbox, and keeps it, accepted or rejected."""
        name = self.wb.curriculum.name(skill)
        say(f"Asking the language model for an exercise on {name}…")
        messages = generation_messages(skill, name, self.wb.level(user_id).value, list(self.wb.curriculum.skills),
                                       self.concepts.get(skill), self.wb.bank.select(LANGUAGE, skill))
        try:
            answer, raw, tokens = self._ask(messages)
        except llm.ChatUnavailable as down:
            text = UNAVAILABLE.get(down.reason, "The language model ran into a problem.")
            return GenerationResult(None, "unavailable", f"{text} No exercise was made; please try again later.")
        try:
            draft = parse_draft(answer if answer is not None else raw)
        except DraftError as exc:
            return self._reject(user_id, skill, "malformed", str(exc), {"raw": raw[:MAX_RAW_CHARS]}, tokens, now)
        skills = self._skills(skill, draft.skills)
        with tempfile.TemporaryDirectory(prefix="workbench-draft-") as staging:
            folder = write_folder(draft, Path(staging) / "draft", skills)
            exercise, verdict = verify(folder, self.wb.grader, say)
            if not verdict.accepted:
                return self._reject(user_id, skill, verdict.reason, verdict.detail, draft.model_dump(), tokens, now)
            say("Saving the new exercise…")
            return self._accept(user_id, skill, draft, folder, tokens, now)

    def _ask(self, messages: list[tuple[str, str]]) -> tuple[Any, str, int]:
        """The model's parsed answer (None if it was not JSON), its raw text and the tokens used."""
        assert self.chat_model is not None
        try:
            structured = self.chat_model.with_structured_output(DRAFT_SCHEMA, method="json_schema", include_raw=True)
            out = structured.invoke(messages)
        except Exception as exc:  # noqa: BLE001 - every provider failure becomes one clear message
            raise llm.unavailable(exc) from exc
        message = out.get("raw")
        content = getattr(message, "content", "")
        raw = content if isinstance(content, str) else json.dumps(content)
        metadata = getattr(message, "usage_metadata", None) or {}
        tokens = int(metadata.get("total_tokens") or 0) or (sum(len(t) for _, t in messages) + len(raw)) // 4
        return out.get("parsed"), raw, tokens

    def _skills(self, skill: str, proposed: list[str]) -> list[str]:
        """The requested skill first, then up to two more the model named that the curriculum knows."""
        known = self.wb.curriculum.skills
        extra = []
        for name in proposed:
            try:
                other = self.skill(name)
            except UnknownSkill:
                continue
            if other != skill and other in known and other not in extra:
                extra.append(other)
        return [skill, *extra[:2]]

    # -- keeping the outcome -----------------------------------------------------------------------

    def _accept(self, user_id: int, skill: str, draft: ExerciseDraft, folder: Path, tokens: int,
                now: datetime) -> GenerationResult:
        with self._lock:
            taken = {e.slug for e in self.wb.bank.select(LANGUAGE)}
            taken |= {p.name for p in self.root.iterdir()} if self.root.is_dir() else set()
            target = self.root / unique_slug(draft.title, taken)
            self.root.mkdir(parents=True, exist_ok=True)
            shutil.copytree(folder, target)
            exercise = replace(load_exercise(target, LANGUAGE), generated=True)
            with self.wb.store.transaction():
                draft_id = self._store(user_id, skill, "accepted", "", "", exercise.id, draft.model_dump(), tokens, now)
                self.wb.events.append(Event(user_id, "generated-exercise", exercise.id,
                                            {"skill": skill, "draft_id": draft_id, "tokens": tokens},
                                            {"skills": list(exercise.skills), "difficulty": exercise.difficulty}, now))
            self.wb.bank.add(exercise)
        log.info("generated exercise %s on %s for user %s", exercise.id, skill, user_id)
        name = self.wb.curriculum.name(skill)
        return GenerationResult(exercise, message=f"A new exercise on {name}: **{exercise.title}** (level "
                                f"{exercise.difficulty}). Its reference solution passes and its starter fails in "
                                "the sandbox.", draft_id=draft_id)

    def _reject(self, user_id: int, skill: str, reason: str, detail: str, draft: dict[str, Any], tokens: int,
                now: datetime) -> GenerationResult:
        with self.wb.store.transaction():
            draft_id = self._store(user_id, skill, "rejected", reason, detail, None, draft, tokens, now)
            self.wb.events.append(Event(user_id, "rejected-exercise", skill,
                                        {"skill": skill, "reason": reason, "draft_id": draft_id, "tokens": tokens},
                                        occurred_at=now))
        log.info("rejected a generated exercise on %s (%s): %s", skill, reason, detail)
        message = (f"The model's draft was not shown: {REASONS[reason]}. It is kept for review. Please try again: "
                   "each draft is different.")
        return GenerationResult(None, reason, message, detail, draft_id)

    def _store(self, user_id: int, skill: str, status: str, reason: str, detail: str, exercise_id: str | None,
               draft: dict[str, Any], tokens: int, now: datetime) -> int:
        row = self.wb.store.one(
            "INSERT INTO generated_exercises (user_id, skill, status, reason, detail, exercise_id, draft, model, "
            "tokens, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            [user_id, skill, status, reason or None, detail or None, exercise_id, json.dumps(draft),
             self.wb.settings.llm_model, tokens, to_naive_utc(now)])
        assert row is not None
        return int(row[0])

    # -- limits and review -------------------------------------------------------------------------

    def _limited(self, user_id: int, allowed: bool) -> str:
        """What to tell the learner when the tutor's per-learner limits (which count new exercises too)
        are reached, else ""; ``allowed``: whether the per-minute limit let this ask through."""
        if not allowed:
            return self.limits.rate_message("Try the exercises you have, then ask again in a little while.")
        if not self.limits.budget_left(user_id, self.wb.local_now(user_id)):  # the learner's day
            return ("You have used today's language-model budget, so no new exercise can be written until "
                    "tomorrow. The bank's exercises are all available.")
        return ""

    def records(self, status: str, limit: int = 100) -> list[DraftRecord]:
        """Stored requests with this status ("accepted" or "rejected"), newest first."""
        rows = self.wb.store.all(
            "SELECT id, user_id, skill, status, reason, detail, exercise_id, draft, model, tokens, created_at "
            "FROM generated_exercises WHERE status = ? ORDER BY created_at DESC, id DESC LIMIT ?", [status, limit])
        return [DraftRecord(r[0], r[1], r[2], r[3], r[4] or "", r[5] or "", r[6], _json(r[7]), r[8] or "",
                            int(r[9] or 0), to_aware_utc(r[10])) for r in rows]


def _json(value: Any) -> dict[str, Any]:
    loaded = json.loads(value) if isinstance(value, str) else value
    return loaded if isinstance(loaded, dict) else {"raw": loaded}
