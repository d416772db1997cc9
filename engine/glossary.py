"""Words: the short definitions of terms that the concept notes give in their ``## Words`` section.

An entry reads ``- **term** (also **variant**, **variant**): definition``; the variants are
optional. A learner's word finds its entry by its key (``term_key``): lower case, without an
article, backticks, stars or call brackets, hyphens read as spaces, each word singular. So
"attributes", "an iterable", "`__init__`" and "dunder methods" find their entries, while the
match stays exact: "setup" does not find "set", nor "keyword argument" find "key".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

_TERM = r"`[^`]+`|[^*`]+"
_ENTRY = re.compile(rf"\*\*(?P<term>{_TERM})\*\*(?:\s*\(also\s+(?P<variants>[^)]*)\))?:\s*(?P<definition>\S.*)", re.S)
_VARIANT = re.compile(rf"\*\*({_TERM})\*\*")
_LEADING = ("a ", "an ", "the ", "python ")  # "a python dictionary" asks about a dictionary
# plurals that dropping an "s" does not undo, and a singular that looks like a plural
_IRREGULAR = {"indices": "index", "indexes": "index", "matrices": "matrix", "vertices": "vertex", "alias": "alias",
              "aliases": "alias"}


@dataclass(frozen=True)
class Word:
    """One entry of a note's words: ``term`` as the note writes it ("attribute", "`__init__`")."""

    term: str
    definition: str
    variants: tuple[str, ...] = ()

    @cached_property
    def keys(self) -> frozenset[str]:
        """The keys a learner's word must have to find this entry: the term's and its variants'."""
        return frozenset(filter(None, map(term_key, (self.term, *self.variants))))

    @property
    def heading(self) -> str:
        """The term as a reply names it: capitalised, unless it is code ("`__init__`")."""
        return self.term if self.term.startswith("`") else self.term[:1].upper() + self.term[1:]

    @property
    def text(self) -> str:
        """The entry as a paragraph of a reply: "**Attribute**: a name stored on an object …"."""
        return f"**{self.heading}**: {self.definition}"


def parse_word(item: str) -> Word | None:
    """The entry of one bullet of a ``## Words`` section; None when it is not written as one."""
    found = _ENTRY.fullmatch(item.strip())
    if not found or not term_key(found.group("term")):
        return None
    variants = tuple(_VARIANT.findall(found.group("variants") or ""))
    return Word(found.group("term").strip(), " ".join(found.group("definition").split()), variants)


def term_key(text: str) -> str:
    """The key of a word or phrase, for exact matching: "Dunder methods" -> "dunder method",
    "an f-string" -> "f string", "`**kwargs`" -> "kwarg", "`next()`" -> "next"."""
    text = text.lower().strip().strip("\"'`“”‘’?.!,;:").replace("`", "").replace("()", "")
    while text.startswith(_LEADING):
        text = text.split(" ", 1)[1]
    words = re.findall(r"[a-z0-9_]+", text.replace("-", " "))
    return " ".join(singular(w) for w in words)


def stem(word: str) -> str:
    """A crude stem for matching words of two texts: "included" meets "including", "values" "value"
    and "prints" "printed". Stems are for comparing, not for showing."""
    word = singular(word)
    for ending in ("ing", "ed", "ive", "ion", "e"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


def singular(word: str) -> str:
    """A plural word made singular, so "keys", "dictionaries" and "classes" meet their entries;
    other words as they are ("class", "bus", "is")."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "shes", "ches", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word
