from solution import parse_int


def test_plain_number():
    got = parse_int("42")
    assert got == 42, f"expected 42, got {got!r}"


def test_sign_and_whitespace():
    assert parse_int("  -7 ") == -7
    assert parse_int("+5") == 5


def test_word_returns_default():
    got = parse_int("seven", 0)
    assert got == 0, f"expected the default 0, got {got!r}"


def test_default_is_none_when_not_given():
    got = parse_int("nope")
    assert got is None, f"expected None, got {got!r}"


def test_empty_and_blank_strings():
    assert parse_int("", 99) == 99
    assert parse_int("   ", 99) == 99


def test_decimal_is_not_an_integer():
    got = parse_int("3.5", -1)
    assert got == -1, f"expected the default -1, got {got!r}"


def test_none_input_returns_default():
    got = parse_int(None, -1)
    assert got == -1, f"expected the default -1, got {got!r}"


def test_zero_is_a_real_value_not_the_default():
    got = parse_int("0", 123)
    assert got == 0, f"'0' is a valid number, expected 0, got {got!r}"
