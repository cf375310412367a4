"""Spans: what stretches of an article name, read from the model's entities and the
gazetteer, then corrected with rules the model does not know (honorifics stripped, seats,
party units, organisations and people the model missed)."""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
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
    SeatEntry,
    roles,
    seat_key,
    seat_numbered,
    seat_places,
)
from chunav.extract.lexicon import section, table
from chunav.knowledge.normalize import HONORIFICS, clean
from chunav.knowledge.parties import PARTY_HEADS

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

WORD_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
               "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


@dataclass
class Group:
    """People a count opens: "two MLCs from the BJP — A and B —" (count 2, the count's and
    the noun's tokens, the token after the phrase, the listed names' token spans)."""

    count: int
    at: int
    noun: int | None
    end: int
    items: list[tuple[int, int]]


# a seat's number written before its name: "1-Ladakh", "210 - Nandigram", "AC No. 186 Amethi"
SEAT_NUMBER_BEFORE = re.compile(r"(?:(?<![\d,.])(\d{1,4})\s*[-–]|\bno\.?\s*(\d{1,3}))\s*$",
                                re.IGNORECASE)


def known_seat(name: str) -> bool:
    """Is this a seat name of the seat list (``seats.v2.json``)?"""
    return bool(seat_places(name))


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
    source: int | None = None  # an implicit mention's antecedent: the token it was named at

    @property
    def entities(self) -> tuple[int, ...]:
        return (self.entity, *self.also)

    def __repr__(self) -> str:
        return f"{self.kind}:{self.text}@{self.start}"


@cache
def stop_words() -> frozenset[str]:
    """Words that never make a person's name: posts, offices, months, days."""
    r = roles()
    words = {w for phrase in r["roles"] + r["government"] for w in phrase.lower().split()}
    words |= {"january", "february", "march", "april", "may", "june", "july", "august",
              "september", "october", "november", "december", "monday", "tuesday", "wednesday",
              "thursday", "friday", "saturday", "sunday", "north", "south", "east", "west",
              "central", "new", "old", "greater", "upper", "lower"}
    return frozenset(words)


def is_proper(tok: Token) -> bool:
    """A capitalised proper noun, or an initial such as "H.D." or "K."."""
    return (tok.text[:1].isupper() and (tok.tag_ in ("NNP", "NNPS") or re.fullmatch(
        r"(?:[A-Z]\.)+", tok.text) is not None))




