"""Learner-scope queries: one learner's progress (``$user_id``), for the Progress page."""

from __future__ import annotations

from engine.analytics import Query

QUERIES: list[Query] = []
