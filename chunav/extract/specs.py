"""Event specs (``data/events.v1.toml``): per SCHEMA.md event type its triggers, the checks a
trigger must pass, how its arguments are found and what state facts it implies.

The file's header documents every field. :func:`bundled` is the shipped file, parsed once;
:func:`load` reads another (a test's modified copy, a newer version).
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from chunav.facts import EVENT_TYPES

EVENTS_FILE = "events.v1.toml"


def matches(word: str, words: Collection[str]) -> bool:
    """Is the word one of these, where "name*" stands for any word beginning "name"?"""
    return word in words or any(w.endswith("*") and word.startswith(w[:-1]) for w in words)


@dataclass(frozen=True)
class Check:
    """A condition a trigger must meet (see the spec file's header)."""

    words: frozenset[str] = frozenset()
    forms: frozenset[str] = frozenset()
    window: int = 5
    cut: frozenset[str] = frozenset()
    after_any: frozenset[str] = frozenset()
    after_kinds: frozenset[str] = frozenset()
    after_also: frozenset[str] = frozenset()
    after_none: frozenset[str] = frozenset()
    next_any: frozenset[str] = frozenset()
    next_none: frozenset[str] = frozenset()
    prev_any: frozenset[str] = frozenset()
    prev_none: frozenset[str] = frozenset()
    not_state_next: bool = False
    not_number_next: bool = False
    seat_named: bool = False

    def applies(self, trigger: str, form: str) -> bool:
        """Does the check apply to this trigger (its first word, lower case) of this form?"""
        return (not self.words or trigger in self.words) and (not self.forms or form in self.forms)

    @property
    def alternatives(self) -> bool:
        """Does the check name conditions of which one is enough?"""
        return bool(self.after_any or self.after_kinds or self.next_any or self.prev_any)


@dataclass(frozen=True)
class Prefer:
    """A target preferred over the mode's own: a mention of these kinds, governed by one of
    these prepositions, within so many tokens of the trigger."""

    kinds: frozenset[str]
    governed_by: tuple[str, ...]
    within: int
    first_only: bool = False
    not_before_person: bool = False


@dataclass(frozen=True)
class Targets:
    """How a type's targets are found (see the spec file's header)."""

    mode: str = "mentions"
    kinds: frozenset[str] = frozenset()
    within: int | None = None
    group: bool = False
    max: int | None = None
    fallback_kinds: frozenset[str] | None = None  # None: any agent
    fallback_max: int = 0
    skip_led: bool = False
    party_back: bool = False
    as_role: bool = False
    phrase_after: frozenset[str] = frozenset()
    prefer: Prefer | None = None
    # "met X on Monday and Y on Tuesday": after these words a further target, with only
    # adjuncts between, is a second act whose verb is left out
    gapped: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Implication:
    """A state fact an event implies: its kind, the target kinds it follows from (none: the
    actors alone), the actor kinds it holds for (none: any), and the status, field or
    contest outcome it sets."""

    fact: str
    kinds: frozenset[str] = frozenset()
    actors: frozenset[str] = frozenset()
    status: str | None = None
    field: str | None = None
    outcome: str | None = None


@dataclass(frozen=True)
class Voice:
    """Word triggers passive in meaning when the next or previous word is one of these."""

    words: frozenset[str]
    next_any: frozenset[str]
    prev_any: frozenset[str]


@dataclass(frozen=True)
class EventSpec:
    """One event type's spec."""

    type: str
    words: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    nouns: tuple[str, ...] = ()
    inverse: tuple[str, ...] = ()
    inverse_link: str | None = None
    roles: dict[str, str] = field(default_factory=dict)
    noun_roles: dict[str, dict[str, str]] = field(default_factory=dict)  # a noun's own roles
    light_verbs: frozenset[str] = frozenset()
    checks: tuple[Check, ...] = ()
    voice: tuple[Voice, ...] = ()
    actors: str = "subject"
    along_with: bool = False
    place: bool = False
    fallback: bool = False
    first_actor: frozenset[str] = frozenset()
    covered_by: frozenset[str] = frozenset()
    targets: Targets = Targets()
    implies: tuple[Implication, ...] = ()
    syntax: dict[str, Any] = field(default_factory=dict)
    identity: dict[str, bool] = field(default_factory=dict)
    merge_reports: bool = False
    infinitive: dict[str, frozenset[str]] = field(default_factory=dict)
    lists: dict[str, frozenset[str]] = field(default_factory=dict)

    def triggers(self) -> Iterator[tuple[str, str]]:
        """(text, form) of every trigger."""
        for form, texts in (("word", self.words), ("phrase", self.phrases),
                            ("noun", self.nouns), ("inverse", self.inverse)):
            for text in texts:
                yield text, form


@dataclass(frozen=True)
class Specs:
    """All event specs of one file, with the blockers and syntax defaults they share."""

    version: int
    events: dict[str, EventSpec]
    blockers: dict[str, Any]
    syntax: dict[str, Any]
    passive: dict[str, frozenset[str]]
    expelled: dict[str, Any]
    source: str

    def __getitem__(self, typ: str) -> EventSpec:
        return self.events[typ]

    def relation_role(self, typ: str, relation: str) -> str | None:
        """The role ("actor" or "target") a dependency relation fills for this type: the
        type's own ``syntax`` table, else the shared one."""
        own = self.events[typ].syntax
        if relation == "nsubjpass":
            return own.get("passive_subject", self.syntax.get("passive_subject"))
        return "actor" if relation in own.get("actor", self.syntax.get("actor", ())) else None


def _words(value: Any) -> frozenset[str]:
    return frozenset(value or ())


def _check(raw: dict) -> Check:
    return Check(**{k: (_words(v) if isinstance(v, list) else v) for k, v in raw.items()})


def _targets(raw: dict) -> Targets:
    raw = dict(raw)
    prefer = raw.pop("prefer", None)
    out: dict[str, Any] = {}
    for k, v in raw.items():
        out[k] = _words(v) if isinstance(v, list) else v
    if prefer is not None:
        out["prefer"] = Prefer(kinds=_words(prefer["kinds"]),
                               governed_by=tuple(prefer["governed_by"]),
                               within=prefer["within"],
                               first_only=prefer.get("first_only", False),
                               not_before_person=prefer.get("not_before_person", False))
    return Targets(**out)


def _spec(typ: str, raw: dict) -> EventSpec:
    inverse = raw.get("inverse", {})
    return EventSpec(
        type=typ, words=tuple(raw.get("words", ())), phrases=tuple(raw.get("phrases", ())),
        nouns=tuple(raw.get("nouns", ())), inverse=tuple(inverse.get("words", ())),
        inverse_link=inverse.get("link"), roles=dict(raw.get("roles", {})),
        noun_roles={noun: {k: v for k, v in group.items() if k != "nouns"}
                    for group in raw.get("noun_roles", ()) for noun in group["nouns"]},
        light_verbs=_words(raw.get("light_verbs")),
        checks=tuple(_check(c) for c in raw.get("checks", ())),
        voice=tuple(Voice(_words(v["words"]), _words(v.get("next_any")),
                          _words(v.get("prev_any"))) for v in raw.get("voice", ())),
        actors=raw.get("actors", "subject"), along_with=raw.get("along_with", False),
        place=raw.get("place", False), fallback=raw.get("fallback", False),
        first_actor=_words(raw.get("first_actor")), covered_by=_words(raw.get("covered_by")),
        targets=_targets(raw.get("targets", {})),
        implies=tuple(Implication(i["fact"], _words(i.get("kinds")), _words(i.get("actors")),
                                  i.get("status"), i.get("field"), i.get("outcome"))
                      for i in raw.get("implies", ())),
        syntax=dict(raw.get("syntax", {})), identity=dict(raw.get("identity", {})),
        merge_reports=raw.get("merge_reports", False),
        infinitive={k: _words(v) for k, v in raw.get("infinitive", {}).items()},
        lists={k: _words(v) for k, v in raw.get("lists", {}).items()})


def parse(text: str, source: str = EVENTS_FILE) -> Specs:
    """Specs from the text of a spec file; every SCHEMA.md event type must have one."""
    raw = tomllib.loads(text)
    events = {typ: _spec(typ, spec) for typ, spec in raw["events"].items()}
    unknown = set(events) - set(EVENT_TYPES)
    missing = set(EVENT_TYPES) - set(events)
    if unknown or missing:
        raise ValueError(f"{source}: event types unknown {sorted(unknown)}, "
                         f"missing {sorted(missing)}")
    blockers = {k: (_words(v) if isinstance(v, list) else v)
                for k, v in raw.get("blockers", {}).items()}
    return Specs(version=raw["version"], events=events, blockers=blockers,
                 syntax=dict(raw.get("syntax", {})),
                 passive={k: _words(v) for k, v in raw.get("passive", {}).items()},
                 expelled={"words": _words(raw["expelled"]["words"]),
                           "status": raw["expelled"]["status"]},
                 source=source)


def load(path: str | Path | None = None) -> Specs:
    """The specs of a file, or the bundled ones when no path is given."""
    if path is None:
        return bundled()
    return parse(Path(path).read_text("utf-8"), str(path))


def bundled_text() -> str:
    """The text of the shipped ``data/events.v1.toml``."""
    return resources.files("chunav.extract").joinpath("data", EVENTS_FILE).read_text("utf-8")


@cache
def bundled() -> Specs:
    """The shipped ``data/events.v1.toml``, parsed once."""
    return parse(bundled_text())
