"""Facts as the rules find them: one per (kind, key), with every sentence that states it.

A fact stated in two sentences is one fact whose evidence joins both (" … " in the export, as
SCHEMA.md asks); its fields merge, lists growing and missing values filled in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS = ("result", "candidacy", "membership", "alliance", "event", "figure")
EVENT_TYPES = ("MEET", "SUPPORT", "OPPOSE", "RESIGN", "JOIN", "LEAVE", "WITHDRAW", "WIN",
               "DEFEAT", "CONGRATULATE", "DEMAND", "ALLOCATE_SEAT", "STATEMENT")


@dataclass
class Fact:
    """One fact: its kind, fields in SCHEMA.md's terms, and where the article says it."""

    kind: str
    fields: dict[str, Any]
    spans: list[tuple[int, int]] = field(default_factory=list)  # sentence char offsets
    confidence: float = 0.8

    def evidence(self, text: str) -> str:
        """The sentences it rests on, verbatim, joined with " … "."""
        return " … ".join(text[a:b].strip() for a, b in sorted(set(self.spans)))

    def to_json(self, text: str) -> dict[str, Any]:
        """The SCHEMA.md object, with the evidence sentence(s)."""
        out: dict[str, Any] = {"kind": self.kind}
        out.update({k: v for k, v in self.fields.items() if v not in (None, [], "")})
        out["evidence"] = self.evidence(text)
        return out


class FactSet:
    """Facts of one article, merged by key."""

    def __init__(self) -> None:
        self._facts: dict[tuple, Fact] = {}

    def add(self, kind: str, key: tuple, fields: dict[str, Any], span: tuple[int, int],
            confidence: float = 0.8) -> Fact:
        """Add a fact, or merge it into the one with the same key."""
        fact = self._facts.get((kind, *key))
        if fact is None:
            fact = self._facts[(kind, *key)] = Fact(kind, dict(fields), [span], confidence)
            return fact
        fact.spans.append(span)
        for name, value in fields.items():
            old = fact.fields.get(name)
            if isinstance(old, list) and isinstance(value, list):
                fact.fields[name] = old + [v for v in value if v not in old]
            elif old in (None, "", []) and value not in (None, "", []):
                fact.fields[name] = value
        return fact

    def get(self, kind: str, key: tuple) -> Fact | None:
        return self._facts.get((kind, *key))

    def remove(self, kind: str, key: tuple) -> None:
        self._facts.pop((kind, *key), None)

    def of_kind(self, kind: str) -> list[tuple[tuple, Fact]]:
        return [(k[1:], f) for k, f in self._facts.items() if k[0] == kind]

    def __iter__(self):  # noqa: ANN204
        return iter(self._facts.values())
