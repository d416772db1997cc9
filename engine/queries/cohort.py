"""Cohort-scope queries: a cohort's learners (``$cohort_id`` via ``cohort_members``), for educators."""

from __future__ import annotations

from engine.analytics import Query

QUERIES: list[Query] = []
