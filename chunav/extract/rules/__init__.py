"""The relation rules: from a sentence's mentions and words to facts of SCHEMA.md's kinds.

Rules read surface patterns over the mentions (no parse): the actor of a verb is the nearest
agent before it (or the one after "by"/"from" in the passive, or the speaker of a quote), its
targets the agents after it. Modal and future verbs ("likely to join", "will meet") make no
event. Each rule is a small function over one sentence; ``extract`` runs them all and then
settles what needs the whole article (who won, who was a candidate, who backed whom).
"""

from __future__ import annotations

from chunav.extract.facts import FactSet
from chunav.extract.rules.candidacies import CandidacyRules
from chunav.extract.rules.events import EventRules
from chunav.extract.rules.memberships import MembershipRules
from chunav.extract.rules.numbers import NumberRules
from chunav.extract.rules.reference import ReferenceRules
from chunav.knowledge.normalize import key as name_key

__all__ = ["Extraction"]


class Extraction(ReferenceRules, EventRules, MembershipRules, CandidacyRules, NumberRules):
    """Runs the rules over one article."""

    def run(self) -> FactSet:
        self.read_groups()
        for s in self.ctx.sentences:
            self.refer_back(s)
            for rule in (self.events, self.memberships, self.candidacies, self.alliances,
                         self.results, self.figures):
                rule(s)
        self.settle()
        self.carry_evidence()
        return self.facts

    def settle(self) -> None:
        """Outcomes, parties of results, backers of candidates, and membership statuses."""
        cands = {k: f for k, f in self.facts.of_kind("candidacy")}
        won = {(e, p) for (e, p) in self.winners}
        # the seats each election's winners won (None: a win told without its seat)
        won_at = {(e, name_key(seat) if isinstance(seat, str) else None)
                  for (e, _), seat in self.winners.items()}
        for k, fact in self.facts.of_kind("result"):
            person, election = k[0], k[1]
            cand = cands.get((person, election))
            if cand is not None and cand.fields.get("party"):
                fact.fields["party"] = cand.fields["party"]
            if (election, person) in won:
                fact.fields["outcome"] = "won"
            elif {(election, None), (election, name_key(fact.fields["constituency"]))} & (
                    won_at) or (election, person) in self.losers:
                fact.fields["outcome"] = "lost"  # another won this contest
        backing = {typ for typ, spec in self.specs.events.items()
                   if any(i.field == "backed_by" for i in spec.implies)}
        for (typ, *_), fact in self.facts.of_kind("event"):
            if typ not in backing:
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
        merged = {typ for typ, spec in self.specs.events.items() if spec.merge_reports}
        events = [(k, f) for k, f in self.facts.of_kind("event") if k[0] in merged]
        for n, (key, fact) in enumerate(events):
            mine = set(fact.fields.get("targets", []))
            for _, other in events[n + 1:]:
                if other.fields["actors"] != fact.fields["actors"]:
                    continue
                theirs = set(other.fields.get("targets", []))
                if mine & theirs or _within(mine, theirs, members) or _within(
                        theirs, mine, members):
                    other.fields["targets"] = other.fields.get("targets", []) + [
                        t for t in fact.fields.get("targets", [])
                        if t not in theirs and t not in members]  # in order, every run
                    other.spans += fact.spans
                    self.facts.remove("event", key)
                    break


def _within(people: set[str], orgs: set[str], members: dict[str, set[str]]) -> bool:
    """Are all these people members of the organisations named?"""
    known = {p for o in orgs for p in members.get(o, ())}
    return bool(known) and people <= known
