from solution import edit_distance, suggest

COMMANDS = ["add", "branch", "checkout", "clone", "commit", "diff", "fetch", "log",
            "merge", "pull", "push", "rebase", "reset", "stash", "status", "tag"]


def test_edit_distance_classic_examples():
    for a, b, expected in [("kitten", "sitting", 3), ("flaw", "lawn", 2), ("stauts", "status", 2),
                           ("comit", "commit", 1), ("abc", "abc", 0)]:
        got = edit_distance(a, b)
        assert got == expected, f"edit_distance({a!r}, {b!r}): expected {expected}, got {got!r}"


def test_edit_distance_with_empty_strings():
    for a, b, expected in [("", "abc", 3), ("abc", "", 3), ("", "", 0)]:
        got = edit_distance(a, b)
        assert got == expected, f"edit_distance({a!r}, {b!r}): expected {expected}, got {got!r}"


def test_edit_distance_is_case_sensitive_and_symmetric():
    got = edit_distance("Git", "git")
    assert got == 1, f"edit_distance('Git', 'git'): expected 1 ('G' and 'g' differ), got {got!r}"
    got = (edit_distance("sunday", "saturday"), edit_distance("saturday", "sunday"))
    assert got == (3, 3), (
        f"(edit_distance('sunday', 'saturday'), edit_distance('saturday', 'sunday')): expected (3, 3), got {got!r}"
    )


def test_edit_distance_of_long_lines_is_fast():
    a = "the quick brown fox jumps over the lazy dog; " * 4
    b = a.replace("fox", "cat", 2).replace("lazy ", "", 1).replace("dog", "dogs", 3) + "!"
    got = edit_distance(a, b)
    assert got == 15, f"edit_distance of two lines of about 180 characters: expected 15, got {got!r}"


def test_suggest_closest_first():
    got = suggest("stauts", COMMANDS)
    assert got == ["status"], f"suggest('stauts', COMMANDS): expected ['status'], got {got!r}"
    got = suggest("pusj", COMMANDS)
    assert got == ["push", "pull"], f"suggest('pusj', COMMANDS): expected ['push', 'pull'] (distance 1, then 2), got {got!r}"


def test_suggest_breaks_ties_alphabetically():
    got = suggest("sta", COMMANDS)
    assert got == ["stash", "tag"], f"suggest('sta', COMMANDS): expected ['stash', 'tag'], got {got!r}"
    got = suggest("cone", ["done", "code", "bone", "cane", "clone"], 1)
    assert got == ["bone", "cane", "clone", "code", "done"], (
        f"suggest('cone', ['done', 'code', 'bone', 'cane', 'clone'], 1): all five are at distance 1, "
        f"so expected them in alphabetical order ['bone', 'cane', 'clone', 'code', 'done'], got {got!r}"
    )


def test_exact_match_comes_first():
    got = suggest("pull", COMMANDS)
    assert got == ["pull", "push"], f"suggest('pull', COMMANDS): expected ['pull', 'push'] (distance 0, then 1), got {got!r}"


def test_no_suggestions():
    got = suggest("xyz", COMMANDS)
    assert got == [], f"suggest('xyz', COMMANDS): expected [], got {got!r}"
    got = suggest("push", [])
    assert got == [], f"suggest('push', []): expected [], got {got!r}"


def test_max_distance():
    got = suggest("chekcout", COMMANDS, 1)
    assert got == [], f"suggest('chekcout', COMMANDS, 1): expected [] ('checkout' is 2 edits away), got {got!r}"
    got = suggest("chekcout", COMMANDS, 3)
    assert got == ["checkout"], f"suggest('chekcout', COMMANDS, 3): expected ['checkout'], got {got!r}"
    got = suggest("comit", COMMANDS, 0)
    assert got == [], f"suggest('comit', COMMANDS, 0): expected [] (max_distance 0 allows only exact matches), got {got!r}"


def test_negative_max_distance_raises_value_error():
    try:
        got = suggest("push", COMMANDS, -1)
    except ValueError:
        return
    raise AssertionError(f"suggest('push', COMMANDS, -1): expected ValueError (max_distance is negative), got {got!r}")
