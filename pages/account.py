"""Account: who you are here, a new password, and deleting the account with everything kept about you."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from engine import AccountError, FolderInUse, LoginError
from engine.accounts import DEMO_ACCOUNTS_GO_TOGETHER, DEMO_PASSWORD_KEPT, MIN_PASSWORD
from ui import auth
from ui.markdown import literal
from ui.session import require_user, workbench

wb = workbench()
user = require_user()

NOTICE = "account_notice"  # what the last change did, said once the page is drawn again

st.title("Account")
st.markdown(f"**{literal(user.name)}** · username **{literal(user.username)}** · {literal(user.email)} · {user.role}")
if notice := st.session_state.pop(NOTICE, None):
    st.success(notice, icon=":material/check_circle:")

st.header("Password", divider="gray")
if user.is_demo:
    st.info(DEMO_PASSWORD_KEPT, icon=":material/info:")
else:
    # cleared on every submit, right or wrong: passwords are not kept in the session longer than the one run
    with st.form("change_password", clear_on_submit=True):
        current = st.text_input("Current password", type="password", autocomplete="current-password")
        new = st.text_input("New password", type="password", autocomplete="new-password",
                            help=f"At least {MIN_PASSWORD} characters, and not a common password or your own name: "
                                 "a few unrelated words make a strong one.")
        repeat = st.text_input("Repeat the new password", type="password", autocomplete="new-password")
        changed = st.form_submit_button("Change password", type="primary")
    st.caption("Changing it logs you out everywhere else: other tabs, other devices.")
    if changed:
        if new != repeat:
            st.error("The two new passwords differ. Please type them again.")
        else:
            try:
                wb.change_password(user.id, current, new)
            except (LoginError, AccountError) as exc:
                st.error(str(exc))
            else:
                st.session_state[NOTICE] = "Your password was changed, and every other session of yours has ended."
                auth.renew(wb, user)

st.header("Delete your account", divider="gray")
gone = ["your account", "your interview answers", "every attempt, draft and hint", "your level and skill estimates",
        "your review schedule and daily sets", "your achievements", "your tutor conversations and what the tutor remembers",
        "your cohort memberships"]
if user.role == "educator":
    gone.remove("your interview answers")  # an educator answers none
    cohorts = wb.cohorts(user.id)
    gone.append(f"your {len(cohorts)} cohort{'s' if len(cohorts) != 1 else ''} (their learners keep their own accounts)"
                if cohorts else "any cohort you create")
if not user.is_demo:
    st.write(f"This deletes {', '.join(gone[:-1])} and {gone[-1]}, for good. Your results also stop counting toward "
             "how hard each exercise is. To keep a copy, download everything first from the Progress page.")
if wb.accounts.is_administrator(user.id) and not user.is_demo:
    st.warning("You run this Workbench (the System page). Once you are gone, the educator who registered after you "
               "takes over; with none, the next person to register as an educator does, without an invitation.",
               icon=":material/shield:")
if user.is_demo:
    st.info(DEMO_ACCOUNTS_GO_TOGETHER, icon=":material/info:")
else:
    # the tick first, outside the form, enabling its button: ticked after the password inside the form, a
    # forgotten tick was told only on submit, which clears the password typed
    sure = st.checkbox("I understand that this cannot be undone.", key="delete_sure")
    with st.form("delete_account", clear_on_submit=True):
        password = st.text_input("Your password", type="password", autocomplete="current-password")
        delete = st.form_submit_button("Delete my account for good", icon=":material/delete_forever:", disabled=not sure,
                                       help=None if sure else "Tick the box above first.")
    if delete and sure:
        try:
            with st.spinner("Deleting your account…"):
                wb.delete_account(user.id, password)
        except (LoginError, AccountError) as exc:
            st.error(str(exc))
        except FolderInUse as exc:
            st.error(f"Your account was not deleted: {exc}")
        else:
            auth.deleted(wb, user)
