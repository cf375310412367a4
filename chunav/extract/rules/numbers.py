"""Results and figures: vote counts read as candidates' results, and the other numbers
(margins, electors, shares, seat counts)."""

from __future__ import annotations

from spacy.tokens import Span

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT
from chunav.extract.lexicon import section
from chunav.extract.numbers import Number, numbers
from chunav.extract.rules.base import RuleBase
from chunav.extract.spans import PLACE

COUNT_VERBS = {"got", "gets", "polled", "polls", "secured", "secures", "received", "receives",
               "garnered", "garners", "bagged", "won", "obtained", "mustered", "third", "second",
               "fourth", "with"}


class NumberRules(RuleBase):
    """Results and figures: vote counts read as candidates' results, and the other numbers"""

    def results(self, s: Sentence) -> None:
        sent = s.span
        margin_words = section("figures")["margin_adjectives"]
        for n in self.numbers(sent):
            if n.bound or n.integer is None or n.end >= sent.end:
                continue
            if self.doc[n.end].lower_ not in ("votes", "vote"):
                continue
            k = n.start - 1  # "by a record 1,94,140 votes": a margin, past "a record"
            while k > sent.start and (self.doc[k].tag_ in ("DT", "JJ", "JJS", "RB") or (
                    self.doc[k].lower_ in margin_words)) and self.doc[k].lower_ not in (
                    "only", "just"):
                k -= 1
            if self.doc[k].lower_ in ("by", "margin", "of"):
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
            stood = self.facts.get("candidacy", (p.entity, election)) or next(
                (f for k, f in self.facts.of_kind("candidacy") if k[0] == p.entity and str(
                    k[1]).endswith(str(year))), None)  # the same year's contest told before
            seat = (stood.fields["constituency"] if stood is not None and not self.m.in_span(
                sent.start, sent.end, {SEAT}) else self.ctx.seat_in(sent))
            election = (stood.fields["election"] if stood is not None and seat == stood.fields[
                "constituency"] else self.ctx.election(year, sent, seat))
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
            if stood is not None and stood.fields["election"] == election:
                if stood.fields.get("status") in (None, "nominated"):
                    stood.fields["status"] = "contested"
            else:
                self._candidacy(p, s, status="contested", seat=seat)

    def _head(self, n: Number, sent: Span) -> tuple[str | None, list[str], int]:
        """The number's head noun read as a unit, the modifiers before it, and where the noun
        phrase ends: "10 BJP candidates" -> (candidates, [BJP]), "117-member House" ->
        (members, []), "six rebel candidates" -> (candidates, [rebel])."""
        fig = section("figures")
        units, mods, house = fig["units"], fig["modifiers"], fig["house_words"]
        j, kept = n.end, []
        if j < sent.end and self.doc[j].text == "-":
            j += 1  # "117-member", "11-time"
        if j < sent.end and self.doc[j].lower_ == "of":  # "135 of the 224 seats"
            later = numbers(self.doc, j, min(sent.end, j + 4))
            if later:
                j = later[0].end
        while j < sent.end and j - n.end <= 5:
            tok, m = self.doc[j], self.m.at(j)
            if m is not None and m.kind in (PARTY, ALLIANCE, PLACE, HOUSE):
                kept.append(self.name(m) if m.kind != PLACE else m.text)
                j = m.end
            elif tok.lower_ in mods:
                kept.append(tok.lower_)
                j += 1
            elif tok.lower_ in house:
                j += 1
            else:
                break
        if j >= sent.end:
            return None, kept, j
        return units.get(self.doc[j].lower_), kept, j + 1

    def figures(self, s: Sentence) -> None:
        sent = s.span
        fig = section("figures")
        for n in self.numbers(sent):
            if n.bound or n.start in self.used_numbers or n.end >= sent.end:
                continue
            prev = [t.lower_ for t in self.doc[max(sent.start, n.start - 4):n.start]]
            unit = self.doc[n.end].lower_
            named = self.m.in_span(sent.start, sent.end, {SEAT})
            seat = self.ctx.seat_in(sent)
            where = f" in {seat}" if seat else ""
            if unit in ("votes", "vote") and any(w in fig["margin_cues"] for w in prev):
                verb = next((t.i for t in reversed(self.doc[sent.start:n.start])
                             if self.trigger_at(t.i) in ("WIN", "DEFEAT")), None)
                winner = (self.actor_before(sent, verb, {PERSON, PARTY}) if verb is not None
                          else []) or self.before(sent, n.start, {PERSON, PARTY})
                who = f"{self.name(winner[0])}'s " if winner else ""
                subject, unit_name = f"{who}winning margin{where}", "votes"
            elif unit in ("voters", "electors"):
                subject, unit_name = f"voters{where}", "voters"
            elif unit in ("per", "percent", "%") or self.doc[n.end].text == "%":
                about = "turnout" if "turnout" in sent.text.lower() else "vote share"
                subject, unit_name = f"{about}{where}", "per cent"
            else:
                head, kept, _ = self._head(n, sent)
                if head is None or (head == "years" and not any(
                        w in fig["period_cues"] for w in prev[-2:])):
                    continue
                who = self.before(sent, n.start, {PARTY, ALLIANCE})
                if who and not any(k == self.name(who[0]) for k in kept):
                    kept.insert(0, self.name(who[0]))
                # a count is about the seat the sentence names, never the article's main seat
                place = f" in {self.name(named[0])}" if named else (
                    f" in {self.ctx.state}" if self.ctx.state and self.ctx.state in
                    sent.text else "")
                subject = " ".join([*kept, head]) + place
                unit_name = head
            self.facts.add("figure", (n.value, unit_name, n.start), {
                "subject": subject, "value": n.integer if n.integer is not None else n.value,
                "unit": unit_name, "date": None}, s.chars, confidence=0.7)
