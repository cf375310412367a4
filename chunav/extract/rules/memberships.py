"""Memberships: who holds which post in which party, unit, council or house."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from chunav.extract.context import Sentence
from chunav.extract.gazetteer import ALLIANCE, HOUSE, PARTY, PERSON, SEAT, seat_places
from chunav.extract.lexicon import lexicon, table, words
from chunav.extract.rules.base import (
    AUX_ADV,
    CANDIDATE_WORDS,
    OFFICES,
    PARTY_BACK,
    ROLE_MODIFIERS,
    STATUS_WORDS,
    RuleBase,
)
from chunav.extract.spans import ORG, PLACE, UNIT, Mention

ALLY_NOUNS = words("ally_nouns")
OFFICE_VERBS = table("office_verbs")


class MembershipRules(RuleBase):
    """Memberships: who holds which post in which party, unit, council or house."""

    def memberships(self, s: Sentence) -> None:
        sent = s.span
        for p in self.m.in_span(sent.start, sent.end, {PERSON}):
            if p.implicit:
                if self.doc[p.start].lower_ in ("leader", "candidate", "mla", "mp"):
                    self._rebel_membership(p, s)
                continue
            self._premodifier(p, s)
            self._seat_legislator(p, s)
            self._seat_title(p, s)
            self._unit_office(p, s)
            self._appositive(p, s)
            self._role_of_before(p, s)
            self._who_is(p, s)
            self._office_verb(p, s)
            self._owner_of_party(p, s)
        for tok in sent:
            if tok.lower_ in self.specs.expelled["words"]:
                self._expelled(tok, s)
            elif tok.lower_ in ("elected", "election") and tok.i + 2 < sent.end and \
                    self.doc[tok.i + 1].lower_ == "to":
                houses = [m for m in self.after(sent, tok.i + 2, {HOUSE}) if m.start - tok.i <= 4]
                people = self.actor_before(sent, tok.i, {PERSON})
                if houses and people:
                    self._membership(people[0], houses[0], None, "member", s)

    def read_groups(self) -> None:
        """Counted groups (``Mentions.groups``): the token after each phrase -> its people, for
        the verb that follows ("two MLCs from the BJP — A and B — resigned", "Four MLAs
        joined ... The four MLAs, A, B, C and D, ...", "the four had quit"); and each named
        member's party and house ("Four Congress MLAs in Manipur": Congress, Manipur
        Assembly)."""
        groups = self.m.groups
        named = [g for g in groups if g.items]
        for g in groups:
            match = g if g.items else None
            if match is None:
                later = [x for x in named if x.count == g.count and 0 < x.at - g.at <= 80 and (
                    g.noun is None or x.noun is None
                    or self.doc[x.noun].lower_ == self.doc[g.noun].lower_)]
                earlier = [x for x in named if x.count == g.count and 0 < g.at - x.at <= 200]
                match = (later[:1] or earlier[-1:] or [None])[0]
                if match is None:
                    continue
                if later and match is later[0] and g.noun is not None:
                    self._group_members(match, g)
            else:
                self._group_members(g, g)
            people = [self.m.at(a) for a, _ in match.items]
            if all(p is not None and p.kind == PERSON for p in people):
                self.group_actors[g.end] = people
                here = self.ctx.sentence_at(g.at)
                if match is not g and here is not None:  # "the four" refers back to a list
                    for p in people:
                        self.refer(here, [p.entity], p.start)

    def _group_members(self, named, phrase) -> None:  # noqa: ANN001
        """The party and house of a named group's members, from the phrase that counts them."""
        if phrase.noun is None:
            return
        people = [self.m.at(a) for a, _ in named.items]
        if not all(p is not None and p.kind == PERSON for p in people):
            return
        listed = {k for a, b in named.items for k in range(a, b)}
        around = [m for m in self.m.in_span(phrase.at, phrase.end) if m.start not in listed]
        parties = [m for m in around if m.kind == PARTY]
        places = [self.name(m) for m in around if m.kind == PLACE and self.m.gazetteer.lookup(
            "GPE", self.name(m))]
        noun = self.doc[phrase.noun]
        role = noun.text[:-1] if noun.text.endswith("s") else noun.text
        template = lexicon()["legislators"].get(role.lower())
        state = places[0] if places else self.ctx.state
        house = None
        if template and ("{state}" not in template or state):
            house = template.format(state=state)
        s = next((x for x in self.ctx.sentences if x.span.start <= phrase.at < x.span.end),
                 None)
        if s is None:
            return
        verb = phrase.end
        while verb < s.span.end and self.doc[verb].lower_ in AUX_ADV:
            verb += 1
        resigned = verb < s.span.end and self.trigger_at(verb) == "RESIGN" and (
            house is not None and house.split()[-1].lower() in
            [t.lower_ for t in self.doc[verb:min(s.span.end, verb + 6)]])
        for p in people:
            if parties:
                self._membership(p, parties[0], role, None, s)
            if house is not None:
                fact = self.facts.add("membership", (p.entity, house), {
                    "person": self.name(p), "org": house, "role": role, "status": None},
                    s.chars)
                if resigned:
                    fact.fields["status"] = "resigned"

    def _office_verb(self, p: Mention, s: Sentence) -> None:
        """"Marandi, who heads the Jharkhand Vikas Morcha", "X, who leads the party's Kargil
        unit": a verb of office (lexicon [office_verbs]) gives the role."""
        sent, j = s.span, p.end
        if j + 2 >= sent.end or self.doc[j].text != "," or self.doc[j + 1].lower_ != "who":
            return
        k = j + 2
        while k < sent.end and self.doc[k].lower_ in ("also", "now", "currently"):
            k += 1
        role = OFFICE_VERBS.get(self.doc[k].lower_) if k < sent.end else None
        if role is None:
            return
        orgs = [m for m in self.after(sent, k + 1, {PARTY, ORG, UNIT, ALLIANCE})
                if m.start - k <= 3]
        if orgs:
            self._membership(p, orgs[0], role, None, s)

    def _owner_of_party(self, p: Mention, s: Sentence) -> None:
        """"Vaiko's MDMK", "Mamata Banerjee's Trinamool Congress": the party a person is
        named as owning is theirs (no role)."""
        j = p.end
        if j + 1 < s.span.end and self.doc[j].lower_ in ("'s", "’s"):
            party = self.m.at(j + 1)
            if party is not None and party.start == j + 1 and party.kind == PARTY:
                self._membership(p, party, None, None, s)

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
        if self._expelled_list(tok, s):
            return
        prev = [t.lower_ for t in self.doc[max(sent.start, tok.i - 2):tok.i]]
        if any(w in ("was", "were", "been", "is") for w in prev):
            people = self.actor_before(sent, tok.i, {PERSON})
            parties = [m for m in self.after(sent, tok.i + 1, {PARTY}) if m.start - tok.i <= 3]
            if people and parties:
                self._membership(people[0], parties[0], None, self.specs.expelled["status"], s)
            return
        parties = self.actor_before(sent, tok.i, {PARTY}) or self.party_back(sent, tok.i)
        if parties:
            self._expeller = (parties[0], tok.i)
        people = [m for m in self.after(sent, tok.i + 1, {PERSON}) if m.start - tok.i <= 6]
        if not parties or not people:
            return
        for p in self.group(people[0], sent, {PERSON}):
            words = [t for t in self.doc[tok.i + 1:p.start] if t.lower_ in self.role_words]
            role, _ = self._role_phrase(words) if words else (None, None)
            self._membership(p, parties[0], role, self.specs.expelled["status"], s)

    def _expelled_list(self, tok: Token, s: Sentence) -> bool:
        """"Those expelled include A, B and C", "The leaders expelled on Friday were A and B":
        each listed person is expelled from the party named with the list, else from the
        party that expelled members in the sentences just before."""
        sent = s.span
        before = self.doc[tok.i - 1].lower_ if tok.i > sent.start else ""
        if before != "those" and not (tok.i - 2 >= sent.start and self.doc[tok.i - 2].lower_ in (
                "the", "those") and self.m.at(tok.i - 1) is None and self.doc[tok.i - 1].tag_ in (
                "NNS", "NNPS") and self.doc[tok.i - 1].lower_ not in PARTY_BACK):
            return False
        verb = next((t.i for t in self.doc[tok.i + 1:min(sent.end, tok.i + 8)]
                     if t.lower_ in words("expelled_list_verbs")), None)
        if verb is None:
            return False
        people = [m for m in self.after(sent, verb + 1, {PERSON}) if not m.implicit]
        named = [m for m in self.m.in_span(tok.i + 1, verb, {PARTY})
                 if self._governed_by(m, ("from", "by"))]
        recent = getattr(self, "_expeller", None)
        party = named[0] if named else (recent[0] if recent and tok.i - recent[1] <= 120
                                        else None)
        if party is None:  # "The leaders expelled ...": the party the story is about
            earlier = self.ctx.sentences_before(sent, 2)
            found = [m for x in earlier for m in self.m.in_span(x.start, x.end, {PARTY})]
            party = found[-1] if found else None
        if party is None or not people:
            return False
        for p in people:
            self._membership(p, party, None, self.specs.expelled["status"], s)
        return True

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
        before = self.doc[party.start - 1].lower_ if party.start else ""
        if ("state" in words or before in ("state", "pradesh")) and self.ctx.state:
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
        if i - 1 >= sent.start and self.doc[i].text == "," and (
                self.doc[i - 1].lower_ in self.role_words) and (
                i - 1 == sent.start or self.doc[i - 2].text != ","):
            i -= 1  # "the party's national general secretary, C T Ravi"
        while i >= sent.start and (self.doc[i].lower_ in self.role_words or self.doc[i].lower_
                                   in ROLE_MODIFIERS or self.doc[i].lower_.rstrip(".") in
                                   ("dr", "haji", "shri", "smt") or (
                                       words and self.doc[i].tag_ in ("NN", "JJ")
                                       and self.doc[i].is_lower)) and self.m.at(i) is None:
            words.insert(0, self.doc[i])
            i -= 1
        if i > sent.start and words and self.doc[i].lower_ in ("'s", "\u2019s") and not any(
                w.lower_ in ("unit", "units") for w in words):
            i -= 1  # "the saffron party's national general secretary" (a unit's: _unit_office)
        org = self.m.at(i) if i >= sent.start else None
        if org is None and i > sent.start + 1 and self.doc[i].text == ")":
            org = self.m.at(i - 1)  # "the party (NC) president X"
            if org is not None and self.doc[org.start - 1].text != "(":
                org = None
        if any(w.lower_ in ALLY_NOUNS for w in words):
            return  # "the BJP ally and its chief X": the chief of the ally, not of the BJP
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
        plural = words[-1].lower_
        if plural.endswith("s") and plural[:-1] in self.role_words and org is not None and (
                org.kind in (PARTY, UNIT)) and self.doc[p.start - 1].text != ",":
            # "senior Congress leaders DK Shivakumar and Siddaramaiah": each is one
            role = role[:-1] if role.endswith("s") else role
            for q in self.group(p, sent, {PERSON}):
                self._membership(q, org, role, status, s)
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
        elif org is None and role.lower().split()[-1] == "mp" and (
                "lok sabha" in sent.text.lower() and self.m.in_span(sent.start, sent.end,
                                                                    {SEAT})):
            # "sitting MP X will contest the Kendrapara Lok Sabha seat": the house is named
            self.facts.add("membership", (p.entity, "Lok Sabha"), {
                "person": self.name(p), "org": "Lok Sabha", "role": role,
                "status": status or "member"}, s.chars)
        elif any(w.lower_ in ("party", "its", "their") for w in words) or (
                role.lower() in ("senior leader", "leader")
                and self.doc[p.start - 1].lower_ != ","):
            parties = self.before(sent, p.start, {PARTY})
            if parties:
                self._membership(p, parties[0], role, status, s)

    def _seat_legislator(self, p: Mention, s: Sentence) -> None:
        """A legislator named with the seat: "JD(S) MLA from Arkalgud X", "BJP MLA X from
        Kudligi", "MLA X (Bhind)" -> a member of the house, role "MLA (seat)"."""
        sent, houses = s.span, lexicon()["legislators"]
        k = p.start - 1
        while k >= max(sent.start, p.start - 8) and self.doc[k].lower_ not in houses:
            if self.doc[k].text in (".", ";") or self.doc[k].lower_ in ("and", "who") or (
                    self.m.at(k) is not None and self.m.at(k).kind == PERSON):
                return
            k -= 1
        if k < sent.start or self.doc[k].lower_ not in houses:
            return
        role = self.doc[k].text
        if k + 1 < p.start and self.doc[k + 1].lower_ == "from":
            seat = self._seat_at(k + 2, sent)
        elif p.end < sent.end and self.doc[p.end].lower_ in ("from", "("):
            seat = self._seat_at(p.end + 1, sent)
        else:
            return
        party = self.m.at(k - 1) if k > sent.start else None
        if party is not None and party.kind == PARTY and seat is not None:
            # "JD(S) MLA from Arsikere X": the legislator's party too
            window = {t.lower_ for t in self.doc[max(sent.start, party.start - 3):party.start]}
            self._membership(p, party, role, next(
                (STATUS_WORDS[w] for w in window if w in STATUS_WORDS), None), s)
        template = houses[self.doc[k].lower_]
        if seat is None or ("{state}" in template and not self.ctx.state):
            return
        self._legislator(p, template.format(state=self.ctx.state), role, seat, k - 3, k, s)

    def _seat_title(self, p: Mention, s: Sentence) -> None:
        """"Bhind MLA Narendra Kushwaha", "former Sangli MP X": a seat the seat list knows,
        then the legislator's title -> a member of that seat's house, role "MLA (seat)"."""
        sent, k = s.span, p.start - 1
        titles = {"mla": "AC", "mp": "PC"}
        if k - 1 < sent.start or self.doc[k].lower_ not in titles:
            return
        m = self.m.at(k - 1)
        if m is not None and m.kind not in (SEAT, PLACE):
            return  # "BJP MLA X": the party's, not a seat's
        start = m.start if m is not None else None
        if m is None:  # the longest run of capitalised words (or hyphens) that is a seat
            j = k - 1
            while j >= sent.start and k - j <= 5 and self.m.at(j) is None and (
                    self.doc[j].text[:1].isupper() or self.doc[j].text == "-"):
                if self.doc[j].text != "-" and seat_places(self.doc[j:k].text):
                    start = j
                j -= 1
        if start is None:
            return
        seat = self.name(m) if m is not None else self.doc[start:k].text
        if self.m.gazetteer.lookup("GPE", seat):
            return  # "Manipur MLA X": a state, read by _premodifier
        house = titles[self.doc[k].lower_]
        states = {st for st, h in self.m.seat_places(seat) if h == house}
        state = self.ctx.state if self.ctx.state in states else (
            next(iter(states)) if len(states) == 1 else None)
        if state is None:
            return
        org = "Lok Sabha" if house == "PC" else f"{state} Assembly"
        self._legislator(p, org, self.doc[k].text, seat, start - 2, start, s)

    def _legislator(self, p: Mention, house: str, title: str, seat: str, lo: int, hi: int,
                    s: Sentence) -> None:
        """A member of ``house``, role "<title> (<seat>)"; "former"/"ex" among the tokens
        [lo, hi) makes the membership a former one."""
        window = {t.lower_ for t in self.doc[max(s.span.start, lo):hi]}
        status = "former" if any(STATUS_WORDS.get(w) == "former" for w in window) else "member"
        self.facts.add("membership", (p.entity, house), {
            "person": self.name(p), "org": house, "role": f"{title} ({seat})",
            "status": status}, s.chars)

    def _unit_office(self, p: Mention, s: Sentence) -> None:
        """An office in a unit of the party referred back to: "party Mahanagar president X",
        "the party's state unit chief X", "state unit chief X" -> "<unit> unit of <party>"."""
        sent, k = s.span, p.start - 1
        if k - 2 < sent.start or self.doc[k].lower_ not in OFFICES or self.m.at(k) is not None:
            return
        j, unit = k - 1, self.doc[k - 1].lower_ in ("unit", "wing")
        j -= unit
        if self.doc[j].lower_ == "state" and self.m.at(j) is None:
            place, j = self.ctx.state, j - 1
        elif self.m.at(j) is not None and self.m.at(j).kind == PLACE:
            place, j = self.name(self.m.at(j)), self.m.at(j).start - 1
        else:
            end = j + 1
            while j >= sent.start and end - j <= 2 and self.m.at(j) is None and (
                    self.doc[j].text[:1].isupper() and self.doc[j].lower_ not in
                    self.role_words and not self.doc[j].is_sent_start):
                j -= 1
            place = self.doc[j + 1:end].text if j + 1 < end else None
        if not place:
            return
        said = self.doc[j].lower_ if j >= sent.start else ""
        if said in ("'s", "’s") and j - 1 >= sent.start:
            said = self.doc[j - 1].lower_
        if said not in PARTY_BACK and not unit:
            return  # "Mahanagar president X" alone: whose unit is not said
        parties = self.before(sent, j + 1, {PARTY})
        if not parties:
            earlier = self.ctx.sentences_before(sent, 2)
            parties = [m for x in reversed(earlier)
                       for m in reversed(self.m.in_span(x.start, x.end, {PARTY}))]
        if parties:
            self._membership(p, parties[0], self.doc[k].text, None, s,
                             f"{place} unit of {self.name(parties[0])}")

    def _seat_at(self, i: int, sent) -> str | None:  # noqa: ANN001
        """The seat named at token i: a mention, or a run of capitalised words."""
        m = self.m.at(i)
        if m is not None and m.kind in (PARTY, ALLIANCE, ORG, UNIT) or (
                m is not None and m.kind == PERSON and len(self.name(m).split()) > 1):
            return None
        if m is not None and m.kind == SEAT:
            return None if self.m.gazetteer.lookup("GPE", m.text) else self.name(m)
        j = i
        while j < sent.end and j - i < 3 and self.doc[j].text[:1].isupper() and (
                self.m.at(j) is None or self.m.at(j).start >= i):
            j += 1
        name = self.doc[i:j].text if j > i else None
        if name is None or self.m.gazetteer.lookup("GPE", name):
            return None  # "MLA from Kerala": a state, not a seat
        return name

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
                if m.kind in (PARTY, ORG, UNIT, HOUSE, SEAT, PLACE) and org is None:
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
        if role is None:
            return
        if org.kind in (SEAT, PLACE):  # "Irani, the sitting MP from Amethi"
            if role.lower().split()[-1] in ("mp", "mla"):
                self._legislature(p, org, role.split()[-1], status, s)
            return
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

