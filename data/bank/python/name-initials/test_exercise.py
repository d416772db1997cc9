from solution import initials


def test_two_words():
    got = initials("Ada Lovelace")
    assert got == "A.L.", f"expected 'A.L.', got {got!r}"


def test_lowercase_words_are_upper_cased():
    got = initials("grace brewster murray hopper")
    assert got == "G.B.M.H.", f"expected 'G.B.M.H.', got {got!r}"


def test_extra_whitespace_is_ignored():
    got = initials("  alan   turing ")
    assert got == "A.T.", f"expected 'A.T.', got {got!r}"


def test_tabs_separate_words_too():
    got = initials("linus\ttorvalds")
    assert got == "L.T.", f"expected 'L.T.', got {got!r}"


def test_single_word():
    got = initials("Plato")
    assert got == "P.", f"expected 'P.', got {got!r}"


def test_empty_string():
    got = initials("")
    assert got == "", f"expected '', got {got!r}"


def test_only_whitespace():
    got = initials("   ")
    assert got == "", f"expected '', got {got!r}"
