"""The learner model through the Workbench (engine/learner.py): estimates, uncertainty, the level
and its overrides, and exercise calibration. Directions and orderings, never the tuned values."""

from __future__ import annotations

import statistics
from collections.abc import Callable
from datetime import datetime, timedelta

import pytest
from factories import START, Clock, answer_interview, new_learner

from engine.learner import GAP_DAYS, GENERAL_PRIOR
from engine.level import comfortable_level, expected_seconds, level_difficulty
from engine.workbench import Workbench

# easy exercises, each on one skill or two, none needing more than loops
EASY = ["python/digit-sum", "python/name-initials", "python/hailstone-sequence", "python/running-totals",
        "python/caesar-cipher", "python/split-into-teams"]
WRONG = "x = 1\n"


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    """The Workbench on the test's clock."""
    return make_wb(clock)


def record(wb: Workbench, user: int, outcomes: list[bool], start: datetime = START, **extra: object) -> None:
    """One result per outcome, on the easy exercises in turn, a minute apart."""
    for i, passed in enumerate(outcomes):
        wb.record_result(user, EASY[i % len(EASY)], passed, at=start + timedelta(minutes=i), **extra)  # type: ignore[arg-type]


def at_level(wb: Workbench, level: int) -> list[str]:
    """Exercises of an authored level: results at the learner's level move it both ways."""
    return [e.id for e in wb.exercises() if e.difficulty == level]


def mean_ability(wb: Workbench, user: int) -> float:
    return statistics.fmean(e.ability for e in wb.skill_estimates(user).values())


# -- a new learner and the interview ----------------------------------------------------------------


def test_a_new_learner_starts_at_the_prior(wb: Workbench, ada: int) -> None:
    estimates = wb.skill_estimates(ada)
    assert list(estimates) == list(wb.curriculum.skills)  # every skill, in curriculum order
    assert {e.ability for e in estimates.values()} == {GENERAL_PRIOR.mean}
    assert len({e.sd for e in estimates.values()}) == 1
    assert {e.evidence for e in estimates.values()} == {0}
    level = wb.level(ada)
    assert (level.value, level.pinned, level.offset_levels, level.history) == \
        (comfortable_level(GENERAL_PRIOR.mean), False, 0, [])


@pytest.mark.parametrize("how", ["seeded", "one-result"])
def test_a_new_learner_is_the_least_certain(wb: Workbench, ada: int, how: str) -> None:
    before = wb.skill_estimates(ada)["loops"].sd
    if how == "seeded":
        answer_interview(wb, ada, steps=2)
    else:
        record(wb, ada, [True])
    assert wb.skill_estimates(ada)["loops"].sd < before


def test_self_assessment_orders_the_estimates_and_the_level(make_wb: Callable[..., Workbench]) -> None:
    abilities, levels = [], []
    for self_level in ("new", "beginner", "comfortable", "confident"):
        wb = make_wb()
        user = new_learner(wb)
        answer_interview(wb, user, steps=2, level=self_level)
        abilities.append(mean_ability(wb, user))
        levels.append(wb.level(user).value)
    assert abilities == sorted(abilities) and len(set(abilities)) == len(abilities)
    assert levels == sorted(levels) and levels[-1] > levels[0]


def test_self_assessment_per_area(wb: Workbench, ada: int) -> None:
    wb.answer_onboarding(ada, "languages", {"languages": ["python"]})
    levels = dict.fromkeys(wb.skill_groups(), "new") | {"basics": "confident"}
    wb.answer_onboarding(ada, "levels", {"levels": levels})
    estimates = wb.skill_estimates(ada)
    basics = {s for s in estimates if wb.curriculum.group_of(s) == "basics"}
    assert basics and min(estimates[s].ability for s in basics) > max(
        e.ability for s, e in estimates.items() if s not in basics)


def test_answering_again_before_any_result_seeds_again(wb: Workbench, ada: int) -> None:
    answer_interview(wb, ada, steps=2, level="new")
    before = mean_ability(wb, ada)
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")})
    assert mean_ability(wb, ada) > before


