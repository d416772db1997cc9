from solution import Store


def call_text(name, args):
    return f"{name}({', '.join(repr(a) for a in args)})"


class Session:
    """A Store and the calls made on it so far, so that a message can say how it got there."""

    def __init__(self):
        self.store = Store()
        self.calls = []

    def do(self, *steps):
        """Make the calls of steps, each a tuple (method name, arguments...)."""
        for name, *args in steps:
            try:
                getattr(self.store, name)(*args)
            except (LookupError, RuntimeError, AttributeError, TypeError, ValueError) as exc:
                raise AssertionError(
                    f"{self.history()}: {call_text(name, args)} raised {type(exc).__name__}: {exc}"
                ) from None
            self.calls.append(call_text(name, args))

    def history(self):
        return "after " + ", ".join(self.calls) if self.calls else "on a new Store()"

    def check(self, *queries, expected):
        """Each query is a tuple (method name, arguments...); compare their results with expected."""
        got = tuple(getattr(self.store, name)(*args) for name, *args in queries)
        shown = ", ".join(call_text(name, args) for name, *args in queries)
        if len(queries) == 1:
            got, expected = got[0], expected[0]
        assert got == expected, f"{self.history()}: {shown} should give {expected!r}, got {got!r}"

    def expect_error(self, error, name, *args):
        what = f"{self.history()}: {call_text(name, args)}"
        try:
            got = getattr(self.store, name)(*args)
        except error:
            self.calls.append(call_text(name, args) + f" (raised {error.__name__})")
            return
        except (LookupError, RuntimeError, AttributeError, TypeError) as exc:
            raise AssertionError(f"{what}: expected {error.__name__}, got {type(exc).__name__}: {exc}") from None
        raise AssertionError(f"{what}: expected {error.__name__}, got {got!r}")


def test_set_get_and_default():
    s = Session()
    s.do(("set", "theme", "dark"), ("set", "theme", "light"))
    s.check(("get", "theme"), expected=("light",))
    s.check(("get", "missing"), expected=(None,))
    s.check(("get", "missing", 0), expected=(0,))


def test_delete_and_missing_key():
    s = Session()
    s.do(("set", "beta", True), ("delete", "beta"))
    s.check(("get", "beta", "gone"), expected=("gone",))
    s.expect_error(KeyError, "delete", "beta")


def test_count_follows_every_change():
    s = Session()
    s.do(("set", "a", "on"), ("set", "b", "on"), ("set", "c", "off"))
    s.check(("count", "on"), expected=(2,))
    s.do(("set", "a", "off"), ("delete", "b"))
    s.check(("count", "on"), ("count", "off"), ("count", "never used"), expected=(0, 2, 0))


def test_readme_example():
    s = Session()
    s.do(("set", "theme", "dark"), ("begin",), ("set", "theme", "light"), ("set", "font", "mono"))
    s.check(("count", "light"), expected=(1,))
    s.do(("begin",), ("delete", "font"))
    s.check(("get", "font"), expected=(None,))
    s.do(("rollback",))
    s.check(("get", "font"), ("depth",), expected=("mono", 1))
    s.do(("rollback",))
    s.check(("get", "theme"), ("get", "font", "none"), ("depth",), expected=("dark", "none", 0))


def test_rollback_restores_data_and_counts():
    s = Session()
    s.do(("set", "x", 1), ("set", "y", 2), ("begin",), ("set", "x", 2), ("set", "x", 3), ("delete", "y"),
         ("set", "y", 3), ("set", "z", 3))
    s.check(("count", 3), expected=(3,))
    s.do(("rollback",))
    s.check(("get", "x"), ("get", "y"), ("get", "z", "absent"), expected=(1, 2, "absent"))
    s.check(("count", 1), ("count", 2), ("count", 3), ("count", None), expected=(1, 1, 0, 0))
    s.expect_error(KeyError, "delete", "z")  # z did not exist before the transaction


def test_commit_keeps_changes():
    s = Session()
    s.do(("set", "x", "old"), ("begin",), ("set", "x", "new"), ("set", "y", "new"), ("commit",))
    s.check(("get", "x"), ("get", "y"), ("count", "new"), ("depth",), expected=("new", "new", 2, 0))


def test_nested_rollback_only_undoes_the_inner_transaction():
    s = Session()
    s.do(("begin",), ("set", "a", 1), ("begin",), ("set", "a", 2), ("set", "b", 2), ("rollback",))
    s.check(("get", "a"), ("get", "b", "absent"), ("count", 2), ("depth",), expected=(1, "absent", 0, 1))


def test_outer_rollback_undoes_a_committed_inner_transaction():
    s = Session()
    s.do(("set", "a", "base"), ("begin",), ("set", "b", "outer"), ("begin",), ("set", "a", "inner"),
         ("delete", "b"), ("commit",))
    s.check(("get", "a"), ("get", "b", "absent"), ("depth",), expected=("inner", "absent", 1))
    s.do(("rollback",))
    s.check(("get", "a"), ("get", "b", "absent"), ("count", "base"), ("count", "inner"), ("depth",),
            expected=("base", "absent", 1, 0, 0))


def test_three_levels_rolled_back_one_at_a_time():
    s = Session()
    s.do(("set", "level", 0))
    for value in [1, 2, 3]:
        s.do(("begin",), ("set", "level", value))
    for expected in [2, 1, 0]:
        s.do(("rollback",))
        s.check(("get", "level"), expected=(expected,))
    s.check(("depth",), expected=(0,))


def test_rollback_and_commit_without_a_transaction_raise_runtime_error():
    s = Session()
    s.do(("set", "a", 1))
    s.expect_error(RuntimeError, "rollback")
    s.expect_error(RuntimeError, "commit")
    s.check(("get", "a"), ("depth",), expected=(1, 0))
