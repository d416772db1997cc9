from solution import reach_target


def check(digits, target, expected, note=""):
    got = reach_target(digits, target)
    if got == expected:
        return
    detail = ""
    if isinstance(got, list) and all(isinstance(e, str) for e in got):
        missing = [e for e in expected if e not in got]
        extra = [e for e in got if e not in expected]
        if missing:
            detail += f"; missing {missing!r}"
        if extra:
            detail += f"; should not be there {extra!r}"
        if not missing and not extra:
            detail = "; the right expressions, but not in sorted() order" if len(got) == len(expected) else "; some appear twice"
    raise AssertionError(f"reach_target({digits!r}, {target}): expected {expected!r}{note}, got {got!r}{detail}")


def test_all_plus():
    check("123", 6, ["1+2+3"])


def test_digits_can_be_joined():
    check("123", 24, ["1+23"])
    check("123", 123, ["123"])


def test_negative_and_zero_targets():
    check("123", -4, ["1-2-3"])
    check("123", 0, ["1+2-3"], " (no sign goes before the first number)")


def test_several_solutions_are_sorted():
    check("1111", 0, ["1+1-1-1", "1-1+1-1", "1-1-1+1", "11-11"])
    check("4444", 44, ["4+44-4", "4-4+44", "44+4-4", "44-4+4"])


def test_single_digit():
    check("7", 7, ["7"])
    check("7", -7, [], " (no sign goes before the first number)")


def test_no_solution():
    check("98765", 0, [])


def test_the_classic_hundred():
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
    check("123456789", 100, expected)


def test_five_digits():
    check("12345", 15, ["1+2+3+4+5", "1+23-4-5"])


def test_invalid_digits_raise_value_error():
    for digits, why in [("", "no digits"), ("1203", "0 is not allowed"), ("12a", "a letter"),
                        ("-12", "a sign"), ("1 2", "a space")]:
        try:
            got = reach_target(digits, 3)
        except ValueError:
            continue
        raise AssertionError(f"reach_target({digits!r}, 3): expected ValueError ({why}), got {got!r}")
