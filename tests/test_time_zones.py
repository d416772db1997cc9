"""A learner's days are those of their own time zone: today's set, what counts as tried today, the
active days and streaks. Stored times stay UTC."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta

import polars as pl
import pytest
from factories import Clock, new_learner

from engine.accounts import AccountError
from engine.clock import DEFAULT_TIME_ZONE, day_bounds, in_zone, local_day, time_zones, valid_time_zone, zone
from engine.workbench import Workbench

# In Los Angeles, 2 March 2026 runs from 08:00 UTC that day to 08:00 UTC the next (standard time).
LA = "America/Los_Angeles"
LA_NOON = datetime(2026, 3, 2, 20, 0, tzinfo=UTC)  # 12:00 on Monday 2 March there
LA_EVENING = datetime(2026, 3, 3, 2, 0, tzinfo=UTC)  # 18:00 the same Monday there; Tuesday in UTC


@pytest.fixture
def clock() -> Clock:
    return Clock(LA_NOON)


@pytest.fixture
def wb(make_wb: Callable[..., Workbench], clock: Clock) -> Workbench:
    return make_wb(clock)


@pytest.fixture
def learner_in(wb: Workbench) -> Callable[[str | None], int]:
    names = iter(("ada", "bob", "cyd", "dee"))

    def make(zone: str | None) -> int:
        user_id = new_learner(wb, next(names))
        if zone is not None:
            wb.set_time_zone(user_id, zone)
        return user_id
    return make


# -- the zone itself ----------------------------------------------------------------------------------


@pytest.mark.parametrize(("day", "zone", "hours"), [
    (date(2026, 3, 2), "UTC", 24),
    (date(2026, 3, 29), "Europe/Paris", 23),  # the clocks go forward
    (date(2026, 10, 25), "Europe/Paris", 25),  # and back
    (date(2026, 3, 2), "Asia/Kolkata", 24),
])
def test_a_day_runs_from_its_midnight_to_the_next_in_its_zone(day: date, zone: str, hours: int) -> None:
    start, end = day_bounds(day, zone)
    assert start.tzinfo is None and end.tzinfo is None, "as the store keeps times: naive UTC"
    assert (end - start) == timedelta(hours=hours)
    assert local_day(start.replace(tzinfo=UTC), zone) == day
    assert local_day((end - timedelta(microseconds=1)).replace(tzinfo=UTC), zone) == day
    assert local_day(end.replace(tzinfo=UTC), zone) == day + timedelta(days=1)


@pytest.mark.parametrize("name", ["Mars/Olympus", "", "   ", None, 3, "../../etc/passwd", "localtime", "utc+2"])
def test_only_a_known_time_zone_is_taken(name: object) -> None:
    with pytest.raises(ValueError, match="is not a time zone: use a name such as Europe/Paris"):
        valid_time_zone(name)


def test_the_zones_offered_start_with_utc_and_hold_the_usual_ones() -> None:
    zones = time_zones()
    assert zones[0] == DEFAULT_TIME_ZONE
    assert {"Europe/Paris", "America/New_York", "Pacific/Auckland", "Asia/Kolkata"} <= set(zones)
    assert valid_time_zone(" Europe/Paris ") == "Europe/Paris"


def test_a_new_account_has_no_zone_until_told_and_keeps_the_one_set(wb: Workbench, learner_in) -> None:
    ada = learner_in(None)
    user = wb.user(ada)
    assert user is not None and user.time_zone is None
    assert wb.local_now(ada) == LA_NOON and local_day(LA_NOON, None) == date(2026, 3, 2), "UTC meanwhile"
    assert wb.set_time_zone(ada, LA).time_zone == LA
    assert wb.user(ada).time_zone == LA
    assert wb.local_now(ada).utcoffset() == timedelta(hours=-8)
    with pytest.raises(ValueError, match="not a time zone"):
        wb.set_time_zone(ada, "Pacific/Atlantis")
    assert wb.user(ada).time_zone == LA, "a refused name changes nothing"
    with pytest.raises(AccountError):
        wb.set_time_zone(99_999, LA)


def test_an_account_can_be_made_with_its_zone(wb: Workbench) -> None:
    user = wb.accounts.register("bea", "bea@example.org", "Bea", "tidy-otter-93", time_zone="Asia/Tokyo")
    assert wb.user(user.id).time_zone == "Asia/Tokyo"
    with pytest.raises(ValueError, match="not a time zone"):
        wb.accounts.register("cy", "cy@example.org", "Cy", "tidy-otter-93", time_zone="Tokyo")
    assert wb.accounts.by_username("cy") is None


# -- today's set and what was done today ----------------------------------------------------------------


def test_todays_set_lasts_until_the_learners_own_midnight(wb: Workbench, clock: Clock, learner_in) -> None:
    west, utc = learner_in(LA), learner_in(None)
    planned = {who: wb.todays_set(who) for who in (west, utc)}
    assert planned[west].day == planned[utc].day == date(2026, 3, 2)
    first = planned[west].items[0].pick.exercise.id
    clock.now = LA_EVENING
    wb.record_result(west, first, True, duration_s=120)
    evening = wb.todays_set(west)
    assert evening.day == date(2026, 3, 2), "still Monday in Los Angeles"
    assert [i.pick.exercise.id for i in evening.items] == [i.pick.exercise.id for i in planned[west].items]
    assert evening.items[0].status == "passed" and evening.done == 1
    assert wb.todays_set(utc).day == date(2026, 3, 3), "Tuesday in UTC: a new day's set"
    clock.now = datetime(2026, 3, 3, 8, 0, tzinfo=UTC)  # midnight in Los Angeles
    tuesday = wb.todays_set(west)
    assert tuesday.day == date(2026, 3, 3) and tuesday.done == 0


def ids(planned) -> list[str]:
    return [item.pick.exercise.id for item in planned.items]


def test_a_zone_where_it_is_tomorrow_keeps_todays_set(wb: Workbench, clock: Clock, learner_in) -> None:
    """At noon on Monday in Los Angeles it is Tuesday in Tokyo: the set worked on becomes Tuesday's,
    with its progress, and going back makes it Monday's again."""
    west = learner_in(LA)
    monday = ids(wb.todays_set(west))
    wb.record_result(west, monday[0], True, duration_s=120)
    wb.set_time_zone(west, "Asia/Tokyo")
    today = wb.todays_set(west)
    assert today.day == date(2026, 3, 3) and ids(today) == monday and today.items[0].status == "passed"
    wb.set_time_zone(west, LA)
    assert wb.todays_set(west).day == date(2026, 3, 2) and ids(wb.todays_set(west)) == monday


