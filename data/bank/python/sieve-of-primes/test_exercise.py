from solution import primes_up_to


def test_up_to_ten():
    got = primes_up_to(10)
    assert got == [2, 3, 5, 7], f"expected [2, 3, 5, 7], got {got!r}"


def test_n_itself_is_included():
    got = primes_up_to(13)
    assert got == [2, 3, 5, 7, 11, 13], f"expected [2, 3, 5, 7, 11, 13], got {got!r}"


def test_smallest_prime():
    got = primes_up_to(2)
    assert got == [2], f"expected [2], got {got!r}"


def test_below_two():
    assert primes_up_to(1) == [], "n = 1 should give []"
    assert primes_up_to(0) == [], "n = 0 should give []"
    assert primes_up_to(-7) == [], "a negative n should give []"


def test_squares_of_primes_are_not_prime():
    got = primes_up_to(50)
    expected = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_large_n():
    got = primes_up_to(100000)
    assert len(got) == 9592, f"expected 9592 primes up to 100000, got {len(got)}"
    assert got[-1] == 99991, f"expected the largest to be 99991, got {got[-1]!r}"
