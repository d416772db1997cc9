"""The learner model and the daily set at their edges: the same exercise again the same day, results
imported late, the level around a pin and a new self-rating, unknown learners and odd input, two
first visits at once, and a band set away from the default."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import timedelta

import pytest
from factories import START, Clock, answer_interview, new_learner

from engine.accounts import AccountError
from engine.daily import DailySets
from engine.level import comfortable_level
from engine.profile import ProfileError
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    return make_wb(clock)


def at_level(wb: Workbench, level: int) -> list[str]:
    return [e.id for e in wb.exercises() if e.difficulty == level]


# -- the same exercise again the same day -------------------------------------------------------------


def test_passing_one_exercise_three_times_in_a_day_is_one_success(wb: Workbench, ada: int) -> None:
    start = wb.level(ada).value
    exercise = at_level(wb, start)[0]
    wb.record_result(ada, exercise, True, at=START)
    after_one = wb.skill_estimates(ada)
    for minutes in (10, 20):
        wb.record_result(ada, exercise, True, at=START + timedelta(minutes=minutes))
    assert (wb.level(ada).value, wb.level(ada).history) == (start, [])
    assert wb.skill_estimates(ada) == after_one, "a known answer says nothing new of ability"
    assert len(wb.history(ada)) == 3, "every try is still recorded"


def test_a_review_failed_twice_in_a_day_is_one_struggle(wb: Workbench, ada: int) -> None:
    start = wb.level(ada).value
    exercise = at_level(wb, start)[0]
    wb.record_result(ada, exercise, True, at=START)
    later = START + timedelta(days=3)
    wb.record_result(ada, exercise, False, at=later)
    wb.record_result(ada, exercise, False, at=later + timedelta(minutes=5))
    assert wb.level(ada).value == start
    other = at_level(wb, start)[1]
    wb.record_result(ada, other, False, at=later + timedelta(minutes=10))
    assert wb.level(ada).value == start - 1, "a struggle at another exercise makes two in a row"


# -- results imported late ----------------------------------------------------------------------------


def test_an_older_result_recorded_late_moves_nothing_back(wb: Workbench, ada: int, clock: Clock) -> None:
    clock.advance(days=20)
    wb.record_result(ada, "python/digit-sum", True, duration_s=300)
    due = wb.reviews.progress(ada)["python/digit-sum"].due_at
    wb.record_result(ada, "python/hailstone-sequence", True, at=clock.now - timedelta(days=10))
    wb.record_result(ada, "python/digit-sum", True, at=clock.now - timedelta(days=10))
    assert wb.model.state(ada).last_result_at == clock.now
    progress = wb.reviews.progress(ada)["python/digit-sum"]
    assert (progress.last_seen_at, progress.due_at, progress.passes) == (clock.now, due, 2)
    picks = wb.daily_set(ada, 6)
    assert "python/digit-sum" not in [p.exercise.id for p in picks], "passed today: not again today"
    assert not any(p.reason.startswith("welcome back") for p in picks)


# -- the level around a pin and a new self-rating -------------------------------------------------------


def test_back_to_automatic_after_a_pin_returns_to_the_level_before_it(wb: Workbench, ada: int, clock: Clock) -> None:
    start = wb.level(ada).value
    wb.steer_level(ada, "harder")
    clock.advance(minutes=1)
    wb.steer_level(ada, "pin", level=start + 3)
    clock.advance(minutes=1)
    wb.steer_level(ada, "easier")  # moves the pin, not the level to return to
    clock.advance(minutes=1)
    change = wb.steer_level(ada, "auto")
    assert change is not None and change.reason == f"back to automatic: level {start}, where your results put you before the pin"
    assert (wb.level(ada).value, wb.level(ada).pinned, wb.level(ada).offset_levels) == (start, False, 0)


@pytest.mark.parametrize("level", [5.5, True, "5", None, 0, 11])
def test_a_pin_needs_a_whole_level(wb: Workbench, ada: int, level: object) -> None:
    with pytest.raises(ValueError, match="pin needs a whole level from 1 to 10"):
        wb.steer_level(ada, "pin", level)  # type: ignore[arg-type]
    assert wb.level(ada).history == []


def test_a_new_self_rating_moves_the_level_in_its_history(wb: Workbench, ada: int, clock: Clock) -> None:
    answer_interview(wb, ada, level="new")
    seeded = wb.level(ada)
    assert seeded.history == [], "the interview's first answers start the level: no change yet"
    clock.advance(minutes=1)
    wb.steer_level(ada, "harder")
    clock.advance(minutes=1)
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")})
    level = wb.level(ada)
    assert level.value > seeded.value + 1 and level.offset_levels == 1, "still one level harder, as asked"
    change = level.history[0]
    assert (change.old_level, change.new_level, change.reason) == (seeded.value + 1, level.value, "from your self-rating")
    logged = wb.store.all("SELECT object FROM events WHERE user_id = ? AND verb = 'level-changed'", [ada])
    assert [row[0] for row in logged][-1] == str(level.value)


def test_a_new_self_rating_while_pinned_is_the_level_back_to_automatic_returns_to(wb: Workbench, ada: int,
                                                                                  clock: Clock) -> None:
    """The pin holds through a new self-rating, but the level before the pin was the old rating's:
    Back to automatic returns to the new one, not to the rating it replaced."""
    answer_interview(wb, ada, level="confident")
    clock.advance(minutes=1)
    wb.steer_level(ada, "pin", level=5)
    clock.advance(minutes=1)
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "new")})
    assert (wb.level(ada).value, wb.level(ada).pinned) == (5, True), "the pin holds"
    rated = comfortable_level(wb.model.state(ada).general.mean)
    clock.advance(minutes=1)
    change = wb.steer_level(ada, "auto")
    assert change is not None and change.new_level == rated < 5


# -- unknown learners and odd input -------------------------------------------------------------------


@pytest.mark.parametrize("call", [
    lambda wb: wb.daily_set(9999), lambda wb: wb.next_exercises(9999, 3), lambda wb: wb.todays_set(9999),
    lambda wb: wb.predict(9999, "python/digit-sum"), lambda wb: wb.steer_level(9999, "harder"),
    lambda wb: wb.skip(9999, "python/digit-sum"),
], ids=["daily_set", "next_exercises", "todays_set", "predict", "steer_level", "skip"])
def test_an_unknown_learner_is_refused_and_nothing_is_written(wb: Workbench, call: Callable[[Workbench], object]) -> None:
    with pytest.raises(AccountError, match="no user 9999"):
        call(wb)
    for table in ("daily_sets", "learner_state", "level_changes", "exercise_progress", "events"):
        assert wb.store.scalar(f"SELECT count(*) FROM {table} WHERE user_id = 9999") == 0, table


@pytest.mark.parametrize("n", [2.5, "3", True, -1])
def test_the_set_size_is_a_whole_number(wb: Workbench, ada: int, n: object) -> None:
    with pytest.raises(ValueError, match="n must be a whole number, 0 or more"):
        wb.next_exercises(ada, n)  # type: ignore[arg-type]


@pytest.mark.parametrize("seconds", [-100.0, float("nan"), float("inf")])
def test_a_duration_is_seconds_zero_or_more(wb: Workbench, ada: int, seconds: float) -> None:
    with pytest.raises(ValueError, match="duration_s must be a number of seconds"):
        wb.record_result(ada, "python/digit-sum", True, duration_s=seconds)
    assert wb.history(ada) == [] and wb.model.state(ada).evidence == 0


def test_an_answer_chosen_twice_is_kept_once(wb: Workbench, ada: int) -> None:
    profile = wb.answer_onboarding(ada, "languages", {"languages": ["python", "python"]})
    assert profile.languages == ("python",)
    with pytest.raises(ProfileError, match="the levels are new, beginner, comfortable, confident"):
        wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "expert")})


# -- two first visits at once ---------------------------------------------------------------------------


def test_two_first_visits_at_once_share_one_plan(wb: Workbench, ada: int) -> None:
    """Streamlit may run the Practice page twice at once: both runs plan the day, one plan stands."""
    sets = DailySets(wb.store, wb.bank)

    def slow_plan():  # both runs read an empty day before either writes its plan
        picks = wb.daily_set(ada, 3)
        time.sleep(0.3)
        return picks

    seen, failures = [], []

    def visit() -> None:
        try:
            seen.append(sets.planned(ada, START.date(), slow_plan))
        except Exception as error:  # noqa: BLE001 - the test reports it
            failures.append(error)

    runs = [threading.Thread(target=visit) for _ in range(2)]
    for run in runs:
        run.start()
    for run in runs:
        run.join()
    assert failures == []
    assert len(seen) == 2 and seen[0] == seen[1] and len(seen[0].items) == 3


# -- a band set away from the default -------------------------------------------------------------------


def test_a_low_band_is_aimed_at(settings: Settings, sandbox, bank, clock: Clock) -> None:
    low = Workbench(replace(settings, target_band_low=0.3, target_band_high=0.45), store=Store(), sandbox=sandbox,
                    bank=bank, clock=clock)
    try:
        learner = new_learner(low)
        chances = [p.probability for p in low.daily_set(learner, 4)]
        assert sum(chances) / len(chances) < 0.5, chances
    finally:
        low.close()


def test_a_steered_pick_is_named_by_the_chance_shown(wb: Workbench, ada: int, clock: Clock) -> None:
    for i, exercise in enumerate(at_level(wb, 3)[:6]):  # practised skills: their picks are named by chance
        wb.record_result(ada, exercise, True, at=START + timedelta(minutes=i))
    clock.advance(days=1)
    for _ in range(3):
        wb.steer_level(ada, "harder")
        clock.advance(minutes=1)
    low, high = wb.settings.target_band_low, wb.settings.target_band_high
    practice = [p for p in wb.daily_set(ada, 8) if p.kind == "practice"]
    assert practice
    for pick in practice:
        word = "stretch" if pick.probability < low else "warm-up" if pick.probability > high else "practice"
        assert pick.reason.startswith(f"{word}:"), pick.reason
    assert any(p.reason.startswith("stretch:") for p in practice), "three levels harder: below the band"



# -- prerequisites ------------------------------------------------------------------------------------


def test_a_few_passes_in_the_first_skills_do_not_open_the_later_ones(wb: Workbench, ada: int, clock: Clock) -> None:
    passed = set()
    for _ in range(6):  # six passes in a row, each the planner's own pick
        pick = wb.daily_set(ada, 1)[0].exercise
        wb.record_result(ada, pick.id, True, duration_s=200)
        passed.add(pick.skills[0])
        clock.advance(hours=3)
    skills = {p.exercise.skills[0] for p in wb.daily_set(ada, 12)}
    opened = {s for s in wb.curriculum.skills if all(r in passed for r in wb.curriculum.requires(s))}
    assert skills <= opened, f"{skills - opened} offered before their prerequisites were passed"


def test_a_confident_self_rating_opens_the_later_skills_at_once(wb: Workbench, ada: int) -> None:
    answer_interview(wb, ada, level="confident", minutes=96)
    skills = {p.exercise.skills[0] for p in wb.daily_set(ada, 12)}
    roots = {s for s in wb.curriculum.skills if not wb.curriculum.requires(s)}
    assert skills - roots, "a learner sure of every area starts beyond the first skills"
    assert wb.locked_skills(ada) == []


def test_a_new_learner_is_told_which_skills_are_locked(wb: Workbench, ada: int) -> None:
    answer_interview(wb, ada, level="new")
    locked = wb.locked_skills(ada)
    assert locked and locked == sorted(locked, key=wb.curriculum.order)
    assert all(wb.curriculum.requires(s) for s in locked), "a skill needing nothing is never locked"
    assert not {p.exercise.skills[0] for p in wb.daily_set(ada, 12)} & set(locked)
