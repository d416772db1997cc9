"""Analytics: named DuckDB queries over the activity log, each returned as a Polars frame.

Every figure on the Progress page and the cohort views is one ``Query`` here: its DuckDB text,
the same question in SQLite's dialect (the benchmark runs both on the same rows), and its scope.
Learner-scope queries take ``$user_id``; cohort-scope queries take ``$cohort_id`` and read
``cohort_members``. Both may take ``$since`` / ``$until`` (naive UTC timestamps), and those that count
days or weeks take ``$zone``, the time zone whose days they count (an IANA name; SQLite's twin counts
UTC days).
The queries themselves live by subject in ``engine/queries/``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl

from engine.store import Store

Scope = Literal["learner", "cohort"]


@dataclass(frozen=True)
class Query:
    """One analytics question. ``duckdb`` and ``sqlite`` must return the same rows and columns."""

    name: str
    scope: Scope
    duckdb: str
    sqlite: str
    description: str = ""

    @property
    def parameters(self) -> set[str]:
        """The names of the parameters the DuckDB text takes (``$name``)."""
        return set(re.findall(r"\$([A-Za-z_]\w*)", self.duckdb))

    def taking(self, values: dict[str, Any]) -> dict[str, Any]:
        """Of ``values``, those this query takes: DuckDB refuses a parameter the text does not name."""
        return {k: v for k, v in values.items() if k in self.parameters}


def run(store: Store, query: Query, **params: Any) -> pl.DataFrame:
    """Run ``query`` on the store with named parameters; the result as a Polars frame."""
    return store.frame(query.duckdb, params)


def all_queries() -> list[Query]:
    """Every registered query: what the benchmark times and the docs list."""
    from engine.queries import cohort, learner

    return [*learner.QUERIES, *cohort.QUERIES]


def query(name: str) -> Query:
    for candidate in all_queries():
        if candidate.name == name:
            return candidate
    raise KeyError(f"no analytics query named {name!r}")
