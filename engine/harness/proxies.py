"""Proxies: stand-ins for objects that live in the other process.

A proxy forwards what is done to it (calls, attributes, items, iteration, operators) to the
process that owns the object. Equality is forwarded only between two proxies: ``proxy == 3`` is
false, so a learner's object can never pretend to be the value a test expects. Truth is never
forwarded: a test that asks ``if result:`` of an object gets a clear error, not the object's
opinion of itself (the learner's code may ask it of a function or class a test handed over:
``TestObject``).

Standard library only: this runs inside the sandbox.
"""

from __future__ import annotations

from remote import Connection
from values import MAX_REPR

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


_NOT_PLAIN = object()


class StaleObject(Exception):
    """A proxy whose process was stopped (after a timeout) and which cannot be found again."""


class Proxy:
    """An object in the other process. See the module docstring for what is forwarded."""

    __slots__ = ("_wb_conn", "_wb_handle", "_wb_meta", "_wb_path", "__weakref__")

    def __init__(self, conn: Connection, handle: int, meta: dict[str, Any]) -> None:
        object.__setattr__(self, "_wb_conn", conn)
        object.__setattr__(self, "_wb_handle", handle)
        object.__setattr__(self, "_wb_meta", meta if isinstance(meta, dict) else {})
        object.__setattr__(self, "_wb_path", None)

    # how a proxy travels back to its owner: as that owner's handle
    def _wb_ref(self, conn: Connection) -> int:
        if conn is not self._wb_conn:
            rebind = getattr(conn, "rebind", None)
            if rebind is None or self._wb_path is None:
                raise StaleObject("this object belonged to a run of your code that was stopped")
            object.__setattr__(self, "_wb_conn", conn)
            object.__setattr__(self, "_wb_handle", rebind(self._wb_path))
        return self._wb_handle

    def _wb_ask(self, op: str, *args: Any) -> Any:
        conn = current_connection(self._wb_conn)
        return conn.request(op, *args)

    def _wb_type_name(self) -> str:
        return str(self._wb_meta.get("name", "object"))

    # attributes and calls
    def __getattr__(self, name: str) -> Any:
        if name.startswith("_wb_"):
            raise AttributeError(name)
        return self._wb_ask("getattr", self, name)

    def __setattr__(self, name: str, value: Any) -> None:
        self._wb_ask("setattr", self, name, value)

    def __delattr__(self, name: str) -> None:
        self._wb_ask("delattr", self, name)

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return self._wb_ask("call", self, list(args), dict(kwargs))

    # containers and iteration
    def __len__(self) -> int:
        return _expect(self._wb_ask("len", self), int, "len()")

    def __iter__(self) -> Any:
        return self._wb_ask("iter", self)

    def __next__(self) -> Any:
        return self._wb_ask("next", self)

    def __getitem__(self, key: Any) -> Any:
        return self._wb_ask("getitem", self, key)

    def __setitem__(self, key: Any, value: Any) -> None:
        self._wb_ask("setitem", self, key, value)

    def __delitem__(self, key: Any) -> None:
        self._wb_ask("delitem", self, key)

    def __contains__(self, item: Any) -> bool:
        return _expect(self._wb_ask("contains", self, item), bool, "in")

    # text
    def __repr__(self) -> str:
        try:
            text = self._wb_ask("repr", self)
        except Exception:
            text = None
        if type(text) is not str:
            return f"<{self._wb_type_name()} object>"
        return text if len(text) <= MAX_REPR else text[:MAX_REPR] + "…"

    def __str__(self) -> str:
        return _expect(self._wb_ask("str", self), str, "str()")

    def __format__(self, spec: str) -> str:
        return format(str(self), spec)

    # truth, identity, equality
    def __bool__(self) -> bool:
        raise TypeError(
            f"expected a plain value (a number, string, list...) but got a {self._wb_type_name()} object"
        )

    def __hash__(self) -> int:
        return hash((id(self._wb_conn), self._wb_handle))

    def _wb_plain(self) -> Any:
        """The plain value this object extends (a dict subclass's items...), or ``_NOT_PLAIN``."""
        if "plain" not in self._wb_meta:
            return _NOT_PLAIN
        return self._wb_conn.decode(self._wb_meta["plain"])

    def __eq__(self, other: Any) -> Any:
        if isinstance(other, Proxy):
            return self._wb_ask("eq", self, other)
        plain = self._wb_plain()
        return NotImplemented if plain is _NOT_PLAIN else plain == other

    def __ne__(self, other: Any) -> Any:
        if isinstance(other, Proxy):
            return self._wb_ask("ne", self, other)
        plain = self._wb_plain()
        return NotImplemented if plain is _NOT_PLAIN else plain != other

    def __int__(self) -> int:
        return _expect(self._wb_ask("int", self), int, "int()")

    def __float__(self) -> float:
        return _expect(self._wb_ask("float", self), float, "float()")

    def __index__(self) -> int:
        return _expect(self._wb_ask("index", self), int, "an index")


class TestObject(Proxy):
    """An object of the test process as the learner's code sees it: a function or class a test
    hands over (a sort key, a callback). Its truth is Python's for a function or a class, true, so
    ``if key:`` and ``key or default`` work in the learner's code. The other way round, the truth
    of the learner's objects stays refused: the tests never take a learner's object's word."""

    __slots__ = ()

    def __bool__(self) -> bool:
        if self._wb_meta.get("kind") in ("callable", "class"):
            return True
        return super().__bool__()


def _expect(value: Any, kind: type, what: str) -> Any:
    if type(value) is not kind:
        raise TypeError(f"{what} should give a {kind.__name__}, got {type(value).__name__}")
    return value


def _forward_binary(op: str, reflected: bool) -> Any:
    def method(self: Proxy, other: Any) -> Any:
        return self._wb_ask(op, other, self) if reflected else self._wb_ask(op, self, other)

    return method


def _forward_unary(op: str) -> Any:
    def method(self: Proxy) -> Any:
        return self._wb_ask(op, self)

    return method


for _op in ("lt", "le", "gt", "ge"):
    setattr(Proxy, f"__{_op}__", _forward_binary(_op, False))
for _op in ("add", "sub", "mul", "truediv", "floordiv", "mod", "pow", "matmul",
            "and", "or", "xor", "lshift", "rshift"):
    setattr(Proxy, f"__{_op}__", _forward_binary(_op, False))
    setattr(Proxy, f"__r{_op}__", _forward_binary(_op, True))
for _op in ("neg", "pos", "abs", "invert"):
    setattr(Proxy, f"__{_op}__", _forward_unary(_op))


# The test process replaces its connection when it restarts the learner's process after a
# timeout; proxies found by name (``from solution import f``) follow it to the new one.
_current: dict[str, Connection] = {}


def set_current_connection(conn: Connection) -> None:
    _current["conn"] = conn


def current_connection(owner: Connection) -> Connection:
    return _current.get("conn", owner)
