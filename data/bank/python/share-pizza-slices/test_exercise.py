from solution import share_pizza


def value_error_message(slices, people):
    """The message of the ValueError raised by share_pizza(slices, people)."""
    call = f"share_pizza({slices!r}, {people!r})"
    try:
        got = share_pizza(slices, people)
    except ValueError as e:
        return str(e)
    except Exception as e:
        if type(e).__module__ not in ("builtins", "solution"):  # not raised by share_pizza: let the grader report it
            raise
        raise AssertionError(f"{call}: expected ValueError, got {type(e).__name__}: {e}") from None
    raise AssertionError(f"{call}: expected ValueError, got {got!r}")


def test_slices_left_over():
    got = share_pizza(8, 3)
    assert got == (2, 2), f"share_pizza(8, 3): expected (2, 2), got {got!r}"


def test_divides_evenly():
    got = share_pizza(12, 4)
    assert got == (3, 0), f"share_pizza(12, 4): expected (3, 0), got {got!r}"


def test_more_people_than_slices():
    got = share_pizza(2, 5)
    assert got == (0, 2), f"share_pizza(2, 5): expected (0, 2), got {got!r}"


def test_no_slices():
    got = share_pizza(0, 4)
    assert got == (0, 0), f"share_pizza(0, 4): expected (0, 0), got {got!r}"


def test_zero_people_raises_value_error():
    got = value_error_message(8, 0)
    assert got == "people must be at least 1", (
        f"share_pizza(8, 0): expected the message 'people must be at least 1', got {got!r}"
    )


def test_negative_people_raises_value_error():
    got = value_error_message(8, -2)
    assert got == "people must be at least 1", (
        f"share_pizza(8, -2): expected the message 'people must be at least 1', got {got!r}"
    )


def test_negative_slices_raises_value_error():
    got = value_error_message(-1, 2)
    assert got == "slices cannot be negative", (
        f"share_pizza(-1, 2): expected the message 'slices cannot be negative', got {got!r}"
    )


def test_people_are_checked_first():
    got = value_error_message(-3, 0)
    assert got == "people must be at least 1", (
        f"share_pizza(-3, 0): both are wrong and people is checked first, "
        f"expected the message 'people must be at least 1', got {got!r}"
    )
