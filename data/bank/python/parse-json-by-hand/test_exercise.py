from solution import parse_json


def expect_invalid(text):
    try:
        got = parse_json(text)
    except ValueError:
        return
    raise AssertionError(f"expected ValueError for {text!r}, got {got!r}")


def test_literals():
    assert parse_json("true") is True
    assert parse_json("false") is False
    assert parse_json("null") is None


def test_integers_and_floats():
    cases = {"0": 0, "-12": -12, "3.25": 3.25, "1e3": 1000.0, "-0.5E-2": -0.005, "2E+2": 200.0}
    for text, expected in cases.items():
        got = parse_json(text)
        assert got == expected, f"{text!r}: expected {expected!r}, got {got!r}"
        assert type(got) is type(expected), f"{text!r}: expected a {type(expected).__name__}, got {type(got).__name__}"


def test_strings_and_escapes():
    got = parse_json(r'"a\"b\\c\/d\n\te"')
    assert got == 'a"b\\c/d\n\te', f"expected 'a\"b\\\\c/d\\n\\te', got {got!r}"
    got = parse_json(r'"caf\u00e9 \u20AC"')
    assert got == "café €", f"expected 'café €', got {got!r}"
    got = parse_json('"plain text, with: [brackets]"')
    assert got == "plain text, with: [brackets]", f"expected 'plain text, with: [brackets]', got {got!r}"


def test_empty_containers():
    assert parse_json("[]") == []
    assert parse_json("{}") == {}
    assert parse_json('""') == ""
    assert parse_json(" [ ] ") == []


def test_nested_arrays():
    got = parse_json(' [1, [2, [true, null]], "a\\nb"] ')
    assert got == [1, [2, [True, None]], "a\nb"], f"expected [1, [2, [True, None]], 'a\\nb'], got {got!r}"


def test_objects_with_whitespace_everywhere():
    text = '\n{\n  "name" : "Ada",\r\n\t"langs": [ "en" , "fr" ],\n  "age":36, "pi": 3.14,\n  "extra": {"ok": false}\n}\n'
    got = parse_json(text)
    expected = {"name": "Ada", "langs": ["en", "fr"], "age": 36, "pi": 3.14, "extra": {"ok": False}}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_repeated_key_last_wins():
    got = parse_json('{"a": 1, "b": 2, "a": 3}')
    assert got == {"a": 3, "b": 2}, f"expected {{'a': 3, 'b': 2}}, got {got!r}"


def test_deep_nesting():
    got = parse_json("[" * 150 + "7" + "]" * 150)
    depth = 0
    while isinstance(got, list):
        assert len(got) == 1, f"expected a single item at depth {depth}, got {got!r}"
        got = got[0]
        depth += 1
    assert depth == 150 and got == 7, f"expected 7 inside 150 lists, reached {got!r} at depth {depth}"


def test_structural_errors():
    for text in ["", "   ", "[1, 2", "[1, 2,]", "[,]", '{"a" 1}', '{"a": 1,}', "{1: 2}",
                 "{'a': 1}", "[1] 2", "[1 2]", "]", '{"a": }']:
        expect_invalid(text)


def test_bad_numbers_and_literals():
    for text in ["01", "+1", ".5", "1.", "-", "1e", "0x10", "tru", "nul", "True", "truex"]:
        expect_invalid(text)


def test_bad_strings():
    for text in ['"abc', '"\\x"', '"tab\there"', '"line\nbreak"', '"\\u12"', '"\\u12G4"', "'single'"]:
        expect_invalid(text)
