"""Lists as journalists paste them: Indian grouping, CSV, and tables within 80 columns."""

import csv
import io

import pytest

from chunav.output import Column, group, to_csv


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
