"""The analyst notebooks run top to bottom on demo data, in a temporary home, and their outputs read
on their own: headings, printed findings and Altair figures, no errors."""

from __future__ import annotations

import os
import re
from pathlib import Path

import nbformat
import pytest
from factories import REPO
from nbclient import NotebookClient

from engine.settings import Settings
from engine.workbench import Workbench

NOTEBOOKS = {
    "retention_and_funnel.ipynb": (["# Retention and the practice funnel", "## Weekly retention", "## The practice funnel"],
                                   ["Share still practising", "learner-exercise pairs"], 2),
    "item_analysis.ipynb": (["# Item analysis", "## Authored against calibrated difficulty"],
                            ["exercises tried", "1.5 levels or more"], 2),
    "learning_curves.ipynb": (["# Learning curves per skill", "## Which skills are learned fastest"],
                              ["Learning curves for", "per try"], 2),
}
VEGA = ("application/vnd.vegalite.v6+json", "application/vnd.vegalite.v5+json")


@pytest.fixture(scope="module")
def home(tmp_path_factory) -> Path:
    """A home with a small demo cohort and a snapshot of it, shared by the three notebooks."""
    home = tmp_path_factory.mktemp("notebook-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        wb.load_demo(learners=8, days=21)
        wb.snapshot(home / "snapshots" / "all")
    return home


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_the_notebook_runs_and_reads_on_its_own(home, name, monkeypatch):
    headings, findings, figures = NOTEBOOKS[name]
    monkeypatch.setenv("WORKBENCH_HOME", str(home))
    monkeypatch.delenv("WORKBENCH_SNAPSHOT", raising=False)
    notebook = nbformat.read(REPO / "notebooks" / name, as_version=4)
    assert not any(cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code"), "stored without outputs"
    NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(REPO)}}).execute()
    markdown = "\n".join(cell.source for cell in notebook.cells if cell.cell_type == "markdown")
    for heading in headings:
        assert heading in markdown
    outputs = [output for cell in notebook.cells if cell.cell_type == "code" for output in cell.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    for finding in findings:
        assert finding in text
    charts = [o for o in outputs if o.output_type in ("display_data", "execute_result")
              and (any(m in o.data for m in VEGA) or "vegaEmbed" in o.data.get("text/html", ""))]
    assert len(charts) >= figures
    snapshot = re.search(r"Snapshot all: ([\d,]+) tries", text)
    assert snapshot and int(snapshot.group(1).replace(",", "")) > 0, "the notebook read some tries"
    assert os.environ["WORKBENCH_HOME"] == str(home)
