from solution import study_order


def test_simple_chain():
    got = study_order({"calculus": ["algebra"], "physics": ["calculus", "algebra"]})
    assert got == ["algebra", "calculus", "physics"], f"expected ['algebra', 'calculus', 'physics'], got {got!r}"


def test_alphabetical_choice():
    got = study_order({"c": [], "b": [], "a": ["c"]})
    assert got == ["b", "c", "a"], f"expected ['b', 'c', 'a'], got {got!r}"


def test_course_only_mentioned_as_prerequisite():
    got = study_order({"databases": ["programming"]})
    assert got == ["programming", "databases"], f"expected ['programming', 'databases'], got {got!r}"


def test_no_prerequisites_at_all():
    got = study_order({"zoology": [], "art": [], "music": []})
    assert got == ["art", "music", "zoology"], f"expected ['art', 'music', 'zoology'], got {got!r}"


def test_unlocked_course_can_jump_ahead():
    prereqs = {"b": ["a"], "c": [], "d": []}
    got = study_order(prereqs)
    assert got == ["a", "b", "c", "d"], f"expected ['a', 'b', 'c', 'd'], got {got!r}"


def test_diamond_with_duplicates():
    prereqs = {"top": ["left", "right", "left"], "left": ["base"], "right": ["base"]}
    got = study_order(prereqs)
    assert got == ["base", "left", "right", "top"], f"expected ['base', 'left', 'right', 'top'], got {got!r}"


def test_bigger_catalogue():
    prereqs = {
        "ml": ["stats", "linalg", "python"],
        "stats": ["calc"],
        "linalg": ["calc"],
        "python": [],
        "calc": [],
        "ai": ["ml", "logic"],
    }
    got = study_order(prereqs)
    expected = ["calc", "linalg", "logic", "python", "stats", "ml", "ai"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_catalogue():
    got = study_order({})
    assert got == [], f"expected [], got {got!r}"


def test_rejects_cycle():
    try:
        study_order({"x": ["y"], "y": ["z"], "z": ["x"], "w": []})
    except ValueError:
        return
    raise AssertionError("expected ValueError for a cycle")


def test_rejects_self_prerequisite():
    try:
        study_order({"a": [], "b": ["b"]})
    except ValueError:
        return
    raise AssertionError("expected ValueError for a course requiring itself")
