"""Time in one place: the engine stores naive UTC timestamps and hands out aware ones."""

from __future__ import annotations

from datetime import UTC, datetime


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
