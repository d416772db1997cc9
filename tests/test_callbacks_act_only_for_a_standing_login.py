"""Every widget callback of the pages acts only while the session's login stands (``ui.session.acting``).

Streamlit runs a callback before the script, so before app.py finds a session ended by a logout (or a new
password) on another device: without the check, a tab left open deleted memories and made invitations with
its next click. This reads the source, so a callback added later without the check fails here."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SOURCES = sorted([*ROOT.glob("pages/*.py"), *ROOT.glob("ui/*.py"), ROOT / "app.py"])
CALLBACK_KEYWORDS = {"on_click", "on_change", "on_submit"}


def callbacks(tree: ast.AST) -> list[ast.expr]:
    return [k.value for node in ast.walk(tree) if isinstance(node, ast.Call)
            for k in node.keywords if k.arg in CALLBACK_KEYWORDS]


def defined(tree: ast.AST) -> dict[str, ast.FunctionDef]:
    return {node.name: node for node in ast.walk(tree) if isinstance(node, ast.FunctionDef)}


def decorated(function: ast.FunctionDef) -> bool:
    return any(isinstance(d, ast.Name) and d.id == "acting" for d in function.decorator_list)


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_callback_acts_only_for_a_standing_login(source: Path) -> None:
    tree = ast.parse(source.read_text())
    functions = defined(tree)
    unchecked = []
    for value in callbacks(tree):
        if isinstance(value, ast.Constant) or (isinstance(value, ast.Attribute) and value.attr == "__setitem__"):
            continue  # "ignore", or setting a key of the page's own state
        if isinstance(value, ast.Lambda):
            # a lambda may only change what the page shows (its session state), never data
            body = value.body
            if not (isinstance(body, ast.Call) and isinstance(body.func, ast.Attribute)
                    and ast.unparse(body.func.value) == "st.session_state"):
                unchecked.append(ast.unparse(value))
            continue
        name = value.attr if isinstance(value, ast.Attribute) else value.id if isinstance(value, ast.Name) else None
        if name is None:
            unchecked.append(ast.unparse(value))
            continue
        function = functions.get(name) or _imported(tree, source, value)
        if function is None or not decorated(function):
            unchecked.append(name)
    assert unchecked == []


def _imported(tree: ast.AST, source: Path, value: ast.expr) -> ast.FunctionDef | None:
    """``module.function`` where ``module`` is one of ui/: that function's definition."""
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        module = ROOT / "ui" / f"{value.value.id}.py"
        if module.exists():
            return defined(ast.parse(module.read_text())).get(value.attr)
    return None
