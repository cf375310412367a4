"""Score extracted facts against gold facts (SCHEMA.md): precision, recall and F1 per kind.

Facts match one-to-one within a kind on their required fields; names match when they denote
the same entity: the same key, the same gazetteer party or alliance, or person names whose
words (spelling variants folded) fit one inside the other. This is chunav's own scorer for its
tests and development set; the shared evaluation uses its own ``score.py``.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from chunav.extract.gazetteer import alliances
from chunav.knowledge.gazetteer import index
from chunav.knowledge.normalize import key, names_fit

REQUIRED = {"result": ("election", "constituency", "candidate", "votes"),
            "candidacy": ("person", "constituency", "election"), "membership": ("person", "org"),
            "alliance": ("party", "alliance"), "event": ("type", "actors"),
            "figure": ("value", "subject")}


def _canonical(name: str) -> str:
    entry = index("party").get(key(name))
    if entry is None:
        entry = next((a for a in alliances() if key(name) in {key(n) for n in a.names}), None)
    return key(entry.name) if entry else key(name)


def same_name(a: object, b: object) -> bool:
    """Do two names plausibly denote the same person or organisation?"""
    if a is None or b is None:
        return False
    a, b = str(a), str(b)
    if key(a) == key(b) or _canonical(a) == _canonical(b):
        return True
    return names_fit(_canonical(a), _canonical(b))


def _year_house(election: object) -> tuple[str, str]:
    text = str(election)
    year = re.search(r"(?:19|20)\d\d", text)
    house = "state" if re.search(r"assembly|vidhan|council", text, re.I) else "ls"
    return (year.group(0) if year else ""), house


def match(kind: str, gold: dict, pred: dict) -> bool:
    """Does a predicted fact state the same as a gold one (on the required fields)?"""
    if kind == "event":
        return str(gold.get("type")).upper() == str(pred.get("type")).upper() and any(
            same_name(x, y) for x in gold.get("actors") or [] for y in pred.get("actors") or [])
    if kind == "figure":
        g, p = float(gold["value"]), float(pred.get("value", "nan"))
        return abs(g - p) <= 0.01 * max(abs(g), 1) and bool(
            set(key(gold["subject"]).split()) & set(key(str(pred.get("subject"))).split()))
    for field in REQUIRED[kind]:
        g, p = gold.get(field), pred.get(field)
        if field == "votes":
            if int(g) != int(p or -1):
                return False
        elif field == "election":
            if _year_house(g) != _year_house(p):
                return False
        elif not same_name(g, p):
            return False
    return True


def score(gold: dict[str, list[dict]], pred: dict[str, list[dict]]) -> dict[str, dict]:
    """Per kind and "micro": matched, gold, predicted, precision, recall, f1."""
    counts: dict[str, list[int]] = {}
    for name, facts in gold.items():
        mine = list(pred.get(name, []))
        used = [False] * len(mine)
        for p in mine:
            counts.setdefault(p["kind"], [0, 0, 0])[2] += 1
        for g in facts:
            row = counts.setdefault(g["kind"], [0, 0, 0])
            row[1] += 1
            for i, p in enumerate(mine):
                if not used[i] and p["kind"] == g["kind"] and match(g["kind"], g, p):
                    used[i] = True
                    row[0] += 1
                    break
    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {k: _prf(*c) for k, c in sorted(counts.items())} | {"micro": _prf(*total)}


def _prf(matched: int, gold: int, predicted: int) -> dict:
    p = matched / predicted if predicted else 0.0
    r = matched / gold if gold else 0.0
    return {"matched": matched, "gold": gold, "predicted": predicted, "precision": round(p, 3),
            "recall": round(r, 3), "f1": round(2 * p * r / (p + r), 3) if p + r else 0.0}


def load_dir(folder: str | Path) -> dict[str, list[dict]]:
    """NAME -> facts, from every NAME.jsonl in a folder."""
    return {f.stem: [json.loads(line) for line in f.read_text("utf-8").splitlines()
                     if line.strip()] for f in sorted(Path(folder).glob("*.jsonl"))}
