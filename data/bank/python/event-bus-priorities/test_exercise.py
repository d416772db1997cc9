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
    assert got == ["title"], f"publish('saved', 'notes.txt', size=120): expected ['title'], got {got!r}"
    assert calls == [("title", ("notes.txt",), {"size": 120})], (
        f"publish('saved', 'notes.txt', size=120): expected the handler to be called as handler('notes.txt', size=120), "
        f"got these calls (label, args, kwargs): {calls!r}"
    )


def test_readme_example():
    bus = EventBus()
    bus.subscribe("saved", lambda name: f"title: {name}")
    bus.subscribe("saved", lambda name: f"backup: {name}", priority=5)
    star = bus.subscribe("saved", lambda name: "star removed", once=True)
    got = bus.publish("saved", "notes.txt")
    expected = ["backup: notes.txt", "title: notes.txt", "star removed"]
    assert got == expected, f"first publish('saved', 'notes.txt'): expected {expected!r}, got {got!r}"
    got = bus.publish("saved", "notes.txt")
    expected = ["backup: notes.txt", "title: notes.txt"]
    assert got == expected, (
        f"second publish('saved', 'notes.txt'): expected {expected!r} (the once handler is gone), got {got!r}"
    )
    got = (star.active, star.cancel(), bus.listener_count("saved"))
    assert got == (False, False, 2), (
        f"(star.active, star.cancel(), bus.listener_count('saved')) after the once handler ran: "
        f"expected (False, False, 2), got {got!r}"
    )
    got = bus.publish("opened")
    assert got == [], f"publish('opened'), which nobody subscribed to: expected [], got {got!r}"


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
    assert got == expected, (
        f"handlers subscribed in the order a (priority 0), b (10), c (0), d (-3), e (10), then one handler "
        f"'twice' subscribed twice (0): publish('tick') expected {expected!r}, got {got!r}"
    )


def test_once_handler_runs_only_once():
    bus = EventBus()
    calls = []
    sub = bus.subscribe("ready", recorder(calls, "once"), once=True)
    bus.subscribe("ready", recorder(calls, "always"))
    got = bus.listener_count("ready")
    assert got == 2, f"listener_count('ready') after two subscriptions: expected 2, got {got!r}"
    got = bus.publish("ready")
    assert got == ["once", "always"], f"first publish('ready'): expected ['once', 'always'], got {got!r}"
    got = bus.publish("ready")
    assert got == ["always"], f"second publish('ready'): expected ['always'] (the once handler is gone), got {got!r}"
    got = (sub.active, bus.listener_count("ready"))
    assert got == (False, 1), (
        f"(sub.active, listener_count('ready')) after the once handler ran: expected (False, 1), got {got!r}"
    )


def test_cancel_stops_a_subscription():
    bus = EventBus()
    calls = []
    keep = bus.subscribe("tick", recorder(calls, "keep"))
    drop = bus.subscribe("tick", recorder(calls, "drop"))
    got = drop.cancel()
    assert got is True, f"drop.cancel() on an active subscription: expected True, got {got!r}"
    got = drop.cancel()
    assert got is False, f"drop.cancel() a second time: expected False, got {got!r}"
    got = (keep.active, drop.active, bus.listener_count("tick"))
    assert got == (True, False, 1), (
        f"(keep.active, drop.active, listener_count('tick')) after drop.cancel(): expected (True, False, 1), got {got!r}"
    )
    got = bus.publish("tick")
    assert got == ["keep"], f"publish('tick') after drop.cancel(): expected ['keep'], got {got!r}"


def test_handlers_added_during_publish_wait_for_the_next_one():
    bus = EventBus()
    calls = []
    late = recorder(calls, "late")
    added = []

    def adder():
        if not added:
            added.append(bus.subscribe("tick", late, priority=-1))
        return "adder"

    bus.subscribe("tick", adder)
    got = bus.publish("tick")
    assert got == ["adder"], (
        f"first publish('tick'), whose handler subscribes 'late': expected ['adder'] "
        f"('late' waits for the next publish), got {got!r}"
    )
    got = bus.publish("tick")
    assert got == ["adder", "late"], f"second publish('tick'): expected ['adder', 'late'], got {got!r}"


def test_handler_cancelled_during_publish_is_skipped():
    bus = EventBus()
    calls = []
    subs = {}

    def canceller():
        subs["victim"].cancel()
        return "canceller"

    bus.subscribe("tick", canceller, priority=1)
    subs["victim"] = bus.subscribe("tick", recorder(calls, "victim"))
    bus.subscribe("tick", recorder(calls, "last"), priority=-1)
    got = bus.publish("tick")
    assert got == ["canceller", "last"], (
        f"publish('tick'), whose first handler cancels the second: expected ['canceller', 'last'], got {got!r}"
    )


def test_once_handler_that_publishes_again_is_not_called_twice():
    bus = EventBus()
    calls = []

    def starter(n):
        calls.append(("starter", n))
        if n < 10:
            bus.publish("tick", n + 10)
        return "starter"

    def log(n):
        calls.append(("log", n))
        return "log"

    bus.subscribe("tick", starter, once=True)
    bus.subscribe("tick", log)
    got = bus.publish("tick", 1)
    assert got == ["starter", "log"], f"publish('tick', 1): expected ['starter', 'log'], got {got!r}"
    expected = [("starter", 1), ("log", 11), ("log", 1)]
    assert calls == expected, (
        f"publish('tick', 1), whose once handler 'starter' calls publish('tick', 11): expected the calls "
        f"{expected!r} (the once subscription ends before its handler runs), got {calls!r}"
    )


def test_handler_error_stops_publish():
    bus = EventBus()
    calls = []

    def broken():
        raise KeyError("boom")

    bus.subscribe("tick", broken, priority=1)
    bus.subscribe("tick", recorder(calls, "after"))
    try:
        got = bus.publish("tick")
    except KeyError:
        assert calls == [], f"the handlers after the one that raised must not run, got calls {calls!r}"
        return
    raise AssertionError(f"publish('tick') with a handler raising KeyError: expected the KeyError to reach "
                         f"the caller, but publish returned {got!r}")


def test_non_callable_handler_raises_type_error():
    bus = EventBus()
    for handler in [42, "print", None]:
        try:
            bus.subscribe("tick", handler)
        except TypeError:
            continue
        except (ValueError, LookupError, AttributeError) as e:
            raise AssertionError(f"subscribe('tick', {handler!r}): expected TypeError (not callable), "
                                 f"got {type(e).__name__}: {e}") from None
        raise AssertionError(f"subscribe('tick', {handler!r}): expected TypeError (not callable), "
                             f"but it did not raise")
    got = bus.listener_count("tick")
    assert got == 0, f"listener_count('tick') after refused handlers: expected 0, got {got!r}"
