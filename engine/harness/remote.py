"""Calls between the test process and the learner's process.

The tests run in one process and the learner's code in another, so nothing the learner's code
does can reach the code that decides whether a test passed. Plain data crosses as a copy (see
``values.py``); anything else crosses as a *handle*: the other side gets a proxy whose operations
are forwarded back to the process that owns the object.

This module runs inside the sandbox: standard library only.
"""

from __future__ import annotations

import json
import operator
import select
import socket
import struct
import time

from values import ProtocolError, builtin_exception, decode_value, describe, describe_exception, encode_value

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


MAX_MESSAGE = 16 * 1024 * 1024
_HEADER = struct.Struct("!I")


class PeerGone(Exception):
    """The other process closed the connection (it exited or was killed): read as the end of the stream, or
    as an error of the socket's (a connection reset when it died with data unread, a broken pipe)."""


class Timeout(Exception):
    """The other process did not answer before the deadline."""


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
        return encode_value(value, self)

    def decode(self, value: Any) -> Any:
        return decode_value(value, self)

    # framing
    def send(self, message: dict[str, Any]) -> None:
        data = json.dumps(message, separators=(",", ":")).encode()
        if len(data) > MAX_MESSAGE:
            raise ValueError("value too large to send")
        try:
            self.sock.sendall(_HEADER.pack(len(data)) + data)
        except OSError:
            raise PeerGone() from None

    def _read_exact(self, n: int) -> bytes:
        while len(self._buffer) < n:
            if self.deadline is not None:
                left = self.deadline - time.monotonic()
                if left <= 0 or not select.select([self.sock], [], [], left)[0]:
                    raise Timeout()
            try:
                chunk = self.sock.recv(max(65536, n - len(self._buffer)))
            except OSError:
                raise PeerGone() from None
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
