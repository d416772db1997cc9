from solution import count_peaks


def test_two_inner_peaks():
    got = count_peaks([1, 3, 2, 4, 1])
    assert got == 2, f"expected 2, got {got!r}"


def test_peaks_at_the_ends():
    got = count_peaks([5, 1, 2])
    assert got == 2, f"expected 2, got {got!r}"


def test_flat_top_is_not_a_peak():
    got = count_peaks([1, 5, 5, 1])
    assert got == 0, f"expected 0, got {got!r}"


def test_empty_and_single():
    assert count_peaks([]) == 0
    assert count_peaks([7]) == 1


def test_all_equal():
    assert count_peaks([3, 3, 3]) == 0
    assert count_peaks([2, 2]) == 0


def test_steadily_rising_and_falling():
    assert count_peaks([1, 2, 3, 4]) == 1, "only the last point is a peak"
    assert count_peaks([9, 7, 5]) == 1, "only the first point is a peak"


def test_negative_and_float_heights():
    got = count_peaks([-5, -2, -3, 0.5, 0.25])
    assert got == 2, f"expected 2, got {got!r}"


def test_zigzag():
    got = count_peaks([0, 1] * 10)
    assert got == 10, f"expected 10, got {got!r}"
