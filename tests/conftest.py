"""Shared fixtures: real parts, cheap to build, cleaned up afterwards.

- ``sandbox``: one real Sandbox per session (it probes the machine once when built).
- ``grader``: a Grader on that sandbox.
- ``store``: a fresh in-memory DuckDB store per test.
- ``settings``: Settings with the home in the test's tmp_path and fast bcrypt.
- ``wb``: a Workbench on those, with the real bank.
- ``make_exercise``: writes an exercise folder in tmp_path from a few strings.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from engine.bank import Bank
from engine.grader import Grader
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench

REPO = Path(__file__).resolve().parent.parent
BANK_DIR = REPO / "data" / "bank"

DEFAULT_HINTS = ["A nudge.", "A direction.", "Nearly there."]


@pytest.fixture(scope="session")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The real bank in data/bank, loaded once (tests must not change it)."""
    return Bank(BANK_DIR)


@pytest.fixture
def grader(sandbox: Sandbox) -> Grader:
    return Grader(sandbox)


@pytest.fixture
def store() -> Iterator[Store]:
    store = Store()
    yield store
    store.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", bcrypt_rounds=4)


@pytest.fixture
def wb(settings: Settings, store: Store, sandbox: Sandbox, bank: Bank) -> Iterator[Workbench]:
    workbench = Workbench(settings, store=store, sandbox=sandbox, bank=bank)
    yield workbench
    workbench.close()


def toml_list(items: list[str]) -> str:
    return "[" + ", ".join('"' + i.replace("\\", "\\\\").replace('"', '\\"') + '"' for i in items) + "]"


def write_exercise(folder: Path, *, tests: str, reference: str, starter: str = "",
                   title: str = "A tiny exercise", skills: list[str] | None = None, difficulty: object = 2,
                   hints: list[str] | None = None, extra_toml: str = "", readme: str = "# Do it\n",
                   toml: str | None = None) -> Path:
    """Write an exercise folder; ``toml`` replaces the generated exercise.toml entirely."""
    folder.mkdir(parents=True, exist_ok=True)
    if toml is None:
        diff = f'"{difficulty}"' if isinstance(difficulty, str) else str(difficulty).lower()
        toml = (f'title = "{title}"\n'
                f"skills = {toml_list(skills if skills is not None else ['functions'])}\n"
                f"difficulty = {diff}\n"
                f"hints = {toml_list(hints if hints is not None else DEFAULT_HINTS)}\n" + extra_toml)
    (folder / "exercise.toml").write_text(toml, encoding="utf-8")
    (folder / "README.md").write_text(readme, encoding="utf-8")
    (folder / "starter.py").write_text(textwrap.dedent(starter), encoding="utf-8")
    (folder / "reference.py").write_text(textwrap.dedent(reference), encoding="utf-8")
    (folder / "test_exercise.py").write_text(textwrap.dedent(tests), encoding="utf-8")
    return folder


ADD_TESTS = """\
from solution import add


def test_small_numbers():
    assert add(2, 3) == 5


def test_negative_numbers():
    assert add(-2, -3) == -5


def test_zero():
    assert add(0, 0) == 0
"""
ADD_REFERENCE = "def add(a, b):\n    return a + b\n"
ADD_STARTER = "def add(a, b):\n    return 0\n"


@pytest.fixture
def make_exercise(tmp_path: Path) -> Callable[..., Path]:
    """``make_exercise("slug", **fields)``: a folder at tmp_path/bank/python/<slug>; an "add" exercise by default."""

    def make(slug: str = "add-two", **fields: object) -> Path:
        fields.setdefault("tests", ADD_TESTS)
        fields.setdefault("reference", ADD_REFERENCE)
        fields.setdefault("starter", ADD_STARTER)
        return write_exercise(tmp_path / "bank" / "python" / slug, **fields)  # type: ignore[arg-type]

    return make
