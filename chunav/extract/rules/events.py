"""Events: who met, backed, opposed, joined, left, resigned, withdrew, won, beat,
congratulated, demanded, shared seats, or made a statement."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from chunav.extract.context import Sentence
from chunav.extract.dates import years
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT
from chunav.extract.lexicon import lexicon, phrases, section
from chunav.extract.lexicon import words as word_list
from chunav.extract.rules.base import (
    AUX_ADV,
    CANDIDATE_WORDS,
    FIRST_PERSON,
    QUOTES,
    TRIGGERS,
    RuleBase,
)
from chunav.extract.spans import AGENTS, ORG, PLACE, UNIT, Mention

AUX_BE = ("is", "are", "was", "were", "be", "been")
PREPOSITIONS = ("with", "of", "to", "from", "in", "for", "by", "against", "into")


class EventRules(RuleBase):
    """Events: who met, backed, opposed, joined, left, resigned, withdrew, won, beat,"""

    def events(self, s: Sentence) -> None:
        sent = s.span
        done: list[tuple[str, list[Mention]]] = []
        speaker = self.speaker(sent)
        statement: Token | None = None
        listed = self._seat_list(s)
        for tok in sent:
            typ = self._phrase_trigger(tok, sent) or TRIGGERS.get(tok.lower_)
            if typ is None or self.m.at(tok.i) is not None:
                continue
            if typ == "ALLOCATE_SEAT" and listed:
                continue  # read per seat by _seat_list
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
            along = next((t.i for t in self.doc[tok.i + 1:sent.end] if t.lower_ == "along"), None)
            if typ in ("JOIN", "LEAVE") and along is not None and self.doc[along + 1].lower_ == (
                    "with"):  # "joined the Congress along with fellow wrestler Bajrang Punia"
                actors = actors + [m for m in self.after(sent, along + 2, {PERSON})
                                   if m.start - along <= 6][:1]
            done.append((typ, actors))
            names = [self.name(t) if isinstance(t, Mention) else t for t in targets]
            place = None
            if typ == "MEET":
                places = [m for m in self.after(sent, tok.i, {PLACE})
                          if m.start > 0 and self.doc[m.start - 1].lower_ == "in"]
                place = self.name(places[0]) if places else None
            repeats = self._year_list(tok, sent) if typ == "WIN" else []
            for year in repeats:  # "won the seat in 1997, 2002 and 2007": one WIN each
                self.add_event(typ, actors, names, s, extra_key=(year,), date=year)
            if not repeats:
                self.add_event(typ, actors, names, s, place)
            self.recent_actors.update((a.entity, s.span.start) for a in actors)
            if typ == "ALLOCATE_SEAT":
                key = (typ, tuple(sorted({a.entity for a in actors})))
                fact = self.facts.get("event", key)
                if fact is not None:
                    fact.fields["party"] = self._seat_party
                gets = [m for m in self.after(sent, tok.i + 1, {PARTY})
                        if self.name(m) == self._seat_party]
                for alliance in (a for a in actors if a.kind == ALLIANCE):
                    if gets:  # a seat given under an alliance's deal goes to one of its parties
                        self._alliance(gets[0], alliance, "member", s)
            self._event_facts(typ, tok, actors, targets, s, done)

        if statement is not None and not done:
            self._statement(statement, s)
        self._listed_winners(s)

    def _year_list(self, tok: Token, sent: Span) -> list[str]:
        """The years listed after a win ("in 1997, 2002 and 2007"), when there are two or more
        joined only by commas, "and" or brackets."""
        joiners = section("repeats")["year_joiners"]
        run: list[str] = []
        for t in self.doc[tok.i + 1:sent.end]:
            if t.like_num and len(t.text) == 4 and t.text[:2] in ("19", "20"):
                run.append(t.text)
            elif run and t.lower_ not in joiners:
                if len(run) >= 2:
                    break
                run = []
        return run if len(run) >= 2 else []

    def _seat_list(self, s: Sentence) -> bool:
        """"The MDMK has been allotted four seats, which include A, B and C", "the RJD gave
        three seats to the CPI(ML), namely A, B and C": one ALLOCATE_SEAT per listed seat;
        actors the parties to the deal (in the sentence, else also in the one before), extra
        field `party` the party that gets the seats."""
        sent, cues = s.span, section("seat_lists")
        for tok in sent:
            if tok.lower_ not in cues["verbs"] or self.modal(tok, sent, "ALLOCATE_SEAT"):
                continue
            noun = next((t.i for t in self.doc[tok.i + 1:min(sent.end, tok.i + 5)]
                         if t.lower_ in cues["nouns"]), None)
            if noun is None:
                continue
            seats, to = self._listed_seats(noun + 1, sent, cues["openers"])
            if len(seats) < 2:
                continue
            prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 3):tok.i]]
            if to is not None:
                gets = [m for m in self.after(sent, to + 1, {PARTY}) if m.start - to <= 3][:1]
            elif tok.lower_ in cues["receives"] or any(w in cues["receives"] for w in prev):
                gets = self.actor_before(sent, tok.i, {PARTY})[:1]
            else:
                gets = [m for m in self.after(sent, noun + 1, {PARTY})
                        if self._governed_by(m, ("to", "for"))][:1]
            parties = self.m.in_span(sent.start, sent.end, {PARTY})
            if len({m.entity for m in parties}) < 2:
                earlier = self.ctx.sentences_before(sent, 1)
                for x in earlier:
                    parties = self.m.in_span(x.start, x.end, {PARTY}) + parties
            actors = list({m.entity: m for m in parties}.values())
            if len(actors) < 2 or not gets:
                continue
            party = self.name(gets[0])
            for seat in seats:
                self.add_event("ALLOCATE_SEAT", actors, [seat], s, extra_key=(seat,),
                               extra={"party": party})
            return True
        return False

    def _listed_seats(self, i: int, sent: Span, openers: Collection[str]
                      ) -> tuple[list[str], int | None]:
        """The seat names listed from token i on ("which include A, B and C"), and where a
        "to" (the party that gets them) was skipped."""
        to = None
        while i < sent.end and (self.doc[i].lower_ in openers or (
                to is not None and i - to <= 3 and self.m.at(i) is not None
                and self.m.at(i).kind == PARTY)):
            if self.doc[i].lower_ == "to" and to is None:
                to = i
            m = self.m.at(i)
            i = m.end if m is not None and m.kind == PARTY else i + 1
        seats: list[str] = []
        while i < sent.end and self.doc[i].text[:1].isupper():
            m = self.m.at(i)
            if m is not None and m.kind in (PARTY, ALLIANCE, UNIT, ORG):
                break
            j = m.end if m is not None and m.start == i else i + 1
            while j < sent.end and self.doc[j].text[:1].isupper() and self.m.at(j) is None:
                j += 1
            name = self.doc[i:j].text
            if self.m.gazetteer.lookup("GPE", name):
                break  # a state, not a seat
            seats.append(name)
            while j < sent.end and self.doc[j].lower_ in (",", "and"):
                j += 1
            i = j
        return seats, to

    def _listed_winners(self, s: Sentence) -> None:
        """"Those elected unopposed were A (X), B (Y) and C (Z)", "The winners include A from
        X and B from Y": one WIN (and candidacy) per listed person with a seat."""
        sent = s.span
        cues = section("lists")
        win = any(TRIGGERS.get(t.lower_) == "WIN" or t.lower_ in cues["winner_nouns"]
                  or (t.i in self._phrased and self._phrase_trigger(t, sent) == "WIN")
                  for t in sent)
        if not win:
            return
        found = []
        for p in self.m.in_span(sent.start, sent.end, {PERSON}):
            seat = self._listed_seat(p, sent, cues["seat_links"])
            if seat is not None:
                found.append((p, seat))
        if len(found) < 2:
            return  # one name and a seat is an ordinary sentence, read by the verb rules
        for p, seat in found:
            self.add_event("WIN", [p], [seat], s)
            self._event_facts("WIN", sent[0], [p], [seat], s)

    def _listed_seat(self, p: Mention, sent: Span, links: Collection[str]) -> str | None:
        """The seat written right after a listed name: "A (Sagalee)", "A from Ziro-Hapoli"."""
        j = p.end
        if j >= sent.end:
            return None
        if self.doc[j].text == "(":
            close = next((t.i for t in self.doc[j + 1:min(sent.end, j + 6)] if t.text == ")"),
                          None)
            a, b = j + 1, close
        elif self.doc[j].lower_ in links:
            a = j + 1
            if a < sent.end and self.doc[a].lower_ == "the":
                return None  # "from the western constituency": a description, not a name
            b = a
            while b < sent.end and (self.doc[b].text[:1].isupper() or (
                    self.doc[b].text == "-" and b + 1 < sent.end
                    and self.doc[b + 1].text[:1].isupper())):
                b += 1
        else:
            return None
        if b is None or b <= a or b - a > 4 or not self.doc[a].text[:1].isupper():
            return None
        named = self.m.at(a)
        # a one-word "person" in a seat's slot is a place the model mislabelled ("A (Rongjeng)")
        person = named is not None and named.kind == PERSON and len(
            self.name(named).split()) > 1
        if named is not None and named.kind in (PARTY, ALLIANCE, UNIT, ORG) or person or (
                self.m.gazetteer.lookup("GPE", self.doc[a:b].text)):
            return None  # "A (BJP)", "A from Kerala": a party or a state, not a seat
        if named is not None and named.kind == SEAT:
            return self.name(named)
        return self.doc[a:b].text

    def _phrase_trigger(self, tok: Token, sent: Span) -> str | None:
        """Events named by two words: "ruled out", "press conference", "lost ... to"."""
        low = tok.lower_
        for words, typ in phrases().get(low, ()):
            if tuple(t.lower_ for t in self.doc[tok.i:min(sent.end, tok.i + len(words))]) == (
                    words):
                self._phrased.add(tok.i)
                return typ
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
        """Starts of this sentence and the three before (a post right after the act it reports)."""
        return [x.start for x in self.ctx.sentences_before(sent, 3)] + [sent.start]

    def _lost_to(self, tok: Token, s: Sentence) -> None:
        """"The NPP also lost the Tura seat to the Congress": the Congress won Tura."""
        sent = s.span
        to = next((t.i for t in self.doc[tok.i + 1:sent.end] if t.lower_ == "to"), None)
        seats = [m for m in self.after(sent, tok.i + 1, {SEAT}) if to is None or m.start < to]
        if to is None or not seats:
            return
        near = [m for m in self.after(sent, to + 1, {PERSON, PARTY}) if m.start - to <= 4]
        winners = [m for m in near if m.kind == PERSON] or near  # "to BJP candidate X": X
        if winners:
            self.add_event("WIN", winners[:1], [self.name(seats[0])], s)
            if winners[0].kind == PERSON:
                self._candidacy(winners[0], s, status="contested", seat=self.name(seats[0]))
            losers = self.actor_before(sent, tok.i, {PERSON})
            if losers:
                self._candidacy(losers[0], s, status="contested", seat=self.name(seats[0]))

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
            rest = [t for t in self.doc[tok.i + 1:min(sent.end, tok.i + 8)]]
            cut = next((n for n, t in enumerate(rest) if t.text in (",", ";")), len(rest))
            rest = rest[:cut]
            if any(t.lower_ in ("majority", "seats", "hearts", "trust", "support", "power",
                                "government", "office") for t in rest):
                return None  # "won a clear majority", "retained power": not one seat's win
            first = self.m.at(tok.i + 1) or (self.m.at(tok.i + 2) if tok.i + 2 < sent.end
                                             else None)
            if first is not None and first.kind == PLACE and self.m.gazetteer.lookup(
                    "GPE", first.text):
                return None  # "wrested Chhattisgarh": a state, not a seat
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
        elif tok.lower_.endswith("ing") and prev_words and prev_words[-1] in (
                "before", "after", "while", "since", "upon", "by") and [
                m for m in self.m.in_span(sent.start, tok.i, {PERSON})]:
            # "Gudha ... before joining the Congress": the sentence's subject acts
            actors = self.m.in_span(sent.start, tok.i, {PERSON})[:1]
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
        elif self._group_before(tok, sent):
            actors = self._group_before(tok, sent)
        else:
            near = self.actor_before(sent, tok.i)
            if near and self._governed_by(near[0], PREPOSITIONS) and any(
                    t.lower_ == "and" for t in self.doc[near[0].end:tok.i]):
                # "X had been with the Congress and got elected from Y": X, not the Congress
                subject = [m for m in self.before(sent, near[0].start)
                           if not self._governed_by(m, PREPOSITIONS)]
                near = subject[-1:] or near
            actors = self.group_before(near[0], sent) if near else []
            if not actors and done and tok.tag_ == "VBG" and self.doc[tok.i - 1].lower_ not in (
                    AUX_BE):  # "X won the seat with 16,667 votes defeating Y": X beat Y
                actors = done[-1][1]
            if (not actors or self._inside_quote(tok, sent)) and speaker is not None:
                actors = [speaker]
        return actors, self._targets(typ, tok, sent)

    def _group_before(self, tok: Token, sent: Span) -> list[Mention]:
        """The people of a counted group that ends right before the verb ("two MLCs from the
        BJP — A and B — resigned", "the four had quit")."""
        k = tok.i
        while k - 1 > sent.start and self.m.at(k - 1) is None and (
                self.doc[k - 1].lower_ in AUX_ADV or self.doc[k - 1].tag_ in ("RB", "MD")):
            k -= 1
        return self.group_actors.get(k, []) if sent.start < k else []

    def _mention_between(self, tok: Token, sent: Span) -> bool:
        """Is there a new subject between "and" and this verb? ("X won and Y joined" has one;
        "X defeated Y and later joined" has none)."""
        k = tok.i - 1
        while k > sent.start and self.doc[k].lower_ != "and":
            if self.m.at(k) is not None and self.m.at(k).kind in AGENTS:
                return True
            k -= 1
        return False

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
            earlier = self.ctx.sentences_before(sent, 1)
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
        if tok.i in self._phrased:
            return False  # "were elected unopposed", "was declared elected unopposed": active
        prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 2):tok.i]]
        nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if tok.lower_ in ("support", "backing") and (nxt == "from" or any(
                w in ("received", "got", "receives", "gets", "enjoyed") for w in prev)):
            return True
        return any(w in ("was", "were", "been", "is", "are", "be") for w in prev) and (
            tok.lower_.endswith("ed") or tok.lower_ in ("beat", "won", "left", "quit"))

    def _inside_quote(self, tok: Token, sent: Span) -> bool:
        opened = sum(1 for t in self.doc[sent.start:tok.i] if t.text in QUOTES)
        opened += sent.text.strip()[:1] not in '"“' and self.opens_with_quote(sent)
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
            house = self._resigned_as(tok, sent)
            if house is not None:
                return [house]
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
            named = [m for m in seats if m.kind == SEAT]
            if seats and seats[0].kind == HOUSE and named and named[0].start - tok.i <= 12:
                seats = named  # "withdrew from the Lok Sabha election from Ladakh seat"
            seat = self.name(seats[0]) if seats else self.ctx.seat_in(sent)
            return [seat] if seat else []
        if typ in ("DEMAND", "OPPOSE"):
            return self._phrase_after(tok, sent)
        if typ == "STATEMENT":
            return []
        return after[:1]

    def _resigned_as(self, tok: Token, sent: Span) -> str | None:
        """"resigned as an MLA", "resigning as a legislator": the house of that role."""
        houses = lexicon()["legislators"]
        words = [t.lower_ for t in self.doc[tok.i + 1:min(sent.end, tok.i + 4)]]
        if not words or words[0] != "as":
            return None
        role = next((w for w in words[1:] if w in houses), None)
        if role is None or ("{state}" in houses[role] and not self.ctx.state):
            return None
        return houses[role].format(state=self.ctx.state)

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
                     s: Sentence, done: tuple = ()) -> None:
        """Double encoding (SCHEMA.md): a join, a resignation, a withdrawal, a win is also a
        change of state."""
        election = self.ctx.election(s.year, s.span)
        # "X had won the seat in 2018" is background: a WIN or DEFEAT, not a candidacy
        background = (self.ctx.published is not None and s.year is not None
                      and s.year < self.ctx.published.year and not any(
                          t.lower_ in CANDIDATE_WORDS | {"contested"} for t in s.span)) or (
            s.span[0].lower_ in word_list("background_openers"))  # "Previously, he won ..."
        for a in actors:
            if typ == "WIN" and a.kind == PERSON:
                self.winners[(election, a.entity)] = targets[0] if targets else None
                seat = next((t for t in targets if isinstance(t, str) and t not in (
                    "Lok Sabha", "Rajya Sabha") and not t.endswith(" Assembly")), None)
                if not background:
                    self._candidacy(a, s, status="contested", seat=seat)
            # "In 2012, X defeated Y": a past contest with a named opponent is a candidacy
            # for both, and the winner's dated WIN of the seat
            named = typ == "DEFEAT" and any(isinstance(t, Mention) and t.kind == PERSON
                                            for t in targets)
            stated = years(s.span.text)  # the contest's own year, not the person's
            dated = stated[0] if named and len(set(stated)) == 1 else None
            if typ == "DEFEAT" and a.kind == PERSON and ((named and dated) or not background):
                self._candidacy(a, s, status="contested", year=dated)
                seat = self.ctx.seat_in(s.span)
                if named and background and seat and not any(d == "WIN" for d, _ in done):
                    self.add_event("WIN", [a], [seat], s)
                    self.winners[(election, a.entity)] = seat
            if typ == "WITHDRAW" and a.kind == PERSON:
                self._candidacy(a, s, status="withdrawn")
            for t in targets:
                if isinstance(t, str) and typ == "RESIGN" and a.kind == PERSON and t in (
                        self._resigned_as(tok, s.span),):  # "resigned as an MLA"
                    fact = self.facts.add("membership", (a.entity, t), {
                        "person": self.name(a), "org": t, "role": None, "status": None},
                        s.chars)
                    fact.fields["status"] = "resigned"
                if not isinstance(t, Mention):
                    continue
                if typ == "DEFEAT" and t.kind == PERSON:
                    self.losers.add((election, t.entity))
                    if not background or (a.kind == PERSON and dated):
                        self._candidacy(t, s, status="contested", year=dated)
                if typ in ("JOIN", "LEAVE") and t.kind == ALLIANCE:
                    self._alliance(a, t, "joined" if typ == "JOIN" else "left", s)
                if typ == "RESIGN" and t.kind == HOUSE and a.kind == PERSON:
                    self._membership(a, t, None, "resigned", s)
                if typ in ("JOIN", "LEAVE", "RESIGN") and t.kind == PARTY and a.kind == PERSON:
                    status = {"JOIN": "joined", "LEAVE": "resigned", "RESIGN": "resigned"}[typ]
                    self._membership(a, t, None, status, s)

