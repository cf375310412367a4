"""Rebels: candidates who are (or were until shortly before the poll) members of a party and
stood against the candidate of that party or of its alliance, as an independent or for
another party. Derived when asked, never stored.

A candidate's tie to a party is either
- a membership the news states (member, rebel; or former, resigned, expelled when dated
  within a year of the poll; "joined" is left out, as it may be the party the candidate
  stood for or one joined after the poll), read for the candidate or for the person one
  article names by a spelling it also links to the candidate; or
- the ballot: having stood for the party at the previous general election of the same house
  and now standing as an Independent.
The other side is the party's own candidate in that seat, or its alliance's official
candidate (see :func:`chunav.analyse.alliances.official_candidates`). A candidate whose own
party was allied with the tied party is not a rebel (a friendly fight, or a seat lent to an
ally's member). Every part carries its evidence.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import Connection

from chunav.analyse.alliances import (
    AllianceBook,
    Candidate,
    Contest,
    attach_evidence,
    fact_year,
    load_contests,
    official_candidates,
    previous_generals,
    ref,
)
from chunav.errors import NotFound
from chunav.model import LOK_SABHA
from chunav.output import Column
from chunav.resolve.alliances import short_name
from chunav.resolve.lineage import follows
from chunav.resolve.seats import state_family
from chunav.store import alliances as db
from chunav.store.people import current_person_id

ALWAYS = {"member", "rebel", None}  # statuses that tie a candidate even when undated
RECENT = {"former", "resigned", "expelled"}  # statuses that tie only when dated near the poll
WINDOW = 1  # years either side of the poll a dated membership may be from
REBEL_COLUMNS = [Column(k, k, number=k in ("votes", "rank", "against_votes")) for k in (
    "election", "constituency", "state", "candidate", "party", "votes", "rank", "won",
    "tie_party", "tie_basis", "tie", "against", "against_party", "against_votes",
    "against_basis")]  # the CSV of :func:`flat` rows


@dataclass
class NewsFacts:
    """What the news says about parties and alliances, read once for any number of
    elections."""

    memberships: dict[int, list[dict]] = field(default_factory=dict)  # by person id
    alliances: list[dict] = field(default_factory=list)
    deals: list[dict] = field(default_factory=list)
    tied: set[int] = field(default_factory=set)  # persons a membership may be read for

    @classmethod
    def load(cls, conn: Connection) -> NewsFacts:
        members: dict[int, list[dict]] = defaultdict(list)
        for m in db.memberships(conn):
            members[current_person_id(conn, m["person_id"])].append(m)
        linked = {x["person_id"] for links in db.spelling_links(conn, members).values()
                  for x in links}
        return cls(dict(members), db.alliance_facts(conn), db.seat_deals(conn),
                   set(members) | {current_person_id(conn, p) for p in linked})


def rebels(conn: Connection, election: str | None = None) -> list[dict]:
    """The rebels of one election (by name), or of every election the store holds, oldest
    first; each with the tie to the party and the candidate stood against, every part with
    its evidence. Raises NotFound for an election the store does not hold."""
    targets = db.elections(conn, name=election)
    if election and not targets:
        raise NotFound(f"no election {election!r} in the store", "E420")
    news = NewsFacts.load(conn)
    out = []
    for one in targets:
        out.extend(election_rebels(conn, one, load_contests(conn, [one]), news))
    return attach_evidence(conn, out)


def election_rebels(conn: Connection, election: dict, contests: list[Contest],
                    news: NewsFacts) -> list[dict]:
    """The rebels among these contests of one election (evidence as references)."""
    book = AllianceBook(election, news.alliances, news.deals)
    people = [c for contest in contests for c in contest.candidates if c.person_id]
    links = db.spelling_links(conn, {c.person_id for c in people})
    ballots = _ballot_ties(conn, election, contests)
    backing = db.backers(conn, {c.candidacy_id for contest in contests
                                for c in contest.candidates})
    out = []
    for contest in contests:
        for cand in contest.candidates:
            ties = _news_ties(conn, cand, election["year"], news, links) + ballots.get(
                cand.candidacy_id, [])
            found = contest_rebel(book, contest, cand, ties, backing)
            if found:
                out.append(found)
    return out


def contest_rebel(book: AllianceBook, contest: Contest, cand: Candidate, ties: list[dict],
                  backing: dict[int, list[str]]) -> dict | None:
    """``cand`` as a rebel of this contest (None if not): the first tie to a party whose own
    or alliance candidate ``cand`` stood against."""
    for tie in ties:
        party = tie["party"]
        # his own party, an ally, or the faction or successor his party became (lineage)
        if book.allied(party, cand.party, contest.state) or follows(
                party, cand.party, None, contest.election["year"]) is not None:
            continue
        against = [x for x in official_candidates(book, contest, party, backing)
                   if x["candidate"] != cand.name]
        if against:
            return {"election": contest.election["name"], "constituency": contest.constituency,
                    "state": contest.state, **cand.line(), "person_id": cand.person_id,
                    "won": cand.winner, "tie": tie,
                    "against": against}
    return None


def _news_ties(conn: Connection, cand: Candidate, year: int, news: NewsFacts,
               links: dict[int, list[dict]]) -> list[dict]:
    """The candidate's party memberships the news states, rebels first."""
    if not cand.person_id:
        return []
    found = [(m, None) for m in news.memberships.get(cand.person_id, [])]
    for link in links.get(cand.person_id, []):
        other = current_person_id(conn, link["person_id"])
        how = (f"the article {link['source']} also names this candidate "
               f"{link['name']!r}")
        found += [(m, how) for m in news.memberships.get(other, [])]
    out = []
    for m, how in found:
        when = fact_year(m)
        dated = when is not None and abs(when - year) <= WINDOW
        if not (dated or (when is None and m["status"] in ALWAYS)):
            continue
        if m["status"] not in ALWAYS | RECENT:
            continue
        out.append({"party": m["party"], "basis": "news", "status": m["status"],
                    "role": m["role"], "dated": when, "link": how,
                    "evidence": [ref("membership", m["id"])]})
    return sorted(out, key=lambda t: t["status"] != "rebel")


