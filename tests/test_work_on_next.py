"""One meaning of a learner's weakest skill: the skill to work on next (``engine.progress.work_on_next``),
named alike on the learner's Progress page and on their educator's cohort dashboard (the Learners
table and the outline in the mastery heatmap)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import polars as pl
import pytest
from factories import PASSWORD, new_learner
from practice_history import Try, record

from engine.learner import SkillEstimate
from engine.progress import MASTERY_EVIDENCE, work_on_next
from engine.workbench import Workbench

START = datetime(2026, 2, 2, 9, 0, tzinfo=UTC)
NOW = datetime(2026, 3, 20, 18, 0, tzinfo=UTC)


@pytest.fixture
def clocked(make_wb: Callable[..., Workbench]) -> Workbench:
    return make_wb(clock=lambda: NOW)


def one_skill_exercises(wb: Workbench, skill: str) -> list[str]:
    return [e.id for e in wb.exercises() if e.skills == (skill,)]


def test_a_learner_gets_the_same_skill_on_progress_and_on_the_dashboard(clocked: Workbench) -> None:
    """Ada passed two Strings exercises and failed a Lists one three times, before Loops, which Lists builds
    on: Lists is her lowest cell in the heatmap, yet it waits on Loops, so Strings is what she works on
    next. The dashboard used to leave the educator to read her weakest skill off the reddest cell (Lists)."""
    tess = clocked.register("tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
    cohort = clocked.create_cohort(tess.id, "Spring")
    ada, bob = new_learner(clocked, "ada"), new_learner(clocked, "bob")
    strings, lists = one_skill_exercises(clocked, "strings"), one_skill_exercises(clocked, "lists")
    record(clocked, ada, START, [Try(0, strings[0]), Try(0, strings[1], minute=10)]
           + [Try(1, lists[0], passed=False, minute=m) for m in (0, 10, 20)])
    record(clocked, bob, START, [Try(d, "python/digit-sum", duration_s=120) for d in range(6)]
           + [Try(d, "python/name-initials", passed=False, hints=2, minute=5) for d in range(6)])
    for learner in (ada, bob):
        clocked.join_cohort(learner, cohort.join_code)

    board = clocked.cohort_dashboard(tess.id, cohort.id)
    mine = board.mastery.filter((pl.col("user_id") == ada) & (pl.col("evidence") > 0)).sort("mastery")
    assert mine["skill"].to_list() == ["lists", "strings"], "the reddest cell of her row is Lists"
    progress = clocked.progress(ada)
    assert progress.next_skill is not None and progress.next_skill.skill == "strings"

    for learner in (ada, bob):  # and every other learner alike
        named = clocked.progress(learner).next_skill
        row = board.learners.filter(pl.col("user_id") == learner).row(0, named=True)
        assert named is not None and (row["next_skill"], row["next_skill_name"]) == (named.skill, named.name)
        outlined = board.mastery.filter((pl.col("user_id") == learner) & pl.col("is_next"))["skill"].to_list()
        assert outlined == [named.skill], "the heatmap outlines that one cell of the row"


def estimate(skill: str, ability: float, evidence: int, sd: float = 0.5) -> SkillEstimate:
    return SkillEstimate(skill, ability, sd, evidence)


def test_a_mastered_skill_is_not_the_one_to_work_on_however_it_ranks(clocked: Workbench) -> None:
    curriculum = clocked.curriculum
    estimates = {"loops": estimate("loops", 1.2, 3 * MASTERY_EVIDENCE), "strings": estimate("strings", 2.0, 2)}
    named = work_on_next(curriculum, estimates, {"loops": {"attempts": 15, "passes": 12},
                                                  "strings": {"attempts": 2, "passes": 2}})
    assert named is not None and named.skill == "strings"
    # "your weakest skill" would be untrue: Loops ranks lower, and is done
    assert named.reason == "the weakest of your skills ready to work on, at about level 7; 2 of 2 tries passed"


def test_the_weakest_of_all_is_called_so(clocked: Workbench) -> None:
    estimates = {"loops": estimate("loops", 0.2, 4), "strings": estimate("strings", -0.4, 6)}
    named = work_on_next(clocked.curriculum, estimates, {"strings": {"attempts": 6, "passes": 1}})
    assert named is not None and named.skill == "strings"
    assert named.reason == "your weakest skill so far, at about level 3; 1 of 6 tries passed"
