"""Concept notes: a short page per skill that the tutor teaches from (``data/concepts/<skill>.md``).

A note reads::

    # <Skill name>
    ## The idea           a few paragraphs
    ## First example      a fenced python block of a few short lines on the idea's basics, narrow
                          enough for the tutor's column (``FIRST_EXAMPLE_WIDTH``): what a beginner is shown
    ## Example            a fenced python block (and optional prose)
    ## Common mistakes    a bullet list
    ## Questions to ask yourself   a bullet list
    ## Words              a bullet list of short definitions: ``- **term** (also **variant**): definition``
                          (``engine.glossary``); the tutor answers "what is an attribute?" with them

Notes are optional: a missing or malformed note gives ``None`` and the tutor teaches without it. A
missing section other than the idea is empty (``""`` or ``()``): a note without a first example
still parses, and the tutor falls back on the full example. A malformed entry of the words is
skipped, with a warning.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from engine.glossary import Word, parse_word, stem, term_key

log = logging.getLogger(__name__)

_SECTIONS = {"the idea": "idea", "first example": "first_example", "example": "example",
             "common mistakes": "mistakes", "questions to ask yourself": "questions", "words": "words"}
# the tutor's column beside the exercise holds about 30 monospace characters at 1280 px (measured in the
# browser: 34 needed 318 px of its 288): a first example's lines fit in it, comments and all
FIRST_EXAMPLE_WIDTH = 30
_FENCE = re.compile(r"```[a-zA-Z]*\n(.*?)```", re.DOTALL)
_ERROR_KIND = re.compile(r"\s*([A-Z][A-Za-z]*(?:Error|Exception|Iteration|Exit))\b")
_WORD = re.compile(r"[a-z_]+")
_COMMON = frozenset("that this with your from when what which there their then than them they have will would "
                    "should could does into only more also just like some each every item items value values where want wants "
                    "function code test tests".split())


@dataclass(frozen=True)
class Concept:
    """One skill's note, parsed. ``example`` is the code of the example's fenced block;
    ``first_example`` the code of the first example's, a few short lines for beginners ("" when the
    note has none)."""

    skill: str
    name: str
    idea: str
    example: str
    example_text: str
    mistakes: tuple[str, ...]
    questions: tuple[str, ...]
    words: tuple[Word, ...] = ()
    first_example: str = ""

    def word(self, term: str) -> Word | None:
        """The entry of this note's words that ``term`` ("attributes", "an iterable") names, if any."""
        key = term_key(term)
        return next((w for w in self.words if key in w.keys), None) if key else None

    def matching_mistake(self, failure: str, question: str = "") -> str | None:
        """The common mistake that best shares words with the ``failure`` (an error message and
        its explanation) and the learner's ``question``: each shared word weighs 1 / the number of
        mistakes of the note that use it, so distinctive words count. None below a weight of 1.5,
        and None for a mistake that shares no word with the failure itself: a question's "check"
        or "first" alone says nothing about what went wrong. A crash ("AttributeError: …") gets the
        mistake that names its error, if one does: an error's explanation is general advice whose
        words would match any mistake."""
        crash = _ERROR_KIND.match(failure)
        if crash:
            return next((m for m in self.mistakes if re.search(rf"\b{crash.group(1)}\b", m)), None)
        words_of = [set(_words(m)) for m in self.mistakes]
        counts: dict[str, int] = {}
        for words in words_of:
            for w in words:
                counts[w] = counts.get(w, 0) + 1
        failure_words = set(_words(failure))
        clue_words = failure_words | set(_words(question))
        best, score = None, 1.49
        for mistake, words in zip(self.mistakes, words_of, strict=True):
            weight = sum(1 / counts[w] for w in words & clue_words)
            if weight > score and words & failure_words:
                best, score = mistake, weight
        return best


