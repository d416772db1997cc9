"""The offline tutor's answer to a comparison: "what's the difference between a list and a tuple?"

Each side is taught from the notes: a side that names a skill by the opening of that skill's
note, any other side (a tuple, ``sorted``, ``extend``) by the sentences of the notes that use it.
Sentences that use both sides come first: where the notes already set the two side by side.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from engine.concepts import Concept, Concepts, prose_sentences
from engine.intents import topic_of

SIDE_BY_SIDE = "Where my notes mention both:"


def compare(pair: tuple[str, str], skills: Mapping[str, str], concepts: Concepts) -> list[str]:
    """Paragraphs that teach both sides of ``pair`` from the notes ([] when the notes know neither),
    and a question; ``skills``: skill id -> name, the skills a side may name."""
    notes = [n for n in map(concepts.get, concepts.skills()) if n is not None]
    patterns = [_pattern(side) for side in pair]
    named = [concepts.get(skill) if skill else None for skill in (topic_of(side, skills) for side in pair)]
    near = {n.skill for n in named if n is not None}
    # sentences using both: written as code first (the most precise), then from a note a side names
    both_ranked = sorted(((-sum(_as_code(side, s) for side in pair), note.skill not in near, s)
                          for note in notes for s in prose_sentences(note.idea) if all(p.search(s) for p in patterns)),
                         key=lambda ranked: ranked[:2])
    both = [s for *_, s in both_ranked]
    both = both[:1] if both and all(_as_code(side, both[0]) for side in pair) else both[:2]
    used = set(both)
    # a side that names a skill first: its note's opening; then the others from what is left
    sides: dict[int, str | None] = {}
    for k in sorted(range(2), key=lambda k: named[k] is None):
        sides[k] = _about(pair[k], patterns[k], named[k], notes, near, used)
    if all(about is None for about in sides.values()):
        return []
    parts = [f"{SIDE_BY_SIDE}\n\n> " + " ".join(both)] if both else []
    for k, side in enumerate(pair):
        about = sides[k]
        if about is None:
            parts.append(f"**{side.capitalize()}**: I have no note on “{side}” yet; the Python documentation has it.")
        elif about:
            parts.append(about)
    first, second = pair
    return [*parts, f"In your own words: when would you reach for “{first}”, and when for “{second}”?"]


def _about(side: str, pattern: re.Pattern[str], note: Concept | None, notes: list[Concept], near: set[str],
           used: set[str]) -> str | None:
    """One side in a paragraph: the opening of the note of the skill it names, else the sentences
    that use it (as code first, then in the notes of the skills compared). "" when what is
    already said (``used``, which the sentences said here join) uses it; None when no note does."""
    if note is not None:
        opening = [s for s in prose_sentences(note.idea) if s not in used][:2]
        used.update(opening)
        return f"**{note.name}.** " + " ".join(opening)
    if any(pattern.search(s) for s in used):
        return ""
    found = [(not _as_code(side, s), n.skill not in near, i, s)
             for i, n in enumerate(notes) for s in prose_sentences(n.idea) if pattern.search(s)]
    if not found:
        return None
    *_, index, _ = min(found)
    using = [s for *_, i, s in sorted(found) if i == index][:2]
    used.update(using)
    return f"**{side.capitalize()}**, from my notes on {notes[index].name}:\n\n> " + " ".join(using)


def _pattern(side: str) -> re.Pattern[str]:
    """A side's words in a sentence, singular or plural; a short word ("for", "in") only as code."""
    parts = []
    for word in side.lower().split():
        if len(word) < 4:
            parts.append(rf"(?=(?:[^`]*`[^`]*`)*[^`]*`[^`]*\b{re.escape(word)}\b)")  # inside a code span
            continue
        stem = word[:-3] if word.endswith("ies") else word[:-1] if word.endswith("s") and not word.endswith("ss") else word
        stem = stem[:-1] if stem.endswith("y") else stem
        parts.append(rf"(?=.*\b{re.escape(stem)}(?:s|es|y|ies)?\b)")
    return re.compile("".join(parts), re.I | re.S)


def _as_code(side: str, sentence: str) -> bool:
    """Whether a sentence writes the side as code: `sorted(items)`, `.sort()`."""
    word = re.compile(rf"\b{re.escape(side.split()[0])}\b", re.I)
    return any(word.search(span) for span in re.findall(r"`([^`]*)`", sentence))
