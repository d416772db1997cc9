from solution import EventBus


def recorder(calls, label):
    """A handler that records its label and arguments and returns the label."""

    def handler(*args, **kwargs):
        calls.append((label, args, kwargs))
        return label

    return handler


def test_publish_passes_arguments_and_collects_results():
    bus = EventBus()
    calls = []
    bus.subscribe("saved", recorder(calls, "title"))
    got = bus.publish("saved", "notes.txt", size=120)
    assert got == ["title"], f"expected ['title'], got {got!r}"
    assert calls == [("title", ("notes.txt",), {"size": 120})], (
        f"expected the handler to get ('notes.txt',) and {{'size': 120}}, got {calls!r}"
    )


def test_readme_example():
    bus = EventBus()
    bus.subscribe("saved", lambda name: f"title: {name}")
    bus.subscribe("saved", lambda name: f"backup: {name}", priority=5)
    star = bus.subscribe("saved", lambda name: "star removed", once=True)
    got = bus.publish("saved", "notes.txt")
    expected = ["backup: notes.txt", "title: notes.txt", "star removed"]
    assert got == expected, f"expected {expected!r}, got {got!r}"
    got = bus.publish("saved", "notes.txt")
    expected = ["backup: notes.txt", "title: notes.txt"]
    assert got == expected, f"the once handler must be gone: expected {expected!r}, got {got!r}"
    got = (star.active, star.cancel(), bus.listener_count("saved"))
    assert got == (False, False, 2), f"expected active False, cancel() False, 2 listeners, got {got!r}"
    got = bus.publish("opened")
    assert got == [], f"nobody listens to 'opened': expected [], got {got!r}"


def test_higher_priority_first_then_subscription_order():
    bus = EventBus()
    calls = []
    for label, priority in [("a", 0), ("b", 10), ("c", 0), ("d", -3), ("e", 10)]:
        bus.subscribe("tick", recorder(calls, label), priority=priority)
    shared = recorder(calls, "twice")
    bus.subscribe("tick", shared)
    bus.subscribe("tick", shared)
    got = bus.publish("tick")
    expected = ["b", "e", "a", "c", "twice", "twice", "d"]
    assert got == expected, f"expected {expected!r}, got {got!r}"


def test_once_handler_runs_only_once():
    bus = EventBus()
    calls = []
    sub = bus.subscribe("ready", recorder(calls, "once"), once=True)
    got = bus.listener_count("ready")
    assert got == 1, f"expected 1 listener, got {got!r}"
    first, second = bus.publish("ready"), bus.publish("ready")
    assert (first, second) == (["once"], []), f"expected ['once'] then [], got {first!r} then {second!r}"
    got = (sub.active, bus.listener_count("ready"))
    assert got == (False, 0), f"expected active False and 0 listeners, got {got!r}"


def test_cancel_stops_a_subscription():
    bus = EventBus()
    calls = []
    keep = bus.subscribe("tick", recorder(calls, "keep"))
    drop = bus.subscribe("tick", recorder(calls, "drop"))
    got = drop.cancel()
    assert got is True, f"cancelling an active subscription returns True, got {got!r}"
    got = drop.cancel()
    assert got is False, f"cancelling twice returns False, got {got!r}"
    got = (keep.active, drop.active, bus.listener_count("tick"))
    assert got == (True, False, 1), f"expected (True, False, 1), got {got!r}"
    got = bus.publish("tick")
    assert got == ["keep"], f"expected ['keep'], got {got!r}"


def test_handlers_added_during_publish_wait_for_the_next_one():
    bus = EventBus()
    calls = []
    late = recorder(calls, "late")

    def adder():
        bus.subscribe("tick", late, priority=-1)
        return "adder"

    bus.subscribe("tick", adder, once=True)
    got = bus.publish("tick")
    assert got == ["adder"], f"a handler added during a publish waits: expected ['adder'], got {got!r}"
    got = bus.publish("tick")
    assert got == ["late"], f"expected ['late'] on the next publish, got {got!r}"


def test_handler_cancelled_during_publish_is_skipped():
    bus = EventBus()
    calls = []
    subs = {}

    def canceller():
        subs["victim"].cancel()
        return "canceller"

    bus.subscribe("tick", canceller, priority=1)
    subs["victim"] = bus.subscribe("tick", recorder(calls, "victim"))
    got = bus.publish("tick")
    assert got == ["canceller"], f"expected ['canceller'], got {got!r}"
    assert calls == [], f"the cancelled handler must not run, got {calls!r}"


def test_once_handler_that_publishes_again_is_not_called_twice():
    bus = EventBus()
    calls = []

    def starter(n):
        calls.append(("starter", n))
        bus.publish("tick", n + 10)
        return "starter"

    def log(n):
        calls.append(("log", n))
        return "log"

    bus.subscribe("tick", starter, once=True)
    bus.subscribe("tick", log)
    got = bus.publish("tick", 1)
    assert got == ["starter", "log"], f"expected ['starter', 'log'], got {got!r}"
    expected = [("starter", 1), ("log", 11), ("log", 1)]
    assert calls == expected, f"expected calls {expected!r}, got {calls!r}"


def test_handler_error_stops_publish():
    bus = EventBus()
    calls = []

    def broken():
        raise KeyError("boom")

    bus.subscribe("tick", broken, priority=1)
    bus.subscribe("tick", recorder(calls, "after"))
    try:
        bus.publish("tick")
    except KeyError:
        assert calls == [], f"handlers after the failing one must not run, got {calls!r}"
        return
    raise AssertionError("expected the handler's KeyError to propagate")


def test_non_callable_handler_raises_type_error():
    bus = EventBus()
    for handler in [42, "print", None]:
        try:
            bus.subscribe("tick", handler)
        except TypeError:
            continue
        raise AssertionError(f"expected TypeError for the handler {handler!r}")
    got = bus.listener_count("tick")
    assert got == 0, f"a refused handler is not subscribed: expected 0, got {got!r}"
