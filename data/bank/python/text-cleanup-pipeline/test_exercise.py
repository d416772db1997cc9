from solution import pipeline

TUPLE_STEPS = " (remember: a step (func, a, b) calls func(value, a, b))"


def build(shown, *steps):
    """pipeline(*steps), where every step is valid; `shown` is how the call reads in messages."""
    try:
        return pipeline(*steps)
    except TypeError as e:
        raise AssertionError(f"{shown}: every step is valid, but building the pipeline raised TypeError: {e}") from None


def check(shown, run, value, expected, why="", hint=""):
    """run(value) must give expected; `shown` is how the pipeline reads in messages."""
    call = f"{shown}({value!r})"
    try:
        got = run(value)
    except TypeError as e:
        raise AssertionError(f"{call}: expected {expected!r}{why}, got TypeError: {e}{hint}") from None
    assert got == expected, f"{call}: expected {expected!r}{why}, got {got!r}{hint}"


def expect_type_error(shown, *steps, mentioning):
    try:
        pipeline(*steps)
    except TypeError as e:
        assert mentioning in str(e).lower(), (
            f"{shown}: raised TypeError as expected, but its message should contain {mentioning!r} "
            f"(positions count from 0), got {str(e)!r}"
        )
        return
    except (LookupError, ValueError, AttributeError) as e:
        raise AssertionError(f"{shown}: expected TypeError, got {type(e).__name__}: {e}") from None
    raise AssertionError(f"{shown}: expected TypeError when the pipeline is built, before it is run")


def test_plain_function_steps():
    shown = "pipeline(str.strip, str.lower)"
    check(shown, build(shown, str.strip, str.lower), "  MiXeD Case  ", "mixed case")


def test_tuple_step_passes_extra_arguments():
    shown = "pipeline(str.strip, str.lower, (str.replace, ' ', '-'))"
    slugify = build(shown, str.strip, str.lower, (str.replace, " ", "-"))
    check(shown, slugify, "  Hello World ", "hello-world", hint=TUPLE_STEPS)
    check(shown, slugify, "Tea Time", "tea-time", hint=TUPLE_STEPS)


def test_steps_run_left_to_right():
    check("pipeline(add_one, times_ten)", pipeline(lambda x: x + 1, lambda x: x * 10), 2, 30, " ((2 + 1) * 10)")
    check("pipeline(times_ten, add_one)", pipeline(lambda x: x * 10, lambda x: x + 1), 2, 21, " (2 * 10 + 1)")


def test_type_conversions():
    shown = "pipeline(float, (round, 2), str)"
    check(shown, build(shown, float, (round, 2), str), "3.14159", "3.14", hint=TUPLE_STEPS)


def test_no_steps_returns_the_value_unchanged():
    check("pipeline()", pipeline(), [1, 2], [1, 2])
    check("pipeline()", pipeline(), "anything", "anything")


def test_building_does_not_call_the_steps():
    calls = []

    def record(x):
        calls.append(x)
        return x

    shown = "pipeline(record, (max, 10))"
    run = build(shown, record, (max, 10))
    assert calls == [], f"{shown}: building the pipeline must not call any step, but record was called with {calls!r}"
    check(shown, run, 3, 10, hint=TUPLE_STEPS)
    check(shown, run, 42, 42, hint=TUPLE_STEPS)
    assert calls == [3, 42], f"{shown}: after running it on 3 then 42, expected record to see [3, 42], got {calls!r}"


def test_pipeline_as_a_step():
    tidy = build("pipeline(str.strip, str.title)", str.strip, str.title)
    shown = "pipeline(pipeline(str.strip, str.title), (str.center, 16, '*'))"
    banner = build(shown, tidy, (str.center, 16, "*"))
    check(shown, banner, "  ada lovelace ", "**Ada Lovelace**", hint=TUPLE_STEPS)


def test_bad_steps_raise_type_error_when_building():
    expect_type_error("pipeline(str.strip, 42)", str.strip, 42, mentioning="step 1")
    expect_type_error("pipeline(())", (), mentioning="step 0")
    expect_type_error("pipeline(str.strip, str.lower, ('replace', ' ', '-'))",
                      str.strip, str.lower, ("replace", " ", "-"), mentioning="step 2")


def test_errors_from_steps_propagate():
    run = pipeline(str.strip, int)
    try:
        got = run(" abc ")
    except ValueError:
        return
    raise AssertionError(
        f"pipeline(str.strip, int)(' abc '): expected the ValueError raised by int('abc') to reach the caller, got {got!r}"
    )
