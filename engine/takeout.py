"""Takeout: everything the workbench keeps about a learner, as CSV files in a zip or as one JSON
document.

The learner's account (never their password's hash) and current level head the document; then a
table each, holding only this learner's rows (``TABLES``): their interview answers, attempts (with
the code they submitted), drafts, events from the activity log, the model's estimate of each skill,
their level's history, the review schedule and daily sets the planner keeps for them, unlocked
achievements, tutor conversations and their messages, what the tutor remembers (the text of each
memory; Chroma holds only its vector), the exercises they asked a language model to write, their
cohorts and their settings. Everything is read from the store passed in (memories included: their
record is in DuckDB). Use ``Workbench.export_data``; it also logs the export.
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
from engine.spreadsheets import csv_bytes
from engine.store import Store

Format = Literal["csv", "json"]
FORMATS: tuple[Format, ...] = ("csv", "json")
MEDIA_TYPES = {"csv": "application/zip", "json": "application/json", "pdf": "application/pdf"}
TABLES = ("profile", "attempts", "drafts", "events", "skill_estimates", "level_history", "exercise_progress",
          "daily_sets", "achievements", "conversations", "conversation_messages", "memories", "generated_exercises",
          "cohorts", "preferences")
EDUCATOR_TABLES = ("cohorts_taught", "invitations")  # besides those, for an educator: what they run and made
# each table but the two built apart: its rows of this learner ($user_id), oldest first
_QUERIES = {
    "profile": "SELECT answers, steps_done, completed_at, updated_at FROM profiles WHERE user_id = $user_id",
    "attempts": "SELECT id, exercise_id, submitted_at, passed, status, tests_passed, tests_total, hints_used, duration_s, "
                "code FROM attempts WHERE user_id = $user_id ORDER BY submitted_at, id",
    "drafts": "SELECT exercise_id, code, hints_shown, started_at, updated_at, active_s FROM drafts WHERE user_id = $user_id "
              "ORDER BY started_at, exercise_id",
    "events": "SELECT id, occurred_at, verb, object, result, context FROM events WHERE user_id = $user_id "
              "ORDER BY occurred_at, id",
    "level_history": "SELECT changed_at, old_level, new_level, reason FROM level_changes WHERE user_id = $user_id "
                     "ORDER BY changed_at, rowid",
    "exercise_progress": "SELECT exercise_id, first_seen_at, last_seen_at, passes, fails, last_skipped_at, card, due_at "
                         "FROM exercise_progress WHERE user_id = $user_id ORDER BY first_seen_at, exercise_id",
    "daily_sets": "SELECT day, position, exercise_id, kind, reason, probability FROM daily_sets "
                  "WHERE user_id = $user_id ORDER BY day, position",
    "conversations": "SELECT id, title, exercise_id, created_at, updated_at FROM conversations WHERE user_id = $user_id "
                     "ORDER BY created_at, id",
    "conversation_messages": "SELECT m.id, m.conversation_id, m.role, m.content, m.created_at "
                             "FROM conversation_messages m JOIN conversations c ON c.id = m.conversation_id "
                             "WHERE c.user_id = $user_id ORDER BY m.conversation_id, m.id",
    "memories": "SELECT id, kind, text, skill, exercise_id, created_at FROM memories WHERE user_id = $user_id "
                "ORDER BY created_at, seq",
    "generated_exercises": "SELECT id, skill, status, reason, detail, exercise_id, draft, model, created_at "
                           "FROM generated_exercises WHERE user_id = $user_id ORDER BY created_at, id",
    "cohorts": "SELECT c.id AS cohort_id, c.name, m.joined_at FROM cohort_members m JOIN cohorts c ON c.id = m.cohort_id "
               "WHERE m.user_id = $user_id ORDER BY m.joined_at, c.id",
    "preferences": "SELECT name, value, updated_at FROM preferences WHERE user_id = $user_id ORDER BY name",
    # join and invitation codes are left out: keys that still open a cohort or an educator's account
    "cohorts_taught": "SELECT c.id AS cohort_id, c.name, c.created_at, count(m.user_id) AS learners FROM cohorts c "
                      "LEFT JOIN cohort_members m ON m.cohort_id = c.id WHERE c.educator_id = $user_id "
                      "GROUP BY c.id, c.name, c.created_at ORDER BY c.created_at, c.id",
    "invitations": "SELECT id, created_at, expires_at, used_at, revoked_at FROM educator_invitations "
                   "WHERE user_id = $user_id ORDER BY created_at, id",
}
# columns of JSON: JSON text in a CSV file, JSON itself in the JSON document
_JSON_COLUMNS = {"profile": ("answers",), "events": ("result", "context"), "exercise_progress": ("card",),
                 "generated_exercises": ("draft",)}


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
                archive.writestr(f"{name}.csv", csv_bytes(frame, datetime_format="%Y-%m-%dT%H:%M:%S%.fZ"))
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
    """Read this user's rows of every table (``TABLES``, and an educator's ``EDUCATOR_TABLES``), and their account."""
    level = model.level(user.id)
    registered = store.scalar("SELECT created_at FROM users WHERE id = ?", [user.id])
    learner = {"id": user.id, "username": user.username, "name": user.name, "email": user.email, "role": user.role,
               "registered_at": _iso(registered), "time_zone": user.time_zone, "level": level.value,
               "level_pinned": level.pinned}
    estimates = [{"skill": e.skill, "name": curriculum.name(e.skill), "ability": e.ability, "sd": e.sd,
                  "evidence": e.evidence, "level": skill_level(e.ability), "mastered": is_mastered(e)}
                 for e in model.estimates(user.id).values()]
    skills = pl.DataFrame(estimates, schema={"skill": pl.String, "name": pl.String, "ability": pl.Float64,
                                             "sd": pl.Float64, "evidence": pl.Int64, "level": pl.Float64,
                                             "mastered": pl.Boolean})
    names = TABLES + (EDUCATOR_TABLES if user.role == "educator" else ())
    read = {name: store.frame(_QUERIES[name], {"user_id": user.id}) for name in names if name in _QUERIES}
    tables = {name: skills if name == "skill_estimates" else achievements.unlocked(user.id) if name == "achievements"
              else read[name] for name in names}
    return Takeout(learner, to_naive_utc(now), tables)


def _plain_row(row: dict[str, Any], table: str) -> dict[str, Any]:
    plain = {k: _iso(v) if isinstance(v, datetime | date) else v for k, v in row.items()}
    for column in _JSON_COLUMNS.get(table, ()):  # as JSON, not as strings of JSON
        plain[column] = json.loads(plain[column]) if plain[column] else None
    return plain


def _iso(moment: datetime | date) -> str:
    if isinstance(moment, datetime):
        return to_naive_utc(moment).isoformat() + "Z"
    return moment.isoformat()
