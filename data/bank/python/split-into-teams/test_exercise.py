from solution import split_into_teams


def test_last_team_is_smaller():
    got = split_into_teams(["Ana", "Ben", "Cy", "Dee", "Eli"], 2)
    expected = [["Ana", "Ben"], ["Cy", "Dee"], ["Eli"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_divides_evenly():
    got = split_into_teams(["a", "b", "c", "d", "e", "f"], 3)
    expected = [["a", "b", "c"], ["d", "e", "f"]]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_one_team_with_everyone():
    got = split_into_teams(["Ana", "Ben", "Cy"], 3)
    assert got == [["Ana", "Ben", "Cy"]], f"expected [['Ana', 'Ben', 'Cy']], got {got!r}"


def test_size_larger_than_class():
    got = split_into_teams(["Ana", "Ben"], 10)
    assert got == [["Ana", "Ben"]], f"expected [['Ana', 'Ben']], got {got!r}"


def test_size_one():
    got = split_into_teams(["x", "y", "z"], 1)
    assert got == [["x"], ["y"], ["z"]], f"expected [['x'], ['y'], ['z']], got {got!r}"


def test_no_names():
    got = split_into_teams([], 4)
    assert got == [], f"expected [], got {got!r}"


def test_rejects_zero_size():
    try:
        split_into_teams(["Ana"], 0)
    except ValueError:
        return
    raise AssertionError("expected ValueError for size 0")


def test_rejects_negative_size():
    try:
        split_into_teams(["Ana"], -2)
    except ValueError:
        return
    raise AssertionError("expected ValueError for a negative size")
