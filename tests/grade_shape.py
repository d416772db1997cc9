"""The shape of a grade result as DESIGN.md gives it, checked for the grader's tests."""

from __future__ import annotations

import json

TOP_KEYS = {"version", "status", "message", "tests", "duration_ms"}
TEST_KEYS = {"name", "status", "message", "output"}
STATUSES = {"pass", "fail", "error"}


def check_shape(result: dict) -> None:
    """The DESIGN.md grade result (Exercism results.json v2)."""
    assert set(result) <= TOP_KEYS
    assert {"status", "tests", "duration_ms"} <= set(result)
    assert result.get("version", 2) == 2
    assert result["status"] in STATUSES
    if result["status"] == "error":
        assert result["message"]  # says why nothing could run
    assert isinstance(result["duration_ms"], float)
    for test in result["tests"]:
        assert set(test) <= TEST_KEYS and {"name", "status"} <= set(test)
        assert test["status"] in STATUSES
        assert all(isinstance(test[k], str) for k in test)
    json.dumps(result)  # serialisable as it is
