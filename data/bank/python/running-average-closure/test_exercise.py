from solution import running_averages, track_streams


def test_cumulative_average():
    got = running_averages([2, 4, 6, 8])
    assert got == [2.0, 3.0, 4.0, 5.0], f"expected [2.0, 3.0, 4.0, 5.0], got {got!r}"


def test_results_are_floats():
    got = running_averages([3, 3])
    assert got == [3.0, 3.0] and all(isinstance(x, float) for x in got), f"expected the floats [3.0, 3.0], got {got!r}"


def test_empty_values():
    got = running_averages([])
    assert got == [], f"expected [], got {got!r}"


def test_moving_window_of_two():
    got = running_averages([2, 4, 6, 8], window=2)
    assert got == [2.0, 3.0, 5.0, 7.0], f"expected [2.0, 3.0, 5.0, 7.0], got {got!r}"


def test_window_of_one_is_the_value_itself():
    got = running_averages([5, -1, 2.5], window=1)
    assert got == [5.0, -1.0, 2.5], f"expected [5.0, -1.0, 2.5], got {got!r}"


def test_window_larger_than_input():
    got = running_averages([1, 2, 3], window=10)
    assert got == [1.0, 1.5, 2.0], f"expected [1.0, 1.5, 2.0], got {got!r}"


def test_invalid_window_raises_value_error():
    try:
        running_averages([1, 2], window=0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for window=0")


def test_streams_are_independent():
    events = [("cpu", 50), ("mem", 10), ("cpu", 70), ("mem", 30), ("cpu", 90)]
    got = track_streams(events)
    assert got == [50.0, 10.0, 60.0, 20.0, 70.0], f"expected [50.0, 10.0, 60.0, 20.0, 70.0], got {got!r}"


def test_streams_with_window():
    events = [("a", 1), ("a", 3), ("b", 100), ("a", 5), ("b", 200), ("a", 7)]
    got = track_streams(events, window=2)
    assert got == [1.0, 2.0, 100.0, 4.0, 150.0, 6.0], f"expected [1.0, 2.0, 100.0, 4.0, 150.0, 6.0], got {got!r}"


def test_streams_empty_and_invalid_window():
    assert track_streams([]) == []
    try:
        track_streams([], window=-3)
    except ValueError:
        return
    raise AssertionError("expected ValueError for window=-3")
