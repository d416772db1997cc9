import random

from solution import busiest_window, chargers_needed


def window(sessions):
    got = busiest_window(sessions)
    return None if got is None else tuple(got)


def test_overlapping_sessions():
    sessions = [(0, 10), (5, 15), (10, 20)]
    assert chargers_needed(sessions) == 2
    got = window(sessions)
    assert got == (5, 15), f"expected (5, 15), got {got!r}"


def test_back_to_back_sessions_share_a_charger():
    assert chargers_needed([(0, 5), (5, 10)]) == 1
    got = window([(0, 5), (5, 10)])
    assert got == (0, 10), f"expected (0, 10), got {got!r}"


def test_nested_sessions():
    sessions = [(0, 100), (10, 50), (20, 30)]
    assert chargers_needed(sessions) == 3
    assert window(sessions) == (20, 30)


def test_unsorted_input_and_lists():
    sessions = [[50, 60], [0, 30], [25, 55], [10, 20]]
    assert chargers_needed(sessions) == 2
    got = window(sessions)
    assert got == (10, 20), f"the first peak period should win, got {got!r}"


def test_first_of_several_peak_windows():
    got = window([(10, 12), (11, 13), (0, 2), (1, 3)])
    assert got == (1, 2), f"expected (1, 2), got {got!r}"


def test_no_sessions():
    assert chargers_needed([]) == 0
    assert busiest_window([]) is None


def test_single_session():
    assert chargers_needed([(7, 8)]) == 1
    assert window([(7, 8)]) == (7, 8)


def test_invalid_sessions():
    for bad in ([(5, 5)], [(0, 10), (9, 3)]):
        for func in (chargers_needed, busiest_window):
            try:
                func(bad)
            except ValueError:
                continue
            raise AssertionError(f"{func.__name__} should raise ValueError for {bad!r}")


def test_many_sessions_match_minute_by_minute_count():
    rng = random.Random(5)
    sessions = []
    for _ in range(800):
        start = rng.randint(0, 1400)
        sessions.append((start, start + rng.randint(1, 40)))
    counts = [0] * 1500
    for start, end in sessions:
        for minute in range(start, end):
            counts[minute] += 1
    peak = max(counts)
    first = counts.index(peak)
    last = first
    while counts[last] == peak:
        last += 1
    assert chargers_needed(sessions) == peak
    got = window(sessions)
    assert got == (first, last), f"expected {(first, last)}, got {got!r}"
