"""Intents: what a learner's message to the tutor asks for, recognised without a language model.

The offline tutor answers differently when a learner is stuck, asks what an error means, asks
for a concept or a word of the instructions to be explained, wants their approach checked, or
asks for the answer (which it kindly declines). Whether the message asks for help (a hint, a
next step) is recognised on its own, since "why does it fail? can you help?" asks for both.
Recognition is by phrases and keywords: simple, predictable and fast.
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
    (ERROR, re.compile(  # case-insensitive but for the names of errors ("TypeError", not "terror")
        r"\b((?i:error|exception|traceback|fails?|failing|failed|broken|crash\w*|wrong (result|answer|output)|"
        r"(does ?n[o']t|not) work(ing)?|time[sd]? ?out|timing out|too slow|takes? (too|so) long|"
        r"never (ends|finishes|stops)|endless|infinite|"
        r"expected .{1,40} got|why|what does .{0,40} mean|wrong|what('s| is) (going on|happening)|"
        # "what does my code return for 'banana'?": about the learner's own code, which the last run shows
        r"what (does|do|did|will|would) (my|this|the) (code|function|program|solution) (return|give|output|print|do))|"
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
        # "how do I start?" asks for a way on; "how do I get better at Python?" is no plea about the exercise
        r"how (do|should|can) i (start|begin|fix|solve|pass|approach|handle|finish|continue|proceed|go on|"
        r"do (it|this|that)|make (it|this|that)|get (it|this|that|started))|what next|next step|can'?t)\b", re.I | re.S)),
    (THANKS, re.compile(r"^\s*(thanks?( you)?|thx|cheers|great|got it|that helped|ok(ay)?)[.! ]*$", re.I)),
]


# asking for a hint or what to do next; "help me understand X" asks for an explanation, not a hint
_HELP = re.compile(
    r"\b(hint|clue|nudge|stuck|help(?!\s+me\s+(understand|see)\b)|i give up|what (now|next)|"
    r"what (do|should|can) i (do|try)|next step|where (do|should|can) i (start|begin)|no idea (how|where|what to)|"
    # "I don't know what to do", "not sure how to start", "what am I supposed to do?": a plea, however worded
    r"what (to|i (should|must|need to|have to)) (do|try)|(how|where) to (start|begin|proceed|go on|tackle|approach)|"
    r"how to (do|solve|fix) (it|this|that)|what (am i|are we) (supposed|meant|expected) to do)\b",
    re.I)
# the word or phrase a clarifying question asks about: "what is a run?", "what does 'bare' mean?"
_TERM = re.compile(
    r"\b(?:what(?:'s| is| are)|what does|meaning of|define|(?:explain|tell me)(?:\s+(?:to me\s+)?what)?|tell me about|"
    r"(?:know|understand|sure|figure out|get|see) what)"
    # "what to do", "what I should write": what to do next, a plea for help, not a word to look up
    r"\s+(?!(?:to|i|we)\s)(?:an?\s+|the\s+)?[\"'`“‘]?(?P<term>\*{0,2}\w[\w\- ]{0,38}?)[\"'`”’]?"  # "*args" keeps its star
    r"(?:\s+(?:means?|is|are|stands? for|does|do))?(?=\s*(?:[?.!,;:]|$)|\s+(?:and|or|in|for|when|here)\b)", re.I)
_VAGUE_WORDS = frozenset("it this that these those wrong happening going on problem issue point answer solution next up "
                         "matter my code mistake error question difference you i me here there".split())
# words for the exercise itself: "what does the test for retries expect?" asks about this exercise's
# tests, not about a concept called "test" (the names of skills, such as "function", stay concepts)
_OWN_CODE = re.compile(r"(my|this|the) (code|function|program|solution)\b", re.I)
_ABOUT_OWN_CODE = re.compile(r"\b(my|this|the) (code|function|program|solution) (returns?|gives?|outputs?|prints?|does|do)\b",
                             re.I)
_EXERCISE_WORDS = frozenset("test tests testcase testcases exercise exercises task instructions assignment program".split())


@dataclass(frozen=True)
class Intent:
    """``kind``: one of the constants above, or "other"; ``topic``: the skill a concept question names;
    ``term``: the word a clarifying question asks about ("run" in "what is a run?"); ``help``: the
    message asks for a hint or what to do next ("I'm stuck", "can I have a hint?"); ``pair``: the
    two things a comparison names ("the difference between a list and a tuple")."""

    kind: str
    topic: str | None = None
    term: str | None = None
    help: bool = False
    pair: tuple[str, str] | None = None  # the two things a comparison asks about ("list", "tuple")


def recognise(message: str, skills: Mapping[str, str] | None = None) -> Intent:
    """The intent of ``message``; ``skills`` (id -> name) lets "explain recursion" find its skill."""
    topic = topic_of(message, skills or {})
    term = asked_term(message)
    wants_help = asks_for_help(message)
    pair = compared_pair(message)
    if pair is not None and not _mentions_error(message) and not _PATTERNS[0][1].search(message):
        return Intent(CONCEPT, topic, term, wants_help, pair)  # a comparison is a concept question
    for kind, pattern in _PATTERNS:
        if pattern.search(message):
            if kind == CONCEPT and topic is None and term is None and not re.search(r"\b(explain|teach me)\b", message, re.I):
                continue  # "what is this?": not a topic to explain
            if kind in (ERROR, STUCK) and (topic or term) and _mentions_concept(message) and not _reports_error(message) \
                    and not _ABOUT_OWN_CODE.search(message):  # "what does my function give?": no lesson on functions
                # "what does 'bare' mean?", "no idea what a run is", "what is an exception?"
                return Intent(CONCEPT, topic, term, wants_help)
            return Intent(kind, topic, term, wants_help)
    if term is not None or (topic is not None and len(message.split()) <= 4):  # "what's a run?", "recursion?"
        return Intent(CONCEPT, topic, term, wants_help)
    return Intent("other", topic, term, wants_help)


def asks_for_help(message: str) -> bool:
    """Whether ``message`` asks for a hint or for what to do next: only then does the tutor give one."""
    return bool(_HELP.search(message))


def asked_term(message: str) -> str | None:
    """The word or short phrase a clarifying question asks about ("run" in "What is a run?"), or
    None when there is none or it is too vague to look up ("what is this?", "what's wrong?")."""
    found = _TERM.search(message)
    if not found:
        return None
    term = " ".join(found.group("term").split()).strip("-")
    words = re.findall(r"[\w-]+", term.lower())
    head = next((w for w in words if w not in _VAGUE_WORDS and len(w) >= 2), None)  # "exercise" in "this exercise"
    if head is None or head in _EXERCISE_WORDS or _OWN_CODE.match(term):  # "what does my code return": no word
        return None
    return term


# "the difference between a list and a tuple", "compare lists with tuples", "list vs tuple", "how is
# a generator different from a list": a word or two each side
_SIDE = r"(?:an?\s+|the\s+)?[\"'`“‘]?(?P<{}>[a-z_][\w\-]*(?:\s+[a-z_][\w\-]*)?)[\"'`”’]?"
_COMPARE = re.compile(
    rf"\b(?:differen(?:ce|ces|t)|differ)\s+(?:between|from)\s+{_SIDE.format('a')}\s+(?:and|from)\s+{_SIDE.format('b')}"
    rf"(?=\s*(?:[?.!,;:]|$)|\s+(?:in|for|when)\b)|"
    rf"\bcompar(?:e|ing)\s+{_SIDE.format('c')}\s+(?:and|with|to)\s+{_SIDE.format('d')}(?=\s*(?:[?.!,;:]|$))|"
    rf"\b(?P<e>[a-z_][\w\-]*)\s+(?:vs\.?|versus)\s+{_SIDE.format('f')}(?=\s*(?:[?.!,;:]|$))|"
    rf"\b{_SIDE.format('g')}\s+(?:is\s+|are\s+)?differ(?:ent|s)?\s+(?:from|to)\s+{_SIDE.format('h')}(?=\s*(?:[?.!,;:]|$))",
    re.I)


_NOT_COMPARED = frozenset("what how is are was were example examples output result results expected yesterday before "
                          "last time one other".split())


def compared_pair(message: str) -> tuple[str, str] | None:
    """The two things a comparison asks about, or None when the message compares nothing."""
    found = _COMPARE.search(message)
    if not found:
        return None
    first, second = _sides(found)
    words = {w for side in (first, second) for w in side.lower().split()}
    if words & (_VAGUE_WORDS | _NOT_COMPARED) or first.lower() == second.lower():
        return None  # "my code is different from the example": not two things to teach
    return first, second


def _sides(found: re.Match[str]) -> tuple[str, str]:
    for a, b in (("a", "b"), ("c", "d"), ("e", "f"), ("g", "h")):
        if found.group(a):
            return " ".join(found.group(a).split()), " ".join(found.group(b).split())
    raise AssertionError("the pattern matched without sides")


def _mentions_concept(message: str) -> bool:
    return bool(_PATTERNS[2][1].search(message) or _TERM.search(message))


def _mentions_error(message: str) -> bool:
    return bool(re.search(r"\b(error|exception|traceback|fail\w*|[A-Z][a-z]+Error)\b", message))


# a question about what something is, up to the end of its clause: "what is an exception", "how do
# exceptions work", "explain what a traceback is"; the words in it are what the learner asks about
_ASKING = re.compile(
    r"\b(?:what(?:'s| is| are| does)|explain|define|teach me|tell me about|remind me|meaning of|how (?:do|does)|"
    r"(?:know|understand|sure|figure out|get|see) what)\b[^?.!,;:\n]*?(?=[?.!,;:\n]|\b(?:and|but|because|when|if|so)\b|$)",
    re.I)
_ERROR_WORD = re.compile(r"\b((?i:error|exception|traceback|fail\w*)|[A-Z][a-z]+Error)\b")
_DEFINITE = re.compile(r"\b(the|this|that|these|those|my|our|your|its)\s+$", re.I)


def _reports_error(message: str) -> bool:
    """Whether ``message`` reports an error rather than asks what one is: it names an error
    ("TypeError"), or an error word stands outside a question about what something is ("I get an
    exception") or points at the learner's own ("what does this exception mean?"). "What is an
    exception?" and "how do exceptions work?" report nothing."""
    asked = [m.span() for m in _ASKING.finditer(message)]
    for word in _ERROR_WORD.finditer(message):
        if word.group()[0].isupper() and word.group().endswith("Error"):
            return True  # "what is a KeyError?" comes from a run more often than not
        inside = any(start <= word.start() and word.end() <= end for start, end in asked)
        if not inside or _DEFINITE.search(message[:word.start()]):
            return True
    return False


def topic_of(message: str, skills: Mapping[str, str]) -> str | None:
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
