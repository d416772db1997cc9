from solution import find_first


def test_found_in_middle():
    got = find_first([1, 3, 5, 7, 9], 7)
    assert got == 3, f"expected 3, got {got!r}"


def test_first_and_last_positions():
    assert find_first([1, 3, 5, 7, 9], 1) == 0
    assert find_first([1, 3, 5, 7, 9], 9) == 4


def test_missing_values():
    items = [2, 4, 6, 8]
    for target in (1, 5, 9):
        got = find_first(items, target)
        assert got == -1, f"{target} is missing, expected -1, got {got!r}"


def test_empty_list():
    got = find_first([], 3)
    assert got == -1, f"expected -1, got {got!r}"


def test_duplicates_return_first_index():
    got = find_first([2, 4, 4, 4, 8], 4)
    assert got == 1, f"expected 1, got {got!r}"
    got = find_first([5, 5, 5, 5, 5, 5], 5)
    assert got == 0, f"expected 0, got {got!r}"


def test_single_element():
    assert find_first([7], 7) == 0
    assert find_first([7], 3) == -1


def test_strings():
    got = find_first(["ant", "bee", "bee", "cat"], "bee")
    assert got == 1, f"expected 1, got {got!r}"


def test_large_list_with_runs():
    items = [i // 3 for i in range(30000)]  # 0,0,0,1,1,1,...
    for target, expected in [(0, 0), (1234, 3702), (9999, 29997), (10000, -1)]:
        got = find_first(items, target)
        assert got == expected, f"target {target}: expected {expected}, got {got!r}"
