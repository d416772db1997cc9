from solution import mask_card


def test_grouped_number():
    got = mask_card("4111 1111 1111 1234")
    expected = "************1234"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_number_without_spaces():
    got = mask_card("5500000000000004")
    expected = "************0004"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_fifteen_digit_card():
    got = mask_card("3782 822463 10005")
    expected = "***********0005"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_spaces_anywhere_are_removed():
    got = mask_card(" 12 345 ")
    expected = "*2345"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_exactly_four_digits():
    got = mask_card("1234")
    expected = "1234"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_fewer_than_four_digits():
    got = mask_card("987")
    expected = "987"
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_text():
    got = mask_card("")
    expected = ""
    assert got == expected, f"expected {expected!r}, got {got!r}"
