from solution import trapped_water


def terrain(size, seed):
    """A size x size grid of pseudo-random heights from 0 to 99 (a fixed sequence, no randomness)."""
    x, grid = seed, []
    for _ in range(size):
        row = []
        for _ in range(size):
            x = (x * 1103515245 + 12345) % 2**31
            row.append(x % 100)
        grid.append(row)
    return grid


def test_small_basin():
    got = trapped_water([[1, 4, 3, 1, 3, 2],
                         [3, 2, 1, 3, 2, 4],
                         [2, 3, 3, 2, 3, 1]])
    assert got == 4, f"expected 4, got {got!r}"


def test_pond_fills_to_its_rim():
    got = trapped_water([[3, 3, 3, 3, 3],
                         [3, 2, 2, 2, 3],
                         [3, 2, 1, 2, 3],
                         [3, 2, 2, 2, 3],
                         [3, 3, 3, 3, 3]])
    assert got == 10, f"expected 10, got {got!r}"


def test_water_does_not_flow_diagonally():
    got = trapped_water([[5, 5, 0],
                         [5, 1, 5],
                         [5, 5, 5]])
    assert got == 4, f"expected 4, got {got!r}"


def test_lake_spills_over_the_lowest_pass():
    got = trapped_water([[6, 6, 6, 6, 6],
                         [6, 1, 1, 1, 6],
                         [6, 1, 1, 1, 3],
                         [6, 1, 1, 1, 6],
                         [6, 6, 6, 6, 6]])
    assert got == 18, f"expected 18, got {got!r}"


def test_winding_channel_drains_the_basin():
    got = trapped_water([[5, 5, 5, 5, 5],
                         [5, 1, 1, 1, 5],
                         [5, 5, 5, 1, 5],
                         [5, 1, 1, 1, 5],
                         [5, 1, 5, 5, 5]])
    assert got == 0, f"every low square is connected to the gap at the bottom: expected 0, got {got!r}"


def test_two_ponds_at_different_levels():
    got = trapped_water([[9, 9, 9, 9, 9, 9, 9],
                         [9, 1, 9, 9, 2, 2, 9],
                         [9, 9, 9, 9, 2, 2, 4],
                         [9, 9, 9, 9, 9, 9, 9]])
    assert got == 16, f"expected 16 (8 in the closed pond, 2 x 4 in the one that spills at 4), got {got!r}"


def test_hill_and_thin_grids_hold_nothing():
    hill = [[1, 2, 3, 2, 1],
            [2, 3, 4, 3, 2],
            [3, 4, 5, 4, 3],
            [2, 3, 4, 3, 2],
            [1, 2, 3, 2, 1]]
    for grid in (hill, [], [[], []], [[7]], [[1, 0, 1]], [[3], [0], [3]], [[5, 0, 5], [5, 0, 5]]):
        got = trapped_water(grid)
        assert got == 0, f"expected 0 for {grid!r}, got {got!r}"


def test_ragged_rows_raise_value_error():
    try:
        trapped_water([[3, 3, 3], [3, 0], [3, 3, 3]])
    except ValueError:
        return
    raise AssertionError("expected ValueError for rows of different lengths")


def test_large_plot_is_fast():
    got = trapped_water(terrain(200, seed=12345))
    assert got == 632900, f"expected 632900, got {got!r}"
