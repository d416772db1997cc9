from solution import invert


def test_shared_favourite():
    got = invert({"ana": "kiwi", "ben": "plum", "cy": "kiwi"})
    assert got == {"kiwi": ["ana", "cy"], "plum": ["ben"]}, f"expected {{'kiwi': ['ana', 'cy'], 'plum': ['ben']}}, got {got!r}"


def test_single_person():
    got = invert({"zed": "fig"})
    assert got == {"fig": ["zed"]}, f"expected {{'fig': ['zed']}}, got {got!r}"


def test_empty_survey():
    got = invert({})
    assert got == {}, f"expected {{}}, got {got!r}"


def test_names_are_sorted():
    got = invert({"zoe": "pear", "adam": "pear", "mo": "pear"})
    assert got == {"pear": ["adam", "mo", "zoe"]}, f"expected {{'pear': ['adam', 'mo', 'zoe']}}, got {got!r}"


def test_everyone_different():
    got = invert({"a": "x", "b": "y", "c": "z"})
    assert got == {"x": ["a"], "y": ["b"], "z": ["c"]}, f"expected {{'x': ['a'], 'y': ['b'], 'z': ['c']}}, got {got!r}"


def test_larger_survey():
    survey = {"tom": "apple", "ida": "mango", "eve": "apple",
              "bo": "mango", "al": "apple", "kit": "lime"}
    got = invert(survey)
    expected = {"apple": ["al", "eve", "tom"], "mango": ["bo", "ida"], "lime": ["kit"]}
    assert got == expected, f"expected {expected!r}, got {got!r}"
