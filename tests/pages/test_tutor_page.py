"""AppTest of the Tutor page and the tutor panel beside the exercise: asking, the streamed reply,
conversations listed, resumed, renamed and deleted."""

from __future__ import annotations

import re

import pytest
from clicks import click
from factories import REPO
from sessions import open_page
from streamlit.proto.ChatInput_pb2 import ChatInput as ChatInputProto
from streamlit.testing.v1 import AppTest

from engine.chart_words import timed

APP = str(REPO / "app.py")
DIGITS = "python/digit-sum"
RETURNS_TEXT = "def digit_sum(n):\n    return str(n)\n"


def tutor_page(user) -> AppTest:
    at = open_page(user, "pages/tutor.py", timeout=30)
    assert [t.value for t in at.title] == ["Tutor"]
    return at


def chat(at: AppTest) -> list[tuple[str, str]]:
    """(who, first markdown) of each chat message shown."""
    return [(m.name, m.markdown[0].value if len(m.markdown) else "") for m in at.chat_message]


def conversation_buttons(at: AppTest) -> list[str]:
    """The conversations that open with a click: every one listed but the open one."""
    return [b.label for b in at.button if b.key and b.key.startswith("open_conversation:")]


def open_now(at: AppTest) -> list[str]:
    """The conversation marked as the open one in the list (none for a new conversation)."""
    return [m.value.removeprefix(":material/chat: **").removesuffix("**") for m in at.markdown
            if m.value.startswith(":material/chat: **")]


def listed(at: AppTest) -> list[str]:
    return open_now(at) + conversation_buttons(at)  # (the tests' lists have at most one other besides the open one)


def test_ask_about_a_failing_exercise_and_resume_later(wb, learner):
    wb.run_tests(learner.id, DIGITS, RETURNS_TEXT)
    at = tutor_page(learner)
    assert "offline tutor" in at.caption[0].value and conversation_buttons(at) == []
    at.selectbox[0].set_value(DIGITS).run()
    at.chat_input(key="tutor_input").set_value("Why does my code fail?").run()
    assert not at.exception, at.exception
    shown = chat(at)
    assert shown[0] == ("user", "Why does my code fail?")
    assert shown[1][0] == "assistant" and "**three digits**" in shown[1][1] and "`digit_sum(123)`" in shown[1][1]
    assert open_now(at) == ["Why does my code fail?"] and conversation_buttons(at) == []
    assert "About the exercise **Digit sum**." in [c.value for c in at.caption]
    [name] = [t for t in at.text_input if t.label == "Name"]
    assert name.value == "Why does my code fail?", "named by the question asked just now"

    # a new session resumes it from the list
    again = tutor_page(learner)
    assert chat(again) == []
    click(again, "Why does my code fail?")
    assert [who for who, _ in chat(again)] == ["user", "assistant"]



def test_the_offline_tutors_box_never_waits(wb, learner):
    """Only a model's reply disables the box to write in while it is written (tests/e2e): the offline tutor's
    is whole at once, and quick, and a box disabled for it would only flicker."""
    at = tutor_page(learner)
    assert at.chat_input(key="tutor_input").proto.submit_mode == ChatInputProto.SubmitMode.SUBMIT_MODE_SUBMIT

def test_rename_and_delete(wb, learner):
    conversation = wb.start_conversation(learner.id, "Loops")
    list(wb.tutor_reply(learner.id, "explain loops", None, conversation.id))
    other = wb.register("eve", "eve@example.org", "Eve", "correct horse")
    wb.start_conversation(other.id, "Eve's secret")

    at = tutor_page(learner)
    assert conversation_buttons(at) == ["Loops"], "only the learner's own conversations"
    click(at, "Loops")
    at.text_input(key=f"rename:{conversation.id}:Loops").set_value("Loops, again").run()
    click(at, "Rename")
    assert listed(at) == ["Loops, again"]
    assert at.run().text_input(key=f"rename:{conversation.id}:Loops, again").value == "Loops, again"
    click(at, "Delete this conversation…")
    assert listed(at) == ["Loops, again"], "one click only asks"
    assert [w.value for w in at.warning] == ["Delete **Loops, again** and every message in it? This cannot be undone."]
    click(at, "Cancel")
    assert not at.warning and listed(at) == ["Loops, again"]
    click(at, "Delete this conversation…")
    click(at, "Yes, delete it")
    assert listed(at) == [] and wb.conversations(learner.id) == [] and not at.warning


