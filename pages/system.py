"""System: how safely learner code runs here, the state of the exercise bank, educator invitations and demo data."""

import streamlit as st

from ui.routing import through_router

through_router()  # first, before the slow imports: see ui/routing.py

from ui.demo import demo_admin
from ui.generate import generated_review
from ui.invitations import educator_invitations
from ui.session import require_role, workbench

wb = workbench()
user = require_role("educator")
st.title("System")

st.subheader("Sandbox")
isolation = wb.isolation
if isolation.ok:
    st.success(f"Learner code runs fully isolated: {isolation.detail}.", icon=":material/verified_user:")
else:
    st.error(f"**Isolation is weak here ({isolation.level}).** {isolation.detail}. "
             "Install bubblewrap and run as root (or in a container allowed to create namespaces).",
             icon=":material/gpp_bad:")

st.subheader("Exercise bank")
exercises = wb.exercises()
skills = sorted({s for e in exercises for s in e.skills})
left, middle, right = st.columns(3)
left.metric("Exercises", len(exercises))
middle.metric("Skills", len(skills))
right.metric("Invalid folders", len(wb.bank.errors))
for folder, problem in wb.bank.errors.items():
    st.warning(f"{folder}: {problem}")
generated_review(wb)

educator_invitations(wb, user)
demo_admin(wb, user)
