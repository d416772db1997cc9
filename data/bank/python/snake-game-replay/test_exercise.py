from solution import play_snake


def test_readme_game():
    got = play_snake(3, 3, [(2, 0), (1, 2)], "RRDDL")
    assert got == (2, 5), f"expected (2, 5), got {got!r}"


def test_leaving_the_board_ends_the_game():
    got = play_snake(2, 2, [], "RRL")
    assert got == (0, 1), f"expected (0, 1), got {got!r}"
    got = play_snake(4, 4, [(1, 0)], "ULLL")
    assert got == (0, 0), f"expected (0, 0), got {got!r}"


def test_no_moves():
    got = play_snake(5, 5, [(1, 1)], "")
    assert got == (0, 0), f"expected (0, 0), got {got!r}"


def test_moves_continue_after_the_food_runs_out():
    got = play_snake(4, 1, [(1, 0)], "RRR")
    assert got == (1, 3), f"expected (1, 3), got {got!r}"


def test_turning_back():
    got = play_snake(5, 1, [(1, 0)], "RL")
    assert got == (1, 2), f"expected (1, 2), got {got!r}"
    got = play_snake(5, 1, [(1, 0), (2, 0)], "RRL")
    assert got == (2, 2), f"expected (2, 2), got {got!r}"


def test_head_may_follow_its_tail():
    # a snake 4 long keeps circling a 2 by 2 square, always entering the cell its tail leaves
    got = play_snake(3, 3, [(1, 0), (2, 0), (2, 1)], "RRD" + "LURD" * 3)
    assert got == (3, 15), f"expected (3, 15), got {got!r}"


def test_running_into_the_body_ends_the_game():
    # 5 long, the same circle no longer fits
    got = play_snake(3, 3, [(1, 0), (2, 0), (2, 1), (1, 1)], "RRDLURDL")
    assert got == (4, 4), f"expected (4, 4), got {got!r}"


def test_eating_on_the_tail_cell_is_deadly():
    # the last piece of food appears under the snake, on the cell that becomes its tail
    got = play_snake(3, 3, [(1, 0), (2, 0), (2, 1), (1, 0)], "RRDLU")
    assert got == (3, 4), f"expected (3, 4), got {got!r}"


def test_longer_game():
    food = [(3, 0), (3, 3), (0, 3), (0, 1)]
    got = play_snake(4, 4, food, "RRRDDDLLLUURRDLUR")
    assert got == (4, 15), f"expected (4, 15), got {got!r}"


def test_invalid_arguments_raise_value_error():
    for args in [(0, 3, [], "R"), (3, 0, [], "R"), (3, 3, [], "RX"), (3, 3, [], "Rr"), (1, 1, [], "UR ")]:
        try:
            play_snake(*args)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for play_snake{args!r}")
