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
    assert got == ("done", "benchy printed"), f"expected ('done', 'benchy printed'), got {got!r}"


def test_calls_happen_in_order():
    p = Printer()
    run_job(p.job_returning(42), p.heat_up, p.cool_down)
    got = p.events
    assert got == ["heat_up", "job", "cool_down"], f"expected ['heat_up', 'job', 'cool_down'], got {got!r}"


def test_value_error_is_reported_as_rejected():
    p = Printer()
    got = run_job(p.job_raising(ValueError("model has holes")), p.heat_up, p.cool_down)
    assert got == ("rejected", "model has holes"), f"expected ('rejected', 'model has holes'), got {got!r}"
    assert p.events == ["heat_up", "job", "cool_down"], f"expected a cool down after the job, got {p.events!r}"


def test_value_error_subclass_is_rejected_too():
    # UnicodeError is a built-in subclass of ValueError.
    p = Printer()
    got = run_job(p.job_raising(UnicodeError("model file is not text")), p.heat_up, p.cool_down)
    assert got == ("rejected", "model file is not text"), f"expected ('rejected', 'model file is not text'), got {got!r}"


def test_other_errors_propagate_after_cooling_down():
    p = Printer()
    try:
        run_job(p.job_raising(RuntimeError("filament jam")), p.heat_up, p.cool_down)
    except RuntimeError as e:
        assert str(e) == "filament jam", f"expected the job's own message 'filament jam', got {str(e)!r}"
        got = p.events
        assert got == ["heat_up", "job", "cool_down"], f"expected ['heat_up', 'job', 'cool_down'], got {got!r}"
        return
    raise AssertionError("expected the RuntimeError to reach the caller")


def test_heat_up_failure_skips_job_and_cool_down():
    p = Printer(heat_error=OSError("heater broken"))
    try:
        run_job(p.job_returning("never"), p.heat_up, p.cool_down)
    except OSError:
        got = p.events
        assert got == ["heat_up"], f"expected only ['heat_up'], got {got!r}"
        return
    raise AssertionError("expected the OSError from heat_up to reach the caller")


def test_job_returning_none():
    p = Printer()
    got = run_job(p.job_returning(None), p.heat_up, p.cool_down)
    assert got == ("done", None), f"expected ('done', None), got {got!r}"


def test_each_step_is_called_once_per_job():
    p = Printer()
    run_job(p.job_returning(1), p.heat_up, p.cool_down)
    run_job(p.job_raising(ValueError("bad")), p.heat_up, p.cool_down)
    got = p.events
    expected = ["heat_up", "job", "cool_down", "heat_up", "job", "cool_down"]
    assert got == expected, f"expected {expected!r}, got {got!r}"