@pytest.mark.parametrize("again", ["new", "beginner", "confident"])
def test_seeding_never_erases_evidence(wb: Workbench, ada: int, again: str) -> None:
    answer_interview(wb, ada, steps=2, level="beginner")
    record(wb, ada, [True, True, False, True])
    estimates, level = wb.skill_estimates(ada), wb.level(ada)
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), again)})
    assert wb.skill_estimates(ada) == estimates
    assert wb.level(ada) == level


@pytest.mark.parametrize("level", ["new", "beginner", "comfortable", "confident"])
def test_the_interview_is_mostly_about_general_ability(wb: Workbench, ada: int, level: str) -> None:
    before = wb.skill_estimates(ada)
    answer_interview(wb, ada, steps=2, level=level)
    after = wb.skill_estimates(ada)
    assert all(after[s].sd < before[s].sd for s in after)  # every answered skill is better known
    # one answer for a whole group says how strong the learner is, hardly how the group's skills differ
    abilities = [e.ability for e in after.values()]
    assert max(abilities) - min(abilities) < abs(statistics.fmean(abilities) - GENERAL_PRIOR.mean) + 0.1


def test_a_groups_answer_moves_its_skills_apart_from_the_others(wb: Workbench, ada: int) -> None:
    wb.answer_onboarding(ada, "languages", {"languages": ["python"]})
    levels = dict.fromkeys(wb.skill_groups(), "comfortable") | {"algorithms": "new"}
    wb.answer_onboarding(ada, "levels", {"levels": levels})
    estimates = wb.skill_estimates(ada)
    algorithms = {s for s in estimates if wb.curriculum.group_of(s) == "algorithms"}
    assert max(estimates[s].ability for s in algorithms) < min(e.ability for s, e in estimates.items()
                                                               if s not in algorithms)


@pytest.mark.parametrize("evidence_on", ["the-exercise", "its-skill"])
def test_evidence_makes_an_exercise_more_predictable(wb: Workbench, ada: int, evidence_on: str) -> None:
    """What the planner weighs beside the aim: the spread of what is unknown about one exercise."""
    exercise = wb.exercise("python/digit-sum")
    before = wb.model.spread(ada)(exercise)
    if evidence_on == "the-exercise":
        for i, name in enumerate(["bob", "cyd", "dee", "eve"]):
            wb.record_result(new_learner(wb, name), exercise.id, i % 2 == 0, at=START)
    else:
        other = next(e for e in wb.exercises() if e.skills[0] == exercise.skills[0] and e.id != exercise.id)
        for i in range(3):
            wb.record_result(ada, other.id, True, at=START + timedelta(minutes=i))
    assert wb.model.spread(ada)(exercise) < before


# -- evidence ---------------------------------------------------------------------------------------


def test_uncertainty_shrinks_with_evidence(wb: Workbench, ada: int) -> None:
    sds = [wb.skill_estimates(ada)["loops"].sd]
    loops = [e.id for e in wb.exercises() if "loops" in e.skills]
    for i, passed in enumerate([True, False, True, True, False, True]):
        wb.record_result(ada, loops[i], passed, at=START + timedelta(minutes=i))
        estimate = wb.skill_estimates(ada)["loops"]
        assert estimate.evidence == i + 1
        sds.append(estimate.sd)
    assert sds == sorted(sds, reverse=True)  # never wider (a floor may stop it shrinking)
    assert 0 < sds[-1] < sds[1] < sds[0]


