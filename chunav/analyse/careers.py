"""Careers across elections, as TCPD defines its flags, from our own person resolution.

For each candidacy, within one house (the Lok Sabha, or one state's assembly):

- **previous contest**: the person's latest candidacy at an earlier election of the house
  (a general election comes before the same year's by-elections);
- **recontest**: he stood at the house's previous election: its general election in his
  state (the state's family, so Telangana's previous is Andhra Pradesh's), or a by-election
  before this one's term began;
- **incumbent**: he won in that same window (a sitting member of the house);
- **turncoat**: his party differs from the previous contest's, neither being an independent
  (a move to or from standing alone is not a change of party, as in TCPD), and no lineage
  link explains it: a rename (TRS to BRS), or a split, merger or successor dated between the
  two elections (a Shiv Sena man who stood for the Shiv Sena (UBT) in 2024 stayed with his
  faction). The links that explain a change are reported with it.

Who is one person is the store's decision (``candidacy.person_id``, merged persons already
moved to their survivor), never TCPD's ``pid``. :func:`careers` is pure, over plain
:class:`Stand` records, so the TCPD benchmark runs it on records it builds itself;
:func:`career_list` composes it with the store and attaches each candidacy's evidence.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass, field

from sqlalchemy import Connection

from chunav.errors import NotFound
from chunav.knowledge.normalize import key
from chunav.knowledge.parties import lookup_party
from chunav.model import ElectionName
from chunav.output import Column
from chunav.resolve.lineage import Link, follows, party_key
from chunav.resolve.seats import state_family
from chunav.store import careers as store
from chunav.store.queries import evidence_of

SHOW = ("turncoats", "lineage", "incumbents", "recontests", "all")
CAREER_TITLES = {  # key -> title: the CSV's columns of :func:`career_list`'s rows, in order
    "election": "Election", "state": "State", "constituency": "Constituency",
    "candidate": "Candidate", "party": "Party", "won": "Won",
    "previous_election": "Previous election", "previous_constituency": "Previous seat",
    "previous_party": "Previous party", "previous_won": "Previous won",
    "recontest": "Recontest", "incumbent": "Incumbent", "turncoat": "Turncoat",
    "unsure": "Unsure",
    "reason": "Why", "links": "Lineage", "source": "Source",
    "previous_source": "Previous source"}
CAREER_COLUMNS = [Column(k, title) for k, title in CAREER_TITLES.items()]


@dataclass(frozen=True)
class Stand:
    """One candidacy as careers see it."""

    id: Hashable
    person: Hashable
    name: str  # as on the ballot
    election: str
    year: int
    bye: bool
    house: str  # "Lok Sabha", "Kerala Assembly"
    state: str
    constituency: str
    party: str | None  # None: an independent, or a party no source names
    label: str  # the party as shown: its abbreviation, else its name ("IND" for independents)
    won: bool

    @property
    def when(self) -> tuple[int, bool]:
        """Order within a house: by year, a general election before its year's by-elections."""
        return (self.year, self.bye)


@dataclass
class Career:
    """The derived flags of one candidacy."""

    stand: Stand
    previous: Stand | None = None  # the previous contest in the house
    recontest: bool | None = None  # None: the data holds no earlier election of the house
    incumbent: bool | None = None
    changed: bool = False  # the party differs from the previous contest's (neither IND)
    turncoat: bool = False  # changed, and no lineage link explains it
    # the two parties are an abbreviation and a full name the party list cannot pair (TCPD's
    # "BARESP", ECI's "Bahujan Republican Socialist Party"): perhaps one party
    unsure: bool = False
    lineage: tuple[Link, ...] = field(default_factory=tuple)  # the links that explain it

    @property
    def reason(self) -> str:
        """One line saying what the flags rest on."""
        p = self.previous
        if p is None:
            return "first contest in the house in the data"
        before = f"{p.label} in {p.election}"
        if self.turncoat:
            doubt = (f" (perhaps one party: the party list cannot pair {p.label} and "
                     f"{self.stand.label})") if self.unsure else ""
            return f"was {before}; now {self.stand.label}{doubt}"
        if self.lineage:
            return f"was {before}: " + " ".join(link.note for link in self.lineage)
        return f"was {before}"


def careers(stands: Iterable[Stand],
            general: Iterable[tuple[str, str, int]]) -> dict[Hashable, Career]:
    """Each stand's :class:`Career` by its id. ``general`` holds (house, state, year) for
    every general election the data has (the terms recontests and incumbents count in)."""
    terms: dict[tuple[str, str], set[int]] = defaultdict(set)
    anywhere: dict[str, set[int]] = defaultdict(set)
    for house, state, year in general:
        terms[(house, state_family(state))].add(year)
        anywhere[house].add(year)
    years = {k: sorted(v) for k, v in terms.items()}
    house_years = {k: sorted(v) for k, v in anywhere.items()}
    by_person: dict[tuple[Hashable, str], list[Stand]] = defaultdict(list)
    for stand in stands:
        by_person[(stand.person, stand.house)].append(stand)
    out: dict[Hashable, Career] = {}
    for history in by_person.values():
        history.sort(key=lambda x: (x.when, str(x.id)))
        for stand in history:
            known = years.get((stand.house, state_family(stand.state))) or house_years.get(
                stand.house, [])
            out[stand.id] = _career(stand, history, known)
    return out


