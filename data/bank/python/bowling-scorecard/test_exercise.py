from solution import bowling_score


def check(rolls, shown, expected):
    """Score a valid game, naming the call (written as `shown`) in any failure."""
    try:
        got = bowling_score(rolls)
    except ValueError as e:
        raise AssertionError(f"bowling_score({shown}) raised ValueError ({e}), but it is a valid game: "
                             f"expected {expected!r}") from None
    assert got == expected, f"bowling_score({shown}): expected {expected!r}, got {got!r}"


def check_value_error(rolls, shown, why):
    try:
        got = bowling_score(rolls)
    except ValueError:
        return
    except (LookupError, TypeError) as e:
        raise AssertionError(f"bowling_score({shown}): expected ValueError ({why}), "
                             f"got {type(e).__name__}: {e}") from None
    raise AssertionError(f"bowling_score({shown}): expected ValueError ({why}), got {got!r}")


def test_gutter_game():
    check([0] * 20, "[0] * 20", 0)


def test_open_frames_only():
    check([3, 6] * 10, "[3, 6] * 10", 90)


def test_perfect_game():
    check([10] * 12, "[10] * 12", 300)


def test_spare_in_every_frame():
    check([5, 5] * 10 + [5], "[5, 5] * 10 + [5]", 150)


def test_strike_then_spare():
    check([10, 7, 3, 9, 0] + [0] * 14, "[10, 7, 3, 9, 0] + [0] * 14", 48)


def test_tenth_frame_extra_rolls():
    check([0] * 18 + [10, 7, 2], "[0] * 18 + [10, 7, 2]", 19)
    check([0] * 18 + [10, 10, 7], "[0] * 18 + [10, 10, 7]", 27)
    check([0] * 18 + [6, 4, 10], "[0] * 18 + [6, 4, 10]", 20)
    check([0] * 16 + [10, 10, 10, 10], "[0] * 16 + [10, 10, 10, 10]", 60)


def test_full_mixed_game():
    rolls = [10, 9, 1, 5, 5, 7, 2, 10, 10, 10, 9, 0, 8, 2, 9, 1, 10]
    check(rolls, repr(rolls), 187)


def test_impossible_pin_counts_raise_value_error():
    check_value_error([-1] + [0] * 19, "[-1] + [0] * 19", "a roll below 0")
    check_value_error([11] + [0] * 19, "[11] + [0] * 19", "a roll above 10")
    check_value_error([7, 5] + [0] * 18, "[7, 5] + [0] * 18", "12 pins in the first frame")
    check_value_error([0] * 18 + [8, 3], "[0] * 18 + [8, 3]", "11 pins in the tenth frame")
    check_value_error([0] * 18 + [10, 7, 5], "[0] * 18 + [10, 7, 5]",
                      "after a strike in the tenth frame, 7 then 5 is 12 pins")


def test_wrong_number_of_rolls_raises_value_error():
    check_value_error([], "[]", "no rolls at all")
    check_value_error([0] * 19, "[0] * 19", "the tenth frame is missing a roll")
    check_value_error([0] * 18 + [5, 5], "[0] * 18 + [5, 5]", "the extra roll after the tenth-frame spare is missing")
    check_value_error([0] * 18 + [10, 10], "[0] * 18 + [10, 10]",
                      "the second extra roll after the tenth-frame strike is missing")
    check_value_error([3, 6] * 10 + [1], "[3, 6] * 10 + [1]", "a roll left over after the tenth frame")
    check_value_error([10] * 13, "[10] * 13", "a roll left over after the perfect game")
