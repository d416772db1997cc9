from solution import countdown


def test_counts_down_then_lifts_off():
    got = list(countdown(3))
    assert got == [3, 2, 1, "liftoff"], f"expected [3, 2, 1, 'liftoff'], got {got!r}"


def test_returns_an_iterator():
    it = countdown(5)
    assert next(it) == 5
    assert next(it) == 4


def test_stops_after_liftoff():
    it = countdown(1)
    assert next(it) == 1
    assert next(it) == "liftoff"
    try:
        next(it)
    except StopIteration:
        return
    raise AssertionError("the generator should be finished after 'liftoff'")


def test_zero():
    got = list(countdown(0))
    assert got == ["liftoff"], f"expected ['liftoff'], got {got!r}"


def test_negative():
    got = list(countdown(-4))
    assert got == ["liftoff"], f"expected ['liftoff'], got {got!r}"


def test_long_countdown():
    got = list(countdown(1000))
    assert len(got) == 1001
    assert got[0] == 1000 and got[-2] == 1 and got[-1] == "liftoff"
