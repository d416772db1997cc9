from solution import life_step


def test_blinker_turns_horizontal():
    grid = [".....", "..#..", "..#..", "..#..", "....."]
    got = life_step(grid)
    expected = [".....", ".....", ".###.", ".....", "....."]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_blinker_turns_back():
    grid = [".....", ".....", ".###.", ".....", "....."]
    got = life_step(grid)
    expected = [".....", "..#..", "..#..", "..#..", "....."]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_block_is_stable():
    got = life_step(["##", "##"])
    assert got == ["##", "##"], f"expected ['##', '##'], got {got!r}"


def test_lonely_cells_die():
    got = life_step(["#..", "...", "..#"])
    assert got == ["...", "...", "..."], f"expected ['...', '...', '...'], got {got!r}"


def test_overcrowding_and_birth():
    grid = [".#.", "###", ".#."]
    got = life_step(grid)
    expected = ["###", "#.#", "###"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_glider_moves_diagonally_in_four_steps():
    grid = [".#....", "..#...", "###...", "......", "......", "......"]
    for _ in range(4):
        grid = life_step(grid)
    expected = ["......", "..#...", "...#..", ".###..", "......", "......"]
    assert grid == expected, f"expected {expected!r}, got {grid!r}"


def test_edges_without_wrap():
    grid = ["#...", "#...", "#..."]
    got = life_step(grid)
    expected = ["....", "##..", "...."]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_edges_with_wrap():
    grid = ["#...", "#...", "#..."]
    got = life_step(grid, wrap=True)
    expected = ["##.#", "##.#", "##.#"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_blinker_across_the_edge_with_wrap():
    grid = ["....", "....", "....", "#.##"]
    got = life_step(grid, wrap=True)
    expected = ["...#", "....", "...#", "...#"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_grid():
    got = life_step([])
    assert got == [], f"expected [], got {got!r}"


def test_rejects_ragged_rows():
    try:
        life_step(["...", ".."])
    except ValueError:
        return
    raise AssertionError("expected ValueError for rows of different lengths")


def test_rejects_unknown_characters():
    try:
        life_step(["..o", "..."])
    except ValueError:
        return
    raise AssertionError("expected ValueError for a character other than '#' and '.'")
