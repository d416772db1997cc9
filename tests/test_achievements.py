"""Achievements (engine/achievements.py): judged from the recorded history, kept once unlocked,
logged once, and celebrated once; judged again only when the learner's activity changed."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import polars as pl
import pytest
from factories import PASSWORD, new_learner
from practice_history import Try, record

from engine.achievements import ACHIEVEMENTS, Achievements, AchievementStatus
from engine.workbench import Workbench

START = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
NOW = START + timedelta(days=60)


@pytest.fixture
def clocked(make_wb: Callable[..., Workbench]) -> Workbench:
    return make_wb(clock=lambda: NOW)


def by_id(statuses: list[AchievementStatus]) -> dict[str, AchievementStatus]:
    return {s.id: s for s in statuses}


def unlocked(statuses: list[AchievementStatus]) -> set[str]:
    return {s.id for s in statuses if s.unlocked}


HISTORIES = {
    "nothing": ([], set()),
    "a fail": ([Try(0, passed=False)], set()),
    "a first pass": ([Try(0, hints=1)], {"first-pass"}),
    "a week in a row": ([Try(d, hints=1) for d in range(7)], {"first-pass", "streak-7"}),
    "six days in a row": ([Try(d, hints=1) for d in range(6)], {"first-pass"}),
    "ten passes": ([Try(0, hints=1, minute=k) for k in range(10)], {"first-pass", "solved-10"}),
    "five clean passes": ([Try(0, minute=k) for k in range(5)], {"first-pass", "hint-free"}),
    "a fail breaks the run": ([Try(0, minute=k) for k in range(4)] + [Try(0, passed=False, minute=5)]
                              + [Try(0, minute=6 + k) for k in range(4)], {"first-pass"}),
    "back a week later": ([Try(0, hints=1), Try(7, hints=1)], {"first-pass", "comeback"}),  # as "welcome back" counts
    "back after more than a week": ([Try(0, hints=1), Try(8, hints=1)], {"first-pass", "comeback"}),
    "back six days later": ([Try(0, hints=1), Try(6, hints=1)], {"first-pass"}),
}


@pytest.mark.parametrize("history", HISTORIES, ids=list(HISTORIES))
def test_achievements_unlock_from_the_history(clocked: Workbench, history: str) -> None:
    tries, expected = HISTORIES[history]
    ada = new_learner(clocked)
    record(clocked, ada, START, tries)
    statuses = clocked.achievements(ada)
    assert [s.id for s in statuses] == [a.id for a in ACHIEVEMENTS]
    assert unlocked(statuses) == expected
    for s in statuses:
        assert (s.progress == 1.0) if s.unlocked else (0.0 <= s.progress < 1.0), s


def test_unlocked_at_is_when_the_log_says_it_was_earned(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, [Try(d, hints=1) for d in range(7)] + [Try(20, minute=k) for k in range(10)])
    s = by_id(clocked.achievements(ada))
    assert s["first-pass"].unlocked_at == START
    assert s["streak-7"].unlocked_at == datetime(2026, 2, 8, tzinfo=UTC)  # the seventh day
    assert s["solved-10"].unlocked_at == START + timedelta(days=20, minutes=2)  # the tenth pass
    assert s["hint-free"].unlocked_at == START + timedelta(days=20, minutes=4)  # the fifth clean one in a row
    assert s["comeback"].unlocked_at == datetime(2026, 2, 22, tzinfo=UTC)
    assert s["streak-7"].detail == "Unlocked on 8 Feb 2026"


def test_locked_achievements_show_how_far_along(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, [Try(d, hints=1) for d in range(12)] + [Try(13, minute=k) for k in range(3)])
    s = by_id(clocked.achievements(ada))
    assert (s["streak-30"].progress, s["streak-30"].detail) == (pytest.approx(12 / 30), "12 of 30 days in a row at best")
    assert (s["solved-50"].progress, s["solved-50"].detail) == (pytest.approx(15 / 50), "15 of 50 passes")
    assert (s["hint-free"].progress, s["hint-free"].detail) == (pytest.approx(3 / 5),
                                                                "3 of 5 hint-free passes in a row at best")
    assert s["skill-mastered"].detail.startswith("Closest: ")


def test_a_mastered_skill_unlocks_its_achievement(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    loops = sorted((e for e in clocked.exercises() if e.skills[0] == "loops"), key=lambda e: e.difficulty)
    record(clocked, ada, START, [Try(i // 2, loops[i % len(loops)].id, duration_s=120, minute=i % 2) for i in range(40)])
    s = by_id(clocked.achievements(ada))["skill-mastered"]
    last = clocked.progress(ada).summary.last_at.replace(tzinfo=UTC)
    assert (s.unlocked, s.unlocked_at) == (True, last) and last < NOW, "dated by the results, not by the looking"


def test_a_confident_interview_and_two_good_results_are_not_mastery(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    clocked.answer_onboarding(ada, "languages", {"languages": ["python"]})
    clocked.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(clocked.skill_groups(), "confident")})
    hard = sorted(clocked.exercises(), key=lambda e: -e.difficulty)[:2]
    record(clocked, ada, START, [Try(0, e.id, minute=i) for i, e in enumerate(hard)])
    mastery = clocked.progress(ada).mastery
    assert mastery.filter(pl.col("evidence") > 0).height >= 2 and not mastery["mastered"].any()
    assert not by_id(clocked.achievements(ada))["skill-mastered"].unlocked


def test_unlocks_are_kept_logged_once_and_never_judged_in_the_record_path(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    record(clocked, ada, START, [Try(0, minute=k) for k in range(5)])
    count = "SELECT count(*) FROM {} WHERE user_id = ?"
    assert clocked.store.scalar(count.format("achievements"), [ada]) == 0, "recording judges nothing"
    first = clocked.achievements(ada)
    again = clocked.achievements(ada)
    assert first == again
    events = clocked.store.all("SELECT object, result FROM events WHERE user_id = ? AND verb = 'unlocked-achievement' "
                               "ORDER BY object", [ada])
    assert [e[0] for e in events] == ["first-pass", "hint-free"]
    # a fresh judge on the same store (another server process) sees the same unlocks
    assert unlocked(Achievements(clocked.store, clocked.events).evaluate(clocked.progress(ada), NOW)) == {
        "first-pass", "hint-free"}
    # a hint-free run broken later stays unlocked
    record(clocked, ada, START, [Try(1, passed=False)])
    assert by_id(clocked.achievements(ada))["hint-free"].unlocked


def test_another_learners_practice_unlocks_nothing(clocked: Workbench) -> None:
    ada = new_learner(clocked)
    bob = clocked.register("bob", "bob@example.org", "Bob", PASSWORD).id
    record(clocked, bob, START, [Try(d, minute=k) for d in range(8) for k in range(2)])
    assert unlocked(clocked.achievements(ada)) == set()
    assert {"first-pass", "streak-7", "solved-10", "hint-free"} <= unlocked(clocked.achievements(bob))


def test_celebrations_come_once_and_only_after_new_activity(clocked: Workbench, monkeypatch) -> None:
    judged = []
    original = Achievements.evaluate

    def counting(self, progress, now):
        judged.append(progress.user_id)
        return original(self, progress, now)

    monkeypatch.setattr(Achievements, "evaluate", counting)
    ada = new_learner(clocked)
    assert clocked.celebrations(ada) == []
    assert clocked.celebrations(ada) == [] and len(judged) == 1, "nothing happened: not judged again"

    record(clocked, ada, START, [Try(0, hints=1)])
    first = clocked.celebrations(ada)
    assert [s.id for s in first] == ["first-pass"] and len(judged) == 2
    assert [s.id for s in clocked.celebrations(ada)] == ["first-pass"], "shown only once marked"
    clocked.mark_celebrated(ada, ["first-pass"])
    assert clocked.celebrations(ada) == []
    assert len(judged) == 2

    record(clocked, ada, START, [Try(d, hints=1) for d in range(1, 7)])
    assert [s.id for s in clocked.celebrations(ada)] == ["streak-7"]
    statuses = by_id(clocked.achievements(ada))
    assert statuses["first-pass"].celebrated and not statuses["streak-7"].celebrated
