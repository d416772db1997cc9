"""Settings: one typed object with defaults and help text, read once at the edge.

The app and the command line build it with ``Settings.from_env``; the engine only ever receives
a ``Settings``. Each field can be set by the environment variable ``WORKBENCH_<FIELD>`` (upper
case) or, in the app, by the same name in ``.streamlit/secrets.toml`` (lower case).
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

MIN_COOKIE_KEY = 32  # characters: what a brute force of the browser's cookie cannot find
SECRETS = ("cookie_key", "llm_api_key")  # never in a message


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, kw_only=True)
class Settings:
    """Everything that can be configured, with its default."""

    home: Path = _setting(Path(".workbench"), "Folder for runtime state: the DuckDB file and generated keys.")
    bank_dir: Path = _setting(Path(__file__).resolve().parent.parent / "data" / "bank",
                              "Folder of exercises: <bank_dir>/<language>/<slug>/.")
    cookie_key: str | None = _setting(None, "Secret that signs login cookies, 32 characters or more; generated once "
                                            "into the home if unset.")
    cookie_name: str = _setting("workbench_auth", "Name of the login cookie.")
    cookie_expiry_days: float = _setting(7.0, "Days a login cookie stays valid.")
    bcrypt_rounds: int = _setting(12, "bcrypt cost factor for password hashes (4 to 31).")
    login_free_failures: int = _setting(3, "Wrong passwords allowed before login is slowed down.")
    login_base_delay_s: float = _setting(2.0, "First delay after too many wrong passwords; doubles each time.")
    login_max_delay_s: float = _setting(900.0, "Longest delay between login attempts.")
    test_timeout_s: float = _setting(2.0, "Default time limit for one test of an exercise, in seconds.")
    grading_budget_s: float = _setting(10.0, "Time limit for all the tests of one submission, in seconds.")
    max_solution_bytes: int = _setting(256 * 1024, "Largest solution accepted for grading, in bytes.")
    sandbox_memory_cgroup: bool = _setting(False, "Cap each grading's total memory with a cgroup (v1): safer "
                                           "against fork-and-allocate submissions, ~13 ms slower per grading.")
    daily_set_size: int = _setting(3, "Exercises in the daily set when the profile does not say.")
    target_band_low: float = _setting(0.70, "Lowest predicted chance of success the daily set aims for.")
    target_band_high: float = _setting(0.85, "Highest predicted chance of success the daily set aims for.")
    llm_provider: str = _setting("", "Language model for the tutor: empty for the offline tutor, or openai, ollama, "
                                 "vllm, llamacpp, openai-compatible (all spoken to as OpenAI chat completions).")
    llm_model: str = _setting("", "The model's name at the provider, e.g. gpt-4o-mini or llama3.1:8b.")
    llm_base_url: str = _setting("", "The provider's address, e.g. http://localhost:11434/v1; empty: the "
                                 "provider's usual one.")
    llm_api_key: str | None = field(default=None, repr=False, metadata={
        "help": "Key for the provider (never logged); local servers need none. Best kept in secrets.toml."})
    llm_timeout_s: float = _setting(20.0, "Seconds to wait for the model's first words, and then for each next "
                                          "piece of its reply, before the offline tutor takes over.")
    llm_max_reply_tokens: int = _setting(4000, "The most tokens the model may write in one answer (a tutor's reply, "
                                         "a new exercise): asked of the provider, and held to as a reply arrives.")
    tutor_rate_limit_per_minute: int = _setting(10, "Questions (and new exercises) a learner may ask for in a minute "
                                                "(0: no limit).")
    tutor_daily_token_budget: int = _setting(50_000, "Model tokens a learner may use a day, on the tutor and new "
                                             "exercises; then the offline tutor answers (0: no limit).")
    demo_learners: int = _setting(20, "Learners in the demo data the welcome page offers on an empty install.")
    demo_days: int = _setting(30, "Days of activity in that demo data, ending now.")

    def __post_init__(self) -> None:
        checks = [
            ("bcrypt_rounds", 4 <= self.bcrypt_rounds <= 31, "must be from 4 to 31"),
            # the cookie is readable in the browser: a short key can be found from it offline, and then every
            # account's cookie forged (the generated one is 64 characters)
            ("cookie_key", not self.cookie_key or len(self.cookie_key) >= MIN_COOKIE_KEY,
             f"must be {MIN_COOKIE_KEY} characters or more (a random one, as `python -c 'import secrets; "
             "print(secrets.token_urlsafe(48))'` prints)"),
            # browsers keep a cookie 400 days at most, whatever it asks
            ("cookie_expiry_days", 0 < self.cookie_expiry_days <= 400, "must be more than 0 and at most 400"),
            ("login_free_failures", self.login_free_failures >= 0, "must be 0 or more"),
            ("login_base_delay_s", self.login_base_delay_s > 0, "must be more than 0"),
            ("login_max_delay_s", self.login_base_delay_s <= self.login_max_delay_s <= 366 * 86400,
             "must be at least login_base_delay_s and at most a year"),
            ("test_timeout_s", 0 < self.test_timeout_s <= 60, "must be more than 0 and at most 60"),
            ("grading_budget_s", 0 < self.grading_budget_s <= 300, "must be more than 0 and at most 300"),
            ("max_solution_bytes", self.max_solution_bytes > 0, "must be more than 0"),
            ("daily_set_size", 1 <= self.daily_set_size <= 20, "must be from 1 to 20"),
            ("target_band_low", 0.05 <= self.target_band_low < 1, "must be from 0.05 to below 1"),
            ("target_band_high", self.target_band_low < self.target_band_high <= 0.99,
             "must be above target_band_low and at most 0.99"),
            ("llm_provider", self.llm_provider in ("", "openai", "ollama", "vllm", "llamacpp", "openai-compatible"),
             "must be empty or one of openai, ollama, vllm, llamacpp, openai-compatible"),
            ("llm_model", not self.llm_provider or bool(self.llm_model), "must name a model when llm_provider is set"),
            ("llm_timeout_s", 0 < self.llm_timeout_s <= 600, "must be more than 0 and at most 600"),
            ("llm_max_reply_tokens", 100 <= self.llm_max_reply_tokens <= 100_000, "must be from 100 to 100000"),
            ("tutor_rate_limit_per_minute", self.tutor_rate_limit_per_minute >= 0, "must be 0 or more"),
            ("tutor_daily_token_budget", self.tutor_daily_token_budget >= 0, "must be 0 or more"),
            ("demo_learners", 1 <= self.demo_learners <= 1000, "must be from 1 to 1000"),
            ("demo_days", 1 <= self.demo_days <= 366, "must be from 1 to 366"),
        ]
        for name, ok, rule in checks:
            if not ok:
                shown = "(not shown)" if name in SECRETS else repr(getattr(self, name))
                raise ValueError(f"setting {name}: {shown} {rule}")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None,
                 secrets: Mapping[str, Any] | None = None, **overrides: Any) -> Settings:
        """Settings from secrets, then the environment (which wins), then ``overrides``."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for f in dataclasses.fields(cls):
            raw = None
            if secrets is not None and f.name in secrets:
                raw = secrets[f.name]
            env_name = "WORKBENCH_" + f.name.upper()
            if env_name in environ and environ[env_name] != "":
                raw = environ[env_name]
            if raw is not None:
                values[f.name] = _convert(f, raw)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    @classmethod
    def describe(cls) -> list[tuple[str, str, str]]:
        """(environment variable, default, help) for every setting: for help text and docs."""
        rows = []
        for f in dataclasses.fields(cls):
            rows.append(("WORKBENCH_" + f.name.upper(), repr(f.default), f.metadata["help"]))
        return rows


def _convert(f: dataclasses.Field[Any], raw: Any) -> Any:
    kind = str(f.type)
    try:
        if kind.startswith("bool"):
            text = str(raw).strip().lower()
            if text not in ("1", "0", "true", "false", "yes", "no", "on", "off"):
                raise ValueError("expected true or false")
            return text in ("1", "true", "yes", "on")
        if "Path" in kind:
            return Path(str(raw)).expanduser()
        if kind.startswith("int"):
            return int(raw)
        if kind.startswith("float"):
            return float(raw)
    except ValueError as exc:
        raise ValueError(f"setting {f.name}: cannot read {raw!r} ({exc})") from None
    return str(raw)
