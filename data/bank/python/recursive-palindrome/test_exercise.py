from solution import is_palindrome


def test_simple_word():
    got = is_palindrome("racecar")
    assert got is True, f"expected True for 'racecar', got {got!r}"


def test_not_a_palindrome():
    got = is_palindrome("hello")
    assert got is False, f"expected False for 'hello', got {got!r}"


def test_ignores_case_spaces_and_punctuation():
    got = is_palindrome("A man, a plan, a canal: Panama")
    assert got is True, f"expected True, got {got!r}"
    got = is_palindrome("No 'x' in Nixon")
    assert got is True, f"expected True, got {got!r}"


def test_empty_and_symbol_only_strings():
    assert is_palindrome("") is True, "the empty string is a palindrome"
    assert is_palindrome("?!") is True, "a string without letters or digits is a palindrome"


def test_single_character():
    assert is_palindrome("x") is True


def test_even_length():
    assert is_palindrome("Abba") is True
    assert is_palindrome("ab") is False


def test_digits_count():
    assert is_palindrome("12321") is True
    assert is_palindrome("123 21x") is False


def test_mismatch_in_the_middle():
    got = is_palindrome("abcxba")
    assert got is False, f"expected False for 'abcxba', got {got!r}"
