from solution import DivisionByZeroError, EvalError, ParseError, evaluate


def parse_error_position(expression):
    try:
        evaluate(expression)
    except ParseError as e:
        return e.position
    raise AssertionError(f"expected ParseError for {expression!r}")


def test_precedence_and_associativity():
    assert evaluate("2 + 3 * 4") == 14
    assert evaluate("10 - 4 - 3") == 3
    assert evaluate("100 / 10 / 5") == 2
    assert evaluate("(2 + 3) * 4") == 20


def test_unary_signs_and_spaces():
    assert evaluate("-(2 + 3) * --2") == -10
    assert evaluate("2*-3") == -6
    assert evaluate("  +7  ") == 7
    assert evaluate("007") == 7


def test_floor_division():
    assert evaluate("7 / 2") == 3
    assert evaluate("-7 / 2") == -4


def test_syntax_error_positions():
    cases = {"2 + * 3": 4, "1 + 2)": 5, "12 34": 3, "()": 1, "3 (4)": 2}
    for expression, expected in cases.items():
        got = parse_error_position(expression)
        assert got == expected, f"{expression!r}: expected position {expected}, got {got}"


def test_unexpected_end_positions():
    cases = {"(1 + 2": 6, "2 +": 3, "": 0, "   ": 3, "-": 1}
    for expression, expected in cases.items():
        got = parse_error_position(expression)
        assert got == expected, f"{expression!r}: expected position {expected}, got {got}"


def test_invalid_character_position():
    assert parse_error_position("4 $ 2") == 2
    assert parse_error_position("2.5 + 1") == 1


def test_invalid_character_beats_syntax_error():
    got = parse_error_position("* 1 x")
    assert got == 4, f"the invalid 'x' must be reported first, got position {got}"


def test_division_by_zero_position():
    try:
        evaluate("7 + 8 / (4 - 4)")
    except DivisionByZeroError as e:
        assert e.position == 6, f"expected position 6, got {e.position}"
        return
    raise AssertionError("expected DivisionByZeroError")


def test_division_error_is_also_zero_division_and_eval_error():
    try:
        evaluate("1 / 0")
    except ZeroDivisionError as e:
        assert isinstance(e, EvalError), "DivisionByZeroError must subclass EvalError"
        return
    raise AssertionError("expected a ZeroDivisionError subclass")


def test_syntax_error_beats_division_by_zero():
    got = parse_error_position("1/0 +")
    assert got == 5, f"expected ParseError at 5, got {got}"


def test_parse_error_is_an_eval_error():
    try:
        evaluate("(")
    except EvalError as e:
        assert isinstance(e, ParseError), f"expected ParseError, got {type(e).__name__}"
        return
    raise AssertionError("expected EvalError")


def test_non_string_raises_type_error():
    try:
        evaluate(42)
    except TypeError:
        return
    raise AssertionError("expected TypeError for a non-string expression")
