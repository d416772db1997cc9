from solution import count_vowels


def test_one_word():
    got = count_vowels("banana")
    assert got == 3, f"count_vowels('banana'): expected 3, got {got!r}"


def test_capitals_count_too():
    got = count_vowels("Apple Pie")
    assert got == 4, f"count_vowels('Apple Pie'): expected 4, got {got!r}"


def test_all_capital_vowels():
    got = count_vowels("AEIOU")
    assert got == 5, f"count_vowels('AEIOU'): expected 5, got {got!r}"


def test_no_vowels_and_y_is_not_one():
    got = count_vowels("rhythm")
    assert got == 0, f"count_vowels('rhythm'): expected 0, got {got!r}"


def test_punctuation_and_digits_are_not_vowels():
    got = count_vowels("Hi, 2 you!")
    assert got == 3, f"count_vowels('Hi, 2 you!'): expected 3, got {got!r}"


def test_empty_string():
    got = count_vowels("")
    assert got == 0, f"count_vowels(''): expected 0, got {got!r}"
