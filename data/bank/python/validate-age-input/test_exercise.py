from solution import parse_age


def test_int_is_returned():
    got = parse_age(34)
    assert got == 34, f"expected 34, got {got!r}"


def test_string_is_stripped_and_converted():
    got = parse_age(" 27 ")
    assert got == 27, f"expected 27, got {got!r}"


def test_bounds_are_inclusive():
    assert parse_age(0) == 0
    assert parse_age("150") == 150


def test_non_numeric_text_raises_value_error():
    for text in ["abc", "", "12.5"]:
        try:
            parse_age(text)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {text!r}")


def test_out_of_range_raises_value_error():
    for age in [-1, 151, "-5", "1000"]:
        try:
            parse_age(age)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {age!r}")


def test_out_of_range_message_mentions_bounds():
    try:
        parse_age(200)
    except ValueError as e:
        assert "between 0 and 150" in str(e), f"unhelpful message: {str(e)!r}"
        return
    raise AssertionError("expected ValueError for 200")


def test_wrong_types_raise_type_error():
    for value in [20.5, None, [30]]:
        try:
            parse_age(value)
        except TypeError:
            continue
        raise AssertionError(f"expected TypeError for {value!r}")


def test_bools_are_rejected():
    try:
        parse_age(True)
    except TypeError:
        return
    raise AssertionError("expected TypeError for True")
