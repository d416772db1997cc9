from solution import headline


def test_small_words_in_the_middle():
    got = headline("the lord of the rings")
    assert got == "The Lord of the Rings", f"got {got!r}"


def test_first_small_word_is_capitalised():
    got = headline("a tale of two cities")
    assert got == "A Tale of Two Cities", f"got {got!r}"


def test_last_small_word_is_capitalised():
    got = headline("what are you looking at")
    assert got == "What Are You Looking At", f"got {got!r}"


def test_acronyms_are_kept():
    got = headline("NASA and the moon")
    assert got == "NASA and the Moon", f"got {got!r}"


def test_mixed_case_is_normalised():
    got = headline("mIxEd CaSe wOrDs")
    assert got == "Mixed Case Words", f"got {got!r}"


def test_hyphenated_words():
    got = headline("state-of-the-art tools")
    assert got == "State-of-the-Art Tools", f"got {got!r}"


def test_hyphen_part_at_the_end_counts_as_last():
    got = headline("a well-thought-of")
    assert got == "A Well-Thought-Of", f"got {got!r}"


def test_apostrophes():
    got = headline("don't stop")
    assert got == "Don't Stop", f"got {got!r}"


def test_whitespace_is_normalised():
    got = headline("  too   many \t spaces ")
    assert got == "Too Many Spaces", f"got {got!r}"


def test_single_small_word():
    got = headline("of")
    assert got == "Of", f"got {got!r}"


def test_empty_text():
    assert headline("") == "", "empty text should give ''"
    assert headline("   ") == "", "whitespace-only text should give ''"