@pytest.mark.parametrize(
    ("outcomes", "step", "word"),
    [([True] * 3, 1, "successes"), ([False] * 2, -1, "struggles"), ([True, True, False, True, True, True], 1, "successes"),
     ([False, True, False, False], -1, "struggles")],
    ids=["three-passes-up", "two-fails-down", "a-fail-restarts-the-run", "a-pass-restarts-the-run"],
)
def test_streaks_move_the_level(wb: Workbench, ada: int, outcomes: list[bool], step: int, word: str) -> None:
    start = wb.level(ada).value
    same = at_level(wb, start)
    for i, passed in enumerate(outcomes):
        wb.record_result(ada, same[i % len(same)], passed, at=START + timedelta(minutes=i))
    level = wb.level(ada)
    assert level.value == start + step
    (change,) = level.history
    assert (change.old_level, change.new_level, change.up) == (start, start + step, step > 0)
    assert word in change.reason and change.changed_at == START + timedelta(minutes=len(outcomes) - 1)
    logged = wb.store.all("SELECT object, context FROM events WHERE user_id = ? AND verb = 'level-changed'", [ada])
    assert len(logged) == 1 and logged[0][0] == str(start + step) and word in logged[0][1]


@pytest.mark.parametrize(("offset", "passed"), [(-1, True), (1, False)],
                         ids=["passes-below-the-level", "fails-above-the-level"])
def test_results_away_from_the_level_do_not_move_it_that_way(wb: Workbench, ada: int, offset: int, passed: bool) -> None:
    """Easy passes say nothing of being ready for harder work, nor hard fails of needing easier."""
    start = wb.level(ada).value
    away = at_level(wb, start + offset)
    for i in range(6):
        wb.record_result(ada, away[i % len(away)], passed, at=START + timedelta(minutes=i))
    assert (wb.level(ada).value, wb.level(ada).history) == (start, [])


@pytest.mark.parametrize("outcomes", [[True, True], [False], [True, False, True, True, False, True]],
                         ids=["two-passes", "one-fail", "no-run-long-enough"])
def test_short_runs_leave_the_level(wb: Workbench, ada: int, outcomes: list[bool]) -> None:
    start = wb.level(ada).value
    record(wb, ada, outcomes)
    assert (wb.level(ada).value, wb.level(ada).history) == (start, [])


def test_a_retry_continues_the_struggle_of_its_first_try(wb: Workbench, ada: int) -> None:
    """A fail, then a pass with 2 hints at the same exercise, is one struggle: each exercise counts
    once toward the level, by its first try, so solving it at last is no second struggle."""
    start = wb.level(ada).value
    first, second = at_level(wb, start)[:2]
    wb.record_result(ada, first, False, at=START)
    wb.record_result(ada, first, True, hints_used=2, at=START + timedelta(minutes=1))
    assert wb.level(ada).history == [] and wb.model.state(ada).staircase.struggles == 1
    wb.record_result(ada, second, False, at=START + timedelta(minutes=2))
    assert [(c.new_level, c.changed_at) for c in wb.level(ada).history] == [(start - 1, START + timedelta(minutes=2))], \
        "two exercises struggled with"


def test_a_retry_that_passes_is_no_success_of_its_own(wb: Workbench, ada: int) -> None:
    start = wb.level(ada).value
    same = at_level(wb, start)
    wb.record_result(ada, same[0], False, at=START)
    for i, exercise_id in enumerate([same[0], same[1], same[2]], start=1):
        wb.record_result(ada, exercise_id, True, at=START + timedelta(minutes=i))
    assert wb.level(ada).value == start, "two successes after the fail: the retry's pass is not a third"
    wb.record_result(ada, same[3], True, at=START + timedelta(minutes=4))
    assert wb.level(ada).value == start + 1


@pytest.mark.parametrize(("day_two", "moved"), [([False], -1), ([True, True, True], 1)],
                         ids=["failed-again-is-a-second-struggle", "passed-at-last-is-a-success"])
def test_an_exercise_failed_on_an_earlier_day_counts_again_by_its_first_try(wb: Workbench, ada: int,
                                                                            day_two: list[bool], moved: int) -> None:
    """Each exercise counts once a day, by its first try, on every day: failed yesterday and never
    passed, today's first try at it counts for the level all the same."""
    start = wb.level(ada).value
    same = at_level(wb, start)
    wb.record_result(ada, same[0], False, at=START)
    for i, passed in enumerate(day_two):
        wb.record_result(ada, same[i], passed, at=START + timedelta(days=1, minutes=i))
    assert [c.new_level for c in wb.level(ada).history] == [start + moved]


