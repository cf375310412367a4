"""Shared by the rules: word lists, and the helpers that find a verb's arguments."""

from __future__ import annotations

from bisect import bisect_left

from spacy.tokens import Span, Token

from chunav.extract.context import Context, Sentence
from chunav.extract.dates import find_date
from chunav.extract.facts import FactSet
from chunav.extract.gazetteer import PARTY, PERSON, roles
from chunav.extract.lexicon import table, words
from chunav.extract.numbers import numbers
from chunav.extract.spans import AGENTS, Mention
from chunav.extract.specs import Specs, bundled
from chunav.extract.syntax import DATELINE, Parses
from chunav.extract.triggers import Trigger

QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
FIRST_PERSON = words("first_person")
STATUS_WORDS = table("status_words")
ROLE_MODIFIERS = words("role_modifiers")
AUX_ADV = words("aux_adv")
CLAUSE_OPENERS = words("clause_openers")
OFFICES = words("offices")
CANDIDATE_WORDS = words("candidate_words")
PARTY_BACK = words("party_back")
PARTY_BACK_DET = words("party_back_determiners")

def _roles() -> tuple[set[str], set[str]]:
    r = roles()
    return ({x.lower() for x in r["roles"]}, {x.lower() for x in r["government"]})


class RuleBase:
    """State of one article's extraction, and the helpers every rule uses."""

    def __init__(self, ctx: Context, specs: Specs | None = None,
                 triggers: list[Trigger] | None = None) -> None:
        self.ctx, self.m, self.doc = ctx, ctx.mentions, ctx.doc
        self.specs = specs or bundled()
        self.trigger_list = triggers or []
        self._trigger_at = {t.start: t for t in self.trigger_list}
        self._trigger_starts = [t.start for t in self.trigger_list]
        self.parses = Parses(ctx.doc)
        self.facts = FactSet()
        self.party_roles, self.gov_roles = _roles()
        self.role_words = {w for r in self.party_roles for w in r.split()}
        self.winners: dict[tuple[str | None, int], str] = {}  # (election, person) -> seat
        self.losers: set[tuple[str | None, int]] = set()
        self.used_numbers: set[int] = set()
        self._seat_party: str | None = None
        self.recent_actors: set[tuple[int, int]] = set()  # (entity, sentence start)
        self._numbers: dict[int, list] = {}
        self._counted: list[tuple[int, str, int, str | None]] = []  # token, unit, para, agent
        # sentence start -> (entities it refers back to, char span of the sentence naming them)
        self.referred: dict[int, list[tuple[frozenset[int], tuple[int, int]]]] = {}
        self.group_actors: dict[int, list[Mention]] = {}  # token after a group -> its people

    def trigger_at(self, i: int, forms: tuple[str, ...] = ("word",)) -> str | None:
        """The event type of the trigger of these forms that starts at token i."""
        t = self._trigger_at.get(i)
        return t.type if t is not None and t.form in forms else None

    def triggers_in(self, sent: Span) -> list[Trigger]:
        """The triggers of a sentence, in text order."""
        lo = bisect_left(self._trigger_starts, sent.start)
        hi = bisect_left(self._trigger_starts, sent.end)
        return self.trigger_list[lo:hi]

    def name(self, m: Mention) -> str:
        return self.m.name(m)

    def before(self, sent: Span, i: int, kinds: set[str] = AGENTS) -> list[Mention]:
        """Mentions ending before token i in the sentence, nearest first."""
        return sorted((m for m in self.m.in_span(sent.start, i, kinds) if m.end <= i),
                      key=lambda m: -m.start)

    def actor_before(self, sent: Span, i: int, kinds: set[str] = AGENTS) -> list[Mention]:
        """Agents before the verb at i, nearest first, jumping over a clause between subject
        and verb: "Gavit, who had won on a BJP ticket, joined ..." -> Gavit."""
        j = i - 1
        while j > sent.start and self.m.at(j) is None and (
                self.doc[j].lower_ in AUX_ADV or self.doc[j].tag_ in ("RB", "MD")
                or self.doc[j].ent_type_ in ("DATE", "TIME")):
            j -= 1
        if self.doc[j].lower_ in ("who", "which") and j > sent.start:
            # "Rathore, a former RJD leader who quit the party": who is the appositive's head
            k = j - 1
            if self.m.at(k) is None and self.doc[k].lower_ in self.role_words:
                while k > sent.start and self.doc[k].text != ",":
                    k -= 1
            near = self.before(sent, k + 1 if self.doc[k].text != "," else k, kinds)
            return near
        if self.doc[j].text == ",":
            o = j - 1
            while o > sent.start and self.doc[o].text != ",":
                o -= 1
            if self.doc[o].text == "," and self.doc[o + 1].lower_ in CLAUSE_OPENERS:
                head = self.doc[o - 1] if o > sent.start else None
                if head is not None and self.m.at(head.i) is None and (
                        head.lower_ in self.role_words):
                    # "Rebel NC leader, who contested as X, won": the clause names him
                    inside = [m for m in self.m.in_span(o, j, {PERSON}) if not m.implicit]
                    if inside:
                        return inside[-1:]
                near = self.before(sent, o, kinds)
                if near:
                    return near
        elif self.m.at(j) is None and self.doc[j].tag_ in ("NN", "NNS") and (
                self.doc[j].lower_ not in ("unit", "units")):
            return []  # "the local leaders resigned": a subject with no name
        return self.before(sent, i, kinds)

    def party_back(self, sent: Span, i: int) -> list[Mention]:
        """"the party expelled X": the words before token i are "the party" (or "its party"),
        standing for the party named last, in this sentence or in the two before."""
        if i - 2 < sent.start or self.doc[i - 1].lower_ not in PARTY_BACK or (
                self.doc[i - 2].lower_ not in PARTY_BACK_DET):
            return []
        here = self.before(sent, i - 2, {PARTY})
        if here:
            return here[:1]
        earlier = self.ctx.sentences_before(sent, 2)
        for prev in reversed(earlier):
            found = self.m.in_span(prev.start, prev.end, {PARTY})
            if found:
                return found[-1:]
        return []

    def after(self, sent: Span, i: int, kinds: set[str] = AGENTS) -> list[Mention]:
        return self.m.in_span(i, sent.end, kinds)

    def group(self, first: Mention, sent: Span, kinds: set[str]) -> list[Mention]:
        """A mention and those joined to it by "and", ",", "as well as" (the same kind)."""
        out, j = [first], first.end
        while j < sent.end:
            k = j
            joined = False
            while k < sent.end and (self.doc[k].lower_ in (
                    "and", ",", "as", "well", "also", "both", "the", "from", "backing",
                    "support", "leaders", "of") or (joined and (
                        self.doc[k].lower_ in self.role_words
                        or self.doc[k].lower_ in ROLE_MODIFIERS))):
                joined = joined or self.doc[k].lower_ in ("and", ",")
                k += 1
            nxt = self.m.at(k)
            if not joined and any(self.doc[x].lower_ in ("of", "from") for x in range(j, k)):
                break  # "X of the TIPRA Motha": X's party, not a second name
            if k == j or nxt is None or nxt.start != k or nxt.kind not in kinds:
                break
            out.append(nxt)
            j = nxt.end
        return out

    def group_before(self, last: Mention, sent: Span) -> list[Mention]:
        """"X and Y have withdrawn": the mentions joined to the one before a verb."""
        out, j = [last], last.start
        while j > sent.start:
            k = j - 1
            if self.doc[k].lower_ not in ("and", ","):
                break
            prev = self.m.at(k - 1)
            if prev is None or prev.kind != last.kind:
                break
            out.insert(0, prev)
            j = prev.start
        return out

    def modal(self, tok: Token, sent: Span, typ: str) -> bool:
        """Is the trigger a plan, wish, refusal or hearsay rather than a reported act? (The
        blockers of the specs; a type's ``infinitive`` table tells a directive "to support"
        from a wish.)"""
        blockers = self.specs.blockers
        window = [t.lower_ for t in self.doc[max(sent.start, tok.i - 4):tok.i]]
        told = " ".join(t.lower_ for t in self.doc[sent.start:tok.i])
        if any(f" {h} " in f" {told} " for h in blockers["hearsay"]):
            return True  # "Reports suggest that he had recently met X": unconfirmed
        if any(f" {r} " in f" {' '.join(window)} " for r in blockers["refusals"]):
            return True  # "ruled out joining the BJP"
        infinitive = self.specs[typ].infinitive
        if infinitive and "to" in window[-2:]:
            wide = [t.lower_ for t in self.doc[max(sent.start, tok.i - 12):tok.i]]
            return any(w in infinitive["block"] for w in wide) or not any(
                w in infinitive["directive"] for w in wide)
        if window and window[-1] == "to" and not infinitive and blockers["infinitive"]:
            return True
        return any(w in blockers["modal"] for w in window[-3:])

    def speaker(self, sent: Span) -> Mention | None:
        """The person a quote is attributed to: '"...", Jan told reporters'."""
        if not self.opens_with_quote(sent):
            return None
        close = max((t.i for t in sent if t.text in QUOTES and t.i > sent.start + 1), default=None)
        if close is None:
            return None
        after = self.after(sent, close, {PERSON})
        if after:
            return after[0]
        return self.m.at(close + 1) if self.m.at(close + 1) else None

    def opens_with_quote(self, sent: Span) -> bool:
        """Does the sentence start inside a quotation? (The sentencizer leaves an opening
        quote mark at the end of the sentence before.)"""
        text = sent.text.strip()
        return bool(text) and (text[0] in '"“' or (
            sent.start > 0 and self.doc[sent.start - 1].text in ('"', "“")
            and self.doc[sent.start - 1].whitespace_ == ""))

    def _governed_by(self, m: Mention, words: tuple[str, ...]) -> bool:
        """Is the mention the object of one of these prepositions ("from the X", "of X")?"""
        k = m.start - 1
        while k > 0 and self.doc[k].lower_ in ("the", "a", "both", "all", "its", "their"):
            k -= 1
        return k >= 0 and self.doc[k].lower_ in words

    def refer(self, s: Sentence, entities: tuple[int, ...] | list[int], token: int) -> None:
        """Record that sentence ``s`` refers back to these entities as named at ``token``
        (its facts about them rest on that sentence too: ``carry_evidence``)."""
        source = self.ctx.sentence_at(token)
        if source is not None and source.span.start != s.span.start:
            self.referred.setdefault(s.span.start, []).append(
                (frozenset(entities), source.chars))

    def each(self, mentions: list[Mention]) -> list[Mention]:
        """A phrase standing for several people ("the four MLAs") as one mention per person."""
        return [self._as_entity(m, e) for m in mentions
                for e in (m.entities if m.implicit and m.kind == PERSON else (m.entity,))]

    @staticmethod
    def _as_entity(m: Mention, entity: int) -> Mention:
        if entity == m.entity:
            return m
        return Mention(m.kind, m.start, m.end, m.text, entity, m.implicit)

    def add_event(self, typ: str, actors: list[Mention], targets: list[str], s: Sentence,
                  place: str | None = None, extra_key: tuple = (), date: str | None = None,
                  extra: dict | None = None, confidence: float = 0.7) -> None:
        """One event; `extra_key` tells apart acts of the same actors (one per seat or date),
        `date` overrides the sentence's date, `extra` adds fields (the `party` of a seat),
        `confidence` says how its arguments were found (0.9 by syntax, 0.7 by position)."""
        if not actors:
            return
        actors = [self._as_entity(a, e) for a in actors for e in a.entities]
        names = {self.name(a) for a in actors}
        targets = [t for t in targets if t not in names]
        identity = self.specs[typ].identity
        groups = [[a] for a in actors] if identity.get("each_actor") else [actors]
        for group in groups:
            ids: tuple = tuple(sorted({a.entity for a in group}))
            if identity.get("targets"):  # meeting X and meeting Y are two meetings
                ids = (*ids, *sorted(targets))
            ids = (*ids, *extra_key)
            text = s.span.text
            if s.year and self.ctx.published and s.year != self.ctx.published.year:
                text = DATELINE.sub("", text, count=1)  # "Bathinda, March 10: In 2012, ..."
            when = date or find_date(text, self.ctx.published)
            if when is None and s.year and self.ctx.published and s.year != \
                    self.ctx.published.year:
                when = str(s.year)
            if identity.get("year") and when and not extra_key and self.ctx.published and (
                    when[:4] != str(self.ctx.published.year)):
                ids = (*ids, when[:4])  # a win in 2012 and a win in 2017 are two wins
            fields = {"type": typ, "actors": list(dict.fromkeys(self.name(a) for a in group)),
                      "targets": list(dict.fromkeys(targets)), "date": when, "place": place,
                      **(extra or {})}
            self.facts.add("event", (typ, ids), fields, s.chars, confidence)

    def numbers(self, sent: Span) -> list:
        """The numbers of a sentence (read once, used by several rules)."""
        if sent.start not in self._numbers:
            self._numbers[sent.start] = numbers(self.doc, sent.start, sent.end)
        return self._numbers[sent.start]

