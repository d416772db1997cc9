"""The facade's calls for educators and analysts: cohorts, their dashboards, a learner's
progress as an educator sees it, the SQL console and the exports of the activity log."""

from __future__ import annotations

from collections.abc import Callable
from functools import cached_property
from pathlib import Path

from engine.cohorts import Access, Cohort, Cohorts, Member
from engine.console import Console, ConsoleResult
from engine.dashboard import Dashboard, LearnerReport, RiskRules, build_dashboard, learner_report
from engine.events import Event
from engine.export import export_parquet, parquet_zip
from engine.facade.parts import Parts
from engine.views import scope_fingerprint
from engine.xapi import DEFAULT_BASE_IRI, export_xapi, xapi_gzip


class CohortCalls(Parts):
    """What the Cohorts and Data pages and the notebooks ask of the engine.

    Who may read what. A method whose first parameter is ``user_id`` acts *as* that user: the
    app passes the signed-in user's id and nothing else (tests/test_authorization.py checks the
    pages). Reading anybody else's data goes through a method that takes the acting user first
    (``educator_id`` or ``actor_id``) and asks ``self.access`` / ``self.cohort_book``, which raise
    ``AccessDenied``: an educator sees the learners of their own cohorts, a learner no one else."""

    @cached_property
    def cohort_book(self) -> Cohorts:
        return Cohorts(self.store, self.accounts, self.events)

    @cached_property
    def access(self) -> Access:
        return Access(self.store, self.accounts)

    def create_cohort(self, educator_id: int, name: str) -> Cohort:
        """A new cohort with a fresh join code; ``CohortError`` for a bad name, ``AccessDenied`` for a learner."""
        return self.cohort_book.create(educator_id, name, self.clock())

    def cohorts(self, educator_id: int) -> list[Cohort]:
        """The educator's cohorts with their join codes and member counts, oldest first."""
        return self.cohort_book.of_educator(educator_id)

    def cohort(self, educator_id: int, cohort_id: int) -> Cohort:
        """One of the educator's cohorts; ``AccessDenied`` if it is not theirs."""
        return self.cohort_book.owned(educator_id, cohort_id)

    def regenerate_join_code(self, educator_id: int, cohort_id: int) -> Cohort:
        """A new join code (the old one stops working; members stay)."""
        return self.cohort_book.regenerate_code(educator_id, cohort_id)

    def rename_cohort(self, educator_id: int, cohort_id: int, name: str) -> Cohort:
        """The cohort under a new name (the rules of ``create_cohort``); ``AccessDenied`` if it is not theirs."""
        return self.cohort_book.rename(educator_id, cohort_id, name, self.clock())

    def delete_cohort(self, educator_id: int, cohort_id: int) -> None:
        """Delete the cohort and its memberships (the learners' own data stays); ``AccessDenied`` if not theirs."""
        self.cohort_book.delete(educator_id, cohort_id, self.clock())

    def remove_from_cohort(self, educator_id: int, cohort_id: int, user_id: int) -> Cohort:
        """Take a learner out of the cohort (their own data stays; they may rejoin with the current code);
        ``AccessDenied`` if the cohort is not theirs, ``CohortError`` if the learner is not in it."""
        return self.cohort_book.remove(educator_id, cohort_id, user_id, self.clock())

    def cohort_members(self, educator_id: int, cohort_id: int) -> list[Member]:
        return self.cohort_book.members(educator_id, cohort_id)

    def cohorts_version(self, educator_id: int) -> int | None:
        """A number that changes whenever the learners ``educator_id`` may see change (a join, a leave, a
        cohort created, renamed or deleted): a key for what is kept of them, so that it is seen at once."""
        return scope_fingerprint(self.store, educator_id)

    def join_cohort(self, user_id: int, code: str) -> Cohort:
        """Join with a code from an educator ("ABCD-EFGH"; case, spaces and dashes do not matter)."""
        return self.cohort_book.join(user_id, code, self.clock())

    def leave_cohort(self, user_id: int, cohort_id: int) -> None:
        self.cohort_book.leave(user_id, cohort_id, self.clock())

    def memberships(self, user_id: int) -> list[tuple[Cohort, str]]:
        """The cohorts the learner is in, each with its educator's name."""
        return self.cohort_book.of_learner(user_id)

    def cohort_dashboard(self, educator_id: int, cohort_id: int, risk: RiskRules | None = None) -> Dashboard:
        """The cohort's dashboard as frames (activity, learners, at risk, items, mastery); its days are
        those of the educator's time zone."""
        cohort = self.cohort_book.owned(educator_id, cohort_id)
        members = self.cohort_book.members(educator_id, cohort_id)
        return build_dashboard(self.store, cohort, members, self.bank, self.curriculum, self.clock(), risk=risk,
                               zone=self.accounts.require(educator_id).time_zone)

    def learner_progress_for(self, actor_id: int, learner_id: int, limit: int = 200) -> LearnerReport:
        """One learner's progress, read-only, for themself or an educator of one of their cohorts."""
        learner = self.access.check_read(actor_id, learner_id)
        return learner_report(self.store, self.model, self.curriculum, self.bank, learner, self.clock(), limit)


    def data_console(self, educator_id: int, *, row_limit: int = 10_000, timeout_s: float = 10.0) -> Console:
        """A read-only SQL console over the analytics views of the educator's cohorts (a snapshot
        taken now; open another to refresh). ``AccessDenied`` for learners."""
        self.cohort_book.of_educator(educator_id)  # educators only
        return Console.open(self.store, self.bank, educator_id, row_limit=row_limit, timeout_s=timeout_s)

    def query_data(self, educator_id: int, console: Console, sql: str, limit: int | None = None) -> ConsoleResult:
        """Run one SELECT on the educator's console; logged as "queried-data" (the text, not the rows)."""
        try:
            result = console.run(sql, limit)
        finally:
            self.events.append(Event(educator_id, "queried-data", None, None, {"sql": (sql or "")[:2000]}))
        return result

    def snapshot(self, directory: str | Path, educator_id: int | None = None,
                 progress: Callable[[int, int], None] | None = None) -> dict[str, int]:
        """Write the analytics tables as Parquet to ``directory`` (replaced whole, never half-written),
        for notebooks to read while the app runs. ``educator_id``: only their cohorts' learners."""
        if educator_id is not None:
            self.cohort_book.of_educator(educator_id)
        counts = export_parquet(self.store, self.bank, directory, educator_id=educator_id, progress=progress)
        self.events.append(Event(educator_id, "exported-data", "parquet", {"rows": counts}))
        return counts

    def snapshot_zip(self, educator_id: int | None = None, progress: Callable[[int, int], None] | None = None) -> bytes:
        """The ``snapshot`` as the bytes of one zip (the same files and scope, plus a README.txt),
        for a browser to download. ``educator_id``: only their cohorts' learners."""
        if educator_id is not None:
            self.cohort_book.of_educator(educator_id)
        data, counts = parquet_zip(self.store, self.bank, educator_id=educator_id, progress=progress, taken_at=self.clock())
        self.events.append(Event(educator_id, "exported-data", "parquet-zip", {"rows": counts, "bytes": len(data)}))
        return data

    def xapi_download(self, educator_id: int, base_iri: str = DEFAULT_BASE_IRI) -> bytes:
        """The xAPI statements of the educator's cohorts' learners (as ``export_xapi`` writes them), gzipped, for
        a browser to download. ``base_iri``: the app's address, which names the accounts and the activities."""
        self.cohort_book.of_educator(educator_id)
        data, written = xapi_gzip(self.store, self.bank, base_iri=base_iri, educator_id=educator_id)
        self.events.append(Event(educator_id, "exported-data", "xapi-gzip", {"statements": written, "bytes": len(data)}))
        return data

    def export_xapi(self, path: str | Path, base_iri: str = DEFAULT_BASE_IRI,
                    progress: Callable[[int, int], None] | None = None) -> int:
        """Every event as an xAPI 1.0.3 statement, one JSON object per line; how many were written."""
        written = export_xapi(self.store, self.bank, path, base_iri=base_iri, progress=progress)
        self.events.append(Event(None, "exported-data", "xapi", {"statements": written}))
        return written
