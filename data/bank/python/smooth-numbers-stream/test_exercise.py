from itertools import islice

from solution import nth_smooth_number, smooth_numbers


def first(factors, count):
    return list(islice(smooth_numbers(factors), count))


def test_hamming_numbers_start():
    got = first([2, 3, 5], 15)
    assert got == [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24], (
        f"expected [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16, 18, 20, 24], got {got!r}"
    )


def test_single_factor_gives_powers():
    got = first([2], 10)
    assert got == [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], f"expected [1, 2, 4, 8, 16, 32, 64, 128, 256, 512], got {got!r}"


def test_other_primes():
    got = first([3, 7], 8)
    assert got == [1, 3, 7, 9, 21, 27, 49, 63], f"expected [1, 3, 7, 9, 21, 27, 49, 63], got {got!r}"


def test_duplicate_and_unsorted_factors():
    got = first([5, 2, 2, 3], 12)
    assert got == [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16], f"expected [1, 2, 3, 4, 5, 6, 8, 9, 10, 12, 15, 16], got {got!r}"


def test_composite_factors():
    got = first([4, 6], 12)
    assert got == [1, 4, 6, 16, 24, 36, 64, 96, 144, 216, 256, 384], (
        f"expected [1, 4, 6, 16, 24, 36, 64, 96, 144, 216, 256, 384], got {got!r}"
    )


def test_no_factors_yields_only_one():
    got = list(smooth_numbers([]))
    assert got == [1], f"expected [1], got {got!r}"


def test_is_lazy_iterator():
    it = smooth_numbers([2, 3])
    assert next(it) == 1
    assert next(it) == 2
    assert next(it) == 3
    assert next(it) == 4


def test_nth_small_values():
    assert nth_smooth_number([2, 3, 5], 1) == 1
    assert nth_smooth_number([2, 3, 5], 10) == 12


def test_nth_far_into_the_stream():
    got = nth_smooth_number([2, 3, 5], 1500)
    assert got == 859963392, f"expected 859963392, got {got!r}"
    got = nth_smooth_number([2, 3, 5, 7], 1000)
    assert got == 385875, f"expected 385875, got {got!r}"


def test_invalid_factors():
    for bad in ([1], [0, 2], [2, -3]):
        try:
            first(bad, 3)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for factors {bad!r}")


def test_invalid_n():
    try:
        nth_smooth_number([2, 3], 0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for n=0")
