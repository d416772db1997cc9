"""Plain data and descriptions: what crosses between the test and learner processes by value.

Plain data (numbers, strings, bytes, and lists, tuples, sets and dicts of them) crosses as a
copy, checked by exact type, so an object whose ``__eq__`` always says yes never reaches an
assertion. Anything else is handed to ``conn.export`` and crosses as a handle. Objects and
exceptions are described as data, so the other side can build faithful proxies and mirrors.

This module runs inside the sandbox: standard library only.
"""

from __future__ import annotations

import base64
import builtins

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from remote import Connection

MAX_REPR = 300


class ProtocolError(Exception):
    """The other process sent something that is not a valid message."""


# --- plain data -----------------------------------------------------------------------------

_SCALARS = (type(None), bool, int, float, str)


def encode_value(value: Any, conn: Connection, depth: int = 0) -> Any:
    if depth > 200:
        raise ValueError("value is nested too deeply to send")
    kind = type(value)
    if kind in _SCALARS:
        return value
    if kind is list:
        return {"L": [encode_value(v, conn, depth + 1) for v in value]}
    if kind is tuple:
        return {"T": [encode_value(v, conn, depth + 1) for v in value]}
    if kind is dict:
        return {"D": [[encode_value(k, conn, depth + 1), encode_value(v, conn, depth + 1)] for k, v in value.items()]}
    if kind is set:
        return {"S": [encode_value(v, conn, depth + 1) for v in value]}
    if kind is frozenset:
        return {"Z": [encode_value(v, conn, depth + 1) for v in value]}
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
        return encode_value(plain_copy(value, base), conn, depth + 1)
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


def decode_value(value: Any, conn: Connection) -> Any:
    if type(value) in _SCALARS:
        return value
    if type(value) is not dict or len(value) != 1:
        raise ProtocolError(f"unexpected value {value!r:.80}")
    ((tag, body),) = value.items()
    items = lambda: [decode_value(v, conn) for v in body]  # noqa: E731
    if tag == "L":
        return items()
    if tag == "T":
        return tuple(items())
    if tag == "S":
        return set(items())
    if tag == "Z":
        return frozenset(items())
    if tag == "D":
        return {decode_value(k, conn): decode_value(v, conn) for k, v in body}
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
            meta["plain"] = encode_value(plain_copy(obj, base), _NO_HANDLES)
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
        args = [encode_value(a, conn) if is_plain(a) else repr(a)[:MAX_REPR] for a in exc.args]
    except Exception:
        args = [_safe_str(exc)]
    attrs = {}
    try:
        for key, value in list(vars(exc).items())[:50]:
            if isinstance(key, str) and not key.startswith("_"):
                attrs[key] = encode_value(value, conn)
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
