"""Takeout: a learner's own data to keep, as CSV files in a zip or as one JSON document.

Four tables, each holding only this learner's rows: their attempts (with the code they submitted),
their events from the activity log, the model's estimate of each skill, and their unlocked
achievements. Use ``Workbench.export_data``; it also logs the export.
"""

from __future__ import annotations

import io
import json
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Literal

import polars as pl

from engine.accounts import User
from engine.achievements import Achievements
from engine.clock import to_naive_utc
from engine.curriculum import Curriculum
from engine.learner import LearnerModel
from engine.progress import is_mastered, skill_level
from engine.store import Store

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
MEDIA_TYPES = {"csv": "application/zip", "json": "application/json", "pdf": "application/pdf"}
TABLES = ("attempts", "events", "skill_estimates", "achievements")


@dataclass(frozen=True)
class Takeout:
    """One learner's tables, ready to write in either format."""

    learner: dict[str, Any]
    exported_at: datetime
    tables: dict[str, pl.DataFrame]

    def csv(self) -> bytes:
        """A zip holding one CSV file per table (JSON columns stay JSON text)."""
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, frame in self.tables.items():
                archive.writestr(f"{name}.csv", frame.write_csv(datetime_format="%Y-%m-%dT%H:%M:%S%.fZ"))
        return buffer.getvalue()

    def json(self) -> bytes:
        """One JSON document: the learner, when, and each table as a list of objects (times in UTC)."""
        tables = {name: [_plain_row(row, name) for row in frame.iter_rows(named=True)]
                  for name, frame in self.tables.items()}
        document = {"learner": self.learner, "exported_at": _iso(self.exported_at), **tables}
        return json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")

    def encode(self, fmt: str) -> bytes:
        check_format(fmt)
        return self.csv() if fmt == "csv" else self.json()


def check_format(fmt: str) -> None:
    """``ValueError`` unless ``fmt`` is one of ``FORMATS``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}: choose one of {', '.join(FORMATS)}")


def collect(store: Store, model: LearnerModel, curriculum: Curriculum, achievements: Achievements,
            user: User, now: datetime) -> Takeout:
    """Read this learner's rows of every table."""
    learner = {"id": user.id, "username": user.username, "name": user.name, "role": user.role}
    user_id = user.id
    attempts = store.frame(
        "SELECT id, exercise_id, submitted_at, passed, status, tests_passed, tests_total, hints_used, duration_s, code "
        "FROM attempts WHERE user_id = $user_id ORDER BY submitted_at, id", {"user_id": user_id})
    events = store.frame("SELECT id, occurred_at, verb, object, result, context FROM events "
                         "WHERE user_id = $user_id ORDER BY occurred_at, id", {"user_id": user_id})
    estimates = [{"skill": e.skill, "name": curriculum.name(e.skill), "ability": e.ability, "sd": e.sd,
                  "evidence": e.evidence, "level": skill_level(e.ability), "mastered": is_mastered(e)}
                 for e in model.estimates(user_id).values()]
    skills = pl.DataFrame(estimates, schema={"skill": pl.String, "name": pl.String, "ability": pl.Float64,
                                             "sd": pl.Float64, "evidence": pl.Int64, "level": pl.Float64,
                                             "mastered": pl.Boolean})
    tables = {"attempts": attempts, "events": events, "skill_estimates": skills,
              "achievements": achievements.unlocked(user_id)}
    return Takeout(learner, to_naive_utc(now), tables)


def _plain_row(row: dict[str, Any], table: str) -> dict[str, Any]:
    plain = {k: _iso(v) if isinstance(v, datetime | date) else v for k, v in row.items()}
    if table == "events":  # the log's JSON columns as JSON, not as strings of JSON
        for column in ("result", "context"):
            plain[column] = json.loads(plain[column]) if plain[column] else None
    return plain


def _iso(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return to_naive_utc(moment).isoformat() + "Z"
    return moment.isoformat()
