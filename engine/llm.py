"""The language model, when one is configured: a LangChain chat model over any OpenAI-compatible
endpoint (OpenAI, Ollama, vLLM, a llama.cpp server), chosen by settings alone.

``build_chat_model(settings)`` is called at the edge (the app, the command line) and its result
handed to the ``Workbench``; the engine never builds one itself. ``stream_text`` streams a reply
and turns every way a provider can fail (down, slow, rate-limited, refusing the key) into
``ChatUnavailable`` with a message a learner understands, so the offline tutor can take over.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Generator, Sequence
from dataclasses import dataclass
from typing import Any

from engine.settings import Settings

log = logging.getLogger(__name__)

# Every provider here speaks OpenAI's chat-completions protocol; they differ in where they listen.
PROVIDERS = {
    "openai": None,  # the client's default, api.openai.com
    "ollama": "http://localhost:11434/v1",
    "vllm": "http://localhost:8000/v1",
    "llamacpp": "http://localhost:8080/v1",
    "openai-compatible": None,  # any other server: llm_base_url says where
}
LOCAL_KEY = "not-needed"  # local servers ignore the key, but the client insists on one
SLOW = "The AI tutor took too long to answer."


class ChatUnavailable(Exception):
    """The model could not answer. ``reason``: "down" | "slow" | "rate-limited" | "key-refused" |
    "model-not-found" | "empty" | "error"; ``str()``: what to tell the learner (never the key)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass
class Usage:
    """What a call used and how it ended: tokens, as the provider reported them (or estimated from
    characters), and ``finish_reason``, why the model stopped ("stop", "length"...), None when the
    stream ended without saying: its connection was cut mid-reply."""

    input_tokens: int = 0
    output_tokens: int = 0
    reported: bool = False
    finish_reason: str | None = None

    @property
    def total(self) -> int:
        return self.input_tokens + self.output_tokens


MOST_CHARS_PER_TOKEN = 6  # a token is about four characters of English; code and spaces run longer


def build_chat_model(settings: Settings) -> Any | None:
    """The chat model the settings describe, or None when no provider is set (the offline tutor).
    ``ValueError`` for a configuration that cannot work (the message names the setting)."""
    provider = settings.llm_provider
    if not provider:
        return None
    if provider not in PROVIDERS:
        raise ValueError(f"setting llm_provider: {provider!r} is not one of {', '.join(PROVIDERS)}")
    base_url = settings.llm_base_url or PROVIDERS[provider]
    if provider == "openai-compatible" and not base_url:
        raise ValueError("setting llm_base_url: the address of the server is needed for llm_provider "
                         "'openai-compatible'")
    key = settings.llm_api_key or (LOCAL_KEY if provider != "openai" else None)
    if key is None:
        raise ValueError("setting llm_api_key: an API key is needed for llm_provider 'openai' "
                         "(set WORKBENCH_LLM_API_KEY or llm_api_key in .streamlit/secrets.toml)")
    from langchain.chat_models import init_chat_model  # imported here: the offline app never loads it

    return init_chat_model(settings.llm_model, model_provider="openai", base_url=base_url, api_key=key,
                           timeout=settings.llm_timeout_s, max_retries=0, stream_usage=True, temperature=0.3,
                           max_tokens=settings.llm_max_reply_tokens)


def stream_text(model: Any, messages: Sequence[tuple[str, str]], usage: Usage | None = None,
                first_words_s: float | None = None, most_tokens: int | None = None) -> Generator[str, None, None]:
    """The model's reply as it arrives. ``messages``: (role, text) with role "system", "human" or
    "ai". Fills ``usage``. Raises ``ChatUnavailable`` when the provider fails, even mid-reply, when
    its reply has no words at all (reason "empty"), and when its first words take longer than
    ``first_words_s`` (reason "slow"). Past ``most_tokens`` (counted generously, in characters) the
    reply ends as at the model's length limit (finish reason "length"): a server that ignores the
    limit it was sent, a model caught in a loop, would otherwise write for ever."""
    usage = usage if usage is not None else Usage()
    sent = sum(len(text) for _, text in messages)
    received = 0
    said = False  # any words yet: a reply of nothing, or of blank lines, is no answer
    # The client's timeout bounds each read, not the wait: a server that sends empty chunks (keep-alives,
    # a model thinking where no one sees) kept the learner waiting for ever. The deadline is checked as
    # chunks come, so the wait is at most first_words_s plus one read.
    deadline = time.monotonic() + first_words_s if first_words_s is not None else None
    most_chars = most_tokens * MOST_CHARS_PER_TOKEN if most_tokens is not None else None
    stream = model.stream(list(messages))
    try:
        for chunk in stream:
            metadata = getattr(chunk, "usage_metadata", None)
            if metadata:
                usage.input_tokens = int(metadata.get("input_tokens", 0))
                usage.output_tokens = int(metadata.get("output_tokens", 0))
                usage.reported = True
            finish_reason = (getattr(chunk, "response_metadata", None) or {}).get("finish_reason")
            if finish_reason:
                usage.finish_reason = str(finish_reason)
            text = chunk.text if isinstance(chunk.text, str) else str(chunk.content or "")
            if text:
                received += len(text)
                said = said or not text.isspace()
                yield text
            if most_chars is not None and received >= most_chars:
                usage.finish_reason = "length"
                break
            if not said and deadline is not None and time.monotonic() > deadline:
                raise ChatUnavailable("slow", SLOW)
        if not said:
            log.warning("chat model sent an empty reply")
            raise ChatUnavailable("empty", "The AI tutor sent an empty answer.")
    except ChatUnavailable:
        raise
    except Exception as exc:  # noqa: BLE001 - every provider failure becomes one clear message
        raise unavailable(exc) from exc
    finally:
        close = getattr(stream, "close", None)
        if close is not None:  # ends the request: a reply left, or stopped at its length, is not read on
            close()
        if not usage.reported:  # about four characters a token, when the provider does not say
            usage.input_tokens, usage.output_tokens = sent // 4, received // 4


def unavailable(exc: BaseException) -> ChatUnavailable:
    """A provider's exception as a reason and a message for the learner."""
    import openai

    status = getattr(exc, "status_code", None)
    if isinstance(exc, openai.APITimeoutError) or isinstance(exc, TimeoutError):
        reason, text = "slow", SLOW
    elif isinstance(exc, openai.APIConnectionError):
        reason, text = "down", "The AI tutor can't be reached right now."
    elif isinstance(exc, openai.RateLimitError) or status == 429:
        reason, text = "rate-limited", "The AI tutor's provider is busy (its rate limit was reached)."
    elif isinstance(exc, (openai.AuthenticationError, openai.PermissionDeniedError)) or status in (401, 403):
        reason, text = "key-refused", "The AI tutor's provider refused this server's key; an administrator needs to check it."
    elif isinstance(exc, openai.NotFoundError) or status == 404:
        reason, text = "model-not-found", "The AI tutor's model was not found at the provider."
    elif isinstance(exc, openai.APIStatusError):
        reason, text = "down", f"The AI tutor's provider had an error (HTTP {status})."
    else:
        reason, text = "error", "The AI tutor ran into a problem."
    log.warning("chat model unavailable (%s): %s", reason, type(exc).__name__)
    return ChatUnavailable(reason, text)
