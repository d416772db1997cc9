"""Shared fixtures: real parts, cheap to build, cleaned up afterwards.

- ``sandbox``: one real Sandbox per session (it probes the machine once when built).
- ``embedder``: the real embedding model, loaded once per session (memory tests).
- ``grader``: a Grader on that sandbox.
- ``store``: a fresh in-memory DuckDB store per test.
- ``settings``: Settings with the home in the test's tmp_path and fast bcrypt.
- ``wb``: a Workbench on those, with the real bank.
- ``make_exercise``: writes an exercise folder in tmp_path from a few strings.
- ``clock``: a settable "now" (``factories.Clock``), starting at ``factories.START``.
- ``make_wb``: more Workbenches, each on its own fresh store, optionally on a clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from factories import ADD_REFERENCE, ADD_STARTER, ADD_TESTS, BANK_DIR, Clock, new_learner, write_exercise
from llm_server import LLMServer

from engine.bank import Bank
from engine.grader import Grader
from engine.sandbox import Sandbox
from engine.settings import Settings
from engine.store import Store
from engine.workbench import Workbench


@pytest.fixture(scope="session")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The real bank in data/bank, loaded once (tests must not change it)."""
    return Bank(BANK_DIR)


@pytest.fixture(scope="session")
def embedder():
    """The real embedding model (all-MiniLM-L6-v2 from its offline package), loaded once per session."""
    from engine.embedder import Embedder

    return Embedder()


@pytest.fixture(scope="module")
def server() -> Iterator[LLMServer]:
    """A scripted OpenAI-compatible server (``tests/llm_server.py``), one per test module."""
    with LLMServer() as running:
        yield running


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


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def make_wb(settings: Settings, sandbox: Sandbox, bank: Bank) -> Iterator[Callable[..., Workbench]]:
    """``make_wb(clock=None)``: a Workbench with the real bank on a fresh in-memory store; a learner
    model of its own, so results in one never calibrate the exercises of another."""
    made: list[Workbench] = []

    def make(clock: Callable[[], datetime] | None = None) -> Workbench:
        made.append(Workbench(settings, store=Store(), sandbox=sandbox, bank=bank,
                              **({"clock": clock} if clock is not None else {})))
        return made[-1]

    yield make
    for workbench in made:
        workbench.close()


@pytest.fixture
def ada(wb: Workbench) -> int:
    """A registered learner, in whichever ``wb`` the test has (a module may
    put it on a clock); some modules override this with an account of their own."""
    return new_learner(wb)


@pytest.fixture
def make_exercise(tmp_path: Path) -> Callable[..., Path]:
    """``make_exercise("slug", **fields)``: a folder at tmp_path/bank/python/<slug>; an "add" exercise by default."""

    def make(slug: str = "add-two", **fields: object) -> Path:
        fields.setdefault("tests", ADD_TESTS)
        fields.setdefault("reference", ADD_REFERENCE)
        fields.setdefault("starter", ADD_STARTER)
        return write_exercise(tmp_path / "bank" / "python" / slug, **fields)  # type: ignore[arg-type]

    return make
