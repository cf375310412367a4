"""Facts as the rules find them: one per (kind, key), with every sentence that states it.

A fact stated in two sentences is one fact whose evidence joins both (" … " in the export, as
SCHEMA.md asks); its fields merge, lists growing and missing values filled in.
"""

from __future__ import annotations

from typing import Any

from chunav.facts import EVENT_TYPES, KINDS, Fact

__all__ = ["EVENT_TYPES", "KINDS", "Fact", "FactSet"]


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
        fact.confidence = max(fact.confidence, confidence)
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
