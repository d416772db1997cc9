from solution import hanoi, replay


def test_one_and_two_disks():
    assert hanoi(1) == [("A", "C")], f"expected [('A', 'C')], got {hanoi(1)!r}"
    got = hanoi(2)
    assert got == [("A", "B"), ("A", "C"), ("B", "C")], f"expected [('A', 'B'), ('A', 'C'), ('B', 'C')], got {got!r}"


def test_three_disks_exact_moves():
    got = hanoi(3)
    expected = [("A", "C"), ("A", "B"), ("C", "B"), ("A", "C"), ("B", "A"), ("B", "C"), ("A", "C")]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_custom_peg_names():
    got = hanoi(2, "L", "R", "M")
    assert got == [("L", "M"), ("L", "R"), ("M", "R")], f"expected [('L', 'M'), ('L', 'R'), ('M', 'R')], got {got!r}"


def test_zero_disks():
    assert hanoi(0) == [], f"expected [], got {hanoi(0)!r}"


def test_move_count_is_minimal():
    for n in range(1, 11):
        got = len(hanoi(n))
        assert got == 2**n - 1, f"expected {2**n - 1} moves for {n} disks, got {got}"


def test_negative_disks_raise():
    try:
        hanoi(-1)
    except ValueError:
        return
    raise AssertionError("expected ValueError for n=-1")


def test_replay_of_a_solution():
    got = replay(2, [("A", "B"), ("A", "C"), ("B", "C")])
    assert got == [[], [], [2, 1]], f"expected [[], [], [2, 1]], got {got!r}"
    got = replay(3, [])
    assert got == [[3, 2, 1], [], []], f"expected [[3, 2, 1], [], []], got {got!r}"


def test_hanoi_solutions_replay_correctly():
    for n in range(0, 9):
        got = replay(n, hanoi(n))
        assert got == [[], [], list(range(n, 0, -1))], f"for n={n}: got {got!r}"
    got = replay(4, hanoi(4, "x", "y", "z"), pegs=("x", "z", "y"))
    assert got == [[], [], [4, 3, 2, 1]], f"expected [[], [], [4, 3, 2, 1]], got {got!r}"


def test_replay_partial_position():
    got = replay(3, [("A", "C"), ("A", "B")])
    assert got == [[3], [2], [1]], f"expected [[3], [2], [1]], got {got!r}"


def test_replay_rejects_illegal_moves():
    bad_move_lists = [
        [("A", "B"), ("A", "B")],   # larger on smaller
        [("B", "C")],               # from an empty peg
        [("A", "Q")],               # unknown peg
    ]
    for moves in bad_move_lists:
        try:
            replay(2, moves)
        except ValueError:
            continue
        raise AssertionError(f"expected ValueError for moves {moves!r}")
