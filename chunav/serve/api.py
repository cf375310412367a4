"""The JSON API (``/api``): each route a thin wrapper over one library function that the CLI
calls too. Every list is paged (``limit``, ``offset``, with ``total``) and comes as CSV with
``?format=csv``; errors come in the one JSON error shape (see :mod:`chunav.serve.app`).

Adding a route for a new library function is one function here, e.g. rebels (below)::

    @router.get("/rebels", summary="Rebels: ...")
    def rebels_route(run: Analyse, page: Paging, election: Election = None,
                     fmt: Format = "json") -> Response:
        rows, total = page.of(rebels(conn, election))   # the library's whole list
        return listing(rows, total, page, fmt, REBEL_COLUMNS, "rebels", "rebels")

with the CSV's columns kept next to the library function, for the CLI to use too.
"""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from fastapi import APIRouter, Path, Query
from fastapi.responses import Response

from chunav.analyse.alliances import PARTNER_COLUMNS, alliance_partners, partner_rows
from chunav.analyse.careers import CAREER_COLUMNS, career_list
from chunav.analyse.conflicts import CONFLICT_COLUMNS, conflict_rows
from chunav.analyse.people import person_card
from chunav.analyse.precedents import PRECEDENT_COLUMNS, precedents
from chunav.analyse.rebels import REBEL_COLUMNS, flat, rebels
from chunav.analyse.results import (
    HISTORY_COLUMNS,
    RESULT_COLUMNS,
    constituency_results,
    history,
    result_rows,
)
from chunav.analyse.search import KINDS, search
from chunav.analyse.timeline import (
    MEMBER_COLUMNS,
    TIMELINE_COLUMNS,
    interval_rows,
    org_members,
    person_timeline,
)
from chunav.errors import NotFound
from chunav.output import Column
from chunav.serve.common import (
    Analyse,
    Conn,
    Format,
    Page,
    Paging,
    item,
    listing,
    seat_args,
)
from chunav.store import queries as q

router = APIRouter(prefix="/api")

SEARCH_COLUMNS = [Column("kind", "Kind"), Column("id", "Id", number=True),
                  Column("name", "Name"), Column("detail", "Detail"),
                  Column("matched", "Matched"), Column("how", "How"),
                  Column("score", "Score", number=True)]
EVENT_COLUMNS = [Column("id", "Id", number=True), Column("date", "Date"),
                 Column("type", "Type"), Column("actors", "Actors"),
                 Column("targets", "Targets"), Column("sentence", "Source sentence"),
                 Column("source", "Source"), Column("published", "Published")]
EVIDENCE_COLUMNS = [Column(k, k, number=k in ("fact_id", "line", "confidence")) for k in (
    "fact_id", "source", "kind", "title", "outlet", "published", "locator", "line",
    "sentence", "extractor", "confidence", "valid_from", "valid_to")]
PERSON_COLUMNS = {"names": [Column("name", "Name"), Column("how", "Why it is theirs"),
                            Column("source", "Read in")],
                  "records": [Column("election", "Election"),
                              Column("constituency", "Constituency"),
                              Column("ballot_name", "Name on the ballot")]}
ELECTION_COLUMNS = [Column("election", "Election"), Column("contests", "Contests", number=True),
                    Column("seats", "Seats", number=True),
                    Column("candidacies", "Candidacies", number=True)]
FACT_TYPES = Literal["result", "candidacy", "electorate", "contest", "constituency",
                     "membership", "alliance_membership", "seat_allocation", "event", "figure"]
Seat = Annotated[str, Path(description="A constituency's name in any known spelling, or its id")]
AsOf = Annotated[date | None, Query(description="Only facts certainly dated by this day "
                                                "(YYYY-MM-DD), and what was in force then")]
Election = Annotated[str | None, Query(description='e.g. "Lok Sabha 2024" (default: every one)')]


@router.get("/search", summary="Persons, parties and constituencies by any spelling")
def search_route(conn: Conn, page: Paging,
                 q_: Annotated[str, Query(alias="q", min_length=1, max_length=200,
                                          description="A name, part of one, or a misspelling")],
                 kind: Literal["person", "party", "constituency"] | None = None,
                 fmt: Format = "json") -> Response:
    """Best first: a known spelling itself, then spellings containing it, then close
    misspellings (see chunav.analyse.search)."""
    hits, total = search(conn, q_, kind, page.limit, page.offset)
    return listing([h.to_dict() for h in hits], total, page, fmt, SEARCH_COLUMNS, "hits",
                   "search", extra={"kinds": list(KINDS)})


