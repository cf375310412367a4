"""Results and figures: vote counts read as candidates' results, and the other numbers
(margins, electors, shares, seat counts)."""

from __future__ import annotations

from spacy.tokens import Span

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import ALLIANCE, PARTY, PERSON, SEAT
from chunav.extract.numbers import numbers
from chunav.extract.rules.base import TRIGGERS, RuleBase

COUNT_VERBS = {"got", "gets", "polled", "polls", "secured", "secures", "received", "receives",
               "garnered", "garners", "bagged", "won", "obtained", "mustered", "third", "second",
               "fourth", "with"}


class NumberRules(RuleBase):
    """Results and figures: vote counts read as candidates' results, and the other numbers"""

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
            k = n.start - 1  # the counting verb: "X, a long-time aide of Y, got N votes"
            while k > sent.start and self.doc[k].lower_ in ("with", "only", "just", "over"):
                k -= 1
            verb = self.doc[k].lower_ in COUNT_VERBS
            people = (self.actor_before(sent, k, {PERSON}) if verb else []) or self.before(
                sent, n.start, {PERSON})
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

    def _unit_after(self, i: int, sent: Span) -> str:
        """The counted noun at i, past house words ("90 Assembly seats")."""
        while i < sent.end - 1 and self.doc[i].lower_ in ("assembly", "lok", "sabha",
                                                          "parliamentary", "vidhan"):
            i += 1
        return self.doc[i].lower_

    def figures(self, s: Sentence) -> None:
        sent = s.span
        for n in self.numbers(sent):
            if n.bound or n.start in self.used_numbers or n.end >= sent.end:
                continue
            unit = self.doc[n.end].lower_
            if unit == "of":  # "135 of the 224 seats": the count takes the later noun
                later = [x for x in numbers(self.doc, n.end, min(sent.end, n.end + 4))]
                if later and later[0].end < sent.end:
                    unit = self._unit_after(later[0].end, sent)
            elif unit in ("assembly", "lok", "parliamentary"):
                unit = self._unit_after(n.end, sent)
            unit = "seats" if unit == "seat" else unit
            prev = [t.lower_ for t in self.doc[max(sent.start, n.start - 4):n.start]]
            seat = self.ctx.seat_in(sent)
            where = f" in {seat}" if seat else ""
            if unit in ("votes", "vote") and any(w in ("by", "margin") for w in prev):
                verb = next((t.i for t in reversed(self.doc[sent.start:n.start])
                             if TRIGGERS.get(t.lower_) in ("WIN", "DEFEAT")), None)
                winner = (self.actor_before(sent, verb, {PERSON, PARTY}) if verb is not None
                          else []) or self.before(sent, n.start, {PERSON, PARTY})
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

