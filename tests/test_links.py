"""News names link to official candidates (resolve.links), measured on a labelled set we wrote
with hard negatives: two people sharing a surname, family members, close other names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chunav.resolve.links import link_mention

LABELLED = Path(__file__).parent / "data" / "links" / "mentions.jsonl"


def _items() -> list[dict]:
    return [json.loads(line) for line in LABELLED.read_text("utf-8").splitlines() if line]


@pytest.mark.parametrize("item", _items(), ids=lambda i: i["mention"])
def test_each_labelled_mention(item):
    found = link_mention(item["mention"], [(n, n) for n in item["candidates"]])
    assert (found.ballot_name if found else None) == item["expected"], item.get("note")


def test_precision_and_recall_on_the_labelled_set():
    tp = fp = fn = 0
    for item in _items():
        found = link_mention(item["mention"], [(n, n) for n in item["candidates"]])
        got = found.ballot_name if found else None
        tp += got is not None and got == item["expected"]
        fp += got is not None and got != item["expected"]
        fn += item["expected"] is not None and got != item["expected"]
    assert tp / (tp + fp) == 1.0 and tp / (tp + fn) >= 0.95


def test_a_link_says_why():
    found = link_mention("Haji Hanifa Jan", [(1, "MOHMAD HANEEFA"), (2, "TSERING NAMGYAL")])
    assert found.record == 1 and "no other candidate" in found.reason