def in_popover(at: AppTest, label: str) -> list:
    """The elements inside the popover called ``label``, in the order it shows them."""
    [popover] = [n for n in in_order(at.main) if n.type == "popover" and getattr(n.proto.popover, "label", "") == label]
    return in_order(popover)


def test_deleting_asks_inside_the_popover_and_says_the_notes_stay_in_memory(wb, learner):
    """The question is asked where the learner clicked: drawn under the popover, the open popover
    covered it and half its buttons. Memory's notes are not the conversation's, and the question says so."""
    wb.start_conversation(learner.id, "Sorting")
    at = tutor_page(learner)
    click(at, "Sorting")
    click(at, "Delete this conversation…")
    inside = in_popover(at, "Rename or delete")
    assert [e.value for e in inside if e.type == "warning"] == [
        "Delete **Sorting** and every message in it? This cannot be undone."]
    assert [e.label for e in inside if e.type == "button"] == ["Rename", "Yes, delete it", "Cancel"]
    notes = [e.value for e in inside if e.type == "caption"]
    assert notes == ["The notes the tutor took from it stay on the **Memory** page, under *Tutor conversations*, "
                     "where you can delete them too."]
    assert [e.label for e in inside if e.type == "page_link"] == ["Open Memory"]
    assert [e.type for e in in_order(at.main)].count("warning") == 1, "asked once, in the popover only"
    click(at, "Yes, delete it")
    assert wb.conversations(learner.id) == [] and not at.warning and listed(at) == []


def test_renaming_to_an_empty_name_says_why_and_keeps_the_name(wb, learner):
    conversation = wb.start_conversation(learner.id, "Loops")
    at = tutor_page(learner)
    click(at, "Loops")
    at.text_input(key=f"rename:{conversation.id}:Loops").set_value("   ").run()
    click(at, "Rename")
    assert not at.exception, at.exception
    assert [e.value for e in at.error] == ["A conversation needs a name."]
    assert listed(at) == ["Loops"]
    at.text_input(key=f"rename:{conversation.id}:Loops").set_value("Loops, again").run()  # the form still works
    click(at, "Rename")
    assert not at.error and listed(at) == ["Loops, again"]


def test_the_list_reads_as_history_with_the_open_conversation_marked(wb, learner):
    general = wb.start_conversation(learner.id, "What is a dictionary?")
    stuck = wb.start_conversation(learner.id, "I'm stuck", exercise_id=DIGITS)
    at = tutor_page(learner)
    assert "**Your conversations**" in [m.value for m in at.markdown]
    assert open_now(at) == [] and conversation_buttons(at) == ["I'm stuck", "What is a dictionary?"]  # newest first
    captions = [c.value for c in at.caption]
    assert f"Digit sum · {timed(stuck.updated_at)}" in captions, "each says what it is about, and when"
    assert f"General question · {timed(general.updated_at)}" in captions

    click(at, "I'm stuck")
    assert open_now(at) == ["I'm stuck"] and conversation_buttons(at) == ["What is a dictionary?"]
    assert f":blue[Open now] · Digit sum · {timed(stuck.updated_at)}" in [c.value for c in at.caption]
    assert not [b.label for b in at.button if b.disabled], "the open one is marked as open, not a greyed-out button"


HINT_NOTICE = ":material/lightbulb: Asking for help with **Digit sum** shows its next hint, counted as a hint used, " \
              "like **Show a hint** on the Practice page."


def test_the_tutor_page_says_help_with_an_exercise_counts_as_a_hint(wb, learner):
    at = tutor_page(learner)
    at.selectbox(key="tutor_exercise").set_value("").run()
    assert HINT_NOTICE not in [c.value for c in at.caption], "a general question uses up no hints"
    at.selectbox(key="tutor_exercise").set_value(DIGITS).run()
    assert HINT_NOTICE in [c.value for c in at.caption]
    at.chat_input(key="tutor_input").set_value("I'm stuck").run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, DIGITS).hints_shown == 1, "what the notice says: the help was a hint, counted"
    assert open_now(at) == ["I'm stuck"] and HINT_NOTICE in [c.value for c in at.caption], "and on, resumed"
    wb.submit(learner.id, DIGITS, wb.exercise(DIGITS).reference)
    at.run()
    assert HINT_NOTICE not in [c.value for c in at.caption], "a solved exercise gives no more hints to count"


VOWELS = "python/count-vowels"
ALL_SEEN = ":material/lightbulb: On **Count the vowels** you have seen all 3 of its hints: asking for help shows the " \
           "last one again, and counts no more."


