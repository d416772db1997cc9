"""The example queries of the analysts' guide (``docs/data.md``, "Example queries"), read from the
guide itself so that the Data page offers exactly what the guide shows, and a test runs them all;
and the chart each one is best seen as (``EXAMPLE_CHARTS``), the quick chart's defaults for it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

__all__ = ["EXAMPLE_CHARTS", "SECTION", "ChartSpec", "example_chart", "example_queries"]

SECTION = "## Example queries"
_EXAMPLE = re.compile(r"^(?P<title>[^\n`#][^\n]*?):?\s*\n+```sql\n(?P<sql>.*?)\n```", re.M | re.S)


@dataclass(frozen=True)
class ChartSpec:
    """How to draw a query's result: a column across, one up, optionally one splitting it into series
    (a line or a colour each), and the mark."""

    x: str
    y: str
    colour: str | None = None
    mark: Literal["bar", "line", "point"] = "bar"


# by the guide's title of each example; a test checks every title is in the guide and every column in its result
EXAMPLE_CHARTS: dict[str, ChartSpec] = {
    "Pass rate and median time per exercise, hardest first": ChartSpec("title", "pass_rate"),
    "Weekly active learners": ChartSpec("week", "learners", mark="line"),
    # a line per starting week, over the weeks since: stacked bars added the weeks' learners together
    "Retention: of the learners who started in a week, how many still practise N weeks later":
        ChartSpec("weeks_later", "learners", colour="cohort_week", mark="line"),
    "A learning curve: success by attempt number within a skill":
        ChartSpec("attempt", "success", colour="skill", mark="line"),
    "Hints and success by authored difficulty": ChartSpec("difficulty", "hints_per_try"),
    "Authored against calibrated difficulty": ChartSpec("authored", "calibrated", mark="point"),
}


def example_queries(guide: Path) -> dict[str, str]:
    """Title (the sentence above each query, without its colon) -> SQL without the final ";".
    Empty when the guide or its section is missing: the examples are a help, not a need."""
    try:
        text = guide.read_text(encoding="utf-8")
    except OSError:
        return {}
    if SECTION not in text:
        return {}
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return {m["title"].strip(): m["sql"].strip().removesuffix(";") for m in _EXAMPLE.finditer(section)}


def example_chart(examples: dict[str, str], sql: str) -> ChartSpec | None:
    """The chart of the example whose SQL this is (as the guide has it, give or take spaces around it and a
    final ";"), or None: a query of the user's own gets the quick chart's general defaults."""
    typed = (sql or "").strip().removesuffix(";").strip()
    title = next((t for t, text in examples.items() if text == typed), None)
    return EXAMPLE_CHARTS.get(title) if title else None