def _ballot_ties(conn: Connection, election: dict, contests: list[Contest]
                 ) -> dict[int, list[dict]]:
    """Independents who stood for a party at the previous general election of the house in
    their seat's state (the latest earlier one with contests there)."""
    independents = [(contest, c) for contest in contests for c in contest.candidates
                    if c.independent and c.person_id]
    if not independents:
        return {}
    earlier = previous_generals(conn, election)
    latest: dict[int, dict] = {}
    for row in db.earlier_candidacies(conn, {c.person_id for _, c in independents},
                                      election["house"], election["region"]
                                      if election["house"] != LOK_SABHA else None,
                                      election["year"]):
        latest.setdefault(row["person_id"], row)
    out: dict[int, list[dict]] = {}
    for contest, cand in independents:
        row = latest.get(cand.person_id)  # type: ignore[arg-type]
        family = state_family(contest.state)
        before = next((e for e, families in earlier if family in families), None)
        if row is None or before is None or row["election"] != before["name"] or (
                row["party_kind"] != "party"):
            continue
        out[cand.candidacy_id] = [{
            "party": row["party"], "basis": "ballot", "status": "stood for it",
            "role": None, "dated": row["year"], "link": None,
            "election": row["election"], "constituency": row["constituency"],
            "evidence": [ref("result", row["result_id"])] if row["result_id"] else []}]
    return out


def flat(rebel: dict) -> dict:
    """One rebel as a flat row for tables and CSV: who, the tie in short, and the candidate
    stood against in short (the full parts stay in the JSON)."""
    tie = rebel["tie"]
    top = min(rebel["against"], key=lambda a: a["rank"] or 10**6)
    how = (f"stood for it in {tie['election']}" if tie["basis"] == "ballot"
           else f"news: {tie['status'] or 'member'}")
    alliances = ", ".join(short_name(a) for a in top["alliances"])
    return {"election": rebel["election"], "constituency": rebel["constituency"],
            "state": rebel["state"], "candidate": rebel["candidate"],
            "party": short_name(rebel["party"]), "votes": rebel["votes"],
            "rank": rebel["rank"], "won": "won" if rebel["won"] else "",
            "tie": f"{short_name(tie['party'])} ({how})", "tie_party": tie["party"],
            "tie_basis": tie["basis"],
            "against": f"{top['candidate']} ({short_name(top['party'])}"
                       + (f", {alliances})" if alliances else ")"),
            "against_party": top["party"], "against_votes": top["votes"],
            "against_basis": "; ".join(top["basis"])}
