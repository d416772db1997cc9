from solution import bowling_score


def test_gutter_game():
    got = bowling_score([0] * 20)
    assert got == 0, f"expected 0, got {got!r}"


def test_open_frames_only():
    got = bowling_score([3, 6] * 10)
    assert got == 90, f"expected 90, got {got!r}"


def test_perfect_game():
    got = bowling_score([10] * 12)
    assert got == 300, f"expected 300, got {got!r}"


def test_spare_in_every_frame():
    got = bowling_score([5, 5] * 10 + [5])
    assert got == 150, f"expected 150, got {got!r}"


def test_strike_then_spare():
    got = bowling_score([10, 7, 3, 9, 0] + [0] * 14)
    assert got == 48, f"expected 48, got {got!r}"


def test_tenth_frame_extra_rolls():
    got = bowling_score([0] * 18 + [10, 7, 2])
    assert got == 19, f"expected 19, got {got!r}"
    got = bowling_score([0] * 18 + [10, 10, 7])
    assert got == 27, f"expected 27, got {got!r}"
    got = bowling_score([0] * 18 + [6, 4, 10])
    assert got == 20, f"expected 20, got {got!r}"


def test_full_mixed_game():
    rolls = [10, 9, 1, 5, 5, 7, 2, 10, 10, 10, 9, 0, 8, 2, 9, 1, 10]
    got = bowling_score(rolls)
    assert got == 187, f"expected 187, got {got!r}"


def test_impossible_pin_counts_raise_value_error():
    games = [
        [-1] + [0] * 19,
        [11] + [0] * 19,
        [7, 5] + [0] * 18,
        [0] * 18 + [10, 7, 5],
        [0] * 18 + [8, 3],
    ]
    for rolls in games:
        try:
            bowling_score(rolls)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {rolls!r}")


def test_wrong_number_of_rolls_raises_value_error():
    games = [
        [],
        [0] * 19,
        [0] * 18 + [5, 5],
        [0] * 18 + [10, 10],
        [3, 6] * 10 + [1],
        [10] * 13,
    ]
    for rolls in games:
        try:
            bowling_score(rolls)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {rolls!r}")
