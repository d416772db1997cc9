from solution import flatten


def test_one_level_of_nesting():
    got = flatten({"db": {"host": "localhost", "port": 5432}, "debug": True})
    expected = {"db.host": "localhost", "db.port": 5432, "debug": True}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_already_flat():
    got = flatten({"x": 1, "y": "two"})
    assert got == {"x": 1, "y": "two"}, f"expected {{'x': 1, 'y': 'two'}}, got {got!r}"


def test_deep_nesting_and_custom_separator():
    got = flatten({"a": {"b": {"c": 1}}, "d": [1, {"e": 2}]}, sep="/")
    expected = {"a/b/c": 1, "d": [1, {"e": 2}]}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_nested_dict_is_kept():
    got = flatten({"cache": {}, "log": {"level": "info", "handlers": {}}})
    expected = {"cache": {}, "log.level": "info", "log.handlers": {}}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_none_and_lists_are_values():
    got = flatten({"s": {"timeout": None, "hosts": ["a", "b"]}})
    expected = {"s.timeout": None, "s.hosts": ["a", "b"]}
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_empty_config():
    got = flatten({})
    assert got == {}, f"expected {{}}, got {got!r}"


def test_collision_raises():
    try:
        flatten({"a.b": 1, "a": {"b": 2}})
    except ValueError:
        return
    raise AssertionError("expected ValueError when two paths give the same key")


def test_collision_depends_on_separator():
    got = flatten({"a.b": 1, "a": {"b": 2}}, sep="__")
    assert got == {"a.b": 1, "a__b": 2}, f"expected {{'a.b': 1, 'a__b': 2}}, got {got!r}"


def test_three_levels_wide():
    config = {"app": {"ui": {"theme": "dark", "font": 12}, "api": {"retries": 3}},
              "version": "1.0"}
    got = flatten(config)
    expected = {"app.ui.theme": "dark", "app.ui.font": 12,
                "app.api.retries": 3, "version": "1.0"}
    assert got == expected, f"expected {expected!r}, got {got!r}"
