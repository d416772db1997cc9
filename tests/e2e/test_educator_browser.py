"""An educator views a cohort in a real browser: logs in, opens Cohorts, sees the join code, the
activity charts drawn, the at-risk learners with their reasons and the mastery heatmap. The
screenshot is kept as test-artifacts/cohort.png (the README shows docs/cohort.png, a copy of one).

The cohort's history is written through the engine into a home of its own before that home's
server starts (DuckDB lets one process at a time open a database file for writing).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import log_in, serve
from engine import Settings, Workbench

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
LEARNERS = ["Ada Byron", "Ben Okafor", "Chen Wei", "Dara Silva", "Eli Novak", "Fay Moreau"]


@pytest.fixture(scope="module")
def cohort_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a home where "e2e-tess" teaches six learners with four weeks of practice; Dara
    stopped twelve or more days ago."""
    home = tmp_path_factory.mktemp("e2e-cohort-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        tess = wb.register("e2e-tess", "tess@example.org", "Tess Teacher", PASSWORD, role="educator")
        cohort = wb.create_cohort(tess.id, "Evening group")
        rng = random.Random(11)
        exercises = [e.id for e in wb.exercises() if e.difficulty <= 5][:24]
        now = datetime.now(UTC).replace(minute=0, second=0, microsecond=0)
        for i, name in enumerate(LEARNERS):
            learner = wb.register(name.split()[0].lower(), f"{i}@example.org", name, PASSWORD)
            wb.join_cohort(learner.id, cohort.join_code)
            stop = 12 if name.startswith("Dara") else 0
            for day in range(28, stop - 1, -1):
                if rng.random() < 0.4 + 0.08 * i:
                    wb.record_result(learner.id, rng.choice(exercises), rng.random() < 0.45 + 0.08 * i,
                                     hints_used=rng.choice([0, 0, 1, 2]), duration_s=rng.uniform(90, 900),
                                     at=now - timedelta(days=day, hours=rng.randint(1, 8)))
    with serve(home) as url:
        yield url


def drawn_charts(page: Page):
    return page.locator("[data-testid='stVegaLiteChart'] canvas:visible, [data-testid='stVegaLiteChart'] svg.marks:visible")


def test_an_educator_views_a_cohort(page: Page, cohort_app: str, artifacts: Path) -> None:
    page.goto(cohort_app)
    sidebar = log_in(page, "e2e-tess", PASSWORD, "Tess Teacher")
    sidebar.get_by_role("link", name="Cohorts").click()

    expect(page.get_by_role("heading", name="Cohorts", level=1, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stMetric").filter(has_text="Join code")).to_contain_text("-")
    expect(page.get_by_test_id("stMetric").filter(has_text="Learners")).to_contain_text("6")
    expect(drawn_charts(page)).to_have_count(2)  # activity (days and weeks) and the progress histogram
    for box in drawn_charts(page).all():
        assert (box.bounding_box() or {}).get("height", 0) > 80
    expect(page.get_by_test_id("stException")).to_have_count(0)
    expect(page.get_by_test_id("stStatusWidget")).to_have_count(0)
    page.set_viewport_size({"width": 1400, "height": 1500})
    expect(drawn_charts(page)).to_have_count(2)
    page.screenshot(path=artifacts / "cohort.png")

    page.get_by_role("tab", name="At risk").click()
    expect(page.get_by_text("Inactive for a week or more")).to_be_visible()
    expect(page.locator("[data-testid='stDataFrame']:visible")).to_have_count(1)  # the grid draws on a canvas
    page.screenshot(path=artifacts / "cohort-at-risk.png")
    page.get_by_role("tab", name="Mastery").click()
    expect(drawn_charts(page)).to_have_count(1)
    expect(page.get_by_test_id("stException")).to_have_count(0)

    page.get_by_role("button", name="Manage").click()  # rename in the popover
    popover = page.get_by_test_id("stPopoverBody")
    popover.get_by_role("textbox", name="Name").fill("Evening group 2026")
    popover.get_by_role("button", name="Save").click()
    expect(page.get_by_test_id("stAlertContentSuccess")).to_contain_text(
        "Renamed Evening group to Evening group 2026.")
    expect(page.get_by_role("combobox", name="Cohort")).to_have_value("Evening group 2026 · 6 learners")
    page.screenshot(path=artifacts / "cohort-renamed.png")


def columns_past_the_edge(page: Page) -> list[int]:
    """How far the columns of each table shown run past its right edge, in pixels (the grid draws on a
    canvas; its scroller is as wide as the columns)."""
    scrollers = page.locator("[data-testid='stDataFrame']:visible .dvn-scroller")
    return [box.evaluate("e => e.scrollWidth - e.clientWidth") for box in scrollers.all()]


def test_the_tables_fit_a_1000px_window_with_the_sidebar_open(page: Page, cohort_app: str, artifacts: Path) -> None:
    """At 1000 px with the sidebar open a table has about 540 px: names, reasons and titles used to be cut
    off at its edge, the "Why" of the at-risk learners out of sight."""
    page.set_viewport_size({"width": 1000, "height": 800})
    page.goto(cohort_app)
    sidebar = log_in(page, "e2e-tess", PASSWORD, "Tess Teacher")
    sidebar.get_by_role("link", name="Cohorts").click()
    expect(page.get_by_role("heading", name="Cohorts", level=1, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stSidebar")).to_be_visible()
    for tab in ("Learners", "At risk", "Items"):
        page.get_by_role("tab", name=tab).click()
        expect(page.locator("[data-testid='stDataFrame']:visible").first).to_be_visible()
        page.locator("[data-testid='stDataFrame']:visible").first.scroll_into_view_if_needed()
        page.screenshot(path=artifacts / f"cohort-narrow-{tab.lower().replace(' ', '-')}.png")
        assert all(past <= 1 for past in columns_past_the_edge(page)), f"{tab}: {columns_past_the_edge(page)}"


def test_a_bookmark_opens_the_login_then_its_page(page: Page, cohort_app: str) -> None:
    # once the server has run the router, a page's address logged out used to open Streamlit's
    # "Page not found" dialog over the welcome page, and logging in then went to the default page
    page.goto(cohort_app)
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    page.goto(f"{cohort_app}/data")
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
    expect(page.get_by_test_id("stSidebarNav")).to_have_count(0)  # the hidden addresses are not listed
    log_in(page, "e2e-tess", PASSWORD, "Tess Teacher")
    expect(page.get_by_role("heading", name="Data", level=1, exact=True)).to_be_visible()
    assert page.url.endswith("/data")


def test_the_start_pages_own_address_opens_it(page: Page, cohort_app: str) -> None:
    """Typed or bookmarked while logged in, the start page's own address showed "Page not found" first:
    Streamlit serves the start page at the app's address only. (A learner's: tests/e2e/test_browser.py.)"""
    page.goto(cohort_app)
    log_in(page, "e2e-tess", PASSWORD, "Tess Teacher")
    page.wait_for_function("() => document.cookie.includes('workbench_auth=')")  # the login, kept for the next load
    page.goto(f"{cohort_app}/cohorts")
    expect(page.get_by_role("heading", name="Cohorts", level=1, exact=True)).to_be_visible()
    expect(page.get_by_test_id("stDialog")).to_have_count(0)
