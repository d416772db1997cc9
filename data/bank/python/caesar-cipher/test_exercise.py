from solution import caesar


def test_simple_shift():
    got = caesar("abc", 1)
    assert got == "bcd", f"expected 'bcd', got {got!r}"


def test_keeps_case_and_punctuation():
    got = caesar("Hello, World!", 3)
    assert got == "Khoor, Zruog!", f"expected 'Khoor, Zruog!', got {got!r}"


def test_negative_shift_decodes():
    got = caesar("Khoor, Zruog!", -3)
    assert got == "Hello, World!", f"expected 'Hello, World!', got {got!r}"


def test_wraps_around_the_end():
    got = caesar("xyz XYZ", 3)
    assert got == "abc ABC", f"expected 'abc ABC', got {got!r}"


def test_shift_larger_than_alphabet():
    got = caesar("a", 27)
    assert got == "b", f"expected 'b', got {got!r}"
    got = caesar("b", -53)
    assert got == "a", f"expected 'a', got {got!r}"


def test_zero_shift_is_identity():
    got = caesar("Same text 42", 0)
    assert got == "Same text 42", f"expected 'Same text 42', got {got!r}"


def test_non_ascii_and_digits_unchanged():
    got = caesar("café 2024", 1)
    assert got == "dbgé 2024", f"expected 'dbgé 2024', got {got!r}"


def test_empty_text():
    got = caesar("", 5)
    assert got == "", f"expected '', got {got!r}"
