from solution import pipeline


def expect_type_error(*steps, mentioning):
    try:
        pipeline(*steps)
    except TypeError as e:
        assert mentioning in str(e).lower(), f"expected {mentioning!r} in the message, got {str(e)!r}"
        return
    raise AssertionError(f"expected TypeError when building a pipeline from {steps!r}")


def test_plain_function_steps():
    clean = pipeline(str.strip, str.lower)
    got = clean("  MiXeD Case  ")
    assert got == "mixed case", f"expected 'mixed case', got {got!r}"


def test_tuple_step_passes_extra_arguments():
    slugify = pipeline(str.strip, str.lower, (str.replace, " ", "-"))
    got = slugify("  Hello World ")
    assert got == "hello-world", f"expected 'hello-world', got {got!r}"
    got = slugify("Tea Time")
    assert got == "tea-time", f"expected 'tea-time', got {got!r}"


def test_steps_run_left_to_right():
    got = pipeline(lambda x: x + 1, lambda x: x * 10)(2)
    assert got == 30, f"expected (2 + 1) * 10 = 30, got {got!r}"
    got = pipeline(lambda x: x * 10, lambda x: x + 1)(2)
    assert got == 21, f"expected 2 * 10 + 1 = 21, got {got!r}"


def test_type_conversions():
    price = pipeline(float, (round, 2), str)
    got = price("3.14159")
    assert got == "3.14", f"expected '3.14', got {got!r}"


def test_no_steps_returns_the_value_unchanged():
    got = pipeline()([1, 2])
    assert got == [1, 2], f"expected [1, 2], got {got!r}"
    got = pipeline()("anything")
    assert got == "anything", f"expected 'anything', got {got!r}"


def test_building_does_not_call_the_steps():
    calls = []

    def record(x):
        calls.append(x)
        return x

    run = pipeline(record, (max, 10))
    assert calls == [], f"pipeline() must not call any step, but record saw {calls!r}"
    got = run(3)
    assert got == 10, f"expected 10, got {got!r}"
    got = run(42)
    assert got == 42, f"expected 42, got {got!r}"
    assert calls == [3, 42], f"expected record to see [3, 42], got {calls!r}"


def test_pipeline_as_a_step():
    tidy = pipeline(str.strip, str.title)
    banner = pipeline(tidy, (str.center, 16, "*"))
    got = banner("  ada lovelace ")
    assert got == "**Ada Lovelace**", f"expected '**Ada Lovelace**', got {got!r}"


def test_bad_steps_raise_type_error_when_building():
    expect_type_error(str.strip, 42, mentioning="step 1")
    expect_type_error((), mentioning="step 0")
    expect_type_error(str.strip, str.lower, ("replace", " ", "-"), mentioning="step 2")


def test_errors_from_steps_propagate():
    run = pipeline(str.strip, int)
    try:
        run(" abc ")
    except ValueError:
        return
    raise AssertionError("expected the ValueError raised by int() to reach the caller")