def test_with_every_hint_seen_the_tutor_page_says_help_shows_the_last_again(wb, learner):
    for _ in range(3):
        wb.reveal_hint(learner.id, VOWELS, "")
    at = tutor_page(learner)
    at.selectbox(key="tutor_exercise").set_value(VOWELS).run()
    captions = [c.value for c in at.caption]
    assert ALL_SEEN in captions and not [c for c in captions if "next hint" in c], captions
    at.chat_input(key="tutor_input").set_value("I'm stuck").run()
    assert not at.exception, at.exception
    last = wb.exercise(VOWELS).hints[-1]
    assert last in "".join(m.value for m in at.chat_message[1].markdown), "what the notice says: the last hint again"
    assert wb.draft(learner.id, VOWELS).hints_shown == 3, "and no more counted"


def test_with_every_hint_seen_the_panel_says_help_shows_the_last_again(wb, learner):
    for _ in range(3):
        wb.reveal_hint(learner.id, DIGITS, "")
    at = practice_after_a_failing_run(wb, learner)
    assert PANEL_NOTICE not in [c.value for c in at.caption]
    assert "On this exercise you have seen all 3 of its hints: asking for help shows the last one again, and counts no " \
           "more." in [c.value for c in at.caption]


def test_the_question_that_uses_the_last_hint_changes_the_notes_at_once(wb, learner):
    """The notes were drawn before the question was answered: the one that used the last hint left them
    saying that asking shows the next one, until the question after."""
    for _ in range(2):
        wb.reveal_hint(learner.id, DIGITS, "")
    at = practice_after_a_failing_run(wb, learner)
    assert PANEL_NOTICE in [c.value for c in at.caption]
    at.chat_input(key=f"panel_input:{DIGITS}").set_value("I'm stuck").run()
    assert not at.exception, at.exception
    assert wb.draft(learner.id, DIGITS).hints_shown == 3
    captions = [c.value for c in at.caption]
    assert PANEL_NOTICE not in captions and any("you have seen all 3 of its hints" in c for c in captions), captions

    for _ in range(2):
        wb.reveal_hint(learner.id, VOWELS, "")
    page = tutor_page(learner)
    page.selectbox(key="tutor_exercise").set_value(VOWELS).run()
    page.chat_input(key="tutor_input").set_value("I'm stuck").run()
    assert not page.exception, page.exception
    assert ALL_SEEN in [c.value for c in page.caption]


def practice_after_a_failing_run(wb, learner) -> AppTest:
    """The Practice page on Digit sum, whose tests the learner has just run and failed."""
    wb.run_tests(learner.id, DIGITS, RETURNS_TEXT)
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state["user_id"] = learner.id
    at.session_state["exercise_id"] = DIGITS
    at.run()
    assert not at.exception, at.exception
    return at


def test_the_tutor_panel_beside_the_exercise(wb, learner):
    at = practice_after_a_failing_run(wb, learner)
    assert "Ask the tutor" in [e.label for e in at.expander]
    at.chat_input(key=f"panel_input:{DIGITS}").set_value("I'm stuck").run()
    assert not at.exception, at.exception
    shown = chat(at)
    assert shown[0] == ("user", "I'm stuck")
    assert "Hint 1 of 3" in at.chat_message[1].markdown[0].value or "Hint 1 of 3" in "".join(
        m.value for m in at.chat_message[1].markdown)
    [conversation] = wb.conversations(learner.id, exercise_id=DIGITS)
    assert [m.role for m in wb.conversation_messages(learner.id, conversation.id)] == ["learner", "tutor"]
    # the hint the tutor gave is counted, and the hints beside the exercise show it at once
    assert wb.draft(learner.id, DIGITS).hints_shown == 1
    assert "Show a hint (2 of 3)" in [b.label for b in at.button]
    assert wb.exercise(DIGITS).hints[0] in [i.value for i in at.info]


PANEL_NOTICE = "Asking for help shows the exercise's next hint, counted as a hint used, like **Show a hint**."


def test_the_panel_keeps_a_pasted_tracebacks_lines_and_says_nothing_of_hints_once_solved(wb, learner):
    at = practice_after_a_failing_run(wb, learner)
    assert PANEL_NOTICE in [c.value for c in at.caption]
    at.chat_input(key=f"panel_input:{DIGITS}").set_value("Why?\nTraceback (most recent call last):\n  File x").run()
    # the indent kept as non-breaking spaces: markdown drops a line's leading spaces
    assert at.chat_message[0].markdown[0].value == "Why?  \nTraceback (most recent call last):  \n\u00a0\u00a0File x"
    wb.submit(learner.id, DIGITS, wb.exercise(DIGITS).reference)
    at.run()
    assert PANEL_NOTICE not in [c.value for c in at.caption], "a solved exercise gives no more hints"


