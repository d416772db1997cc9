"""The Data page's SQL console in a real browser: what the analyst types stays theirs.

Only a browser shows when typed text reaches the server (on leaving the box, with a click elsewhere);
an AppTest sets a widget's value on the server directly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from playwright.sync_api import Page, expect

from e2e.conftest import log_in, serve
from e2e.test_browser import expect_idle, expect_page, go_to
from engine import Settings, Workbench

pytestmark = pytest.mark.e2e

PASSWORD = "correct horse battery"
TYPED = "SELECT range AS typed FROM range(7)"  # seven rows: no example gives as many here
EXAMPLE = "Weekly active learners"


@pytest.fixture(scope="module")
def data_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server on a home where "e2e-dana" teaches a cohort of one learner."""
    home = tmp_path_factory.mktemp("e2e-data-home")
    with Workbench.open(settings=Settings(home=home, bcrypt_rounds=4)) as wb:
        dana = wb.register("e2e-dana", "dana@example.org", "Dana Analyst", PASSWORD, role="educator")
        cohort = wb.create_cohort(dana.id, "Morning group")
        learner = wb.register("lee", "lee@example.org", "Lee Learner", PASSWORD)
        wb.join_cohort(learner.id, cohort.join_code)
    with serve(home) as url:
        yield url


def open_data_page(page: Page, url: str) -> None:
    page.goto(url)
    log_in(page, "e2e-dana", PASSWORD, "Dana Analyst").get_by_role("link", name="Data").click()
    expect_page(page, "Data")
    expect_idle(page)


def choose_example(page: Page, title: str) -> None:
    page.get_by_role("combobox", name="Examples").click()
    page.get_by_role("option", name=title).click()
    expect_idle(page)


def test_a_query_typed_and_not_run_can_be_put_back_after_choosing_an_example(page: Page, data_app: str) -> None:
    """Typed, not run, then an example chosen: the box was in a form, whose text reaches the server only when
    the form is sent, so the server knew only the query before; the example replaced the typed one, lost."""
    open_data_page(page, data_app)
    box = page.get_by_role("textbox", name="SQL")
    box.fill(TYPED)
    choose_example(page, EXAMPLE)
    expect(box).to_have_value(re.compile(r"^SELECT CAST\(date_trunc\('week', day\) AS DATE\) AS week"))
    page.get_by_role("button", name="Put my query back").click()
    expect_idle(page)
    expect(box).to_have_value(TYPED)
    page.get_by_role("button", name="Run").click()
    expect(page.get_by_text(re.compile(r"^7 rows in \d+ ms$"))).to_be_visible()


def test_ctrl_enter_in_the_box_runs_the_query_typed(page: Page, data_app: str) -> None:
    """In a form, Ctrl+Enter in the box sent the form; out of it, the box keeps the text and Run's shortcut runs it."""
    open_data_page(page, data_app)
    box = page.get_by_role("textbox", name="SQL")
    box.fill(TYPED)
    box.press("Control+Enter")
    expect(page.get_by_text(re.compile(r"^7 rows in \d+ ms$"))).to_be_visible()
    expect(box).to_have_value(TYPED)


def test_a_query_typed_and_not_run_is_still_there_after_another_page(page: Page, data_app: str) -> None:
    """The box's text is kept under a key of its own by the Data page's run; a query typed and left for another
    page never had such a run, and Streamlit forgets the box's own state once a page does not draw it."""
    open_data_page(page, data_app)
    page.get_by_role("textbox", name="SQL").fill(TYPED)
    go_to(page, "Cohorts")
    go_to(page, "Data")
    expect(page.get_by_role("textbox", name="SQL")).to_have_value(TYPED)
