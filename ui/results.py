"""How a grade result looks on a page."""

from __future__ import annotations

from datetime import UTC, datetime

import streamlit as st

from engine import GradeResult

ICONS = {"pass": ":material/check_circle:", "fail": ":material/cancel:", "error": ":material/error:"}
COLOURS = {"pass": "green", "fail": "red", "error": "orange"}
OUTPUT_LINES = 12  # printed output longer than this scrolls in a box of that height


def now() -> datetime:
    return datetime.now(UTC)


def readable(test_name: str) -> str:
    """``test_empty_list`` as "empty list"."""
    return test_name.removeprefix("test_").replace("_", " ")


def show(result: GradeResult, *, submitted: bool) -> None:
    total = len(result.tests)
    if result.passed:
        st.success(f"All {total} tests pass." + (" Submitted: well done!" if submitted else " Submit when you are ready."),
                   icon=":material/celebration:")
    elif result.status == "error" and result.message:
        st.error(result.message, icon=":material/error:")
    else:
        st.warning(f"{result.tests_passed} of {total} tests pass." + (" Your attempt is recorded." if submitted else ""),
                   icon=":material/rule:")
    for test in result.tests:
        colour = COLOURS[test.status]
        line = f":{colour}[{ICONS[test.status]}] **{readable(test.name)}**"
        if test.message and not (result.status == "error" and test.message == result.message):
            line += f" — {test.message}"
        st.markdown(line)
        if test.output:
            st.caption("What your code printed:")
            long = test.output.count("\n") > OUTPUT_LINES
            st.code(test.output, language="text", height=OUTPUT_LINES * 21 if long else "content")
    st.caption(f"Graded in {result.duration_ms:.0f} ms.")
