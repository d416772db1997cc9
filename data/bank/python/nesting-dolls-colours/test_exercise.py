from solution import doll_colours


def make_set(colours):
    """Build nested dolls from a list of colours, outermost first."""
    doll = None
    for colour in reversed(colours):
        doll = {"colour": colour, "inside": doll}
    return doll


THREE = {"colour": "red", "inside": {"colour": "blue", "inside": {"colour": "gold", "inside": None}}}


def test_three_dolls():
    got = doll_colours(THREE)
    assert got == ["red", "blue", "gold"], f"expected ['red', 'blue', 'gold'], got {got!r}"


def test_single_doll():
    got = doll_colours({"colour": "green", "inside": None})
    assert got == ["green"], f"expected ['green'], got {got!r}"


def test_no_doll():
    got = doll_colours(None)
    assert got == [], f"expected [], got {got!r}"


def test_inner_doll_on_its_own():
    got = doll_colours(THREE["inside"])
    assert got == ["blue", "gold"], f"expected ['blue', 'gold'], got {got!r}"


def test_repeated_colours():
    got = doll_colours(make_set(["red", "red", "white", "red"]))
    assert got == ["red", "red", "white", "red"], f"expected ['red', 'red', 'white', 'red'], got {got!r}"


def test_a_hundred_dolls():
    colours = [f"shade {i}" for i in range(100)]
    got = doll_colours(make_set(colours))
    assert got == colours, f"expected 'shade 0' to 'shade 99', got {got!r}"
