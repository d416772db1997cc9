from solution import settle


def check(board, expected_board, expected_score):
    got = settle(board)
    expected = (expected_board, expected_score)
    if got == expected:
        return
    call = f"settle({board!r})"
    if not isinstance(got, tuple) or len(got) != 2:
        raise AssertionError(f"{call}: expected a tuple (settled_board, score), {expected!r}, "
                             f"got a {type(got).__name__}: {got!r}")
    got_board, got_score = got
    if got_board == expected_board:
        raise AssertionError(f"{call}: the settled board is right, but the score should be {expected_score}, "
                             f"got {got_score!r}")
    if got_score == expected_score:
        raise AssertionError(f"{call}: the score is right, but the settled board should be {expected_board!r}, "
                             f"got {got_board!r}")
    raise AssertionError(f"{call}: expected {expected!r}, got {got!r}")


def test_one_vertical_line():
    check([[1, 2, 3], [1, 2, 3], [1, 3, 2]], [[0, 2, 3], [0, 2, 3], [0, 3, 2]], 3)


def test_long_line_and_a_second_line_in_the_same_round():
    # round 1 removes the four 7s and the three 5s together: 7 candies x 1 point
    check([[7, 7, 7, 7], [2, 3, 4, 1], [5, 5, 5, 6]], [[0, 0, 0, 0], [0, 0, 0, 1], [2, 3, 4, 6]], 7)


def test_crossing_lines_count_each_candy_once():
    check([[5, 5, 5], [1, 5, 2], [3, 5, 4]], [[0, 0, 0], [1, 0, 2], [3, 0, 4]], 5)


def test_cascade_scores_double_in_round_two():
    check([[4, 2, 3], [1, 3, 2], [1, 2, 3], [1, 4, 4]], [[0, 0, 0], [0, 2, 3], [0, 3, 2], [0, 2, 3]], 9)


def test_three_round_cascade():
    board = [[2, 1, 1, 2],
             [1, 4, 4, 1],
             [2, 2, 3, 2],
             [4, 4, 4, 2]]
    # round 1: the 4s of the bottom row (3 x 1 point); round 2: the 1s that fell into
    # row 1 (3 x 2 points); round 3: the 2s of the last column (3 x 3 points)
    check(board, [[0, 0, 0, 0], [2, 0, 0, 0], [1, 4, 4, 0], [2, 2, 3, 0]], 18)


def test_candies_fall_past_earlier_gaps():
    check([[2], [0], [1], [1], [1]], [[0], [0], [0], [0], [2]], 3)


def test_board_without_lines_is_unchanged():
    check([[1, 2], [0, 0], [2, 1]], [[1, 2], [0, 0], [2, 1]], 0)


def test_empty_board():
    got = settle([])
    assert got == ([], 0), f"settle([]): expected ([], 0), got {got!r}"


def test_invalid_boards_raise_value_error():
    for board, why in [([[1, 2], [3]], "rows of different lengths"), ([[1, -2], [3, 4]], "a negative cell")]:
        try:
            got = settle(board)
        except ValueError:
            continue
        except (LookupError, TypeError) as e:
            raise AssertionError(f"settle({board!r}): expected ValueError ({why}), "
                                 f"got {type(e).__name__}: {e}") from None
        raise AssertionError(f"settle({board!r}): expected ValueError ({why}), got {got!r}")
