import solution
from solution import countdown, fact, greet, ratio, safe, total


def run_logged(func, *args, log="LOG", **kwargs):
    """Call func and return (its result, the lines it added to solution.LOG or BAR_LOG)."""
    start = len(getattr(solution, log))
    result = func(*args, **kwargs)
    return result, getattr(solution, log)[start:]


def check_lines(what, lines, expected, log="LOG"):
    """Compare the lines `what` added to the log, pointing at the first line that differs."""
    if lines == expected:
        return
    for number, (want, have) in enumerate(zip(expected, lines), 1):
        if want != have:
            where = f"line {number} should be {want!r}, got {have!r}"
            break
    else:
        where = f"expected {len(expected)} lines, got {len(lines)}"
    raise AssertionError(f"{what} wrote to {log}: {where}. All its lines: expected {expected!r}, got {lines!r}")


def test_single_call_logs_call_and_result():
    got, lines = run_logged(fact, 1)
    assert got == 1, f"fact(1): expected 1, got {got!r}"
    check_lines("fact(1)", lines, ["fact(1)", "fact(1) returned 1"])


def test_recursive_calls_are_indented():
    got, lines = run_logged(fact, 3)
    assert got == 6, f"fact(3): expected 6, got {got!r}"
    expected = [
        "fact(3)",
        "  fact(2)",
        "    fact(1)",
        "    fact(1) returned 1",
        "  fact(2) returned 2",
        "fact(3) returned 6",
    ]
    check_lines("fact(3)", lines, expected)


def test_reprs_and_keyword_arguments():
    got, lines = run_logged(greet, "Bo")
    assert got == "Hello, Bo.", f"greet('Bo'): expected 'Hello, Bo.', got {got!r}"
    check_lines("greet('Bo')", lines, ["greet('Bo')", "greet('Bo') returned 'Hello, Bo.'"])
    got, lines = run_logged(greet, "Ann", punctuation="!", greeting="Hi")
    assert got == "Hi, Ann!", f"greet('Ann', punctuation='!', greeting='Hi'): expected 'Hi, Ann!', got {got!r}"
    expected = [
        "greet('Ann', punctuation='!', greeting='Hi')",
        "greet('Ann', punctuation='!', greeting='Hi') returned 'Hi, Ann!'",
    ]
    check_lines("greet('Ann', punctuation='!', greeting='Hi') (keywords in the order passed)", lines, expected)


def test_defaults_not_passed_are_not_shown():
    _, lines = run_logged(ratio, 6)
    check_lines("ratio(6) (the default b=1 is not shown)", lines, ["ratio(6)", "ratio(6) returned 6.0"])
    _, lines = run_logged(ratio, 6, b=3)
    check_lines("ratio(6, b=3)", lines, ["ratio(6, b=3)", "ratio(6, b=3) returned 2.0"])


def test_exception_is_logged_and_reraised():
    start = len(solution.LOG)
    try:
        got = ratio(1, b=0)
    except ZeroDivisionError:
        lines = solution.LOG[start:]
        expected = ["ratio(1, b=0)", "ratio(1, b=0) raised ZeroDivisionError: division by zero"]
        check_lines("ratio(1, b=0)", lines, expected)
        return
    raise AssertionError(f"ratio(1, b=0): expected the ZeroDivisionError to reach the caller, "
                         f"but the call returned {got!r}")


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
    check_lines("safe(0) then safe(5)", lines, expected)


def test_custom_indent():
    got, lines = run_logged(countdown, 2, log="BAR_LOG")
    assert got == "liftoff", f"countdown(2): expected 'liftoff', got {got!r}"
    expected = [
        "countdown(2)",
        "| countdown(1)",
        "| | countdown(0)",
        "| | countdown(0) returned 'liftoff'",
        "| countdown(1) returned 'liftoff'",
        "countdown(2) returned 'liftoff'",
    ]
    check_lines("countdown(2) (traced with indent '| ')", lines, expected, log="BAR_LOG")


def test_tracers_are_independent():
    start_bar = len(solution.BAR_LOG)
    got, lines = run_logged(total, [1, 2])
    assert got == 6, f"total([1, 2]): expected 6, got {got!r}"
    check_lines("total([1, 2])", lines, ["total([1, 2])", "total([1, 2]) returned 6"])
    bar_lines = solution.BAR_LOG[start_bar:]
    expected = ["double(1)", "double(1) returned 2", "double(2)", "double(2) returned 4"]
    check_lines("total([1, 2]) (whose double() calls use the other tracer, so their depth starts at 0)",
                bar_lines, expected, log="BAR_LOG")


def test_wraps_keeps_the_name():
    got = fact.__name__
    assert got == "fact", f"fact.__name__: expected 'fact', got {got!r} (use functools.wraps)"
    got = total.__name__
    assert got == "total", f"total.__name__: expected 'total', got {got!r} (use functools.wraps)"
