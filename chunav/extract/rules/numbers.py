"""Results and figures: vote counts read as candidates' results, and the other numbers
(margins, electors, shares, seat counts)."""

from __future__ import annotations

from spacy.tokens import Span

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT
from chunav.extract.lexicon import section
from chunav.extract.numbers import WORDS, Number, numbers
from chunav.extract.rules.base import RuleBase
from chunav.extract.spans import PLACE, Mention

AGENT_KINDS = {PARTY, ALLIANCE, PERSON}


class NumberRules(RuleBase):
    """Results and figures: vote counts read as candidates' results, and the other numbers"""

    def results(self, s: Sentence) -> None:
        sent = s.span
        margin_words = section("figures")["margin_adjectives"]
        res = section("results")
        for n in self.numbers(sent):
            if n.bound or n.integer is None or n.end >= sent.end or n.start in self.used_numbers:
                continue
            if self.doc[n.end].lower_ not in ("votes", "vote"):
                continue
            k = n.start - 1  # "by a record 1,94,140 votes": a margin, past "a record"
            while k > sent.start and (self.doc[k].tag_ in ("DT", "JJ", "JJS", "RB") or (
                    self.doc[k].lower_ in margin_words)) and self.doc[k].lower_ not in (
                    "only", "just"):
                k -= 1
            if self.doc[k].lower_ in ("by", "margin") or (self.doc[k].lower_ == "of" and (
                    self.doc[k - 1].lower_ not in res["total_words"])):
                continue
            if any(t.lower_ in res["margin_nouns"] for t in self.doc[max(sent.start,
                                                                         n.start - 4):n.start]):
                continue  # "his winning margin was 78,607 votes": a figure
            k = n.start - 1  # the counting verb: "X, a long-time aide of Y, got N votes"
            while k > sent.start and self.doc[k].lower_ in res["count_fillers"] and (
                    self.doc[k].lower_ not in res["count_verbs"] or self.doc[k - 1].lower_ in
                    res["count_verbs"]):
                k -= 1
            verb = self.doc[k].lower_ in res["count_verbs"]
            if verb and self.doc[k].tag_ == "VBG" and self.doc[k - 1].text == ",":
                # "She defeated X by 41,201 votes, polling 78,437 votes": the clause's subject
                people = self.m.in_span(self._after_dateline(sent), k, {PERSON})[:1]
            else:
                people = (self.actor_before(sent, k, {PERSON}) if verb else []) or self.before(
                    sent, n.start, {PERSON})
            if not people:
                continue
            lost = any(w in ("rival", "runner", "second", "third", "fourth", "lost", "trailed")
                       for w in (t.lower_ for t in self.doc[max(sent.start,
                                                                 people[0].start - 6):n.start]))
            contest = self._result(people[0], n, s, lost)
            rival = self._rival_count(sent, n.end + 1) if contest else None
            if rival is not None:  # the same contest
                self._result(rival[0], rival[1], s, True, contest)

    def _after_dateline(self, sent: Span) -> int:
        """The first token of the sentence after a dateline opening it ("Kolkata, May 2:")."""
        end = sent.start_char + self.parses.dateline_end(sent)
        return next((t.i for t in sent if t.idx >= end), sent.start)

    def _rival_count(self, sent: Span, i: int) -> tuple[Mention, Number] | None:
        """The rival's count that follows a count: "to Mr Sekar's 37,236", "against the
        4,49,900 polled by the BJP's X", "as against 61,300 votes of X"."""
        res = section("results")
        doc = self.doc
        if i < sent.end and doc[i].lower_ in res["rival_link_openers"]:
            i += 1
        if i >= sent.end or doc[i].lower_ not in res["rival_links"]:
            return None
        i += 1
        while i < sent.end and doc[i].lower_ in ("the", "mr", "ms", "mrs", "shri"):
            i += 1
        who = self.m.at(i)
        if who is not None and who.kind == PERSON:
            j = who.end
            if j < sent.end and doc[j].lower_ in ("'s", "’s", "'"):
                later = numbers(doc, j + 1, min(sent.end, j + 3))
                if later and later[0].start == j + 1 and later[0].integer is not None:
                    return who, later[0]
            return None
        later = numbers(doc, i, min(sent.end, i + 2))
        if not later or later[0].start != i or later[0].integer is None:
            return None
        j = later[0].end + (1 if later[0].end < sent.end and doc[later[0].end].lower_ in (
            "votes", "vote") else 0)
        if j + 1 < sent.end and doc[j].lower_ in res["rival_count_verbs"] and (
                doc[j + 1].lower_ in ("by", "of")):
            after = [m for m in self.after(sent, j + 2, {PERSON}) if m.start - j <= 6]
            if after:
                return after[0], later[0]
        elif j < sent.end and doc[j].lower_ == "of":
            after = [m for m in self.after(sent, j + 1, {PERSON}) if m.start - j <= 5]
            if after:
                return after[0], later[0]
        return None

    def _result(self, p: Mention, n: Number, s: Sentence, lost: bool,
                contest: tuple[str, str] | None = None) -> tuple[str, str] | None:
        """A candidate's result from a count in this sentence (and the candidacy it implies):
        the contest (election, seat) it is in, given or found; None where none is known."""
        sent = s.span
        year = self.ctx.year_of(p.entity, s)
        election = contest[0] if contest else self.ctx.election(year, sent)
        stood = self.facts.get("candidacy", (p.entity, election)) or (None if contest else next(
            (f for k, f in self.facts.of_kind("candidacy") if k[0] == p.entity and str(
                k[1]).endswith(str(year))), None))  # the same year's contest told before
        if contest:
            seat = contest[1]
        else:
            seat = (stood.fields["constituency"] if stood is not None and not self.m.in_span(
                sent.start, sent.end, {SEAT}) else self.ctx.seat_in(sent))
            election = (stood.fields["election"] if stood is not None and seat == stood.fields[
                "constituency"] else self.ctx.election(year, sent, seat))
        if election is None or seat is None:
            return None
        self.used_numbers.add(n.start)
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
            self._candidacy(p, s, status="contested", seat=seat, election=election)
        return election, seat

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
            else:  # "four of its candidates", "five of their sitting MLAs"
                k = j + 1
                while k < sent.end and self.doc[k].lower_ in fig["of_determiners"]:
                    k += 1
                if k > j + 1:
                    j = k
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
            if unit_name in fig["elided_units"]:
                who = self.before(sent, n.start, AGENT_KINDS)
                self._counted.append((n.start, unit_name, s.paragraph,
                                      self.name(who[0]) if who else None))
        self._elided(s)

    def _elided(self, s: Sentence) -> None:
        """Counts whose noun is left out because it was just said: "the BJP won three seats
        and the Congress won one", "It had won just eight.", "The CPI was pressing for eight";
        and a list of counts shared out "respectively" ("the CPI, the CPI(M) and the MCC got
        three, two and one seats, respectively"). The noun is that of the last count of the
        sentence or of the one before in the paragraph; the subject the agent named last."""
        sent, el = s.span, section("elided")
        taken = {n.start for n in self.numbers(sent)}
        doc = self.doc
        for tok in sent:
            value = _word_value(tok)
            if value is None or tok.i in taken or tok.i + 1 >= sent.end or tok.i == sent.start:
                continue
            nxt, prev = doc[tok.i + 1], doc[tok.i - 1]
            if nxt.lower_ not in el["after"] and not nxt.is_punct and not self._agent_after(
                    sent, tok.i + 1):
                continue
            listed = self._listed_count(sent, tok.i)
            if listed is not None:
                unit, who = listed
                if who is None:
                    continue  # shared out, but not to as many agents as counts
            elif prev.lower_ in el["before"] or prev.tag_ in ("VBD", "VBN", "VBZ", "VBP") or (
                    prev.text == "," and self._agent_after(sent, tok.i + 1)):
                last = self._last_count(s, tok.i)
                if last is None:
                    continue
                unit = last[1]
                # a breakdown's own agent ("one from the JD(S)", "seven of the Congress"),
                # else the agent named last, else the last count's ("It had won just eight")
                who = (self._agent_after(sent, tok.i + 1) or self.before(
                    sent, tok.i, AGENT_KINDS)[:1] or [None])[0]
                subject_of_last = last[3]
            else:
                continue
            if who is not None:
                subject = f"{self.name(who)} {unit}"
            elif listed is None and subject_of_last:
                subject = f"{subject_of_last} {unit}"
            else:
                subject = unit
            self.facts.add("figure", (float(value), unit, tok.i), {
                "subject": subject, "value": value, "unit": unit, "date": None},
                s.chars, confidence=0.7)

    def _agent_after(self, sent: Span, j: int) -> list[Mention]:
        """"(one) from the ruling BJP", "(seven) of the Congress", "(one) NCP": the agent a
        count of a breakdown belongs to, right after it."""
        el, doc = section("elided"), self.doc
        k = j + 1 if j < sent.end and doc[j].lower_ in el["agent_links"] else j
        while k < min(sent.end, j + 4) and self.m.at(k) is None and (
                doc[k].lower_ in el["agent_determiners"]):
            k += 1
        m = self.m.at(k)
        return [m] if m is not None and m.start == k and m.kind in (PARTY, ALLIANCE) else []

    def _last_count(self, s: Sentence, i: int) -> tuple[int, str, int, str | None] | None:
        """The last count before token i (token, unit, paragraph, agent), if it is in this
        sentence or the one before it in the same paragraph."""
        before = self.ctx.sentences_before(s.span, 1)
        lo = before[0].start if before else s.span.start
        for count in reversed(self._counted):
            if count[0] < i:
                return count if count[0] >= lo and count[2] == s.paragraph else None
        return None

    def _listed_count(self, sent: Span, i: int) -> tuple[str, Mention | None] | None:
        """A count that opens or sits in a list ending in a counted noun: "three, two and one
        seats, respectively" -> the noun's unit, and the agent the count is shared out to
        (the one in the same place of the list of agents before)."""
        el, doc = section("elided"), self.doc
        first = i
        while first - 2 >= sent.start and doc[first - 1].lower_ in (",", "and") and (
                _word_value(doc[first - 2]) is not None):
            first -= 2
        counts, j = [first], first + 1
        while j + 1 < sent.end and doc[j].lower_ in (",", "and") and len(counts) < 8:
            k = j + 1 if doc[j + 1].lower_ != "and" else j + 2
            if k < sent.end and _word_value(doc[k]) is not None:
                counts.append(k)
                j = k + 1
            else:
                break
        last = next((n for n in self.numbers(sent) if n.start == counts[-1]), None)
        if len(counts) < 2 or last is None or i not in counts:
            return None
        head, _, end = self._head(last, sent)
        if head is None:
            return None
        if not any(t.lower_ in el["shared_out"] for t in doc[end:min(sent.end, end + 3)]):
            return head, None
        agents: list[Mention] = []
        for m in self.m.in_span(sent.start, counts[0], AGENT_KINDS):
            if not agents or agents[-1].entity != m.entity:
                agents.append(m)
        if len(agents) < len(counts) or len({m.entity for m in agents[-len(counts):]}) < len(
                counts):
            return head, None
        return head, agents[len(agents) - len(counts) + counts.index(i)]


def _word_value(tok) -> int | None:  # noqa: ANN001
    """A count written as a word or in digits ("eight", "89"), not a year."""
    if tok.lower_ in WORDS and tok.lower_ not in ("a", "half"):
        return int(WORDS[tok.lower_])
    if tok.text.isdigit() and len(tok.text) <= 3:
        return int(tok.text)
    return None
