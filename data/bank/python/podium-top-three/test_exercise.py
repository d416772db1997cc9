from solution import podium


def test_five_scores():
    got = podium([72, 95, 88, 61, 90])
    assert got == [95, 90, 88], f"expected [95, 90, 88], got {got!r}"


def test_exactly_three_scores():
    got = podium([10, 30, 20])
    assert got == [30, 20, 10], f"expected [30, 20, 10], got {got!r}"


def test_fewer_than_three_scores():
    got = podium([40, 55])
    assert got == [55, 40], f"expected [55, 40], got {got!r}"
    got = podium([7])
    assert got == [7], f"expected [7], got {got!r}"


def test_no_scores():
    got = podium([])
    assert got == [], f"expected [], got {got!r}"


def test_equal_scores_are_kept():
    got = podium([80, 95, 80, 70])
    assert got == [95, 80, 80], f"expected [95, 80, 80], got {got!r}"


def test_already_sorted_lowest_first():
    got = podium([1, 2, 3, 4, 5, 6])
    assert got == [6, 5, 4], f"expected [6, 5, 4], got {got!r}"
