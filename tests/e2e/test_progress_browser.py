"""The Progress page in a real browser: a learner with two months of history logs in, opens
Progress, and every chart renders (Vega-Embed draws it, no error). The screenshot is kept as
test-artifacts/progress.png (the README shows docs/progress.png, a copy of one).

The history is written through the engine into a home of its own before that home's server
starts (DuckDB lets one process at a time open a database file for writing).
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from factories import answer_interview
from playwright.sync_api import Page, expect
from practice_history import Try, daily, record

from e2e.conftest import log_in, serve
from engine import Settings, Workbench

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
CHARTS = 5


@pytest.fixture(scope="module")
def progress_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a home holding a learner ("e2e-lin") with two months of practice."""
    home = tmp_path_factory.mktemp("e2e-progress-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        user = wb.register("e2e-lin", "lin@example.org", "Lin Chen", PASSWORD)
        answer_interview(wb, user.id)
        start = datetime.now(UTC).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(days=59)
        record(wb, user.id, start, daily([*range(0, 18), *range(27, 45), *range(50, 60)], per_day=2, seed=5,
                                                   pass_rate=0.85, hint_rate=0.2)
               + [Try(59, minute=40 + k) for k in range(5)])
        wb.mark_celebrated(user.id, [s.id for s in wb.celebrations(user.id)])  # a calm screenshot
    with serve(home) as url:
        yield url


def test_the_progress_page_draws_every_chart(page: Page, progress_app: str, artifacts: Path) -> None:
    page.goto(progress_app)
    sidebar = log_in(page, "e2e-lin", PASSWORD, "Lin Chen")

    sidebar.get_by_role("link", name="Progress").click()
    expect(page.get_by_role("heading", name="Progress", level=1, exact=True)).to_be_visible()
    expect(page.get_by_text("Current streak")).to_be_visible()
    expect(page.get_by_text("10 days", exact=True)).to_be_visible()  # the current streak
    charts = page.get_by_test_id("stVegaLiteChart")
    expect(charts).to_have_count(CHARTS)
    # Vega-Embed has drawn each one: a canvas (or an SVG) with marks in it, and no error
    drawn = page.locator("[data-testid='stVegaLiteChart'] canvas, [data-testid='stVegaLiteChart'] svg.marks")
    expect(drawn).to_have_count(CHARTS)
    for box in drawn.all():
        assert (box.bounding_box() or {}).get("height", 0) > 50
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_text("Error", exact=True)).to_have_count(0)
    expect(page.get_by_text("Work on next:")).to_be_visible()
    expect(page.get_by_role("button", name="Progress report (PDF)")).to_be_visible()
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    # a chart's toolbar shows under the mouse, and while the keyboard is in it: no unseen Tab stops
    show_data = charts.first.locator("xpath=ancestor::*[@data-testid='stElementContainer'][1]").get_by_role(
        "button", name="Show data")
    show_data.focus()
    page.wait_for_function("button => getComputedStyle(button.closest('[data-testid=\"stElementToolbar\"]')).opacity === '1'",
                           arg=show_data.element_handle())

    page.set_viewport_size({"width": 1400, "height": 2500})  # the whole page: Streamlit scrolls inside it
    expect(drawn).to_have_count(CHARTS)
    page.screenshot(path=artifacts / "progress.png")


@pytest.mark.parametrize(("width", "height"), [(1280, 800), (420, 900)], ids=["laptop", "phone"])
def test_the_calendar_fits_beside_nothing_and_spills_over_nothing(page: Page, progress_app: str, width: int,
                                                                   height: int) -> None:
    """The year of squares fits the page's width: the page does not scroll sideways, the calendar stays
    inside the main column, and its summary comes under it rather than drawn over the latest weeks."""
    page.goto(progress_app)
    log_in(page, "e2e-lin", PASSWORD, "Lin Chen").get_by_role("link", name="Progress").click()
    calendar = page.get_by_test_id("stVegaLiteChart").first
    expect(calendar.locator("canvas, svg.marks")).to_have_count(1)
    page.set_viewport_size({"width": width, "height": height})  # the charts are drawn again at the new width
    page.wait_for_timeout(1500)
    summary = page.get_by_text("You practised on", exact=False)
    expect(summary).to_be_visible()
    main = page.get_by_test_id("stMain")
    sizes = main.evaluate("m => [m.scrollWidth, m.clientWidth]")
    assert sizes[0] <= sizes[1], f"the page scrolls sideways: {sizes}"
    drawn = calendar.locator("canvas, svg.marks").bounding_box()
    words = summary.bounding_box()
    column = page.get_by_test_id("stMainBlockContainer").bounding_box()
    assert drawn and words and column
    assert drawn["x"] + drawn["width"] <= column["x"] + column["width"] + 1, "the calendar spills past the column"
    assert words["y"] >= drawn["y"] + drawn["height"] - 1, "the summary is drawn over the calendar"
