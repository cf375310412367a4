"""Facts as the extraction reports them, in SCHEMA.md's terms: plain data that the store can load
without loading the NLP stack."""

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
