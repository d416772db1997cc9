"""The Cohorts page in an AppTest: an educator to open it as, the page itself, and its cohort chooser.

Shared by the test_cohorts_*.py files; their ``class_of_four`` fixture lives in conftest.py.
"""

from __future__ import annotations

from factories import REPO
from sessions import open_page as open_session
from streamlit.testing.v1 import AppTest

APP = str(REPO / "app.py")
PAGE = "pages/cohorts.py"


MARKUP = "**Bold** <b>x</b> :red[red] $x^2$"  # a name as someone might type it, to be shown as typed


def educator_of(wb, username="tess"):
    return wb.register(username, f"{username}@example.org", username.title() + " Teacher", "tidy-otter-93",
                       role="educator")


def cohort_choice(at: AppTest):
    """The box choosing the cohort (its key changes with its labels)."""
    [box] = [s for s in at.selectbox if s.label == "Cohort"]
    return box


def open_page(user) -> AppTest:
    return open_session(user, PAGE)
