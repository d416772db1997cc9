from solution import podium


def check(scores, expected):
    call = f"podium({scores!r})"
    got = podium(scores)
    assert got == expected, f"{call}: expected {expected!r}, got {got!r}"


def test_five_scores():
    check([72, 95, 88, 61, 90], [95, 90, 88])


def test_exactly_three_scores():
    check([10, 30, 20], [30, 20, 10])


def test_fewer_than_three_scores():
    check([40, 55], [55, 40])
    check([7], [7])


def test_no_scores():
    check([], [])


def test_equal_scores_are_kept():
    check([80, 95, 80, 70], [95, 80, 80])


def test_already_sorted_lowest_first():
    check([1, 2, 3, 4, 5, 6], [6, 5, 4])
