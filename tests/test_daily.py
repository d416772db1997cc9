"""Today's set (engine/daily.py): planned once a day, holding still while the learner works through it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from factories import Clock, answer_interview, new_learner

from engine.bank import Bank
from engine.daily import PlannedExercise, TodaysSet
from engine.planner import Pick
from engine.workbench import Workbench


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    """The Workbench on the test's clock."""
    return make_wb(clock)


def ids(todays: TodaysSet) -> list[str]:
    return [item.pick.exercise.id for item in todays.items]


def statuses(todays: TodaysSet) -> list[str]:
    return [item.status for item in todays.items]


# -- done and complete --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("items", "done", "complete"),
    [
        ([], 0, False),
        (["todo"], 0, False),
        (["tried"], 0, False),
        (["passed"], 1, True),
        (["skipped"], 1, True),
        (["passed", "skipped"], 2, True),
        (["passed", "tried", "skipped", "todo"], 2, False),
        (["passed", "passed", "tried"], 2, False),
    ],
    ids=["empty", "todo", "tried", "passed", "skipped", "passed-and-skipped", "one-of-each", "one-still-failing"],
)
def test_done_and_complete(bank: Bank, clock: Clock, items: list[str], done: int, complete: bool) -> None:
    pick = Pick(bank.get("python/digit-sum"), 0.8, "a reason", "new")
    todays = TodaysSet(clock.now.date(), [PlannedExercise(pick, status) for status in items])
    assert (todays.done, todays.complete) == (done, complete)


# -- holding still ------------------------------------------------------------------------------------


def test_the_first_visit_plans_the_set(wb: Workbench, ada: int, clock: Clock) -> None:
    todays = wb.todays_set(ada)
    assert todays.day == clock.now.date()
    assert len(todays.items) == wb.settings.daily_set_size
    assert statuses(todays) == ["todo"] * len(todays.items)
    assert all(item.pick.reason and 0 < item.pick.probability < 1 for item in todays.items)
    assert ids(todays) == [p.exercise.id for p in wb.daily_set(ada)]  # what the planner said then
    assert (todays.done, todays.complete) == (0, False)


def test_the_set_holds_still_through_the_day(wb: Workbench, ada: int, clock: Clock) -> None:
    planned = wb.todays_set(ada)
    first, second, third = ids(planned)
    wb.record_result(ada, first, True)
    clock.advance(minutes=10)
    wb.record_result(ada, second, False)
    assert [p.exercise.id for p in wb.daily_set(ada)] != ids(planned)  # the planner has moved on...
    todays = wb.todays_set(ada)
    assert ids(todays) == ids(planned)  # ...today's set has not
    assert statuses(todays) == ["passed", "tried", "todo"]
    assert (todays.done, todays.skipped, todays.complete) == (1, 0, False)

    clock.advance(minutes=10)
    wb.skip(ada, third)
    assert statuses(wb.todays_set(ada)) == ["passed", "tried", "skipped"]
    assert wb.todays_set(ada).done == 2 and not wb.todays_set(ada).complete
    assert wb.todays_set(ada).skipped == 1

    clock.advance(minutes=10)
    wb.record_result(ada, second, True)
    todays = wb.todays_set(ada)
    assert ids(todays) == ids(planned)
    assert statuses(todays) == ["passed", "passed", "skipped"]
    assert (todays.done, todays.complete) == (3, True)


@pytest.mark.parametrize(
    ("actions", "status"),
    [
        ([], "todo"),
        (["pass"], "passed"),
        (["fail"], "tried"),
        (["skip"], "skipped"),
        (["fail", "fail"], "tried"),
        (["fail", "pass"], "passed"),
        (["pass", "fail"], "passed"),
        (["fail", "skip"], "skipped"),
        (["skip", "pass"], "passed"),
        (["pass-yesterday"], "todo"),
    ],
    ids=lambda v: "-".join(v) if isinstance(v, list) else v,
)
def test_the_status_of_an_exercise(wb: Workbench, ada: int, clock: Clock, actions: list[str], status: str) -> None:
    exercise = ids(wb.todays_set(ada))[0]
    for action in actions:
        clock.advance(minutes=5)
        if action == "skip":
            wb.skip(ada, exercise)
        else:
            at = clock.now - timedelta(days=1) if action.endswith("yesterday") else clock.now
            wb.record_result(ada, exercise, action.startswith("pass"), at=at)
    assert statuses(wb.todays_set(ada))[0] == status


