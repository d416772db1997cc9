from solution import mutual_groups, reachable


EXAMPLE = [("ann", "bob"), ("bob", "cat"), ("cat", "bob"), ("cat", "dan")]


def test_no_edges():
    assert reachable([]) == {}, f"expected {{}}, got {reachable([])!r}"
    assert mutual_groups([]) == [], f"expected [], got {mutual_groups([])!r}"


def test_chain():
    got = reachable([("a", "b"), ("b", "c"), ("c", "d")])
    expected = {"a": {"b", "c", "d"}, "b": {"c", "d"}, "c": {"d"}, "d": set()}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_example_with_a_cycle():
    got = reachable(EXAMPLE)
    cycle = {"bob", "cat", "dan"}
    expected = {"ann": cycle, "bob": cycle, "cat": cycle, "dan": set()}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_self_loop_reaches_itself():
    got = reachable([("x", "x"), ("y", "x")])
    assert got == {"x": {"x"}, "y": {"x"}}, f"expected {{'x': {{'x'}}, 'y': {{'x'}}}}, got {got!r}"


def test_repeated_edges_change_nothing():
    got = reachable([("a", "b"), ("a", "b"), ("b", "a"), ("b", "a")])
    assert got == {"a": {"a", "b"}, "b": {"a", "b"}}, f"expected {{'a': {{'a', 'b'}}, 'b': {{'a', 'b'}}}}, got {got!r}"


def test_separate_components():
    got = reachable([("p", "q"), ("r", "s"), ("s", "r")])
    expected = {"p": {"q"}, "q": set(), "r": {"r", "s"}, "s": {"r", "s"}}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_long_chain():
    names = [f"n{i:02d}" for i in range(40)]
    edges = list(zip(names, names[1:]))
    got = reachable(edges)
    assert got["n00"] == set(names[1:]), f"n00 should reach all 39 others, got {len(got['n00'])}"
    assert got["n20"] == set(names[21:]), f"expected n20 to reach n21 to n39, got {sorted(got['n20'])!r}"
    assert got["n39"] == set(), f"expected set(), got {got['n39']!r}"


def test_groups_of_example():
    got = mutual_groups(EXAMPLE)
    assert got == [["ann"], ["bob", "cat"], ["dan"]], f"expected [['ann'], ['bob', 'cat'], ['dan']], got {got!r}"


def test_groups_with_two_cycles_joined_one_way():
    edges = [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d"), ("d", "e"), ("e", "d"), ("f", "f")]
    got = mutual_groups(edges)
    assert got == [["a", "b", "c"], ["d", "e"], ["f"]], f"expected [['a', 'b', 'c'], ['d', 'e'], ['f']], got {got!r}"


def test_big_ring_is_one_group():
    names = [f"v{i:02d}" for i in range(30)]
    edges = list(zip(names, names[1:] + names[:1]))
    got = mutual_groups(edges)
    assert got == [names], f"expected one group of 30, got {got!r}"
