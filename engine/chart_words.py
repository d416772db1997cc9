"""The words of the charts' summaries: whom they speak to (``Voice``), counts that agree in number,
and figures as people read them (percents, levels, days, durations)."""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import date, datetime

from engine.clock import in_zone


@dataclass(frozen=True)
class Voice:
    """Whom a summary speaks to: the learner reading their own progress ("You have practised…"),
    or an educator reading about one of their learners ("Ana has practised…")."""

    subject: str = "you"
    possessive: str = "your"
    have: str = "have"
    objective: str = "you"

    @classmethod
    def about(cls, name: str) -> Voice:
        return cls(subject=name, possessive="their", have="has", objective="them")

    @property
    def opening(self) -> str:
        """The subject at the start of a sentence."""
        return self.subject[:1].upper() + self.subject[1:]


YOU = Voice()


def wrap(text: str, width: int = 95) -> list[str]:
    """A summary as lines short enough for a chart's subtitle (Vega-Lite does not wrap text)."""
    return textwrap.wrap(text, width) or [""]


def count(n: int, noun: str) -> str:
    """``n`` and the noun, singular for one ("1 learner", "20 learners", "3 tries")."""
    plural = {"try": "tries"}.get(noun, noun + "s")
    return f"{n:,} {noun if n == 1 else plural}"


def number(x: float) -> str:
    """A count that may be a median of two: "16", or "16.5", never rounded to a value no learner has."""
    return f"{x:,.1f}".removesuffix(".0")


def percent(share: float) -> str:
    return f"{round(100 * share)}%"


def level(level: float) -> str:
    return f"{max(1.0, min(10.0, level)):.0f}"


def day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%B %Y}"


def dated(day: date) -> str:
    """A day as every page writes it: 5 Nov 2026 (no leading zero, the month by name: read alike everywhere)."""
    return f"{day.day} {day:%b %Y}"


def timed(moment: datetime, zone: str | None = None) -> str:
    """A moment as every page writes it: 5 Nov 2026, 14:05 UTC; in ``zone`` (the reader's time zone)
    with its abbreviation: 5 Nov 2026, 15:05 CET, or its offset where it has none (UTC-03). A naive
    moment is UTC, as the store keeps it."""
    local = in_zone(moment, zone)
    return f"{dated(local)}, {local:%H:%M} {zone_abbreviation(local)}"


def zone_abbreviation(moment: datetime) -> str:
    """The abbreviation of an aware moment's zone then (CET in winter, CEST in summer), or its offset
    from UTC where the zone has no letters for it ("-03" reads as UTC-03)."""
    name = moment.strftime("%Z")
    return f"UTC{name}" if name[:1] in "+-" else name


def duration(minutes: float) -> str:
    minutes = round(minutes)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return count(rest, "minute")
    return count(hours, "hour") + (f" {count(rest, 'minute')}" if rest else "")