def in_order(node, found=None) -> list:
    """The elements under ``node``, depth first, in the order the page shows them."""
    found = [] if found is None else found
    found.append(node)
    for child in getattr(node, "children", {}).values():
        in_order(child, found)
    return found


def below_the_conversation(elements) -> bool:
    """The chat input comes after every message: newest exchange above the box, as in any chat."""
    kinds = [e.type for e in elements]
    return kinds.count("chat_input") == 1 and "chat_message" in kinds and \
        max(i for i, k in enumerate(kinds) if k == "chat_message") < kinds.index("chat_input")


def test_the_panel_keeps_its_input_below_the_whole_conversation_and_counts_no_hint_for_a_question(wb, learner):
    at = practice_after_a_failing_run(wb, learner)
    for question in ["Why does my code fail?", "What is a digit?"]:
        at.chat_input(key=f"panel_input:{DIGITS}").set_value(question).run()
        assert not at.exception, at.exception
        [panel] = [e for e in at.expander if e.label == "Ask the tutor"]
        assert below_the_conversation(in_order(panel)), [e.type for e in in_order(panel)]
    assert [who for who, _ in chat(at)] == ["user", "assistant", "user", "assistant"]
    assert not any("Hint" in m.value for message in at.chat_message for m in message.markdown)
    assert "Show a hint (1 of 3)" in [b.label for b in at.button], "questions use up no hints"



def test_every_title_in_the_list_is_left_aligned(wb, learner):
    """A button centres its label, so a title that wrapped stood centred under the open one; the
    list's buttons are styled to start at the left, like the open conversation's name."""
    for title in ["Loops", "What is a dictionary? A long title that wraps in the narrow list"]:
        wb.start_conversation(learner.id, title)
    at = tutor_page(learner)
    [listing] = [n for n in in_order(at.main) if n.type == "flex_container" and n.proto.id.endswith("-conversation_list")]
    assert sorted(b.label for b in in_order(listing) if b.type == "button") == sorted(conversation_buttons(at))
    styles = " ".join(h.proto.body for h in at.get("html"))
    assert '.st-key-conversation_list [data-testid="stBaseButton-tertiary"]' in styles
    assert "justify-content: flex-start" in styles and "text-align: left" in styles


def test_the_chat_placeholder_fits_one_line_of_the_panel(wb, learner):
    """Beside the exercise the panel is half the page: at 1280 px its box showed about 35 characters,
    and the old placeholder was cut after "Ask the tutor: what you tried, what"."""
    from ui.tutor_panel import PLACEHOLDER

    at = practice_after_a_failing_run(wb, learner)
    assert at.chat_input(key=f"panel_input:{DIGITS}").placeholder == PLACEHOLDER
    assert len(PLACEHOLDER) <= 36 and "try" in PLACEHOLDER and "happened" in PLACEHOLDER


# -- long messages: pasted, never dropped ------------------------------------------------------------

TRACEBACK = "Why does this recurse forever?\n\nTraceback (most recent call last):\n" + "".join(
    f'  File "solution.py", line {i}, in digit_sum\n    return digit_sum(n // 10)\n' for i in range(73)) + \
    "RecursionError: maximum recursion depth exceeded"


def test_the_traceback_is_longer_than_the_tutor_reads():
    from engine.tutor import MAX_MESSAGE

    assert 5_500 <= len(TRACEBACK) <= 6_000 and MAX_MESSAGE == 5_000


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        pytest.param("Why?", "Why?", id="short"),
        pytest.param("  Why?\n", "Why?", id="outer-spaces-as-the-engine-strips-them"),
        pytest.param("x" * 5_000, "x" * 5_000, id="the-limit-itself"),
    ],
)
def test_a_message_within_the_limit_is_kept_whole(text, kept):
    from ui.tutor_panel import shortened

    assert shortened(text) == (kept, 0)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("x" * 5_001, id="one-too-many"),
        pytest.param("y" * 20_000, id="no-line-breaks"),
        pytest.param(TRACEBACK, id="traceback"),
    ],
)
def test_a_longer_message_keeps_its_start_and_end_and_says_what_was_left_out(text):
    from engine.guardrails import check_length
    from ui.tutor_panel import shortened

    cut_text, cut = shortened(text)
    head, marker, tail = re.split(r"(\n\n\[… [\d,]+ characters left out here: the tutor reads at most 5,000 …\]\n\n)",
                                  cut_text)
    assert len(head) + len(tail) <= 5_000 and text.startswith(head) and text.endswith(tail)
    assert check_length(cut_text) is None, "the note in the middle is not the learner's: the tutor reads it all"
    assert len(head) + len(tail) + cut == len(text) and f" {cut:,} characters" in marker
    if "\n" not in text:  # no line break to cut at: exactly what goes past the limit is left out
        assert cut == len(text) - 5_000
    assert min(len(head), len(tail)) > 2_000, "both ends keep a good part"
    if text == TRACEBACK:
        assert f"{head}\n" in text and f"\n{tail}" in text, "cut at line breaks"
        assert tail.startswith("  File "), "not at a line indented as code: markdown would make it a code block"


