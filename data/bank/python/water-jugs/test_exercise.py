from solution import jug_moves


def test_classic_three_and_five():
    got = jug_moves([3, 5], 4)
    assert got == 6, f"expected 6, got {got!r}"


def test_just_fill_one_jug():
    got = jug_moves([3, 5], 5)
    assert got == 1, f"expected 1, got {got!r}"


def test_one_pour_is_enough():
    got = jug_moves([3, 5], 2)
    assert got == 2, f"expected 2 (fill 5, pour into 3), got {got!r}"


def test_impossible_by_parity():
    got = jug_moves([2, 4], 3)
    assert got == -1, f"expected -1, got {got!r}"


def test_target_larger_than_every_jug():
    got = jug_moves([3, 5], 6)
    assert got == -1, f"expected -1, got {got!r}"


def test_target_zero():
    got = jug_moves([7], 0)
    assert got == 0, f"expected 0, got {got!r}"


def test_single_jug():
    assert jug_moves([7], 7) == 1, "filling the only jug takes 1 move"
    assert jug_moves([7], 3) == -1, "one jug can only hold 0 or 7"


def test_three_jugs_beat_any_two():
    # no two of these jugs can make 1 litre, but all three can:
    # fill 6, fill 10, pour 6 into 15, pour 10 into 15 -> (0, 1, 15)
    got = jug_moves([6, 10, 15], 1)
    assert got == 4, f"expected 4, got {got!r}"


def test_harder_pair():
    got = jug_moves([7, 11], 6)
    assert got == 10, f"expected 10, got {got!r}"


def test_useless_empty_jug():
    got = jug_moves([0, 3, 5], 4)
    assert got == 6, f"expected 6, got {got!r}"


def test_rejects_bad_arguments():
    for capacities, target in [([], 1), ([3, -5], 1), ([3, 5], -1)]:
        try:
            jug_moves(capacities, target)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for jug_moves({capacities!r}, {target!r})")
