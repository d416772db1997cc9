"""Time in one place: the engine stores naive UTC timestamps and hands out aware ones, and a
learner's days are those of their own time zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from functools import cache
from zoneinfo import ZoneInfo, available_timezones


def utcnow() -> datetime:
    """Now, as a timezone-aware UTC datetime."""
    return datetime.now(UTC)


def to_naive_utc(moment: datetime | None) -> datetime:
    """A datetime as the store keeps it: UTC without a zone. Naive input is taken as UTC."""
    if moment is None:
        moment = utcnow()
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return moment


def to_aware_utc(moment: datetime) -> datetime:
    """A stored (naive UTC) datetime as a timezone-aware one."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


# -- a learner's own days ------------------------------------------------------------------------
# "Today" (today's set, "seen today", streaks, the calendar) is the learner's day, in the time
# zone they are in: a learner in Auckland who practises at breakfast must not find yesterday's
# set. Stored times stay UTC; a zone only decides where a day begins.

DEFAULT_TIME_ZONE = "UTC"  # for a learner whose zone is not known yet


@cache
def time_zones() -> tuple[str, ...]:
    """Every IANA time zone name this machine knows (the system's or the ``tzdata`` package's),
    UTC first, then alphabetically."""
    return (DEFAULT_TIME_ZONE, *sorted(available_timezones() - {DEFAULT_TIME_ZONE, "localtime", "Factory"}))


@cache
def _known() -> frozenset[str]:
    return frozenset(time_zones())


def valid_time_zone(name: object) -> str:
    """``name`` if it is an IANA time zone ("Europe/Paris"), else ``ValueError`` saying so."""
    if isinstance(name, str) and name.strip() in _known():
        return name.strip()
    raise ValueError(f"{name!r} is not a time zone: use a name such as Europe/Paris or America/New_York")


def zone(name: str | None) -> ZoneInfo:
    """The zone of that name; UTC for None (not known yet)."""
    return ZoneInfo(name or DEFAULT_TIME_ZONE)


def in_zone(moment: datetime, name: str | None) -> datetime:
    """An aware (or naive UTC) moment as the wall time of the zone ``name``."""
    return to_aware_utc(moment).astimezone(zone(name))


def local_day(moment: datetime, name: str | None) -> date:
    """The day it was, in the zone ``name``, at that moment."""
    return in_zone(moment, name).date()


def day_bounds(day: date, name: str | None) -> tuple[datetime, datetime]:
    """The day's first moment and the next day's, in the zone ``name``, as the store keeps times
    (naive UTC): a day is ``start <= t < end``. Not always 24 hours apart (summer time)."""
    start = datetime.combine(day, time(), tzinfo=zone(name))
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone(name))
    return to_naive_utc(start), to_naive_utc(end)


def calendar_days(moment: datetime, now: datetime) -> int:
    """Days from ``moment``'s day to ``now``'s, in ``now``'s time zone (the learner's wall time): a week
    away is seven of their midnights, whatever the hours; 0 on the same day."""
    return (now.date() - moment.astimezone(now.tzinfo).date()).days
