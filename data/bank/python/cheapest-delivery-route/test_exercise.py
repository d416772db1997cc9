import random

from solution import cheapest_route


def random_grid(seed, size=60, wall_chance=0.25):
    rng = random.Random(seed)
    return [
        "".join("#" if rng.random() < wall_chance else str(rng.randint(1, 9)) for _ in range(size))
        for _ in range(size)
    ]


def test_small_grid():
    got = cheapest_route(["19", "11"])
    assert got == 2, f"expected 2, got {got!r}"


def test_long_detour_beats_fewest_steps():
    grid = ["1111", "9991", "1111", "1999", "1111"]
    got = cheapest_route(grid)
    assert got == 13, f"expected 13 (the snake route), got {got!r}"


def test_closed_blocks_force_the_route():
    got = cheapest_route(["1#1", "1#1", "111"])
    assert got == 4, f"expected 4, got {got!r}"


def test_no_route():
    got = cheapest_route(["1#", "#1"])
    assert got is None, f"expected None, got {got!r}"


def test_closed_start_or_goal():
    assert cheapest_route(["#1", "11"]) is None
    assert cheapest_route(["11", "1#"]) is None


def test_single_cell_and_single_row():
    assert cheapest_route(["5"]) == 0
    got = cheapest_route(["1234"])
    assert got == 9, f"expected 2 + 3 + 4 = 9, got {got!r}"


def test_free_blocks():
    got = cheapest_route(["000", "990", "000"])
    assert got == 0, f"expected 0, got {got!r}"


def test_invalid_grids():
    for bad in ([], [""], ["12", "1"], ["1a"], ["1 2"]):
        try:
            cheapest_route(bad)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for {bad!r}")


def test_large_grid_with_route():
    got = cheapest_route(random_grid(6))
    assert got == 421, f"expected 421, got {got!r}"


def test_large_grid_cut_off():
    got = cheapest_route(random_grid(2))
    assert got is None, f"walls separate the corners, expected None, got {got!r}"
