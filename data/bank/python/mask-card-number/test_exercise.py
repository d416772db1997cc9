from solution import mask_card


def check(number, expected, note=""):
    got = mask_card(number)
    assert got == expected, f"mask_card({number!r}): expected {expected!r}{note}, got {got!r}"


def test_grouped_number():
    check("4111 1111 1111 1234", "************1234", " (spaces removed, 12 stars then the last 4 digits)")


def test_number_without_spaces():
    check("5500000000000004", "************0004")


def test_fifteen_digit_card():
    check("3782 822463 10005", "***********0005", " (11 stars for the 11 hidden digits)")


def test_spaces_anywhere_are_removed():
    check(" 12 345 ", "*2345", " (all spaces removed, then one hidden digit)")


def test_exactly_four_digits():
    check("1234", "1234", " (nothing to hide)")


def test_fewer_than_four_digits():
    check("987", "987", " (nothing to hide)")
    check(" 9 8 ", "98", " (spaces removed, nothing to hide)")


def test_empty_text():
    check("", "")
