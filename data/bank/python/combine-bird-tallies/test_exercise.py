from solution import combine_tallies


def test_two_volunteers():
    got = combine_tallies([{"robin": 3, "wren": 1}, {"robin": 2, "blackbird": 4}])
    expected = {"robin": 5, "wren": 1, "blackbird": 4}
    assert got == expected, (
        f"combine_tallies([{{'robin': 3, 'wren': 1}}, {{'robin': 2, 'blackbird': 4}}]): expected {expected!r}, got {got!r}"
    )


def test_single_tally():
    got = combine_tallies([{"heron": 1}])
    expected = {"heron": 1}
    assert got == expected, f"combine_tallies([{{'heron': 1}}]): expected {expected!r}, got {got!r}"


def test_no_tallies():
    got = combine_tallies([])
    assert got == {}, f"combine_tallies([]): expected {{}}, got {got!r}"


def test_empty_tallies():
    got = combine_tallies([{}, {}])
    assert got == {}, f"combine_tallies([{{}}, {{}}]): expected {{}}, got {got!r}"


def test_three_volunteers():
    tallies = [
        {"sparrow": 12, "pigeon": 5},
        {"pigeon": 7, "magpie": 2},
        {"sparrow": 3, "magpie": 1, "jay": 1},
    ]
    got = combine_tallies(tallies)
    expected = {"sparrow": 15, "pigeon": 12, "magpie": 3, "jay": 1}
    assert got == expected, f"combine_tallies({tallies!r}): expected {expected!r}, got {got!r}"


def test_names_are_compared_exactly():
    got = combine_tallies([{"robin": 1}, {"Robin": 2}])
    expected = {"robin": 1, "Robin": 2}
    assert got == expected, (
        f"combine_tallies([{{'robin': 1}}, {{'Robin': 2}}]): expected {expected!r} "
        f"('robin' and 'Robin' are different species), got {got!r}"
    )


def test_zero_counts_are_kept():
    got = combine_tallies([{"owl": 0}, {"wren": 2}])
    expected = {"owl": 0, "wren": 2}
    assert got == expected, (
        f"combine_tallies([{{'owl': 0}}, {{'wren': 2}}]): expected {expected!r} "
        f"(a species counted 0 still appears), got {got!r}"
    )
