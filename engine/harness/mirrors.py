"""The test process's stand-ins for the learner's objects: mirrors of the learner's classes (so that
``isinstance`` and ``except`` work in the tests), the tests' end of the connection, and ``solution``
as the tests import it, each name looked up in the learner's process.

Standard library only: this runs inside the sandbox.
"""

from __future__ import annotations

import socket
import types

import proxies
from proxies import Proxy
from remote import Connection
from values import builtin_exception

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


# --- mirrors of the learner's classes ---------------------------------------------------------


class RemoteClass(type):
    """The metaclass of mirrors: a mirror stands for one of the learner's classes, so that
    ``isinstance`` and ``except`` work in the tests. Calling it creates the object remotely."""

    _wb_class_path: str

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        return cls._wb_class_ask("call", cls, list(args), dict(kwargs))

    def __getattr__(cls, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return cls._wb_class_ask("getattr", cls, name)

    def _wb_class_ask(cls, op: str, *args: Any) -> Any:
        return proxies.current_connection(None).request(op, *args)  # type: ignore[arg-type]

    def _wb_ref(cls, conn: Connection) -> int:
        return conn.rebind(cls._wb_class_path)  # type: ignore[attr-defined, no-any-return]


class RemoteExceptionClass(type):
    """The metaclass of mirrors of the learner's exception classes: a real exception class (so
    ``except`` works) whose instances are built by the learner's own ``__init__``."""

    _wb_class_path: str

    def __call__(cls, *args: Any, **kwargs: Any) -> Any:
        conn = proxies.current_connection(None)  # type: ignore[arg-type]
        return conn.exception_from(conn.request("exception_info", cls, list(args), dict(kwargs)))

    def _wb_ref(cls, conn: Connection) -> int:
        return conn.rebind(cls._wb_class_path)  # type: ignore[attr-defined, no-any-return]


_mirrors: dict[str, type] = {}


def mirror_class(chain: list[str]) -> type:
    """The mirror of the learner's class ``chain[0]``, whose own learner-defined bases follow."""
    path = chain[0]
    if path not in _mirrors:
        base = mirror_class(chain[1:]) if len(chain) > 1 else Proxy
        namespace = {"__slots__": (), "_wb_class_path": path, "__qualname__": path, "__module__": "solution"}
        _mirrors[path] = RemoteClass(path.rsplit(".", 1)[-1], (base,), namespace)
    return _mirrors[path]


def mirror_exception(chain: list[str], builtin_name: str | None) -> type:
    """A real exception class standing for one of the learner's, so ``except`` catches it."""
    if not chain:
        return builtin_exception(builtin_name or "Exception")
    path = chain[0]
    key = "exception:" + path
    if key not in _mirrors:
        base = mirror_exception(chain[1:], builtin_name)
        namespace = {"__qualname__": path, "__module__": "solution", "_wb_class_path": path}
        _mirrors[key] = RemoteExceptionClass(path.rsplit(".", 1)[-1], (base,), namespace)
    return _mirrors[key]


# --- the test side of the connection ------------------------------------------------------------


class TestConnection(Connection):
    """The tests' end: lets the learner's code call only what the tests handed it."""

    def __init__(self, sock: socket.socket) -> None:
        super().__init__(sock, serve_all=False, proxy_factory=make_proxy)
        self.handles: dict[str, int] = {}

    def rebind(self, path: str) -> int:
        if path not in self.handles:
            handle, _meta = self.request("path", path)
            self.handles[path] = handle
        return self.handles[path]

    def exception_class(self, info: dict[str, Any]) -> type:
        chain = [p for p in info.get("mro", []) if isinstance(p, str)]
        return mirror_exception(chain, info.get("exc") if isinstance(info.get("exc"), str) else None)


def make_proxy(conn: Connection, handle: int, meta: Any) -> Any:
    meta = meta if isinstance(meta, dict) else {}
    chain = [p for p in meta.get("mro", []) if isinstance(p, str) and "<locals>" not in p]
    if meta.get("kind") == "class" and chain:
        if meta.get("exc"):
            return mirror_exception(chain, meta["exc"])
        return mirror_class(chain)
    cls = mirror_class(chain) if chain and not meta.get("exc") and meta.get("kind") == "object" else Proxy
    proxy = Proxy.__new__(cls)
    Proxy.__init__(proxy, conn, handle, meta)
    return proxy


class RemoteModule(types.ModuleType):
    """Stands for ``solution`` in the test process: each name is looked up in the learner's."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        value = proxies.current_connection(None).request("module_attr", name)  # type: ignore[arg-type]
        if type(value) is Proxy or isinstance(value, Proxy):
            object.__setattr__(value, "_wb_path", name)
        return value
