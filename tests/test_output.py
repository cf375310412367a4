"""Lists as journalists paste them: Indian grouping, CSV, and tables within 80 columns."""

import csv
import doctest
import io

import pytest

import chunav.output
from chunav.output import Column, group, render_table, to_csv


@pytest.mark.parametrize(("n", "indian", "expected"), [
    (516593, True, "5,16,593"), (516593, False, "516,593"), (999, True, "999"),
    (1000, True, "1,000"), (12345678, True, "1,23,45,678"), (-65259, True, "-65,259"),
    (100000, True, "1,00,000"), (1234.5, True, "1,234.50"), (None, True, "-"),
])
def test_group(n, indian, expected):
    assert group(n, indian) == expected


def test_csv_keeps_numbers_bare_and_joins_lists():
    rows = [{"name": "Mohmad Haneefa", "votes": 65259, "parties": ["IND", "NC"]},
            {"name": 'A "quoted", name', "votes": None, "parties": []}]
    text = to_csv(rows, [Column("name", "Name"), Column("votes", "Votes", number=True),
                         Column("parties", "Parties")])
    back = list(csv.reader(io.StringIO(text)))
    assert back == [["Name", "Votes", "Parties"], ["Mohmad Haneefa", "65259", "IND; NC"],
                    ['A "quoted", name', "", ""]]


def test_the_modules_examples_hold():
    assert doctest.testmod(chunav.output).failed == 0


@pytest.mark.parametrize("width", [40, 60, 80, 100])
def test_tables_wrap_text_to_the_width_and_never_break_a_number(width):
    columns = [Column("name", "Candidate"), Column("party", "Party"),
               Column("votes", "Total votes", number=True), Column("share", "Share", number=True)]
    rows = [["Jamyang Tsering Namgyal (winner)", "Bharatiya Janata Party", "5,16,593", "48.15%"],
            ["Asgar Ali Karbalai", "Independent", "29,365", "23.23%"],
            ["NOTA", "None of the Above", "922", "0.73%"]]
    text = render_table(columns, rows, width=width, title="Ladakh - Lok Sabha 2019",
                        caption="Margin: 10,930 votes (8.65% of 1,26,426)   Turnout: 70.54%")
    lines = text.splitlines()
    assert max(len(line) for line in lines) <= width
    assert lines[0] == "Ladakh - Lok Sabha 2019" and lines[1].startswith("┏")
    body = [line for line in lines if line.startswith("│")]
    for number in ("5,16,593", "48.15%", "29,365", "922", "0.73%"):
        assert any(number in line for line in body)  # whole, on one line
    first = "".join(line.split("│")[1].strip() for line in body)
    assert "JamyangTseringNamgyal(winner)AsgarAliKarbalaiNOTA" in first.replace(" ", "")
    assert (len(body) > len(rows)) is (width < 84)  # the widest rows need 84 columns
    # every row of the box is as wide as its top edge
    assert len({len(line) for line in lines if line[0] in "┏┃┡│└"}) == 1


@pytest.mark.parametrize("width", [57, 60, 70])
def test_text_wraps_between_words_before_any_word_is_broken(width):
    columns = [Column("e", "Election"), Column("w", "Winner"), Column("p", "Party"),
               Column("v", "Votes", number=True), Column("r", "Runner-up")]
    rows = [["Lok Sabha 2024", "Mohmad Haneefa", "Independent", "65,259",
             "Tsering Namgyal (Indian National Congress)"],
            ["Lok Sabha 2009", "Hassan Khan", "Independent", "32,701",
             "Phuntsog Namgyal (Indian National Congress)"]]
    text = render_table(columns, rows, width=width)
    assert max(len(line) for line in text.splitlines()) <= width
    cells = {part.strip() for line in text.splitlines() if line.startswith("│")
             for part in line.strip("│").split("│")}
    words = {w for row in rows for value in row for w in value.split()}
    # every word stands whole in some cell line: the widest columns wrapped at spaces
    assert all(any(w in c.split() for c in cells) for w in words)
