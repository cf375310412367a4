"""Alliances at an election, from the bundled data file and from the news, and the contests
they fought: which party a candidate was tied to, and who was a party's or its alliance's
official candidate in a seat, every part with its evidence.

The data file (``resolve/data/alliances.v1.json``) is merged with the news facts at query
time rather than loaded into the store as a source: it is versioned with the code, so a
corrected entry takes effect at once in every store without a rebuild, and no store can hold a
stale copy of it. Its facts carry evidence like any other, naming the file and the entry:
``{"source": "chunav/resolve/data/alliances.v1.json", "kind": "reference",
"locator": "INDIA Lok Sabha 2024 / Ladakh"}``.

News facts count for an election when their date (the fact's own, else its article's) falls in
the election's year. Evidence is gathered as references (``{"fact": "membership", "id": 29}``)
and filled in at the end by :func:`attach_evidence`, one query per kind of fact.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Connection

from chunav.analyse.results import ContestResult, Line, rank_contest
from chunav.model import LOK_SABHA, ElectionName
from chunav.output import Column
from chunav.resolve.alliances import (
    DATA_FILE,
    AllianceTerm,
    alliance_name,
    alliance_terms,
    terms_for,
)
from chunav.resolve.lineage import same_party
from chunav.resolve.seats import state_family
from chunav.store import alliances as db
from chunav.store.queries import evidence_of

IN_ALLIANCE = {"member", "joined", None}  # news statuses that put a party in an alliance


@dataclass
class Candidate:
    """One candidate in a counted contest."""

    candidacy_id: int
    person_id: int | None
    name: str
    party: str
    party_kind: str
    votes: int | None
    result_id: int | None
    rank: int | None = None
    winner: bool = False

    @property
    def independent(self) -> bool:
        return self.party_kind == "independent"

    def line(self) -> dict:
        """The candidate as a part of an answer, with the count's evidence."""
        return {"candidate": self.name, "party": self.party, "votes": self.votes,
                "rank": self.rank, "evidence": [ref("result", self.result_id)]
                if self.result_id else []}


@dataclass
class Contest:
    """A counted contest of one election: its candidates in rank order."""

    id: int
    election: dict
    constituency_id: int
    constituency: str
    state: str | None
    keys: set[str] = field(default_factory=set)
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def winner(self) -> Candidate | None:
        return next((c for c in self.candidates if c.winner), None)


def ref(fact: str, fact_id: int, kind: str | None = None) -> dict:
    """A reference to a stored fact's evidence (only from sources of ``kind``, e.g.
    "article", when given), filled in by :func:`attach_evidence`."""
    return {"fact": fact, "id": fact_id, **({"kind": kind} if kind else {})}


def reference(term: AllianceTerm, part: str | None = None, note: str | None = None) -> dict:
    """Evidence of a data-file fact: the file, the entry, and the public record it cites."""
    return {"source": DATA_FILE, "kind": "reference", "locator": term.locator(part),
            "note": note or term.note, "reference": term.source}


def load_contests(conn: Connection, election_rows: list[dict]) -> list[Contest]:
    """The counted contests of these elections, candidates ranked (NOTA left out, and names
    the news gives that are not on the count)."""
    by_id = {e["id"]: e for e in election_rows}
    rows = db.candidacy_lines(conn, by_id)
    grouped: dict[int, list[dict]] = defaultdict(list)
    for row in rows:
        grouped[row["contest_id"]].append(row)
    keys = db.seat_keys(conn, {row["constituency_id"] for row in rows})
    out = []
    for contest_id, entries in grouped.items():
        counted = [x for x in entries if x["votes"] is not None]
        if not counted:
            continue
        first = counted[0]
        candidates = [Candidate(x["candidacy_id"], x["person_id"], x["ballot_name"], x["party"],
                                x["party_kind"], x["votes"], x["result_id"])
                      for x in counted if x["party_kind"] != "nota"]
        lines = [Line(c.name, c.party, c.votes) for c in candidates]
        # rank_contest ranks the lines in place (and reorders its own list, not ours)
        rank_contest(ContestResult(by_id[first["election_id"]]["name"], first["constituency"],
                                   first["state"], lines=list(lines)))
        for cand, line in zip(candidates, lines, strict=True):
            cand.rank, cand.winner = line.rank, line.winner
        candidates.sort(key=lambda c: (c.rank is None, c.rank or 0, c.name))
        out.append(Contest(contest_id, by_id[first["election_id"]], first["constituency_id"],
                           first["constituency"], first["state"],
                           keys.get(first["constituency_id"], set()), candidates))
    return sorted(out, key=lambda c: (c.election["year"], c.election["name"], c.constituency))


def fact_year(fact: dict) -> int | None:
    """The year a news fact speaks of: its own date, else its article's."""
    for value in (fact.get("stated"), fact.get("start_date"), fact.get("published")):
        if isinstance(value, date):
            return value.year
        if isinstance(value, str) and value[:4].isdigit():
            return int(value[:4])
    return None


