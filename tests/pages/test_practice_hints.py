"""AppTest of the Practice page's hints: one at a time, counted, as written."""

from __future__ import annotations

import re

from clicks import click
from practice_page import (
    BANK,
    EASY,
    choose,
    type_code,
)

from engine.markdown_text import authored


def test_hints_appear_one_at_a_time_and_are_counted(at, wb, learner):
    choose(at, EASY)
    hints = wb.exercise(EASY).hints
    assert [i.value for i in at.info] == []
    click(at, f"Show a hint (1 of {len(hints)})")
    assert [i.value for i in at.info] == [hints[0]]
    click(at, f"Show a hint (2 of {len(hints)})")
    assert [i.value for i in at.info] == list(hints[:2])
    assert wb.draft(learner.id, EASY).hints_shown == 2
    type_code(at, (BANK / EASY / "reference.py").read_text())
    assert wb.draft(learner.id, EASY).hints_shown == 2, "editing keeps the hint count"
    click(at, "Submit")
    assert wb.history(learner.id)[0].hints_used == 2


def test_a_hint_shows_as_its_author_wrote_it(at, wb):
    """The sieve's third hint said "mark p*p, p*p + p": markdown read it as italics. Any hint of the bank with
    a star outside code will do: it shows escaped, as written."""
    exercise, index = next((e.id, i) for e in wb.bank for i, hint in enumerate(e.hints)
                           if "*" in re.sub(r"`[^`]*`", "", hint))
    choose(at, exercise)
    for number in range(1, index + 2):
        click(at, f"Show a hint ({number} of {len(wb.exercise(exercise).hints)})")
    shown = at.info[index].value
    assert shown == authored(wb.exercise(exercise).hints[index]) and "\\*" in shown


def test_after_the_last_hint_the_button_goes(at, wb):
    choose(at, EASY)
    for number in range(1, 4):
        click(at, f"Show a hint ({number} of 3)")
    assert len(at.info) == 3
    assert not [b for b in at.button if b.label.startswith("Show a hint")]
    assert "That was the last hint. The tutor can help you think it through." in [c.value for c in at.caption]


def test_a_double_click_on_a_hint_shows_one_hint(at, wb, learner):
    """The second click of a double click arrived after the first had shown hint 1, on the same button,
    and showed hint 2 as well."""
    choose(at, EASY)
    button = next(b for b in at.button if b.label.startswith("Show a hint (1 of"))
    button.click().run()
    button.click().run()  # the same button as the browser had it: the click meant hint 1
    assert len(at.info) == 1 and wb.draft(learner.id, EASY).hints_shown == 1
