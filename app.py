"""The Workbench app: router, login gate and shared sidebar. Run with ``streamlit run app.py``."""

from collections.abc import Callable
from pathlib import Path

import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

# a local image: an icon name (":material/...") makes the browser fetch the tab's icon from a CDN
ICON = Path(__file__).parent / "ui" / "icon.png"
PAGES = Path(__file__).parent / "pages"
START = "start"  # the name of a logged-in user's start page, served at the app's address (see start_page)
st.set_page_config(page_title="Workbench", page_icon=str(ICON), layout="wide")
opening = st.empty()  # on every run, so that the page's elements keep their places
if PagesManager.uses_pages_directory:
    # a freshly started server's first run: Streamlit lists every file of pages/ in the sidebar (its
    # legacy way) until st.navigation is called, which is after the engine opens, seconds later
    st.navigation([st.Page(str(path), url_path=path.stem) for path in sorted(PAGES.glob("*.py"))], position="hidden")
    opening.caption("Opening the Workbench…")

from ui import aria, auth, links_wait, page_script, profile_answers, sidebar_drawer  # noqa: E402  (slow: the engine, imported once the list above is hidden)
from ui.celebration import celebrate  # noqa: E402
from ui.demo import offer_demo  # noqa: E402
from ui.markdown import literal  # noqa: E402
from ui.routing import routed, to_the_page_asked_for  # noqa: E402
from ui.session import workbench  # noqa: E402

wb = workbench()
opening.empty()
page_script.hide_scripts()
aria.watch_the_page()
aria.show_focused_toolbars()
aria.popovers_take_the_focus()
sidebar_drawer.behave_as_a_drawer()
links_wait.wait_for_the_text()
profile_answers.ask_before_leaving()
user = auth.restore_session(wb)


def welcome() -> None:
    st.title("Workbench")
    st.write("Practise coding every day: exercises chosen for you, graded by real tests, "
             "with hints that nudge and never give the answer away.")
    auth.login_ended_notice()
    offer_demo(wb)
    log_in, register = st.tabs(["Log in", "Create an account"], key="welcome_tabs")
    with log_in:
        auth.login_form(wb)
    with register:
        auth.register_form(wb)
    auth.keep_cookie()
    auth.sidebar_closed_on_phones()


EDUCATORS_PAGES = ("cohorts", "data", "system")


def for_educators() -> None:
    """An educator's page asked for by a learner (a link shared, an address typed): said in words, where
    Streamlit's "Page not found" dialog covered the page until closed with Escape."""
    st.title("For educators")
    st.info("This page is for educators: it shows the learners of their cohorts. Your own practice is on "
            "Practice, Progress and History.", icon=":material/info:")
    st.page_link(learn[0], label="Go to Practice", icon=":material/arrow_forward:")


def gate(page: str | Callable[[], None], title: str, icon: str) -> list[st.Page]:
    """The one page shown until the user may see the others: at its own address and, hidden, at
    every other page's, so a bookmark or a link opens it instead of Streamlit's "Page not found",
    and opens the page asked for once the gate is passed (a page's identity is its address)."""
    own = Path(page).stem if isinstance(page, str) else None
    return [st.Page(page, title=title, icon=icon, default=True)] + [
        st.Page(page, title=title, icon=icon, url_path=name, visibility="hidden")
        for name in [START, *(path.stem for path in sorted(PAGES.glob("*.py")))] if name != own]


def start_page(page: str, title: str, icon: str, *, starts: bool = True) -> list[st.Page]:
    """The page a user starts on, served at the app's address, and its own address (``/practice``) as a
    hidden way to it: Streamlit reserves the start page's own name, so that address, typed or bookmarked,
    showed "Page not found" before the page. Not where this user ``starts`` (an educator's Practice): the
    page alone."""
    if not starts:
        return [st.Page(page, title=title, icon=icon)]
    start = st.Page(page, title=title, icon=icon, default=True, url_path=START)

    def to_start() -> None:
        st.switch_page(start, query_params=st.query_params.to_dict())  # ?exercise=… goes along

    return [start, st.Page(to_start, title=title, icon=icon, url_path=Path(page).stem, visibility="hidden")]


if user is None:
    front = gate(welcome, "Welcome", ":material/login:")
    navigation = st.navigation(front)
    auth.to_front(front, navigation)
    to_the_page_asked_for(front)
else:
    interviewing = user.role != "educator" and not wb.profile(user.id).completed
    # the pages of work on the exercise open: Practice's addresses, and the Tutor's, where the learner asks about it;
    # time on any other page is time away from it. None while interviewing
    on_the_exercise: list[st.Page] = []
    if interviewing:
        # until the interview is done, it is the only page: it opens on the first unanswered step
        learn = gate("pages/onboarding.py", "Getting started", ":material/waving_hand:")
    else:
        practice = start_page("pages/practice.py", "Practice", ":material/code:", starts=user.role != "educator")
        tutor = st.Page("pages/tutor.py", title="Tutor", icon=":material/forum:")
        on_the_exercise = [*practice, tutor]
        learn = [
            *practice,
            st.Page("pages/progress.py", title="Progress", icon=":material/insights:"),
            st.Page("pages/history.py", title="History", icon=":material/history:"),
            tutor,
            st.Page("pages/memory.py", title="Memory", icon=":material/psychology:"),
            st.Page("pages/profile.py", title="Profile", icon=":material/person:"),
            st.Page("pages/account.py", title="Account", icon=":material/manage_accounts:"),
        ]
    pages = {"Learn": learn}
    if user.role != "educator" and not interviewing:  # an educator's page asked for by a learner
        learn += [st.Page(for_educators, title="For educators", url_path=name, visibility="hidden")
                  for name in EDUCATORS_PAGES]
    if user.role == "educator":  # their own pages first, opening on Cohorts; they may practise too
        pages = {"Teach": [*start_page("pages/cohorts.py", "Cohorts", ":material/groups:"),
                           st.Page("pages/data.py", title="Data", icon=":material/database:"),
                           st.Page("pages/system.py", title="System", icon=":material/shield:")], **pages}
    navigation = st.navigation(pages)
    to_the_page_asked_for([page for group in pages.values() for page in group])
    if st.session_state.get("just_onboarded") and navigation.url_path != learn[0].url_path:
        # the interview answered at another page's address (a bookmark shows it there) leads to Practice too,
        # which greets the learner: it led to that page, an empty History, with no word
        st.switch_page(learn[0])
    if on_the_exercise and navigation.url_path not in {page.url_path for page in on_the_exercise}:
        wb.away_from_exercises(user.id)
    with st.sidebar:
        st.markdown(f"**{literal(user.name)}** · {user.role}")  # the name as typed: no markdown in it acts
        if not wb.isolation.ok:
            st.warning("Sandbox isolation is weak on this server: see the System page.", icon=":material/warning:")
        # where answers are typed: the interview (at whatever address) and the Profile
        auth.logout_button(wb, user, page_of_answers=interviewing or navigation.url_path == "profile")
        auth.keep_cookie()

with routed():
    navigation.run()
if user is not None:
    auth.logout_after_the_page(wb, user)
if user is not None and user.role == "learner":
    # an achievement unlocked since the last run, or by what the page just did (a submission): last, as
    # balloons take a place in the page, and before its elements would move them all, so that the next
    # run showed the page twice (the old copy fading) while it ran
    celebrate(wb, user)
