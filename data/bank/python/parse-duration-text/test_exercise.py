from solution import parse_duration


def check(text, expected):
    got = parse_duration(text)
    assert got == expected, f"parse_duration({text!r}): expected {expected!r}, got {got!r}"


def check_rejected(text, why):
    try:
        got = parse_duration(text)
    except ValueError:
        return
    except (LookupError, TypeError, ArithmeticError) as exc:
        raise AssertionError(
            f"parse_duration({text!r}): expected ValueError ({why}), got {type(exc).__name__}: {exc}"
        ) from None
    raise AssertionError(f"parse_duration({text!r}): expected ValueError ({why}), got {got!r}")


def test_parts_written_together():
    check("1h30m", 5400)


def test_parts_separated_by_spaces():
    check("2h 15m 10s", 8110)


def test_surrounding_whitespace_is_ignored():
    check("  45s ", 45)
    check("\t1h\n2m ", 3720)


def test_days_and_skipped_units():
    check("1d 1s", 86401)
    check("2d5s", 172805)


def test_number_may_exceed_the_next_unit():
    check("90m", 5400)
    check("100s", 100)


def test_zero_and_leading_zeros():
    check("0s", 0)
    check("05m", 300)


def test_all_four_units():
    check("3d 23h 59m 59s", 345599)


def test_malformed_text_raises_value_error():
    for text, why in [
        ("", "an empty text"),
        ("   ", "only whitespace"),
        ("90", "a number with no unit"),
        ("1h 30", "a number with no unit"),
        ("h", "a unit with no number"),
        ("5x", "an unknown unit"),
        ("5M", "units are lower-case"),
        ("-5m", "a sign is not allowed"),
        ("1.5h", "a decimal point is not allowed"),
        ("5 m", "whitespace between a number and its unit"),
        ("\u0665m", "only the digits 0-9 make a number"),
    ]:
        check_rejected(text, why)


def test_units_out_of_order_or_repeated_raise_value_error():
    for text, why in [
        ("30m 1h", "units out of order"),
        ("1s1d", "units out of order"),
        ("1m 1m", "the unit m is repeated"),
        ("2h3h", "the unit h is repeated"),
    ]:
        check_rejected(text, why)
