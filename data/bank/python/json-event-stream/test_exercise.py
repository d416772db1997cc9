from solution import array_items, events, rebuild

ORDER = {"id": 7, "lines": [{"sku": "A1", "qty": 2}], "paid": True}
ORDER_EVENTS = [
    ("start_map",), ("key", "id"), ("value", 7), ("key", "lines"), ("start_array",),
    ("start_map",), ("key", "sku"), ("value", "A1"), ("key", "qty"), ("value", 2), ("end_map",),
    ("end_array",), ("key", "paid"), ("value", True), ("end_map",),
]

# Exceptions a mistaken solution may raise instead of the one asked for (reported as such).
OTHER_ERRORS = (LookupError, TypeError, AttributeError, StopIteration, RuntimeError)


def described(error):
    return f"{type(error).__name__}: {error}" if str(error) else type(error).__name__


def expect_value_error(name, stream):
    """Call rebuild(stream), or list(array_items(stream)), and expect a ValueError."""
    call = f"{name}({stream!r})" if name == "rebuild" else f"list(array_items({stream!r}))"
    try:
        got = rebuild(stream) if name == "rebuild" else list(array_items(stream))
    except ValueError:
        return
    except OTHER_ERRORS as e:
        raise AssertionError(f"{call}: expected ValueError, got {described(e)}") from None
    raise AssertionError(f"{call}: expected ValueError, got {got!r}")


def test_events_of_single_values():
    for value in [5, 2.5, "hi", True, None, ""]:
        got = list(events(value))
        assert got == [("value", value)], f"list(events({value!r})): expected [('value', {value!r})], got {got!r}"


def test_events_of_a_nested_document():
    got = list(events(ORDER))
    assert got == ORDER_EVENTS, f"list(events({ORDER!r})): expected {ORDER_EVENTS!r}, got {got!r}"


def test_events_of_empty_containers():
    got = list(events({"tags": [], "meta": {}}))
    expected = [("start_map",), ("key", "tags"), ("start_array",), ("end_array",),
                ("key", "meta"), ("start_map",), ("end_map",), ("end_map",)]
    assert got == expected, f"list(events({{'tags': [], 'meta': {{}}}})): expected {expected!r}, got {got!r}"


def test_events_rejects_unsupported_values():
    for value, why in [((1, 2), "a tuple"), ({1, 2}, "a set"), ([1, {"ok": (3,)}], "a tuple inside"),
                       ({1: "one"}, "a key that is not a string")]:
        try:
            got = list(events(value))
        except TypeError:
            continue
        raise AssertionError(f"list(events({value!r})): expected TypeError ({why}), got {got!r}")


def test_rebuild_round_trips():
    deep = [1]
    for _ in range(90):
        deep = [deep, {"level": "x"}]
    for value in [ORDER, [], {}, "just text", None, [1, [2, [3, []]], {"a": {"b": None}}]]:
        got = rebuild(events(value))
        assert got == value, f"rebuild(events({value!r})): expected {value!r}, got {got!r}"
    got = rebuild(events(deep))
    assert got == deep, "rebuild(events(value)) for a list nested 90 levels deep did not give the value back"
    got = rebuild([("start_array",), ("value", 1), ("end_array",)])
    assert got == [1], f"rebuild([('start_array',), ('value', 1), ('end_array',)]): expected [1], got {got!r}"


def test_rebuild_rejects_incomplete_or_extra_events():
    for stream in [[], [("start_array",), ("value", 1)], [("start_map",), ("key", "a")],
                   [("value", 1), ("value", 2)], [("start_array",), ("end_array",), ("end_array",)]]:
        expect_value_error("rebuild", stream)


def test_rebuild_rejects_misplaced_or_unknown_events():
    for stream in [
        [("key", "a"), ("value", 1)],
        [("start_map",), ("value", 1), ("end_map",)],
        [("start_array",), ("key", "a"), ("value", 1), ("end_array",)],
        [("start_array",), ("end_map",)],
        [("start_map",), ("end_array",)],
        [("end_array",)],
        [("colour", "red")],
        [("value",)],
        [("start_map",), ("key", 5), ("value", 1), ("end_map",)],
        ["start_array", "end_array"],
    ]:
        expect_value_error("rebuild", stream)


def test_array_items_yields_each_element():
    export = [{"id": 1}, {"id": 2}, "done"]
    got = list(array_items(events(export)))
    assert got == export, f"list(array_items(events({export!r}))): expected {export!r}, got {got!r}"
    got = list(array_items([("start_array",), ("end_array",)]))
    assert got == [], f"list(array_items([('start_array',), ('end_array',)])): expected [], got {got!r}"


def test_array_items_is_lazy():
    broken = [("start_array",), ("value", "first")] + ORDER_EVENTS[5:11] + [("start_array",)]
    what = (f"items = array_items({broken!r}), an array whose third element never ends: "
            f"the complete elements must come first")
    items = array_items(broken)
    got = []
    try:
        got.append(next(items))
        got.append(next(items))
    except (ValueError,) + OTHER_ERRORS as e:
        raise AssertionError(f"{what}, but next(items) raised {described(e)} after giving {got!r}") from None
    assert got == ["first", {"sku": "A1", "qty": 2}], f"{what}: expected 'first' then {{'sku': 'A1', 'qty': 2}}, got {got!r}"
    try:
        got = next(items)
    except ValueError:
        pass
    else:
        raise AssertionError(f"{what}; the third next(items): expected ValueError, got {got!r}")
    leftover = [("start_array",), ("value", 1), ("end_array",), ("value", 2)]
    what = f"items = array_items({leftover!r}), an array followed by a leftover event"
    items = array_items(leftover)
    try:
        got = next(items)
    except (ValueError,) + OTHER_ERRORS as e:
        raise AssertionError(f"{what}: the first next(items) should give 1 before the leftover event is read, "
                             f"but it raised {described(e)}") from None
    assert got == 1, f"{what}: the first next(items): expected 1, got {got!r}"
    try:
        got = next(items)
    except ValueError:
        return
    except StopIteration:
        raise AssertionError(f"{what}: the second next(items): expected ValueError for the leftover event, "
                             f"but the generator ended") from None
    raise AssertionError(f"{what}: the second next(items): expected ValueError, got {got!r}")


def test_array_items_needs_an_array():
    for stream in [list(events({"a": 1})), [("value", 3)], [], [("start_array",), ("end_map",)]]:
        expect_value_error("array_items", stream)
