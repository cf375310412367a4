"""Lists as a journalist pastes them: CSV rows, boxed text tables that fit the terminal, and
numbers grouped the Indian way or the international way. No rich, no click: the CLI and the API
both render from here, and a command that prints a table pays for no rendering library.

    >>> group(516593, indian=True)
    '5,16,593'
    >>> group(516593)
    '516,593'
"""

from __future__ import annotations

import csv
import io
import textwrap
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


MIN_TEXT_WIDTH = 6  # a text column narrower than this reads as noise


def render_table(columns: Sequence[Column], rows: Iterable[Sequence[str]], *, width: int = 80,
                 title: str = "", caption: str = "") -> str:
    """``rows`` (cells already formatted, as :func:`cell` does) as a boxed table no wider than
    ``width`` when it can be: text columns wrap, widest first, and a number is never broken.
    The title goes above, left-aligned, and the caption below; both wrap to ``width``.

    >>> print(render_table([Column("c", "Candidate"), Column("v", "Votes", number=True)],
    ...                    [["Mohmad Haneefa", "65,259"]], title="Ladakh"), end="")
    Ladakh
    ┏━━━━━━━━━━━━━━━━┳━━━━━━━━┓
    ┃ Candidate      ┃  Votes ┃
    ┡━━━━━━━━━━━━━━━━╇━━━━━━━━┩
    │ Mohmad Haneefa │ 65,259 │
    └────────────────┴────────┘
    """
    rows = [list(r) for r in rows]
    widths = [max([len(c.title), *(len(r[i]) for r in rows)]) for i, c in enumerate(columns)]
    # How narrow each column may get: a number keeps its widest value (its heading may wrap
    # between words); text wraps between words first (down to its longest word, ``soft``) and
    # only then folds words, down to a few characters (``hard``).
    def longest_word(i: int) -> int:
        return max((len(w) for t in [columns[i].title, *(r[i] for r in rows)]
                    for w in t.split()), default=0)

    soft, hard = [], []
    for i, c in enumerate(columns):
        if c.number:
            floor = max([len(w) for w in c.title.split()] + [len(r[i]) for r in rows])
            soft.append(floor)
            hard.append(floor)
        else:
            soft.append(min(widths[i], max(longest_word(i), MIN_TEXT_WIDTH)))
            hard.append(min(widths[i], MIN_TEXT_WIDTH))
    # Borders and padding take 3 characters a column and one more for the right edge.
    excess = sum(widths) + 3 * len(columns) + 1 - width
    for floors in (soft, hard):
        while excess > 0:
            slack = [i for i in range(len(columns)) if widths[i] > floors[i]]
            if not slack:
                break
            widths[max(slack, key=lambda i: widths[i])] -= 1
            excess -= 1

    def line(left: str, fill: str, mid: str, right: str) -> str:
        return left + mid.join(fill * (w + 2) for w in widths) + right

    def lines_of(cells: Sequence[str], edge: str) -> list[str]:
        wrapped = [[part.rjust(w) if c.number else part.ljust(w)
                    for part in textwrap.wrap(cells[i], w, break_on_hyphens=False) or [""]]
                   for i, (c, w) in enumerate(zip(columns, widths, strict=True))]
        height = max(len(cell_lines) for cell_lines in wrapped)
        return [edge + edge.join(f" {(cw[k] if k < len(cw) else ' ' * w)} "
                                 for cw, w in zip(wrapped, widths, strict=True)) + edge
                for k in range(height)]

    out = textwrap.wrap(title, width) if title else []
    out.append(line("┏", "━", "┳", "┓"))
    out += lines_of([c.title for c in columns], "┃")
    out.append(line("┡", "━", "╇", "┩"))
    for row in rows:
        out += lines_of(row, "│")
    out.append(line("└", "─", "┴", "┘"))
    if caption:
        out += textwrap.wrap(caption, width)
    return "\n".join(out) + "\n"
