"""Which names an exercise's tests take from the learner's module: what the tutor's guard grades code against."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from engine import exercise_names


@pytest.mark.parametrize("tests, names", [
    pytest.param("from solution import share_pizza\n", {"share_pizza"}, id="imported-by-name"),
    pytest.param("from solution import share_pizza\nok = type(e).__module__ not in ('builtins', 'solution')\n",
                 {"share_pizza"}, id="the-modules-name-only-mentioned"),
    pytest.param("import solution\n", None, id="the-module-imported"),
    pytest.param("from solution import *\n", None, id="everything-imported"),
    pytest.param("import importlib\nm = importlib.import_module('solution')\n", None, id="imported-from-text"),
    pytest.param("m = __import__(name='solution')\n", None, id="imported-from-text-by-keyword"),
    pytest.param("import sys\nm = sys.modules['solution']\n", None, id="looked-up-by-name"),
])
def test_tested_names(tests: str, names: set[str] | None) -> None:
    found = exercise_names.tested_names([SimpleNamespace(tests=tests)])  # type: ignore[list-item]
    assert found == (frozenset(names) if names is not None else None)
