"""CSV cells that a spreadsheet cannot run: the one place every CSV writer neutralises
formula injection.

A cell beginning with ``=``, ``+``, ``-`` or ``@`` (or a tab or carriage return, which
some spreadsheets skip before reading a formula) is evaluated as a formula when the
file is opened. Following OWASP's advice, such a text cell gets a leading single quote,
which spreadsheets show as text. Numbers are left alone: a negative longitude is data.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value: Any) -> Any:
    """The value as a CSV cell that no spreadsheet evaluates."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_rows(handle: TextIO, fieldnames: Iterable[str], rows: Iterable[Mapping[str, Any]]) -> int:
    """Write a header and ``rows`` as CSV, every text cell neutralised; return the rows written."""
    fieldnames = list(fieldnames)
    writer = csv.DictWriter(handle, fieldnames=fieldnames, lineterminator="\n")
    writer.writerow({name: neutralise(name) for name in fieldnames})
    count = 0
    for row in rows:
        writer.writerow({key: neutralise(value) for key, value in row.items()})
        count += 1
    return count