def test_a_zone_where_it_is_yesterday_keeps_todays_set_over_yesterdays(wb: Workbench, clock: Clock,
                                                                       learner_in) -> None:
    """A learner in Tokyo moves to Los Angeles, where it is still the day before. The set worked on stays
    today's: the one planned for that date in Tokyo gives way, and it does not come back stale later."""
    east = learner_in("Asia/Tokyo")
    clock.now = LA_NOON - timedelta(hours=15)  # 05:00 on Monday in Tokyo
    monday_in_tokyo = ids(wb.todays_set(east))
    wb.record_result(east, monday_in_tokyo[0], True, duration_s=120)
    clock.now = LA_EVENING  # 11:00 on Tuesday in Tokyo, 18:00 on Monday in Los Angeles
    tuesday_in_tokyo = ids(wb.todays_set(east))
    assert tuesday_in_tokyo != monday_in_tokyo, "what was passed on Monday is not planned again"
    wb.record_result(east, tuesday_in_tokyo[0], True, duration_s=120)
    wb.set_time_zone(east, LA)
    today = wb.todays_set(east)
    assert today.day == date(2026, 3, 2) and ids(today) == tuesday_in_tokyo
    assert today.items[0].status == "passed"
    clock.now = datetime(2026, 3, 3, 17, 0, tzinfo=UTC)  # Tuesday morning in Los Angeles: a day of its own
    assert wb.todays_set(east).day == date(2026, 3, 3)
    assert tuesday_in_tokyo[0] not in ids(wb.todays_set(east)), "not the set of Tuesday in Tokyo, stale"


def test_a_second_pass_the_same_local_day_teaches_the_model_nothing(wb: Workbench, learner_in) -> None:
    west, utc = learner_in(LA), learner_in(None)
    for who in (west, utc):
        exercise = wb.todays_set(who).items[0].pick.exercise.id
        wb.record_result(who, exercise, True, at=LA_NOON)
        before = wb.skill_estimates(who)
        wb.record_result(who, exercise, True, at=LA_EVENING)  # the same Monday in Los Angeles only
        moved = wb.skill_estimates(who) != before
        assert moved == (who == utc), "the answer is known the same day, and only then"


def test_what_was_tried_today_stays_out_of_more_picks_until_local_midnight(wb: Workbench, clock: Clock,
                                                                           learner_in) -> None:
    west = learner_in(LA)
    exercise = wb.next_exercises(west, 1)[0].id
    wb.record_result(west, exercise, False, at=LA_NOON)
    clock.now = LA_EVENING
    assert exercise not in [e.id for e in wb.next_exercises(west, 40)], "tried earlier today, there"
    assert exercise in [e.id for e in wb.next_exercises(west, 40, repeat=True)]


