from solution import ConfigError, parse_config


def expect_error(text):
    """Return (line_no, message, str) of the ConfigError raised for text."""
    try:
        parse_config(text)
    except ConfigError as e:
        return e.line_no, e.message, str(e)
    raise AssertionError(f"expected ConfigError for {text!r}")


def test_simple_settings():
    got = parse_config("name = demo\nretries = 3")
    assert got == {"name": "demo", "retries": 3}, f"expected {{'name': 'demo', 'retries': 3}}, got {got!r}"


def test_blank_lines_and_comments_are_ignored():
    text = "# settings\n\n   \n  # indented comment\nmode=fast\n"
    got = parse_config(text)
    assert got == {"mode": "fast"}, f"expected {{'mode': 'fast'}}, got {got!r}"


def test_empty_text():
    assert parse_config("") == {}


def test_split_on_first_equals_only():
    got = parse_config("greeting = hello = world")
    assert got == {"greeting": "hello = world"}, f"expected {{'greeting': 'hello = world'}}, got {got!r}"


def test_values_int_conversion_and_empty_value():
    got = parse_config("a = -12\nb = 1.5\nc =\nd = 007")
    assert got == {"a": -12, "b": "1.5", "c": "", "d": 7}, f"expected {{'a': -12, 'b': '1.5', 'c': '', 'd': 7}}, got {got!r}"


def test_error_message_format():
    err = ConfigError(7, "missing '='")
    assert err.line_no == 7 and err.message == "missing '='"
    assert str(err) == "line 7: missing '='", f"expected \"line 7: missing '='\", got {str(err)!r}"


def test_missing_equals_reports_line_number():
    got = expect_error("a = 1\n\njust words")
    assert got == (3, "missing '='", "line 3: missing '='"), (
        f"expected (3, \"missing '='\", \"line 3: missing '='\"), got {got!r}"
    )


def test_invalid_keys():
    got = expect_error("max size = 10")
    assert got[:2] == (1, "invalid key 'max size'"), f"expected line and reason (1, \"invalid key 'max size'\"), got {got!r}"
    got = expect_error("# c\n = 5")
    assert got[:2] == (2, "invalid key ''"), f"expected line and reason (2, \"invalid key ''\"), got {got!r}"


def test_duplicate_key_counts_comment_and_blank_lines():
    got = expect_error("# settings\n\nmode=fast\nmode=slow")
    assert got == (4, "duplicate key 'mode'", "line 4: duplicate key 'mode'"), (
        f"expected (4, \"duplicate key 'mode'\", \"line 4: duplicate key 'mode'\"), got {got!r}"
    )


def test_first_error_wins():
    got = expect_error("ok = 1\nbroken\nok = 2")
    assert got[:2] == (2, "missing '='"), f"expected line and reason (2, \"missing '='\"), got {got!r}"
