from solution import wrap


def test_classic_sentence():
    got = wrap("The quick brown fox jumps over the lazy dog", 10)
    expected = ["The quick", "brown fox", "jumps over", "the lazy", "dog"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_line_that_fits_exactly():
    got = wrap("abc def ghi", 7)
    assert got == ["abc def", "ghi"], f"expected ['abc def', 'ghi'], got {got!r}"


def test_everything_fits_on_one_line():
    got = wrap("short text", 80)
    assert got == ["short text"], f"expected ['short text'], got {got!r}"


def test_whitespace_is_collapsed():
    got = wrap("  one\ttwo\n\nthree  ", 8)
    assert got == ["one two", "three"], f"expected ['one two', 'three'], got {got!r}"


def test_long_word_is_cut():
    got = wrap("ab abcdefghij c", 4)
    assert got == ["ab", "abcd", "efgh", "ij c"], f"expected ['ab', 'abcd', 'efgh', 'ij c'], got {got!r}"


def test_long_word_at_the_start():
    got = wrap("abcdef gh", 3)
    assert got == ["abc", "def", "gh"], f"expected ['abc', 'def', 'gh'], got {got!r}"


def test_width_one():
    got = wrap("a bc", 1)
    assert got == ["a", "b", "c"], f"expected ['a', 'b', 'c'], got {got!r}"


def test_no_words():
    assert wrap("", 5) == [], "empty text should give []"
    assert wrap(" \n\t ", 5) == [], "whitespace-only text should give []"


def test_rejects_width_below_one():
    try:
        wrap("hello", 0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for width 0")


def test_lines_respect_width_and_keep_words():
    text = ("It was the best of times it was the worst of times it was the age "
            "of wisdom it was the age of foolishness")
    got = wrap(text, 16)
    assert all(len(line) <= 16 for line in got), f"a line is too long: {got!r}"
    assert " ".join(got) == text, "joining the lines should give back the text"
    assert len(got) == 7, f"expected 7 lines, got {len(got)}: {got!r}"
