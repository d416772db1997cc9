from solution import tally


def test_two_candidates():
    got = tally(["Mia", "Leo", "Mia"])
    assert got == {"Mia": 2, "Leo": 1}, f"expected {{'Mia': 2, 'Leo': 1}}, got {got!r}"


def test_single_ballot():
    got = tally(["Zoe"])
    assert got == {"Zoe": 1}, f"expected {{'Zoe': 1}}, got {got!r}"


def test_no_ballots():
    got = tally([])
    assert got == {}, f"expected {{}}, got {got!r}"


def test_names_are_case_sensitive():
    got = tally(["mia", "Mia", "Mia"])
    assert got == {"mia": 1, "Mia": 2}, f"expected {{'mia': 1, 'Mia': 2}}, got {got!r}"


def test_unanimous():
    got = tally(["Ava"] * 5)
    assert got == {"Ava": 5}, f"expected {{'Ava': 5}}, got {got!r}"


def test_many_candidates():
    ballots = ["A", "B", "C", "B", "C", "C", "D"]
    got = tally(ballots)
    assert got == {"A": 1, "B": 2, "C": 3, "D": 1}, f"expected {{'A': 1, 'B': 2, 'C': 3, 'D': 1}}, got {got!r}"
