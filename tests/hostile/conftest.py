"""One sandbox, grader and exercise for the whole hostile suite, in place of tests/conftest.py's: the cases
meet the limits their messages expect (``hostile_grader``), and what one case leaves behind would show in
the next."""

from __future__ import annotations

from pathlib import Path

import pytest
from hostile_cases import hostile_grader, write_add_two_numbers

from engine.grader import Grader
from engine.sandbox import Sandbox


@pytest.fixture(scope="package")
def sandbox() -> Sandbox:
    return Sandbox()


@pytest.fixture(scope="package")
def grader(sandbox: Sandbox) -> Grader:
    return hostile_grader(sandbox)


@pytest.fixture(scope="package")
def exercise(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_add_two_numbers(tmp_path_factory.mktemp("bank"))