def previous_generals(conn: Connection, election: dict) -> list[tuple[dict, set[str]]]:
    """The general elections of the same house (and state, for an assembly) before this one,
    newest first, each with the state families it has contests in."""
    earlier = [e for e in db.elections(conn, house=election["house"], region=election["region"]
                                       if election["house"] != LOK_SABHA else None,
                                       general=True)
               if e["year"] < election["year"]]
    states = db.election_states(conn, [e["id"] for e in earlier])
    return [(e, {state_family(x) for x in states.get(e["id"], ())}) for e in reversed(earlier)]


class AllianceBook:
    """The alliances of one election: the data file's entries and the news facts of that
    year, with the seat deals, each fact with its evidence."""

    def __init__(self, election: dict, news_alliances: list[dict], news_deals: list[dict]
                 ) -> None:
        self.election = election
        self.terms = terms_for(election["name"])
        year = election["year"]
        self.news = [f for f in news_alliances if f["status"] in IN_ALLIANCE and (
            f["election_id"] == election["id"] or fact_year(f) == year)]
        self.deals = [d for d in news_deals if d["election_id"] == election["id"] or (
            d["election_id"] is None and fact_year(d) == year)]

    def alliances_of(self, party: str, state: str | None) -> dict[str, list[dict]]:
        """The alliances ``party`` was in at this election in ``state``, each with evidence."""
        out: dict[str, list[dict]] = defaultdict(list)
        for term in self.terms:
            partner = term.partner(party, state)
            if partner is not None:
                out[term.alliance].append(reference(term, f"partners / {partner.party}"))
        for fact in self.news:
            if same_party(fact["party"], party):
                out[alliance_name(fact["alliance"])].append(ref("alliance_membership",
                                                                fact["id"]))
        return dict(out)

    def allied(self, a: str, b: str, state: str | None) -> dict[str, list[dict]]:
        """Alliances both parties were in (in ``state``), with the evidence for both."""
        mine, theirs = self.alliances_of(a, state), self.alliances_of(b, state)
        return {name: mine[name] + theirs[name] for name in mine if name in theirs}

    def allocation(self, alliance: str, contest: Contest) -> tuple[str, list[dict]] | None:
        """The partner an alliance gave this seat to, with evidence: the data file's entry,
        a seat_allocation fact, or a seat deal between partners of which only one stood."""
        for term in self.terms:
            if term.alliance == alliance:
                share = term.seat(contest.keys, contest.state)
                if share is not None:
                    return share.party, [reference(term, share.constituency, share.note)]
        members = self._partners(alliance, contest.state)
        for deal in self.deals:
            if deal["seat"] not in contest.keys or not any(
                    same_party(p, m) for p in deal["parties"] for m in members):
                continue
            if deal["party"]:
                return deal["party"], [ref(deal["fact"], deal["id"])]
            standing = [p for p in deal["parties"]
                        if any(same_party(p, c.party) for c in contest.candidates)]
            if len(standing) == 1:
                return standing[0], [{**ref(deal["fact"], deal["id"]),
                                      "inferred": f"of the parties to the deal only "
                                                  f"{standing[0]} stood in this seat"}]
        return None

    def _partners(self, alliance: str, state: str | None) -> list[str]:
        names = [p.party for t in self.terms if t.alliance == alliance
                 for p in t.partners if p.allied_in(state)]
        names += [f["party"] for f in self.news if alliance_name(f["alliance"]) == alliance]
        return names


def official_candidates(book: AllianceBook, contest: Contest, party: str,
                        backing: dict[int, list[str]]) -> list[dict]:
    """Who stood in this contest as the official candidate of ``party`` or of an alliance it
    was in, each with the bases and their evidence: the party's own candidate (its results
    line); the partner the alliance gave the seat to (data file or news); a candidate the news
    says the alliance or the party backed; or, with no allocation known, the one partner on
    the ballot. One entry per candidate, however many alliances name them."""
    found: dict[int, dict] = {}

    def add(cand: Candidate, basis: str, alliance: str | None, allies: list[dict],
            seat: list[dict]) -> None:
        entry = found.setdefault(cand.candidacy_id, {
            **cand.line(), "basis": [], "alliances": [], "alliance_evidence": [],
            "seat_evidence": []})
        entry["basis"].append(basis)
        if alliance:
            entry["alliances"].append(alliance)
        for k, items in (("alliance_evidence", allies), ("seat_evidence", seat)):
            entry[k].extend(x for x in items if x not in entry[k])

    for cand in contest.candidates:
        if same_party(cand.party, party):
            add(cand, "the party's own candidate", None, [], [])
    for alliance, membership in book.alliances_of(party, contest.state).items():
        given = book.allocation(alliance, contest)
        for cand in contest.candidates:
            if same_party(cand.party, party) or cand.independent:
                continue
            partner = book.allied(party, cand.party, contest.state).get(alliance)
            backed = [b for b in backing.get(cand.candidacy_id, [])
                      if alliance_name(b) == alliance or same_party(b, party)]
            news = [ref("candidacy", cand.candidacy_id, "article")] if backed else []
            if given is not None and same_party(given[0], cand.party):
                add(cand, f"the {alliance} gave the seat to {cand.party}", alliance,
                    membership + (partner or []), given[1] + news)
            elif given is None and partner and _only_partner(book, alliance, contest, party,
                                                             cand):
                add(cand, f"the only {alliance} partner on the ballot", alliance,
                    membership + partner, news)
            if backed:
                add(cand, f"the news says {', '.join(backed)} backed this candidate", alliance,
                    membership + (partner or []), news)
    for entry in found.values():
        entry["basis"] = list(dict.fromkeys(entry["basis"]))
        entry["alliances"] = list(dict.fromkeys(entry["alliances"]))
    return list(found.values())


