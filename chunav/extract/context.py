"""What a sentence means depends on where it sits: its year, its election, its seat.

The year of a sentence is the year it names; else the year of the person it is about, as
fixed where the article first named them; else the year named earlier in its paragraph; else
the year of the election a later sentence of its paragraph names ("X won Lambi by 11,396
votes. The result of the 2022 assembly polls was declared on March 10."); else the
publication year. The house (Lok Sabha, an assembly) follows the article's words, and the
seat is the one the sentence names, else the one the article names most.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date
from functools import cache, cached_property

from spacy.tokens import Doc, Span

from chunav.extract.dates import find_date, years
from chunav.extract.gazetteer import ALLIANCE, PERSON, SEAT, alliance_formed
from chunav.extract.lexicon import lexicon, table
from chunav.extract.mentions import Mentions
from chunav.extract.numbers import WORDS as WORD_NUMBERS
from chunav.extract.syntax import DATELINE
from chunav.model import LOK_SABHA_YEARS

BYPOLL_WORDS = ("bypoll", "by-poll", "by-election", "byelection", "bye-election")
SEAT_CUES = {"seat", "defeated", "defeating", "won", "retained", "candidate", "nominee",
             "contested", "polled", "votes", "beat", "beating", "trounced"}
LS_WORDS = ("lok sabha", "parliamentary", " mp ", "parliament", "general election")
ASSEMBLY_WORDS = ("assembly", "vidhan sabha", " mla ", "legislative")


@cache
def _election_year() -> re.Pattern:
    """A year that names an election: "the 2022 assembly polls", "2019 Lok Sabha election"."""
    spec = lexicon()["dates"]
    nouns = "|".join(re.escape(w) for w in spec["election_nouns"])
    return re.compile(rf"\b(19[5-9]\d|20\d\d)\s+(?:[a-z-]+\s+){{0,3}}?(?:{nouns})\b")


@dataclass
class Sentence:
    """A sentence with what the article around it fixes."""

    span: Span
    year: int | None
    paragraph: int
    named: bool = False  # the sentence names its year itself

    @cached_property
    def chars(self) -> tuple[int, int]:
        """Character offsets of the sentence in the article, white space trimmed."""
        text = self.span.text
        start = self.span.start_char + (len(text) - len(text.lstrip()))
        return start, self.span.start_char + len(text.rstrip())


class Context:
    """Sentences of one article with their years, and the article's house and seat."""

    def __init__(self, doc: Doc, mentions: Mentions, published: date | None) -> None:
        self.doc, self.mentions, self.published = doc, mentions, published
        text = doc.text.lower()
        self._assembly_article = "assembly" in text and "bypoll" not in text
        self._any_bypoll = any(w in text for w in BYPOLL_WORDS)
        self._bypoll = self._any_bypoll and "general election" not in text
        self.house = "Assembly" if (sum(text.count(w) for w in ASSEMBLY_WORDS)
                                    > sum(text.count(w) for w in LS_WORDS)) else "Lok Sabha"
        states = Counter(e.name for e in (mentions.gazetteer.lookup("GPE", ent.text)
                                          for ent in doc.ents if ent.label_ == "GPE") if e)
        for m in mentions.mentions:  # "the Rajasthan Assembly election" says whose it is
            if m.kind == "HOUSE" and m.text.endswith(" Assembly"):
                named = m.text[: -len(" Assembly")]  # "Bengal" is West Bengal
                entry = mentions.gazetteer.lookup("GPE", named)
                states[entry.name if entry else named] += 2
        dateline = self._dateline_state()
        if dateline:
            states[dateline] += 3
        self.state = states.most_common(1)[0][0] if states else None
        self.states_named = set(states)
        seats = Counter(mentions.name(m) for m in mentions.mentions if m.kind == SEAT)
        self.seat = seats.most_common(1)[0][0] if seats else None
        self.default_year = published.year if published else self._undated_year()
        self.anchor: dict[int, int | None] = {}  # person entity -> year of first mention
        self._fixed: set[int] = set()  # persons whose anchor is a year the text gives
        self.sentences = self._years()
        self._at = {x.span.start: k for k, x in enumerate(self.sentences)}  # sentence -> index
        self._sent_starts = [x.span.start for x in self.sentences]

    def _dateline_state(self) -> str | None:
        """The state a dateline's place fixes: "ITANAGAR, 30 Mar:" -> Arunachal Pradesh."""
        words = []
        for tok in self.doc[:6]:
            if tok.text in (",", ":", "\n") or tok.is_space:
                break
            words.append(tok.lower_)
        return table("dateline_places").get(" ".join(words)) if words else None

    def _undated_year(self) -> int | None:
        """An undated article: the latest year it names, else the first general election
        after the youngest alliance it names was formed (an article about the INDIA bloc is
        from 2023 or later)."""
        named = years(self.doc.text)
        ago = re.search(r"\b(\w+) years? ago\b", self.doc.text.lower())
        if named and ago and len(set(named)) == 1:  # "... in 2019", "five years ago"
            n = WORD_NUMBERS.get(ago.group(1)) or (int(ago.group(1)) if ago.group(1).isdigit()
                                                   else None)
            if n:
                return named[0] + n
        if named:
            return max(named)
        formed = alliance_formed()
        since = [formed[e.canonical] for e in self.mentions.entities
                 if e.kind == ALLIANCE and e.canonical in formed]
        if not since:
            return None
        return next((y for y in LOK_SABHA_YEARS if y >= max(since)), None)

    def _years(self) -> list[Sentence]:
        out, carry, para = [], None, -1
        breaks = [m.end() for m in re.finditer(r"\n\s*", self.doc.text)]
        sents = list(self.doc.sents)
        paras = [bisect.bisect_right(breaks, sent.start_char) for sent in sents]
        after = self._years_after(sents, paras)
        for n, sent in enumerate(sents):
            p = paras[n]
            if p != para:
                para, carry = p, None
            named = [y for y in years(sent.text) if not self.published or
                     y <= self.published.year]
            people = [m for m in self.mentions.in_span(sent.start, sent.end, {PERSON})]
            fixed = [self.anchor[m.entity] for m in people if m.entity in self._fixed]
            anchored = [self.anchor[m.entity] for m in people if m.entity in self.anchor]
            if named:
                year = carry = named[0]
            elif fixed or (anchored and carry):
                year = (fixed or anchored)[0]
            else:
                # a person first named where only the publication year held says nothing of
                # the year: a later sentence's election may
                year = carry or self._year_after(sent, after[n])
            given = year is not None
            if year is None:
                year = anchored[0] if anchored else self.default_year
            for m in people:
                if m.entity not in self.anchor and given:
                    self._fixed.add(m.entity)
                self.anchor.setdefault(m.entity, year)
            out.append(Sentence(sent, year, para, bool(named)))
        return out

    def _years_after(self, sents: list[Span], paras: list[int]) -> list[int | None]:
        """For each sentence, the year of the election the first later sentence of its
        paragraph names ("the 2022 assembly polls"), passing over sentences that tell of the
        past ("had", "previous"): read once, from the last sentence back."""
        spec = lexicon()["dates"]
        out: list[int | None] = [None] * len(sents)
        later: int | None = None
        for k in range(len(sents) - 1, 0, -1):
            low = sents[k].text.lower()
            found = _election_year().search(low)
            if found and not any(w in spec["carry_back_blockers"]
                                 for w in re.findall(r"[a-z]+", low)) and (
                    not self.published or int(found.group(1)) <= self.published.year):
                later = int(found.group(1))
            if paras[k - 1] != paras[k]:
                later = None
            out[k - 1] = later
        return out

    def _year_after(self, sent: Span, later: int | None) -> int | None:
        """A later sentence's election year for a sentence about a contest (a win, a count)
        that fixes no time of its own ("on Monday": the act is the article's, not that
        election's)."""
        if later is None or not {t.lower_ for t in sent} & SEAT_CUES:
            return None
        own = DATELINE.sub("", sent.text, count=1)
        return None if find_date(own, self.published or date.today()) else later

    def year_of(self, entity: int, s: Sentence) -> int | None:
        """The year of a person's act in a sentence: the year the sentence names, else the
        person's year as first fixed (``anchor``), else the sentence's."""
        return s.year if s.named else self.anchor.get(entity, s.year)

    def election(self, year: int | None, sent: Span | None = None,
                 seat: str | None = None) -> str | None:
        """The election a sentence speaks of: "Lok Sabha 2024", "Kerala Assembly 2021". An
        assembly election is the state's of its seat (the sentence's, else the one given) when
        the seat list places it in one state only, or in the article's state."""
        if year is None:
            return None
        house, said = self.house, False
        if sent is not None:
            low = f" {sent.text.lower()} "
            if any(w in low for w in LS_WORDS):
                house, said = "Lok Sabha", True
            elif any(w in low for w in ASSEMBLY_WORDS):
                house = "Assembly"
        if house == "Lok Sabha" and year not in LOK_SABHA_YEARS and not (
                self._any_bypoll or said):
            house = "Assembly"  # no general election that year (and no bypoll): a state's
        seat = seat or (self.seat_in(sent) if sent is not None else None)
        found = self.mentions.seat_places(seat) if seat else ()
        if house == "Lok Sabha" and not said and year >= 2008 and found and all(
                h == "AC" for _, h in found):
            house = "Assembly"  # since the 2008 delimitation this name is no Lok Sabha seat
        if house == "Lok Sabha" and not said and year < 2008 and self._any_bypoll and found and (
                all(h == "AC" for _, h in found)
                and any(st in self.states_named for st, _ in found)):
            # before delimitation the seat list is no guide to Lok Sabha seats, but a bypoll
            # in an assembly seat of a state the article names is that state's
            house = "Assembly"
        bye = " bypoll" if self._bypoll and (sent is None or not years(sent.text) or any(
            w in sent.text.lower() for w in BYPOLL_WORDS)) else ""
        if house == "Assembly":
            # the state is unknown only when the article never names one: "Assembly 2017"
            # says what is known rather than a wrong "Lok Sabha 2017"
            state = self.state_of(seat)
            return f"{state} Assembly{bye} {year}" if state else f"Assembly{bye} {year}"
        return f"Lok Sabha{bye} {year}"

    def state_of(self, seat: str | None) -> str | None:
        """The state of a seat: the article's if the seat list has the seat there (or does not
        know it), else the one state the list has it in."""
        found = {st for st, _ in self.mentions.seat_places(seat)} if seat else set()
        if self.state in found or len(found) != 1:
            return self.state
        return found.pop()

    def seat_in(self, sent: Span) -> str | None:
        """The seat a sentence names, else the article's."""
        seats = self.mentions.in_span(sent.start, sent.end, {SEAT})
        if seats:
            return self.mentions.name(seats[0])
        # "In Channapatna, JD(S) leader X retained his seat": the place that opens a
        # sentence about a seat is that seat
        words = [t for t in sent if not t.is_space]
        about_seat = any(t.lower_ in SEAT_CUES for t in words)
        if len(words) > 3 and words[0].lower_ == "in" and about_seat:
            j = 1
            while j < len(words) and words[j].text[:1].isupper() and words[j].text != ",":
                j += 1
            if 1 < j < 5 and j < len(words) and words[j].text == ",":
                name = " ".join(t.text for t in words[1:j])
                if not self.mentions.gazetteer.lookup("GPE", name):
                    return name
        return self._seat_before(sent) or self.seat

    def sentence_at(self, i: int) -> Sentence | None:
        """The sentence that holds token i."""
        k = bisect.bisect_right(self._sent_starts, i) - 1
        return self.sentences[k] if k >= 0 else None

    def sentences_before(self, sent: Span, n: int) -> list[Span]:
        """The (up to) ``n`` sentences just before ``sent``, in reading order."""
        here = self._at.get(sent.start, 0)
        return [x.span for x in self.sentences[max(0, here - n):here]]

    def _seat_before(self, sent: Span) -> str | None:
        """The seat named last in the paragraph before this sentence: "X held Belaganj. She
        polled 71,230 votes" speaks of Belaganj still; a rival's count opening the next
        paragraph too."""
        here = self._at.get(sent.start)
        if here is None:
            return None
        # "Nearest rival X polled ..." opening a paragraph is about the contest just told
        rival = any(t.lower_ in ("rival", "runner-up", "runners-up") for t in sent[:4])
        for x in reversed(self.sentences[:here]):
            if x.paragraph != self.sentences[here].paragraph and not (
                    x.paragraph == self.sentences[here].paragraph - 1 and rival):
                return None
            seats = self.mentions.in_span(x.span.start, x.span.end, {SEAT})
            if seats:
                return self.mentions.name(seats[-1])
        return None