def test_a_week_away_is_seven_of_the_learners_midnights(wb: Workbench, clock: Clock, learner_in) -> None:
    """Monday evening in Los Angeles to the next Monday morning there: 6 days and 14 hours, a week of
    their days, and reviews lead with "welcome back". The same hours in UTC span six days: no gap."""
    west, utc = learner_in(LA), learner_in(None)
    for who in (west, utc):
        for exercise in wb.next_exercises(who, 2):
            wb.record_result(who, exercise.id, True, hints_used=1, at=LA_EVENING)  # hard: due again soon
    clock.now = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)  # 09:00 on Monday 9 March in Los Angeles
    leads = {}
    for who in (west, utc):
        reviews = [p.reason for p in wb.daily_set(who, 3) if p.kind == "review"]
        assert reviews, "the passes are due by now"
        leads[who] = {r.split(":")[0] for r in reviews}
    assert leads == {west: {"welcome back, review"}, utc: {"review"}}


def test_a_week_of_the_learners_midnights_widens_the_model_too(wb: Workbench, learner_in) -> None:
    """The same 6 days and 14 hours: a week away in Los Angeles, whose next result moves the estimate
    more, and six days in UTC."""
    west, utc = learner_in(LA), learner_in(None)
    sds = {}
    for who in (west, utc):
        first, second = [e.id for e in wb.next_exercises(who, 2)]
        wb.record_result(who, first, True, at=LA_EVENING)
        wb.record_result(who, second, True, at=datetime(2026, 3, 9, 16, 0, tzinfo=UTC))
        sds[who] = wb.model.state(who).general.variance
    assert sds[west] > sds[utc]


def test_a_skip_lasts_the_learners_day(wb: Workbench, clock: Clock, learner_in) -> None:
    west = learner_in(LA)
    exercise = wb.todays_set(west).items[0].pick.exercise.id
    clock.now = LA_EVENING - timedelta(hours=5)  # 13:00 there, 21:00 UTC
    wb.skip(west, exercise)
    clock.now = LA_EVENING
    assert wb.todays_set(west).items[0].status == "skipped"


# -- active days and streaks ------------------------------------------------------------------------------


def test_active_days_and_streaks_are_the_learners_days(wb: Workbench, clock: Clock, learner_in) -> None:
    west, utc = learner_in(LA), learner_in(None)
    for who in (west, utc):
        first, second = [e.id for e in wb.next_exercises(who, 2)]
        wb.record_result(who, first, True, at=LA_NOON)
        wb.record_result(who, second, True, at=LA_EVENING)
    clock.now = LA_EVENING + timedelta(hours=1)
    there, here = wb.progress(west), wb.progress(utc)
    assert there.today == date(2026, 3, 2) and here.today == date(2026, 3, 3)
    assert there.active_days["day"].to_list() == [date(2026, 3, 2)]
    assert there.active_days["attempts"].to_list() == [2]
    assert here.active_days["day"].to_list() == [date(2026, 3, 2), date(2026, 3, 3)]
    assert (there.streaks.current, there.streaks.practised_today) == (1, True)
    assert (here.streaks.current, here.streaks.practised_today) == (2, True)
    assert there.calendar["day"].max() == date(2026, 3, 2)
    assert there.weekly["attempts"].sum() == 2


def test_an_educators_report_counts_the_learners_own_days(wb: Workbench, clock: Clock, learner_in) -> None:
    from engine.dashboard import learner_report

    west = learner_in(LA)
    for at, exercise in zip((LA_NOON, LA_EVENING), [e.id for e in wb.next_exercises(west, 2)], strict=True):
        wb.record_result(west, exercise, True, at=at)
    report = learner_report(wb.store, wb.model, wb.curriculum, wb.bank, wb.user(west), LA_EVENING)
    assert report.progress.active_days["day"].to_list() == [date(2026, 3, 2)]
    assert in_zone(LA_EVENING, LA).date() == report.progress.today


@pytest.mark.parametrize(("educator_zone", "days", "today"), [
    (LA, [date(2026, 3, 2)], date(2026, 3, 2)),
    (None, [date(2026, 3, 2), date(2026, 3, 3)], date(2026, 3, 3)),
], ids=["educator-in-los-angeles", "educator-in-utc"])
def test_a_cohorts_days_are_the_educators(wb: Workbench, clock: Clock, learner_in, educator_zone: str | None,
                                          days: list[date], today: date) -> None:
    """Noon and evening of one Monday in Los Angeles: one day for an educator there, two in UTC. The
    learner's own zone does not matter here: the educator reads the whole cohort in theirs."""
    educator = wb.register("tess", "tess@example.org", "Tess Teacher", "a long enough password", role="educator")
    if educator_zone:
        wb.set_time_zone(educator.id, educator_zone)
    cohort = wb.create_cohort(educator.id, "Evening class")
    learner = learner_in("Pacific/Auckland")
    wb.join_cohort(learner, cohort.join_code)
    for at, exercise in zip((LA_NOON, LA_EVENING), [e.id for e in wb.next_exercises(learner, 2)], strict=True):
        wb.record_result(learner, exercise, True, at=at)
    clock.now = LA_EVENING + timedelta(hours=1)
    board = wb.cohort_dashboard(educator.id, cohort.id)
    assert board.active_days["day"].to_list() == days
    assert board.active_learners == 1
    assert board.learners["active_days"].to_list() == [len(days)]
    assert (board.zone, board.today) == (educator_zone or "UTC", today)


