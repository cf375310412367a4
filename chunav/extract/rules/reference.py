"""References back: noun phrases that stand for parties and people named before.

Rule-based coreference, resolved sentence by sentence before the other rules read a sentence,
so that they see the phrase as a mention of what it refers to:

- "the party", "its party": the party named last in the paragraph (or the sentence before);
- "his party", "her party": the party its owner is a member of, as the article has said;
- "the four MLAs", "the two leaders": the last set of that many people listed (the count must
  agree); "the expelled leaders", "the rebels": the people the article gave that status.

A fact that rests on such a reference (a pronoun's too) also rests on the sentence that named
what it refers to: its evidence carries both (``carry_evidence``).
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import PARTY, PERSON
from chunav.extract.lexicon import section, words
from chunav.extract.rules.base import PARTY_BACK, PARTY_BACK_DET, RuleBase
from chunav.extract.spans import WORD_COUNTS, Mention

PARTY_OWNER_DET = words("party_owner_determiners")
NOT_MEMBER = ("resigned", "expelled", "former")  # statuses that end a membership


class ReferenceRules(RuleBase):
    """Noun phrases and pronouns resolved to what they refer back to."""

    def refer_back(self, s: Sentence) -> None:
        """Resolve the references of one sentence, before its rules run."""
        for m in self.m.in_span(s.span.start, s.span.end, {PERSON}):
            if m.implicit and m.source is not None:  # a pronoun the mentions resolved
                self.refer(s, m.entities, m.source)
        for tok in s.span:
            if tok.lower_ in PARTY_BACK:
                self._party_back(tok, s)
            elif tok.lower_ == "the":
                self._people_back(tok, s)

    # parties --------------------------------------------------------------------------------
    def _party_back(self, tok: Token, s: Sentence) -> None:
        """"the party", "his party" (not "the party's X" nor "the party leadership")."""
        sent, i = s.span, tok.i
        if i == sent.start or self.m.at(i) is not None or self.m.at(i - 1) is not None:
            return
        det = self.doc[i - 1].lower_
        if det not in PARTY_BACK_DET:
            return
        nxt = self.doc[i + 1] if i + 1 < sent.end else None
        if nxt is not None and (nxt.lower_ in section("reference")["party_not_before"]
                                or nxt.tag_.startswith("NN")):
            return  # "the party's candidate", "the party of X", "the party leadership"
        if det in PARTY_OWNER_DET:
            owner = self._owner(sent, i - 1)
            party = self._party_of(owner, i - 1) if owner is not None else None
        else:
            party = self._party_named_last(s, i - 1)
        if party is None:
            return
        source = party.source if party.implicit and party.source is not None else party.start
        self.m.insert(Mention(PARTY, i - 1, i + 1, self.doc[i - 1:i + 1].text, implicit=True,
                              source=source), party.entity)
        self.refer(s, [party.entity], source)

    def _owner(self, sent: Span, i: int) -> int | None:
        """Whose "his": the person named last before it in the sentence, else the person the
        sentences before are about."""
        near = self.before(sent, i, {PERSON})
        topic = near[0] if near else self.m.topic_before(sent.start)
        return topic.entity if topic is not None else None

    def _party_of(self, person: int, i: int) -> Mention | None:
        """The party the article has said the person is a member of (the latest told), as
        named last before token i."""
        party = None
        for key, fact in self.facts.of_kind("membership"):
            if key[0] == person and isinstance(key[1], int) and self.m.entity(
                    key[1]).kind == PARTY and fact.fields.get("status") not in NOT_MEMBER:
                party = key[1]
        if party is None:
            return None
        named = [m for m in self.m.in_span(0, i, {PARTY}) if m.entity == party]
        return named[-1] if named else None

    def _party_named_last(self, s: Sentence, i: int) -> Mention | None:
        """The party named last before token i: in the sentence, else in the sentences before
        it in its paragraph (or, opening a paragraph, the one sentence before). A party the
        story's actors only dealt with ("a deal with the Congress", "a BJP rally") is passed
        over for one that acts or that someone belongs to, where there is one."""
        here = self.before(s.span, i, {PARTY})
        if here:
            return here[0]
        found: list[Mention] = []
        for n, x in enumerate(reversed(self.ctx.sentences_before(s.span, 5))):
            prev = self.ctx.sentence_at(x.start)
            if n > 0 and prev is not None and prev.paragraph != s.paragraph:
                break
            found += reversed(self.m.in_span(x.start, x.end, {PARTY}))
            if prev is not None and prev.paragraph != s.paragraph:
                break
        return next((m for m in found if not self._dealt_with(m)), found[0] if found else None)

    def _dealt_with(self, m: Mention) -> bool:
        """Is the party named as what others dealt with: the object of "with", "against",
        "to", "at" ("a deal with the Congress"), or a modifier of a thing ("a BJP rally")?"""
        nxt = self.doc[m.end] if m.end < len(self.doc) else None
        thing = nxt is not None and nxt.tag_ in ("NN", "NNS") and nxt.is_lower and (
            nxt.lower_ not in self.role_words)
        return thing or self._governed_by(m, tuple(section("reference")["dealt_with"]))

    # people ---------------------------------------------------------------------------------
    def _people_back(self, tok: Token, s: Sentence) -> None:
        """"the four MLAs", "the two Congress leaders", "the expelled leaders", "the rebels":
        the people they refer to act for the verb after them (``group_actors``) and are a
        mention where the phrase stands."""
        spec, sent = section("reference"), s.span
        j, count = tok.i + 1, None
        if j < sent.end:
            t = self.doc[j]
            count = WORD_COUNTS.get(t.lower_) or (int(t.text) if t.text.isdigit() and len(
                t.text) <= 2 else None)
            j += count is not None
        mods: list[str] = []
        while j < sent.end and (self.doc[j].lower_ in spec["modifiers"] or (
                self.m.at(j) is not None and self.m.at(j).kind == PARTY)):
            mods.append(self.doc[j].lower_)
            j = self.m.at(j).end if self.m.at(j) is not None else j + 1
        if j >= sent.end or self.doc[j].lower_ not in spec["people_nouns"] or (
                self.m.at(j) is not None):
            return
        end = j + 1
        if end in self.group_actors or (end < sent.end and self.doc[end].text in (",", "—", ":")
                                        and self.m.at(end + 1) is not None):
            return  # a counted group the mentions read, or a list naming them right here
        status = next((spec["status"][w] for w in [*mods, self.doc[j].lower_]
                       if w in spec["status"]), None)
        if count is not None:
            people = self._listed(count, s, tok.i, spec["lookback"])
        elif status is not None:
            people = self._with_status(status, tok.i)
        else:
            return  # "the leaders": too vague to say whom
        if not people:
            return
        self.group_actors[end] = people
        if not self.m.in_span(tok.i, end):  # "the two Congress MLAs" keeps its party mention
            self.m.insert(Mention(PERSON, tok.i, end, self.doc[tok.i:end].text, implicit=True,
                                  source=people[0].start), people[0].entity,
                          tuple(p.entity for p in people[1:]))
        for p in people:
            self.refer(s, [p.entity], p.start)

    def _listed(self, count: int, s: Sentence, i: int, lookback: int) -> list[Mention]:
        """The last set of exactly ``count`` people listed ("A, B and C") before token i, in
        this sentence or the ``lookback`` before it."""
        for x in [s.span.start, *reversed([y.start for y in self.ctx.sentences_before(
                s.span, lookback)])]:
            sent = self.ctx.sentence_at(x)
            if sent is None:
                continue
            runs, seen = [], set()
            for m in self.m.in_span(sent.span.start, min(sent.span.end, i), {PERSON}):
                if m.implicit or m.start in seen:
                    continue
                run = [p for p in self.group(m, sent.span, {PERSON}) if p.end <= i]
                seen.update(p.start for p in run)
                runs.append(run)
            for run in reversed(runs):
                if len({p.entity for p in run}) == count and not any(p.implicit for p in run):
                    return run
        return []

    def _with_status(self, status: str, i: int) -> list[Mention]:
        """The people the article has so far given this membership status, each as first
        named before token i."""
        people: list[int] = []
        for key, fact in self.facts.of_kind("membership"):
            if fact.fields.get("status") == status and key[0] not in people:
                people.append(key[0])
        out = []
        for e in people:
            named = [m for m in self.m.in_span(0, i, {PERSON})
                     if m.entity == e and not m.implicit]
            if named:
                out.append(named[0])
        return out

    # evidence -------------------------------------------------------------------------------
    def carry_evidence(self) -> None:
        """A fact from a sentence that refers back to an entity it names also rests on the
        sentence that named it: its evidence joins both (SCHEMA.md: " … ")."""
        starts = {x.chars: x.span.start for x in self.ctx.sentences}
        for fact in self.facts:
            names = set()
            for field in ("person", "org", "candidate", "party", "actors", "targets",
                          "alliance"):
                value = fact.fields.get(field)
                names.update(value if isinstance(value, list) else [value] if value else [])
            for span in list(fact.spans):
                for entities, source in self.referred.get(starts.get(span, -1), []):
                    if source not in fact.spans and any(self.m.name(e) in names
                                                        for e in entities):
                        fact.spans.append(source)