def test_an_exercise_met_again_after_a_pass_counts_again(wb: Workbench, ada: int) -> None:
    start = wb.level(ada).value
    first, second = at_level(wb, start)[:2]
    wb.record_result(ada, first, True, at=START)
    wb.record_result(ada, first, False, at=START + timedelta(days=3))  # a review, failed
    wb.record_result(ada, second, False, at=START + timedelta(days=3, minutes=1))
    assert [c.new_level for c in wb.level(ada).history] == [start - 1]


def test_submit_reports_the_level_change(wb: Workbench, ada: int) -> None:
    start = wb.level(ada).value
    same = at_level(wb, start)
    passes = [wb.submit(ada, e, wb.exercise(e).reference) for e in same[:3]]
    assert [a.passed for a in passes] == [True] * 3
    assert [a.level_change for a in passes[:2]] == [None, None]
    assert passes[2].level_change is not None and passes[2].level_change.up
    assert passes[2].level_change.new_level == start + 1
    fails = [wb.submit(ada, e, wb.exercise(e).starter) for e in same[3:5]]
    assert [a.passed for a in fails] == [False, False]
    assert fails[0].level_change is None
    assert fails[1].level_change is not None and not fails[1].level_change.up
    assert wb.level(ada).value == start


@pytest.mark.parametrize(
    ("hints", "duration"),
    [(1, None), (3, None), (0, 3 * expected_seconds(1)), (3, 3 * expected_seconds(1))],
    ids=["one-hint", "three-hints", "slow", "hints-and-slow"],
)
def test_help_and_slowness_make_a_pass_count_for_less(make_wb: Callable[..., Workbench], hints: int,
                                                      duration: float | None) -> None:
    def loops_after(**result: object) -> float:
        wb = make_wb()
        user = new_learner(wb)
        wb.record_result(user, "python/digit-sum", True, at=START, **result)  # type: ignore[arg-type]
        return wb.skill_estimate(user, "loops")

    clean = loops_after()
    helped = loops_after(hints_used=hints, duration_s=duration)
    assert clean > helped
    assert loops_after(duration_s=expected_seconds(1) / 2) == pytest.approx(clean)  # quick is as good as clean


def test_more_hints_count_for_less(make_wb: Callable[..., Workbench]) -> None:
    estimates = []
    for hints in (0, 1, 2, 3):
        wb = make_wb()
        user = new_learner(wb)
        wb.record_result(user, "python/digit-sum", True, hints_used=hints, at=START)
        estimates.append(wb.skill_estimate(user, "loops"))
    assert estimates == sorted(estimates, reverse=True)  # a pass's score may have a floor
    assert estimates[0] > estimates[1] > estimates[-1]


@pytest.mark.parametrize("gap_days", [GAP_DAYS, 4 * GAP_DAYS], ids=lambda d: f"{d}-days")
def test_a_long_gap_widens_uncertainty(make_wb: Callable[..., Workbench], gap_days: int) -> None:
    def after_gap(days: int) -> tuple[float, float]:
        """(how much the second pass moved the loops estimate, its uncertainty after it)."""
        wb = make_wb()
        user = new_learner(wb)
        wb.record_result(user, "python/digit-sum", True, at=START)
        before = wb.skill_estimate(user, "loops")
        wb.record_result(user, "python/hailstone-sequence", True, at=START + timedelta(days=days))
        after = wb.skill_estimates(user)["loops"]
        return after.ability - before, after.sd

    short_move, short_sd = after_gap(1)
    long_move, long_sd = after_gap(gap_days)
    assert long_sd > short_sd
    assert long_move > short_move > 0


@pytest.mark.parametrize(("away_days", "lead"), [(GAP_DAYS + 3, "welcome back, review: "), (2, "review: ")],
                         ids=["after-a-gap", "no-gap"])