@router.get("/constituencies/{seat}/results", summary="A constituency's results by election")
def results_route(conn: Conn, seat: Seat, page: Paging, election: str | None = None,
                  state: str | None = None, fmt: Format = "json") -> Response:
    """Every contest of the seat (newest first; or one election's), each with candidates,
    votes, shares, ranks, margin and turnout: ``chunav results``. CSV: one row per
    candidate."""
    contests, total = page.of(constituency_results(conn, election=election, state=state,
                                                   **seat_args(seat)))
    if fmt == "csv":
        return listing(result_rows(contests), total, page, fmt, RESULT_COLUMNS, "contests",
                       "results")
    return listing([r.to_dict() for r in contests], total, page, fmt, [], "contests", "")


@router.get("/constituencies/{seat}/history", summary="A constituency across elections")
def history_route(conn: Conn, seat: Seat, page: Paging, state: str | None = None,
                  fmt: Format = "json") -> Response:
    """One row per contest, newest first: winner, runner-up, margin, turnout."""
    rows, total = page.of(history(constituency_results(conn, state=state, **seat_args(seat))))
    return listing(rows, total, page, fmt, HISTORY_COLUMNS, "history", "history")


@router.get("/events", summary="Events from the news, with their source sentences")
def events_route(conn: Conn, page: Paging, person: str | None = None,
                 party: str | None = None,
                 type: Annotated[str | None, Query(description="MEET, SUPPORT, JOIN, ...")]
                 = None,
                 since: Annotated[str | None, Query(pattern=r"^\d{4}(-\d\d){0,2}$")] = None,
                 until: Annotated[str | None, Query(pattern=r"^\d{4}(-\d\d){0,2}$")] = None,
                 fmt: Format = "json") -> Response:
    """Oldest first, as ``chunav events``; filters combine."""
    filters = dict(person=person, type=type, party=party, since=since, until=until)
    rows, total = q.events_page(conn, limit=page.limit, offset=page.offset, **filters)
    return listing(rows, total, page, fmt, EVENT_COLUMNS, "events", "events")


@router.get("/conflicts", summary="Numbers where sources disagree")
def conflicts_route(run: Analyse, page: Paging, election: str | None = None,
                    only: Literal["explained", "disputed", "unchecked"] | None = None,
                    fmt: Format = "json") -> Response:
    """Each difference explained where the data can, real disagreements apart:
    ``chunav conflicts``."""
    groups = run(conflict_rows, election, only)
    rows, total = page.of([row for found in groups.values() for row in found])
    return listing(rows, total, page, fmt, CONFLICT_COLUMNS, "conflicts", "conflicts",
                   extra={"counts": {k: len(v) for k, v in groups.items()}})


@router.get("/sources/{fact_type}/{fact_id}", summary="The sources of one fact")
def sources_route(conn: Conn, fact_type: FACT_TYPES, fact_id: int, page: Paging,
                  fmt: Format = "json") -> Response:
    """Where a fact was read: file and line, or article, sentence and character offsets."""
    found = q.evidence_of(conn, fact_type, [fact_id]).get(fact_id)
    if not found:
        raise NotFound(f"no {fact_type} #{fact_id} with a source", "E407")
    rows, total = page.of([dict(e, fact_id=fact_id) for e in found])
    return listing(rows, total, page, fmt, EVIDENCE_COLUMNS, "sources",
                   f"sources-{fact_type}-{fact_id}")


@router.get("/persons/{person_id}", summary="A person's card")
def person_route(conn: Conn, person_id: int) -> Response:
    """Spellings (each with why it is theirs and where it was read) and election records; an
    id merged into another person gives the survivor's card."""
    return item(person_card(conn, person_id))


@router.get("/persons/{person}/timeline", summary="A person's timeline")
def timeline_route(run: Analyse, page: Paging,
                   person: Annotated[str, Path(description="A person's id, or a name in any "
                                                           "spelling (the best fit)")],
                   as_of: AsOf = None, fmt: Format = "json") -> Response:
    """Candidacies with their results, memberships and the events naming the person, oldest
    first, each with its evidence (the source sentence and article); the membership intervals
    and those in force: ``chunav person``. A name others fit too lists them in ``also``."""
    answer = run(person_timeline, int(person) if person.isdigit() else person, as_of)
    rows, total = page.of(answer.pop("timeline"))
    return listing(rows, total, page, fmt, TIMELINE_COLUMNS, "timeline",
                   f"timeline-{answer['person']['id']}", extra=answer)


@router.get("/persons/{person_id}/{table}", summary="One table of a person's card")
def person_table_route(conn: Conn, person_id: int, table: Literal["names", "records"],
                       page: Paging, fmt: Format = "json") -> Response:
    """The card's spellings or records as a list (CSV with ?format=csv)."""
    card = person_card(conn, person_id)
    rows, total = page.of(card[table])
    return listing(rows, total, page, fmt, PERSON_COLUMNS[table], table,
                   f"person-{card['id']}-{table}", extra={"id": card["id"]})


