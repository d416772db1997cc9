"""Settings: defaults, WORKBENCH_* overrides with types, secrets < environment < overrides."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from engine.settings import Settings

FIELDS = [f.name for f in dataclasses.fields(Settings)]
REPO = Path(__file__).resolve().parent.parent


def test_defaults() -> None:
    s = Settings()
    assert s.home == Path(".workbench")
    assert s.bank_dir == REPO / "data" / "bank"
    assert s.bank_dir.is_absolute() and s.bank_dir.is_dir()
    assert s.cookie_key is None
    assert (s.bcrypt_rounds, s.login_free_failures, s.daily_set_size, s.max_solution_bytes) == (12, 3, 3, 256 * 1024)
    assert (s.test_timeout_s, s.grading_budget_s, s.cookie_expiry_days) == (2.0, 10.0, 7.0)
    assert (s.login_base_delay_s, s.login_max_delay_s) == (2.0, 900.0)
    assert s.cookie_name == "workbench_auth"


def test_from_an_empty_environment_is_the_defaults() -> None:
    assert Settings.from_env(environ={}) == Settings()


def test_settings_are_frozen_and_keyword_only() -> None:
    s = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        s.bcrypt_rounds = 4  # type: ignore[misc]
    with pytest.raises(TypeError):
        Settings(Path("x"))  # type: ignore[misc]


@pytest.mark.parametrize(
    ("variable", "raw", "field", "value"),
    [
        ("WORKBENCH_HOME", "/tmp/wb-home", "home", Path("/tmp/wb-home")),
        ("WORKBENCH_HOME", "~/wb", "home", Path("~/wb").expanduser()),
        ("WORKBENCH_BANK_DIR", "relative/bank", "bank_dir", Path("relative/bank")),
        ("WORKBENCH_COOKIE_KEY", "s3cret-" * 5, "cookie_key", "s3cret-" * 5),
        ("WORKBENCH_COOKIE_NAME", "auth", "cookie_name", "auth"),
        ("WORKBENCH_COOKIE_EXPIRY_DAYS", "0.5", "cookie_expiry_days", 0.5),
        ("WORKBENCH_COOKIE_EXPIRY_DAYS", "30", "cookie_expiry_days", 30.0),
        ("WORKBENCH_BCRYPT_ROUNDS", "4", "bcrypt_rounds", 4),
        ("WORKBENCH_BCRYPT_ROUNDS", " 5 ", "bcrypt_rounds", 5),
        ("WORKBENCH_LOGIN_FREE_FAILURES", "0", "login_free_failures", 0),
        ("WORKBENCH_LOGIN_BASE_DELAY_S", "1e1", "login_base_delay_s", 10.0),
        ("WORKBENCH_LOGIN_MAX_DELAY_S", "60", "login_max_delay_s", 60.0),
        ("WORKBENCH_TEST_TIMEOUT_S", "1.5", "test_timeout_s", 1.5),
        ("WORKBENCH_GRADING_BUDGET_S", "20", "grading_budget_s", 20.0),
        ("WORKBENCH_MAX_SOLUTION_BYTES", "1000", "max_solution_bytes", 1000),
        ("WORKBENCH_DAILY_SET_SIZE", "5", "daily_set_size", 5),
        ("WORKBENCH_SANDBOX_MEMORY_CGROUP", "yes", "sandbox_memory_cgroup", True),
        ("WORKBENCH_SANDBOX_MEMORY_CGROUP", "0", "sandbox_memory_cgroup", False),
    ],
    ids=["home", "home-tilde", "bank-dir", "cookie-key", "cookie-name", "expiry-float", "expiry-int-text",
         "bcrypt-rounds", "bcrypt-rounds-spaces", "free-failures-zero", "base-delay-exponent", "max-delay",
         "test-timeout", "grading-budget", "max-solution-bytes", "daily-set-size", "cgroup-yes", "cgroup-zero"],
)
def test_environment_overrides_with_type_conversion(variable: str, raw: str, field: str, value: object) -> None:
    s = Settings.from_env(environ={variable: raw})
    got = getattr(s, field)
    assert got == value
    assert type(got) is type(value) or isinstance(got, Path) and isinstance(value, Path)
    # and nothing else changed
    assert {f: getattr(s, f) for f in FIELDS if f != field} == {f: getattr(Settings(), f) for f in FIELDS if f != field}


def test_every_field_can_be_set_from_the_environment() -> None:
    samples = {int: "7", float: "7.5", bool: "true"}
    # values a setting's own rule accepts: chances, not counts; a provider by name
    valid = {"target_band_low": "0.6", "target_band_high": "0.9", "llm_provider": "ollama", "llm_max_reply_tokens": "700",
             "cookie_key": "k" * 40}
    for f in dataclasses.fields(Settings):
        kind = {"int": int, "float": float, "bool": bool}.get(str(f.type))
        raw = valid.get(f.name) or (samples.get(kind, "/tmp/x") if kind else "/tmp/x")
        needs = {"WORKBENCH_LLM_MODEL": "llama3.1:8b"} if f.name == "llm_provider" else {}  # a provider names its model
        s = Settings.from_env(environ={**needs, "WORKBENCH_" + f.name.upper(): raw})
        assert getattr(s, f.name) != f.default, f.name


@pytest.mark.parametrize(
    ("secrets", "environ", "overrides", "expected"),
    [
        ({"bcrypt_rounds": 6}, {}, {}, 6),
        ({}, {"WORKBENCH_BCRYPT_ROUNDS": "7"}, {}, 7),
        ({"bcrypt_rounds": 6}, {"WORKBENCH_BCRYPT_ROUNDS": "7"}, {}, 7),
        ({"bcrypt_rounds": 6}, {"WORKBENCH_BCRYPT_ROUNDS": ""}, {}, 6),
        ({"bcrypt_rounds": 6}, {"WORKBENCH_BCRYPT_ROUNDS": "7"}, {"bcrypt_rounds": 8}, 8),
        ({"bcrypt_rounds": 6}, {"WORKBENCH_BCRYPT_ROUNDS": "7"}, {"bcrypt_rounds": None}, 7),
        ({"bcrypt_rounds": "9"}, {}, {}, 9),
        ({"BCRYPT_ROUNDS": 6}, {"workbench_bcrypt_rounds": "7"}, {}, 12),
    ],
    ids=["secrets", "environment", "environment-beats-secrets", "empty-variable-ignored", "overrides-beat-both",
         "none-override-ignored", "secret-as-text", "names-are-case-sensitive"],
)
def test_precedence(secrets: dict, environ: dict, overrides: dict, expected: int) -> None:
    assert Settings.from_env(environ=environ, secrets=secrets, **overrides).bcrypt_rounds == expected


def test_secrets_with_other_keys_are_fine() -> None:
    s = Settings.from_env(environ={}, secrets={"cookie_key": "from-secrets-" * 3, "auth": {"something": "else"}})
    assert s.cookie_key == "from-secrets-" * 3


def test_from_env_reads_the_process_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path))
    monkeypatch.setenv("WORKBENCH_DAILY_SET_SIZE", "4")
    s = Settings.from_env()
    assert (s.home, s.daily_set_size) == (tmp_path, 4)


@pytest.mark.parametrize(
    ("variable", "raw", "name"),
    [
        ("WORKBENCH_BCRYPT_ROUNDS", "many", "bcrypt_rounds"),
        ("WORKBENCH_BCRYPT_ROUNDS", "4.5", "bcrypt_rounds"),
        ("WORKBENCH_DAILY_SET_SIZE", "three", "daily_set_size"),
        ("WORKBENCH_TEST_TIMEOUT_S", "2s", "test_timeout_s"),
        ("WORKBENCH_COOKIE_EXPIRY_DAYS", "a week", "cookie_expiry_days"),
        ("WORKBENCH_MAX_SOLUTION_BYTES", "256KB", "max_solution_bytes"),
    ],
    ids=["int-word", "int-fraction", "set-size-word", "timeout-with-unit", "expiry-words", "bytes-with-unit"],
)
def test_unreadable_value_names_the_setting(variable: str, raw: str, name: str) -> None:
    with pytest.raises(ValueError) as caught:
        Settings.from_env(environ={variable: raw})
    assert name in str(caught.value)
    assert repr(raw) in str(caught.value)


def test_unreadable_secret_names_the_setting() -> None:
    with pytest.raises(ValueError, match="grading_budget_s"):
        Settings.from_env(environ={}, secrets={"grading_budget_s": "ten"})


@pytest.mark.parametrize(
    ("variable", "raw", "name"),
    [
        ("WORKBENCH_BCRYPT_ROUNDS", "3", "bcrypt_rounds"),
        ("WORKBENCH_BCRYPT_ROUNDS", "32", "bcrypt_rounds"),
        ("WORKBENCH_TEST_TIMEOUT_S", "-1", "test_timeout_s"),
        ("WORKBENCH_GRADING_BUDGET_S", "0", "grading_budget_s"),
        ("WORKBENCH_DAILY_SET_SIZE", "0", "daily_set_size"),
        ("WORKBENCH_LLM_MAX_REPLY_TOKENS", "0", "llm_max_reply_tokens"),
        ("WORKBENCH_COOKIE_EXPIRY_DAYS", "inf", "cookie_expiry_days"),
        ("WORKBENCH_COOKIE_EXPIRY_DAYS", "401", "cookie_expiry_days"),
        ("WORKBENCH_LOGIN_MAX_DELAY_S", "inf", "login_max_delay_s"),
    ],
    ids=["bcrypt-below-4", "bcrypt-above-31", "negative-timeout", "zero-budget", "empty-daily-set", "no-reply-at-all",
         "endless-cookie", "cookie-beyond-what-browsers-keep", "endless-lock"],
)
def test_out_of_range_value_names_the_setting(variable: str, raw: str, name: str) -> None:
    """A value that parses but cannot work (the help text of bcrypt_rounds says 4 to 31) is refused
    at the edge, naming the setting, not later by bcrypt or the grader."""
    with pytest.raises(ValueError, match=name):
        Settings.from_env(environ={variable: raw})


def test_a_short_cookie_key_is_refused_without_showing_it() -> None:
    """A learner can read their cookie and try keys offline: a short one gives every account away."""
    with pytest.raises(ValueError, match="cookie_key: \\(not shown\\) must be 32 characters or more") as caught:
        Settings.from_env(environ={"WORKBENCH_COOKIE_KEY": "hunter2-but-longer"})
    assert "hunter2" not in str(caught.value)
    assert Settings(cookie_key="x" * 32).cookie_key == "x" * 32


def test_describe_covers_every_field() -> None:
    rows = Settings.describe()
    assert [r[0] for r in rows] == ["WORKBENCH_" + name.upper() for name in FIELDS]
    for (variable, default, help_text), f in zip(rows, dataclasses.fields(Settings), strict=True):
        assert default == repr(f.default)
        assert len(help_text) > 10 and help_text.endswith("."), variable


def test_describe_names_are_what_from_env_reads() -> None:
    for variable, _, _ in Settings.describe():
        field = variable.removeprefix("WORKBENCH_").lower()
        assert field in FIELDS


def test_the_readme_lists_every_setting() -> None:
    readme = (REPO / "README.md").read_text()
    assert [v for v, _, _ in Settings.describe() if f"| `{v}` |" not in readme] == []
