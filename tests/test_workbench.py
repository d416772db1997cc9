"""The Workbench facade of DESIGN.md, end to end on an in-memory store, the real bank and sandbox."""

from __future__ import annotations

import inspect
import json
import os
import stat
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from factories import new_learner

import engine
from engine import (
    AccountError,
    Attempt,
    Exercise,
    GradeResult,
    Settings,
    SolutionRefused,
    UnknownExercise,
    User,
    Workbench,
)
from engine.sandbox import Sandbox
from engine.store import Store
from engine.tutor import MAX_MESSAGE

EXERCISE = "python/apply-n-times"  # skills: functions, loops; difficulty 3
WRONG = "def apply_n_times(func, n, value):\n    return value\n"
PASSWORD = "tidy-otter-93"


@pytest.fixture
def ada(wb: Workbench) -> User:
    return wb.register("ada", "ada@example.org", "Ada Lovelace", PASSWORD)


@pytest.fixture
def far_timezone() -> Iterator[None]:
    """Run with the process in Tokyo time, so local time and UTC differ by 9 hours."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Asia/Tokyo"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


def naive_utc_now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def events(wb: Workbench, user_id: int) -> list[tuple]:
    return wb.store.all("SELECT verb, object, occurred_at, result, context FROM events "
                        "WHERE user_id = ? ORDER BY id", [user_id])


def reference(wb: Workbench, exercise_id: str = EXERCISE) -> str:
    return wb.exercise(exercise_id).reference


# -- opening and closing ----------------------------------------------------------------------------


def test_open_creates_the_home_and_a_file_store(tmp_path: Path, sandbox: Sandbox) -> None:
    home = tmp_path / "new-home"
    settings = Settings(home=tmp_path / "ignored", bcrypt_rounds=4)
    with Workbench.open(home, settings=settings, sandbox=sandbox) as wb:
        assert wb.settings.home == home
        user = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    assert (home / "workbench.duckdb").is_file()
    assert home.stat().st_mode & 0o077 == 0, "the home is its owner's alone: the store holds password hashes"
    with Workbench.open(home, settings=settings, sandbox=sandbox) as again:  # the data is still there
        assert again.user(user.id) == user


def test_a_home_made_beforehand_is_made_private(tmp_path: Path, sandbox: Sandbox) -> None:
    """A container's volume or a folder made with mkdir is readable by others: the store's hashes with it."""
    home = tmp_path / "volume"
    home.mkdir(mode=0o755)
    home.chmod(0o755)
    with Workbench.open(home, settings=Settings(home=home, bcrypt_rounds=4), sandbox=sandbox):
        pass
    assert stat.S_IMODE(home.stat().st_mode) == 0o700


# -- accounts ----------------------------------------------------------------------------------------


def test_register_returns_a_user(wb: Workbench) -> None:
    user = wb.register("grace", "grace@example.org", "Grace Hopper", PASSWORD, role="educator")
    assert isinstance(user, User)
    assert (user.username, user.role) == ("grace", "educator")
    assert isinstance(user.id, int)
    assert wb.user(user.id) == user
    assert wb.login("grace", PASSWORD) == user


def test_register_default_role_is_learner(wb: Workbench, ada: User) -> None:
    assert ada.role == "learner"


def test_register_refuses_bad_input(wb: Workbench, ada: User) -> None:
    with pytest.raises(AccountError, match="taken"):
        wb.register("ADA", "x@example.org", "X", PASSWORD)
    with pytest.raises(AccountError, match="Role"):
        wb.register("bob", "x@example.org", "X", PASSWORD, role="admin")


# -- exercises ---------------------------------------------------------------------------------------


def test_exercises_lists_the_bank(wb: Workbench) -> None:
    everything = wb.exercises()
    assert len(everything) >= 60
    assert all(isinstance(e, Exercise) for e in everything)
    assert len({e.id for e in everything}) == len(everything)
    loops = wb.exercises(skill="loops")
    assert loops and all("loops" in e.skills for e in loops)
    assert wb.exercises(language="cobol") == []


def test_exercise_by_id(wb: Workbench) -> None:
    e = wb.exercise(EXERCISE)
    assert (e.id, e.title, e.skills, e.difficulty) == (EXERCISE, "Apply a function n times", ("functions", "loops"), 3)


@pytest.mark.parametrize("exercise_id", ["python/nope", "apply-n-times", ""])
def test_unknown_exercise(wb: Workbench, exercise_id: str) -> None:
    with pytest.raises(UnknownExercise):
        wb.exercise(exercise_id)


# -- grading -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", ["id", "exercise", "folder-str", "folder-path"])
def test_grade_accepts_an_id_or_a_folder(wb: Workbench, how: str) -> None:
    e = wb.exercise(EXERCISE)
    target = {"id": e.id, "exercise": e, "folder-str": str(e.path), "folder-path": e.path}[how]
    result = wb.grade(target, e.reference)
    assert isinstance(result, GradeResult)
    assert result.status == "pass"
    assert wb.grade(target, WRONG).status == "fail"


def test_grade_a_folder_outside_the_bank(wb: Workbench, make_exercise: Callable[..., Path]) -> None:
    folder = make_exercise()
    assert wb.grade(str(folder), "def add(a, b):\n    return a + b\n").passed


def test_grade_records_nothing(wb: Workbench, ada: User) -> None:
    before = wb.store.scalar("SELECT count(*) FROM events")
    wb.grade(EXERCISE, reference(wb))
    assert wb.store.scalar("SELECT count(*) FROM events") == before
    assert wb.store.scalar("SELECT count(*) FROM attempts") == 0
    assert wb.history(ada.id) == []


def test_grade_unknown_id(wb: Workbench) -> None:
    with pytest.raises(UnknownExercise):
        wb.grade("python/no-such-exercise", "x = 1\n")


# -- submitting --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("code", "passed", "verb"), [("reference", True, "completed"), (WRONG, False, "failed")],
                         ids=["pass", "fail"])
def test_submit_records_an_attempt_and_events(wb: Workbench, ada: User, far_timezone: None, code: str,
                                              passed: bool, verb: str) -> None:
    code = reference(wb) if code == "reference" else code
    before = naive_utc_now()
    attempt = wb.submit(ada.id, EXERCISE, code, hints_used=1, duration_s=42.0)
    after = naive_utc_now()

    assert isinstance(attempt, Attempt)
    assert (attempt.user_id, attempt.exercise_id, attempt.passed) == (ada.id, EXERCISE, passed)
    assert attempt.status == ("pass" if passed else "fail")
    assert attempt.tests_total == len(wb.exercise(EXERCISE).test_names)
    assert attempt.tests_passed == (attempt.tests_total if passed else attempt.tests_passed)
    assert (attempt.hints_used, attempt.duration_s) == (1, 42.0)
    assert attempt.submitted_at.tzinfo is not None and attempt.submitted_at.utcoffset() == timedelta(0)
    assert before <= attempt.submitted_at.replace(tzinfo=None) <= after

    assert wb.store.scalar("SELECT code FROM attempts WHERE id = ?", [attempt.id]) == code
    logged = [r for r in events(wb, ada.id) if r[0] != "registered"]
    remembered = [r for r in logged if r[0] == "remembered"]  # a failed submission is remembered as a mistake
    assert [json.loads(r[3])["kind"] for r in remembered] == ([] if passed else ["mistake"])
    rows = [r for r in logged if r[0] != "remembered"]
    assert [(r[0], r[1]) for r in rows] == [("submitted", EXERCISE), (verb, EXERCISE)]
    for _, _, occurred_at, result, context in rows:
        assert before <= occurred_at <= after  # stored as UTC, whatever the local zone
        result = json.loads(result)
        assert result["success"] is passed and result["hints"] == 1 and result["duration_s"] == 42.0
        assert json.loads(context) == {"skills": ["functions", "loops"], "difficulty": 3}
    assert wb.history(ada.id) == [attempt]


def test_submit_an_error(wb: Workbench, ada: User) -> None:
    attempt = wb.submit(ada.id, EXERCISE, "def apply_n_times(:\n")
    assert (attempt.passed, attempt.status, attempt.tests_passed) == (False, "error", 0)
    assert wb.latest_result(ada.id, EXERCISE).status == "error"


@pytest.mark.parametrize("code", ["   \n", "# padding\n" * 30_000], ids=["empty", "too-large"])
def test_a_submission_refused_unrun_is_no_attempt(wb: Workbench, ada: User, code: str) -> None:
    before = (wb.skill_estimate(ada.id, "functions"), wb.store.scalar("SELECT count(*) FROM events"))
    with pytest.raises(SolutionRefused, match="Nothing was run|empty"):
        wb.submit(ada.id, EXERCISE, code)
    assert wb.store.scalar("SELECT count(*) FROM attempts") == 0
    assert (wb.skill_estimate(ada.id, "functions"), wb.store.scalar("SELECT count(*) FROM events")) == before
    assert wb.latest_result(ada.id, EXERCISE).status == "error"  # the page shows why


@pytest.mark.parametrize(("passed", "direction"), [(True, 1), (False, -1)], ids=["pass-raises", "fail-lowers"])
def test_skill_estimate_moves_with_results(wb: Workbench, ada: User, passed: bool, direction: int) -> None:
    start = {s: wb.skill_estimate(ada.id, s) for s in ("functions", "loops", "recursion")}
    wb.submit(ada.id, EXERCISE, reference(wb) if passed else WRONG)
    after = {s: wb.skill_estimate(ada.id, s) for s in start}
    assert (after["functions"] - start["functions"]) * direction > 0  # the primary skill
    assert (after["loops"] - start["loops"]) * direction > 0  # a secondary skill, a little
    assert (after["recursion"] - start["recursion"]) * direction > 0  # through general ability only
    moved = {s: abs(after[s] - start[s]) for s in start}
    assert moved["functions"] > moved["loops"] > moved["recursion"]


def test_skill_estimate_is_per_learner(wb: Workbench, ada: User) -> None:
    bob = wb.register("bob", "bob@example.org", "Bob", PASSWORD)
    wb.record_result(ada.id, EXERCISE, True)
    assert wb.skill_estimate(ada.id, "functions") > wb.skill_estimate(bob.id, "functions")


def test_submit_for_unknown_user_or_exercise(wb: Workbench, ada: User) -> None:
    with pytest.raises(AccountError):
        wb.submit(9999, EXERCISE, reference(wb))
    with pytest.raises(UnknownExercise):
        wb.submit(ada.id, "python/nope", "x = 1\n")
    assert wb.store.scalar("SELECT count(*) FROM attempts") == 0


# -- outcomes graded elsewhere ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "at",
    [datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
     datetime(2025, 1, 2, 12, 4, 5, tzinfo=timezone(timedelta(hours=9))),
     datetime(2025, 1, 1, 22, 4, 5, tzinfo=timezone(timedelta(hours=-5)))],
    ids=["utc", "tokyo", "new-york"],
)
def test_record_result_at_a_given_time(wb: Workbench, ada: User, at: datetime) -> None:
    wb.record_result(ada.id, EXERCISE, True, hints_used=2, duration_s=30.0, at=at)
    (attempt,) = wb.history(ada.id)
    assert attempt.submitted_at == at
    assert attempt.submitted_at.utcoffset() == timedelta(0)
    assert (attempt.passed, attempt.status, attempt.hints_used, attempt.tests_total) == (True, "pass", 2, None)
    rows = [r for r in events(wb, ada.id) if r[0] != "registered"]
    assert [r[0] for r in rows] == ["submitted", "completed"]
    assert all(r[2] == datetime(2025, 1, 2, 3, 4, 5) for r in rows)  # naive UTC in the store


def test_record_result_defaults_to_now(wb: Workbench, ada: User) -> None:
    before = datetime.now(UTC)
    wb.record_result(ada.id, EXERCISE, False)
    (attempt,) = wb.history(ada.id)
    assert before <= attempt.submitted_at <= datetime.now(UTC)
    assert attempt.status == "fail"


def test_record_result_refuses_a_naive_time(wb: Workbench, ada: User) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        wb.record_result(ada.id, EXERCISE, True, at=datetime(2025, 1, 2, 3, 4, 5))
    assert wb.history(ada.id) == []
    assert [r[0] for r in events(wb, ada.id)] == ["registered"]


def test_record_result_refuses_unknown_user(wb: Workbench) -> None:
    with pytest.raises(AccountError):
        wb.record_result(12345, EXERCISE, True)


def test_history_is_newest_first(wb: Workbench, ada: User) -> None:
    base = datetime(2025, 5, 1, tzinfo=UTC)
    order = [3, 1, 4, 0, 2]
    for day in order:
        wb.record_result(ada.id, EXERCISE, day % 2 == 0, at=base + timedelta(days=day))
    history = wb.history(ada.id)
    assert [a.submitted_at for a in history] == [base + timedelta(days=d) for d in sorted(order, reverse=True)]
    assert len(wb.history(ada.id, limit=2)) == 2
    assert wb.history(ada.id, limit=2) == history[:2]


def test_history_is_per_learner(wb: Workbench, ada: User) -> None:
    bob = wb.register("bob", "bob@example.org", "Bob", PASSWORD)
    wb.record_result(ada.id, EXERCISE, True)
    assert wb.history(bob.id) == []


# -- the daily set -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [0, 1, 2, 3, 5], ids=lambda n: f"n={n}")
def test_next_exercises_returns_n_distinct_exercises(wb: Workbench, ada: User, n: int) -> None:
    picks = wb.next_exercises(ada.id, n)
    assert all(isinstance(e, Exercise) for e in picks)
    assert len({e.id for e in picks}) == len(picks)
    assert len(picks) == n


def test_next_exercises_default_is_three(wb: Workbench, ada: User) -> None:
    assert len(wb.next_exercises(ada.id)) == 3


def test_next_exercises_excludes_passed_ones(wb: Workbench, ada: User) -> None:
    yesterday = datetime.now(UTC) - timedelta(days=1)
    passed: set[str] = set()
    for _ in range(4):
        picks = wb.next_exercises(ada.id, 3)
        assert picks, "the planner ran out of exercises"
        assert not passed & {e.id for e in picks}
        for e in picks:
            wb.record_result(ada.id, e.id, True, at=yesterday)
            passed.add(e.id)
    assert not passed & {e.id for e in wb.next_exercises(ada.id, 10)}


def test_next_exercises_skips_what_was_tried_today(wb: Workbench, ada: User) -> None:
    first = wb.next_exercises(ada.id, 1)[0]
    wb.record_result(ada.id, first.id, False)
    assert first.id not in {e.id for e in wb.next_exercises(ada.id, 5)}


def test_daily_set_gives_reasons(wb: Workbench, ada: User) -> None:
    picks = wb.daily_set(ada.id, 2)
    assert picks
    for pick in picks:
        assert pick.reason
        assert 0 < pick.probability < 1


# -- drafts and hints ---------------------------------------------------------------------------------------


def test_drafts_save_and_load(wb: Workbench, ada: User) -> None:
    assert wb.draft(ada.id, EXERCISE) is None
    wb.save_draft(ada.id, EXERCISE, "x = 1\n")
    first = wb.draft(ada.id, EXERCISE)
    assert (first.code, first.hints_shown) == ("x = 1\n", 0)
    assert first.started_at.tzinfo is not None
    wb.save_draft(ada.id, EXERCISE, "x = 2\n")
    second = wb.draft(ada.id, EXERCISE)
    assert (second.code, second.started_at) == ("x = 2\n", first.started_at)  # started once
    assert wb.draft(ada.id, "python/tally-votes") is None


def test_reveal_hint_counts_hints(wb: Workbench, ada: User) -> None:
    hints = wb.exercise(EXERCISE).hints
    shown = [wb.reveal_hint(ada.id, EXERCISE, f"code {i}") for i in range(len(hints) + 2)]
    assert shown == [(i + 1, h) for i, h in enumerate(hints)] + [(len(hints), hints[-1])] * 2
    draft = wb.draft(ada.id, EXERCISE)
    assert (draft.code, draft.hints_shown) == (f"code {len(hints) + 1}", len(hints))
    wb.save_draft(ada.id, EXERCISE, "more code")  # saving keeps the count
    assert wb.draft(ada.id, EXERCISE).hints_shown == len(hints)
    verbs = [r[0] for r in events(wb, ada.id)]
    assert verbs.count("requested-hint") == len(hints) + 2


def test_a_tutors_hint_and_the_editors_saves_never_undo_each_other(wb: Workbench, ada: User, monkeypatch) -> None:
    """A tutor's reply ends in a thread of its own while the learner types. Whenever one writer of
    the draft reads it, the other writes at that moment (a writer that reads nothing meets the
    other's write after its own): neither the newer code nor the hint may be lost."""
    read = wb.attempts.draft

    @contextmanager
    def meanwhile(write: Callable[[], object]) -> Iterator[None]:
        happened = []

        def reading(user_id: int, exercise_id: str):
            draft = read(user_id, exercise_id)
            if not happened:
                happened.append(True)  # first, as the write may read the draft too
                write()
            return draft

        monkeypatch.setattr(wb.attempts, "draft", reading)
        yield
        monkeypatch.undo()
        if not happened:
            write()

    def saved() -> tuple[str, int]:
        draft = wb.draft(ada.id, EXERCISE)
        return draft.code, draft.hints_shown

    wb.save_draft(ada.id, EXERCISE, "first")
    with meanwhile(lambda: wb.save_draft(ada.id, EXERCISE, "typed while the tutor wrote")):
        wb.count_hints(ada.id, EXERCISE, 2)
    assert saved() == ("typed while the tutor wrote", 2)

    with meanwhile(lambda: wb.count_hints(ada.id, EXERCISE, 3)):
        wb.save_draft(ada.id, EXERCISE, "typed on")
    assert saved() == ("typed on", 3)
    wb.count_hints(ada.id, EXERCISE, 1)  # a lower rung (an older conversation) lowers nothing
    assert saved() == ("typed on", 3)


def test_a_tutors_hint_on_an_exercise_never_opened_begins_its_draft_with_the_starter(wb: Workbench, ada: User) -> None:
    wb.count_hints(ada.id, EXERCISE, 1)
    draft = wb.draft(ada.id, EXERCISE)
    assert (draft.code, draft.hints_shown) == (wb.exercise(EXERCISE).starter, 1)


def test_time_on_task_counts_from_opening_and_leaves_out_time_away(make_wb, clock) -> None:
    """Reading the instructions is work: the time runs from opening the exercise, through every action on
    it (typing, hints, each run of the page), counting each pause up to ten minutes; a longer pause (a
    break, the next day) is time away. A reopened exercise goes on from where it was."""
    wb = make_wb(clock)
    learner = new_learner(wb)
    opened = wb.work_on(learner, EXERCISE)
    assert (opened.code, opened.time_on_task(clock())) == (wb.exercise(EXERCISE).starter, 0)
    clock.advance(minutes=4)  # reading
    wb.save_draft(learner, EXERCISE, "def digit_sum(n):\n")
    clock.advance(minutes=3)
    wb.reveal_hint(learner, EXERCISE, "def digit_sum(n):\n    pass\n")
    clock.advance(hours=20)  # the next day
    back = wb.work_on(learner, EXERCISE)
    assert back.code == "def digit_sum(n):\n    pass\n" and back.hints_shown == 1
    clock.advance(minutes=2)
    assert wb.draft(learner, EXERCISE).time_on_task(clock()) == 9 * 60
    clock.advance(minutes=11)  # walked away without a word: none of it counts
    assert wb.draft(learner, EXERCISE).time_on_task(clock()) == 7 * 60


def test_time_on_another_page_of_the_app_is_not_time_on_the_exercise(make_wb, clock) -> None:
    """A learner who looked at their progress for five minutes with an exercise open had those minutes
    counted on it. The time stands still from the other page to the return; a tutor's hint arriving
    meanwhile (a reply going on in its thread) does not start it again."""
    wb = make_wb(clock)
    learner = new_learner(wb)
    wb.work_on(learner, EXERCISE)
    clock.advance(minutes=3)
    wb.away_from_exercises(learner)  # on Progress
    assert wb.draft(learner, EXERCISE).time_on_task(clock()) == 3 * 60
    clock.advance(minutes=2)
    wb.count_hints(learner, EXERCISE, 1)
    clock.advance(minutes=3)
    wb.away_from_exercises(learner)  # another page still: nothing changes
    assert wb.draft(learner, EXERCISE).time_on_task(clock()) == 3 * 60
    back = wb.work_on(learner, EXERCISE)
    assert back.away_since is None and back.time_on_task(clock()) == 3 * 60
    clock.advance(minutes=1)
    assert wb.draft(learner, EXERCISE).time_on_task(clock()) == 4 * 60


def test_stepping_away_leaves_exercises_set_aside_long_ago_as_they_were(make_wb, clock) -> None:
    wb = make_wb(clock)
    learner = new_learner(wb)
    wb.work_on(learner, EXERCISE)
    clock.advance(minutes=5)
    wb.save_draft(learner, EXERCISE, "def digit_sum(n):\n")
    clock.advance(hours=2)
    wb.away_from_exercises(learner)
    draft = wb.draft(learner, EXERCISE)
    assert draft.away_since is None and draft.time_on_task(clock()) == 5 * 60


def test_opening_an_exercise_again_within_a_minute_writes_nothing(make_wb, clock) -> None:
    """The page marks the exercise open on every run, and two runs may overlap: writing the same draft
    each time made them conflict. Within a minute of the last action nothing is written."""
    wb = make_wb(clock)
    learner = new_learner(wb)
    first = wb.work_on(learner, EXERCISE)
    clock.advance(seconds=30)
    assert wb.work_on(learner, EXERCISE).updated_at == first.updated_at
    clock.advance(seconds=40)
    assert wb.work_on(learner, EXERCISE).updated_at == clock() and wb.draft(learner, EXERCISE).time_on_task(clock()) == 70


def test_opening_an_exercise_is_logged_once_a_spell_of_work(make_wb, clock) -> None:
    """The log's "viewed" (the funnel's first stage, the dashboard's activity) was never written: opened
    for the first time, and come back to after half an hour without an action on it, not each run."""
    wb = make_wb(clock)
    learner = new_learner(wb)

    def views() -> int:
        return wb.store.scalar("SELECT count(*) FROM events WHERE verb = 'viewed' AND user_id = ? AND object = ?",
                               [learner, EXERCISE])

    wb.work_on(learner, EXERCISE)
    assert views() == 1
    for _ in range(5):  # runs of the page while it is worked on
        clock.advance(minutes=2)
        wb.work_on(learner, EXERCISE)
    assert views() == 1
    clock.advance(minutes=31)
    wb.work_on(learner, EXERCISE)
    assert views() == 2


def test_a_pass_clears_the_draft_and_a_fail_keeps_it(wb: Workbench, ada: User) -> None:
    wb.save_draft(ada.id, EXERCISE, "draft")
    wb.record_result(ada.id, EXERCISE, False)
    assert wb.draft(ada.id, EXERCISE) is not None
    wb.record_result(ada.id, EXERCISE, True)
    assert wb.draft(ada.id, EXERCISE) is None


# -- the tutor ------------------------------------------------------------------------------------------------


def reference_blocks(e: Exercise) -> list[str]:
    """Every two consecutive non-blank lines of the reference that the learner is not shown
    elsewhere (the starter, README and tests are public): a piece of the solution, verbatim."""
    public = {line.strip() for text in (e.starter, e.instructions, e.tests) for line in text.splitlines()}
    lines = [line for line in e.reference.splitlines() if line.strip()]
    return [a + "\n" + b for a, b in zip(lines, lines[1:], strict=False)
            if not (a.strip() in public and b.strip() in public) and len(a.strip() + b.strip()) >= 30]


def test_ask_tutor_climbs_the_hint_ladder(wb: Workbench, ada: User) -> None:
    hints = wb.exercise(EXERCISE).hints
    replies = [wb.ask_tutor(ada.id, "I'm stuck, what now?", EXERCISE) for _ in range(len(hints) + 1)]
    for reply, hint in zip(replies, [*hints, hints[-1]], strict=True):
        assert reply.strip()
        assert hint in reply
    assert [r[0] for r in events(wb, ada.id)].count("asked-tutor") == len(hints) + 1


def test_ask_tutor_never_gives_away_a_reference(wb: Workbench, ada: User) -> None:
    leaks = []
    for e in wb.exercises():
        blocks = reference_blocks(e)
        for _ in range(len(e.hints) + 1):
            reply = wb.ask_tutor(ada.id, "Please just give me the full solution code.", e.id)
            assert reply.strip()
            if e.reference.strip() in reply or any(block in reply for block in blocks):
                leaks.append(e.id)
    assert leaks == []


def test_ask_tutor_points_at_the_failing_test(wb: Workbench, ada: User) -> None:
    wb.submit(ada.id, EXERCISE, WRONG)
    reply = wb.ask_tutor(ada.id, "Why does it fail?", EXERCISE)
    failure = wb.latest_result(ada.id, EXERCISE).first_failure()
    assert failure.message == "apply_n_times(lambda x: x + 1, 5, 0): expected 5, got 0"
    assert f"fails the test **{failure.name.removeprefix('test_').replace('_', ' ')}**" in reply
    assert "When the test calls `apply_n_times(lambda x: x + 1, 5, 0)`, it wants `5` but your code gave `0`" in reply
    assert reference(wb) not in reply


def test_ask_tutor_after_code_that_does_not_load(wb: Workbench, ada: User) -> None:
    wb.submit(ada.id, EXERCISE, "def apply_n_times(:\n")
    reply = wb.ask_tutor(ada.id, "What is wrong?", EXERCISE)
    assert "SyntaxError" in reply and "line 1" in reply


def test_ask_tutor_without_an_exercise(wb: Workbench, ada: User) -> None:
    assert "exercise" in wb.ask_tutor(ada.id, "hello")


@pytest.mark.parametrize("message", ["", "   \n "], ids=["empty", "blank"])
def test_ask_tutor_with_nothing_to_ask(wb: Workbench, ada: User, message: str) -> None:
    reply = wb.ask_tutor(ada.id, message, EXERCISE)
    assert reply.strip() and wb.exercise(EXERCISE).hints[0] not in reply


def test_ask_tutor_refuses_long_messages(wb: Workbench, ada: User) -> None:
    assert MAX_MESSAGE == 5000
    reply = wb.ask_tutor(ada.id, "x" * 5001, EXERCISE)
    assert "5,001" in reply and "5,000" in reply
    assert wb.exercise(EXERCISE).hints[0] not in reply
    assert "asked-tutor" not in [r[0] for r in events(wb, ada.id)]
    # the limit itself is fine: a message of 5,000 characters asking for a hint gets one
    assert wb.exercise(EXERCISE).hints[0] in wb.ask_tutor(ada.id, "x" * 4995 + " hint", EXERCISE)


def test_ask_tutor_unknown_exercise(wb: Workbench, ada: User) -> None:
    with pytest.raises(UnknownExercise):
        wb.ask_tutor(ada.id, "help", "python/nope")


# -- the public API ---------------------------------------------------------------------------------------------


def test_all_lists_importable_names_once() -> None:
    assert len(engine.__all__) == len(set(engine.__all__))
    for name in engine.__all__:
        assert hasattr(engine, name), name
    namespace: dict[str, object] = {}
    exec("from engine import *", namespace)
    assert {k for k in namespace if k != "__builtins__"} == set(engine.__all__)


def test_all_lists_every_public_class() -> None:
    public_classes = {name for name, value in vars(engine).items()
                      if inspect.isclass(value) and not name.startswith("_")}
    assert public_classes <= set(engine.__all__), public_classes - set(engine.__all__)


@pytest.mark.parametrize("name", ["Workbench", "Settings", "GradeResult", "TestResult", "Exercise", "User",
                                  "Attempt", "UnknownExercise", "AccountError", "LoginError"])
def test_all_includes_the_fixed_names(name: str) -> None:
    assert name in engine.__all__


def test_design_methods_exist_with_their_signatures() -> None:
    expected = {
        "open": ["home"],
        "close": [],
        "register": ["username", "email", "name", "password", "role"],
        "exercises": ["language", "skill"],
        "exercise": ["exercise_id"],
        "grade": ["exercise", "code"],
        "submit": ["user_id", "exercise_id", "code", "hints_used", "duration_s"],
        "record_result": ["user_id", "exercise_id", "passed", "hints_used", "duration_s", "at"],
        "next_exercises": ["user_id", "n"],
        "skill_estimate": ["user_id", "skill"],
        "ask_tutor": ["user_id", "message", "exercise_id"],
    }
    for method, params in expected.items():
        signature = inspect.signature(getattr(Workbench, method))
        names = [p for p in signature.parameters if p not in ("self", "cls")]
        assert names[: len(params)] == params, method
    defaults = inspect.signature(Workbench.register).parameters["role"].default
    assert defaults == "learner"
    assert inspect.signature(Workbench.next_exercises).parameters["n"].default is None  # the profile's, else 3


def test_engine_never_imports_streamlit() -> None:
    for path in Path(engine.__file__).parent.rglob("*.py"):
        text = path.read_text()
        assert "import streamlit" not in text and "from streamlit" not in text, path


def test_engine_never_reads_the_environment() -> None:
    allowed = {"settings.py"}  # read once at the edge
    for path in Path(engine.__file__).parent.glob("*.py"):
        if path.name not in allowed:
            assert "os.environ" not in path.read_text() and "getenv" not in path.read_text(), path


def test_a_store_can_be_handed_in(settings: Settings, sandbox: Sandbox) -> None:
    store = Store()
    wb = Workbench(settings, store=store, sandbox=sandbox)
    try:
        assert wb.store is store
        assert wb.isolation is sandbox.isolation
    finally:
        wb.close()
