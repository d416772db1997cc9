from solution import greet


def test_uses_both_defaults():
    got = greet("Ada")
    assert got == "Hello, Ada!", f"expected 'Hello, Ada!', got {got!r}"


def test_custom_greeting_positionally():
    got = greet("Linus", "Welcome")
    assert got == "Welcome, Linus!", f"expected 'Welcome, Linus!', got {got!r}"


def test_custom_punctuation_by_keyword():
    got = greet("Grace", punctuation=".")
    assert got == "Hello, Grace.", f"expected 'Hello, Grace.', got {got!r}"


def test_both_keywords_in_any_order():
    got = greet("Barbara", punctuation="?", greeting="Is that you")
    assert got == "Is that you, Barbara?", f"expected 'Is that you, Barbara?', got {got!r}"


def test_name_is_stripped():
    got = greet("  Alan ", greeting="Hi")
    assert got == "Hi, Alan!", f"expected 'Hi, Alan!', got {got!r}"


def test_blank_name_becomes_stranger():
    got = greet("   ")
    assert got == "Hello, stranger!", f"expected 'Hello, stranger!', got {got!r}"


def test_empty_name_becomes_stranger():
    got = greet("", "Welcome", "!!")
    assert got == "Welcome, stranger!!", f"expected 'Welcome, stranger!!', got {got!r}"


def test_empty_punctuation():
    got = greet("Edsger", punctuation="")
    assert got == "Hello, Edsger", f"expected 'Hello, Edsger', got {got!r}"
