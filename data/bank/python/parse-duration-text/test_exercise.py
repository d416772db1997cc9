from solution import parse_duration


def test_parts_written_together():
    got = parse_duration("1h30m")
    assert got == 5400, f"expected 5400, got {got!r}"


def test_parts_separated_by_spaces():
    got = parse_duration("2h 15m 10s")
    assert got == 8110, f"expected 8110, got {got!r}"


def test_surrounding_whitespace_is_ignored():
    got = parse_duration("  45s ")
    assert got == 45, f"expected 45, got {got!r}"
    got = parse_duration("\t1h\n2m ")
    assert got == 3720, f"expected 3720, got {got!r}"


def test_days_and_skipped_units():
    got = parse_duration("1d 1s")
    assert got == 86401, f"expected 86401, got {got!r}"
    got = parse_duration("2d5s")
    assert got == 172805, f"expected 172805, got {got!r}"


def test_number_may_exceed_the_next_unit():
    got = parse_duration("90m")
    assert got == 5400, f"expected 5400, got {got!r}"
    got = parse_duration("100s")
    assert got == 100, f"expected 100, got {got!r}"


def test_zero_and_leading_zeros():
    got = parse_duration("0s")
    assert got == 0, f"expected 0, got {got!r}"
    got = parse_duration("05m")
    assert got == 300, f"expected 300, got {got!r}"


def test_all_four_units():
    got = parse_duration("3d 23h 59m 59s")
    assert got == 345599, f"expected 345599, got {got!r}"


def test_malformed_text_raises_value_error():
    for text in ["", "   ", "90", "h", "5x", "5M", "-5m", "1.5h", "5 m", "1h 30"]:
        try:
            parse_duration(text)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text!r}")


def test_units_out_of_order_or_repeated_raise_value_error():
    for text in ["30m 1h", "1m 1m", "1s1d", "2h3h"]:
        try:
            parse_duration(text)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text!r}")
