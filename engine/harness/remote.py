"""Values and calls between the test process and the learner's process.

The tests run in one process and the learner's code in another, so nothing the learner's code
does can reach the code that decides whether a test passed. Plain data (numbers, strings, bytes,
and lists, tuples, sets and dicts of them) crosses as a copy, checked by exact type, so an object
whose ``__eq__`` always says yes never reaches an assertion. Anything else crosses as a *handle*:
the other side gets a proxy whose operations are forwarded back to the process that owns the
object.

This module runs inside the sandbox: standard library only.
"""

from __future__ import annotations

import base64
import builtins
import json
import operator
import select
import socket
import struct
import time

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


MAX_MESSAGE = 16 * 1024 * 1024
MAX_REPR = 300
_HEADER = struct.Struct("!I")


class ProtocolError(Exception):
    """The other process sent something that is not a valid message."""


class PeerGone(Exception):
    """The other process closed the connection (it exited or was killed)."""


class Timeout(Exception):
    """The other process did not answer before the deadline."""


# --- plain data -----------------------------------------------------------------------------

_SCALARS = (type(None), bool, int, float, str)


def _encode(value: Any, conn: Connection, depth: int = 0) -> Any:
    if depth > 200:
        raise ValueError("value is nested too deeply to send")
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return {"L": [_encode(v, conn, depth + 1) for v in value]}
    if kind is tuple:
        return {"T": [_encode(v, conn, depth + 1) for v in value]}
    if kind is dict:
        return {"D": [[_encode(k, conn, depth + 1), _encode(v, conn, depth + 1)] for k, v in value.items()]}
    if kind is set:
        return {"S": [_encode(v, conn, depth + 1) for v in value]}
    if kind is frozenset:
        return {"Z": [_encode(v, conn, depth + 1) for v in value]}
    if kind is bytes:
        return {"B": base64.b64encode(value).decode("ascii")}
    if kind is complex:
        return {"C": [value.real, value.imag]}
    if kind is type and value.__module__ == "builtins" and getattr(builtins, value.__name__, None) is value:
        return {"K": value.__name__}  # built-in classes (int, ValueError...) are the same on both sides
    ref = getattr(type(value), "_wb_ref", None)
    if ref is not None:
        return {"Y": ref(value, conn)}
    base = plain_base(kind)
    if base is not None and kind.__module__ != "solution":
        # a Counter, OrderedDict, namedtuple or IntEnum member is the plain value it extends
        return _encode(plain_copy(value, base), conn, depth + 1)
    return conn.export(value)


_PLAIN_BASES = (bool, int, float, str, bytes, list, tuple, dict, set, frozenset)


def plain_base(kind: type) -> type | None:
    """The plain built-in type that ``kind`` extends, if any."""
    if not isinstance(kind, type) or kind in _PLAIN_BASES:
        return None
    return next((base for base in _PLAIN_BASES if issubclass(kind, base)), None)


def plain_copy(value: Any, base: type) -> Any:
    """``value`` as an instance of exactly ``base``, read through the base type's own methods."""
    if base is dict:
        return dict(dict.items(value))
    if base in (int, bool):
        return int.__index__(value)
    if base is float:
        return float.__float__(value)
    if base is str:
        return str.__str__(value)
    if base is bytes:
        return bytes.__bytes__(value) if hasattr(bytes, "__bytes__") else bytes(value)
    return base(base.__iter__(value))


def _decode(value: Any, conn: Connection) -> Any:
    if type(value) in _SCALARS:
        return value
    if type(value) is not dict or len(value) != 1:
        raise ProtocolError(f"unexpected value {value!r:.80}")
    ((tag, body),) = value.items()
    items = lambda: [_decode(v, conn) for v in body]  # noqa: E731
    if tag == "L":
        return items()
    if tag == "T":
        return tuple(items())
    if tag == "S":
        return set(items())
    if tag == "Z":
        return frozenset(items())
    if tag == "D":
        return {_decode(k, conn): _decode(v, conn) for k, v in body}
    if tag == "B":
        return base64.b64decode(body)
    if tag == "C":
        return complex(*body)
    if tag == "K":
        found = getattr(builtins, str(body), None)
        if not isinstance(found, type):
            raise ProtocolError("unknown built-in class")
        return found
    if tag == "Y":  # a handle to one of our own objects, coming back
        return conn.exported_object(body)
    if tag == "M":  # a handle to one of the peer's objects
        return conn.proxy_for(body)
    raise ProtocolError(f"unknown tag {tag!r}")


def is_plain(value: Any, depth: int = 0) -> bool:
    """Whether ``value`` is plain data: what crosses between processes as a copy."""
    if depth > 200:
        return False
    kind = type(value)
    if kind in _SCALARS or kind in (bytes, complex):
        return True
    if kind in (list, tuple, set, frozenset):
        return all(is_plain(v, depth + 1) for v in value)
    if kind is dict:
        return all(is_plain(k, depth + 1) and is_plain(v, depth + 1) for k, v in value.items())
    return False


# --- describing objects and exceptions --------------------------------------------------------


