from solution import compress, expand


def test_compress_mixed_runs():
    got = compress("aaabccdddd")
    assert got == "3ab2c4d", f"expected '3ab2c4d', got {got!r}"


def test_compress_no_repeats():
    got = compress("abc")
    assert got == "abc", f"expected 'abc', got {got!r}"


def test_compress_spaces_and_punctuation():
    got = compress("  !")
    assert got == "2 !", f"expected '2 !', got {got!r}"


def test_compress_long_run_and_case_matters():
    got = compress("a" * 12 + "A")
    assert got == "12aA", f"expected '12aA', got {got!r}"


def test_compress_rejects_digits():
    try:
        compress("ab1")
    except ValueError:
        return
    raise AssertionError("expected ValueError for a text containing a digit")


def test_expand_basic():
    got = expand("3ab2c4d")
    assert got == "aaabccdddd", f"expected 'aaabccdddd', got {got!r}"


def test_expand_multi_digit_count():
    got = expand("12x")
    assert got == "x" * 12, f"expected 12 x's, got {got!r}"


def test_expand_rejects_trailing_count():
    try:
        expand("a3")
    except ValueError:
        return
    raise AssertionError("expected ValueError for a count at the end")


def test_empty_both_ways():
    assert compress("") == "", "compress('') should be ''"
    assert expand("") == "", "expand('') should be ''"


def test_round_trip():
    text = "wwwwhyyy  not??"
    got = expand(compress(text))
    assert got == text, f"expected {text!r} back, got {got!r}"
