"""docs/data.md documents every table of the store (all migrations) and every analytics view, and
its example queries run in the SQL console."""

from __future__ import annotations

import re

import pytest
from factories import PASSWORD, REPO

from engine.store import Store
from engine.views import TABLES, VIEWS

DOC = (REPO / "docs" / "data.md").read_text(encoding="utf-8")


def sections() -> dict[str, str]:
    parts = re.split(r"^### `([a-z_]+)`\s*$", DOC, flags=re.M)
    return {parts[i]: parts[i + 1] for i in range(1, len(parts) - 1, 2)}


def store_tables() -> dict[str, list[str]]:
    store = Store()
    rows = store.all("SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'main' "
                     "ORDER BY table_name, ordinal_position")
    store.close()
    tables: dict[str, list[str]] = {}
    for table, column in rows:
        tables.setdefault(table, []).append(column)
    return tables


@pytest.mark.parametrize("table", sorted(store_tables()))
def test_every_table_and_column_is_documented(table):
    documented = sections()
    assert table in documented, f"docs/data.md has no section for table {table}"
    for column in store_tables()[table]:
        assert re.search(rf"\b{column}\b", documented[table]), f"{table}.{column} is not described"


@pytest.mark.parametrize("table", [t.name for t in TABLES])
def test_what_analysts_get_is_marked(table):
    assert "**analytics**" in sections()[table]


@pytest.mark.parametrize("view", [*VIEWS, "exercises"])
def test_every_view_is_documented(view):
    assert f"| `{view}` |" in DOC


def test_the_example_queries_run(wb):
    tess = wb.register("tess", "tess@example.org", "Tess", PASSWORD, role="educator")
    cohort = wb.create_cohort(tess.id, "Spring")
    ada = wb.register("ada", "ada@example.org", "Ada", PASSWORD)
    wb.join_cohort(ada.id, cohort.join_code)
    for passed in (False, True, True):
        wb.record_result(ada.id, "python/apply-n-times", passed, duration_s=80)
    console = wb.data_console(tess.id)
    examples = re.findall(r"```sql\n(.*?)```", DOC, flags=re.S)
    assert len(examples) >= 5
    for sql in examples:
        console.run(sql)
    console.close()


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_every_column_of_every_view_is_documented(view):
    store = Store()
    columns = store.frame(f"SELECT * FROM ({VIEWS[view]}) LIMIT 0").columns
    store.close()
    row = next(line for line in DOC.splitlines() if line.startswith(f"| `{view}` |"))
    missing = [c for c in columns if not re.search(rf"\b{c}\b", row)]
    assert not missing, f"docs/data.md's row for {view} does not name {missing}"


def test_the_events_fields_of_cohort_membership_are_documented():
    """A learner taken out of a cohort by its educator is logged as leaving it, with who did it."""
    events = sections()["events"]
    assert re.search(r"`left-cohort` \(context `\{\"removed_by\"\}`", events)