@router.get("/stats", summary="What the store holds")
def stats_route(conn: Conn, page: Paging, fmt: Format = "json") -> Response:
    """Rows per table and sources by kind; the list is the elections: ``chunav stats``."""
    data = q.stats(conn)
    rows, total = page.of(data["elections"])
    return listing(rows, total, page, fmt, ELECTION_COLUMNS, "elections", "elections",
                   extra={"tables": data["tables"], "sources": data["sources"]})


@router.get("/articles/{source_id}", summary="A stored source with its text")
def article_route(conn: Conn, source_id: int) -> Response:
    """An article's text and the character spans facts were read from."""
    return item(q.article(conn, source_id))


@router.get("/orgs/{name}/members", summary="A party's members, or an alliance's parties")
def members_route(run: Analyse, page: Paging,
                  name: Annotated[str, Path(description="A party, organisation or alliance")],
                  as_of: AsOf = None, fmt: Format = "json") -> Response:
    """An alliance (NDA, UPA, INDIA bloc, ...): its parties at each election, the states where
    each shared seats and the seat-sharing entries (``seats``), from the data file and the news
    (``kind`` "alliance", list ``partners``). Otherwise a party's members over time: each
    person's intervals in it, with the source of every change (``kind`` "party", list
    ``members``). With ``as_of``, only what was in force then: ``chunav members``."""
    bloc = run(alliance_partners, name, as_of)
    if bloc:
        rows, total = page.of(partner_rows(bloc.pop("partners")))
        return listing(rows, total, page, fmt, PARTNER_COLUMNS, "partners",
                       f"partners-{bloc['alliance']}", extra={"kind": "alliance", **bloc})
    answer = run(org_members, name, as_of)
    rows, total = page.of(interval_rows(answer.pop("members")))
    return listing(rows, total, page, fmt, MEMBER_COLUMNS, "members",
                   f"members-{answer['org']['id']}", extra={"kind": "party", **answer})


@router.get("/rebels", summary="Rebels: members who stood against their party's candidate")
def rebels_route(run: Analyse, page: Paging, election: Election = None,
                 fmt: Format = "json") -> Response:
    """Candidates tied to a party (a membership the news states, or its ticket at the previous
    election) who stood against that party's or its alliance's candidate, every part with its
    evidence: ``chunav rebels``. CSV: one flat row per rebel."""
    rows, total = page.of(run(rebels, election))
    if fmt == "csv":
        rows = [flat(r) for r in rows]
    return listing(rows, total, page, fmt, REBEL_COLUMNS, "rebels", "rebels")


@router.get("/precedents/{seat}", summary="Earlier contests with one contest's pattern")
def precedents_route(run: Analyse, page: Paging,
                     seat: Annotated[str, Path(description="A constituency's name, any "
                                                           "known spelling")],
                     election: Annotated[str, Query(description='e.g. "Lok Sabha 2024"')],
                     fmt: Format = "json") -> Response:
    """The contest's pattern (an independent or a rebel beating the alliance's candidate, ...)
    and earlier contests that share it: the same seat first, then its state, then elsewhere;
    with the years the seat's data is missing: ``chunav precedents``."""
    found = run(precedents, seat, election, page.offset + page.limit)
    rows, _ = page.of(found.pop("precedents"))
    return listing(rows, found["found"], page, fmt, PRECEDENT_COLUMNS, "precedents",
                   "precedents", extra=found)


def _careers(run: Analyse, page: Page, fmt: str, election: str | None, state: str | None,
             show: str) -> Response:
    """One page of :func:`chunav.analyse.careers.career_list`."""
    rows, total = page.of(run(career_list, election, state, show))
    return listing(rows, total, page, fmt, CAREER_COLUMNS, "candidacies", show)


@router.get("/turncoats", summary="Candidates who changed party since their last contest")
def turncoats_route(run: Analyse, page: Paging, election: Election = None,
                    state: str | None = None,
                    lineage: Annotated[bool, Query(description="List instead the party changes "
                                                               "a party's lineage explains")]
                    = False, fmt: Format = "json") -> Response:
    """Candidates who stood for another party at their previous contest in the same house (a
    rename or staying with a faction is no change), both results lines named: ``chunav
    turncoats``."""
    return _careers(run, page, fmt, election, state, "lineage" if lineage else "turncoats")


@router.get("/careers", summary="Each candidate's previous contest and TCPD's flags")
def careers_route(run: Analyse, page: Paging, election: Election = None,
                  state: str | None = None,
                  show: Literal["all", "incumbents", "recontests", "turncoats"] = "all",
                  fmt: Format = "json") -> Response:
    """Recontest, incumbent and turncoat, from chunav's own person matching: ``chunav
    careers``."""
    return _careers(run, page, fmt, election, state, show)