def test_reviews_come_first_after_a_gap(wb: Workbench, ada: int, clock: Clock, away_days: int, lead: str) -> None:
    record(wb, ada, [True, True])
    clock.advance(days=GAP_DAYS + 3)
    if away_days < GAP_DAYS:  # another result since: no gap
        wb.record_result(ada, "python/look-and-say", False, at=clock.now - timedelta(days=away_days))
    picks = wb.daily_set(ada, 3)
    kinds = [p.kind for p in picks]
    reviews = [p for p in picks if p.kind == "review"]
    assert reviews and kinds == sorted(kinds, key=lambda k: k != "review")
    assert all(p.reason.startswith(lead) for p in reviews)


# -- the learner's overrides ------------------------------------------------------------------------


@pytest.mark.parametrize(("action", "step"), [("easier", -1), ("harder", 1)])
def test_easier_and_harder_move_the_level_by_one(wb: Workbench, ada: int, action: str, step: int) -> None:
    start = wb.level(ada).value
    change = wb.steer_level(ada, action)
    assert change is not None and (change.old_level, change.new_level) == (start, start + step)
    assert action in change.reason
    level = wb.level(ada)
    assert (level.value, level.pinned, level.offset_levels) == (start + step, False, step)
    assert level.history[0] == change


@pytest.mark.parametrize(("action", "sign"), [("harder", 1), ("easier", -1)])
def test_easier_and_harder_shift_the_picks(wb: Workbench, ada: int, action: str, sign: int) -> None:
    record(wb, ada, [True, True, False, True, True], start=START - timedelta(days=1))

    def mean_difficulty() -> float:
        return statistics.fmean(p.exercise.difficulty for p in wb.daily_set(ada, 5))

    before = mean_difficulty()
    wb.steer_level(ada, action)
    assert (mean_difficulty() - before) * sign >= 0


@pytest.mark.parametrize("pinned", [2, 6, 9])
def test_a_pinned_level_holds_through_streaks_and_aims_the_picks(wb: Workbench, ada: int, pinned: int) -> None:
    wb.steer_level(ada, "pin", level=pinned)
    record(wb, ada, [True] * 4 + [False] * 3)
    level = wb.level(ada)
    assert (level.value, level.pinned, len(level.history)) == (pinned, True, 1)
    fresh = [p for p in wb.daily_set(ada, 6) if p.kind in ("new", "practice")]
    assert fresh and all(abs(p.exercise.difficulty - pinned) <= 1 for p in fresh)


def test_auto_after_a_pin_returns_to_the_level_before_it_and_restores_the_rule(wb: Workbench, ada: int,
                                                                               clock: Clock) -> None:
    suggested = comfortable_level(wb.model.state(ada).general.mean)
    wb.steer_level(ada, "harder")
    clock.advance(minutes=1)
    wb.steer_level(ada, "pin", level=suggested + 4)
    clock.advance(minutes=1)
    change = wb.steer_level(ada, "auto")
    assert change is not None and "automatic" in change.reason
    assert (change.old_level, change.new_level) == (suggested + 4, suggested)
    assert (wb.level(ada).value, wb.level(ada).pinned, wb.level(ada).offset_levels) == (suggested, False, 0)
    for i, exercise_id in enumerate(at_level(wb, suggested)[:3]):
        wb.record_result(ada, exercise_id, True, at=clock.now + timedelta(minutes=i))
    assert wb.level(ada).value == suggested + 1


@pytest.mark.parametrize(("actions", "offset"), [(["easier"], -1), (["harder", "harder"], 2), (["easier", "harder"], 0)])
def test_auto_undoes_easier_and_harder(wb: Workbench, ada: int, clock: Clock, actions: list[str], offset: int) -> None:
    start = wb.level(ada).value
    for action in actions:
        wb.steer_level(ada, action)
        clock.advance(minutes=1)
    assert (wb.level(ada).value, wb.level(ada).offset_levels) == (start + offset, offset)
    wb.steer_level(ada, "auto")
    assert (wb.level(ada).value, wb.level(ada).offset_levels) == (start, 0)


