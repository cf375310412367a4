"""Plain records passed between the stages: what a results row says, what an election is."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from chunav.errors import IngestError
from chunav.knowledge.normalize import clean

# progress(done, total, stage="") for long work: a CLI draws a bar, a library caller may ignore
ProgressFn = Callable[..., None]

LOK_SABHA = "Lok Sabha"
ASSEMBLY = "Assembly"
COUNCIL = "Council"

# years of Lok Sabha general elections (1951-52 counted as 1951)
LOK_SABHA_YEARS = (1951, 1957, 1962, 1967, 1971, 1977, 1980, 1984, 1989, 1991, 1996, 1998,
                   1999, 2004, 2009, 2014, 2019, 2024, 2029)

# polls of a general election held late in one state (Assam and Punjab, 1985; Punjab, 1992)
DELAYED_POLL_YEARS = (1985, 1992)

_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_BYE = re.compile(r"\b(bye?[- ]?polls?|bye?[- ]?elections?)\b", re.IGNORECASE)


@dataclass(frozen=True)
class ElectionName:
    """An election as people name it: "Lok Sabha 2024", "Kerala Assembly 2021",
    "Lok Sabha bypoll 2021", "Leh Council 2020"."""

    house: str  # LOK_SABHA, ASSEMBLY or COUNCIL
    year: int
    bye: bool = False
    region: str | None = None  # the state of an assembly, the place of a council

    @property
    def name(self) -> str:
        head = self.house if self.house == LOK_SABHA else f"{self.region} {self.house}"
        return f"{head} {'bypoll ' if self.bye else ''}{self.year}"

    @classmethod
    def parse(cls, text: str) -> ElectionName:
        """Read an election name; raises IngestError naming what is missing."""
        text = clean(text)
        year = _YEAR.search(text)
        if not year:
            raise IngestError(f"election {text!r} has no year (write e.g. 'Lok Sabha 2024')",
                              "E110")
        bye = bool(_BYE.search(text))
        rest = clean(_BYE.sub(" ", _YEAR.sub(" ", text)))
        low = rest.casefold()
        if low in {"lok sabha", "ls", "general", "general election", "lok sabha general"}:
            # a Lok Sabha poll in a year with no general election is a by-election
            y = int(year.group(1))
            return cls(LOK_SABHA, y, bye or y not in LOK_SABHA_YEARS + DELAYED_POLL_YEARS)
        for house, words in ((ASSEMBLY, ("assembly", "vidhan sabha")),
                             (COUNCIL, ("council", "hill council", "municipal council"))):
            for word in sorted(words, key=len, reverse=True):
                if low.endswith(word):
                    region = clean(rest[: len(rest) - len(word)])
                    if region:
                        return cls(house, int(year.group(1)), bye, region)
        raise IngestError(
            f"election {text!r}: say which house, e.g. 'Lok Sabha 2024', "
            "'Kerala Assembly 2021', 'Lok Sabha bypoll 2021'", "E110")


@dataclass
class ResultRow:
    """One candidate's line in an official results file, read but not yet stored."""

    line: int
    election: ElectionName
    state: str | None
    constituency: str
    candidate: str
    party: str
    constituency_no: int | None = None
    reserved: str | None = None
    poll_no: int = 0
    status: str = "contested"  # contested | uncontested
    nota: bool = False
    evm_votes: int | None = None
    postal_votes: int | None = None
    votes: int | None = None
    electors: int | None = None
    sex: str | None = None
    age: int | None = None
    person_ref: tuple[str, str] | None = None  # (scheme, id), e.g. ("tcpd", "GEAP51193")


@dataclass
class SeatRow:
    """A constituency as a master list names it: a Lok Sabha seat (PC), or an assembly seat (AC)
    with the PC it lies in as its parent."""

    line: int
    state: str
    house: str  # LOK_SABHA or ASSEMBLY
    number: int
    name: str
    reserved: str | None = None  # GEN, SC, ST, or a source's own category as given (e.g. BL)
    parent_number: int | None = None
    parent_name: str | None = None


@dataclass
class TurnoutRow:
    """One constituency's electors and voters in one election."""

    line: int
    election: ElectionName
    state: str
    constituency: str
    constituency_no: int | None = None
    electors: int | None = None
    voters: int | None = None


@dataclass
class ScheduleRow:
    """When one constituency polled and was counted in one election."""

    line: int
    election: ElectionName
    state: str
    constituency: str
    constituency_no: int | None = None
    phase_no: int | None = None
    poll_date: date | None = None
    counting_date: date | None = None


@dataclass(frozen=True)
class RowError:
    """Why one row (or the whole file, line 0) could not be imported."""

    file: str
    line: int
    field: str | None
    message: str
    code: str = "E120"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" field '{self.field}':" if self.field else ""
        return f"{where}:{what} {self.message} [{self.code}]"


@dataclass(frozen=True)
class KnownNames:
    """Names a store holds, for the extractor to recognise: people (every spelling), parties
    as (name, abbreviation), and constituencies."""

    people: tuple[str, ...] = ()
    parties: tuple[tuple[str, str | None], ...] = ()
    seats: tuple[str, ...] = ()