class SpanReader:
    """Turns a parsed article's entities and proper-noun runs into Mentions."""

    doc: Doc
    gazetteer: Gazetteer
    # seat key -> the seats of the list a number written with the name picks ("70-Nagrota":
    # the Jammu & Kashmir seat, not Himachal's 15-Nagrota)
    numbered: dict[str, tuple[SeatEntry, ...]]

    def seat_places(self, name: str) -> tuple[tuple[str, str], ...]:
        """The (state, house) pairs of a seat as this article writes it: those its number
        picks, else all the seat list gives the name."""
        picked = self.numbered.get(seat_key(name))
        return tuple(dict.fromkeys((e.state, e.house) for e in picked)) if picked else (
            seat_places(name))

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
        titles = table("legislators")  # "MLA Sunita Rathore": the title is no part of the name
        while tokens and (tokens[0].lower_.rstrip(".") in HONORIFICS or tokens[0].lower_ in
                          ("the", "@") or (tokens[0].lower_ in titles and len(tokens) > 1)):
            tokens.pop(0)
        # "Sehore MLA Ramesh Tiwari": a seat and its legislator's title before the name
        title = next((k for k, t in enumerate(tokens[:-1]) if k and t.lower_ in titles), None)
        if title is not None and all(t.text[:1].isupper() for t in tokens[:title]):
            tokens = tokens[title + 1:]
        if len(tokens) > 1 and tokens[-1].lower_ in titles:  # "Sehore MLA" + "Ramesh Tiwari"
            j = ent.end
            while j < len(self.doc) and j - ent.end < 4 and is_proper(self.doc[j]):
                j += 1
            if j == ent.end:
                return None
            tokens = list(self.doc[ent.end:j])
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
        if words[-1] in ("candidate", "candidates") or all(w in stop_words() for w in words):
            return None
        start, end = tokens[0].i, tokens[-1].i + 1
        return Mention(ORG, start, end, clean(self.doc[start:end].text))

    def _name_runs(self, raw: list[Mention]) -> list[Mention]:
        """Runs of proper nouns, read with what follows them: "Thenmala Assembly seat" is a
        seat, "... Development Council" an organisation, "MLA Rajib Banerjee" a person the
        model missed, "Bhupen Kumar" + "Borah" one person.

        Linear in the article: a run [i, j) is classified against the mentions that can
        overlap it only (those starting before j and ending after i); runs move right, so the
        mentions ending before a run are settled and those starting after it still to come."""
        doc = self.doc
        strong = {i for m in raw if m.kind in (PARTY, ALLIANCE, HOUSE, SEAT)
                  for i in range(m.start, m.end)}
        people = {i for m in raw if m.kind == PERSON for i in range(m.start, m.end)}
        pending = sorted(raw, key=lambda m: m.start)
        done: list[Mention] = []
        out: list[Mention] = []  # the mentions that may overlap the current run
        i, p = 0, 0
        while i < len(doc):
            if i in strong or not is_proper(doc[i]):
                i += 1
                continue
            j = i
            while j < len(doc) and j not in strong and (
                    is_proper(doc[j]) or (j > i and doc[j].text[:1].isupper()
                                        and doc[j].lower_ in ORG_HEADS)
                    or (doc[j].text in ("&", "'", "'s", "’s") and j > i and j + 1 < len(doc)
                        and doc[j + 1].text[:1].isupper())
                    # "Rajkot-II", "Mahuva-ST": a name written with a hyphen is one name
                    or (doc[j].text == "-" and j > i and j + 1 < len(doc)
                        and not doc[j - 1].whitespace_ and not doc[j].whitespace_
                        and doc[j + 1].text[:1].isupper() and j + 1 not in strong)):
                j += 1
            # "Voice of the People Party": small words inside an organisation's name
            k = j
            person = any(t in people for t in range(i, j))
            while (k < len(doc) and doc[k].lower_ in ("of", "the", "for") and j - i == 1
                   and not person and doc[j - 1].lower_ not in ORG_HEADS):  # not past a name
                k += 1
            if k > j and k < len(doc) and k not in strong and is_proper(doc[k]):
                end = k
                while end < len(doc) and end not in strong and (
                        is_proper(doc[end]) or doc[end].lower_ in ORG_HEADS):
                    end += 1
                if doc[end - 1].lower_ in ORG_HEADS:
                    j = end
            while p < len(pending) and pending[p].start < j:
                out.append(pending[p])
                p += 1
            done += [m for m in out if m.end <= i]
            out = self._classify_run([m for m in out if m.end > i], i, j)
            i = j
        return done + out + pending[p:]

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
        # "held Belaganj for the party", "retained Kendrapara in Odisha", "lost Amethi for the
        # first time": after a verb of winning or losing, a name the seat list knows is a seat
        seat_before = seat_before or (prev in WIN_VERBS | {"held", "lost", "wrest", "snatched"}
                                      and j - i <= 3 and known_seat(doc[i:j].text))
        # "won in Surma with 16,667 votes", "lost its stronghold of Jubarajnagar to the BJP"
        seat_before = seat_before or (prev in ("in", "of") and bool(window & BEAT_WORDS)
                                      and j - i <= 3 and known_seat(doc[i:j].text))
        # "the battle of Baramati", "the contest in Wayanad"
        seat_before = seat_before or (prev in ("of", "for", "in") and i >= 2 and j - i <= 2 and (
            doc[i - 2].lower_ in ("battle", "contest", "fight", "race", "bypoll", "poll")))
        # "... managed only Alappuzha, where X defeated Y"
        seat_after = seat_after or (j + 1 < len(doc) and doc[j].text == "," and doc[
            j + 1].lower_ == "where" and prev in ("only", "won", "retained", "in", "lost"))
        if (seat_after or seat_before) and e > n and len(words) <= 4:
            return rest + [Mention(SEAT, n, e, clean(doc[n:e].text))]
        if all(w in stop_words() for w in words):
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
                         stop_words() or doc[a].lower_.rstrip(".") in HONORIFICS
                         or a in places):
            a += 1
        while b > a and (doc[b - 1].lower_ in NOT_NAMES or doc[b - 1].lower_ in stop_words()):
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
        if (2 <= len(inner) <= 6 and not any(w in NOT_NAMES or w in stop_words() for w in inner)
                and not any(m.kind == PLACE and a <= m.start and m.end <= b and m.end - m.start
                            == b - a and not described for m in overlapping)):
            keep = [m for m in overlapping if not (m.start < b and m.end > a)]
            person = self._person(doc[a:b])
            if person is not None:
                return rest + keep + [person]
        return out

    def _name_prefixes(self, raw: list[Mention]) -> list[Mention]:
        """"Th. Lokesh Singh", "Md. Abdul Rahim": a short prefix (lexicon `name_prefixes`)
        before a person is part of the name, whatever the model made of it."""
        doc, prefixes = self.doc, section("sentences")["name_prefixes"]
        out, grown = sorted(raw, key=lambda m: m.start), []
        for n, m in enumerate(out):
            if m.kind != PERSON:
                continue
            i = m.start
            if i >= 1 and doc[i - 1].lower_.rstrip(".") in prefixes and doc[i - 1].text.endswith(
                    "."):
                i -= 1  # "Md." one token
            elif i >= 2 and doc[i - 1].text == "." and doc[i - 2].lower_ in prefixes:
                i -= 2  # "Th" "."
            if i == m.start or not doc[i].text[:1].isupper():
                continue
            out[n] = Mention(PERSON, i, m.end, clean(doc[i:m.end].text))
            grown.append(out[n])
        return [m for m in out if not any(
            x is not m and x.start <= m.start < x.end for x in grown)]

    def _counted_groups(self, raw: list[Mention]) -> list[Mention]:
        """Groups a count opens ("two MLCs from the BJP — A and B —", "The four MLAs, A, B, C
        and D,", "the four"), recorded in ``self.groups``; a listed name the model missed
        ("Puttanna") becomes a person when the list has as many names as the count says."""
        doc, spec = self.doc, section("groups")
        self.groups: list[Group] = []
        taken = {k: m for m in raw for k in range(m.start, m.end)}
        for t in doc:
            n = WORD_COUNTS.get(t.lower_) or (int(t.text) if t.text.isdigit() and len(
                t.text) <= 2 else None)
            if n is None or n < 2:
                continue
            noun = next((k for k in range(t.i + 1, min(len(doc), t.i + 4))
                         if doc[k].lower_ in spec["nouns"]), None)
            if noun is None or any(doc[k].is_punct or doc[k].is_sent_start
                                   for k in range(t.i + 1, noun + 1)):
                if noun is None and t.i > 0 and doc[t.i - 1].lower_ == "the" and t.lower_ in \
                        WORD_COUNTS and t.i + 1 < len(doc) and not doc[t.i + 1].is_punct and \
                        doc[t.i + 1].tag_ not in ("NN", "NNS", "NNP", "NNPS", "JJ"):
                    self.groups.append(Group(n, t.i, None, t.i + 1, []))  # "the four had ..."
                continue
            j = noun + 1
            while j < len(doc) and j - noun <= 5 and (doc[j].lower_ in spec["qualifiers"] or (
                    j in taken and taken[j].kind in (PARTY, PLACE, STATE))):
                j = taken[j].end if j in taken else j + 1
            while j > noun + 1 and doc[j - 1].lower_ in spec["qualifiers"]:
                j -= 1  # "MLAs from" with nothing after: no qualifier
            items = self._listed_names(j, n, spec["list_openers"]) if j < len(doc) and (
                doc[j].text in spec["list_openers"]) else None
            if items is None:
                self.groups.append(Group(n, t.i, noun, j, []))
                continue
            end = items[-1][1]
            if end < len(doc) and doc[end].text in spec["list_openers"]:
                end += 1  # the closing dash or comma
            for a, b in items:
                if a in taken and taken[a].kind == PERSON:
                    continue
                if any(k in taken and taken[k].kind in (PARTY, ALLIANCE, HOUSE, SEAT)
                       for k in range(a, b)):
                    break
                raw = [m for m in raw if not (m.start < b and a < m.end)]
                raw.append(Mention(PERSON, a, b, clean(doc[a:b].text)))
            self.groups.append(Group(n, t.i, noun, end, items))
        return raw

    def _listed_names(self, i: int, n: int, openers: Collection[str]
                      ) -> list[tuple[int, int]] | None:
        """Exactly n capitalised names after the opener at i ("— A and B —", ", A, B and
        C,"), as (start, end) token spans; None when the list is not that."""
        doc, items, j, last = self.doc, [], i + 1, False
        while j < len(doc) and len(items) < n:
            a = j
            while j < len(doc) and j - a < 6 and (doc[j].text[:1].isupper() or (
                    doc[j].text == "." and j > a)):
                j += 1
            if j == a:
                return None
            items.append((a, j))
            if last:
                break
            if j < len(doc) and doc[j].lower_ == "and":
                last, j = True, j + 1
            elif j + 1 < len(doc) and doc[j].text == "," and doc[j + 1].lower_ == "and":
                last, j = True, j + 2
            elif j < len(doc) and doc[j].text == ",":
                j += 1
            else:
                return None
        if len(items) != n or not last:
            return None
        if j < len(doc) and not (doc[j].is_punct or doc[j].lower_ in ("were", "have", "had")):
            return None
        return items

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
        or written with its number ("1-Ladakh", "AC No. 186 Amethi", "Amethi (186)"), is a
        seat; but not where the seat list knows the name only by other numbers ("Ward No.
        12-Amethi" is a ward, not the seat)."""
        doc, out = self.doc, []
        skip = {"lok", "sabha", "parliamentary", "assembly", "vidhan", "(", ")", "sc", "st"}
        for m in raw:
            if m.kind == SEAT:  # a seat already: its number may still say which one
                number = self._seat_number(m)
                picked = seat_numbered(m.text, number) if number is not None else None
                if picked:
                    self.numbered[seat_key(m.text)] = picked
            if m.kind in (PLACE, PERSON, ORG):
                j = m.end
                while j < len(doc) and doc[j].lower_ in skip:
                    j += 1
                number = self._seat_number(m)
                picked = seat_numbered(m.text, number) if number is not None else None
                if picked == ():
                    out.append(m)  # the number contradicts the seat list: no such seat
                    continue
                if picked:
                    self.numbered[seat_key(m.text)] = picked
                if number is not None or (j < len(doc) and doc[j].lower_ in SEAT_WORDS):
                    out.append(Mention(SEAT, m.start, m.end, m.text))
                    continue
            out.append(m)
        return self._numbered_seats(out)

    def _numbered_seats(self, raw: list[Mention]) -> list[Mention]:
        """Seats the model did not name but the text writes with their number ("won
        186-Amethi", "AC No. 186 Amethi", "Amethi (186)"): the words after the number (or
        before a bracketed one) are a seat when the seat list knows them by that number."""
        doc, covered = self.doc, {i for m in raw for i in range(m.start, m.end)}
        found: list[Mention] = []
        for tok in doc:
            if not (tok.text.isdigit() and len(tok.text) <= 3):
                continue
            number = int(tok.text)
            nxt = tok.i + 1 + (tok.i + 1 < len(doc) and doc[tok.i + 1].text in ("-", "–"))
            prev = doc[tok.i - 1].lower_ if tok.i else ""
            after = nxt > tok.i + 1 or prev in ("no", "no.") or (tok.i >= 2 and prev == "." and (
                doc[tok.i - 2].lower_ == "no"))
            spans = [(nxt, nxt + n) for n in (3, 2, 1)] if after else []
            if tok.i >= 1 and doc[tok.i - 1].text == "(" and tok.i + 1 < len(doc) and doc[
                    tok.i + 1].text == ")":
                spans += [(tok.i - 1 - n, tok.i - 1) for n in (3, 2, 1)]
            for start, end in spans:
                words = doc[max(0, start):min(end, len(doc))]
                if start < 0 or end > len(doc) or not all(t.text[:1].isupper() for t in words):
                    continue
                if any(i in covered for i in range(start, end)):
                    break
                picked = seat_numbered(words.text, number)
                if picked:
                    self.numbered[seat_key(words.text)] = picked
                    found.append(Mention(SEAT, start, end, words.text))
                    covered.update(range(start, end))
                    break
        return sorted(raw + found, key=lambda m: m.start)

    def _seat_number(self, m: Mention) -> int | None:
        """The number a name is written with as a seat: "1-Ladakh", "1 - Ladakh", "AC No. 186
        Amethi", "No.186 Amethi", "Amethi (186)"."""
        doc = self.doc
        before = doc[max(0, m.start - 4):m.start].text if m.start else ""
        found = SEAT_NUMBER_BEFORE.search(before)
        if found:
            return int(found.group(1) or found.group(2))
        if m.end + 2 < len(doc) and doc[m.end].text == "(" and doc[m.end + 2].text == ")" and (
                doc[m.end + 1].text.isdigit() and len(doc[m.end + 1].text) <= 3):
            return int(doc[m.end + 1].text)
        return None

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

