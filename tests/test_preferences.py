"""Preferences: a user's settings of the app, kept per user, with defaults and checked values."""

from __future__ import annotations

import pytest

from engine.preferences import CHOICES, Preferences


@pytest.fixture
def learner(wb):
    return wb.register("ada", "ada@example.org", "Ada", "tidy-otter-93")


def test_a_new_user_has_the_defaults(wb, learner):
    assert wb.preferences(learner.id) == {name: values[0] for name, values in CHOICES.items()}


def test_a_choice_is_kept_for_its_user_only(wb, learner):
    other = wb.register("bea", "bea@example.org", "Bea", "tidy-otter-93")
    wb.set_preference(learner.id, "editor", "plain")
    assert wb.preferences(learner.id)["editor"] == "plain"
    assert wb.preferences(other.id)["editor"] == "code"
    wb.set_preference(learner.id, "editor", "code")  # changed back: one row per user and name
    assert wb.preferences(learner.id)["editor"] == "code"
    assert wb.store.scalar("SELECT count(*) FROM preferences WHERE user_id = ?", [learner.id]) == 1


@pytest.mark.parametrize(("name", "value", "message"), [
    ("editor", "vim", "editor must be one of code, plain, not 'vim'"),
    ("theme", "dark", "unknown preference 'theme': one of editor"),
])
def test_an_unknown_name_or_value_is_refused(wb, learner, name, value, message):
    with pytest.raises(ValueError, match=message):
        wb.set_preference(learner.id, name, value)
    assert wb.preferences(learner.id)["editor"] == "code"


def test_a_value_no_longer_offered_reads_as_the_default(wb, learner):
    """A value stored by an older version, say, is never handed to a page that cannot show it."""
    wb.store.execute("INSERT INTO preferences VALUES (?, 'editor', 'emacs', now())", [learner.id])
    assert Preferences(wb.store).get(learner.id)["editor"] == "code"
