from solution import matches


def check(pattern, text, expected):
    got = matches(pattern, text)
    assert got is expected, f"matches({pattern!r}, {text!r}) should be {expected}, got {got!r}"


def expect_value_error(pattern, text="abc"):
    try:
        matches(pattern, text)
    except ValueError:
        return
    raise AssertionError(f"expected ValueError for the pattern {pattern!r}")


def test_plain_literals_match_whole_text():
    check("notes.txt", "notes.txt", True)
    check("notes.txt", "notes.txt.bak", False)
    check("notes", "my notes", False)
    check("Notes", "notes", False)


def test_question_mark_is_exactly_one_character():
    check("data_??.csv", "data_07.csv", True)
    check("data_??.csv", "data_7.csv", False)
    check("?", "", False)


def test_star_matches_empty_and_long_runs():
    check("*.txt", "notes.txt", True)
    check("*.txt", ".txt", True)
    check("*", "", True)
    check("a*", "abcdef", True)
    check("*.txt", "notes.txt.gz", False)


def test_several_stars():
    check("*a*b*", "xxaxxbxx", True)
    check("*a*b*", "xxbxxaxx", False)
    check("**", "anything", True)
    check("a*b*c", "abc", True)


def test_character_sets_and_ranges():
    check("report[0-9][0-9]", "report42", True)
    check("report[0-9][0-9]", "report4x", False)
    check("[abc]at", "bat", True)
    check("[abc]at", "rat", False)
    check("[a-cx-z]", "y", True)
    check("[a-cx-z]", "m", False)


def test_literal_hyphen_at_class_edges():
    check("[-+]1", "-1", True)
    check("[-+]1", "+1", True)
    check("[a-]", "-", True)
    check("[a-]", "b", False)


def test_negated_classes():
    check("[!.]*", ".bashrc", False)
    check("[!.]*", "readme", True)
    check("[!0-9]", "x", True)
    check("[!0-9]", "5", False)
    check("[!!]", "!", False)


def test_escapes():
    check(r"why\?", "why?", True)
    check(r"why\?", "whyy", False)
    check(r"\*", "*", True)
    check(r"\*", "abc", False)
    check(r"\[x]", "[x]", True)
    check("a\\\\b", "a\\b", True)


def test_empty_pattern_and_text():
    check("", "", True)
    check("", "a", False)
    check("a", "", False)
    check("[a]", "", False)


def test_malformed_patterns_raise():
    for bad in ["[abc", "[]", "[!]", "[z-a]", "abc\\"]:
        expect_value_error(bad)


def test_malformed_pattern_checked_even_for_empty_text():
    expect_value_error("*[", "")


def test_pathological_patterns_are_fast():
    check("*a" * 12 + "*b", "a" * 200, False)
    check("*a" * 12 + "*b", "a" * 200 + "b", True)
    check("*?*?*?*?*x", "y" * 1500, False)
