"""Candidacies and alliances: who stood where on which ticket, backed by whom; which
party is in which alliance."""

from __future__ import annotations

from spacy.tokens import Span, Token

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import ALLIANCE, PARTY, PERSON, SEAT
from chunav.extract.lexicon import section
from chunav.extract.rules.base import CANDIDATE_WORDS, RuleBase
from chunav.extract.spans import Mention

TICKET = section("ticket")
GUESSES = {"expected", "likely", "may", "might", "could", "plans", "hopes", "wants", "keen"}
# idioms that announce a candidacy (lexicon [candidacy] announced), as word lists, each with
# its first literal word and where it stands: a token is tried only when that word is there
ANNOUNCED = tuple((words, next(k for k, w in enumerate(words) if w != "*"))
                  for words in (tuple(p.split()) for p in section("candidacy")["announced"]))


class CandidacyRules(RuleBase):
    """Candidacies and alliances: who stood where on which ticket, backed by whom; which"""

    def candidacies(self, s: Sentence) -> None:
        sent = s.span
        for tok in sent:
            low = tok.lower_
            if self._announced(tok, sent):
                self._announced_candidacy(tok, s)
            elif low in CANDIDATE_WORDS:
                self._candidate_word(tok, s)
            elif low == "independent" and tok.i + 1 < sent.end:
                self._independent(tok, s)
            elif low == "fielded" and self.doc[tok.i - 1].lower_ in ("been", "was", "is", "were"):
                people = self.actor_before(sent, tok.i, {PERSON})  # "X has been fielded from Y"
                if people:
                    self._candidacy(people[0], s, status="nominated")
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
            elif low in ("contest", "contesting") and tok.i > sent.start and not any(
                    t.lower_ in GUESSES for t in self.doc[max(sent.start, tok.i - 4):tok.i]):
                # "X will contest the Y seat" (announced) is a nomination; "expected to" a guess
                ticket = self._ticket(sent, tok.i + 1)  # "contest on a Congress ticket from"
                at = ticket[1] if ticket else tok.i
                seats = [m for m in self.after(sent, at + 1, {SEAT}) if m.start - at <= 4]
                people = self.actor_before(sent, tok.i, {PERSON})
                if seats and people:
                    parties = [m for m in self.before(sent, people[0].start, {PARTY})
                               if any(t.lower_ in ("announced", "named", "declared", "fielded")
                                      for t in self.doc[m.end:people[0].start])]
                    party = self.name(ticket[0]) if ticket else (
                        self.name(parties[0]) if parties else None)
                    self._candidacy(people[0], s, party=party, status="nominated",
                                    seat=self.name(seats[0]))
            elif low == "race" and tok.i > 1 and self.doc[tok.i - 2].lower_ in ("entered",
                                                                               "electoral"):
                people = self.before(sent, tok.i, {PERSON})
                if people:
                    self._candidacy(people[0], s)

    def _announced(self, tok: Token, sent: Span) -> int:
        """The length of the announcing idiom ("threw her hat in the ring") that starts at
        tok, else 0."""
        for words, lit in ANNOUNCED:
            end = tok.i + len(words)
            if end <= sent.end and self.doc[tok.i + lit].lower_ == words[lit] and all(
                    w == "*" or w == t.lower_
                    for w, t in zip(words, self.doc[tok.i:end], strict=True)):
                return len(words)
        return 0

    def _announced_candidacy(self, tok: Token, s: Sentence) -> None:
        """"X threw her hat in the ring for the Y seat", "X has thrown his hat into the ring
        as the Congress candidate from Y": X stands (nominated), from the seat named after
        the idiom, else the sentence's; not a guess ("is likely to throw")."""
        sent = s.span
        if any(t.lower_ in GUESSES for t in self.doc[max(sent.start, tok.i - 4):tok.i]):
            return
        people = self.actor_before(sent, tok.i, {PERSON})
        if not people:
            return
        end = tok.i + self._announced(tok, sent)
        seats = [m for m in self.after(sent, end, {SEAT}) if m.start - end <= 8]
        parties = [m for m in self.after(sent, end, {PARTY})
                   if m.start - end <= 4 and self.doc[m.end].lower_ in CANDIDATE_WORDS]
        self._candidacy(people[0], s, party=self.name(parties[0]) if parties else None,
                        status="nominated", seat=self.name(seats[0]) if seats else None)

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
        seat = None
        if j + 1 < sent.end and self.doc[j].lower_ in ("from", "for"):
            named = self.m.at(j + 1)  # "SP candidate from Koraon, Ramdev Kol"
            if named is not None and named.kind == SEAT and named.start == j + 1:
                seat, j = self.name(named), named.end
        if j < sent.end and self.doc[j].lower_ == "of":
            nxt = self.m.at(j + 1) or (self.m.at(j + 2) if j + 2 < sent.end and self.doc[
                j + 1].lower_ == "the" else None)
            if nxt is not None and nxt.kind in (PARTY, ALLIANCE):
                org, j = nxt, nxt.end
        while j < sent.end and self.doc[j].text in (",", ":") or (
                j < sent.end and self.doc[j].lower_ in ("namely", "mr", "ms", "shri")):
            j += 1
        person = self.m.at(j)
        named = [t.i for t in self.doc[max(sent.start, tok.i - 8):tok.i] if t.lower_ in (
            "named", "fielded", "declared", "announced", "nominated", "picked")]
        if (person is None or person.kind != PERSON) and named and self.doc[
                tok.i - 1].lower_ in ("its", "their", "party's", "the"):
            # "The Congress named Reddy as its candidate for the Chevella seat"
            people = [m for m in self.m.in_span(named[0] + 1, tok.i, {PERSON})]
            parties = self.before(sent, named[0], {PARTY})
            if people:
                self._candidacy(people[0], s, party=self.name(parties[0]) if parties else None,
                                status="nominated")
            return
        if person is None or person.kind != PERSON:
            before = self.before(sent, tok.i, {PERSON})
            # "X, the BJP candidate" / "X ... as the BJP candidate"
            if before and org is not None and self.doc[before[0].end].text == "," and \
                    tok.i - before[0].end <= 5:
                person = before[0]
            else:
                return
        people = self.group(person, sent, {PERSON}) if tok.lower_.endswith("s") else [person]
        of = self.m.at(person.end + 1) or (self.m.at(person.end + 2) if person.end + 2 <
                                           sent.end else None)
        if (person.end < sent.end and self.doc[person.end].lower_ == "of" and of is not None
                and of.kind == PARTY):  # "NDA candidate X of the BDJS"
            if org is not None and org.kind == ALLIANCE:
                self._alliance(of, org, "member", s)
                self._candidacy(person, s, party=self.name(of), backed_by=[self.name(org)])
                return
            org = of
        for p in people:
            if org is not None and org.kind == PARTY:
                self._candidacy(p, s, party=self.name(org), seat=seat)
            elif org is not None:
                self._candidacy(p, s, backed_by=[self.name(org)], seat=seat)
            else:
                self._candidacy(p, s, seat=seat)

    def _ticket(self, sent: Span, i: int) -> tuple[Mention, int] | None:
        """"on a Congress ticket", "on the BJP's ticket" starting at token i: the party, and
        the token of "ticket"."""
        doc = self.doc
        if i + 3 >= sent.end or doc[i].lower_ not in TICKET["prepositions"]:
            return None
        j = i + 1
        while j < sent.end and doc[j].lower_ in TICKET["determiners"]:
            j += 1
        party = self.m.at(j)
        if party is None or party.kind != PARTY:
            return None
        k = party.end + (1 if party.end < sent.end and doc[party.end].lower_ in (
            "'s", "\u2019s") else 0)
        if k < sent.end and doc[k].lower_ in TICKET["nouns"]:
            return party, k
        return None

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
                   seat: str | None = None, year: int | None = None,
                   election: str | None = None) -> None:
        year = year or self.ctx.year_of(p.entity, s)
        seat = seat or self.ctx.seat_in(s.span)
        election = election or self.ctx.election(year, s.span, seat)
        if election is None or seat is None:
            return
        fact = self.facts.add("candidacy", (p.entity, election), {
            "person": self.name(p), "constituency": seat, "election": election,
            "party": party, "backed_by": backed_by or [], "status": None}, s.chars)
        if status == "withdrawn" or (status and fact.fields.get("status") in (None,
                                                                              "nominated")):
            fact.fields["status"] = status

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

