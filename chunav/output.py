"""Lists as a journalist pastes them: CSV rows, and numbers grouped the Indian way or the
international way. No rich, no click: the CLI and the API both render from here.

    >>> group(516593, indian=True)
    '5,16,593'
    >>> group(516593)
    '516,593'
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Column:
    """One column of a list: the row key it shows, its heading, and whether it is a number
    (right-aligned, grouped, never wrapped)."""

    key: str
    title: str
    number: bool = False


def group(n: int | float | None, indian: bool = False) -> str:
    """``n`` with thousands separators: 5,16,593 in Indian grouping (lakh, crore), 516,593
    otherwise; fractions keep two decimals; None is "-"."""
    if n is None:
        return "-"
    if isinstance(n, float) and not n.is_integer():
        whole, frac = f"{n:.2f}".split(".")
        return f"{group(int(whole), indian)}.{frac}"
    n = int(n)
    if not indian:
        return f"{n:,}"
    sign, digits = ("-", str(-n)) if n < 0 else ("", str(n))
    if len(digits) <= 3:
        return sign + digits
    head, tail = digits[:-3], digits[-3:]
    pairs = [head[max(0, i - 2):i] for i in range(len(head), 0, -2)][::-1]
    return sign + ",".join(pairs) + "," + tail


def cell(value: Any, column: Column, indian: bool = False) -> str:
    """How one value reads in a table: numbers grouped, lists joined, None empty."""
    if value is None:
        return ""
    if column.number and isinstance(value, (int, float)):
        return group(value, indian)
    if isinstance(value, (list, tuple)):
        return ", ".join(str(v) for v in value)
    return str(value)


def to_csv(rows: Iterable[dict], columns: Sequence[Column]) -> str:
    """The rows as CSV with a header line; numbers stay bare (no grouping) so a spreadsheet
    reads them as numbers; lists are joined with "; "."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([c.title for c in columns])
    for row in rows:
        writer.writerow(["" if row.get(c.key) is None else
                         "; ".join(map(str, row[c.key])) if isinstance(row[c.key], (list, tuple))
                         else row[c.key] for c in columns])
    return out.getvalue()
