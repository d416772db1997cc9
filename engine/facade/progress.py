"""The facade's calls for a learner's own record: progress figures, achievements, and their
data to take away (a JSON or CSV takeout, a PDF report)."""

from __future__ import annotations

from functools import cached_property

from engine.achievements import Achievements, AchievementStatus
from engine.events import Event
from engine.facade.parts import Parts
from engine.progress import Progress, activity_version
from engine.progress import load as load_progress
from engine.takeout import check_format, collect


class ProgressCalls(Parts):
    """What the Progress page and the sidebar's celebrations ask of the engine."""

    @cached_property
    def achievement_book(self) -> Achievements:
        return Achievements(self.store, self.events)

    def activity_version(self, user_id: int) -> int:
        """The id of the learner's latest event: a cheap key that changes after any new activity
        (the UI caches progress under it)."""
        return activity_version(self.store, user_id)

    def progress(self, user_id: int, version: int | None = None) -> Progress:
        """The learner's Progress page: streaks, weekly figures, mastery per skill, the next skill.
        ``version``: the activity version already read (saves a query)."""
        return load_progress(self.store, self.model, self.curriculum, self.bank, user_id, self.local_now(user_id),
                             version)

    def achievements(self, user_id: int, progress: Progress | None = None) -> list[AchievementStatus]:
        """Every achievement, unlocked (with when) or locked (with progress); newly earned ones are
        stored and logged. ``progress``: the learner's figures if already read."""
        return self.achievement_book.judge(user_id, progress or self.progress(user_id), self.clock())

    def celebrations(self, user_id: int) -> list[AchievementStatus]:
        """Unlocked achievements not celebrated yet (judged again only if the learner's activity changed)."""
        return self.achievement_book.celebrations(user_id, lambda: self.achievements(user_id))

    def mark_celebrated(self, user_id: int, achievement_ids: list[str]) -> None:
        """The app has shown these: they are not celebrated again."""
        self.achievement_book.mark_celebrated(user_id, achievement_ids, self.clock())

    def export_data(self, user_id: int, fmt: str = "json") -> bytes:
        """The learner's own data: "csv" (a zip of CSV files) or "json" (one document) holding everything
        the workbench keeps about them (``engine.takeout``). Logged as "exported-data"."""
        check_format(fmt)
        now = self.clock()
        data = collect(self.store, self.model, self.curriculum, self.achievement_book, self.accounts.require(user_id),
                       now).encode(fmt)
        self.events.append(Event(user_id, "exported-data", fmt, {"bytes": len(data)}, occurred_at=now))
        return data

    def progress_report(self, user_id: int) -> bytes:
        """The Progress page as a PDF: every chart with its summary, and the achievements."""
        user = self.accounts.require(user_id)
        from engine.report import pdf as report_pdf  # Altair and vl-convert load only when a report is asked for

        figures = self.progress(user_id)
        data = report_pdf(figures, self.achievements(user_id, figures), user.name, self.clock())
        self.events.append(Event(user_id, "exported-data", "pdf", {"bytes": len(data)}))
        return data