def prose_sentences(markdown: str) -> list[str]:
    """The prose sentences of markdown (a note's idea, an exercise's instructions): no headings, no code blocks."""
    prose = re.sub(r"```.*?```", "\n\n", markdown, flags=re.S)
    blocks: list[str] = []
    for block in re.split(r"\n\s*\n|\n(?=\s*[-*] )", prose):
        lines = [line.strip() for line in block.splitlines() if line.strip() and not line.lstrip().startswith("#")]
        if lines:
            blocks.append(" ".join(lines).removeprefix("- ").removeprefix("* "))
    return [s for block in blocks for s in re.split(r"(?<=[.!?])\s+(?=[A-Z`\"(])", block) if s]


def _words(text: str) -> list[str]:
    return [stem(w) for w in _WORD.findall(text.lower()) if len(w) > 3 and w not in _COMMON]


def parse(skill: str, text: str) -> Concept:
    """Parse a note; ``ValueError`` if it has no title or no idea."""
    title = ""
    sections: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if line.startswith("# ") and not title:
            title = line[2:].strip()
        elif line.startswith("## "):
            current = _SECTIONS.get(line[3:].strip().lower().rstrip(":"))
            if current:
                sections[current] = []
        elif current:
            sections[current].append(line)
    body = {key: "\n".join(lines).strip() for key, lines in sections.items()}
    if not title or not body.get("idea"):
        raise ValueError(f"concept note {skill!r} needs a '# title' and a '## The idea' section")
    example_text = body.get("example", "")
    return Concept(skill=skill, name=title, idea=body["idea"], example=_code(example_text),
                   example_text=example_text, mistakes=_bullets(body.get("mistakes", "")),
                   questions=_bullets(body.get("questions", "")), words=_word_entries(skill, body.get("words", "")),
                   first_example=_code(body.get("first_example", "")))


def _code(text: str) -> str:
    """The code of the first fenced block of a section; "" without one."""
    fence = _FENCE.search(text)
    return fence.group(1).rstrip() if fence else ""


def _word_entries(skill: str, text: str) -> tuple[Word, ...]:
    """The entries of a ``## Words`` section; one not written as an entry is skipped, with a warning."""
    words = []
    for item in _bullets(text):
        word = parse_word(item)
        if word is None:
            log.warning("concept note %s: a word not written as '**term**: definition' skipped: %s", skill, item[:60])
        else:
            words.append(word)
    return tuple(words)


def _bullets(text: str) -> tuple[str, ...]:
    """The items of a markdown bullet list; a continuation line joins its item."""
    items: list[str] = []
    for line in text.splitlines():
        stripped = line.strip()
        if stripped[:2] in ("- ", "* "):
            items.append(stripped[2:].strip())
        elif stripped and items:
            items[-1] += " " + stripped
    return tuple(items)


class Concepts:
    """The notes in a folder, read on first use and kept."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = Path(folder) if folder is not None else None
        self._cache: dict[str, Concept | None] = {}

    def get(self, skill: str) -> Concept | None:
        """The note for ``skill``, or None when there is none (or it cannot be read)."""
        if skill not in self._cache:
            self._cache[skill] = self._load(skill)
        return self._cache[skill]

    def _load(self, skill: str) -> Concept | None:
        if self.folder is None or not re.fullmatch(r"[a-z0-9_-]+", skill):
            return None
        path = self.folder / f"{skill}.md"
        try:
            return parse(skill, path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as exc:
            log.warning("concept note %s skipped: %s", path, exc)
            return None

    def skills(self) -> list[str]:
        """The skills that have a note."""
        if self.folder is None or not self.folder.is_dir():
            return []
        return sorted(p.stem for p in self.folder.glob("*.md") if self.get(p.stem) is not None)

    def in_order(self, prefer: Sequence[str] = ()) -> list[Concept]:
        """Every note, those of the skills in ``prefer`` (an exercise's) first."""
        order = [*prefer, *(skill for skill in self.skills() if skill not in prefer)]
        return [note for note in map(self.get, order) if note is not None]

    def definition(self, term: str, prefer: Sequence[str] = ()) -> tuple[Concept, Word] | None:
        """The note and entry that define ``term``: from the notes of the skills in ``prefer`` (an
        exercise's) first, then from any note, since words cross skills; None when no note does."""
        for note in self.in_order(prefer):
            word = note.word(term)
            if word is not None:
                return note, word
        return None
