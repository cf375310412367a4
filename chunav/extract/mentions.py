"""Mentions: who and what each sentence names, grouped into the article's entities.

Built from the model's entities and the gazetteer ruler, then corrected with rules the model
does not know: honorifics stripped, party units ("Kargil unit of the NC"), seats ("the Ladakh
Lok Sabha seat", "1-Ladakh"), "X alias Y", surnames and pronouns standing for a person named
before, and "the rebel NC leader" standing for the sentence's person.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from chunav.extract.gazetteer import (
    ALLIANCE,
    HOUSE,
    PARTY,
    PERSON,
    STATE,
    Gazetteer,
)
from chunav.extract.spans import NOT_NAMES, ORG, PLACE, UNIT, Mention, SpanReader
from chunav.knowledge.normalize import HONORIFICS, clean, key, name_tokens, tokens_fit

SUBJECT_PRONOUNS = ("he", "she")
# "the party expelled him": an object pronoun in a sentence that names no one before it
OBJECT_PRONOUNS = ("him",)
# '"...," he said': the speaker of a quote is read by the rules, not here
SPEECH_VERBS = ("said", "says", "told", "added", "claimed", "stated", "asserted", "alleged")
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


class Mentions(SpanReader):
    """The mentions and entities of one article."""

    def __init__(self, doc: Doc, gazetteer: Gazetteer) -> None:
        self.doc = doc
        self.gazetteer = gazetteer
        self.entities: list[Entity] = []
        self.by_token: dict[int, Mention] = {}
        self.mentions: list[Mention] = []
        self._starts: list[int] | None = None
        self._full: dict[int, tuple[int, list[set[str]]]] = {}
        self._sents: list[Span] | None = None  # the article's sentences, listed when needed
        self._sent_ends: list[int] = []
        self.numbered = {}  # seat key -> the seats a number written with the name picks
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

    def insert(self, m: Mention, entity: int, also: tuple[int, ...] = ()) -> None:
        """Add a mention resolved after the article was read ("the party" once the rules know
        which party is meant), keeping the mentions in order."""
        m.entity, m.also = entity, also
        n = bisect_left(self._starts, m.start) if self._starts is not None else 0
        self.mentions.insert(n, m)
        if self._starts is not None:
            self._starts.insert(n, m.start)
        for i in range(m.start, m.end):
            self.by_token[i] = m

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
        raw = self._name_prefixes(raw)
        raw = self._counted_groups(raw)
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
                if e.kind != PERSON or not e.names:
                    continue
                full = self._full_names(e)
                if all(tokens_fit(mine, f) for f in (full or [set(name_tokens(e.names[0]))])):
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

    def _full_names(self, e: Entity) -> list[set[str]]:
        """Token sets of the entity's multi-word names (cached until it gains a name)."""
        cached = self._full.get(e.id)
        if cached is None or cached[0] != len(e.names):
            sets = [set(t) for t in map(name_tokens, e.names) if len(t) > 1]
            cached = self._full[e.id] = (len(e.names), sets)
        return cached[1]

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
        """A lone name word ("Akhoon", "Khan") that ends a name mentioned before is that person.

        Near-linear: earlier mentions are indexed once by their last and first name word, and
        each capitalised word looks up the nearest earlier one by bisection."""
        doc = self.doc
        seen = sorted((m for m in self.mentions if m.kind == PERSON), key=lambda m: m.start)
        folded = {e.id: name_tokens(e.name) for e in self.entities if e.kind == PERSON and e.names}
        by_last: dict[tuple[str, ...], tuple[list[int], list[Mention]]] = {}
        # first name word -> starts, and for each the lone entity so far (None once two differ)
        by_first: dict[tuple[str, ...], tuple[list[int], list[int | None]]] = {}
        for m in seen:
            toks = folded.get(m.entity, ())
            starts, ms = by_last.setdefault(tuple(toks[-1:]), ([], []))
            starts.append(m.start)
            ms.append(m)
            if len(toks) > 1:
                fstarts, lone = by_first.setdefault(tuple(toks[:1]), ([], []))
                prev = lone[-1] if lone else m.entity
                fstarts.append(m.start)
                lone.append(m.entity if prev == m.entity else None)
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
            word = tuple(name_tokens(tok.text))
            entity = None
            starts, ms = by_last.get(word, ([], []))
            n = bisect_left(starts, tok.i)
            if n:
                entity = ms[n - 1].entity  # the most recent earlier mention wins
            elif len(tok.text) > 3:  # "Priyanka" for "Priyanka Gandhi Vadra"
                fstarts, lone = by_first.get(word, ([], []))
                n = bisect_left(fstarts, tok.i)
                entity = lone[n - 1] if n else None
            if entity is not None:
                if held is not None:
                    self.mentions.remove(held)
                    del self.by_token[tok.i]
                self._add_resolved(Mention(PERSON, tok.i, tok.i + 1, tok.text), entity)

    def _pronouns(self) -> None:
        """"He"/"his" at a sentence's start, and "the rebel NC leader", stand for a person."""
        for sent in self.doc.sents:
            first = sent[0] if not sent[0].is_space else (sent[1] if len(sent) > 1 else sent[0])
            if first.lower_ in PRONOUNS and first.i not in self.by_token:
                topic = self.topic_before(sent.start)
                if topic is not None:
                    self._add_resolved(Mention(PERSON, first.i, first.i + 1, first.text,
                                               implicit=True, source=topic.start), topic.entity)
            for tok in sent:
                if tok.lower_ == "rebel" and tok.i not in self.by_token:
                    self._rebel_leader(sent, tok)
                elif tok.lower_ in OBJECT_PRONOUNS and tok.i > first.i and (
                        tok.i not in self.by_token) and not any(
                        m.kind == PERSON for m in self.in_span(sent.start, tok.i)):
                    topic = self.topic_before(sent.start)
                    if topic is not None:
                        self._add_resolved(Mention(PERSON, tok.i, tok.i + 1, tok.text,
                                                   implicit=True, source=topic.start),
                                           topic.entity)
                elif tok.lower_ in SUBJECT_PRONOUNS and tok.i > first.i and (
                        tok.i not in self.by_token) and tok.i + 1 < sent.end and (
                        self.doc[tok.i + 1].tag_[:2] in ("VB", "MD", "RB")) and (
                        self.doc[tok.i + 1].lower_ not in SPEECH_VERBS):
                    # "..., he joined the BJP": the subject of a later clause
                    named = [m for m in self.in_span(sent.start, tok.i, {PERSON})
                             if not m.implicit]
                    target = named[0].entity if named else self._topic_before(sent.start)
                    if target is not None:
                        self._add_resolved(Mention(PERSON, tok.i, tok.i + 1, tok.text,
                                                   implicit=True), target)

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
        """The entity of ``topic_before``."""
        m = self.topic_before(start)
        return m.entity if m is not None else None

    def topic_before(self, start: int) -> Mention | None:
        """The person a new sentence's "he" most likely means: the first person named in the
        sentence before (skipping sentences that name none, up to three back). The article's
        sentences are listed once, and each one read token by token, so that an article of
        many sentences costs no more per pronoun than a short one."""
        if self._sents is None:
            self._sents = list(self.doc.sents)
            self._sent_ends = [s.end for s in self._sents]
        n = bisect_right(self._sent_ends, start)
        for sent in reversed(self._sents[max(0, n - 3):n]):
            for i in range(sent.start, sent.end):
                m = self.by_token.get(i)
                if m is not None and m.start == i and m.kind == PERSON:
                    return m
        return None

    def _add_resolved(self, m: Mention, entity: int) -> None:
        m.entity = entity
        self.mentions.append(m)
        for i in range(m.start, m.end):
            self.by_token[i] = m



def _initials(name: str) -> str:
    """"Voice of the People Party" -> "VPP"."""
    return "".join(w[0] for w in name.replace("'s", "").split() if w[:1].isupper())
