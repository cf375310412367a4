"""Events: who met, backed, opposed, joined, left, resigned, withdrew, won, beat,
congratulated, demanded, shared seats, or made a statement."""

from __future__ import annotations

from collections.abc import Collection

from spacy.tokens import Span, Token

from chunav.extract.context import Sentence
from chunav.extract.dates import find_date, years
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT
from chunav.extract.lexicon import lexicon, section
from chunav.extract.lexicon import words as word_list
from chunav.extract.rules.base import (
    AUX_ADV,
    CANDIDATE_WORDS,
    FIRST_PERSON,
    QUOTES,
    RuleBase,
)
from chunav.extract.spans import AGENTS, ORG, PLACE, UNIT, Mention
from chunav.extract.specs import Check, EventSpec, Implication, Prefer, matches
from chunav.extract.triggers import Trigger

PREPOSITIONS = ("with", "of", "to", "from", "in", "for", "by", "against", "into")
NOT_PREPOSITIONS = ("possessor", "governor", "kinds")  # keys of a spec's roles table
SYNTAX, WINDOW = 0.9, 0.7  # confidence of arguments found in the parse / by position


class EventRules(RuleBase):
    """Events: who met, backed, opposed, joined, left, resigned, withdrew, won, beat,
    congratulated, demanded, shared seats, or made a statement. The triggers come from the
    ``chunav_triggers`` component; everything that differs between types is in their spec."""

    def events(self, s: Sentence) -> None:
        sent = s.span
        done: list[tuple[str, list[Mention]]] = []
        speaker = self.speaker(sent)
        fallback: Trigger | None = None
        listed = self._seat_list(s)
        for trig in self.triggers_in(sent):
            tok, spec = self.doc[trig.start], self.specs[trig.type]
            if self.m.at(tok.i) is not None:
                continue
            if spec.actors == "deal" and listed:
                continue  # read per seat by _seat_list
            if trig.form == "inverse":
                self._inverse(tok, spec, s)
                continue
            if not self._passes(trig, spec, sent):
                continue
            if spec.fallback:
                fallback = trig
                continue
            if self.modal(tok, sent, spec.type):
                continue
            actors, targets, confidence = self._arguments(trig, spec, sent, done, speaker)
            if not actors:
                continue
            actors = self.each(actors)
            along = next((t.i for t in self.doc[tok.i + 1:sent.end] if t.lower_ == "along"), None)
            if spec.along_with and along is not None and self.doc[along + 1].lower_ == (
                    "with"):  # "joined the Congress along with fellow wrestler Bajrang Punia"
                actors = actors + [m for m in self.after(sent, along + 2, {PERSON})
                                   if m.start - along <= 6][:1]
            done.append((spec.type, actors))
            names = [self._target_name(t) for t in targets]
            place = None
            if spec.place:
                places = [m for m in self.after(sent, tok.i, {PLACE})
                          if m.start > 0 and self.doc[m.start - 1].lower_ == "in"]
                place = self.name(places[0]) if places else None
            repeats = self._year_list(tok, sent, spec)
            for year in repeats:  # "won the seat in 1997, 2002 and 2007": one WIN each
                self.add_event(spec.type, actors, names, s, extra_key=(year,), date=year,
                               confidence=confidence)
            acts = [] if repeats else self._gapped_acts(spec, tok, targets, sent)
            for clause, found in acts:  # "met X on Monday and Y on Tuesday": one act each
                self.add_event(spec.type, actors, [self._target_name(t) for t in found], s,
                               self._place_in(clause) if spec.place else None,
                               date=find_date(clause.text, self.ctx.published),
                               confidence=confidence)
            if not repeats and not acts:
                self.add_event(spec.type, actors, names, s, place, confidence=confidence)
            self.recent_actors.update((a.entity, s.span.start) for a in actors)
            if spec.actors == "deal":
                key = (spec.type, tuple(sorted({a.entity for a in actors})))
                fact = self.facts.get("event", key)
                if fact is not None:
                    fact.fields["party"] = self._seat_party
                gets = [m for m in self.after(sent, tok.i + 1, {PARTY})
                        if self.name(m) == self._seat_party]
                for alliance in (a for a in actors if a.kind == ALLIANCE):
                    if gets:  # a seat given under an alliance's deal goes to one of its parties
                        self._alliance(gets[0], alliance, "member", s)
            self._event_facts(spec, tok, actors, targets, s, done)

        if fallback is not None and not done:
            self._fallback(fallback, s)
        self._listed_winners(s)

    def _gapped_acts(self, spec: EventSpec, tok: Token, targets: list, sent: Span
                     ) -> list[tuple[Span, list[Mention]]]:
        """The acts of a trigger whose verb a conjunction leaves out ("met X in Delhi on
        Monday and Y in Guwahati on Wednesday"): each clause with its targets, when a
        further target follows one of the spec's ``gapped`` words with only adjuncts (a
        time, a place) between it and the targets before; else none."""
        conj = spec.targets.gapped
        if not conj or not targets or not all(isinstance(t, Mention) for t in targets):
            return []
        kinds = set(spec.targets.kinds)
        acts: list[tuple[Span, list[Mention]]] = []
        start, group = tok.i, list(targets)
        while True:
            k = group[-1].end
            while k < sent.end and self.doc[k].lower_ not in conj and self._adjunct(k):
                k += 1
            said = [t for t in self.doc[group[-1].end:k] if not t.is_punct]
            if k >= sent.end or self.doc[k].lower_ not in conj or not said:
                break
            nxt = [m for m in self.after(sent, k + 1, kinds) if m.start - k <= 6][:1]
            if not nxt or not all(self._adjunct(j) for j in range(k + 1, nxt[0].start)):
                break
            acts.append((self.doc[start:k], group))
            start, group = k + 1, self.group(nxt[0], sent, kinds)
        if not acts:
            return []
        end = group[-1].end
        while end < sent.end and self._adjunct(end):
            end += 1
        return [*acts, (self.doc[start:end], group)]

    def _adjunct(self, i: int) -> bool:
        """Can the token be part of an adjunct or a title ("in New Delhi on Monday",
        "Assam Chief Minister")? Not a verb, a relative word, nor part of an agent's name."""
        t, m = self.doc[i], self.m.at(i)
        return not (t.tag_.startswith("VB") or t.tag_ in ("MD", "WDT", "WP") or (
            m is not None and m.kind in AGENTS))

    def _place_in(self, clause: Span) -> str | None:
        """The place "in" a clause names ("met X in Guwahati")."""
        places = [m for m in self.m.in_span(clause.start, clause.end, {PLACE})
                  if m.start > 0 and self.doc[m.start - 1].lower_ == "in"]
        return self.name(places[0]) if places else None

    def _target_name(self, t: Mention | str) -> str:
        """A target as the event names it: an agent by its entity's name, a house as
        written ("Lok Sabha", not an earlier "Lower House"), a seat or phrase as it is."""
        if not isinstance(t, Mention):
            return t
        return t.text if t.kind == HOUSE else self.name(t)

    def _year_list(self, tok: Token, sent: Span, spec: EventSpec) -> list[str]:
        """The years listed after a win ("in 1997, 2002 and 2007"), when there are two or more
        joined only by the spec's ``year_joiners`` (commas, "and", brackets)."""
        joiners = spec.lists.get("year_joiners")
        if not joiners:
            return []
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
        sent, cues = s.span, self.specs["ALLOCATE_SEAT"].lists
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
        cues = self.specs["WIN"].lists
        win = any(t.type == "WIN" and t.form != "inverse" for t in self.triggers_in(sent)) or any(
            t.lower_ in cues["winner_nouns"] for t in sent)
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
            self._event_facts(self.specs["WIN"], sent[0], [p], [seat], s)

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

    def _fallback(self, trig: Trigger, s: Sentence) -> None:
        """An event of a ``fallback`` type (a press conference, post or public accusation: a
        STATEMENT) where no other event of the sentence, nor one of its actors just before,
        covers it."""
        sent, spec = s.span, self.specs[trig.type]
        if any(t.type in spec.covered_by for t in self.triggers_in(sent)):
            return  # what was announced is a resignation: RESIGN covers it
        if trig.text in spec.first_actor:
            actors = [self._np_head(m, sent) for m in self.m.in_span(sent.start, sent.end,
                                                                      AGENTS)[:1]]
        else:
            actors = self.actor_before(sent, trig.start)[:1]
        if not actors or any((a.entity, start) in self.recent_actors for a in actors
                             for start in self._recent_starts(sent)):
            return
        self.add_event(spec.type, actors, [], s)

    def _recent_starts(self, sent: Span) -> list[int]:
        """Starts of this sentence and the three before (a post right after the act it reports)."""
        return [x.start for x in self.ctx.sentences_before(sent, 3)] + [sent.start]

    def _inverse(self, tok: Token, spec: EventSpec, s: Sentence) -> None:
        """"The NPP also lost the Tura seat to the Congress": the Congress won Tura (the
        winner follows the spec's ``inverse`` link word, the loser is the subject)."""
        sent = s.span
        to = next((t.i for t in self.doc[tok.i + 1:sent.end] if t.lower_ == spec.inverse_link),
                  None)
        seats = [m for m in self.after(sent, tok.i + 1, {SEAT}) if to is None or m.start < to]
        if to is None or not seats:
            return
        near = [m for m in self.after(sent, to + 1, {PERSON, PARTY}) if m.start - to <= 4]
        person = self._person_of_phrase(sent, to + 1)  # "to AAP's (AAP) candidate X": X
        winners = [person] if person else [m for m in near if m.kind == PERSON] or near
        if winners:
            seat = self.name(seats[0])
            self.add_event(spec.type, winners[:1], [seat], s)
            self._event_facts(spec, tok, winners[:1], [seat], s)  # the winner's, as any WIN's
            losers = self.actor_before(sent, tok.i, {PERSON})
            if losers:
                self._candidacy(losers[0], s, status="contested", seat=seat)
                self.losers.add((self.ctx.election(s.year, sent), losers[0].entity))

    def _person_of_phrase(self, sent: Span, i: int, limit: int = 10) -> Mention | None:
        """The person a noun phrase starting at token i ends in, within ``limit`` tokens: its
        words before the name are parties and noun-phrase words ("the Congress deputy leader
        X", "Aam Aadmi Party's (AAP) X"); a comma or a verb ends the phrase."""
        tags = word_list("noun_phrase_tags")
        j = i
        while j < min(sent.end, i + limit):
            m = self.m.at(j)
            if m is not None and m.kind == PERSON:
                return m
            if m is not None and m.kind in (PARTY, ALLIANCE):
                j = m.end
            elif self.doc[j].tag_ in tags:
                j += 1
            else:
                return None
        return None

    def _passes(self, trig: Trigger, spec: EventSpec, sent: Span) -> bool:
        """Does the trigger meet every check of its spec that applies to it?"""
        first = trig.text.split()[0]
        return all(self._check(c, trig.start, sent) for c in spec.checks
                   if c.applies(first, trig.form))

    def _check(self, c: Check, i: int, sent: Span) -> bool:
        """One check (see events.v1.toml's header) of the trigger at token i."""
        window = list(self.doc[i + 1:min(sent.end, i + 1 + c.window)])
        cut = next((n for n, t in enumerate(window) if t.text in c.cut), len(window))
        window = window[:cut]
        words = [t.lower_ for t in window]
        nxt = words[0] if words else ""
        prev = self.doc[i - 1].lower_ if i > 0 else ""
        if any(matches(w, c.after_none) for w in words) or nxt in c.next_none or (
                prev in c.prev_none):
            return False
        if c.after_also and not any(matches(w, c.after_also) for w in words):
            return False
        seat_next = [m for m in self.m.in_span(window[0].i, window[0].i + 3, {SEAT})] if (
            window) else []
        if c.not_number_next and window and window[0].like_num and not seat_next:
            return False  # "won 11,077 votes": a count polled, not a seat won ("won 186-Amethi")
        if c.not_state_next:
            first = self.m.at(i + 1) or (self.m.at(i + 2) if i + 2 < sent.end else None)
            if first is not None and first.kind == PLACE and self.m.gazetteer.lookup(
                    "GPE", first.text):
                return False  # "wrested Chhattisgarh": a state, not a seat
        if c.seat_named and not any(m.kind == SEAT for m in self.m.in_span(
                sent.start, sent.end)) and not ("seat" in sent.text.lower() and self.ctx.seat):
            return False
        if not c.alternatives:
            return True
        return bool(nxt in c.next_any or prev in c.prev_any
                    or any(matches(w, c.after_any) for w in words)
                    or (c.after_kinds and window and any(
                        m.kind in c.after_kinds for m in self.m.in_span(
                            window[0].i, window[-1].i + 1) if m.start > i)))

    def _arguments(self, trig: Trigger, spec: EventSpec, sent: Span, done: list,
                   speaker: Mention | None) -> tuple[list[Mention], list, float]:
        """(actors, targets, confidence) of the trigger: one finder for every type, its spec
        deciding. The actors come from the parse where it names them (confidence 0.9), else
        from the words around the trigger (0.7)."""
        tok = self.doc[trig.start]
        if spec.actors == "deal":
            return (*self._seat_sharing(tok, sent), WINDOW)
        nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if trig.form == "noun" or (tok.tag_ in ("NN", "NNS") and spec.roles.get(nxt) == "actor"):
            return self._noun_arguments(trig, spec, sent)
        actors, targets = self._window_arguments(trig, spec, sent, done, speaker)
        parsed = self._syntax_actors(trig, spec, sent) if actors else []
        if not parsed:
            return actors, targets, WINDOW
        names = {self.name(m) for m in parsed}
        if names <= {self.name(m) for m in actors}:
            return actors, targets, SYNTAX  # the parse agrees (and may see less of a list)
        return parsed, [t for t in targets if not (isinstance(t, Mention) and self.name(
            t) in names)], SYNTAX

    def _syntax_actors(self, trig: Trigger, spec: EventSpec, sent: Span) -> list[Mention]:
        """The actors the parse gives: the mentions that are the trigger's subject (or its
        agent, or its passive subject where the spec says so), with those in apposition
        ("X, wife of Y, won": X) and conjunction ("X and Y won"); a dateline never. Only a
        verb has a subject: nominal triggers read their spec's roles instead."""
        verb = self.parses.head(sent, trig.start, trig.end)
        if verb is None or not verb.tag_.startswith("VB"):
            return []
        relations = {r for r in ("nsubj", "nsubjpass", "agent")
                     if self.specs.relation_role(spec.type, r) == "actor"}
        cut = sent.start_char + self.parses.dateline_end(sent)
        found: list[Mention] = []
        for t in self.parses.actors(verb, relations):
            found += [m for m in self._mentions_at(t, sent, cut) if m not in found]
        return found

    def _mentions_at(self, t: Token, sent: Span, cut: int) -> list[Mention]:
        """The agents a parsed token names: its own mention (not in a dateline), else those
        of its appositions; and those of its conjuncts."""
        m = self.m.at(sent.start + t.i)
        if m is not None and m.kind in AGENTS and self.doc[m.start].idx >= cut:
            found = [m]
        else:
            found = [x for c in t.children if c.dep_ == "appos"
                     for x in self._mentions_at(c, sent, cut)]
        if found:
            found += [x for c in t.children if c.dep_ == "conj"
                      for x in self._mentions_at(c, sent, cut)]
        return found

    def _window_arguments(self, trig: Trigger, spec: EventSpec, sent: Span, done: list,
                          speaker: Mention | None) -> tuple[list[Mention], list]:
        """(actors, targets) of a verb-like trigger from the words around it: the subject
        before it, the agent after it in the passive, the speaker of a quote."""
        tok = self.doc[trig.start]
        prev_words = [t.lower_ for t in self.doc[max(sent.start, tok.i - 3):tok.i]]
        # "... defeated X and later joined Y": the same actor as the verb before
        if done and "and" in prev_words and not self._mention_between(tok, sent):
            actors = done[-1][1]
        elif tok.lower_.endswith("ing") and prev_words and prev_words[-1] in (
                "before", "after", "while", "since", "upon", "by") and [
                m for m in self.m.in_span(sent.start, tok.i, {PERSON})]:
            # "Gudha ... before joining the Congress": the sentence's subject acts
            actors = self.m.in_span(sent.start, tok.i, {PERSON})[:1]
        elif self._passive(trig, spec, sent):
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
                    self.specs.passive["aux"]):
                # "X won the seat with 16,667 votes defeating Y": X beat Y
                actors = done[-1][1]
            if (not actors or self._inside_quote(tok, sent)) and speaker is not None:
                actors = [speaker]
        return actors, self._targets(spec, self.doc[trig.end - 1], sent)

    def _noun_arguments(self, trig: Trigger, spec: EventSpec, sent: Span
                        ) -> tuple[list[Mention], list, float]:
        """Arguments of a nominal trigger ("the BJP's victory in Guna", "the meeting of X
        with Y", "the defeat of X by Y", "X held talks with Y"): its owner, the objects of
        its prepositions and the subject of the verb it is the object of, each in the role
        the spec's ``roles`` gives; from the words after the noun, else from the parse. No
        actor among them, no event."""
        roles = spec.noun_roles.get(trig.text, spec.roles)
        kinds = set(roles.get("kinds", AGENTS))
        filled, confidence = self._noun_roles_window(trig, roles, kinds, sent), WINDOW
        if not filled["actor"]:
            filled, confidence = self._noun_roles_parsed(trig, spec, roles, kinds, sent), SYNTAX
        if not filled["actor"]:
            return [], [], WINDOW  # "his exit from the DMK": whose, the noun does not say
        if spec.targets.mode == "seat" and not self.m.in_span(sent.start, sent.end,
                                                                {SEAT, HOUSE}):
            return [], [], WINDOW  # a noun's win names its seat, or is no evidence of one
        if filled["target"]:
            return filled["actor"], filled["target"], confidence
        end = max([trig.end] + [m.end for m in filled["actor"]])
        return filled["actor"], self._targets(spec, self.doc[end - 1], sent), confidence

    def _noun_roles_parsed(self, trig: Trigger, spec: EventSpec, roles: dict[str, str],
                           kinds: set[str], sent: Span) -> dict[str, list[Mention]]:
        """A noun's role fillers in the parse: poss, prep -> pobj, and (``governor``) the
        nsubj of the light verb whose dobj the noun is ("held talks", "tendered his
        resignation")."""
        filled: dict[str, list[Mention]] = {"actor": [], "target": []}
        noun = self.parses.head(sent, trig.start, trig.end)
        if noun is None:
            return filled
        cut = sent.start_char + self.parses.dateline_end(sent)
        found: list[tuple[str, Token]] = []
        for c in noun.children:
            if c.dep_ == "poss" and "possessor" in roles:
                found.append((roles["possessor"], c))
            elif c.dep_ == "prep" and c.lower_ in roles:
                found += [(roles[c.lower_], g) for g in c.children if g.dep_ == "pobj"]
        if trig.end - trig.start > 1 and self.doc[trig.end - 1].lower_ in roles:
            # "victory over X", "defeat at the hands of Y": the trigger's own preposition
            prep = self.doc[trig.end - 1]
            found += [(roles[prep.lower_], g) for g in prep.children if g.dep_ == "pobj"]
        if "governor" in roles and noun.dep_ == "dobj" and noun.head.lower_ in spec.light_verbs:
            found += [(roles["governor"], t) for t in self.parses.actors(noun.head, {"nsubj"})]
        for role, t in found:
            filled[role] += [m for m in self._mentions_at(t, sent, cut)
                             if m.kind in kinds and m not in filled[role]]
        return filled

    def _noun_roles_window(self, trig: Trigger, roles: dict[str, str], kinds: set[str],
                           sent: Span) -> dict[str, list[Mention]]:
        """A noun's role fillers by position: the owner right before "'s", and the first
        mention within eight words of each preposition that follows the noun."""
        tok = self.doc[trig.start]
        filled: dict[str, list[Mention]] = {"actor": [], "target": []}
        if "possessor" in roles and tok.i - 2 >= sent.start and self.doc[tok.i - 1].text in (
                "'s", "’s"):
            owner = self.m.at(tok.i - 2)
            if owner is not None and owner.kind in kinds:
                filled[roles["possessor"]].append(owner)
        # the first preposition: right after the noun, or the trigger's last word ("over")
        k = trig.end - 1 if trig.end - trig.start > 1 else tok.i + 1
        while k < sent.end and self.doc[k].lower_ in roles and self.doc[k].lower_ not in (
                NOT_PREPOSITIONS):
            role = roles[self.doc[k].lower_]
            found = [self._np_head(m, sent) for m in self.after(sent, k + 1, kinds)
                     if m.start - k <= 8][:1]
            if not found:
                break
            group = self.group(found[0], sent, kinds) if role == "target" else found
            filled[role] += group
            k = group[-1].end
        return filled

    def _np_head(self, m: Mention, sent: Span) -> Mention:
        """The person a party's name modifies ("of Congress candidate X": X), else the
        mention itself."""
        if m.kind != PARTY:
            return m
        k = m.end
        while k < sent.end and self.m.at(k) is None and (
                self.doc[k].lower_ in self.role_words or self.doc[k].lower_ in CANDIDATE_WORDS):
            k += 1
        person = self.m.at(k)
        return person if k > m.end and person is not None and person.kind == PERSON else m

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

    def _passive(self, trig: Trigger, spec: EventSpec, sent: Span) -> bool:
        """Is the trigger passive in meaning (its actor follows, its target is the subject)?
        Phrases never are ("were elected unopposed"); a spec's ``voice`` makes some words so
        ("support from X", "received the backing"); else be + participle ("was defeated")."""
        if trig.form == "phrase":
            return False
        tok = self.doc[trig.start]
        prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 2):tok.i]]
        nxt = self.doc[tok.i + 1].lower_ if tok.i + 1 < sent.end else ""
        if any(tok.lower_ in v.words and (nxt in v.next_any or any(w in v.prev_any for w in prev))
               for v in spec.voice):
            return True
        passive = self.specs.passive
        return any(w in passive["aux"] for w in prev) and (
            tok.lower_.endswith("ed") or tok.lower_ in passive["irregular"])

    def _inside_quote(self, tok: Token, sent: Span) -> bool:
        opened = sum(1 for t in self.doc[sent.start:tok.i] if t.text in QUOTES)
        opened += sent.text.strip()[:1] not in '"“' and self.opens_with_quote(sent)
        return opened % 2 == 1 and any(
            t.lower_ in FIRST_PERSON for t in self.doc[max(sent.start, tok.i - 3):tok.i])

    def _targets(self, spec: EventSpec, tok: Token, sent: Span) -> list:
        """Targets of the trigger at tok, found the way the spec's ``targets`` says."""
        t = spec.targets
        if t.as_role:
            house = self._resigned_as(tok, sent)
            if house is not None:
                return [house]
        if t.party_back:
            parties = self._party_named_back(tok, sent)
            if parties:
                return parties
        if t.prefer is not None:
            preferred = self._preferred(t.prefer, tok, sent)
            if preferred is not None:
                return [preferred]
        if t.mode == "seat":
            seats = self.after(sent, tok.i + 1, {SEAT, HOUSE}) or self.m.in_span(
                sent.start, sent.end, {SEAT})
            named = [m for m in seats if m.kind == SEAT]
            if seats and seats[0].kind == HOUSE and named and named[0].start - tok.i <= 12:
                seats = named  # "withdrew from the Lok Sabha election from Ladakh seat"
            seat = self.name(seats[0]) if seats else self.ctx.seat_in(sent)
            return [seat] if seat else []
        if t.mode == "phrase":
            if not t.phrase_after:
                return self._phrase_after(tok, sent)
            if tok.i + 1 < sent.end and self.doc[tok.i + 1].lower_ in t.phrase_after:
                return self._phrase_after(self.doc[tok.i + 1], sent)[:t.max]
            return []
        if t.mode == "none":
            return []
        found = [m for m in self.after(sent, tok.i + 1, set(t.kinds))
                 if not (t.skip_led and self._led_by(m, sent))]
        if found and (t.within is None or found[0].start - tok.i <= t.within):
            found = self.group(found[0], sent, set(t.kinds)) if t.group else found
            return found[:t.max] if t.max else found
        kinds = set(t.fallback_kinds) if t.fallback_kinds is not None else AGENTS
        return self.after(sent, tok.i + 1, kinds)[:t.fallback_max]

    def _led_by(self, m: Mention, sent: Span) -> bool:
        """"the Congress-led alliance": the party names who leads, not what was joined."""
        return m.end + 1 < sent.end and self.doc[m.end].text == "-" and self.doc[
            m.end + 1].lower_ in ("led", "headed", "backed")

    def _party_named_back(self, tok: Token, sent: Span) -> list[Mention]:
        """"joined the party", "resigned from the party": the party named before (not "the
        party of X", lexicon [reference] party_not_before)."""
        if tok.i + 2 < sent.end and [t.lower_ for t in self.doc[tok.i + 1:tok.i + 3]] in (
                ["the", "party"], ["from", "the"]) and (
                self.doc[tok.i + 2].lower_ == "party" or (tok.i + 3 < sent.end and self.doc[
                    tok.i + 3].lower_ == "party")):
            k = tok.i + 3 if self.doc[tok.i + 2].lower_ == "party" else tok.i + 4
            if k < sent.end and self.doc[k].lower_ in section("reference")["party_not_before"]:
                return []
            return self.before(sent, tok.i, {PARTY})[:1]
        return []

    def _preferred(self, p: Prefer, tok: Token, sent: Span) -> Mention | None:
        """The spec's preferred target: "support to the BJP", "resigned from the Congress"."""
        after = self.after(sent, tok.i + 1)
        if p.first_only:
            after = after[:1]
        for m in after:
            if m.kind not in p.kinds or not self._governed_by(m, p.governed_by) or (
                    m.start - tok.i > p.within):
                continue
            if p.not_before_person:
                nxt = self.m.at(m.end) or (self.m.at(m.end + 1) if m.end + 1 < sent.end
                                           else None)
                owner = m.end < sent.end and self.doc[m.end].text in ("'s", "’s")
                if owner or (nxt is not None and nxt.kind == PERSON):
                    continue  # not "the INDIA alliance Tsering N." nor "the LDA's X"
            return m
        return None

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

    def _event_facts(self, spec: EventSpec, tok: Token, actors: list[Mention], targets: list,
                     s: Sentence, done: list | tuple = ()) -> None:
        """Double encoding (SCHEMA.md): the state facts the spec's ``implies`` lists — a join
        or a resignation is also a membership, a withdrawal a candidacy withdrawn, a win or a
        defeat settles a contest."""
        election = self.ctx.election(s.year, s.span)
        # "X had won the seat in 2018" is background: a WIN or DEFEAT, not a candidacy
        background = (self.ctx.published is not None and s.year is not None
                      and s.year < self.ctx.published.year and not any(
                          t.lower_ in CANDIDATE_WORDS | {"contested"} for t in s.span)) or (
            s.span[0].lower_ in word_list("background_openers"))  # "Previously, he won ..."
        for a in actors:
            for imp in spec.implies:
                if imp.outcome == "won":
                    self._won(a, targets, s, election, background)
                elif imp.outcome == "defeated":
                    self._defeated(a, targets, s, election, background, done)
                elif imp.actors and a.kind not in imp.actors:
                    continue
                elif imp.fact == "candidacy" and imp.status:
                    self._candidacy(a, s, status=imp.status)
                elif imp.fact in ("membership", "alliance"):
                    self._implied_state(imp, tok, a, targets, s)

    def _implied_state(self, imp: Implication, tok: Token, a: Mention, targets: list,
                       s: Sentence) -> None:
        """A membership or alliance status the event implies for the actor and each target of
        the implication's kinds ("ROLE": the house of "resigned as an MLA")."""
        for t in targets:
            if isinstance(t, str):
                if imp.fact == "membership" and "ROLE" in imp.kinds and (
                        t == self._resigned_as(tok, s.span)):
                    fact = self.facts.add("membership", (a.entity, t), {
                        "person": self.name(a), "org": t, "role": None, "status": None},
                        s.chars)
                    fact.fields["status"] = imp.status
            elif t.kind in imp.kinds and imp.fact == "alliance":
                self._alliance(a, t, imp.status, s)
            elif t.kind in imp.kinds:
                self._membership(a, t, None, imp.status, s)

    def _won(self, a: Mention, targets: list, s: Sentence, election: str | None,
             background: bool) -> None:
        """A person's win: the winner of the election, and a candidacy unless background."""
        if a.kind != PERSON:
            return
        self.winners[(election, a.entity)] = targets[0] if targets else None
        seat = next((t for t in targets if isinstance(t, str) and t not in (
            "Lok Sabha", "Rajya Sabha") and not t.endswith(" Assembly")), None)
        if not background:
            self._candidacy(a, s, status="contested", seat=seat)

    def _defeated(self, a: Mention, targets: list, s: Sentence, election: str | None,
                  background: bool, done: list | tuple) -> None:
        """"In 2012, X defeated Y": a past contest with a named opponent is a candidacy for
        both, and the winner's dated WIN of the seat; the defeated lost the election."""
        named = any(isinstance(t, Mention) and t.kind == PERSON for t in targets)
        stated = years(s.span.text)  # the contest's own year, not the person's
        dated = stated[0] if named and len(set(stated)) == 1 else None
        if a.kind == PERSON and ((named and dated) or not background):
            self._candidacy(a, s, status="contested", year=dated)
            seat = self.ctx.seat_in(s.span)
            if named and background and seat and not any(d == "WIN" for d, _ in done):
                self.add_event("WIN", [a], [seat], s)
                self.winners[(election, a.entity)] = seat
        for t in targets:
            if isinstance(t, Mention) and t.kind == PERSON:
                self.losers.add((election, t.entity))
                if not background or (a.kind == PERSON and dated):
                    self._candidacy(t, s, status="contested", year=dated)