def _career(stand: Stand, history: list[Stand], years: list[int]) -> Career:
    career = Career(stand)
    earlier = [x for x in history if x.when < stand.when]
    if earlier:
        last = [x for x in earlier if x.when == earlier[-1].when]
        same = [x for x in last if x.party and stand.party
                and party_key(x.party) == party_key(stand.party)]
        career.previous = (same or last)[0]
    # the term this stand belongs to starts at the latest general election up to it
    at = bisect_right(years, stand.year) - 1
    if at >= 1:
        start, before = years[at], years[at - 1]
        window = [x for x in earlier if (before, False) <= x.when < (start, False)]
        career.recontest = bool(window)
        career.incumbent = any(x.won for x in window)
    p = career.previous
    if p is not None and p.party and stand.party and party_key(p.party) != party_key(
            stand.party):
        career.changed = True
        links = follows(p.party, stand.party, p.year, stand.year)
        career.turncoat = links is None
        career.unsure = career.turncoat and _unpaired(p.party, stand.party)
        career.lineage = links or ()
    return career


def _unpaired(a: str, b: str) -> bool:
    """Are ``a`` and ``b`` names the party list does not know, one an abbreviation (one word)
    and the other a full name, so that nothing says whether they are one party?"""
    if lookup_party(a) or lookup_party(b):
        return False
    return (" " in a.strip()) != (" " in b.strip())


def _stand(row: dict) -> Stand:
    """A :class:`Stand` from a :func:`chunav.store.careers.career_records` row."""
    return Stand(id=row["id"], person=row["person_id"], name=row["name"],
                 election=row["election"], year=row["year"],
                 bye=ElectionName.parse(row["election"]).bye or row["poll_no"] > 0,
                 house=row["house"], state=row["state"], constituency=row["constituency"],
                 party=None if row["party"] == "Independent" else row["party"],
                 label=row["abbreviation"] or row["party"] or "?", won=row["won"])


def career_list(conn: Connection, election: str | None = None, state: str | None = None,
                show: str = "turncoats") -> list[dict]:
    """The candidacies of ``election`` and ``state`` (each optional) that ``show`` asks for:
    "turncoats", "lineage" (party changes a lineage link explains: not turncoats),
    "incumbents", "recontests" or "all"; newest election first. Each row gives the
    candidacy, its previous contest, the flags, the lineage links and the evidence of both
    candidacies (results file and line). Raises NotFound when no official results file has a
    candidacy of that election and state; an election with nothing to show gives []."""
    if show not in SHOW:
        raise ValueError(f"show must be one of {', '.join(SHOW)}")
    rows = store.career_records(conn, election, state)
    if not rows:
        where = " in ".join(x for x in (election, state) if x) or "the store"
        raise NotFound(f"no candidacy of an official results file for {where}", "E422")
    stands = [_stand(r) for r in rows]
    general = [(g["house"], g["state"], g["year"]) for g in store.general_elections(conn)]
    found = careers(stands, general)
    wanted = ElectionName.parse(election).name if election else None
    picked = [c for c in found.values()
              if (wanted is None or c.stand.election == wanted)
              and (state is None or key(c.stand.state) == key(state))
              and _shown(c, show)]
    picked.sort(key=lambda c: (-c.stand.year, c.stand.bye, c.stand.state,
                               c.stand.constituency, c.stand.name))
    ids = [c.stand.id for c in picked] + [c.previous.id for c in picked if c.previous]
    evidence = evidence_of(conn, "candidacy", ids)
    return [_row(c, evidence) for c in picked]


def _shown(career: Career, show: str) -> bool:
    return {"turncoats": career.turncoat, "lineage": career.changed and not career.turncoat,
            "incumbents": bool(career.incumbent), "recontests": bool(career.recontest),
            "all": True}[show]


def _row(c: Career, evidence: dict[Hashable, list[dict]]) -> dict:
    s, p = c.stand, c.previous
    return {
        "election": s.election, "state": s.state, "constituency": s.constituency,
        "candidate": s.name, "person_id": s.person, "party": s.label, "won": s.won,
        "previous_election": p.election if p else None,
        "previous_constituency": p.constituency if p else None,
        "previous_party": p.label if p else None, "previous_won": p.won if p else None,
        "before": f"{p.label}, {p.year}, {p.constituency}{' [?]' if c.unsure else ''}"
        if p else None,
        "recontest": c.recontest, "incumbent": c.incumbent, "turncoat": c.turncoat,
        "party_changed": c.changed, "unsure": c.unsure, "reason": c.reason,
        "flags": ", ".join(name for name, on in (("recontest", c.recontest),
                                                 ("incumbent", c.incumbent),
                                                 ("turncoat", c.turncoat)) if on),
        "source": _where(evidence.get(s.id)), "previous_source": _where(evidence.get(p.id))
        if p else None,
        "lineage": [link.to_dict() for link in c.lineage],
        "links": "; ".join(f"{x.kind} {x.source} > {x.target} ({x.date})" for x in c.lineage),
        "evidence": {"candidacy": evidence.get(s.id, []),
                     "previous": evidence.get(p.id, []) if p else []},
    }


def _where(found: list[dict] | None) -> str | None:
    """A candidacy's first source and line, as a list shows it: "ls.csv, line 8"."""
    return f"{found[0]['source']}, {found[0]['locator']}" if found else None
