from solution import RetryError, call_with_retry


def make_flaky(failures, exc_type=ConnectionError):
    """A function that raises exc_type on its first `failures` calls, then succeeds."""
    state = {"calls": 0}

    def func():
        state["calls"] += 1
        if state["calls"] <= failures:
            raise exc_type(f"failure {state['calls']}")
        return f"ok after {state['calls']} calls"

    return func


def expect_retry_error(func, **kwargs):
    try:
        call_with_retry(func, **kwargs)
    except RetryError as e:
        return e
    raise AssertionError("expected RetryError")


def test_success_first_time():
    got = call_with_retry(lambda: 42)
    assert got == 42, f"expected 42, got {got!r}"


def test_succeeds_after_failures():
    got = call_with_retry(make_flaky(2), attempts=3)
    assert got == "ok after 3 calls", f"expected 'ok after 3 calls', got {got!r}"


def test_gives_up_with_details():
    e = expect_retry_error(make_flaky(5), attempts=3)
    assert e.attempts == 3, f"expected 3 attempts, got {e.attempts!r}"
    assert e.errors == [
        "ConnectionError: failure 1",
        "ConnectionError: failure 2",
        "ConnectionError: failure 3",
    ], f"expected 3 errors, 'ConnectionError: failure 1' to 'ConnectionError: failure 3', got {e.errors!r}"
    assert str(e) == "gave up after 3 attempts", f"expected 'gave up after 3 attempts', got {str(e)!r}"


def test_default_is_three_attempts():
    got = call_with_retry(make_flaky(2))
    assert got == "ok after 3 calls", f"expected 'ok after 3 calls', got {got!r}"
    e = expect_retry_error(make_flaky(3))
    assert e.attempts == 3 and len(e.errors) == 3


def test_single_attempt_means_no_retry():
    e = expect_retry_error(make_flaky(1), attempts=1)
    assert e.errors == ["ConnectionError: failure 1"], f"expected ['ConnectionError: failure 1'], got {e.errors!r}"


def test_unlisted_exception_propagates_immediately():
    # Fails once with KeyError, then would succeed: a correct helper never retries it.
    func = make_flaky(1, KeyError)
    try:
        call_with_retry(func, attempts=5, retry_on=(ConnectionError, TimeoutError))
    except KeyError:
        return
    raise AssertionError("KeyError is not in retry_on and should propagate")


def test_retry_on_single_class_and_subclasses():
    # ConnectionRefusedError is a subclass of ConnectionError.
    got = call_with_retry(make_flaky(2, ConnectionRefusedError), attempts=4, retry_on=ConnectionError)
    assert got == "ok after 3 calls", f"expected 'ok after 3 calls', got {got!r}"


def test_error_type_names_are_recorded():
    e = expect_retry_error(make_flaky(9, TimeoutError), attempts=2, retry_on=(TimeoutError,))
    assert e.errors == ["TimeoutError: failure 1", "TimeoutError: failure 2"], (
        f"expected ['TimeoutError: failure 1', 'TimeoutError: failure 2'], got {e.errors!r}"
    )


def test_invalid_attempts():
    for bad in (0, -2):
        try:
            call_with_retry(lambda: 1, attempts=bad)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for attempts={bad}")
