from solution import largest_billboard


def test_example_skyline():
    got = largest_billboard([2, 1, 5, 6, 2, 3])
    assert got == 10, f"expected 10, got {got!r}"


def test_two_buildings():
    got = largest_billboard([2, 4])
    assert got == 4, f"expected 4, got {got!r}"


def test_flat_street():
    got = largest_billboard([3, 3, 3])
    assert got == 9, f"expected 9, got {got!r}"


def test_single_building():
    got = largest_billboard([7])
    assert got == 7, f"expected 7, got {got!r}"


def test_increasing_heights():
    got = largest_billboard([1, 2, 3, 4, 5])
    assert got == 9, f"expected 9, got {got!r}"


def test_decreasing_heights():
    got = largest_billboard([5, 4, 3, 2, 1])
    assert got == 9, f"expected 9, got {got!r}"


def test_empty_lots_split_the_street():
    got = largest_billboard([4, 4, 0, 3, 3, 3])
    assert got == 9, f"expected 9, got {got!r}"


def test_valley_in_the_middle():
    got = largest_billboard([6, 2, 5, 4, 5, 1, 6])
    assert got == 12, f"expected 12, got {got!r}"


def test_empty_street_and_all_zero():
    assert largest_billboard([]) == 0, "an empty street should give 0"
    assert largest_billboard([0, 0, 0]) == 0, "only empty lots should give 0"


def test_long_street():
    heights = [(i * 37) % 101 for i in range(300)]
    got = largest_billboard(heights)
    assert got == 182, f"expected 182, got {got!r}"


def test_rejects_negative_height():
    try:
        largest_billboard([3, -1, 2])
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative height")
