"""A learner's exports (engine/takeout.py, engine/report.py): the CSV zip and the JSON document
hold only their own rows, and the PDF report holds the charts and their summaries. The files are
opened and read back, as a learner's tools would."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from factories import PASSWORD, answer_interview, new_learner
from practice_history import Try, daily, record
from pypdf import PdfReader

from engine import calendar_chart, chart_words, charts, report, takeout
from engine.memory import MemoryStore
from engine.workbench import Workbench

START = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
NOW = START + timedelta(days=30)


@pytest.fixture
def history(make_wb: Callable[..., Workbench]) -> tuple[Workbench, int, int]:
    """Ada with three weeks of practice and some unlocked achievements; Bob with his own."""
    wb = make_wb(clock=lambda: NOW)
    ada = new_learner(wb)
    bob = wb.register("bob", "bob@example.org", "Bob", PASSWORD).id
    record(wb, ada, START, daily(range(0, 21, 2), per_day=2) + [Try(22, minute=k) for k in range(5)])
    record(wb, bob, START, [Try(d) for d in range(9)])
    wb.achievements(ada)
    wb.achievements(bob)
    return wb, ada, bob


def test_csv_export_is_a_zip_of_this_learners_tables(history) -> None:
    wb, ada, bob = history
    data = wb.export_data(ada, "csv")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == sorted(f"{t}.csv" for t in takeout.TABLES)
        tables = {name.removesuffix(".csv"): list(csv.DictReader(io.StringIO(archive.read(name).decode("utf-8-sig"))))
                  for name in archive.namelist()}
    attempts = wb.history(ada, limit=1000)
    assert len(tables["attempts"]) == len(attempts) == 27
    assert {r["exercise_id"] for r in tables["attempts"]} == {a.exercise_id for a in attempts}
    assert sum(r["passed"] == "true" for r in tables["attempts"]) == sum(a.passed for a in attempts)
    own_events = wb.store.scalar("SELECT count(*) FROM events WHERE user_id = ?", [ada])
    assert len(tables["events"]) == own_events - 1  # all but the export's own entry, written after it
    assert tables["events"][0]["occurred_at"].endswith("Z")
    assert json.loads(tables["events"][-1]["context"])  # the log's JSON stays JSON text
    assert [r["skill"] for r in tables["skill_estimates"]] == list(wb.skill_estimates(ada))
    unlocked = {s.id for s in wb.achievements(ada) if s.unlocked}
    assert {r["achievement"] for r in tables["achievements"]} == unlocked and "hint-free" in unlocked


def test_json_export_is_one_document_of_this_learners_rows(history) -> None:
    wb, ada, bob = history
    document = json.loads(wb.export_data(ada, "json"))
    assert set(document) == {"learner", "exported_at", *takeout.TABLES}
    assert document["learner"] == {"id": ada, "username": "ada", "name": "Ada", "email": "ada@example.org",
                                   "role": "learner", "registered_at": "2026-03-04T09:00:00Z",
                                   "time_zone": None, "level": wb.level(ada).value, "level_pinned": False}
    assert document["exported_at"] == "2026-03-04T09:00:00Z"
    assert len(document["attempts"]) == 27
    assert all(a["submitted_at"].endswith("Z") for a in document["attempts"])
    completed = [e for e in document["events"] if e["verb"] == "completed"]
    assert completed and all(e["result"]["success"] is True and "skills" in e["context"] for e in completed)
    assert {e["verb"] for e in document["events"]} >= {"registered", "submitted", "failed", "unlocked-achievement"}
    estimates = {e["skill"]: e for e in document["skill_estimates"]}
    assert estimates["loops"]["evidence"] == wb.skill_estimates(ada)["loops"].evidence > 0
    assert {a["achievement"] for a in document["achievements"]} == {s.id for s in wb.achievements(ada) if s.unlocked}
    # none of Bob's rows
    bob_exercises = {a.exercise_id for a in wb.history(bob)}
    assert len([a for a in document["attempts"] if a["exercise_id"] in bob_exercises]) < 27
    bob_events = {e[0] for e in wb.store.all("SELECT id FROM events WHERE user_id = ?", [bob])}
    assert not bob_events & {e["id"] for e in document["events"]}


def keep_everything(wb: Workbench, user_id: int, mark: str, cohort_code: str) -> None:
    """Give a learner a row in every table the takeout reads, each carrying ``mark``."""
    answer_interview(wb, user_id)
    wb.answer_onboarding(user_id, "goals", {"goals": ["interviews"], "goal_note": f"{mark} wants to automate reports"})
    wb.save_draft(user_id, "python/digit-sum", f"# {mark} draft\n")
    conversation = wb.start_conversation(user_id, f"{mark} asks about loops", "python/digit-sum")
    "".join(wb.tutor_reply(user_id, f"{mark}: how do I add up digits?", "python/digit-sum", conversation.id))
    wb.memory.remember(user_id, "mistake", f"{mark} forgot to return the total", exercise_id="python/digit-sum")
    wb.steer_level(user_id, "pin", 3)
    wb.set_preference(user_id, "editor", "plain")
    wb.join_cohort(user_id, cohort_code)
    wb.todays_set(user_id)
    # an exercise asked of a language model, as the generator keeps it (none is configured here)
    wb.store.execute("INSERT INTO generated_exercises (user_id, skill, status, reason, draft, model, created_at) "
                     "VALUES (?, 'loops', 'rejected', 'tests failed', ?, 'scripted', ?)",
                     [user_id, json.dumps({"title": f"{mark} exercise"}), NOW.replace(tzinfo=None)])


def test_the_takeout_holds_everything_kept_about_the_learner_and_nothing_of_anyone_elses(
        history, tmp_path, embedder) -> None:
    """Profile answers, drafts, tutor conversations and their messages, memories, level history, settings,
    cohorts, the planner's schedule: all of the learner's, none of another learner's (Bob's mark is nowhere)."""
    wb, ada, bob = history
    wb.use_memory(MemoryStore.open(wb.store, tmp_path / "chroma", embedder=embedder, clock=wb.clock))
    educator = wb.register("edna", "edna@example.org", "Edna", PASSWORD, role="educator").id
    code = wb.create_cohort(educator, "Evening class").join_code
    keep_everything(wb, ada, "ADA-MARK", code)
    keep_everything(wb, bob, "BOB-MARK", code)
    document = json.loads(wb.export_data(ada, "json"))
    with zipfile.ZipFile(io.BytesIO(wb.export_data(ada, "csv"))) as archive:
        files = {name: archive.read(name).decode() for name in archive.namelist()}
    assert "BOB-MARK" not in json.dumps(document) and not any("BOB-MARK" in text for text in files.values())
    for table in takeout.TABLES:
        assert document[table], f"{table}: empty"
        exported = 1 if table == "events" else 0  # the JSON export's own entry, written before the CSV one
        assert len(list(csv.DictReader(io.StringIO(files[f"{table}.csv"])))) == len(document[table]) + exported, table
    [profile] = document["profile"]
    assert isinstance(profile["answers"], dict), "answers as JSON, not as a string of it"
    assert "ADA-MARK wants to automate reports" in json.dumps(profile["answers"])
    assert [(d["code"], d["active_s"]) for d in document["drafts"]] == [("# ADA-MARK draft\n", 0)], "time on task too"
    [conversation] = document["conversations"]
    assert conversation["title"] == "ADA-MARK asks about loops"
    messages = document["conversation_messages"]
    assert [m["role"] for m in messages] == ["learner", "tutor"] and messages[0]["content"].startswith("ADA-MARK:")
    assert {m["conversation_id"] for m in messages} == {conversation["id"]}
    assert "ADA-MARK forgot to return the total" in [m["text"] for m in document["memories"]]
    assert document["level_history"][-1]["new_level"] == 3
    assert document["preferences"] == [{"name": "editor", "value": "plain", "updated_at": "2026-03-04T09:00:00Z"}]
    assert [c["name"] for c in document["cohorts"]] == ["Evening class"]
    assert [g["draft"] for g in document["generated_exercises"]] == [{"title": "ADA-MARK exercise"}]
    assert all(row["day"] == "2026-03-04" for row in document["daily_sets"])


def test_exports_are_logged_and_formats_checked(history) -> None:
    wb, ada, _ = history
    wb.export_data(ada, "json")
    wb.export_data(ada, "csv")
    logged = wb.store.all("SELECT object FROM events WHERE user_id = ? AND verb = 'exported-data' ORDER BY id", [ada])
    assert [r[0] for r in logged] == ["json", "csv"]
    with pytest.raises(ValueError, match="unknown export format 'xml'"):
        wb.export_data(ada, "xml")


# -- the PDF report --------------------------------------------------------------------------


def pdf_pages(data: bytes) -> list[str]:
    """The text drawn on each page of a PDF."""
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def pdf_text(data: bytes) -> str:
    return "\n".join(pdf_pages(data))


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_the_pdf_report_holds_the_charts_and_their_summaries(history) -> None:
    wb, ada, _ = history
    data = wb.progress_report(ada)
    assert data.startswith(b"%PDF-")
    pages = [squeeze(page) for page in pdf_pages(data)]
    assert len(pages) == 3, "pages that print, not one page as tall as every chart"
    assert squeeze("Progress report: Ada") in pages[0] and squeeze("Practice calendar") in pages[0]
    assert squeeze("Page 3 of 3") in pages[2] and "Achievements" in pages[2]
    text = "".join(pages)
    progress = wb.progress(ada)
    for expected in ["Progress report: Ada", "Practice calendar", "Skills", "Success rate and difficulty, by week",
                     "Time on task, by week", "Hints per exercise", "Achievements", "First pass",
                     chart_words.wrap(calendar_chart.calendar_summary(progress.calendar))[0],
                     chart_words.wrap(charts.time_summary(progress.weekly, progress.today))[0],
                     chart_words.wrap(charts.hints_summary(progress.exercises))[0]]:
        assert squeeze(expected) in text, expected
    assert wb.store.scalar("SELECT object FROM events WHERE user_id = ? AND verb = 'exported-data'", [ada]) == "pdf"


def test_the_report_prints_on_a4_and_numbers_every_page(history) -> None:
    """A4 sheets (not pages as big as their charts), each numbered at its foot, the first one too."""
    wb, ada, _ = history
    reader = PdfReader(io.BytesIO(wb.progress_report(ada)))
    assert [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages] == [(595, 842)] * 3
    for number, page in enumerate(reader.pages, start=1):
        assert squeeze(page.extract_text()).endswith(squeeze(f"Page {number} of 3")), number


def test_the_reports_achievements_come_unlocked_first(history) -> None:
    """As on the page: what was earned, then what is still to earn, each in the catalogue's order."""
    wb, ada, _ = history
    statuses = wb.achievements(ada)
    text = squeeze(pdf_pages(wb.progress_report(ada))[2])
    order = [s for s in statuses if s.unlocked] + [s for s in statuses if not s.unlocked]
    found = [text.index(squeeze(f"{s.achievement.title}: {s.achievement.description}")) for s in order]
    assert found == sorted(found)


