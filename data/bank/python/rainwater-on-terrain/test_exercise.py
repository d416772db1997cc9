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


def check(grid, expected, why=""):
    call = f"trapped_water({grid!r})"
    got = trapped_water(grid)
    assert got == expected, f"{call}: expected {expected!r}{why}, got {got!r}"


def test_small_basin():
    check([[1, 4, 3, 1, 3, 2],
           [3, 2, 1, 3, 2, 4],
           [2, 3, 3, 2, 3, 1]], 4, " (1 unit at (1, 1), 2 at (1, 2), 1 at (1, 4))")


def test_pond_fills_to_its_rim():
    check([[3, 3, 3, 3, 3],
           [3, 2, 2, 2, 3],
           [3, 2, 1, 2, 3],
           [3, 2, 2, 2, 3],
           [3, 3, 3, 3, 3]], 10, " (the pond fills up to height 3)")


def test_water_does_not_flow_diagonally():
    check([[5, 5, 0],
           [5, 1, 5],
           [5, 5, 5]], 4, " (the low corner touches the middle only diagonally)")


def test_lake_spills_over_the_lowest_pass():
    check([[6, 6, 6, 6, 6],
           [6, 1, 1, 1, 6],
           [6, 1, 1, 1, 3],
           [6, 1, 1, 1, 6],
           [6, 6, 6, 6, 6]], 18, " (the lake spills over the 3: 9 squares, 2 deep)")


def test_winding_channel_drains_the_basin():
    check([[5, 5, 5, 5, 5],
           [5, 1, 1, 1, 5],
           [5, 5, 5, 1, 5],
           [5, 1, 1, 1, 5],
           [5, 1, 5, 5, 5]], 0, " (every low square is connected to the gap at the bottom)")


def test_two_ponds_at_different_levels():
    check([[9, 9, 9, 9, 9, 9, 9],
           [9, 1, 9, 9, 2, 2, 9],
           [9, 9, 9, 9, 2, 2, 4],
           [9, 9, 9, 9, 9, 9, 9]], 16, " (8 in the closed pond, 2 x 4 in the one that spills at 4)")


def test_hill_and_thin_grids_hold_nothing():
    hill = [[1, 2, 3, 2, 1],
            [2, 3, 4, 3, 2],
            [3, 4, 5, 4, 3],
            [2, 3, 4, 3, 2],
            [1, 2, 3, 2, 1]]
    for grid in (hill, [], [[], []], [[7]], [[1, 0, 1]], [[3], [0], [3]], [[5, 0, 5], [5, 0, 5]]):
        try:
            got = trapped_water(grid)
        except (LookupError, TypeError, ValueError) as exc:
            raise AssertionError(f"trapped_water({grid!r}): expected 0, got {type(exc).__name__}: {exc}") from None
        assert got == 0, f"trapped_water({grid!r}): expected 0, got {got!r}"


def test_ragged_rows_raise_value_error():
    grid = [[3, 3, 3], [3, 0], [3, 3, 3]]
    try:
        got = trapped_water(grid)
    except ValueError:
        return
    except (LookupError, TypeError) as exc:
        raise AssertionError(f"trapped_water({grid!r}): expected ValueError, got {type(exc).__name__}: {exc}") from None
    raise AssertionError(f"trapped_water({grid!r}): expected ValueError (rows of different lengths), got {got!r}")


def test_large_plot_is_fast():
    got = trapped_water(terrain(200, seed=12345))
    assert got == 632900, f"trapped_water(a 200 x 200 grid of heights from 0 to 99): expected 632900, got {got!r}"