@pytest.mark.parametrize(("pin", "action"), [(1, "easier"), (10, "harder")])
def test_easier_and_harder_do_nothing_at_the_end_of_the_scale(wb: Workbench, ada: int, pin: int, action: str) -> None:
    wb.steer_level(ada, "pin", level=pin)
    before = wb.level(ada)
    assert not before.can_steer(action)
    assert wb.steer_level(ada, action) is None
    assert wb.level(ada) == before, "no history row, no change of aim"


@pytest.mark.parametrize("action", ["easier", "harder"])
def test_steering_stops_three_levels_from_what_the_results_suggest(wb: Workbench, ada: int, action: str) -> None:
    direction = -1 if action == "easier" else 1
    wb.steer_level(ada, "pin", level=5)
    wb.steer_level(ada, "auto")  # an unpinned learner with room on both sides
    start = wb.level(ada).value
    steps = 0
    while wb.steer_level(ada, action) is not None:
        steps += 1
    level = wb.level(ada)
    assert steps == min(3, abs((1 if direction < 0 else 10) - start))
    assert (level.value, level.offset_levels) == (start + direction * steps, direction * steps), "level and aim in step"
    assert not level.can_steer(action) and level.can_steer("harder" if action == "easier" else "easier")


def test_easier_and_harder_move_a_pinned_level(wb: Workbench, ada: int, clock: Clock) -> None:
    wb.steer_level(ada, "pin", level=5)
    clock.advance(minutes=1)
    change = wb.steer_level(ada, "harder")
    assert change is not None and (change.old_level, change.new_level) == (5, 6) and "pinned" in change.reason
    level = wb.level(ada)
    assert (level.value, level.pinned, level.offset_levels) == (6, True, 0), "the pin moves; no aim on top of it"


@pytest.mark.parametrize(("action", "level"), [("sideways", None), ("", None), ("pin", None), ("pin", 0), ("pin", 11)],
                         ids=["unknown", "empty", "pin-without-a-level", "pin-0", "pin-11"])
def test_invalid_overrides_are_refused(wb: Workbench, ada: int, action: str, level: int | None) -> None:
    before = wb.level(ada)
    with pytest.raises(ValueError):
        wb.steer_level(ada, action, level)
    assert wb.level(ada) == before


# -- exercises --------------------------------------------------------------------------------------


def test_an_untried_exercise_has_its_authored_difficulty(wb: Workbench) -> None:
    for exercise_id in ("python/digit-sum", "python/caesar-cipher", "python/water-jugs"):
        assert wb.exercise_difficulty(exercise_id) == pytest.approx(level_difficulty(wb.exercise(exercise_id).difficulty))


@pytest.mark.parametrize(("passed", "sign"), [(False, 1), (True, -1)],
                         ids=["failed-by-many-is-harder", "passed-by-many-is-easier"])
def test_results_calibrate_an_exercise(wb: Workbench, passed: bool, sign: int) -> None:
    exercise = "python/caesar-cipher"
    authored = level_difficulty(wb.exercise(exercise).difficulty)
    for i in range(8):
        wb.record_result(new_learner(wb, f"learner{i}"), exercise, passed, at=START)
    assert (wb.exercise_difficulty(exercise) - authored) * sign > 0
    assert wb.exercise_difficulty("python/name-initials") == pytest.approx(level_difficulty(1))  # the others stay


@pytest.mark.parametrize(("easier", "harder"), [("python/name-initials", "python/caesar-cipher"),
                                                ("python/digit-sum", "python/water-jugs"),
                                                ("python/greet-with-default", "python/bind-call-arguments")],
                         ids=["strings", "loops", "functions"])
@pytest.mark.parametrize("history", [False, True], ids=["new", "with-results"])
def test_predict(wb: Workbench, ada: int, easier: str, harder: str, history: bool) -> None:
    if history:
        record(wb, ada, [True, False, True])
    p_easier, p_harder = wb.predict(ada, easier), wb.predict(ada, harder)
    assert 0 < p_harder < p_easier < 1


def test_predict_rises_after_passes(wb: Workbench, ada: int) -> None:
    before = wb.predict(ada, "python/look-and-say")
    record(wb, ada, [True, True])
    assert wb.predict(ada, "python/look-and-say") > before
