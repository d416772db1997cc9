"""AppTest of the History page: the learner's attempts, newest first."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

from factories import REPO
from streamlit.testing.v1 import AppTest

from engine.chart_words import timed

APP = str(REPO / "app.py")


def history_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page("pages/history.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["History"]
    return at


def test_no_attempts_yet(learner):
    at = history_page(learner)
    assert [i.value for i in at.info] == [
        "No attempts yet. Submit a solution on the Practice page and it will appear here."]
    assert len(at.dataframe) == 0


def test_attempts_newest_first_with_outcome_hints_and_time(wb, learner):
    now = datetime.now(UTC)
    wb.record_result(learner.id, "python/digit-sum", passed=False, hints_used=1, duration_s=90,
                     at=now - timedelta(hours=2))
    wb.record_result(learner.id, "python/caesar-cipher", passed=True, hints_used=0, duration_s=300,
                     at=now - timedelta(hours=1))
    wb.submit(learner.id, "python/name-initials", "def initials(\n", hints_used=3, duration_s=42)
    # someone else's attempt is not shown
    other = wb.register("grace", "grace@example.org", "Grace Hopper", "tidy-otter-93")
    wb.record_result(other.id, "python/digit-sum", passed=True)

    at = history_page(learner)
    assert [c.value for c in at.caption] == ["3 attempts, 1 passed."]
    frame = at.dataframe[0].value
    assert list(frame.columns) == ["When", "Exercise", "Outcome", "Tests", "Hints", "Time"]
    rows = frame[["Exercise", "Outcome", "Hints", "Time"]].values.tolist()
    assert rows == [
        ["Name initials", "error", 3, "42 s"],
        ["Caesar cipher", "passed", 0, "5.0 min"],
        ["Digit sum", "failed", 1, "1.5 min"],
    ]
    config = json.loads(at.dataframe[0].proto.columns)
    assert config["Time"]["label"] == "Time so far" and "includes the tries before it" in config["Time"]["help"]
    when = list(frame["When"])
    assert when == sorted(when, reverse=True)
    assert frame["Tests"].iloc[1] == "—", "an outcome graded elsewhere has no test counts"


def test_a_submission_made_on_practice_shows_up(wb, learner):
    wb.submit(learner.id, "python/digit-sum", (wb.exercise("python/digit-sum").path / "reference.py").read_text())
    at = history_page(learner)
    assert [c.value for c in at.caption] == ["1 attempt, 1 passed."]
    frame = at.dataframe[0].value
    assert frame[["Exercise", "Outcome", "Tests"]].values.tolist() == [["Digit sum", "passed", "7/7"]]


def test_the_code_of_an_attempt_can_be_read_again(wb, learner):
    wb.submit(learner.id, "python/name-initials", "def initials(name):\n    return name[0]\n")
    wb.record_result(learner.id, "python/digit-sum", passed=True, at=datetime.now(UTC))  # recorded without code
    wb.submit(learner.id, "python/digit-sum", "def digit_sum(n):\n    return 0\n")
    at = history_page(learner)
    box = next(s for s in at.selectbox if s.label == "See the code of an attempt")
    newest, imported, oldest = wb.history(learner.id)
    assert (imported.exercise_id, imported.tests_total) == ("python/digit-sum", None), "the import is in the middle"
    assert box.value is None and box.options == [box.format_func(newest.id), box.format_func(oldest.id)], \
        "only the attempts whose code was kept, newest first"
    box.set_value(oldest.id).run()
    assert [c.value.strip() for c in at.code] == ["def initials(name):\n    return name[0]"]
    next(s for s in at.selectbox if s.label == "See the code of an attempt").set_value(newest.id).run()
    assert [c.value.strip() for c in at.code] == ["def digit_sum(n):\n    return 0"]


def test_results_without_code_say_so_in_one_line(wb, learner):
    """A demo learner's or an import's results were graded elsewhere: there is no code to choose from."""
    wb.record_result(learner.id, "python/digit-sum", passed=True)
    wb.record_result(learner.id, "python/caesar-cipher", passed=False)
    at = history_page(learner)
    assert not [s for s in at.selectbox if s.label == "See the code of an attempt"]
    assert [c.value for c in at.caption][-1] == (
        "No code to see again: these results were recorded without running the tests here.")


def test_another_learners_code_is_not_theirs_to_read(wb, learner):
    other = wb.register("grace", "grace@example.org", "Grace Hopper", "tidy-otter-93")
    attempt = wb.submit(other.id, "python/name-initials", "secret = 1\n")
    assert wb.attempt_code(other.id, attempt.id) == "secret = 1\n"
    assert wb.attempt_code(learner.id, attempt.id) is None


def test_times_are_shown_in_the_learners_time_zone(wb, learner):
    wb.set_time_zone(learner.id, "Asia/Kolkata")
    wb.submit(learner.id, "python/digit-sum", "def digit_sum(n):\n    return 0\n")
    [attempt] = wb.history(learner.id)
    at = history_page(learner)
    [when] = list(at.dataframe[0].value["When"])
    assert when.utcoffset() == timedelta(hours=5, minutes=30)
    assert when == attempt.submitted_at, "the same moment, written in the learner's time"
    assert json.loads(at.dataframe[0].proto.columns)["When"]["label"] == "When (Asia/Kolkata)", "and says which"
    box = next(s for s in at.selectbox if s.label == "See the code of an attempt")
    assert box.options[0].startswith(f"{timed(attempt.submitted_at, 'Asia/Kolkata')} · Digit sum")
    assert " IST · " in box.options[0]
