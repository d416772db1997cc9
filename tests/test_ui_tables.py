"""Row heights that let long texts wrap in a narrow table (ui/tables.py)."""

from __future__ import annotations

from ui.tables import WRAPS_ABOVE, lines, wrapped_row_height


def test_lines_break_between_words() -> None:
    assert lines("Ada Byron", 19) == 1
    assert lines("Maximiliana Featherstonehaugh-Okonkwo", 19) == 3, "not 2: the words do not split to fill a line"


def test_short_texts_keep_the_usual_rows() -> None:
    assert wrapped_row_height((["inactive for 9 days", None, ""], 48), (["Ada Byron"], 19)) is None


def test_a_long_text_gets_a_row_tall_enough_to_wrap_it_whole() -> None:
    reason = "success fell from 100% to 0% (the last 14 days against the 26 days before them); " * 2
    height = wrapped_row_height(([reason, "inactive"], 48), (["Ada Byron"], 19))
    assert height is not None and height > WRAPS_ABOVE, "Streamlit wraps only in rows taller than 4rem"
    assert height >= 20 * lines(reason, 48)
    assert wrapped_row_height((["a b"], 48), (["Maximiliana Featherstonehaugh-Okonkwo"], 19)) == max(
        WRAPS_ABOVE + 1, 14 + 20 * 3), "the longest of any column sets the height"