def test_the_size_follows_the_profile(wb: Workbench, ada: int) -> None:
    answer_interview(wb, ada, minutes=30)
    assert len(wb.todays_set(ada).items) == wb.profile(ada).daily_set_size == 4


def test_each_learner_has_their_own_set(wb: Workbench, ada: int) -> None:
    bob = new_learner(wb, "bob")
    wb.record_result(ada, ids(wb.todays_set(ada))[0], True)
    assert statuses(wb.todays_set(bob)) == ["todo"] * len(wb.todays_set(bob).items)


# -- the next day ---------------------------------------------------------------------------------------


def test_a_new_set_the_next_day(wb: Workbench, ada: int, clock: Clock) -> None:
    yesterday = wb.todays_set(ada)
    for exercise_id in ids(yesterday):
        wb.record_result(ada, exercise_id, True)
    assert wb.todays_set(ada).complete

    clock.advance(days=1)
    today = wb.todays_set(ada)
    assert today.day == yesterday.day + timedelta(days=1)
    assert statuses(today) == ["todo"] * len(today.items) and today.items
    assert ids(today) != ids(yesterday)
    for item in today.items:
        assert item.pick.kind == "review" or item.pick.exercise.id not in ids(yesterday)
    assert wb.daily_sets.get(ada, yesterday.day).complete  # yesterday's set is kept as it went


# -- more -----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("n", [1, 2, 5], ids=lambda n: f"n={n}")
def test_more_exercises_adds_new_distinct_ones(wb: Workbench, ada: int, n: int) -> None:
    planned = ids(wb.todays_set(ada))
    more = wb.more_exercises(ada, n)
    assert ids(more)[: len(planned)] == planned
    assert len(more.items) == len(planned) + n
    assert len(set(ids(more))) == len(more.items)
    assert statuses(more)[len(planned):] == ["todo"] * n
    assert ids(wb.todays_set(ada)) == ids(more)  # kept for the day


def test_more_exercises_before_the_first_visit(wb: Workbench, ada: int) -> None:
    more = wb.more_exercises(ada, 2)
    assert len(more.items) == wb.settings.daily_set_size + 2
    assert len(set(ids(more))) == len(more.items)


def test_more_exercises_after_finishing_the_set(wb: Workbench, ada: int) -> None:
    planned = ids(wb.todays_set(ada))
    for exercise_id in planned:
        wb.record_result(ada, exercise_id, True)
    more = wb.more_exercises(ada, 1)
    assert statuses(more) == ["passed"] * len(planned) + ["todo"]
    assert ids(more)[-1] not in planned
    assert not more.complete


# -- steering the level -----------------------------------------------------------------------------------


def predicted(wb: Workbench, user: int, todays: TodaysSet) -> float:
    return sum(wb.predict(user, i) for i in ids(todays)) / len(todays.items)


@pytest.mark.parametrize(("action", "times", "harder"), [("harder", 3, True), ("easier", 2, False)])
def test_steering_chooses_the_exercises_not_begun_again(wb: Workbench, ada: int, action: str, times: int,
                                                        harder: bool) -> None:
    """What was begun (code written), tried or skipped stays in its place; the rest, an exercise only opened
    among them (the Practice page opens the next one by itself), is chosen again at the new aim."""
    answer_interview(wb, ada, minutes=60)
    planned = ids(wb.todays_set(ada))
    passed, failed, skipped, begun, opened, *others = planned
    wb.record_result(ada, passed, True)
    wb.record_result(ada, failed, False)
    wb.skip(ada, skipped)
    wb.save_draft(ada, begun, "def f():\n    return 1\n")
    wb.work_on(ada, opened)  # the Practice page opens it: its draft starts, with the starter code
    unopened = [opened, *others]
    before = predicted(wb, ada, wb.todays_set(ada))
    for _ in range(times - 1):
        assert wb.steer_level(ada, action) is not None
    last_before = ids(wb.todays_set(ada))[4:]
    assert wb.steer_level(ada, action) is not None
    after = wb.todays_set(ada)
    assert ids(after)[:4] == [passed, failed, skipped, begun]  # what was tried or begun stays, in its place
    assert statuses(after)[:4] == ["passed", "tried", "skipped", "todo"]
    fresh = ids(after)[4:]
    assert len(fresh) == len(unopened) and len(set(ids(after))) == len(after.items)
    wanted = [p.exercise.id for p in wb.daily_set(ada, len(planned)) if p.exercise.id not in planned[:4]][: len(unopened)]
    assert set(fresh) == set(wanted), "the planner's picks at the new aim"
    assert set(fresh) != set(unopened)
    assert all(new == old for new, old in zip(fresh, last_before, strict=True) if old in wanted), \
        "chosen again by the last steer: in its place"
    assert (predicted(wb, ada, after) < before) if harder else (predicted(wb, ada, after) > before)


