"""Text made safe to show in Streamlit's markdown: typed text shown as typed, and authored hints
shown as written, with their code spans and single-word emphasis kept.

Streamlit's markdown acts on emphasis, code, links, HTML, lists, headings, tables,
strikethrough, LaTeX ($), colour and icon directives (:red[...], :material/...:) and entities
(&): a hint's ``__init__`` came out as a bold "init", and ``p*p, p*p + p`` in italics.
"""

from __future__ import annotations

import re

_SPECIAL = re.compile(r"([\\`*_{}\[\]()<>#+\-.!|~$:&^])")
# what acts inside a sentence: emphasis, code, HTML, LaTeX, strikethrough, links, entities, tables,
# directives (":red[", ":material/"); a hint's full stops and brackets stay as they are
_INLINE = re.compile(r"([\\`*_<>$~\[\]&|]|:(?=\w+\[|material/))")
_CODE_SPAN = re.compile(r"(`+)(.+?)\1", re.S)
_EMPHASIS = re.compile(r"\\\*(\w+)\\\*")  # "*first*", once escaped


# Streamlit's markdown (GitHub's flavour) turns web addresses in text into links, escaped or not: it
# finds them in the text once the escapes are read. An invisible word joiner inside keeps them text.
WORD_JOINER = "\u2060"
_ADDRESS = re.compile(r"https?(?=://)|www(?=\.)", re.I)


def literal(text: str) -> str:
    """``text`` with every markdown character backslash-escaped, so it shows as typed: a cohort
    called ``**Bold** :red[x]`` reads just that, not bold and red, and a learner called
    ``see http://x.example`` plants no link on their educator's dashboard."""
    return _SPECIAL.sub(r"\\\1", _ADDRESS.sub(lambda found: found.group() + WORD_JOINER, text))


def authored(text: str) -> str:
    """An author's plain text (a hint) as markdown that shows it as written: code in backticks
    stays code, ``*word*`` stays emphasis, and everything else is literal (``__init__``,
    ``p*p``, ``*args``)."""
    shown, last = [], 0
    for span in _CODE_SPAN.finditer(text):
        shown += [_prose(text[last:span.start()]), span.group(0)]
        last = span.end()
    return "".join(shown + [_prose(text[last:])])


def _prose(text: str) -> str:
    return _EMPHASIS.sub(r"*\1*", _INLINE.sub(r"\\\1", text))
