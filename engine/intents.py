"""Intents: what a learner's message to the tutor asks for, recognised without a language model.

The offline tutor answers differently when a learner is stuck, asks what an error means, asks
for a concept to be explained, wants their approach checked, or asks for the answer (which it
kindly declines). Recognition is by phrases and keywords: simple, predictable and fast.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

ANSWER = "answer"
ERROR = "error"
CONCEPT = "concept"
APPROACH = "approach"
STUCK = "stuck"
THANKS = "thanks"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (ANSWER, re.compile(
        r"\b(give|show|tell|send|write|paste|print)\b.{0,30}\b(me\s+)?(the\s+)?(full\s+|complete\s+|whole\s+|correct\s+)?"
        r"(answer|solution|code|reference|implementation)\b|\bsolve (it|this)( for me)?\b|\bjust (give|tell|show)\b|"
        r"\bwhat is the (answer|solution)\b|\bdo it for me\b|\bwrite it for me\b", re.I | re.S)),
    (ERROR, re.compile(
        r"\b(error|exception|traceback|fails?|failing|failed|broken|crash\w*|wrong (result|answer|output)|"
        r"expected .{1,40} got|why (does|do|is|isn't|doesn't)|what does .{0,40} mean|wrong|"
        r"[A-Z][a-z]+Error)\b", re.S)),
    (CONCEPT, re.compile(
        r"\b(explain|what (is|are) (a |an )?|how (do|does) .{0,30} work|teach me|remind me|"
        r"difference between|tell me about|meaning of)\b", re.I | re.S)),
    (APPROACH, re.compile(
        r"\b(my approach|right track|on track|is (this|my code|it) (right|ok|okay|correct|good)|"
        r"am i (right|close|doing)|does (this|my code) look|check my|review my|good idea|would it work|"
        r"should i (use|try))\b", re.I | re.S)),
    (STUCK, re.compile(
        r"\b(stuck|lost|confused|no idea|don'?t know|do not know|help|hint|where (do|should) i start|"
        r"how (do|should|can) i|what next|next step|can'?t)\b", re.I | re.S)),
    (THANKS, re.compile(r"^\s*(thanks?( you)?|thx|cheers|great|got it|that helped|ok(ay)?)[.! ]*$", re.I)),
]


@dataclass(frozen=True)
class Intent:
    """``kind``: one of the constants above, or "other"; ``topic``: the skill a concept question names."""

    kind: str
    topic: str | None = None


def recognise(message: str, skills: Mapping[str, str] | None = None) -> Intent:
    """The intent of ``message``; ``skills`` (id -> name) lets "explain recursion" find its skill."""
    topic = _topic(message, skills or {})
    for kind, pattern in _PATTERNS:
        if pattern.search(message):
            if kind == CONCEPT and topic is None and not re.search(r"\b(explain|teach me)\b", message, re.I):
                continue  # "what is going on?": not a topic to explain
            if kind == ERROR and _mentions_concept(message) and topic and not _mentions_error(message):
                return Intent(CONCEPT, topic)
            return Intent(kind, topic)
    if topic is not None and len(message.split()) <= 4:  # "recursion?" or "list comprehensions"
        return Intent(CONCEPT, topic)
    return Intent("other", topic)


def _mentions_concept(message: str) -> bool:
    return bool(_PATTERNS[2][1].search(message))


def _mentions_error(message: str) -> bool:
    return bool(re.search(r"\b(error|exception|traceback|fail\w*|[A-Z][a-z]+Error)\b", message))


def _topic(message: str, skills: Mapping[str, str]) -> str | None:
    """The skill whose id, name or a word of its name (a stem, so "loop" finds "Loops") the message uses."""
    text = message.lower()
    best: tuple[int, str] | None = None
    for skill, name in skills.items():
        keys = {skill.lower(), name.lower()} | {w for w in re.findall(r"[a-z]+", name.lower()) if len(w) > 4}
        for key in keys:
            stem = key[:-2] if key.endswith(("sses", "shes", "ches")) else key[:-1] if key.endswith("s") else key
            stem = stem[:-3] if stem.endswith("ie") else stem  # dictionaries -> dictionar
            if len(stem) >= 4 and re.search(rf"\b{re.escape(stem)}", text):
                if best is None or len(stem) > best[0]:
                    best = (len(stem), skill)
    return best[1] if best else None
