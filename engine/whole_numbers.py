"""Whether a value given for a count or a level is a whole number."""

from __future__ import annotations

import numbers
from typing import TypeGuard


def is_whole(value: object) -> TypeGuard[int]:
    """An integer of any kind (numpy's too), but not a bool: ``True`` would pass for 1, and a float not at all,
    even 3.0, so that a count or a level is never rounded without a word."""
    return isinstance(value, numbers.Integral) and not isinstance(value, bool)
