from solution import reach_target


def test_all_plus():
    got = reach_target("123", 6)
    assert got == ["1+2+3"], f"expected ['1+2+3'], got {got!r}"


def test_digits_can_be_joined():
    got = reach_target("123", 24)
    assert got == ["1+23"], f"expected ['1+23'], got {got!r}"
    got = reach_target("123", 123)
    assert got == ["123"], f"expected ['123'], got {got!r}"


def test_negative_and_zero_targets():
    got = reach_target("123", -4)
    assert got == ["1-2-3"], f"expected ['1-2-3'], got {got!r}"
    got = reach_target("123", 0)
    assert got == ["1+2-3"], f"expected ['1+2-3'], got {got!r}"


def test_several_solutions_are_sorted():
    got = reach_target("1111", 0)
    expected = ["1+1-1-1", "1-1+1-1", "1-1-1+1", "11-11"]
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = reach_target("4444", 44)
    expected = ["4+44-4", "4-4+44", "44+4-4", "44-4+4"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_single_digit():
    got = reach_target("7", 7)
    assert got == ["7"], f"expected ['7'], got {got!r}"
    got = reach_target("7", -7)
    assert got == [], f"expected [] (no sign before the first number), got {got!r}"


def test_no_solution():
    got = reach_target("98765", 0)
    assert got == [], f"expected [], got {got!r}"


def test_the_classic_hundred():
    got = reach_target("123456789", 100)
    expected = [
        "1+2+3-4+5+6+78+9",
        "1+2+34-5+67-8+9",
        "1+23-4+5+6+78-9",
        "1+23-4+56+7+8+9",
        "12+3+4+5-6-7+89",
        "12+3-4+5+67+8+9",
        "12-3-4+5-6+7+89",
        "123+4-5+67-89",
        "123+45-67+8-9",
        "123-4-5-6-7+8-9",
        "123-45-67+89",
    ]
    assert got == expected, f"expected the 11 classic solutions {expected!r}, got {got!r}"


def test_five_digits():
    got = reach_target("12345", 15)
    assert got == ["1+2+3+4+5", "1+23-4-5"], f"expected ['1+2+3+4+5', '1+23-4-5'], got {got!r}"


def test_invalid_digits_raise_value_error():
    for digits in ["", "1203", "12a", "-12", "1 2"]:
        try:
            reach_target(digits, 3)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for digits={digits!r}")
