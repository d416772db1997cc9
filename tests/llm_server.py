"""A real HTTP server that speaks OpenAI's chat-completions protocol with scripted replies.

Tests start one (``with LLMServer() as server``), point the real openai and LangChain clients at
``server.base_url`` and queue what it answers: ``Reply("text")`` (streamed as server-sent events
when the client asks for a stream, with a usage chunk when asked for one), or a failure
``Reply(status=500)``, ``429``, ``401``, or ``Reply("...", delay_s=5)`` for a provider that is
slow. A streamed reply can also keep the client waiting with empty chunks before its words
(``thinking_s``), write them slowly (``pause_s`` between pieces), stop at the model's length limit
(``finish="length"``) or break off: its connection closed after the text, with no finish reason and
no ``[DONE]`` (``finish=None``). Every request's JSON body is kept in ``server.requests``. When the
script runs out, the server answers "(no reply scripted)".
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ERRORS = {
    401: ("invalid_request_error", "invalid_api_key", "Incorrect API key provided."),
    403: ("permission_error", "forbidden", "Not allowed."),
    404: ("invalid_request_error", "model_not_found", "The model does not exist."),
    429: ("rate_limit_error", "rate_limit_exceeded", "Rate limit reached for requests."),
    500: ("server_error", "server_error", "The server had an error while processing your request."),
}


@dataclass(frozen=True)
class Reply:
    """One scripted answer: ``text`` in ``chunk_chars``-sized pieces, or an HTTP ``status`` error."""

    text: str = ""
    status: int = 200
    delay_s: float = 0.0
    chunk_chars: int = 12
    prompt_tokens: int = 120
    completion_tokens: int | None = None
    thinking_s: float = 0.0  # streamed: seconds of empty chunks, a few a second, before the first words
    pause_s: float = 0.0  # streamed: seconds between two pieces of the text
    finish: str | None = "stop"  # streamed: the finish reason; None: the connection closes after the text


class LLMServer:
    def __init__(self) -> None:
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._script: list[Reply] = []
        self._lock = threading.Lock()
        self._done = threading.Semaphore(0)  # released as each request is done with: answered, or the client gone
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def base_url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def script(self, *replies: Reply | str) -> None:
        with self._lock:
            self._script.extend(Reply(r) if isinstance(r, str) else r for r in replies)

    def _next(self) -> Reply:
        with self._lock:
            return self._script.pop(0) if self._script else Reply("(no reply scripted)")

    def forget(self) -> None:
        """Nothing left of what came before: the replies scripted, the requests seen and done. For a server
        that serves one test after another."""
        with self._lock:
            self._script.clear()
            self.requests.clear()
            self.headers.clear()
            self._done = threading.Semaphore(0)

    def wait_done(self, timeout_s: float = 60.0) -> bool:
        """Wait until the server is done with one more request (answered, or given up when the client left):
        for a test to know that a client that stopped waiting has moved on."""
        return self._done.acquire(timeout=timeout_s)

    def __enter__(self) -> LLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: Any) -> None:  # quiet
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if self.path.rstrip("/") != "/v1/chat/completions":
                    self._json(404, {"error": {"message": "no such route", "type": "invalid_request_error"}})
                    return
                server.requests.append(body)
                server.headers.append({k.lower(): v for k, v in self.headers.items()})
                reply = server._next()
                try:
                    if reply.delay_s:
                        time.sleep(reply.delay_s)
                    if reply.status != 200:
                        kind, code, message = ERRORS.get(reply.status, ("server_error", "error", "Error."))
                        self._json(reply.status, {"error": {"message": message, "type": kind, "code": code}})
                    elif body.get("stream"):
                        self._stream(body, reply)
                    else:
                        self._json(200, _completion(body, reply))
                except (BrokenPipeError, ConnectionResetError):  # the client gave up (a timeout): fine
                    pass
                finally:
                    server._done.release()

            def _json(self, status: int, payload: dict[str, Any]) -> None:
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body: dict[str, Any], reply: Reply) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Cache-Control", "no-cache")
                self.send_header("Connection", "close")
                self.end_headers()
                model = body.get("model", "scripted")

                def event(payload: dict[str, Any] | str) -> None:
                    text = payload if isinstance(payload, str) else json.dumps(payload)
                    self.wfile.write(f"data: {text}\n\n".encode())
                    self.wfile.flush()

                base = {"id": "chatcmpl-scripted", "object": "chat.completion.chunk", "created": 0, "model": model}
                event({**base, "choices": [{"index": 0, "delta": {"role": "assistant", "content": ""},
                                            "finish_reason": None}]})
                thinking_until = time.monotonic() + reply.thinking_s
                while time.monotonic() < thinking_until:
                    time.sleep(0.2)
                    event({**base, "choices": [{"index": 0, "delta": {"content": ""}, "finish_reason": None}]})
                for start in range(0, len(reply.text), reply.chunk_chars):
                    if start and reply.pause_s:
                        time.sleep(reply.pause_s)
                    piece = reply.text[start:start + reply.chunk_chars]
                    event({**base, "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]})
                if reply.finish is None:
                    self.close_connection = True
                    return
                event({**base, "choices": [{"index": 0, "delta": {}, "finish_reason": reply.finish}]})
                if (body.get("stream_options") or {}).get("include_usage"):
                    event({**base, "choices": [], "usage": _usage(reply)})
                event("[DONE]")
                self.close_connection = True

        return Handler


def _usage(reply: Reply) -> dict[str, int]:
    completion = reply.completion_tokens if reply.completion_tokens is not None else max(1, len(reply.text) // 4)
    return {"prompt_tokens": reply.prompt_tokens, "completion_tokens": completion,
            "total_tokens": reply.prompt_tokens + completion}


def _completion(body: dict[str, Any], reply: Reply) -> dict[str, Any]:
    return {"id": "chatcmpl-scripted", "object": "chat.completion", "created": 0, "model": body.get("model", "scripted"),
            "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.text}, "finish_reason": "stop"}],
            "usage": _usage(reply)}