def _only_partner(book: AllianceBook, alliance: str, contest: Contest, party: str,
                  cand: Candidate) -> bool:
    partners = [c for c in contest.candidates if not c.independent
                and not same_party(c.party, party)
                and alliance in book.alliances_of(c.party, contest.state)]
    return partners == [cand]


def attach_evidence(conn: Connection, data: Any) -> Any:
    """Replace every reference (``{"fact": ..., "id": ...}`` in an "evidence" list) inside
    ``data`` by the stored evidence of that fact, each item keeping the fact and id."""
    wanted: dict[str, set[int]] = defaultdict(set)

    def walk(x: Any, visit: Any) -> None:
        if isinstance(x, dict):
            for k, v in x.items():
                if k.endswith("evidence") and isinstance(v, list):
                    visit(v)
                walk(v, visit)
        elif isinstance(x, list):
            for v in x:
                walk(v, visit)

    def collect(items: list) -> None:
        for item in items:
            if "fact" in item and "source" not in item:
                wanted[item["fact"]].add(item["id"])

    walk(data, collect)
    found = {fact: evidence_of(conn, fact, sorted(ids)) for fact, ids in wanted.items()}

    def fill(items: list) -> None:
        done = []
        for item in items:
            if "fact" in item and "source" not in item:
                extra = {k: v for k, v in item.items() if k not in ("fact", "id", "kind")}
                done.extend({"fact": item["fact"], "id": item["id"], **e, **extra}
                            for e in found[item["fact"]].get(item["id"], [])
                            if item.get("kind") in (None, e["kind"]))
            else:
                done.append(item)
        items[:] = done

    walk(data, fill)
    return data


PARTNER_COLUMNS = [Column("election", "Election"), Column("party", "Party"),
                   Column("where", "Where"), Column("status", "Status"),
                   Column("source", "Source")]  # the list of :func:`partner_rows`


def partner_rows(partners: list[dict]) -> list[dict]:
    """:func:`alliance_partners`' partners as list rows (:data:`PARTNER_COLUMNS`): where (the
    states, or "everywhere") and the names of the files and articles that say so."""
    return [{**row, "where": ", ".join(row["states"]) or "everywhere",
             "source": ", ".join(dict.fromkeys(e["source"].rsplit("/", 1)[-1]
                                               for e in row["evidence"]))}
            for row in partners]


def alliance_partners(conn: Connection, name: str, as_of: date | None = None) -> dict | None:
    """The parties of an alliance over time, each with its evidence: the data file's partners
    at each election (and the states where each shared seats), and the news's alliance facts
    (joined, left, member), dated by their own date or their article's. With ``as_of``, the
    partners of the last election the data file has up to that year, plus the news facts up to
    that date; and the data file's seat-sharing entries of those elections (``seats``: seat,
    state, the partner it went to, its candidate). None when neither the data file nor the news
    knows an alliance by that name."""
    canonical = alliance_name(name)
    terms = [t for t in alliance_terms() if t.alliance == canonical]
    news = [f for f in db.alliance_facts(conn) if alliance_name(f["alliance"]) == canonical]
    if not terms and not news:
        return None
    year = as_of.year if as_of else None
    if year is not None:
        known = [t for t in terms if ElectionName.parse(t.election).year <= year]
        last = max((ElectionName.parse(t.election).year for t in known), default=None)
        terms = [t for t in known if ElectionName.parse(t.election).year == last]
        news = [f for f in news if (fact_year(f) or year + 1) <= year]
    rows = [{"election": t.election, "party": p.party, "states": list(p.states),
             "status": "partner", "basis": "data file",
             "evidence": [reference(t, f"partners / {p.party}")]}
            for t in terms for p in t.partners]
    rows += [{"election": None, "party": f["party"], "states": [], "status": f["status"],
              "basis": "news", "date": str(f["start_date"] or f["stated"] or f["published"]
                                           or "") or None,
              "evidence": [ref("alliance_membership", f["id"])]} for f in news]
    seats = [{"election": t.election, "constituency": x.constituency, "state": x.state,
              "party": x.party, "candidate": x.candidate, "note": x.note,
              "evidence": [reference(t, x.constituency, x.note)]}
             for t in terms for x in t.seats]
    return attach_evidence(conn, {"alliance": canonical, "as_of": as_of.isoformat()
                                  if as_of else None, "partners": rows, "seats": seats})
