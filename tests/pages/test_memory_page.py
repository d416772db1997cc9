"""AppTest of the Memory page: what the tutor remembers, by kind, newest first; deleting is real."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from clicks import click
from factories import REPO
from streamlit.proto.Block_pb2 import Block
from streamlit.testing.v1 import AppTest

from engine.chart_words import timed

APP = str(REPO / "app.py")
EXERCISE = "python/digit-sum"


def memory_page(user) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.session_state["user_id"] = user.id
    at.run()
    at.switch_page("pages/memory.py").run()
    assert not at.exception, at.exception
    assert [t.value for t in at.title] == ["Memory"]
    return at


def texts(at: AppTest) -> list[str]:
    return [t.value for t in at.text]


def remember_some(wb, user_id: int) -> None:
    """A mistake, a hint and a tutor conversation, an hour apart, before the interview's goals (just now)."""
    start = datetime.now(UTC) - timedelta(hours=5)
    for hours, (kind, text) in enumerate([("mistake", "Failed Digit sum (Loops): the test “zero” failed"),
                                          ("hint", "Needed hint 1 on Digit sum (Loops)"),
                                          ("exchange", "Talked about while loops and when they stop")], 1):
        wb.memory.remember(user_id, kind, text, skill="loops", exercise_id=EXERCISE,
                           at=start + timedelta(hours=hours))


def test_the_empty_state_explains_what_is_remembered_and_why(wb, learner):
    wb.forget_all_memories(learner.id)  # the interview's goals were remembered
    at = memory_page(learner)
    [info] = at.info
    for kind in ("Mistakes", "Hints needed", "Goals", "Tutor conversations"):
        assert kind in info.value
    assert not at.main.button and not at.segmented_control


def test_memories_newest_first_with_date_and_a_filter_by_kind(wb, learner):
    remember_some(wb, learner.id)
    wb.memory.remember(wb.register("grace", "grace@example.org", "Grace", "tidy-otter-93").id, "goal", "Goals: web")
    at = memory_page(learner)
    assert texts(at) == ["Goals: Job interviews. Described as: “Pass a coding interview.”",  # just now
                         "Talked about while loops and when they stop", "Needed hint 1 on Digit sum (Loops)",
                         "Failed Digit sum (Loops): the test “zero” failed"]
    goal, conversation = wb.memories(learner.id)[:2]
    assert [c.value for c in at.caption[1:3]] == [f"Goal · {timed(goal.created_at)}",
                                                  f"Tutor conversation · {timed(conversation.created_at)}"]
    [show] = at.segmented_control
    assert show.options == ["All (4)", "Mistakes (1)", "Hints needed (1)", "Goals (1)", "Tutor conversations (1)"]
    show.set_value("hint").run()
    assert texts(at) == ["Needed hint 1 on Digit sum (Loops)"]


def parent(node, key: str, above=None):
    """The block right around the element with ``key``."""
    if getattr(node, "key", None) == key:
        return above
    return next((found for child in getattr(node, "children", {}).values()
                 if (found := parent(child, key, node)) is not None), None)


def test_each_delete_button_sits_in_a_row_beside_its_note_not_in_a_narrow_column(wb, learner):
    """A column of 1/9 of the width cut the button's label to "De…"; in a row it is as wide as its label."""
    remember_some(wb, learner.id)
    at = memory_page(learner)
    for memory in wb.memories(learner.id):
        row = parent(at.main, f"forget-{memory.id}")
        assert row.type == "flex_container", row.type
        assert row.proto.flex_container.direction == Block.FlexContainer.Direction.HORIZONTAL
        assert at.button(key=f"forget-{memory.id}").label == "Delete"
    assert not at.main.columns


def test_delete_one_really_deletes_it(wb, learner):
    remember_some(wb, learner.id)
    hint = wb.memories(learner.id, "hint")[0]
    at = memory_page(learner)
    at.button(key=f"forget-{hint.id}").click().run()
    assert not at.exception, at.exception
    assert [s.value for s in at.success] == ["Deleted."]
    assert "Needed hint 1 on Digit sum (Loops)" not in texts(at) and len(texts(at)) == 3
    assert [m.kind for m in wb.memories(learner.id)] == ["goal", "exchange", "mistake"]
    assert wb.memory.get(learner.id, hint.id) is None
    assert hint.id not in wb.memory.collection.get(where={"user_id": learner.id}, include=[])["ids"]


def test_delete_everything_asks_first_and_cancel_keeps_them(wb, learner):
    remember_some(wb, learner.id)
    at = click(memory_page(learner), "Delete everything…")
    assert "Delete all 4 memories?" in at.warning[0].value
    at = click(at, "Cancel")
    assert not at.warning and len(wb.memories(learner.id)) == 4
    at = click(click(at, "Delete everything…"), "Yes, delete everything")
    assert [s.value for s in at.success] == ["Deleted all 4 memories."]
    assert at.info and wb.memories(learner.id) == []
    assert wb.memory.collection.get(where={"user_id": learner.id}, include=[])["ids"] == []
    assert not at.main.button  # the empty state: nothing left to delete
