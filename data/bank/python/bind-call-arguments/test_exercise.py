from solution import bind_arguments


def expect_type_error(signature, args, kwargs):
    try:
        got = bind_arguments(signature, args, kwargs)
    except TypeError:
        return
    raise AssertionError(f"expected TypeError for ({signature}) with {args!r} {kwargs!r}, got {got!r}")


def test_plain_positional_parameters():
    got = bind_arguments("a, b", (1, 2), {})
    assert got == {"a": 1, "b": 2}, f"expected {{'a': 1, 'b': 2}}, got {got!r}"
    got = bind_arguments("  a ,b  ", (), {"b": 2, "a": 1})
    assert got == {"a": 1, "b": 2}, f"expected {{'a': 1, 'b': 2}}, got {got!r}"


def test_defaults_fill_the_gaps():
    got = bind_arguments("a, b=2, c='x', d=None", (1,), {"d": True})
    assert got == {"a": 1, "b": 2, "c": "x", "d": True}, f"expected {{'a': 1, 'b': 2, 'c': 'x', 'd': True}}, got {got!r}"


def test_result_keys_follow_signature_order():
    got = bind_arguments("z, y=1, *, x=2, w", (0,), {"w": 3, "x": 4})
    assert list(got) == ["z", "y", "x", "w"], f"got keys {list(got)!r}"
    assert got == {"z": 0, "y": 1, "x": 4, "w": 3}, f"expected {{'z': 0, 'y': 1, 'x': 4, 'w': 3}}, got {got!r}"


def test_collectors_gather_extras():
    got = bind_arguments("a, b=2, *rest, key=None, **opts", (1, 10, 20, 30), {"key": "k", "x": 0})
    assert got == {"a": 1, "b": 10, "rest": (20, 30), "key": "k", "opts": {"x": 0}}, (
        f"expected {{'a': 1, 'b': 10, 'rest': (20, 30), 'key': 'k', 'opts': {{'x': 0}}}}, got {got!r}"
    )


def test_empty_collectors():
    got = bind_arguments("a, *args, **kwargs", (1,), {})
    assert got == {"a": 1, "args": (), "kwargs": {}}, f"expected {{'a': 1, 'args': (), 'kwargs': {{}}}}, got {got!r}"
    got = bind_arguments("", (), {})
    assert got == {}, f"expected {{}}, got {got!r}"


def test_keyword_only_parameters():
    got = bind_arguments("items, *, key=None, reverse=False", ([3, 1],), {"reverse": True})
    assert got == {"items": [3, 1], "key": None, "reverse": True}, (
        f"expected {{'items': [3, 1], 'key': None, 'reverse': True}}, got {got!r}"
    )
    expect_type_error("items, *, key=None, reverse=False", ([3, 1], None), {})
    expect_type_error("*, token", (), {})


def test_positional_only_parameters():
    got = bind_arguments("a, b, /, c=3", (1, 2), {})
    assert got == {"a": 1, "b": 2, "c": 3}, f"expected {{'a': 1, 'b': 2, 'c': 3}}, got {got!r}"
    got = bind_arguments("a, b, /, c=3", (1, 2), {"c": 4})
    assert got == {"a": 1, "b": 2, "c": 4}, f"expected {{'a': 1, 'b': 2, 'c': 4}}, got {got!r}"
    expect_type_error("a, b, /, c", (1,), {"b": 2, "c": 3})


def test_positional_only_name_goes_to_var_keyword():
    got = bind_arguments("a, /, **kw", (1,), {"a": 2})
    assert got == {"a": 1, "kw": {"a": 2}}, f"expected {{'a': 1, 'kw': {{'a': 2}}}}, got {got!r}"
    got = bind_arguments("a=0, /, **kw", (), {"a": 2})
    assert got == {"a": 0, "kw": {"a": 2}}, f"expected {{'a': 0, 'kw': {{'a': 2}}}}, got {got!r}"


def test_too_many_positional_arguments():
    expect_type_error("a, b=2", (1, 2, 3), {})
    expect_type_error("", (1,), {})


def test_multiple_values_for_one_parameter():
    expect_type_error("x, y=0", (1,), {"x": 5})
    expect_type_error("x, **rest", (1,), {"x": 5})


def test_unexpected_and_missing_arguments():
    expect_type_error("a, b=2", (1,), {"c": 3})
    expect_type_error("a, b, c=3", (1,), {"c": 4})


def test_star_args_name_as_keyword():
    got = bind_arguments("*args, **kwargs", (), {"args": 1})
    assert got == {"args": (), "kwargs": {"args": 1}}, f"expected {{'args': (), 'kwargs': {{'args': 1}}}}, got {got!r}"
    expect_type_error("*args", (), {"args": 1})
