"""AppTest of who is in a cohort and who sees it: joining and leaving, and access to the Cohorts page.

Learners join with a code and leave from their Profile page. A learner who leaves while the educator has the
page open is gone from its figures and chooser at once, and one who leaves as the page draws is explained, not
shown. Only educators open the page (and land on it), each seeing only their own cohorts.
"""

from __future__ import annotations

import pytest
from cohorts_page import APP, MARKUP, PAGE, cohort_choice, educator_of, open_page
from sessions import open_page as open_session
from streamlit.testing.v1 import AppTest

from ui.markdown import literal


def test_another_educator_sees_only_their_own_cohorts(wb, class_of_four):
    uma = educator_of(wb, "uma")
    wb.create_cohort(uma.id, "Autumn")
    at = open_page(uma)
    assert cohort_choice(at).options == ["Autumn · 0 learners"]
    assert "Spring ·" not in str(at) and "Ada Learner" not in str(at)


def test_learners_cannot_open_the_page(wb, class_of_four):
    _, _, learners = class_of_four
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = learners[0].id
    at.run()
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(PAGE)


def test_an_educator_lands_on_cohorts_with_their_pages_first(wb):
    tess = educator_of(wb, "tess")
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = tess.id
    at.run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Cohorts"]


# -- the learner's side: joining and leaving from the Profile page --------------------------------


def join_form(at: AppTest):
    return next(t for t in at.text_input if t.label == "Join code")


def test_a_learner_joins_from_the_profile_page_and_leaves(wb, learner):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, "Spring")
    at = open_session(learner, "pages/profile.py")
    join_form(at).input(cohort.display_code.lower())
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert not at.exception, at.exception
    assert [c.id for c, _ in wb.memberships(learner.id)] == [cohort.id]
    assert any("You joined Spring." == s.value for s in at.success)
    assert any("**Spring**, with Tess Teacher" == m.value for m in at.markdown)
    at.button(key=f"leave:{cohort.id}").click().run()
    assert wb.memberships(learner.id) == []
    assert any("You left Spring." == s.value for s in at.success)
    scripts = [h.proto.body for h in at.get("html") if "document.querySelector" in h.proto.body]
    assert any('".st-key-cohort_said"' in body and "focus(" in body for body in scripts), \
        "the row and its button went: the focus goes to what came of it"


def test_the_learner_sees_the_cohort_name_literally(wb, learner):
    tess = educator_of(wb)
    cohort = wb.create_cohort(tess.id, MARKUP)
    at = open_session(learner, "pages/profile.py")
    join_form(at).input(cohort.display_code)
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == [f"You joined {literal(MARKUP)}."]
    assert f"**{literal(MARKUP)}**, with Tess Teacher" in [m.value for m in at.markdown]
    assert join_form(at).value == "", "emptied after a join"
    join_form(at).input(cohort.display_code)
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert [e.value for e in at.error] == [literal(f"You are already in {MARKUP}.")]


def test_a_wrong_code_on_the_profile_page_says_so(wb, learner):
    at = open_session(learner, "pages/profile.py")
    join_form(at).input("NOPE-NOPE")
    at.button(key="FormSubmitter:join_cohort-Join").click().run()
    assert any("No cohort has that code" in e.value for e in at.error)
    assert wb.memberships(learner.id) == []
    assert join_form(at).value == "NOPE-NOPE", "the mistyped code stays, to be corrected"


# -- membership changes while the page is open --------------------------------------------------


def test_a_learner_who_leaves_is_gone_from_the_figures_and_the_selector_at_once(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    assert {m.label: m.value for m in at.metric}["Learners"] == "4"
    wb.leave_cohort(learners[1].id, cohort.id)
    at.run()  # within the minute the dashboard is cached for
    assert not at.exception, at.exception
    assert cohort_choice(at).options == ["Spring · 3 learners"]
    assert {m.label: m.value for m in at.metric}["Learners"] == "3", "the figures agree with the selector"
    assert learners[1].id not in at.selectbox(key="drill_learner").options
    assert "Bob Learner" not in str(at.tabs[1].dataframe[0].value)


def test_a_learner_picked_before_leaving_is_not_a_traceback(wb, class_of_four):
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    wb.leave_cohort(learners[1].id, cohort.id)
    at.run()
    assert not at.exception, at.exception
    assert at.selectbox(key="drill_learner").value is None


def test_a_learner_who_leaves_as_the_page_draws_is_explained(wb, class_of_four, monkeypatch):
    """The race the cache key cannot close: the learner leaves between the dashboard and the drill-down."""
    tess, cohort, learners = class_of_four
    at = open_page(tess)
    read = wb.learner_progress_for

    def leave_first(actor_id, learner_id, *args, **kwargs):
        if wb.memberships(learner_id):
            wb.leave_cohort(learner_id, cohort.id)
        return read(actor_id, learner_id, *args, **kwargs)

    monkeypatch.setattr(wb, "learner_progress_for", leave_first)
    at.selectbox(key="drill_learner").select(learners[1].id).run()
    assert not at.exception, at.exception
    assert [w.value for w in at.tabs[5].warning] == [
        literal("Bob Learner (bob)") + " left this cohort, so their progress is no longer shown to you. "
        "Refresh to see the cohort as it is now."]
    assert not at.tabs[5].metric, "nothing of theirs is shown"
