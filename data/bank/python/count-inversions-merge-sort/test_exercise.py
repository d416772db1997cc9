import random

from solution import sort_and_count


def brute_force_inversions(values):
    n = len(values)
    return sum(1 for i in range(n) for j in range(i + 1, n) if values[i] > values[j])


def test_small_example():
    got = sort_and_count([3, 1, 2])
    assert tuple(got) == ([1, 2, 3], 2), f"expected ([1, 2, 3], 2), got {got!r}"


def test_sorted_input_has_no_inversions():
    got = sort_and_count([1, 2, 3, 4])
    assert tuple(got) == ([1, 2, 3, 4], 0), f"expected ([1, 2, 3, 4], 0), got {got!r}"


def test_reversed_input():
    got = sort_and_count([5, 4, 3, 2, 1])
    assert tuple(got) == ([1, 2, 3, 4, 5], 10), f"expected ([1, 2, 3, 4, 5], 10), got {got!r}"


def test_equal_values_are_not_inversions():
    assert tuple(sort_and_count([2, 2, 1])) == ([1, 2, 2], 2)
    assert tuple(sort_and_count([7, 7, 7])) == ([7, 7, 7], 0)


def test_empty_and_single():
    assert tuple(sort_and_count([])) == ([], 0)
    assert tuple(sort_and_count([42])) == ([42], 0)


def test_strings():
    got = sort_and_count(["pear", "apple", "fig"])
    assert tuple(got) == (["apple", "fig", "pear"], 2), f"expected (['apple', 'fig', 'pear'], 2), got {got!r}"


def test_random_lists_match_brute_force():
    rng = random.Random(2024)
    for size in (2, 3, 10, 57, 200):
        values = [rng.randint(-20, 20) for _ in range(size)]
        got_sorted, got_count = sort_and_count(values)
        assert got_sorted == sorted(values), f"wrong order for {values!r}"
        expected = brute_force_inversions(values)
        assert got_count == expected, f"expected {expected} inversions, got {got_count}"


def test_large_reversed_list_is_fast():
    n = 5000
    got_sorted, got_count = sort_and_count(list(range(n, 0, -1)))
    assert got_count == n * (n - 1) // 2, f"expected {n * (n - 1) // 2} inversions, got {got_count}"
    assert got_sorted == list(range(1, n + 1))
