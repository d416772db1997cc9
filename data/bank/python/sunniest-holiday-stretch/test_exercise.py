from solution import sunniest_stretch


def check(hours, days, expected, why=""):
    call = f"sunniest_stretch({hours!r}, {days!r})"
    got = sunniest_stretch(hours, days)
    assert got == expected, f"{call}: expected {expected!r}{why}, got {got!r}"


def test_three_day_stretch():
    check([5, 8, 2, 9, 9, 1, 7], 3, (2, 20), " (days 2, 3 and 4: 2 + 9 + 9)")


def test_ties_go_to_the_earliest_stretch():
    check([4, 6, 5, 5, 6], 2, (1, 11), " (days 1-2 and 3-4 tie: the earlier wins)")
    check([3, 3, 3, 3], 2, (0, 6), " (every stretch ties: the earliest wins)")


def test_fractional_hours():
    check([7.5, 8.25, 3.0, 9.5], 2, (0, 15.75))


def test_best_stretch_at_the_end():
    check([1, 0, 2, 0, 6, 6], 2, (4, 12), " (the last two days)")


def test_one_day_and_whole_forecast():
    check([3, 11, 4], 1, (1, 11))
    check([3, 11, 4], 3, (0, 18), " (the whole forecast)")


def test_cloudy_days_only():
    check([0, 0, 0], 2, (0, 0))


def test_impossible_lengths_raise_value_error():
    for hours, days in [([5, 8, 2], 0), ([5, 8, 2], 4), ([5, 8, 2], -1), ([], 1)]:
        call = f"sunniest_stretch({hours!r}, {days!r})"
        try:
            got = sunniest_stretch(hours, days)
        except ValueError:
            continue
        except (LookupError, TypeError, ArithmeticError) as exc:
            raise AssertionError(f"{call}: expected ValueError, got {type(exc).__name__}: {exc}") from None
        raise AssertionError(
            f"{call}: expected ValueError (days must be from 1 to the {len(hours)} days of the forecast), got {got!r}"
        )


def test_long_forecast_is_fast():
    hours = [(i * i) % 11 + (i // 1000) % 7 for i in range(100_000)]
    got = sunniest_stretch(hours, 30_000)
    assert got == (26000, 215006), (
        f"sunniest_stretch(a forecast of 100,000 days, 30000): expected (26000, 215006), got {got!r}"
    )