def describe(obj: Any) -> dict[str, Any]:
    """What the peer needs to build a faithful proxy: kind, names, and the class chain."""
    cls = obj if isinstance(obj, type) else type(obj)
    meta: dict[str, Any] = {
        "name": getattr(cls, "__qualname__", cls.__name__),
        "module": getattr(cls, "__module__", ""),
        "mro": [_class_path(c) for c in cls.__mro__ if c.__module__ == "solution"],
        "exc": _builtin_exception_base(cls),
    }
    base = plain_base(cls)
    if base is not None and not isinstance(obj, type):
        try:  # for equality with plain values, which is then decided on plain data
            meta["plain"] = _encode(plain_copy(obj, base), _NO_HANDLES)
        except Exception:
            pass
    if isinstance(obj, type):
        meta["kind"] = "class"
    elif callable(obj) and not hasattr(obj, "__next__"):
        meta["kind"] = "callable"
    else:
        meta["kind"] = "object"
    return meta


class _RefuseHandles:
    """An encoder target for values that must be plain all the way down."""

    def export(self, value: Any) -> Any:
        raise ValueError("not plain")


_NO_HANDLES: Any = _RefuseHandles()


def _class_path(cls: type) -> str:
    return cls.__qualname__


def _builtin_exception_base(cls: type) -> str | None:
    for base in getattr(cls, "__mro__", ()):
        if base.__module__ == "builtins" and issubclass(base, BaseException):
            return base.__name__ if getattr(builtins, base.__name__, None) is base else "Exception"
    return None


def describe_exception(exc: BaseException, conn: Connection) -> dict[str, Any]:
    """An exception as data: its class chain, its args (as data when they are) and where in the
    learner's file it was raised."""
    where = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename.endswith("solution.py"):
            where.append(tb.tb_lineno)
        tb = tb.tb_next
    try:
        args = [_encode(a, conn) if is_plain(a) else repr(a)[:MAX_REPR] for a in exc.args]
    except Exception:
        args = [_safe_str(exc)]
    attrs = {}
    try:
        for key, value in list(vars(exc).items())[:50]:
            if isinstance(key, str) and not key.startswith("_"):
                attrs[key] = _encode(value, conn)
    except Exception:
        attrs = {}
    info = describe(exc)
    info.update({"args": args, "attrs": attrs, "text": _safe_str(exc), "line": where[-1] if where else None})
    if isinstance(exc, SyntaxError):
        info.update({"line": exc.lineno, "text": exc.msg or "invalid syntax", "offset": exc.offset})
    return info


def _safe_str(obj: Any) -> str:
    try:
        return str(obj)[:MAX_REPR]
    except BaseException:
        return f"<{type(obj).__name__}>"


# --- the connection ---------------------------------------------------------------------------

# What a peer may ask of our objects. The test process serves only calls (of test-defined
# functions handed to the learner's code, such as a sort key); it never lets the learner's side
# read attributes, which would lead from a function to its globals and the whole test process.
UNARY = {
    "len": len, "iter": iter, "next": next, "repr": repr, "str": str, "hash": hash,
    "neg": operator.neg, "pos": operator.pos, "abs": abs, "invert": operator.invert,
    "int": int, "float": float, "index": operator.index,
}
BINARY = {
    "getattr": getattr, "delattr": delattr, "getitem": operator.getitem,
    "delitem": operator.delitem, "contains": operator.contains,
    "eq": operator.eq, "ne": operator.ne, "lt": operator.lt, "le": operator.le,
    "gt": operator.gt, "ge": operator.ge, "add": operator.add, "sub": operator.sub,
    "mul": operator.mul, "truediv": operator.truediv, "floordiv": operator.floordiv,
    "mod": operator.mod, "pow": pow, "matmul": operator.matmul, "and": operator.and_,
    "or": operator.or_, "xor": operator.xor, "lshift": operator.lshift, "rshift": operator.rshift,
    "isinstance": isinstance, "issubclass": issubclass,
}
TERNARY = {"setattr": setattr, "setitem": operator.setitem}


