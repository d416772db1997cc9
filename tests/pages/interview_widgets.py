"""Fill in, and read back, the interview's widgets (ui/interview.py) in an AppTest, step by step,
in the shape ``Workbench.answer_onboarding`` takes. ``prefix``: "onboarding" or "profile"."""

from __future__ import annotations

from typing import Any

from streamlit.testing.v1 import AppTest

from engine.profile import LANGUAGES


def fill(at: AppTest, prefix: str, step: str, answers: dict[str, Any]) -> AppTest:
    """Set the step's widgets to ``answers`` (not run: click a button next)."""
    if step == "languages":
        at.checkbox(key=f"{prefix}:language:python").set_value("python" in answers["languages"])
    elif step == "levels":
        for group, level in answers["levels"].items():
            at.radio(key=f"{prefix}:level:{group}").set_value(level)
    elif step == "goals":
        at.button_group(key=f"{prefix}:goals").set_value(list(answers["goals"]))
        at.text_area(key=f"{prefix}:goal_note").input(answers["goal_note"])
    elif step == "style":
        at.radio(key=f"{prefix}:style").set_value(answers["style"])
    elif step == "time":
        at.number_input(key=f"{prefix}:minutes").set_value(answers["minutes_per_day"])
    return at


def read(at: AppTest, prefix: str, step: str) -> dict[str, Any]:
    """What the step's widgets hold now."""
    if step == "languages":
        return {"languages": [x for x in LANGUAGES if at.checkbox(key=f"{prefix}:language:{x}").value]}
    if step == "levels":
        radios = [r for r in at.radio if r.key and r.key.startswith(f"{prefix}:level:")]
        return {"levels": {r.key.rsplit(":", 1)[1]: r.value for r in radios if r.value is not None}}
    if step == "goals":
        return {"goals": list(at.button_group(key=f"{prefix}:goals").value or []),
                "goal_note": at.text_area(key=f"{prefix}:goal_note").value}
    if step == "style":
        return {"style": at.radio(key=f"{prefix}:style").value}
    return {"minutes_per_day": at.number_input(key=f"{prefix}:minutes").value}