def test_a_pasted_traceback_past_the_limit_is_shortened_not_dropped(wb, learner):
    """The chat input sets no max_chars: with it, the browser ignored a paste past the limit, silently.
    The message is cut to what the tutor reads, its start and end kept, and the learner told so."""
    at = tutor_page(learner)
    assert at.chat_input(key="tutor_input").proto.max_chars == 0, "a longer paste reaches the page"
    at.chat_input(key="tutor_input").set_value(TRACEBACK).run()
    assert not at.exception, at.exception
    mine, reply = at.chat_message[0], at.chat_message[1]
    # as sent: the page keeps its line breaks as hard breaks and its indents as non-breaking spaces
    shown = mine.markdown[0].value.replace("  \n", "\n").replace("\u00a0", " ")
    assert shown.startswith("Why does this recurse forever?") and shown.endswith("RecursionError: maximum recursion "
                                                                                 "depth exceeded")
    assert "characters left out here: the tutor reads at most 5,000" in shown
    [warning] = [w.value for w in mine.warning]
    assert warning.startswith(f"Your message was {len(TRACEBACK):,} characters long; the tutor reads at most 5,000, so ")
    assert "the tutor reads at most" not in "".join(m.value for m in reply.markdown), "answered, not refused"
    [conversation] = wb.conversations(learner.id)
    assert [m.content for m in wb.conversation_messages(learner.id, conversation.id) if m.role == "learner"] == [shown]


def test_the_note_counts_the_learners_characters_left_out(wb, learner):
    """6,000 characters, the tutor reads 5,000: 1,000 are left out. The note put where the message was cut
    is not the learner's, and took 71 of the 5,000: the learner was told 1,071."""
    at = tutor_page(learner)
    at.chat_input(key="tutor_input").set_value("Why? " + "x" * 5_995).run()
    assert not at.exception, at.exception
    [warning] = [w.value for w in at.chat_message[0].warning]
    assert warning.startswith("Your message was 6,000 characters long; the tutor reads at most 5,000, so 1,000 "
                              "characters from its middle were left out."), warning
    assert "the tutor reads at most" not in "".join(m.value for m in at.chat_message[1].markdown), "answered, not refused"


def test_the_panel_shortens_a_long_paste_too(wb, learner):
    at = practice_after_a_failing_run(wb, learner)
    assert at.chat_input(key=f"panel_input:{DIGITS}").proto.max_chars == 0
    at.chat_input(key=f"panel_input:{DIGITS}").set_value(TRACEBACK).run()
    assert not at.exception, at.exception
    assert at.chat_message[0].markdown[0].value.endswith("RecursionError: maximum recursion depth exceeded")
    assert len(at.chat_message[0].warning) == 1


def test_a_long_name_is_shortened_and_the_toast_says_so(wb, learner):
    conversation = wb.start_conversation(learner.id, "Loops")
    at = tutor_page(learner)
    click(at, "Loops")
    box = at.text_input(key=f"rename:{conversation.id}:Loops")
    assert not box.max_chars, "a longer paste reaches the page"
    box.set_value("Loops " * 30).run()
    click(at, "Rename")
    assert [t.value for t in at.toast] == ["Conversation renamed. The name was shortened to 80 characters, "
                                           "the most a name can have."]
    [renamed] = wb.conversations(learner.id)
    assert len(renamed.title) == 80 and renamed.title.startswith("Loops Loops")


def test_conversation_titles_show_as_typed(wb, learner):
    """A title is the learner's first question: its markdown does not act in the list's buttons either."""
    from ui.markdown import literal

    typed = "what does **kwargs do? :red[x] [link](https://example.org)"
    wb.start_conversation(learner.id, typed)
    wb.start_conversation(learner.id, "Loops")
    at = tutor_page(learner)
    assert conversation_buttons(at) == [literal("Loops"), literal(typed)]
