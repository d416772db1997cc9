from solution import run_job


class Printer:
    """A fake printer driver that records every call in self.events."""

    def __init__(self, heat_error=None):
        self.events = []
        self.heat_error = heat_error

    def heat_up(self):
        self.events.append("heat_up")
        if self.heat_error is not None:
            raise self.heat_error

    def cool_down(self):
        self.events.append("cool_down")

    def job_returning(self, value):
        def job():
            self.events.append("job")
            return value

        return job

    def job_raising(self, error):
        def job():
            self.events.append("job")
            raise error

        return job


def test_successful_job_returns_done():
    p = Printer()
    got = run_job(p.job_returning("benchy printed"), p.heat_up, p.cool_down)
    expected = ("done", "benchy printed")
    assert got == expected, f"run_job(a job returning 'benchy printed', ...): expected {expected!r}, got {got!r}"


def test_calls_happen_in_order():
    p = Printer()
    run_job(p.job_returning(42), p.heat_up, p.cool_down)
    got = p.events
    expected = ["heat_up", "job", "cool_down"]
    assert got == expected, f"run_job(a job returning 42, ...): expected the calls {expected!r}, got {got!r}"


def test_value_error_is_reported_as_rejected():
    p = Printer()
    got = run_job(p.job_raising(ValueError("model has holes")), p.heat_up, p.cool_down)
    expected = ("rejected", "model has holes")
    assert got == expected, (
        f"run_job(a job raising ValueError('model has holes'), ...): expected {expected!r}, got {got!r}"
    )
    expected = ["heat_up", "job", "cool_down"]
    assert p.events == expected, (
        f"run_job(a job raising ValueError('model has holes'), ...): expected the calls {expected!r}, got {p.events!r}"
    )


def test_value_error_subclass_is_rejected_too():
    # UnicodeError is a built-in subclass of ValueError.
    p = Printer()
    got = run_job(p.job_raising(UnicodeError("model file is not text")), p.heat_up, p.cool_down)
    expected = ("rejected", "model file is not text")
    assert got == expected, (
        f"run_job(a job raising UnicodeError('model file is not text'), ...): UnicodeError is a kind of "
        f"ValueError, expected {expected!r}, got {got!r}"
    )


def test_other_errors_propagate_after_cooling_down():
    p = Printer()
    call = "run_job(a job raising RuntimeError('filament jam'), ...)"
    try:
        got = run_job(p.job_raising(RuntimeError("filament jam")), p.heat_up, p.cool_down)
    except RuntimeError as e:
        assert str(e) == "filament jam", f"{call}: expected the job's own message 'filament jam', got {str(e)!r}"
        got = p.events
        expected = ["heat_up", "job", "cool_down"]
        assert got == expected, f"{call}: expected the calls {expected!r} before the error, got {got!r}"
        return
    except Exception as e:
        if type(e).__module__ not in ("builtins", "solution"):  # not raised by run_job: let the grader report it
            raise
        raise AssertionError(
            f"{call}: expected the job's RuntimeError to reach the caller unchanged, got {type(e).__name__}: {e}"
        ) from None
    raise AssertionError(f"{call}: expected the RuntimeError to reach the caller, but run_job returned {got!r}")


def test_heat_up_failure_skips_job_and_cool_down():
    p = Printer(heat_error=OSError("heater broken"))
    call = "run_job(...) with a heat_up raising OSError('heater broken')"
    try:
        got = run_job(p.job_returning("never"), p.heat_up, p.cool_down)
    except OSError:
        got = p.events
        assert got == ["heat_up"], (
            f"{call}: expected only the call ['heat_up'] (no job, no cool down), got {got!r}"
        )
        return
    raise AssertionError(f"{call}: expected the OSError to reach the caller, but run_job returned {got!r}")


def test_job_returning_none():
    p = Printer()
    got = run_job(p.job_returning(None), p.heat_up, p.cool_down)
    assert got == ("done", None), f"run_job(a job returning None, ...): expected ('done', None), got {got!r}"


def test_each_step_is_called_once_per_job():
    p = Printer()
    run_job(p.job_returning(1), p.heat_up, p.cool_down)
    run_job(p.job_raising(ValueError("bad")), p.heat_up, p.cool_down)
    got = p.events
    expected = ["heat_up", "job", "cool_down", "heat_up", "job", "cool_down"]
    assert got == expected, (
        f"run_job(a job returning 1, ...) then run_job(a job raising ValueError('bad'), ...): "
        f"expected the calls {expected!r}, got {got!r}"
    )
