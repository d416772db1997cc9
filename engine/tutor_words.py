"""Words a learner asks about ("what is an attribute?"): how the instructions use a word, the
paragraphs of the notes that do, and the questions to close on. The definitions themselves are the
notes' ``## Words`` (``engine.glossary``); ``engine.offline_tutor`` puts the reply together."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from engine.bank import Exercise
from engine.concepts import Concept, Concepts, prose_sentences
from engine.glossary import Word, singular


def word_questions(term: str, exercise: Exercise, *, quoted: bool) -> list[str]:
    """Questions about a word just explained, grounded in the exercise: the instructions' own example
    when they use the word; where it could come in when the exercise's code does; else a line of the
    learner's own (a word this exercise never needs must not send them looking for it in it)."""
    if quoted:
        return [f"How would you explain “{term}” in your own words, using the first example in the instructions?",
                f"Where in your code for this exercise does “{term}” come in, and what does it hold there?"]
    code = f"{exercise.starter}\n{exercise.tests}"
    if (wanted := word_patterns(term)) and all(p.search(code) for p in wanted):
        return [f"Where in this exercise could “{term}” come in, and what would it do for you there?",
                f"Can you write one line of your own that uses “{term}”, and say what it does?"]
    return [f"Can you write one line of your own that uses “{term}”, and say what it does?",
            f"Where have you met “{term}”: in an exercise, in a test's message, or in code of your own?"]


def look_up(term: str | None, exercise: Exercise, concepts: Concepts, word: Word | None = None) -> list[str]:
    """How the instructions use ``term`` (up to two sentences that use all its words), or the term of
    its definition ``word`` when the learner's wording is not in them. Without a definition, the
    paragraph of a concept note of the exercise's skills that uses ``term`` instead; [] when none does."""
    quoted = quote(term, exercise)
    if not quoted and word is not None:
        quoted = quote(word.term.strip("`"), exercise)
    if quoted or word is not None:  # a definition says more than a paragraph of a note that happens to use the word
        return quoted
    found = next(paragraphs_using(term, filter(None, map(concepts.get, exercise.skills))), None)
    return [f"From my notes on {found[0]}:", found[1]] if found else []


def quote(term: str | None, exercise: Exercise) -> list[str]:
    """Up to two sentences of the instructions that use all the words of ``term``, quoted; [] when none does."""
    patterns = word_patterns(term)
    if not patterns:
        return []
    sentences = [s for s in prose_sentences(exercise.instructions) if all(p.search(s) for p in patterns)]
    # a list's lead-in ("… with three attributes:") says little without its list: whole sentences first
    sentences.sort(key=lambda s: s.rstrip().endswith(":"))
    if not sentences:
        return []
    # each its own paragraph of the quote: two places of the instructions, not one sentence
    return [f"{IN_INSTRUCTIONS} “{term}”:", "\n>\n".join("> " + s for s in sentences[:2])]


def word_patterns(term: str | None) -> list[re.Pattern[str]]:
    """The words of ``term`` to look for, each as a whole word with the endings of English ("attributes",
    "dictionaries", "iterated"), and no longer word that starts with it: "set" is not "settings"."""
    words = [singular(w) for w in re.findall(r"[a-z0-9_]+", (term or "").lower()) if len(w) > 2 and w not in _LOOKUP_STOP]
    return [re.compile(rf"\b{re.escape(w[:-1])}(?:y|ies)\b" if w.endswith("y") else rf"\b{re.escape(w)}(?:s|es|d|ed|ing)?\b",
                       re.I) for w in words]


IN_INSTRUCTIONS = "Here is how the instructions use"
_LOOKUP_STOP = frozenset("the and for with what does mean means this that are was its".split())


def paragraphs_using(term: str | None, notes: Iterable[Concept]) -> Iterator[tuple[str, str]]:
    """The paragraphs of the ``notes``' ideas that use every word of ``term``, quoted, each with its
    note's name, in the notes' order."""
    wanted = word_patterns(term)
    if not wanted:
        return
    for note in notes:
        for paragraph in note.idea.split("\n\n"):
            if all(p.search(paragraph) for p in wanted):
                yield note.name, "> " + " ".join(paragraph.split())
