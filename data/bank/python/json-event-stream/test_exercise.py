from solution import array_items, events, rebuild

ORDER = {"id": 7, "lines": [{"sku": "A1", "qty": 2}], "paid": True}
ORDER_EVENTS = [
    ("start_map",), ("key", "id"), ("value", 7), ("key", "lines"), ("start_array",),
    ("start_map",), ("key", "sku"), ("value", "A1"), ("key", "qty"), ("value", 2), ("end_map",),
    ("end_array",), ("key", "paid"), ("value", True), ("end_map",),
]


def expect_value_error(function, stream):
    try:
        result = function(stream)
        if function is array_items:
            list(result)
    except ValueError:
        return
    raise AssertionError(f"expected ValueError from {function.__name__} for the stream {stream!r}")


def test_events_of_single_values():
    for value in [5, 2.5, "hi", True, None, ""]:
        got = list(events(value))
        assert got == [("value", value)], f"expected [('value', {value!r})], got {got!r}"


def test_events_of_a_nested_document():
    got = list(events(ORDER))
    assert got == ORDER_EVENTS, f"expected {ORDER_EVENTS!r}, got {got!r}"


def test_events_of_empty_containers():
    got = list(events({"tags": [], "meta": {}}))
    expected = [("start_map",), ("key", "tags"), ("start_array",), ("end_array",),
                ("key", "meta"), ("start_map",), ("end_map",), ("end_map",)]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_events_rejects_unsupported_values():
    for value in [(1, 2), {1, 2}, [1, {"ok": (3,)}], {1: "one"}]:
        try:
            list(events(value))
        except TypeError:
            continue
        raise AssertionError(f"expected TypeError for {value!r}")


def test_rebuild_round_trips():
    deep = [1]
    for _ in range(90):
        deep = [deep, {"level": "x"}]
    for value in [ORDER, [], {}, "just text", None, [1, [2, [3, []]], {"a": {"b": None}}], deep]:
        got = rebuild(events(value))
        assert got == value, f"rebuild(events(value)) should give back {value!r}, got {got!r}"
    got = rebuild([("start_array",), ("value", 1), ("end_array",)])
    assert got == [1], f"expected [1], got {got!r}"


def test_rebuild_rejects_incomplete_or_extra_events():
    for stream in [[], [("start_array",), ("value", 1)], [("start_map",), ("key", "a")],
                   [("value", 1), ("value", 2)], [("start_array",), ("end_array",), ("end_array",)]]:
        expect_value_error(rebuild, stream)


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
        expect_value_error(rebuild, stream)


def test_array_items_yields_each_element():
    export = [{"id": 1}, {"id": 2}, "done"]
    got = list(array_items(events(export)))
    assert got == export, f"expected {export!r}, got {got!r}"
    got = list(array_items([("start_array",), ("end_array",)]))
    assert got == [], f"an empty array has no items: expected [], got {got!r}"


def test_array_items_is_lazy():
    stream = ORDER_EVENTS[5:11] + [("start_array",)]  # one complete order, then a broken one
    items = array_items([("start_array",), ("value", "first")] + stream)
    got = [next(items), next(items)]
    assert got == ["first", {"sku": "A1", "qty": 2}], f"the complete elements come first, got {got!r}"
    try:
        next(items)
    except ValueError:
        pass
    else:
        raise AssertionError("expected ValueError: the stream ends inside the third element")
    items = array_items([("start_array",), ("value", 1), ("end_array",), ("value", 2)])
    got = next(items)
    assert got == 1, f"expected 1 before the leftover event is noticed, got {got!r}"
    try:
        next(items)
    except ValueError:
        return
    raise AssertionError("expected ValueError for the event left over after the array")


def test_array_items_needs_an_array():
    for stream in [list(events({"a": 1})), [("value", 3)], [], [("start_array",), ("end_map",)]]:
        expect_value_error(array_items, stream)
