from solution import doll_colours


def make_set(colours):
    """Build nested dolls from a list of colours, outermost first."""
    doll = None
    for colour in reversed(colours):
        doll = {"colour": colour, "inside": doll}
    return doll


THREE = {"colour": "red", "inside": {"colour": "blue", "inside": {"colour": "gold", "inside": None}}}


def check(doll, expected, shown):
    got = doll_colours(doll)
    assert got == expected, f"doll_colours({shown}): expected {expected!r}, got {got!r}"


def test_three_dolls():
    check(THREE, ["red", "blue", "gold"], "three")


def test_single_doll():
    check({"colour": "green", "inside": None}, ["green"], "{'colour': 'green', 'inside': None}")


def test_no_doll():
    check(None, [], "None")


def test_inner_doll_on_its_own():
    check(THREE["inside"], ["blue", "gold"], "{'colour': 'blue', 'inside': {'colour': 'gold', 'inside': None}}")


def test_repeated_colours():
    colours = ["red", "red", "white", "red"]
    check(make_set(colours), colours, "a set of four dolls: red, red, white, red (outermost first)")


def test_a_hundred_dolls():
    colours = [f"shade {i}" for i in range(100)]
    got = doll_colours(make_set(colours))
    what = "doll_colours(a set of 100 dolls coloured 'shade 0' (outermost) to 'shade 99' (innermost))"
    if got == colours:
        return
    if not isinstance(got, list):
        raise AssertionError(f"{what}: expected a list, got {got!r}")
    for i, (want, have) in enumerate(zip(colours, got)):
        if want != have:
            raise AssertionError(f"{what}: item {i} should be {want!r}, got {have!r}; the list starts {got[:5]!r}")
    raise AssertionError(f"{what}: expected 100 colours, got {len(got)}")
