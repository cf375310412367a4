"""Mentions: who and what each sentence names, grouped into the article's entities.

Built from the model's entities and the gazetteer ruler, then corrected with rules the model
does not know: honorifics stripped, party units ("Kargil unit of the NC"), seats ("the Ladakh
Lok Sabha seat", "1-Ladakh"), "X alias Y", surnames and pronouns standing for a person named
before, and "the rebel NC leader" standing for the sentence's person.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from functools import cache

from spacy.tokens import Doc, Span, Token

from chunav.extract.gazetteer import (
    ALLIANCE,
    HOUSE,
    PARTY,
    PERSON,
    SEAT,
    STATE,
    Gazetteer,
    roles,
)
from chunav.resolve.normalize import HONORIFICS, clean, key, name_tokens
from chunav.resolve.parties import PARTY_HEADS

ORG, UNIT, PLACE = "ORG", "UNIT", "PLACE"
AGENTS = {PERSON, PARTY, ALLIANCE, ORG, UNIT}
ORG_HEADS = {
    "council", "trust", "school", "committee", "commission", "board", "union", "association",
    "front", "alliance", "party", "sangh", "samiti", "sena", "morcha", "federation", "forum",
    "society", "mission", "foundation", "institute", "university", "anjuman", "jamaat",
    "madrasa", "league", "congress", "dal", "movement", "organisation", "organization",
    "corporation", "bank", "company", "network", "coalition", "sabha", "parishad", "manch",
}
NOT_NAMES = {"independent", "candidate", "joint", "general", "additional", "phone", "constituency",
             "parliamentary", "election", "elections", "assembly", "lok", "sabha", "chief",
             "minister", "president", "leader", "secretary", "high", "command", "party", "bloc",
             "alliance", "seat", "district", "state", "unit", "the", "former", "rebel", "sixth",
             "schedule", "statehood", "today", "mp", "mla", "and"}
UNIT_WORDS = {"unit", "units", "faction", "cadre", "cadres", "wing", "chapter", "workers",
              "leadership"}
SEAT_WORDS = {"seat", "constituency", "segment", "bypoll", "by-election", "byelection"}
WIN_VERBS = {"retained", "won", "wrested", "bagged", "clinched", "retain", "win"}
CONTEST_WORDS = {"contest", "contests", "contesting", "contested", "fielded", "field",
                 "candidate", "nominee", "elected", "re-elected", "nomination", "ticket", "mp",
                 "mla"}
BEAT_WORDS = {"defeated", "defeating", "beat", "beating", "trounced", "lost", "won", "retained"}
PRONOUNS = {"he": PERSON, "she": PERSON, "his": PERSON, "her": PERSON, "him": PERSON}


@dataclass
class Entity:
    """One person or organisation of the article, with every name it goes by there."""

    id: int
    kind: str
    names: list[str] = field(default_factory=list)
    canonical: str | None = None  # gazetteer name (parties, alliances, seats)
    party: int | None = None  # a unit's party

    @property
    def name(self) -> str:
        """The longest form the article uses (SCHEMA.md: one form per entity per file); a
        nickname in lower case ("the saffron party") only when there is nothing else."""
        proper = [n for n in self.names if n[:1].isupper()] or self.names
        return max(proper, key=lambda n: (len(n.split()), len(n)))


@dataclass
class Mention:
    """A stretch of tokens naming an entity."""

    kind: str
    start: int
    end: int
    text: str
    entity: int = -1
    implicit: bool = False  # a pronoun or description standing for a name
    also: tuple[int, ...] = ()  # "the Kargil units of NC and INC": more entities, same words

    @property
    def entities(self) -> tuple[int, ...]:
        return (self.entity, *self.also)

    def __repr__(self) -> str:
        return f"{self.kind}:{self.text}@{self.start}"


class Mentions:
    """The mentions and entities of one article."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.entities: list[Entity] = []
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] | None = None
        self._build()

    # public -------------------------------------------------------------------------------
    def in_span(self, start: int, end: int, kinds: set[str] | None = None) -> list[Mention]:
        """Mentions that start inside [start, end), in order."""
        if self._starts is not None:  # built: the mentions are sorted, so bisect
            lo, hi = bisect_left(self._starts, start), bisect_left(self._starts, end)
            found = self.mentions[lo:hi]
        else:
            found = sorted((m for m in self.mentions if start <= m.start < end),
                           key=lambda m: m.start)
        return [m for m in found if kinds is None or m.kind in kinds]

    def at(self, i: int) -> Mention | None:
        return self.by_token.get(i)

    def entity(self, m: Mention | int) -> Entity:
        return self.entities[m.entity if isinstance(m, Mention) else m]

    def name(self, m: Mention | int) -> str:
        e = self.entity(m)
        if e.kind == UNIT and e.party is not None:
            return f"{e.name} of {self.entities[e.party].name}"
        return e.name

    # building -----------------------------------------------------------------------------
    def _build(self) -> None:
        raw: list[Mention] = []
        for ent in self.doc.ents:
            m = self._from_ent(ent)
            if m is not None:
                raw.append(m)
        raw = self._name_runs(raw)
        raw = self._compounds(raw)
        raw = self._seats(raw)
        raw = self._units(raw)
        raw.sort(key=lambda m: m.start)
        for m in raw:
            self._add(m)
        self._aliases()
        self._surnames()
        self._pronouns()
        self.mentions.sort(key=lambda m: m.start)
        self._starts = [m.start for m in self.mentions]

    def _from_ent(self, ent: Span) -> Mention | None:
        label = ent.label_
        if label in (PARTY, ALLIANCE, HOUSE, SEAT):
            return Mention(label, ent.start, ent.end, ent.text)
        if label in (STATE, "GPE", "LOC", "NORP", "FAC") and label != "FAC":
            return Mention(PLACE, ent.start, ent.end, ent.text)
        if label == PERSON:
            return self._person(ent)
        if label == "ORG":
            return self._org(ent)
        return None

    def _person(self, ent: Span) -> Mention | None:
        tokens = list(ent)
        while tokens and (tokens[0].lower_.rstrip(".") in HONORIFICS or tokens[0].lower_ in
                          ("the", "@")):
            tokens.pop(0)
        while tokens and (tokens[-1].lower_ in ("'s", "’s", "ji") or not tokens[-1].text.strip()):
            tokens.pop()
        if not tokens or tokens[0].text.startswith("@"):
            return None
        words = [t.lower_ for t in tokens]
        if all(w in NOT_NAMES for w in words) or not tokens[0].text[:1].isupper():
            return None
        # "the National Conference Vice-President" is no person
        if any(w.rstrip(".") in ORG_HEADS for w in words[1:]):
            return None
        start, end = tokens[0].i, tokens[-1].i + 1
        return Mention(PERSON, start, end, clean(self.doc[start:end].text))

    def _org(self, ent: Span) -> Mention | None:
        tokens = list(ent)
        if tokens and tokens[0].lower_ == "the":
            tokens.pop(0)
        while tokens and tokens[-1].text in ("'s", "’s", "(", ")"):
            tokens.pop()
        if not tokens:
            return None
        words = [t.lower_ for t in tokens]
        acronym = len(tokens) == 1 and tokens[0].text.isupper() and len(tokens[0].text) > 2
        if not acronym and not any(w in ORG_HEADS for w in words):
            return None
        if words[-1] in ("candidate", "candidates") or all(w in _stop_words() for w in words):
            return None
        start, end = tokens[0].i, tokens[-1].i + 1
        return Mention(ORG, start, end, clean(self.doc[start:end].text))

    def _name_runs(self, raw: list[Mention]) -> list[Mention]:
        """Runs of proper nouns, read with what follows them: "Thenmala Assembly seat" is a
        seat, "... Development Council" an organisation, "MLA Rajib Banerjee" a person the
        model missed, "Bhupen Kumar" + "Borah" one person."""
        doc = self.doc
        strong = {i for m in raw if m.kind in (PARTY, ALLIANCE, HOUSE, SEAT)
                  for i in range(m.start, m.end)}
        out, i = list(raw), 0
        while i < len(doc):
            if i in strong or not _proper(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and j not in strong and (
                    _proper(doc[j]) or (j > i and doc[j].text[:1].isupper()
                                        and doc[j].lower_ in ORG_HEADS)
                    or (doc[j].text in ("&", "'", "'s", "’s") and j > i and j + 1 < len(doc)
                        and doc[j + 1].text[:1].isupper())):
                j += 1
            # "Voice of the People Party": small words inside an organisation's name
            k = j
            person = any(m.kind == PERSON and m.start < j and m.end > i for m in raw)
            while (k < len(doc) and doc[k].lower_ in ("of", "the", "for") and j - i == 1
                   and not person and doc[j - 1].lower_ not in ORG_HEADS):  # not past a name
                k += 1
            if k > j and k < len(doc) and k not in strong and _proper(doc[k]):
                end = k
                while end < len(doc) and end not in strong and (
                        _proper(doc[end]) or doc[end].lower_ in ORG_HEADS):
                    end += 1
                if doc[end - 1].lower_ in ORG_HEADS:
                    j = end
            out = self._classify_run(out, i, j)
            i = j
        return out

    def _classify_run(self, out: list[Mention], i: int, j: int) -> list[Mention]:
        doc = self.doc
        words = [t.lower_.rstrip(".") for t in doc[i:j]]
        overlapping = [m for m in out if m.start < j and m.end > i]
        rest = [m for m in out if not (m.start < j and m.end > i)]
        k = j
        while k < len(doc) and doc[k].lower_ in ("lok", "sabha", "parliamentary", "assembly",
                                                 "vidhan", "(", ")", "sc", "st", "reserved"):
            k += 1
        n = i
        while n < j and doc[n].lower_ in ("assembly",):
            n += 1
        e = j
        while e > n and doc[e - 1].lower_ in ("assembly", "lok", "sabha", "parliamentary"):
            e -= 1
        seat_after = k < len(doc) and doc[k].lower_ in SEAT_WORDS
        seat_before = i >= 2 and doc[i - 1].text == "," and doc[i - 2].lower_ in SEAT_WORDS
        prev = doc[i - 1].lower_ if i else ""
        window = {t.lower_ for t in doc[max(0, i - 8):i]}
        # "retained Sanquelim by 666 votes", "will contest from Hyderabad", "fielded X from Y"
        seat_before = seat_before or (prev in WIN_VERBS and j < len(doc) and doc[j].lower_ in (
            "by", ",", ".", "with", "against", "for")) or (prev == "from" and bool(
                window & CONTEST_WORDS) and j - i <= 2 and not any(
                    m.kind == PERSON and m.end - m.start > 1 for m in overlapping))
        # "defeated X in Amethi by 1,67,196 votes"
        seat_before = seat_before or (prev == "in" and bool(window & BEAT_WORDS) and j - i <= 2
                                      and j < len(doc) and doc[j].lower_ in ("by", ",", "."))
        # "the battle of Baramati", "the contest in Wayanad"
        seat_before = seat_before or (prev in ("of", "for", "in") and i >= 2 and j - i <= 2 and (
            doc[i - 2].lower_ in ("battle", "contest", "fight", "race", "bypoll", "poll")))
        # "... managed only Alappuzha, where X defeated Y"
        seat_after = seat_after or (j + 1 < len(doc) and doc[j].text == "," and doc[
            j + 1].lower_ == "where" and prev in ("only", "won", "retained", "in", "lost"))
        if (seat_after or seat_before) and e > n and len(words) <= 4:
            return rest + [Mention(SEAT, n, e, clean(doc[n:e].text))]
        if all(w in _stop_words() for w in words):
            return [m for m in out if not (m.kind == ORG and m.start < j and m.end > i)]
        heads = [n for n, w in enumerate(words) if w in ORG_HEADS and n > 0]
        if heads and heads[-1] < len(words) - 1 and len(words) - heads[-1] > 2:
            # "Ladakh Autonomous Hill Development Council Kargil Mohammad Jaffar Aknoon"
            cut = i + heads[-1] + 1
            org = Mention(ORG, i, cut, clean(doc[i:cut].text))
            return self._classify_run([m for m in out if not (m.start < cut and m.end > i)]
                                      + [org], cut, j)
        if words[-1] in ORG_HEADS and len(words) > 1:
            kind = (ALLIANCE if words[-1] in ("alliance", "front") else
                    PARTY if words[-1] in PARTY_HEADS else ORG)  # a party the gazetteer lacks
            return rest + [Mention(kind, i, j, clean(doc[i:j].text))]
        # a person: the run without the posts, titles and places at its edges
        a, b = i, j
        places = {k for m in overlapping if m.kind == PLACE for k in range(m.start, m.end)}
        while a < b and (doc[a].lower_.rstrip(".") in NOT_NAMES or doc[a].lower_ in
                         _stop_words() or doc[a].lower_.rstrip(".") in HONORIFICS
                         or a in places):
            a += 1
        while b > a and (doc[b - 1].lower_ in NOT_NAMES or doc[b - 1].lower_ in _stop_words()):
            b -= 1
        people = sorted((m for m in overlapping if m.kind == PERSON), key=lambda m: m.start)
        if people:  # the model's start is trusted; the run may carry the name further right
            a, b = people[0].start, max(b, people[-1].end)
        if any(self.gazetteer.lookup(STATE, t.text) for t in doc[a:b]):
            return out  # "Kargil Ladakh" names places, not a person
        inner = [t.lower_.rstrip(".") for t in doc[a:b]]
        # a "place" the model found is a person when a noun for people comes just before it
        # ("fellow wrestler Bajrang Punia"), never when it is a known state or follows "in"
        described = a > 0 and doc[a - 1].tag_ == "NN" and doc[a - 1].is_lower
        if (2 <= len(inner) <= 6 and not any(w in NOT_NAMES or w in _stop_words() for w in inner)
                and not any(m.kind == PLACE and a <= m.start and m.end <= b and m.end - m.start
                            == b - a and not described for m in overlapping)):
            keep = [m for m in overlapping if not (m.start < b and m.end > a)]
            person = self._person(doc[a:b])
            if person is not None:
                return rest + keep + [person]
        return out

    def _compounds(self, raw: list[Mention]) -> list[Mention]:
        """"Ladakh" + "Autonomous Hill Development Council" is one organisation, and
        "Ladakh" + "Democratic Alliance" one alliance; a dateline's place is no person."""
        doc, out = self.doc, []
        for m in sorted(raw, key=lambda m: m.start):
            if m.kind == PLACE and m.end < len(doc) and doc[m.end].lower_ == "assembly" and (
                    self.gazetteer.lookup(STATE, m.text)):
                out.append(Mention(HOUSE, m.start, m.end + 1, f"{m.text} Assembly"))
                continue
            if m.kind == PARTY and m.end < len(doc) and doc[m.end].lower_ in (
                    "committee", "parliamentary", "legislature", "working"):
                j = m.end
                while j < len(doc) and doc[j].text[:1].isupper() and doc[j].lower_ not in (
                        "president", "chief"):
                    j += 1
                i = m.start
                while out and out[-1].end == i and out[-1].kind == PLACE:
                    i = out.pop().start
                while i > 0 and doc[i - 1].text[:1].isupper() and doc[i - 1].tag_ == "NNP" \
                        and i - 1 not in {k for x in raw for k in range(x.start, x.end)}:
                    i -= 1
                if doc[j - 1].lower_ in ORG_HEADS:
                    out.append(Mention(ORG, i, j, clean(doc[i:j].text)))
                    continue
            prev = out[-1] if out else None
            if (prev is not None and prev.kind == PLACE and m.kind == ORG
                    and prev.end == m.start):
                kind = ALLIANCE if doc[m.end - 1].lower_ in ("alliance", "front") else ORG
                out[-1] = Mention(kind, prev.start, m.end, clean(doc[prev.start:m.end].text))
                continue
            if m.kind == PERSON and m.start == 0 and m.end < len(doc) and doc[m.end].text in (
                    "(", ":"):
                m = Mention(PLACE, m.start, m.end, m.text)
            out.append(m)
        return out

    def _seats(self, raw: list[Mention]) -> list[Mention]:
        """A place or name followed by "(Lok Sabha|parliamentary|assembly) seat/constituency",
        or written "1-Ladakh", is a seat."""
        doc, out = self.doc, []
        skip = {"lok", "sabha", "parliamentary", "assembly", "vidhan", "(", ")", "sc", "st"}
        for m in raw:
            if m.kind in (PLACE, PERSON, ORG):
                j = m.end
                while j < len(doc) and doc[j].lower_ in skip:
                    j += 1
                before = doc[m.start - 1].text if m.start else ""
                numbered = bool(re.fullmatch(r"\d+-", before)) or (
                    before == "-" and m.start >= 2 and doc[m.start - 2].like_num)
                if numbered or (j < len(doc) and doc[j].lower_ in SEAT_WORDS):
                    out.append(Mention(SEAT, m.start, m.end, m.text))
                    continue
            out.append(m)
        return out

    def _units(self, raw: list[Mention]) -> list[Mention]:
        """"the Kargil unit of the National Conference", "Kargil faction of both J&K NC and
        INC": a party unit per party named."""
        doc = self.doc
        by_start = {m.start: m for m in raw}
        covered = {i for m in raw for i in range(m.start, m.end)}
        # a place the model did not label can still head a unit: "the Karur unit of the DMK"
        bare = [Mention(PLACE, t.i, t.i + 1, t.text) for t in doc[:-1]
                if t.i not in covered and t.text[:1].isupper() and t.tag_ == "NNP"
                and doc[t.i + 1].lower_ in UNIT_WORDS]
        out, used = [], set()
        for m in raw + bare:
            if m.kind not in (PLACE, SEAT) or m.end >= len(doc) or doc[m.end].lower_ not in (
                    UNIT_WORDS):
                continue
            if doc[m.end].lower_ in ("workers", "leadership") and not (
                    m.end + 1 < len(doc) and doc[m.end + 1].lower_ == "of"):
                continue
            j = m.end + 1
            parties: list[Mention] = []
            if j < len(doc) and doc[j].lower_ == "of":
                j += 1
                while j < len(doc) and doc[j].lower_ in ("the", "both", "and", ",", "j&k"):
                    j += 1
                    if j in by_start and by_start[j].kind == PARTY:
                        parties.append(by_start[j])
                        j = by_start[j].end
                if j in by_start and by_start[j].kind == PARTY:
                    parties.append(by_start[j])
                    j = by_start[j].end
                    while j + 1 < len(doc) and doc[j].lower_ == "and" and (
                            by_start.get(j + 1) and by_start[j + 1].kind == PARTY):
                        parties.append(by_start[j + 1])
                        j = by_start[j + 1].end
            unit = Mention(UNIT, m.start, j if parties else m.end + 1, f"{m.text} unit")
            unit.party_mentions = parties  # type: ignore[attr-defined]
            used.update(id(x) for x in parties)
            out.append(unit)
            used.add(id(m))
        return [m for m in raw if id(m) not in used] + out

    def _add(self, m: Mention) -> None:
        if any(i in self.by_token for i in range(m.start, m.end)):
            return
        m.entity = self._entity_for(m)
        self.entity(m).names.append(m.text)
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m

    def _entity_for(self, m: Mention) -> int:
        if m.kind in (PARTY, ALLIANCE, HOUSE):
            label = {PARTY: PARTY, ALLIANCE: ALLIANCE, HOUSE: HOUSE}[m.kind]
            entry = self.gazetteer.lookup(label, m.text)
            canonical = entry.name if entry else key(m.text)
            for e in self.entities:
                if e.kind == m.kind and e.canonical == canonical:
                    return e.id
            return self._new(m.kind, canonical)
        if m.kind == UNIT:
            parties = getattr(m, "party_mentions", [])
            ids = [self._unit(m.text, self._entity_for(p)) for p in parties] or [
                self._unit(m.text, self._main_party())]
            m.also = tuple(ids[1:])
            return ids[0]
        if m.kind == PERSON:
            mine = set(name_tokens(m.text))
            for e in reversed(self.entities):
                # compatible with every full name the person has had in this article
                full = [set(name_tokens(n)) for n in e.names if len(name_tokens(n)) > 1]
                if e.kind == PERSON and e.names and all(_compatible(mine, f) for f in (
                        full or [set(name_tokens(e.names[0]))])):
                    return e.id
            return self._new(PERSON, None)
        for e in self.entities:
            if e.kind == m.kind and any(key(n) == key(m.text) for n in e.names):
                return e.id
        if m.kind == ORG and m.text.isupper() and 2 <= len(m.text) <= 6:
            for e in self.entities:  # "VPP" after "Voice of the People Party"
                if e.kind in (PARTY, ORG, ALLIANCE) and any(
                        _initials(n) == m.text for n in e.names):
                    return e.id
        return self._new(m.kind, None)

    def _new(self, kind: str, canonical: str | None) -> int:
        self.entities.append(Entity(len(self.entities), kind, canonical=canonical))
        return len(self.entities) - 1

    def _unit(self, name: str, party: int | None) -> int:
        for e in self.entities:
            if e.kind == UNIT and key(e.names[0]) == key(name) and e.party == party:
                return e.id
        e = self._new(UNIT, None)
        self.entities[e].party = party
        self.entities[e].names.append(name)
        return e

    def _main_party(self) -> int | None:
        """The party the article is most about: a unit named without one belongs to it."""
        counts: dict[str, int] = {}
        for ent in self.doc.ents:
            if ent.label_ == PARTY:
                entry = self.gazetteer.lookup(PARTY, ent.text)
                name = entry.name if entry else key(ent.text)
                counts[name] = counts.get(name, 0) + 1
        if not counts:
            return None
        best = max(counts, key=lambda n: counts[n])
        for e in self.entities:
            if e.kind == PARTY and e.canonical == best:
                return e.id
        return self._new(PARTY, best)

    def _aliases(self) -> None:
        """"Mohmad Haneefa alias Haji Hanifa Jan" is one person with one long name."""
        doc = self.doc
        for m in list(self.mentions):
            if m.kind != PERSON or m.end + 1 >= len(doc) or doc[m.end].lower_ not in (
                    "alias", "urf", "aka"):
                continue
            j = m.end + 1
            while j < len(doc) and doc[j].lower_.rstrip(".") in HONORIFICS:
                j += 1
            other = self.by_token.get(j)
            if other is None or other.kind != PERSON:
                continue
            keep, drop = self.entity(m), self.entity(other)
            whole = clean(doc[m.start:other.end].text)
            if keep.id != drop.id:
                keep.names += drop.names
                for x in self.mentions:
                    if x.entity == drop.id:
                        x.entity = keep.id
                drop.names = []
            keep.names.append(whole)

    def _surnames(self) -> None:
        """A lone name word ("Akhoon", "Khan") that ends a name mentioned before is that person."""
        doc = self.doc
        seen: list[Mention] = [m for m in self.mentions if m.kind == PERSON]
        for tok in doc:
            if not tok.text[:1].isupper() or not tok.is_alpha:
                continue
            held = self.by_token.get(tok.i)
            if held is not None and not (held.kind == PLACE and held.end - held.start == 1
                                         and not self.gazetteer.lookup(STATE, tok.text)):
                continue  # a one-word "place" may be a surname the model mislabelled
            if tok.tag_ not in ("NNP", "NNPS") and tok.is_sent_start:
                continue
            if tok.lower_ in NOT_NAMES or tok.lower_ in HONORIFICS:
                continue
            if tok.i + 1 < len(doc) and doc[tok.i + 1].tag_ == "NNP" and doc[
                    tok.i + 1].text[:1].isupper():
                continue
            if tok.i and doc[tok.i - 1].tag_ == "NNP" and doc[tok.i - 1].lower_ not in HONORIFICS:
                continue
            folded = name_tokens(tok.text)
            match = None
            for m in seen:
                if m.start < tok.i and name_tokens(self.name(m))[-1:] == folded:
                    match = m  # the most recent earlier mention wins
            if match is None and len(tok.text) > 3:  # "Priyanka" for "Priyanka Gandhi Vadra"
                firsts = {m.entity: m for m in seen if m.start < tok.i
                          and len(name_tokens(self.name(m))) > 1
                          and name_tokens(self.name(m))[:1] == folded}
                match = next(iter(firsts.values())) if len(firsts) == 1 else None
            if match is not None:
                if held is not None:
                    self.mentions.remove(held)
                    del self.by_token[tok.i]
                self._add_resolved(Mention(PERSON, tok.i, tok.i + 1, tok.text), match.entity)

    def _pronouns(self) -> None:
        """"He"/"his" at a sentence's start, and "the rebel NC leader", stand for a person."""
        for sent in self.doc.sents:
            first = sent[0] if not sent[0].is_space else (sent[1] if len(sent) > 1 else sent[0])
            if first.lower_ in PRONOUNS and first.i not in self.by_token:
                target = self._topic_before(sent.start)
                if target is not None:
                    self._add_resolved(Mention(PERSON, first.i, first.i + 1, first.text,
                                               implicit=True), target)
            for tok in sent:
                if tok.lower_ == "rebel" and tok.i not in self.by_token:
                    self._rebel_leader(sent, tok)

    def _rebel_leader(self, sent: Span, tok: Token) -> None:
        party = self.by_token.get(tok.i + 1)
        if party is None or party.kind != PARTY:
            return
        j = party.end
        if j < len(self.doc) and self.doc[j].lower_ in ("leader", "candidate", "mla", "mp"):
            after = self.by_token.get(j + 1)
            if after is not None and after.kind == PERSON:
                return  # "rebel NC candidate Ghulam Hassan Khan": the name is there
            people = [m for m in self.in_span(sent.start, sent.end, {PERSON}) if not m.implicit]
            target = people[0].entity if people else self._topic_before(sent.start)
            if target is not None:
                self._add_resolved(Mention(PERSON, j, j + 1, self.doc[j].text, implicit=True),
                                   target)

    def _topic_before(self, start: int) -> int | None:
        """The person a new sentence's "he" most likely means: the first person named in the
        sentence before (skipping sentences that name none, up to three back)."""
        sents = [s for s in self.doc.sents if s.end <= start][-3:]
        for sent in reversed(sents):
            people = sorted((m for m in self.mentions if sent.start <= m.start < sent.end
                             and m.kind == PERSON), key=lambda m: m.start)
            if people:
                return people[0].entity
        return None

    def _add_resolved(self, m: Mention, entity: int) -> None:
        m.entity = entity
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m



@cache
def _stop_words() -> frozenset[str]:
    """Words that never make a person's name: posts, offices, months, days."""
    r = roles()
    words = {w for phrase in r["roles"] + r["government"] for w in phrase.lower().split()}
    words |= {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "north", "south", "east", "west",
              "central", "new", "old", "greater", "upper", "lower"}
    return frozenset(words)


def _initials(name: str) -> str:
    """"Voice of the People Party" -> "VPP"."""
    return "".join(w[0] for w in name.replace("'s", "").split() if w[:1].isupper())


def _proper(tok: Token) -> bool:
    """A capitalised proper noun, or an initial such as "H.D." or "K."."""
    return (tok.text[:1].isupper() and (tok.tag_ in ("NNP", "NNPS") or re.fullmatch(
        r"(?:[A-Z]\.)+", tok.text) is not None))


def _compatible(a: set[str], b: set[str]) -> bool:
    """Two person names can be the same person: the shorter's words all appear in the longer
    (an initial standing for a word), and not by initials alone."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or all(len(w) == 1 for w in small):
        return False
    return all(w in large or (len(w) == 1 and any(x.startswith(w) for x in large))
               for w in small)
