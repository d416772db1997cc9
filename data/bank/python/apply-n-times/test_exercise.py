from solution import apply_n_times


def test_add_one_five_times():
    got = apply_n_times(lambda x: x + 1, 5, 0)
    assert got == 5, f"expected 5, got {got!r}"


def test_doubling():
    got = apply_n_times(lambda x: x * 2, 10, 1)
    assert got == 1024, f"expected 1024, got {got!r}"


def test_works_on_strings():
    got = apply_n_times(lambda s: s + "!", 3, "hi")
    assert got == "hi!!!", f"expected 'hi!!!', got {got!r}"


def test_once_is_a_plain_call():
    got = apply_n_times(lambda x: x * x, 1, 7)
    assert got == 49, f"expected 49, got {got!r}"


def test_zero_times_returns_value_without_calling():
    def explode(x):
        raise RuntimeError("func must not be called when n is 0")

    got = apply_n_times(explode, 0, "untouched")
    assert got == "untouched", f"expected 'untouched', got {got!r}"


def test_order_of_application_matters():
    # halve then add one, three times: 40 -> 21 -> 11.5 -> 6.75
    got = apply_n_times(lambda x: x / 2 + 1, 3, 40)
    assert got == 6.75, f"expected 6.75, got {got!r}"


def test_growing_a_list():
    got = apply_n_times(lambda xs: xs + [len(xs)], 4, [])
    assert got == [0, 1, 2, 3], f"expected [0, 1, 2, 3], got {got!r}"


def test_negative_n_raises_value_error():
    try:
        apply_n_times(lambda x: x, -1, 0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative n")
