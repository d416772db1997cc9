from solution import headline


def test_small_words_in_the_middle():
    got = headline("the lord of the rings")
    assert got == "The Lord of the Rings", f"expected 'The Lord of the Rings', got {got!r}"


def test_first_small_word_is_capitalised():
    got = headline("a tale of two cities")
    assert got == "A Tale of Two Cities", f"expected 'A Tale of Two Cities', got {got!r}"


def test_last_small_word_is_capitalised():
    got = headline("what are you looking at")
    assert got == "What Are You Looking At", f"expected 'What Are You Looking At', got {got!r}"


def test_acronyms_are_kept():
    got = headline("NASA and the moon")
    assert got == "NASA and the Moon", f"expected 'NASA and the Moon', got {got!r}"


def test_mixed_case_is_normalised():
    got = headline("mIxEd CaSe wOrDs")
    assert got == "Mixed Case Words", f"expected 'Mixed Case Words', got {got!r}"


def test_hyphenated_words():
    got = headline("state-of-the-art tools")
    assert got == "State-of-the-Art Tools", f"expected 'State-of-the-Art Tools', got {got!r}"


def test_hyphen_part_at_the_end_counts_as_last():
    got = headline("a well-thought-of")
    assert got == "A Well-Thought-Of", f"expected 'A Well-Thought-Of', got {got!r}"


def test_apostrophes():
    got = headline("don't stop")
    assert got == "Don't Stop", f"expected \"Don't Stop\", got {got!r}"


def test_whitespace_is_normalised():
    got = headline("  too   many \t spaces ")
    assert got == "Too Many Spaces", f"expected 'Too Many Spaces', got {got!r}"


def test_single_small_word():
    got = headline("of")
    assert got == "Of", f"expected 'Of', got {got!r}"


def test_empty_text():
    assert headline("") == "", "empty text should give ''"
    assert headline("   ") == "", "whitespace-only text should give ''"