class Connection:
    """One end of the socket between the two processes: requests, replies and handles.

    ``serve_all`` is true on the learner's side (the test process may ask anything of the
    learner's objects) and false on the test side (the learner's code may only call what the
    tests handed it).
    """

    def __init__(self, sock: socket.socket, *, serve_all: bool, proxy_factory: Any) -> None:
        self.sock = sock
        self.serve_all = serve_all
        self.proxy_factory = proxy_factory
        self.deadline: float | None = None
        self._exports: dict[int, Any] = {}
        self._ids: dict[int, int] = {}
        self._proxies: dict[int, Any] = {}
        self._seq = 0
        self._buffer = b""

    # handles
    def export(self, obj: Any) -> dict[str, Any]:
        key = id(obj)
        if key not in self._ids:
            handle = len(self._exports) + 1
            self._exports[handle] = obj
            self._ids[key] = handle
        return {"M": [self._ids[key], describe(obj)]}

    def exported_object(self, handle: Any) -> Any:
        if type(handle) is not int or handle not in self._exports:
            raise ProtocolError("unknown handle")
        return self._exports[handle]

    def handed_out(self, obj: Any) -> bool:
        """Whether ``obj`` is one of our objects that we passed to the peer ourselves."""
        handle = self._ids.get(id(obj))
        return handle is not None and self._exports.get(handle) is obj

    def proxy_for(self, body: Any) -> Any:
        if type(body) is not list or len(body) != 2 or type(body[0]) is not int:
            raise ProtocolError("bad handle")
        handle = body[0]
        if handle not in self._proxies:  # one proxy per object, so `is` works (enum members)
            self._proxies[handle] = self.proxy_factory(self, handle, body[1])
        return self._proxies[handle]

    def encode(self, value: Any) -> Any:
        return _encode(value, self)

    def decode(self, value: Any) -> Any:
        return _decode(value, self)

    # framing
    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":")).encode()
        if len(data) > MAX_MESSAGE:
            raise ValueError("value too large to send")
        self.sock.sendall(_HEADER.pack(len(data)) + data)

    def _read_exact(self, n: int) -> bytes:
        while len(self._buffer) < n:
            if self.deadline is not None:
                left = self.deadline - time.monotonic()
                if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                    raise Timeout()
            chunk = self.sock.recv(max(65536, n - len(self._buffer)))
            if not chunk:
                raise PeerGone()
            self._buffer += chunk
        data, self._buffer = self._buffer[:n], self._buffer[n:]
        return data

    def receive(self) -> dict[str, Any]:
        (size,) = _HEADER.unpack(self._read_exact(_HEADER.size))
        if size > MAX_MESSAGE:
            raise ProtocolError("message too large")
        try:
            message = json.loads(self._read_exact(size))
        except (ValueError, RecursionError) as exc:
            raise ProtocolError("malformed message") from exc
        if type(message) is not dict:
            raise ProtocolError("malformed message")
        return message

    # requests
    def request(self, op: str, *args: Any) -> Any:
        """Ask the peer to perform ``op`` on ``args`` and wait for the answer, serving any
        requests the peer makes meanwhile (a learner's sort calling the test's key function)."""
        self._seq += 1
        seq = self._seq
        self.send({"q": seq, "op": op, "a": [self.encode(a) for a in args]})
        while True:
            message = self.receive()
            if "q" in message:
                self.serve(message)
                continue
            if message.get("r") != seq:
                raise ProtocolError("reply out of order")
            if "x" in message:
                raise self.exception_from(message["x"])
            return self.decode(message.get("v"))

    def exception_from(self, info: Any) -> BaseException:
        """The exception to raise here for one raised in the peer: of the same class (or, for a
        class this side lacks, of its nearest built-in base), with its args and attributes."""
        info = info if isinstance(info, dict) else {}
        cls = self.exception_class(info)
        try:
            exc = type.__call__(cls, *[self.decode(a) for a in info.get("args", [])])
        except Exception:
            exc = type.__call__(cls, str(info.get("text", "")))
        attrs = info.get("attrs")
        if isinstance(attrs, dict):
            for key, value in attrs.items():
                if isinstance(key, str) and not key.startswith("_"):
                    try:
                        setattr(exc, key, self.decode(value))
                    except Exception:
                        pass
        exc._wb_info = info  # type: ignore[attr-defined]
        return exc

    def exception_class(self, info: dict[str, Any]) -> type:
        return builtin_exception(info.get("exc") if isinstance(info.get("exc"), str) else "Exception")

    def serve(self, message: dict[str, Any]) -> None:
        seq = message.get("q")
        try:
            value = self.perform(message.get("op"), [self.decode(a) for a in message.get("a", [])])
            reply = {"r": seq, "v": self.encode(value)}
        except (Timeout, PeerGone, ProtocolError):
            raise
        except BaseException as exc:  # the learner's code may raise anything, SystemExit included
            reply = {"r": seq, "x": describe_exception(exc, self)}
        self.send(reply)

    def perform(self, op: Any, args: list[Any]) -> Any:
        if op == "call":
            target, positional, keywords = args
            if not self.serve_all and not (self.handed_out(target) and callable(target)):
                raise PermissionError("only functions the tests handed over can be called")
            return target(*positional, **keywords)
        if not self.serve_all:
            raise PermissionError(f"operation {op!r} is not allowed on test objects")
        if op in UNARY:
            return UNARY[op](*args)
        if op in BINARY:
            return BINARY[op](*args)
        if op in TERNARY:
            return TERNARY[op](*args)
        return self.perform_extra(op, args)

    def perform_extra(self, op: Any, args: list[Any]) -> Any:
        raise ProtocolError(f"unknown operation {op!r}")


_synthesized: dict[str, type] = {}


def builtin_exception(name: str) -> type:
    """The built-in exception class of this name; for SystemExit and the like (which must not
    stop this process) or an unknown name, an ordinary exception class named after it."""
    found = getattr(builtins, name, None)
    if isinstance(found, type) and issubclass(found, Exception):
        return found
    if name not in _synthesized:
        _synthesized[name] = type(name, (Exception,), {})
    return _synthesized[name]
