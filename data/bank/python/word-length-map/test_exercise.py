from solution import word_lengths


def test_simple_sentence():
    got = word_lengths("The quick brown fox")
    assert got == {"the": 3, "quick": 5, "brown": 5, "fox": 3}, (
        f"expected {{'the': 3, 'quick': 5, 'brown': 5, 'fox': 3}}, got {got!r}"
    )


def test_case_and_repeats_collapse():
    got = word_lengths("Hello, hello... HELLO!")
    assert got == {"hello": 5}, f"expected {{'hello': 5}}, got {got!r}"


def test_inner_punctuation_is_kept():
    got = word_lengths("It's a well-known fact -- really.")
    expected = {"it's": 4, "a": 1, "well-known": 10, "fact": 4, "really": 6}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_sentence():
    got = word_lengths("")
    assert got == {}, f"expected {{}}, got {got!r}"


def test_only_punctuation():
    got = word_lengths("  ... --- !!  ")
    assert got == {}, f"expected {{}}, got {got!r}"


def test_any_whitespace_separates_words():
    got = word_lengths("one\ttwo\nthree   four")
    assert got == {"one": 3, "two": 3, "three": 5, "four": 4}, (
        f"expected {{'one': 3, 'two': 3, 'three': 5, 'four': 4}}, got {got!r}"
    )


def test_quotes_and_brackets_are_stripped():
    got = word_lengths('"(Yes)" [no] {maybe}?')
    assert got == {"yes": 3, "no": 2, "maybe": 5}, f"expected {{'yes': 3, 'no': 2, 'maybe': 5}}, got {got!r}"


def test_digits_are_word_characters():
    got = word_lengths("Route 66, opened 1926.")
    assert got == {"route": 5, "66": 2, "opened": 6, "1926": 4}, (
        f"expected {{'route': 5, '66': 2, 'opened': 6, '1926': 4}}, got {got!r}"
    )
