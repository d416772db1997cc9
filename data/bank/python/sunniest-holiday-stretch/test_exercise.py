from solution import sunniest_stretch


def test_three_day_stretch():
    got = sunniest_stretch([5, 8, 2, 9, 9, 1, 7], 3)
    assert got == (2, 20), f"expected (2, 20), got {got!r}"


def test_ties_go_to_the_earliest_stretch():
    got = sunniest_stretch([4, 6, 5, 5, 6], 2)
    assert got == (1, 11), f"expected (1, 11), got {got!r}"
    got = sunniest_stretch([3, 3, 3, 3], 2)
    assert got == (0, 6), f"expected (0, 6), got {got!r}"


def test_fractional_hours():
    got = sunniest_stretch([7.5, 8.25, 3.0, 9.5], 2)
    assert got == (0, 15.75), f"expected (0, 15.75), got {got!r}"


def test_best_stretch_at_the_end():
    got = sunniest_stretch([1, 0, 2, 0, 6, 6], 2)
    assert got == (4, 12), f"expected (4, 12), got {got!r}"


def test_one_day_and_whole_forecast():
    got = sunniest_stretch([3, 11, 4], 1)
    assert got == (1, 11), f"expected (1, 11), got {got!r}"
    got = sunniest_stretch([3, 11, 4], 3)
    assert got == (0, 18), f"expected (0, 18), got {got!r}"


def test_cloudy_days_only():
    got = sunniest_stretch([0, 0, 0], 2)
    assert got == (0, 0), f"expected (0, 0), got {got!r}"


def test_impossible_lengths_raise_value_error():
    for hours, days in [([5, 8, 2], 0), ([5, 8, 2], 4), ([5, 8, 2], -1), ([], 1)]:
        try:
            sunniest_stretch(hours, days)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for days={days} with {len(hours)} days of forecast")


def test_long_forecast_is_fast():
    hours = [(i * i) % 11 + (i // 1000) % 7 for i in range(100_000)]
    got = sunniest_stretch(hours, 30_000)
    assert got == (26000, 215006), f"expected (26000, 215006), got {got!r}"