def test_a_new_self_rating_chooses_the_exercises_not_begun_again(wb: Workbench, ada: int) -> None:
    """Rated again on Profile, before any result: the level moves, and so does today's set, as after Harder."""
    answer_interview(wb, ada, minutes=60, level="new")
    planned = wb.todays_set(ada)
    begun = ids(planned)[0]
    wb.save_draft(ada, begun, "def f():\n    return 1\n")
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")})
    after = wb.todays_set(ada)
    assert ids(after)[0] == begun and len(after.items) == len(planned.items)
    assert set(ids(after)[1:]) != set(ids(planned)[1:])
    assert predicted(wb, ada, after) < predicted(wb, ada, planned), "harder exercises, for the learner rated anew"


def test_a_new_self_rating_after_results_keeps_the_set(wb: Workbench, ada: int) -> None:
    """Once results speak, a new self-rating changes nothing of the model, nor of today's set."""
    answer_interview(wb, ada, minutes=60)
    planned = ids(wb.todays_set(ada))
    wb.record_result(ada, planned[0], True)
    wb.answer_onboarding(ada, "levels", {"levels": dict.fromkeys(wb.skill_groups(), "confident")})
    assert ids(wb.todays_set(ada)) == planned


def test_a_pinned_level_with_few_exercises_near_it_never_shrinks_the_set(wb: Workbench, ada: int) -> None:
    """Pinned at 10, the planner has few exercises near it: the places it has nothing new for keep theirs."""
    answer_interview(wb, ada, minutes=60)
    planned = ids(wb.todays_set(ada))
    wb.steer_level(ada, "pin", level=10)
    after = ids(wb.todays_set(ada))
    near = [e.id for e in wb.next_exercises(ada, len(planned))]
    assert len(near) < len(planned), "the case itself: fewer picks than places"
    assert len(after) == len(planned) and len(set(after)) == len(after)
    assert set(near) <= set(after)
    wb.steer_level(ada, "pin", level=1)
    assert len(wb.todays_set(ada).items) == len(planned)


@pytest.mark.parametrize("days_ago", [0, 1], ids=["opened-today", "opened-yesterday"])
def test_only_an_exercise_opened_today_is_kept(wb: Workbench, clock: Clock, days_ago: int) -> None:
    """A draft left on an earlier day says nothing of today. Two learners alike but for one draft steer alike:
    a draft of today keeps its exercise in place; one of yesterday changes nothing."""
    ada, bob = new_learner(wb, "ada"), new_learner(wb, "bob")
    for who in (ada, bob):
        answer_interview(wb, who, minutes=60)
    planned = {who: ids(wb.todays_set(who)) for who in (ada, bob)}
    assert planned[ada] == planned[bob], "the case itself: learners alike plan alike"
    wb.steer_level(bob, "harder")
    steered = ids(wb.todays_set(bob))
    replaced = next(i for i in planned[bob] if i not in steered)  # one the steer chose again away
    wb.attempts.save_draft(ada, replaced, "# begun", at=clock.now - timedelta(days=days_ago))
    wb.steer_level(ada, "harder")
    after = ids(wb.todays_set(ada))
    if days_ago:
        assert after == steered
    else:
        assert after.index(replaced) == planned[ada].index(replaced), "kept, in its place"
        assert len(after) == len(steered) and len(set(after)) == len(after)


def test_steering_that_changes_nothing_keeps_the_set(wb: Workbench, ada: int) -> None:
    planned = ids(wb.todays_set(ada))
    assert wb.steer_level(ada, "auto") is None  # automatic already
    assert ids(wb.todays_set(ada)) == planned


def test_steering_before_the_first_visit_plans_nothing(wb: Workbench, ada: int, clock: Clock) -> None:
    wb.steer_level(ada, "harder")
    assert wb.daily_sets.get(ada, clock.now.date()).items == []
    assert len(wb.todays_set(ada).items) == wb.settings.daily_set_size  # planned on the first visit, at the new aim


def test_steering_with_every_exercise_tried_keeps_the_set(wb: Workbench, ada: int) -> None:
    planned = ids(wb.todays_set(ada))
    for exercise_id in planned:
        wb.record_result(ada, exercise_id, False)
    wb.steer_level(ada, "easier")
    assert ids(wb.todays_set(ada)) == planned