@pytest.mark.parametrize(("zone", "minutes", "days"), [
    ("Asia/Kolkata", (20, 40), [date(2026, 3, 2), date(2026, 3, 3)]),  # 23:50 and 00:10 there (UTC+5:30)
    ("Asia/Kathmandu", (10, 20), [date(2026, 3, 2), date(2026, 3, 3)]),  # 23:55 and 00:05 (UTC+5:45)
    ("UTC", (20, 40), [date(2026, 3, 2)]),
])
def test_a_cohorts_days_split_at_a_midnight_off_the_hour(wb: Workbench, clock: Clock, learner_in, zone: str,
                                                         minutes: tuple[int, int], days: list[date]) -> None:
    """The dashboard finds each event's day from its quarter hour (engine.queries.local_days): a midnight
    at a half or three quarters past a UTC hour still parts two events minutes apart."""
    educator = wb.register("tess", "tess@example.org", "Tess Teacher", "a long enough password", role="educator")
    wb.set_time_zone(educator.id, zone)
    cohort = wb.create_cohort(educator.id, "Night owls")
    learner = learner_in(None)
    wb.join_cohort(learner, cohort.join_code)
    for minute, exercise in zip(minutes, [e.id for e in wb.next_exercises(learner, 2)], strict=True):
        wb.record_result(learner, exercise, True, at=datetime(2026, 3, 2, 18, minute, tzinfo=UTC))
    assert wb.cohort_dashboard(educator.id, cohort.id).active_days["day"].to_list() == days


def test_last_active_is_the_day_the_activity_chart_counts_in_the_educators_zone(wb: Workbench, clock: Clock,
                                                                                learner_in) -> None:
    """09:40 UTC on Tuesday 3 March is 22:40 on Monday 2 March in Pago Pago (UTC-11): the Activity chart put
    the practice on the Monday, "Last active" and the at-risk reason on the Tuesday (the UTC day). 01:00 on
    13 March there is 11 of its dates later: the days inactive count dates too, not 24-hour periods (10)."""
    educator = wb.register("tess", "tess@example.org", "Tess Teacher", "a long enough password", role="educator")
    wb.set_time_zone(educator.id, "Pacific/Pago_Pago")
    cohort = wb.create_cohort(educator.id, "Islands")
    learner = learner_in(None)
    wb.join_cohort(learner, cohort.join_code)
    wb.record_result(learner, wb.next_exercises(learner, 1)[0].id, True, at=datetime(2026, 3, 3, 9, 40, tzinfo=UTC))
    clock.now = datetime(2026, 3, 13, 12, 0, tzinfo=UTC)
    board = wb.cohort_dashboard(educator.id, cohort.id)
    assert board.active_days.filter(pl.col("learners") > 0)["day"].to_list() == [date(2026, 3, 2)]
    assert board.learners["last_day"].to_list() == [date(2026, 3, 2)]
    (reason,) = board.at_risk["reason"].to_list()
    assert reason == "inactive for 11 days (last active 2 Mar 2026)"


def test_a_streak_is_earned_on_the_learners_own_day(wb: Workbench, clock: Clock, learner_in) -> None:
    kiwi = "Pacific/Auckland"  # 13 hours ahead of UTC in March: a breakfast there is the evening before in UTC
    east = learner_in(kiwi)
    first_breakfast = datetime(2026, 3, 1, 19, 0, tzinfo=UTC)  # 08:00 on Monday 2 March there
    for day in range(7):
        clock.now = first_breakfast + timedelta(days=day)
        wb.record_result(east, wb.next_exercises(east, 1)[0].id, True, duration_s=60)
    clock.now += timedelta(hours=1)
    assert wb.progress(east).streaks.longest == 7
    [week] = [s for s in wb.achievements(east) if s.id == "streak-7"]
    seventh = date(2026, 3, 8)
    assert week.unlocked and week.detail == "Unlocked on 8 Mar 2026", "the seventh morning there, not the UTC evening"
    assert week.unlocked_at == datetime(2026, 3, 8, tzinfo=zone(kiwi)), "earned as that day began there"
    assert in_zone(week.unlocked_at, kiwi).date() == seventh
