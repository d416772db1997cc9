"""The System page's "Educator invitations": the administrator makes, lists and revokes the codes
new educators register with; other educators read who makes them.

Making and revoking act in button callbacks, which run before the page does, so the table drawn
below already holds the change.
"""

from __future__ import annotations

from datetime import datetime

import streamlit as st

from engine import AccessDenied, Invitation, InvitationError, User, Workbench
from engine.chart_words import timed
from engine.invitations import VALID_DAYS
from ui.administrator import someone_else
from ui.session import acting

MADE = "invitation_made"  # the code this session made last: shown to copy while it is still open
ERROR = "invitation_error"  # why the last make or revoke was refused, said once
REVOKED = "invitation_revoked"  # the code just revoked, said once
CHOSEN = "revoke_code"  # the selectbox of open codes


def educator_invitations(wb: Workbench, user: User) -> None:
    """The section: the administrator's tools, or for anyone else, who to ask."""
    st.subheader("Educator invitations")
    who = someone_else(wb, user)
    if who is not None:
        st.caption(f"New educators register with an invitation code. {who}, this install's administrator (its first "
                   "educator), makes them on this page: ask them for one for the educator you want to bring in.")
        return
    st.write(f"Once an educator is registered here, a new educator needs an invitation code to register: make one "
             f"and give it to the person you invite. Each code works once, for {VALID_DAYS} days. Learners need none.")
    if user.is_demo:
        st.caption("You are the demo educator standing in as administrator: until a real educator registers, "
                   "registering as an educator needs no code, and the first to do so becomes the administrator. "
                   "A demo account makes no invitations: its password is public.")
        return
    st.button("Make an invitation", key="invite_educator", icon=":material/person_add:",
              on_click=_make, args=(wb, user))
    _say_what_happened()
    invitations = wb.educator_invitations(user.id)
    _show_made(invitations)
    if not invitations:
        st.caption("No invitations yet.")
        return
    _table(invitations)
    _revoke(wb, user, [i for i in invitations if i.status == "open"])


@acting
def _make(wb: Workbench, user: User) -> None:
    try:
        st.session_state[MADE] = wb.invite_educator(user.id).code
    except AccessDenied as exc:  # no longer the administrator (a real educator registered meanwhile)
        st.session_state[ERROR] = str(exc)


@acting
def _revoke_chosen(wb: Workbench, user: User) -> None:
    code = st.session_state.get(CHOSEN)
    if not code:
        st.session_state[ERROR] = "Choose the invitation to revoke."
        return
    try:
        revoked = wb.revoke_invitation(user.id, code)
    except (InvitationError, AccessDenied) as exc:  # used or revoked meanwhile, in another tab
        st.session_state[ERROR] = str(exc)
        return
    st.session_state[REVOKED] = revoked.display_code
    st.session_state[CHOSEN] = None


def _say_what_happened() -> None:
    refused = st.session_state.pop(ERROR, None)
    if refused:
        st.error(refused, icon=":material/error:")
    revoked = st.session_state.pop(REVOKED, None)
    if revoked:
        st.success(f"Revoked the invitation {revoked}: it can no longer be used.", icon=":material/check:")


def _show_made(invitations: list[Invitation]) -> None:
    """The code made last in this session, to copy, while it can still be used."""
    made = next((i for i in invitations if i.code == st.session_state.get(MADE) and i.status == "open"), None)
    if made is None:
        return
    st.success(f"New invitation, valid until {_when(made.expires_at)}: give this code to the educator you invite. "
               "It works for one registration.", icon=":material/check_circle:")
    st.code(made.display_code, language=None)


def _table(invitations: list[Invitation]) -> None:
    # who used a code first: the columns past a narrow window's edge are the ones read least
    rows = [{"Code": i.display_code, "Status": i.status, "Used by": i.used_by or "", "Used": _when(i.used_at),
             "Expires": _when(i.expires_at), "Made": _when(i.created_at), "Made by": i.made_by}
            for i in invitations]
    st.dataframe(rows, hide_index=True, width="stretch")


def _revoke(wb: Workbench, user: User, open_ones: list[Invitation]) -> None:
    if not open_ones:
        return
    codes = {i.code: i.display_code for i in open_ones}
    if st.session_state.get(CHOSEN) not in codes:
        # nothing chosen yet, or the choice was used, revoked or expired since: the placeholder
        st.session_state[CHOSEN] = None
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    left.selectbox("Revoke an open invitation", list(codes), key=CHOSEN, placeholder="Choose a code",
                   format_func=codes.__getitem__, help="A revoked code can no longer be used to register.")
    right.button("Revoke", key="revoke_invitation", icon=":material/block:", on_click=_revoke_chosen, args=(wb, user))


def _when(moment: datetime | None) -> str:
    return timed(moment) if moment is not None else ""
