from solution import study_order


def expect_cycle(prerequisites):
    try:
        study_order(prerequisites)
    except ValueError as e:
        assert "cycle" in str(e), f"the message should mention a cycle, got {str(e)!r}"
        return
    raise AssertionError(f"expected ValueError for {prerequisites!r}")


def test_readme_example():
    got = study_order({"algebra2": ["algebra1"], "calculus": ["algebra2", "geometry"]})
    assert got == ["algebra1", "algebra2", "geometry", "calculus"], f"got {got!r}"


def test_independent_courses_alphabetical():
    got = study_order({"c": [], "a": [], "b": []})
    assert got == ["a", "b", "c"], f"got {got!r}"


def test_courses_only_listed_as_prerequisites_are_included():
    got = study_order({"thesis": ["stats", "writing"]})
    assert got == ["stats", "writing", "thesis"], f"got {got!r}"


def test_choice_is_remade_after_each_course():
    got = study_order({"b": ["a"], "c": []})
    assert got == ["a", "b", "c"], f"got {got!r}"


def test_diamond():
    prereqs = {"top": ["left", "right"], "left": ["base"], "right": ["base"]}
    got = study_order(prereqs)
    assert got == ["base", "left", "right", "top"], f"got {got!r}"


def test_order_respects_every_prerequisite():
    prereqs = {
        "ml": ["linalg", "stats", "python"],
        "stats": ["calc"],
        "linalg": ["calc"],
        "calc": ["precalc"],
        "python": [],
        "databases": ["python"],
    }
    got = study_order(prereqs)
    assert got == ["precalc", "calc", "linalg", "python", "databases", "stats", "ml"], f"got {got!r}"


def test_empty_catalogue():
    assert study_order({}) == []


def test_duplicate_prerequisite_counts_once():
    got = study_order({"b": ["a", "a"]})
    assert got == ["a", "b"], f"got {got!r}"


def test_two_course_cycle():
    expect_cycle({"x": ["y"], "y": ["x"]})


def test_self_requirement_is_a_cycle():
    expect_cycle({"a": [], "loop": ["loop"]})


def test_longer_cycle_behind_valid_courses():
    expect_cycle({"a": [], "b": ["a", "d"], "c": ["b"], "d": ["c"]})


def test_long_chain():
    names = [f"c{i:03d}" for i in range(500)]
    prereqs = {names[i]: [names[i + 1]] for i in range(499)}
    got = study_order(prereqs)
    assert got == names[::-1], "each course needs the next one, so the order is reversed"
