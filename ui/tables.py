"""Tables that stay readable in a narrow main column (a 1000 px window with the sidebar open leaves
the page about 540 px): row heights that let long texts wrap instead of being cut off."""

from __future__ import annotations

import textwrap
from collections.abc import Iterable

WRAPS_ABOVE = 64  # px: Streamlit's tables wrap a cell's text only in rows taller than 4rem
LINE = 20  # px a wrapped line of the tables' 14 px text takes
PADDING = 14  # px above and below the lines
MOMENT = "D MMM YYYY, HH:mm"  # a moment in a table's column, as ``engine.chart_words.timed`` writes it (in the data's zone)


def lines(text: str, chars_per_line: int) -> int:
    """How many lines ``text`` takes wrapped at ``chars_per_line``, between words as the tables wrap
    ("Maximiliana Featherstonehaugh-Okonkwo" takes three lines of 19, not two)."""
    return max(1, len(textwrap.wrap(text, chars_per_line)))


def wrapped_row_height(*columns: tuple[Iterable[str | None], int]) -> int | None:
    """A row height that shows the longest text of each column whole: ``columns`` are (texts, characters a
    line holds in the narrowest table the page should serve). None when each fits on one line, so short
    texts keep the usual row height."""
    most = max((lines(text, chars) for texts, chars in columns for text in texts if text), default=1)
    if most <= 1:
        return None
    return max(WRAPS_ABOVE + 1, PADDING + LINE * most)
