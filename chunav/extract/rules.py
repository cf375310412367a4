"""The relation rules: from a sentence's mentions and words to facts of SCHEMA.md's kinds.

Rules read surface patterns over the mentions (no parse): the actor of a verb is the nearest
agent before it (or the one after "by"/"from" in the passive, or the speaker of a quote), its
targets the agents after it. Modal and future verbs ("likely to join", "will meet") make no
event. Each rule is a small function over one sentence; ``extract`` runs them all and then
settles what needs the whole article (who won, who was a candidate, who backed whom).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Span, Token

from chunav.extract.context import Context, Sentence
from chunav.extract.dates import find_date
from chunav.extract.facts import FactSet
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT, roles
from chunav.extract.mentions import AGENTS, ORG, PLACE, UNIT, Mention
from chunav.extract.numbers import numbers

TRIGGERS: dict[str, str] = {}
for _type, _words in {
    "MEET": "met meet meets meeting",
    "SUPPORT": "support supported supports supporting backing backed backs endorse endorsed "
               "endorses endorsing",
    "OPPOSE": "opposed oppose opposes opposing",
    "RESIGN": "resigned resign resigns resigning",
    "JOIN": "joined join joins joining",
    "LEAVE": "quit quits left leaves exited deserted",
    "WITHDRAW": "withdrawn withdrew withdraw withdraws",
    "WIN": "won wins win retained retains bagged clinched wrested",
    "DEFEAT": "defeated defeating beat beating trounced outsmarted",
    "CONGRATULATE": "congratulated congratulate congratulates congratulating",
    "DEMAND": "demand demands demanded demanding",
    "ALLOCATE_SEAT": "allocated allotted allocation",
    "STATEMENT": "posted tweeted",
}.items():
    for _w in _words.split():
        TRIGGERS[_w] = _type

MODAL = {"likely", "will", "would", "may", "might", "could", "expected", "plans", "plan",
         "set", "shall", "should", "if", "not", "never", "decision", "wants", "want", "hopes",
         "ready", "keen", "mulling", "considering", "seek", "seeking", "sought", "pressure",
         "pressurizing", "pressurising", "insists", "urge"}
SUPPORT_BLOCK = {"pressure", "pressurizing", "pressurising", "seek", "seeking", "sought",
                 "insists", "insist", "will", "would", "may", "might", "not", "refused"}
DIRECTIVE = {"directed", "directive", "urging", "urged", "asked", "decided", "decision",
             "resolved", "appealed", "called", "instructed"}
SPLIT_ACTORS = {"SUPPORT", "WITHDRAW", "CONGRATULATE", "OPPOSE"}
KEYED_BY_TARGET = {"MEET", "SUPPORT", "OPPOSE", "CONGRATULATE", "JOIN", "LEAVE"}
QUOTES = {'"', "“", "”", "'", "‘", "’", "``", "''"}
FIRST_PERSON = {"we", "i", "our", "my", "us"}
STATUS_WORDS = {"rebel": "rebel", "former": "former", "ex": "former", "expelled": "expelled",
                "suspended": "expelled"}
ROLE_MODIFIERS = {"former", "senior", "prominent", "veteran", "rebel", "newly", "elected",
                  "sitting", "ex", "-", "local", "district", "state", "national", "working",
                  "general", "additional", "chief", "executive", "vice", "and", "joint",
                  "deputy", "party", "its", "their", "his", "her", "the", "a", "an", "young",
                  "influential", "top", "erstwhile", "outgoing", "incumbent"}
AUX_ADV = {"had", "has", "have", "was", "were", "is", "are", "also", "on", "then", "later",
           "finally", "formally", "promptly", "today", "yesterday", "reportedly", "recently",
           "subsequently", "eventually", "again", "however", "too", "already", "vehemently"}
CLAUSE_OPENERS = {"who", "which", "whose", "a", "an", "the", "also", "one", "after", "when",
                  "while", "along", "besides", "like"}
COUNT_WORDS = {"seat", "seats", "candidates", "mlas", "mps", "constituencies"}
OFFICES = {"president", "chief", "secretary", "convenor", "convener", "chairman",
           "chairperson", "treasurer", "in-charge", "head"}
CANDIDATE_WORDS = {"candidate", "candidates", "nominee", "nominees", "contestant"}
Rule = Callable[["Extraction", Sentence], None]


def _within(people: set[str], orgs: set[str], members: dict[str, set[str]]) -> bool:
    """Are all these people members of the organisations named?"""
    known = {p for o in orgs for p in members.get(o, ())}
    return bool(known) and people <= known


def _roles() -> tuple[set[str], set[str]]:
    r = roles()
    return ({x.lower() for x in r["roles"]}, {x.lower() for x in r["government"]})


class Extraction:
    """Runs the rules over one article."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.m, self.doc = ctx, ctx.mentions, ctx.doc
        self.facts = FactSet()
        self.party_roles, self.gov_roles = _roles()
        self.role_words = {w for r in self.party_roles for w in r.split()}
        self.winners: dict[tuple[str | None, int], str] = {}  # (election, person) -> seat
        self.losers: set[tuple[str | None, int]] = set()
        self.used_numbers: set[int] = set()
        self._seat_party: str | None = None
        self.recent_actors: set[tuple[int, int]] = set()  # (entity, sentence start)
        self._numbers: dict[int, list] = {}

    # helpers ------------------------------------------------------------------------------
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
        """Is the verb a plan, wish or negation rather than a reported act?"""
        window = [t.lower_ for t in self.doc[max(sent.start, tok.i - 4):tok.i]]
        if typ == "SUPPORT" and "to" in window[-2:]:
            wide = [t.lower_ for t in self.doc[max(sent.start, tok.i - 12):tok.i]]
            return any(w in SUPPORT_BLOCK for w in wide) or not any(w in DIRECTIVE for w in wide)
        if window and window[-1] == "to" and typ not in ("SUPPORT",):
            return True
        return any(w in MODAL for w in window[-3:])

    def speaker(self, sent: Span) -> Mention | None:
        """The person a quote is attributed to: '"...", Jan told reporters'."""
        text = sent.text.strip()
        if not text or text[0] not in '"“':
            return None
        close = max((t.i for t in sent if t.text in QUOTES and t.i > sent.start + 1), default=None)
        if close is None:
            return None
        after = self.after(sent, close, {PERSON})
        if after:
            return after[0]
        return self.m.at(close + 1) if self.m.at(close + 1) else None

    @staticmethod
    def _as_entity(m: Mention, entity: int) -> Mention:
        if entity == m.entity:
            return m
        return Mention(m.kind, m.start, m.end, m.text, entity, m.implicit)

    def add_event(self, typ: str, actors: list[Mention], targets: list[str], s: Sentence,
                  place: str | None = None) -> None:
        if not actors:
            return
        actors = [self._as_entity(a, e) for a in actors for e in a.entities]
        names = {self.name(a) for a in actors}
        targets = [t for t in targets if t not in names]
        groups = [[a] for a in actors] if typ in SPLIT_ACTORS else [actors]
        for group in groups:
            ids: tuple = tuple(sorted({a.entity for a in group}))
            if typ in KEYED_BY_TARGET:  # meeting X and meeting Y are two meetings
                ids = (*ids, *sorted(targets))
            date = find_date(s.span.text, self.ctx.published)
            if date is None and s.year and self.ctx.published and s.year != \
                    self.ctx.published.year:
                date = str(s.year)
            fields = {"type": typ, "actors": list(dict.fromkeys(self.name(a) for a in group)),
                      "targets": list(dict.fromkeys(targets)), "date": date, "place": place}
            self.facts.add("event", (typ, ids), fields, s.chars)

    # the pass over the article ------------------------------------------------------------
    def numbers(self, sent: Span) -> list:
        """The numbers of a sentence (read once, used by several rules)."""
        if sent.start not in self._numbers:
            self._numbers[sent.start] = numbers(self.doc, sent.start, sent.end)
        return self._numbers[sent.start]

    def run(self) -> FactSet:
        for s in self.ctx.sentences:
            for rule in (self.events, self.memberships, self.candidacies, self.alliances,
                         self.results, self.figures):
                rule(s)
        self.settle()
        return self.facts

    # events -------------------------------------------------------------------------------
    def events(self, s: Sentence) -> None:
        sent = s.span
        done: list[tuple[str, list[Mention]]] = []
        speaker = self.speaker(sent)
        statement: Token | None = None
        for tok in sent:
            typ = TRIGGERS.get(tok.lower_) or self._phrase_trigger(tok, sent)
            if typ is None or self.m.at(tok.i) is not None:
                continue
            if typ == "WIN" and tok.lower_ == "lost":
                self._lost_to(tok, s)
                continue
            if typ == "STATEMENT":
                if tok.lower_ not in ("posted", "tweeted") or self._refine(typ, tok, sent):
                    statement = tok
                continue
            typ = self._refine(typ, tok, sent)
            if typ is None or self.modal(tok, sent, typ):
                continue
            actors, targets = self._arguments(typ, tok, sent, done, speaker)
            if not actors:
                continue
            done.append((typ, actors))
            names = [self.name(t) if isinstance(t, Mention) else t for t in targets]
            place = None
            if typ == "MEET":
                places = [m for m in self.after(sent, tok.i, {PLACE})
                          if m.start > 0 and self.doc[m.start - 1].lower_ == "in"]
                place = self.name(places[0]) if places else None
            self.add_event(typ, actors, names, s, place)
            self.recent_actors.update((a.entity, s.span.start) for a in actors)
            if typ == "ALLOCATE_SEAT":
                key = (typ, tuple(sorted({a.entity for a in actors})))
                fact = self.facts.get("event", key)
                if fact is not None:
                    fact.fields["party"] = self._seat_party
            self._event_facts(typ, tok, actors, targets, s)

        if statement is not None and not done:
            self._statement(statement, s)

    def _phrase_trigger(self, tok: Token, sent: Span) -> str | None:
        """Events named by two words: "ruled out", "press conference", "lost ... to"."""
        low = tok.lower_
        nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if low == "ruled" and nxt == "out":
            return "OPPOSE"
        if low == "conference" and tok.i > sent.start and self.doc[tok.i - 1].lower_ in (
                "press", "news"):
            return "STATEMENT"
        if low in ("accused", "alleged", "slammed", "attacked"):
            return "STATEMENT"
        if low == "lost" and any(t.lower_ == "to" for t in self.doc[tok.i + 1:sent.end]):
            return "WIN"
        if low in ("got", "gets", "given", "allotted", "allocated", "allocated"):
            seats = [m for m in self.after(sent, tok.i + 1, {SEAT}) if m.start - tok.i <= 5]
            if seats and any(t.lower_ in ("seat", "seats") for t in self.doc[tok.i:seats[0].start]):
                return "ALLOCATE_SEAT"
        return None

    def _statement(self, tok: Token, s: Sentence) -> None:
        """A press conference, post or public accusation no other event covers."""
        sent = s.span
        if any(t.lower_.startswith("resignation") for t in sent):
            return  # what was announced is a resignation: RESIGN covers it
        if tok.lower_ == "conference":
            actors = self.m.in_span(sent.start, sent.end, {PERSON, PARTY, UNIT, ORG})[:1]
        else:
            actors = self.actor_before(sent, tok.i)[:1]
        if not actors or any((a.entity, start) in self.recent_actors for a in actors
                             for start in self._recent_starts(sent)):
            return
        self.add_event("STATEMENT", actors, [], s)

    def _recent_starts(self, sent: Span) -> list[int]:
        """Starts of this sentence and the one before (a post right after the act it reports)."""
        starts = [x.start for x in self.doc.sents if x.start <= sent.start]
        return starts[-4:]

    def _lost_to(self, tok: Token, s: Sentence) -> None:
        """"The NPP also lost the Tura seat to the Congress": the Congress won Tura."""
        sent = s.span
        to = next((t.i for t in self.doc[tok.i + 1:sent.end] if t.lower_ == "to"), None)
        seats = [m for m in self.after(sent, tok.i + 1, {SEAT}) if to is None or m.start < to]
        if to is None or not seats:
            return
        winners = [m for m in self.after(sent, to + 1, {PERSON, PARTY}) if m.start - to <= 3]
        if winners:
            self.add_event("WIN", winners[:1], [self.name(seats[0])], s)

    def _refine(self, typ: str, tok: Token, sent: Span) -> str | None:
        """Words whose event depends on what follows."""
        nxt = [t.lower_ for t in self.doc[tok.i + 1:min(sent.end, tok.i + 6)]]
        if typ == "WITHDRAW" and not any(w.startswith(("nomination", "candidat", "race",
                                                       "contest", "name", "from")) for w in nxt):
            return None
        if typ == "LEAVE" and tok.lower_ == "left" and not (
                self.after(sent, tok.i + 1, {PARTY, ALLIANCE})
                and self.after(sent, tok.i + 1, {PARTY, ALLIANCE})[0].start <= tok.i + 3):
            return None
        if typ == "WIN":
            rest = self.doc[tok.i + 1:min(sent.end, tok.i + 8)]
            if not any(t.lower_ in ("seat", "election", "polls", "by", "from", "constituency",
                                    "bypoll", "contest", "votes")
                       or (self.m.at(t.i) and self.m.at(t.i).kind in (SEAT, HOUSE))
                       for t in rest):
                return None
        if typ == "STATEMENT" and not any(w in ("on", "social", "media", "x", "twitter")
                                          for w in nxt):
            return None
        if typ == "ALLOCATE_SEAT" and not any(
                m.kind == SEAT for m in self.m.in_span(sent.start, sent.end)) and not (
                "seat" in sent.text.lower() and self.ctx.seat):
            return None
        if typ == "MEET" and tok.lower_ == "meeting" and not (
                tok.i + 1 < sent.end and self.doc[tok.i + 1].lower_ in ("of", "with")) and not (
                tok.i > sent.start and self.doc[tok.i - 1].lower_ in ("after", "while", "by")):
            return None
        if typ == "SUPPORT" and (nxt[:1] and nxt[0] in ("price", "prices", "base", "system",
                                                         "staff") or self.doc[
                                     tok.i - 1].lower_ in ("minimum", "seek", "the")):
            return None
        return typ

    def _arguments(self, typ: str, tok: Token, sent: Span, done: list, speaker: Mention | None
                   ) -> tuple[list[Mention], list]:
        """(actors, targets) of the verb at tok."""
        prev_words = [t.lower_ for t in self.doc[max(sent.start, tok.i - 3):tok.i]]
        if typ == "ALLOCATE_SEAT":
            return self._seat_sharing(tok, sent)
        # "... defeated X and later joined Y": the same actor as the verb before
        if done and "and" in prev_words and not self._mention_between(tok, sent):
            actors = done[-1][1]
        elif tok.lower_ == "meeting" and self.doc[tok.i + 1].lower_ == "of":
            people = self.after(sent, tok.i + 2, {PERSON})
            actors = people[:1]
            if not actors:
                return [], []
            with_ = next((t.i for t in self.doc[actors[0].end:sent.end] if t.lower_ == "with"),
                         None)
            rest = self.after(sent, with_, {PERSON}) if with_ is not None else []
            return actors, self.group(rest[0], sent, {PERSON}) if rest else []
        elif self._passive(tok, sent):
            by = [m for m in self.after(sent, tok.i) if self._governed_by(
                m, ("by", "from", "of"))]
            if by and by[0].start - tok.i > 8:
                by = []
            subject = [m for m in self.m.in_span(sent.start, tok.i, AGENTS) if m.end <= tok.i]
            return (self.group(by[0], sent, AGENTS) if by else []), subject[:1]
        else:
            near = self.actor_before(sent, tok.i)
            actors = self.group_before(near[0], sent) if near else []
            if (not actors or self._inside_quote(tok, sent)) and speaker is not None:
                actors = [speaker]
        return actors, self._targets(typ, tok, sent)

    def _mention_between(self, tok: Token, sent: Span) -> bool:
        """Is there a new subject between "and" and this verb? ("X won and Y joined" has one;
        "X defeated Y and later joined" has none)."""
        k = tok.i - 1
        while k > sent.start and self.doc[k].lower_ != "and":
            if self.m.at(k) is not None and self.m.at(k).kind in AGENTS:
                return True
            k -= 1
        return False

    def _governed_by(self, m: Mention, words: tuple[str, ...]) -> bool:
        """Is the mention the object of one of these prepositions ("from the X", "of X")?"""
        k = m.start - 1
        while k > 0 and self.doc[k].lower_ in ("the", "a", "both", "all", "its", "their"):
            k -= 1
        return k >= 0 and self.doc[k].lower_ in words

    def _seat_sharing(self, tok: Token, sent: Span) -> tuple[list[Mention], list]:
        """"the Ladakh seat was allocated to the Congress": actors are the parties to the
        deal (named in the sentence, else in the one before), targets the seat; the party
        that gets the seat is recorded apart."""
        gets = [m for m in self.after(sent, tok.i + 1, {PARTY})
                if self._governed_by(m, ("to", "favoured", "favored", "for")) or
                m.start - tok.i <= 2]
        parties = self.m.in_span(sent.start, sent.end, {ALLIANCE})  # "the INDIA bloc's deal"
        if not parties:
            parties = self.m.in_span(sent.start, sent.end, {PARTY})
        if len({m.entity for m in parties}) < 2 and not any(m.kind == ALLIANCE for m in parties):
            earlier = [s for s in self.doc.sents if s.end <= sent.start]
            if earlier:  # "According to their seat-sharing agreement, ...": the parties before
                prev = earlier[-1]
                parties = self.m.in_span(prev.start, prev.end, {PARTY}) + parties
        actors = list({m.entity: m for m in parties}.values())
        self._seat_party = self.name(gets[0]) if gets else None
        seats = self.m.in_span(sent.start, sent.end, {SEAT})
        enough = len(actors) >= 2 or any(m.kind == ALLIANCE for m in actors)
        seat = self.name(seats[0]) if seats else self.ctx.seat_in(sent)
        return (actors if enough else []), [seat] if seat else []

    def _passive(self, tok: Token, sent: Span) -> bool:
        prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 2):tok.i]]
        nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if tok.lower_ in ("support", "backing") and (nxt == "from" or any(
                w in ("received", "got", "receives", "gets", "enjoyed") for w in prev)):
            return True
        return any(w in ("was", "were", "been", "is", "are", "be") for w in prev) and (
            tok.lower_.endswith("ed") or tok.lower_ in ("beat", "won", "left", "quit"))

    def _inside_quote(self, tok: Token, sent: Span) -> bool:
        opened = sum(1 for t in self.doc[sent.start:tok.i] if t.text in QUOTES)
        return opened % 2 == 1 and any(
            t.lower_ in FIRST_PERSON for t in self.doc[max(sent.start, tok.i - 3):tok.i])

    def _targets(self, typ: str, tok: Token, sent: Span) -> list:
        after = self.after(sent, tok.i + 1)
        if typ in ("MEET", "CONGRATULATE", "DEFEAT"):
            people = [m for m in self.after(sent, tok.i + 1, {PERSON})]
            if people and (not after or people[0].start - tok.i <= 12):
                return self.group(people[0], sent, {PERSON})
            if typ == "DEFEAT":
                return [m for m in after if m.kind == PARTY][:3]
            return after[:1]
        if typ == "SUPPORT":
            first = after[0] if after else None
            if first is not None and first.kind in (ALLIANCE, PARTY) and self._governed_by(
                    first, ("to", "for")) and first.start - tok.i <= 4:
                nxt = self.m.at(first.end) or (self.m.at(first.end + 1) if first.end + 1 <
                                               sent.end else None)
                owner = first.end < sent.end and self.doc[first.end].text in ("'s", "’s")
                if not owner and (nxt is None or nxt.kind != PERSON):
                    return [first]  # not "the INDIA alliance Tsering N." nor "the LDA's X"
            people = self.after(sent, tok.i + 1, {PERSON})
            return people[:1] or after[:1]
        if typ in ("JOIN", "LEAVE", "RESIGN") and tok.i + 2 < sent.end and [
                t.lower_ for t in self.doc[tok.i + 1:tok.i + 3]] in (["the", "party"],
                                                                     ["from", "the"]) and (
                self.doc[tok.i + 2].lower_ == "party" or (tok.i + 3 < sent.end and self.doc[
                    tok.i + 3].lower_ == "party")):
            parties = self.before(sent, tok.i, {PARTY})
            if parties:
                return parties[:1]
        if typ in ("JOIN", "LEAVE"):
            orgs = [m for m in self.after(sent, tok.i + 1, {PARTY, ALLIANCE, ORG})
                    if not (m.end + 1 < sent.end and self.doc[m.end].text == "-"
                            and self.doc[m.end + 1].lower_ in ("led", "headed", "backed"))]
            return orgs[:1]
        if typ == "RESIGN":
            froms = [m for m in after if m.kind in (PARTY, ORG, HOUSE, ALLIANCE)
                     and self._governed_by(m, ("from", "of")) and m.start - tok.i <= 6]
            if froms:
                return froms[:1]
            if tok.i + 1 < sent.end and self.doc[tok.i + 1].lower_ == "from":
                return self._phrase_after(self.doc[tok.i + 1], sent)[:1]
            return []
        if typ in ("WITHDRAW", "WIN", "ALLOCATE_SEAT"):
            seats = self.after(sent, tok.i + 1, {SEAT, HOUSE}) or self.m.in_span(
                sent.start, sent.end, {SEAT})
            seat = self.name(seats[0]) if seats else self.ctx.seat_in(sent)
            return [seat] if seat else []
        if typ in ("DEMAND", "OPPOSE"):
            return self._phrase_after(tok, sent)
        if typ == "STATEMENT":
            return []
        return after[:1]

    def _phrase_after(self, tok: Token, sent: Span) -> list[str]:
        """What is demanded or opposed, as written: "the sixth schedule and statehood"."""
        words: list[Token] = []
        for t in self.doc[tok.i + 1:sent.end]:
            if t.is_punct and t.text not in ("-",) or t.lower_ in ("which", "that", "who"):
                break
            words.append(t)
        while words and words[0].lower_ in ("including", "for", "of", "the", "to", "this"):
            words.pop(0)
        text = " ".join(t.text for t in words)
        return [p.strip() for p in text.split(" and ") if p.strip()] if text else []

    def _event_facts(self, typ: str, tok: Token, actors: list[Mention], targets: list,
                     s: Sentence) -> None:
        """Double encoding (SCHEMA.md): a join, a resignation, a withdrawal, a win is also a
        change of state."""
        election = self.ctx.election(s.year, s.span)
        for a in actors:
            if typ == "WIN" and a.kind == PERSON:
                self.winners[(election, a.entity)] = targets[0] if targets else None
                self._candidacy(a, s, status="contested", seat=targets[0] if targets else None)
            if typ == "DEFEAT" and a.kind == PERSON:
                self._candidacy(a, s, status="contested")
            if typ == "WITHDRAW" and a.kind == PERSON:
                self._candidacy(a, s, status="withdrawn")
            for t in targets:
                if not isinstance(t, Mention):
                    continue
                if typ == "DEFEAT" and t.kind == PERSON:
                    self.losers.add((election, t.entity))
                    self._candidacy(t, s, status="contested")
                if typ in ("JOIN", "LEAVE") and t.kind == ALLIANCE:
                    self._alliance(a, t, "joined" if typ == "JOIN" else "left", s)
                if typ == "RESIGN" and t.kind == HOUSE and a.kind == PERSON:
                    self._membership(a, t, None, "resigned", s)
                if typ in ("JOIN", "LEAVE", "RESIGN") and t.kind == PARTY and a.kind == PERSON:
                    status = {"JOIN": "joined", "LEAVE": "resigned", "RESIGN": "resigned"}[typ]
                    self._membership(a, t, None, status, s)

    # memberships ----------------------------------------------------------------------------
    def memberships(self, s: Sentence) -> None:
        sent = s.span
        for p in self.m.in_span(sent.start, sent.end, {PERSON}):
            if p.implicit:
                if self.doc[p.start].lower_ in ("leader", "candidate", "mla", "mp"):
                    self._rebel_membership(p, s)
                continue
            self._premodifier(p, s)
            self._appositive(p, s)
            self._role_of_before(p, s)
            self._who_is(p, s)
        for tok in sent:
            if tok.lower_ == "expelled":
                self._expelled(tok, s)
            elif tok.lower_ in ("elected", "election") and tok.i + 2 < sent.end and \
                    self.doc[tok.i + 1].lower_ == "to":
                houses = [m for m in self.after(sent, tok.i + 2, {HOUSE}) if m.start - tok.i <= 4]
                people = self.actor_before(sent, tok.i, {PERSON})
                if houses and people:
                    self._membership(people[0], houses[0], None, "member", s)

    def _who_is(self, p: Mention, s: Sentence) -> None:
        """"Bhagwant Mann, who is also the state AAP president"."""
        sent, j = s.span, p.end
        words = [t.lower_ for t in self.doc[j:min(sent.end, j + 4)]]
        if words[:3] not in ([",", "who", "is"], [",", "who", "was"]):
            return
        j += 3
        while j < sent.end and self.doc[j].lower_ in ("also", "the", "a", "an", "now"):
            j += 1
        end = j
        while end < sent.end and not self.doc[end].is_punct and self.doc[end].lower_ not in (
                "who", "which", "and", "said"):
            end += 1
        orgs = self.m.in_span(j, end, {PARTY, ORG, UNIT})
        if not orgs:
            return
        org = orgs[0]
        role_words = [t for t in self.doc[j:end] if self.m.at(t.i) is None]
        if any(t.lower_ not in self.role_words and t.lower_ not in ROLE_MODIFIERS
               and t.lower_ != "of" for t in role_words):
            return
        role, status = self._role_phrase(role_words)
        if role is not None:
            before = [t.lower_ for t in self.doc[j:org.start]]
            self._membership(p, org, role, status, s, self._unit_name(org, before, j, s))

    def _expelled(self, tok: Token, s: Sentence) -> None:
        """"The JD(S) has expelled former MLA X", "X, who was expelled from the CPI(M)"."""
        sent = s.span
        prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 2):tok.i]]
        if any(w in ("was", "were", "been", "is") for w in prev):
            people = self.actor_before(sent, tok.i, {PERSON})
            parties = [m for m in self.after(sent, tok.i + 1, {PARTY}) if m.start - tok.i <= 3]
            if people and parties:
                self._membership(people[0], parties[0], None, "expelled", s)
            return
        parties = self.actor_before(sent, tok.i, {PARTY})
        people = [m for m in self.after(sent, tok.i + 1, {PERSON}) if m.start - tok.i <= 6]
        if not parties or not people:
            return
        for p in self.group(people[0], sent, {PERSON}):
            words = [t for t in self.doc[tok.i + 1:p.start] if t.lower_ in self.role_words]
            role, _ = self._role_phrase(words) if words else (None, None)
            self._membership(p, parties[0], role, "expelled", s)

    def _unit_name(self, party: Mention, words: list[str], start: int, s: Sentence
                   ) -> str | None:
        """A post in a party's state or district unit ("Punjab Congress chief", "Congress
        state president", "Sirohi district Congress president") is held in that unit."""
        if party.kind != PARTY:
            return None
        place = self.m.at(party.start - 1)
        if place is None and party.start >= 2 and self.doc[party.start - 1].lower_ == "district":
            place = self.m.at(party.start - 2)
            if place is None and self.doc[party.start - 2].text[:1].isupper():
                return f"{self.doc[party.start - 2].text} unit of {self.name(party)}"
        if place is not None and place.kind in (PLACE, SEAT):
            return f"{self.name(place)} unit of {self.name(party)}"
        if "state" in words and self.ctx.state:
            return f"{self.ctx.state} unit of {self.name(party)}"
        return None

    def _rebel_membership(self, p: Mention, s: Sentence) -> None:
        party = self.m.at(p.start - 1)
        if party is not None and party.kind == PARTY:
            self._membership(p, party, "leader", "rebel", s)

    def _role_phrase(self, tokens: Iterable[Token]) -> tuple[str | None, str | None]:
        """(role as written, status) of words such as "former Vice-President"."""
        words = [t for t in tokens if t.lower_ not in ("the", "a", "an", "its", "their", "his",
                                                        "her", "party", ",")]
        text = " ".join(t.text for t in words).replace(" - ", "-").strip()
        low = text.lower()
        status = next((v for k, v in STATUS_WORDS.items() if k in low.split()), None)
        if not text:
            return None, status
        bare = " ".join(w for w in low.split() if w not in ("former", "rebel", "senior",
                                                           "prominent", "newly", "elected",
                                                           "ex", "veteran", "sitting"))
        if any(g == bare or bare.endswith(g) for g in self.gov_roles) and not any(
                r in bare.split(" and ")[0] for r in self.party_roles if r not in ("chief",)):
            return None, status
        role = next((text.split(" and ")[0] for r in sorted(self.party_roles, key=len,
                                                            reverse=True)
                     if r in low.split(" and ")[0]), None)
        if role is None and any(r in low for r in self.party_roles):
            role = text
        if role is not None:
            role = " ".join(w for w in role.split() if w.lower() not in (
                "former", "rebel", "newly", "elected", "ex"))
        return role or None, status

    def _premodifier(self, p: Mention, s: Sentence) -> None:
        """"Congress president Mallikarjun Kharge", "the NC Vice-President and former Chief
        Minister Omar Abdullah", "party leader Rahul Gandhi", "Lok Sabha member X"."""
        sent, i = s.span, p.start - 1
        words: list[Token] = []
        while i >= sent.start and (self.doc[i].lower_ in self.role_words or self.doc[i].lower_
                                   in ROLE_MODIFIERS or self.doc[i].lower_.rstrip(".") in
                                   ("dr", "haji", "shri", "smt") or (
                                       words and self.doc[i].tag_ in ("NN", "JJ")
                                       and self.doc[i].is_lower)) and self.m.at(i) is None:
            words.insert(0, self.doc[i])
            i -= 1
        org = self.m.at(i) if i >= sent.start else None
        if org is None and i > sent.start + 1 and self.doc[i].text == ")":
            org = self.m.at(i - 1)  # "the party (NC) president X"
            if org is not None and self.doc[org.start - 1].text != "(":
                org = None
        if words and words[-1].lower_ == "rebel" and org is not None and org.kind == PARTY:
            self._membership(p, org, None, "rebel", s)  # "BJP rebel Santosh Patil"
            return
        if not any(w.lower_ in self.role_words for w in words):
            return
        if words[-1].lower_ in CANDIDATE_WORDS:
            return
        role, status = self._role_phrase(words)
        if role is None:
            return
        if org is not None and org.kind in (PARTY, ORG, UNIT, HOUSE, ALLIANCE):
            unit = None
            if role.split()[-1].lower() in OFFICES:
                unit = self._unit_name(org, [w.lower_ for w in words], i, s)
                role = " ".join(w for w in role.split() if w.lower() not in ("state",
                                                                               "district"))
            self._membership(p, org, role, status, s, unit)
        elif org is not None and org.kind == PLACE and role.lower() in ("mp", "mla"):
            self._legislature(p, org, role, status, s)
        elif any(w.lower_ == "party" for w in self.doc[max(sent.start, i):p.start]) or (
                role.lower() in ("senior leader", "leader")
                and self.doc[p.start - 1].lower_ != ","):
            parties = self.before(sent, p.start, {PARTY})
            if parties:
                self._membership(p, parties[0], role, status, s)

    def _legislature(self, p: Mention, place: Mention, role: str, status: str | None,
                     s: Sentence) -> None:
        name = self.name(place)
        house = "Lok Sabha" if role.lower() == "mp" else (
            f"{name} Assembly" if self.m.gazetteer.lookup("GPE", name) else
            f"{self.ctx.state} Assembly" if self.ctx.state else None)
        if house:
            self.facts.add("membership", (p.entity, house), {
                "person": self.name(p), "org": house, "role": role, "status": status or
                "member"}, s.chars)

    def _appositive(self, p: Mention, s: Sentence) -> None:
        """"Ghulam Hassan Khan, a prominent National Conference leader", "Tashi Gyalson,
        chairman of the LAHDC Leh", "Haneefa Jan, a rebel leader from the NC"."""
        sent, j = s.span, p.end
        if j >= sent.end or self.doc[j].text != ",":
            return
        j += 1
        words: list[Token] = []
        org: Mention | None = None
        while j < sent.end and j - p.end < 10:
            m = self.m.at(j)
            if m is not None:
                if m.kind in (PARTY, ORG, UNIT, HOUSE) and org is None:
                    org = m
                    j = m.end
                    continue
                break
            t = self.doc[j]
            if t.text in (",", ";") or t.is_punct and t.text not in ("-",):
                break
            if t.lower_ in ("of", "from", "in") and org is None:
                j += 1
                continue
            if t.lower_ not in self.role_words and t.lower_ not in ROLE_MODIFIERS:
                break
            words.append(t)
            j += 1
        if org is None or not words or words[-1].lower_ in CANDIDATE_WORDS:
            return
        role, status = self._role_phrase(words)
        if role is not None:
            self._membership(p, org, role, status, s)

    def _role_of_before(self, p: Mention, s: Sentence) -> None:
        """"Vice-President of the National Conference, Omar Abdullah", "Additional Secretary,
        J&K NC (Kargil Ladakh), Qamar Ali Akhoon", "Chief Executive Council of LAHDC Kargil X"."""
        sent, i = s.span, p.start - 1
        qualifier = []
        while i >= sent.start and self.m.at(i) is None and self.doc[i].tag_ == "NNP" and len(
                qualifier) < 2:
            qualifier.insert(0, self.doc[i].text)  # "... Council Kargil X": a place qualifier
            i -= 1
        while i >= sent.start and (self.doc[i].text in (",", "(", ")") or (
                self.m.at(i) is not None and self.m.at(i).kind == PLACE)):
            if self.doc[i].text == ")":  # "J&K NC (Kargil Ladakh), X": skip the aside
                while i > sent.start and self.doc[i].text != "(":
                    i -= 1
            i -= 1
        org = self.m.at(i) if i >= sent.start else None
        if org is None or org.kind not in (PARTY, ORG, UNIT):
            return
        k = org.start - 1
        while k >= sent.start and self.doc[k].lower_ in ("of", "the", ","):
            k -= 1
        words: list[Token] = []
        while k >= sent.start and self.m.at(k) is None and (
                self.doc[k].lower_ in self.role_words or self.doc[k].lower_ in ROLE_MODIFIERS):
            words.insert(0, self.doc[k])
            k -= 1
        if not words:
            return
        role, status = self._role_phrase(words)
        if role is not None:
            org_name = self.name(org)
            place = self.m.at(org.end)
            if org.kind == ORG and place is not None and place.kind == PLACE:
                org_name = f"{org_name} {self.name(place)}"
            elif org.kind == ORG and qualifier:
                org_name = f"{org_name} {' '.join(qualifier)}"
            self._membership(p, org, role, status, s, org_name)

    def _membership(self, p: Mention, org: Mention, role: str | None, status: str | None,
                    s: Sentence, org_name: str | None = None) -> None:
        if org.kind == HOUSE:
            org_name = self.name(org)
        key = (p.entity, org.entity)
        old = self.facts.get("membership", key)
        fields = {"person": self.name(p), "org": org_name or self.name(org), "role": role,
                  "status": status}
        fact = self.facts.add("membership", key, fields, s.chars)
        if old is not None and status and status != "member":
            fact.fields["status"] = status  # the latest state reported
        fact.fields.setdefault("status", None)

    # candidacies ---------------------------------------------------------------------------
    def candidacies(self, s: Sentence) -> None:
        sent = s.span
        for tok in sent:
            low = tok.lower_
            if low in CANDIDATE_WORDS:
                self._candidate_word(tok, s)
            elif low == "independent" and tok.i + 1 < sent.end:
                self._independent(tok, s)
            elif low == "fielded":
                orgs = self.before(sent, tok.i, {PARTY, ALLIANCE})
                people = self.after(sent, tok.i + 1, {PERSON})
                if people and people[0].start - tok.i <= 5:
                    party = self.name(orgs[0]) if orgs and orgs[0].kind == PARTY else None
                    self._candidacy(people[0], s, party=party)
            elif low in ("nomination", "nominations", "nomination papers") and tok.i > 0 and \
                    self.doc[tok.i - 1].lower_ in ("filed", "his", "her", "their"):
                people = self.before(sent, tok.i, {PERSON})
                if people:
                    for p in self.group_before(people[0], sent):
                        self._candidacy(p, s, status="nominated")
            elif low == "race" and tok.i > 1 and self.doc[tok.i - 2].lower_ in ("entered",
                                                                               "electoral"):
                people = self.before(sent, tok.i, {PERSON})
                if people:
                    self._candidacy(people[0], s)

    def _candidate_word(self, tok: Token, s: Sentence) -> None:
        """"Congress candidate Tsering Namgyal", "the INDIA bloc candidate, X", "the candidate
        of the INDIA alliance X", "X, the BJP candidate", "official candidate of the NC-Congress
        alliance P Namgyal"."""
        sent = s.span
        org = None
        k = tok.i - 1
        while k >= sent.start and self.doc[k].lower_ in ("official", "joint", "common",
                                                         "rebel", "the", "its", "party",
                                                         "\u2019s", "'s"):
            k -= 1
        if k >= sent.start and self.m.at(k) is not None and self.m.at(k).kind in (PARTY,
                                                                                 ALLIANCE):
            org = self.m.at(k)
            if k >= sent.start + 1 and self.doc[org.start - 1].lower_ == "rebel":
                return  # "rebel NC candidate X" stands as someone else's candidate
        j = tok.i + 1
        if j < sent.end and self.doc[j].lower_ == "of":
            nxt = self.m.at(j + 1) or (self.m.at(j + 2) if j + 2 < sent.end and self.doc[
                j + 1].lower_ == "the" else None)
            if nxt is not None and nxt.kind in (PARTY, ALLIANCE):
                org, j = nxt, nxt.end
        while j < sent.end and self.doc[j].text in (",", ":") or (
                j < sent.end and self.doc[j].lower_ in ("namely", "mr", "ms", "shri")):
            j += 1
        person = self.m.at(j)
        if person is None or person.kind != PERSON:
            before = self.before(sent, tok.i, {PERSON})
            # "X, the BJP candidate" / "X ... as the BJP candidate"
            if before and org is not None and self.doc[before[0].end].text == "," and \
                    tok.i - before[0].end <= 5:
                person = before[0]
            else:
                return
        people = self.group(person, sent, {PERSON}) if tok.lower_.endswith("s") else [person]
        for p in people:
            if org is not None and org.kind == PARTY:
                self._candidacy(p, s, party=self.name(org))
            elif org is not None:
                self._candidacy(p, s, backed_by=[self.name(org)])
            else:
                self._candidacy(p, s)

    def _independent(self, tok: Token, s: Sentence) -> None:
        """"as Independent candidate X", "independent candidates X and Y", "X ... as an
        Independent candidate"."""
        sent = s.span
        nxt = self.doc[tok.i + 1].lower_
        if nxt not in CANDIDATE_WORDS and self.doc[tok.i - 1].lower_ not in ("as", "an"):
            return
        j = tok.i + (2 if nxt in CANDIDATE_WORDS else 1)
        while j < sent.end and self.doc[j].text == ",":
            j += 1
        person = self.m.at(j)
        if person is not None and person.kind == PERSON:
            for p in self.group(person, sent, {PERSON}):
                self._candidacy(p, s, party="Independent")
            return
        before = self.before(sent, tok.i, {PERSON})
        if before and self.doc[tok.i - 1].lower_ in ("as", "an"):
            self._candidacy(before[0], s, party="Independent")

    def _candidacy(self, p: Mention, s: Sentence, party: str | None = None,
                   backed_by: list[str] | None = None, status: str | None = None,
                   seat: str | None = None) -> None:
        year = self.ctx.anchor.get(p.entity, s.year)
        election = self.ctx.election(year, s.span)
        seat = seat or self.ctx.seat_in(s.span)
        if election is None or seat is None:
            return
        fact = self.facts.add("candidacy", (p.entity, election), {
            "person": self.name(p), "constituency": seat, "election": election,
            "party": party, "backed_by": backed_by or [], "status": None}, s.chars)
        if status == "withdrawn" or (status and fact.fields.get("status") in (None,
                                                                              "nominated")):
            fact.fields["status"] = status

    # alliances ---------------------------------------------------------------------------
    def alliances(self, s: Sentence) -> None:
        sent = s.span
        for m in self.m.in_span(sent.start, sent.end, {PARTY}):
            j = m.end
            if j + 1 < sent.end and self.doc[j].text == "-":
                word = self.doc[j + 1].lower_
                if word in ("led", "headed") and self.m.at(j + 2) and self.m.at(
                        j + 2).kind == ALLIANCE:
                    self._alliance(m, self.m.at(j + 2), "member", s)
                other = self.m.at(j + 1)
                if other is not None and other.kind == PARTY and other.end < sent.end and \
                        self.doc[other.end].lower_ in ("alliance", "coalition", "combine"):
                    name = f"{self.doc[m.start:other.end].text} {self.doc[other.end].lower_}"
                    for party in (m, other):
                        self.facts.add("alliance", (party.entity, name.lower()), {
                            "party": self.name(party), "alliance": name, "status": "member",
                            "date": str(s.year) if s.year and self.ctx.published and
                            s.year != self.ctx.published.year else None}, s.chars)
        for tok in sent:
            if tok.lower_ in ("constituent", "constituents", "member", "members", "part",
                              "ally", "allies", "partner", "partners") and tok.i + 1 < sent.end \
                    and self.doc[tok.i + 1].lower_ == "of":
                allies = [m for m in self.after(sent, tok.i + 2, {ALLIANCE})
                          if m.start - tok.i <= 3]
                near = [m for m in self.before(sent, tok.i, {PARTY, PERSON})
                        if tok.i - m.end <= 8]
                if allies and near and near[0].kind == PARTY:
                    for party in self.group_before(near[0], sent):
                        self._alliance(party, allies[0], "member", s)
            if tok.lower_ in ("join", "joining") and self._considering(tok, sent):
                allies = self.after(sent, tok.i + 1, {ALLIANCE})
                if allies and allies[0].start - tok.i <= 4:
                    subject = self._subject(sent, tok.i)
                    if subject is not None:
                        self._alliance(subject, allies[0], "considering", s)

    def _considering(self, tok: Token, sent: Span) -> bool:
        window = {t.lower_ for t in self.doc[max(sent.start, tok.i - 4):tok.i]}
        return bool(window & {"likely", "may", "might", "could", "considering", "mulling",
                              "expected", "decision", "set"})

    def _subject(self, sent: Span, i: int) -> Mention | None:
        people = self.before(sent, i, {PERSON, PARTY})
        return people[0] if people else None

    def _alliance(self, member: Mention, alliance: Mention, status: str, s: Sentence) -> None:
        fact = self.facts.add("alliance", (member.entity, alliance.entity), {
            "party": self.name(member), "alliance": self.name(alliance), "status": status,
            "date": str(s.year) if s.year and self.ctx.published and
            s.year != self.ctx.published.year else None}, s.chars)
        if status in ("joined", "left"):
            fact.fields["status"] = status

    # results and figures ---------------------------------------------------------------------
    def results(self, s: Sentence) -> None:
        sent = s.span
        for n in self.numbers(sent):
            if n.bound or n.integer is None or n.end >= sent.end:
                continue
            if self.doc[n.end].lower_ not in ("votes", "vote"):
                continue
            prev = [t.lower_ for t in self.doc[max(sent.start, n.start - 3):n.start]]
            if any(w in ("by", "margin", "of") for w in prev[-2:]):
                continue
            people = [p for p in self.before(sent, n.start, {PERSON})]
            if not people:
                continue
            p = people[0]
            year = self.ctx.anchor.get(p.entity, s.year)
            election = self.ctx.election(year, sent)
            stood = self.facts.get("candidacy", (p.entity, election))
            seat = (stood.fields["constituency"] if stood is not None and not self.m.in_span(
                sent.start, sent.end, {SEAT}) else self.ctx.seat_in(sent))
            if election is None or seat is None:
                continue
            self.used_numbers.add(n.start)
            lost = any(w in ("rival", "runner", "second", "third", "fourth", "lost", "trailed")
                       for w in (t.lower_ for t in self.doc[max(sent.start, p.start - 6):n.start]))
            self.facts.add("result", (p.entity, election, n.integer), {
                "election": election, "constituency": seat, "candidate": self.name(p),
                "votes": n.integer, "party": None, "outcome": "lost" if lost else None},
                s.chars, confidence=0.9)
            if lost:
                self.losers.add((election, p.entity))
            self._candidacy(p, s, status="contested")

    def figures(self, s: Sentence) -> None:
        sent = s.span
        for n in self.numbers(sent):
            if n.bound or n.start in self.used_numbers or n.end >= sent.end:
                continue
            unit = self.doc[n.end].lower_
            if unit == "of":  # "135 of the 224 seats": the count takes the later noun
                later = [x for x in numbers(self.doc, n.end, min(sent.end, n.end + 4))]
                if later and later[0].end < sent.end:
                    unit = self.doc[later[0].end].lower_
            unit = "seats" if unit == "seat" else unit
            prev = [t.lower_ for t in self.doc[max(sent.start, n.start - 4):n.start]]
            seat = self.ctx.seat_in(sent)
            where = f" in {seat}" if seat else ""
            if unit in ("votes", "vote") and any(w in ("by", "margin") for w in prev):
                winner = self.before(sent, n.start, {PERSON, PARTY})
                who = f"{self.name(winner[0])}'s " if winner else ""
                subject, unit_name = f"{who}winning margin{where}", "votes"
            elif unit in ("voters", "electors"):
                subject, unit_name = f"voters{where}", "voters"
            elif unit in ("per", "percent", "%") or self.doc[n.end].text == "%":
                about = "turnout" if "turnout" in sent.text.lower() else "vote share"
                subject, unit_name = f"{about}{where}", "per cent"
            elif unit in ("seats", "candidates", "mlas", "mps"):
                who = self.before(sent, n.start, {PARTY, ALLIANCE})
                head = f"{self.name(who[0])} " if who else ""
                unit_name = {"mlas": "MLAs", "mps": "MPs"}.get(unit, unit)
                subject = f"{head}{unit_name}{where}"
            else:
                continue
            self.facts.add("figure", (n.value, unit_name, n.start), {
                "subject": subject, "value": n.integer if n.integer is not None else n.value,
                "unit": unit_name, "date": None}, s.chars, confidence=0.7)

    # the whole article ------------------------------------------------------------------------
    def settle(self) -> None:
        """Outcomes, parties of results, backers of candidates, and membership statuses."""
        cands = {k: f for k, f in self.facts.of_kind("candidacy")}
        won = {(e, p) for (e, p) in self.winners}
        for key, fact in self.facts.of_kind("result"):
            person, election = key[0], key[1]
            cand = cands.get((person, election))
            if cand is not None and cand.fields.get("party"):
                fact.fields["party"] = cand.fields["party"]
            if (election, person) in won:
                fact.fields["outcome"] = "won"
            elif any(e == election for e, _ in won) or (election, person) in self.losers:
                fact.fields["outcome"] = "lost"
        for (typ, *_), fact in self.facts.of_kind("event"):
            if typ != "SUPPORT":
                continue
            for cand in cands.values():
                if cand.fields["person"] in fact.fields.get("targets", []):
                    backers = cand.fields.setdefault("backed_by", [])
                    for a in fact.fields["actors"]:
                        if a not in backers:
                            backers.append(a)
        for key, cand in cands.items():
            if cand.fields.get("status") is None:
                results = any(k[0] == key[0] and k[1] == key[1]
                              for k, _ in self.facts.of_kind("result"))
                cand.fields["status"] = "contested" if results or self.winners else "nominated"
        for _, fact in self.facts.of_kind("membership"):
            if not fact.fields.get("status"):
                fact.fields["status"] = "member"
        self._merge_meetings()

    def _merge_meetings(self) -> None:
        """One meeting reported twice is one event: same actors, and targets that overlap, or
        a party whose members the other report names ("met the Congress leadership")."""
        members: dict[str, set[str]] = {}
        for _, m in self.facts.of_kind("membership"):
            members.setdefault(m.fields["org"], set()).add(m.fields["person"])
        events = [(k, f) for k, f in self.facts.of_kind("event") if k[0] == "MEET"]
        for n, (key, fact) in enumerate(events):
            mine = set(fact.fields.get("targets", []))
            for _, other in events[n + 1:]:
                if other.fields["actors"] != fact.fields["actors"]:
                    continue
                theirs = set(other.fields.get("targets", []))
                if mine & theirs or _within(mine, theirs, members) or _within(
                        theirs, mine, members):
                    other.fields["targets"] = sorted(theirs | (mine - set(members)),
                                                     key=lambda t: t not in theirs)
                    other.spans += fact.spans
                    self.facts.remove("event", key)
                    break
