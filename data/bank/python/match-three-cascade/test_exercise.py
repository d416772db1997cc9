from solution import settle


def test_one_vertical_line():
    got = settle([[1, 2, 3], [1, 2, 3], [1, 3, 2]])
    expected = ([[0, 2, 3], [0, 2, 3], [0, 3, 2]], 3)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_long_line_and_a_second_line_in_the_same_round():
    got = settle([[7, 7, 7, 7], [2, 3, 4, 1], [5, 5, 5, 6]])
    expected = ([[0, 0, 0, 0], [0, 0, 0, 1], [2, 3, 4, 6]], 7)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_crossing_lines_count_each_candy_once():
    got = settle([[5, 5, 5], [1, 5, 2], [3, 5, 4]])
    expected = ([[0, 0, 0], [1, 0, 2], [3, 0, 4]], 5)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_cascade_scores_double_in_round_two():
    got = settle([[4, 2, 3], [1, 3, 2], [1, 2, 3], [1, 4, 4]])
    expected = ([[0, 0, 0], [0, 2, 3], [0, 3, 2], [0, 2, 3]], 9)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_three_round_cascade():
    board = [[2, 1, 1, 2],
             [1, 4, 4, 1],
             [2, 2, 3, 2],
             [4, 4, 4, 2]]
    # round 1: the 4s of the bottom row (3 x 1 point); round 2: the 1s that fell into
    # row 1 (3 x 2 points); round 3: the 2s of the last column (3 x 3 points)
    got = settle(board)
    expected = ([[0, 0, 0, 0], [2, 0, 0, 0], [1, 4, 4, 0], [2, 2, 3, 0]], 18)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_candies_fall_past_earlier_gaps():
    got = settle([[2], [0], [1], [1], [1]])
    expected = ([[0], [0], [0], [0], [2]], 3)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_board_without_lines_is_unchanged():
    board = [[1, 2], [0, 0], [2, 1]]
    got = settle(board)
    expected = ([[1, 2], [0, 0], [2, 1]], 0)
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_board():
    got = settle([])
    assert got == ([], 0), f"expected ([], 0), got {got!r}"


def test_invalid_boards_raise_value_error():
    for board in [[[1, 2], [3]], [[1, -2], [3, 4]]]:
        try:
            settle(board)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {board!r}")
