from solution import flatten


def test_already_flat():
    got = flatten([1, 2, 3])
    assert got == [1, 2, 3], f"expected [1, 2, 3], got {got!r}"


def test_nested_lists():
    got = flatten([1, [2, [3, [4]]], 5])
    assert got == [1, 2, 3, 4, 5], f"expected [1, 2, 3, 4, 5], got {got!r}"


def test_tuples_are_opened_and_result_is_a_list():
    got = flatten((1, (2, 3), [4]))
    assert got == [1, 2, 3, 4], f"expected the list [1, 2, 3, 4], got {got!r}"


def test_empty_input():
    got = flatten([])
    assert got == [], f"expected [], got {got!r}"


def test_empty_containers_vanish():
    got = flatten([[], [[]], (), [(), [[]]]])
    assert got == [], f"expected [], got {got!r}"


def test_strings_stay_whole():
    got = flatten(["ab", ["cd", ["e"]]])
    assert got == ["ab", "cd", "e"], f"expected ['ab', 'cd', 'e'], got {got!r}"


def test_other_values_are_elements():
    got = flatten([{"k": 1}, [None, [True, {2, 3}]], 0])
    assert got == [{"k": 1}, None, True, {2, 3}, 0], f"expected [{{'k': 1}}, None, True, {{2, 3}}, 0], got {got!r}"


def test_order_is_depth_first():
    got = flatten([[1, [2]], 3, [[4, 5], 6], [[[7]]]])
    assert got == [1, 2, 3, 4, 5, 6, 7], f"expected [1, 2, 3, 4, 5, 6, 7], got {got!r}"


def test_deep_nesting():
    nested = [99]
    for i in range(98, -1, -1):
        nested = [i, nested]
    got = flatten(nested)
    assert got == list(range(100)), f"expected 0..99, got {got!r}"
