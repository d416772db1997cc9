"""The example queries of the analysts' guide (``docs/data.md``, "Example queries"), read from the
guide itself so that the Data page offers exactly what the guide shows, and a test runs them all."""

from __future__ import annotations

import re
from pathlib import Path

SECTION = "## Example queries"
_EXAMPLE = re.compile(r"^(?P<title>[^\n`#][^\n]*?):?\s*\n+```sql\n(?P<sql>.*?)\n```", re.M | re.S)


def example_queries(guide: Path) -> dict[str, str]:
    """Title (the sentence above each query, without its colon) -> SQL without the final ";".
    Empty when the guide or its section is missing: the examples are a help, not a need."""
    try:
        text = guide.read_text(encoding="utf-8")
    except OSError:
        return {}
    if SECTION not in text:
        return {}
    section = text.split(SECTION, 1)[1].split("\n## ", 1)[0]
    return {m["title"].strip(): m["sql"].strip().removesuffix(";") for m in _EXAMPLE.finditer(section)}
