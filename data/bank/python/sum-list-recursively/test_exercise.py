from solution import recursive_sum


def test_several_numbers():
    got = recursive_sum([1, 2, 3, 4])
    assert got == 10, f"expected 10, got {got!r}"


def test_single_number():
    got = recursive_sum([7])
    assert got == 7, f"expected 7, got {got!r}"


def test_empty_list_is_zero():
    got = recursive_sum([])
    assert got == 0, f"expected 0, got {got!r}"


def test_negative_numbers():
    got = recursive_sum([5, -8, 2])
    assert got == -1, f"expected -1, got {got!r}"


def test_floats():
    got = recursive_sum([2.5, -1, 0.25])
    assert got == 1.75, f"expected 1.75, got {got!r}"


def test_a_few_hundred_numbers():
    got = recursive_sum(list(range(1, 301)))
    assert got == 45150, f"expected 45150, got {got!r}"
