"""The web UI: server-rendered pages (Jinja2, autoescaped: article text and names are always
shown as text, never as HTML), each calling the same library function as its API route. The
only script is ``static/chart.js``, which draws the Vega-Lite chart from a JSON block."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from chunav.analyse.alliances import alliance_partners, partner_rows
from chunav.analyse.conflicts import STATUS_TITLES, conflict_rows
from chunav.analyse.people import person_card
from chunav.analyse.precedents import flat as flat_precedent
from chunav.analyse.precedents import precedents
from chunav.analyse.rebels import flat as flat_rebel
from chunav.analyse.rebels import rebels
from chunav.analyse.results import ContestResult, constituency_results, history
from chunav.analyse.search import search
from chunav.analyse.timeline import interval_rows, org_members, person_timeline
from chunav.output import group
from chunav.serve.common import Analyse, Conn, seat_args
from chunav.store import queries as q

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["num"] = lambda n: group(n, indian=True)
templates.env.filters["pct"] = lambda n: "" if n is None else f"{n:.2f}%"
templates.env.filters["basename"] = lambda path: str(path).rsplit("/", 1)[-1]
router = APIRouter(include_in_schema=False)
PER_PAGE = 50
EVERY = "every"  # the rebels page's choice of every election at once


def _page(request: Request, template: str, code: int = 200, /,
          **context: object) -> HTMLResponse:
    """A template rendered with ``context`` (any names: the others are positional only)."""
    return templates.TemplateResponse(request, template, context, status_code=code)


def error_page(request: Request, message: str, status: int) -> HTMLResponse:
    """An error as a page (the API answers the same error as JSON)."""
    return _page(request, "error.html", status, message=message, status=status)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, conn: Conn) -> Response:
    data = q.stats(conn)
    return _page(request, "home.html", tables=data["tables"],
                 elections=[e for e in data["elections"] if e["contests"]])


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, conn: Conn, q_: Annotated[str, Query(alias="q")] = "",
                offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    hits, total = search(conn, q_, limit=PER_PAGE, offset=offset) if q_.strip() else ([], 0)
    return _page(request, "search.html", q=q_, hits=hits, total=total, offset=offset,
                 per_page=PER_PAGE)


@router.get("/constituencies/{seat}", response_class=HTMLResponse)
def constituency_page(request: Request, conn: Conn, seat: str,
                      election: str | None = None, state: str | None = None) -> Response:
    found = constituency_results(conn, state=state, **seat_args(seat))
    shown = next((r for r in found if election and _label(r) == election), found[0])
    return _page(request, "constituency.html", seat=seat, state=state, contests=found,
                 shown=shown, label=_label, history=history(found), chart=_chart(shown))


def _label(r: ContestResult) -> str:
    """An election as the page's selector names it (a by-election apart)."""
    return r.election + (f" (by-election {r.poll_no})" if r.poll_no else "")


def _chart(r: ContestResult) -> dict:
    """A Vega-Lite spec: one bar per candidate (votes), labelled with the vote share."""
    values = [{"candidate": line.candidate, "party": line.party, "votes": line.votes,
               "share": line.share, "label": "" if line.share is None else f"{line.share:.1f}%"}
              for line in r.lines if line.votes is not None]
    y = {"field": "candidate", "type": "nominal", "sort": "-x", "title": None}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "description": f"Votes per candidate, {r.constituency}, {r.election}",
        "width": 520, "height": {"step": 26},
        "data": {"values": values},
        "encoding": {"y": y, "x": {"field": "votes", "type": "quantitative", "title": "Votes"}},
        "layer": [
            {"mark": {"type": "bar", "tooltip": True},
             "encoding": {"color": {"field": "party", "type": "nominal", "title": "Party"}}},
            {"mark": {"type": "text", "align": "left", "dx": 4},
             "encoding": {"text": {"field": "label"}}},
        ],
    }


@router.get("/persons/{person_id}", response_class=HTMLResponse)
def person_page(request: Request, conn: Conn, run: Analyse, person_id: int,
                as_of: date | None = None) -> Response:
    card = person_card(conn, person_id)
    return _page(request, "person.html", card=card,
                 answer=run(person_timeline, card["id"], as_of))


@router.get("/orgs/{name}", response_class=HTMLResponse)
def org_page(request: Request, run: Analyse, name: str, as_of: date | None = None) -> Response:
    """An alliance's parties per election and its seat-sharing, or a party's members over
    time."""
    bloc = run(alliance_partners, name, as_of)
    if bloc:
        by_election: dict[str | None, list[dict]] = {}  # the data file's, then the news's
        for row in partner_rows(bloc["partners"]):
            by_election.setdefault(row["election"], []).append(row)
        return _page(request, "alliance.html", name=name, bloc=bloc,
                     partners=list(by_election.items()))
    answer = run(org_members, name, as_of)
    return _page(request, "party.html", name=name, answer=answer,
                 members=interval_rows(answer["members"]))


@router.get("/rebels", response_class=HTMLResponse)
def rebels_page(request: Request, conn: Conn, run: Analyse,
                election: str | None = None) -> Response:
    """The rebels of one election (the newest, unless one is picked) or of every one."""
    elections = [e["election"] for e in q.stats(conn)["elections"] if e["contests"]][::-1]
    chosen = election or (elections[0] if elections else EVERY)
    found = run(rebels, None if chosen == EVERY else chosen)
    return _page(request, "rebels.html", elections=elections, chosen=chosen, every=EVERY,
                 rows=[(r, flat_rebel(r)) for r in found])


@router.get("/precedents/{seat}", response_class=HTMLResponse)
def precedents_page(request: Request, run: Analyse, seat: str, election: str) -> Response:
    """Earlier contests with the pattern of the seat's contest at ``election``."""
    found = run(precedents, seat, election, PER_PAGE)
    return _page(request, "precedents.html", seat=seat, election=election, found=found,
                 rows=[flat_precedent(p) for p in found["precedents"]])


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, conn: Conn, person: str | None = None,
                party: str | None = None, type: str | None = None, since: str | None = None,
                until: str | None = None, offset: Annotated[int, Query(ge=0)] = 0) -> Response:
    filters = {k: v for k, v in dict(person=person, party=party, type=type, since=since,
                                     until=until).items() if v}
    rows, total = q.events_page(conn, limit=PER_PAGE, offset=offset, **filters)
    return _page(request, "events.html", events=rows, filters=filters, total=total,
                 offset=offset, per_page=PER_PAGE)


@router.get("/conflicts", response_class=HTMLResponse)
def conflicts_page(request: Request, run: Analyse, election: str | None = None,
                   only: Literal["explained", "disputed", "unchecked"] | None = None
                   ) -> Response:
    return _page(request, "conflicts.html", groups=run(conflict_rows, election, only),
                 titles=STATUS_TITLES, election=election)


@router.get("/articles/{source_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, source_id: int) -> Response:
    found = q.article(conn, source_id)
    return _page(request, "article.html", article=found,
                 parts=_marked(found["text"] or "", found["spans"]))


def _marked(text: str, spans: list[list[int]]) -> list[tuple[str, int | None]]:
    """The text cut into (piece, where a fact's sentence starts, or None) for highlighting,
    each sentence an anchor ``#at-START`` that links to it in context; overlapping spans
    merge."""
    parts: list[tuple[str, int | None]] = []
    at = 0
    for start, end in spans:
        start = max(start, at)
        if end <= start:
            continue
        parts += [(text[at:start], None), (text[start:end], start)]
        at = end
    parts.append((text[at:], None))
    return [p for p in parts if p[0]]
