from solution import expand_braces


def test_single_group():
    got = expand_braces("a{b,c}d")
    assert got == ["abd", "acd"], f"expected ['abd', 'acd'], got {got!r}"


def test_no_braces():
    got = expand_braces("plain.txt")
    assert got == ["plain.txt"], f"expected ['plain.txt'], got {got!r}"


def test_two_groups_multiply_in_order():
    got = expand_braces("{x,y}{1,2}")
    assert got == ["x1", "x2", "y1", "y2"], f"expected ['x1', 'x2', 'y1', 'y2'], got {got!r}"


def test_nested_groups():
    got = expand_braces("a{b,c{d,e}}f")
    assert got == ["abf", "acdf", "acef"], f"expected ['abf', 'acdf', 'acef'], got {got!r}"


def test_empty_alternative():
    got = expand_braces("colo{,u}r")
    assert got == ["color", "colour"], f"expected ['color', 'colour'], got {got!r}"


def test_single_alternative_and_empty_group():
    got = expand_braces("{ab}c{}")
    assert got == ["abc"], f"expected ['abc'], got {got!r}"


def test_duplicates_keep_first_occurrence():
    got = expand_braces("{a,b}{,a}")
    assert got == ["a", "aa", "b", "ba"], f"expected ['a', 'aa', 'b', 'ba'], got {got!r}"
    got = expand_braces("{b,a,b}")
    assert got == ["b", "a"], f"expected ['b', 'a'], got {got!r}"


def test_comma_outside_group_is_literal():
    got = expand_braces("a,{b,c}")
    assert got == ["a,b", "a,c"], f"expected ['a,b', 'a,c'], got {got!r}"


def test_deep_nesting():
    got = expand_braces("{1,{2,{3,4}}}-{x,{y}}")
    expected = ["1-x", "1-y", "2-x", "2-y", "3-x", "3-y", "4-x", "4-y"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_pattern():
    got = expand_braces("")
    assert got == [""], f"expected [''], got {got!r}"


def test_rejects_unclosed_brace():
    try:
        expand_braces("a{b,c")
    except ValueError:
        return
    raise AssertionError("expected ValueError for an unclosed '{'")


def test_rejects_stray_closing_brace():
    try:
        expand_braces("a}b{c}")
    except ValueError:
        return
    raise AssertionError("expected ValueError for a stray '}'")
