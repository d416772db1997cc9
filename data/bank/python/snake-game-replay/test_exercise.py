from solution import play_snake


def check(width, height, food, moves, expected, why=""):
    call = f"play_snake({width}, {height}, {food!r}, {moves!r})"
    got = play_snake(width, height, food, moves)
    assert got == expected, f"{call}: expected {expected!r}{why}, got {got!r}"


def test_readme_game():
    check(3, 3, [(2, 0), (1, 2)], "RRDDL", (2, 5), " (eats at (2, 0) on the 2nd move and at (1, 2) on the 5th)")


def test_leaving_the_board_ends_the_game():
    check(2, 2, [], "RRL", (0, 1), " (the 2nd move leaves the board and does not count)")
    check(4, 4, [(1, 0)], "ULLL", (0, 0), " (the 1st move leaves the board)")


def test_no_moves():
    check(5, 5, [(1, 1)], "", (0, 0))


def test_moves_continue_after_the_food_runs_out():
    check(4, 1, [(1, 0)], "RRR", (1, 3))


def test_turning_back():
    check(5, 1, [(1, 0)], "RL", (1, 2), " (a snake 2 long may move into the cell its tail is leaving)")
    check(5, 1, [(1, 0), (2, 0)], "RRL", (2, 2), " (a snake 3 long that turns back runs into its body)")


def test_head_may_follow_its_tail():
    # a snake 4 long keeps circling a 2 by 2 square, always entering the cell its tail leaves
    check(3, 3, [(1, 0), (2, 0), (2, 1)], "RRD" + "LURD" * 3, (3, 15),
          " (a snake 4 long circling a 2 by 2 square always enters the cell its tail leaves)")


def test_running_into_the_body_ends_the_game():
    # 5 long, the same circle no longer fits
    check(3, 3, [(1, 0), (2, 0), (2, 1), (1, 1)], "RRDLURDL", (4, 4),
          " (5 long after the 4th move, the 5th move runs into the body)")


def test_eating_on_the_tail_cell_is_deadly():
    # the last piece of food appears under the snake, on the cell that becomes its tail
    check(3, 3, [(1, 0), (2, 0), (2, 1), (1, 0)], "RRDLU", (3, 4),
          " (the 5th move would eat the food at (1, 0), so the tail stays there and the snake runs into it)")


def test_longer_game():
    check(4, 4, [(3, 0), (3, 3), (0, 3), (0, 1)], "RRRDDDLLLUURRDLUR", (4, 15))


def test_invalid_arguments_raise_value_error():
    for args, why in [((0, 3, [], "R"), "a width of 0"), ((3, 0, [], "R"), "a height of 0"),
                      ((3, 3, [], "RX"), "'X' is not a move"), ((3, 3, [], "Rr"), "moves are upper case"),
                      ((1, 1, [], "UR "), "' ' is not a move, even after the game is over")]:
        try:
            got = play_snake(*args)
        except ValueError:
            continue
        raise AssertionError(f"play_snake{args!r}: expected ValueError ({why}), got {got!r}")
