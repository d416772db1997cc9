import solution
from solution import countdown, fact, greet, ratio, safe, total


def run_logged(func, *args, log="LOG", **kwargs):
    """Call func and return (its result, the lines it added to solution.LOG or BAR_LOG)."""
    start = len(getattr(solution, log))
    result = func(*args, **kwargs)
    return result, getattr(solution, log)[start:]


def test_single_call_logs_call_and_result():
    got, lines = run_logged(fact, 1)
    assert got == 1, f"expected 1, got {got!r}"
    assert lines == ["fact(1)", "fact(1) returned 1"], f"expected ['fact(1)', 'fact(1) returned 1'], got {lines!r}"


def test_recursive_calls_are_indented():
    got, lines = run_logged(fact, 3)
    assert got == 6, f"expected 6, got {got!r}"
    expected = [
        "fact(3)",
        "  fact(2)",
        "    fact(1)",
        "    fact(1) returned 1",
        "  fact(2) returned 2",
        "fact(3) returned 6",
    ]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"


def test_reprs_and_keyword_arguments():
    got, lines = run_logged(greet, "Bo")
    expected = ["greet('Bo')", "greet('Bo') returned 'Hello, Bo.'"]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"
    got, lines = run_logged(greet, "Ann", punctuation="!", greeting="Hi")
    assert got == "Hi, Ann!", f"expected 'Hi, Ann!', got {got!r}"
    expected = [
        "greet('Ann', punctuation='!', greeting='Hi')",
        "greet('Ann', punctuation='!', greeting='Hi') returned 'Hi, Ann!'",
    ]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"


def test_defaults_not_passed_are_not_shown():
    _, lines = run_logged(ratio, 6)
    assert lines == ["ratio(6)", "ratio(6) returned 6.0"], f"expected ['ratio(6)', 'ratio(6) returned 6.0'], got {lines!r}"
    _, lines = run_logged(ratio, 6, b=3)
    expected = ["ratio(6, b=3)", "ratio(6, b=3) returned 2.0"]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"


def test_exception_is_logged_and_reraised():
    start = len(solution.LOG)
    try:
        ratio(1, b=0)
    except ZeroDivisionError:
        lines = solution.LOG[start:]
        expected = ["ratio(1, b=0)", "ratio(1, b=0) raised ZeroDivisionError: division by zero"]
        assert lines == expected, f"expected {expected!r}, got {lines!r}"
        return
    raise AssertionError("expected the ZeroDivisionError to reach the caller")


def test_depth_recovers_after_a_caught_exception():
    start = len(solution.LOG)
    safe(0)
    safe(5)
    lines = solution.LOG[start:]
    expected = [
        "safe(0)",
        "  risky(0)",
        "  risky(0) raised ValueError: n is zero",
        "safe(0) returned None",
        "safe(5)",
        "  risky(5)",
        "  risky(5) returned 2",
        "safe(5) returned 2",
    ]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"


def test_custom_indent():
    got, lines = run_logged(countdown, 2, log="BAR_LOG")
    assert got == "liftoff", f"expected 'liftoff', got {got!r}"
    expected = [
        "countdown(2)",
        "| countdown(1)",
        "| | countdown(0)",
        "| | countdown(0) returned 'liftoff'",
        "| countdown(1) returned 'liftoff'",
        "countdown(2) returned 'liftoff'",
    ]
    assert lines == expected, f"expected {expected!r}, got {lines!r}"


def test_tracers_are_independent():
    start_bar = len(solution.BAR_LOG)
    got, lines = run_logged(total, [1, 2])
    assert got == 6, f"expected 6, got {got!r}"
    expected = ["total([1, 2])", "total([1, 2]) returned 6"]
    assert lines == expected, f"expected only {expected!r} in LOG, got {lines!r}"
    bar_lines = solution.BAR_LOG[start_bar:]
    expected = ["double(1)", "double(1) returned 2", "double(2)", "double(2) returned 4"]
    assert bar_lines == expected, f"expected {expected!r} in BAR_LOG (depth 0 for its own tracer), got {bar_lines!r}"


def test_wraps_keeps_the_name():
    got = fact.__name__
    assert got == "fact", f"expected __name__ 'fact', got {got!r}"
    got = total.__name__
    assert got == "total", f"expected __name__ 'total', got {got!r}"
