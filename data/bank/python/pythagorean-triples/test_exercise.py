from solution import pythagorean_triples


def test_smallest_triple():
    got = pythagorean_triples(5)
    assert got == [(3, 4, 5)], f"expected [(3, 4, 5)], got {got!r}"


def test_nothing_below_five():
    for limit in (4, 1, 0, -10):
        got = pythagorean_triples(limit)
        assert got == [], f"limit={limit}: expected [], got {got!r}"


def test_sorted_by_c_then_a():
    got = pythagorean_triples(20)
    expected = [(3, 4, 5), (6, 8, 10), (5, 12, 13), (9, 12, 15), (8, 15, 17), (12, 16, 20)]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_same_hypotenuse_ordered_by_a():
    got = [t for t in pythagorean_triples(25) if t[2] == 25]
    assert got == [(7, 24, 25), (15, 20, 25)], f"expected [(7, 24, 25), (15, 20, 25)], got {got!r}"


def test_primitive_only():
    got = pythagorean_triples(30, primitive=True)
    expected = [(3, 4, 5), (5, 12, 13), (8, 15, 17), (7, 24, 25), (20, 21, 29)]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_primitive_positionally():
    got = pythagorean_triples(15, True)
    assert got == [(3, 4, 5), (5, 12, 13)], f"expected [(3, 4, 5), (5, 12, 13)], got {got!r}"


def test_counts_up_to_one_hundred():
    got = len(pythagorean_triples(100))
    assert got == 52, f"expected 52 triples up to 100, got {got}"
    got = len(pythagorean_triples(100, primitive=True))
    assert got == 16, f"expected 16 primitive triples up to 100, got {got}"


def test_triples_are_tuples():
    got = pythagorean_triples(10)
    assert got == [(3, 4, 5), (6, 8, 10)], f"expected [(3, 4, 5), (6, 8, 10)], got {got!r}"
    assert all(type(t) is tuple for t in got), f"expected tuples, got {got!r}"