def test_a_report_without_practice_says_so(make_wb: Callable[..., Workbench]) -> None:
    wb = make_wb(clock=lambda: NOW)
    ada = new_learner(wb)
    text = squeeze(pdf_text(wb.progress_report(ada)))
    assert squeeze("No tries yet: practise a little and your progress will show here.") in text
    assert squeeze("4 Mar 2026, 09:00 UTC.") in text, "the one date format of every page"
    assert squeeze("No exercises tried yet.") in text


def test_a_name_in_another_script_is_drawn_in_a_font_that_has_it(make_wb: Callable[..., Workbench]) -> None:
    """The report's fonts are the server's: with Latin ones only, "学习者" printed as three empty boxes.
    `make setup` installs a fallback font with the CJK scripts (Debian's fonts-droid-fallback)."""
    wb = make_wb(clock=lambda: NOW)
    learner = wb.register("xue", "xue@example.org", "Zoë 学习者", PASSWORD).id
    reader = PdfReader(io.BytesIO(wb.progress_report(learner)))
    fonts = {str(font.get_object()["/BaseFont"]).split("+")[-1] for font in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("Fallback" in font or "CJK" in font for font in fonts), fonts


def test_the_reports_headline_counts_in_words_that_agree(make_wb: Callable[..., Workbench]) -> None:
    """One of each reads in the singular: "1 try, 1 passed, 1 different exercise solved, on 1 day"."""
    wb = make_wb(clock=lambda: NOW)
    ada = new_learner(wb)
    wb.record_result(ada, "python/digit-sum", True, at=NOW - timedelta(hours=1))
    lines = report.headline(wb.progress(ada), NOW)
    assert lines[0] == "4 Mar 2026, 09:00 UTC.", "the time as every page writes it, then its zone"
    assert lines[1] == "Current streak 1 day, longest 1. 1 try, 1 passed, 1 different exercise solved, on 1 day."


def test_an_educators_takeout_holds_the_cohorts_they_run_and_the_invitations_they_made(history) -> None:
    wb, ada, _ = history
    edna = wb.register("edna", "edna@example.org", "Edna", PASSWORD, role="educator").id
    code = wb.create_cohort(edna, "Evening class").join_code
    wb.create_cohort(edna, "Morning class")
    wb.join_cohort(ada, code)
    invitation = wb.invite_educator(edna)
    document = json.loads(wb.export_data(edna, "json"))
    assert set(document) == {"learner", "exported_at", *takeout.TABLES, *takeout.EDUCATOR_TABLES}
    assert [(c["name"], c["learners"]) for c in document["cohorts_taught"]] == [("Evening class", 1), ("Morning class", 0)]
    assert [i["id"] for i in document["invitations"]] == [invitation.id]
    text = json.dumps(document)
    assert code not in text and invitation.code not in text, "no code that still opens a door"
    with zipfile.ZipFile(io.BytesIO(wb.export_data(edna, "csv"))) as archive:
        assert {"cohorts_taught.csv", "invitations.csv"} <= set(archive.namelist())
