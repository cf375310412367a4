"""The web UI: server-rendered pages (Jinja2, autoescaped: article text and names are always
shown as text, never as HTML), each calling the same library function as its API route. The
only script is ``static/chart.js``, which draws the Vega-Lite chart from a JSON block."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates

from chunav.analyse.conflicts import STATUS_TITLES, conflict_rows
from chunav.analyse.people import person_card
from chunav.analyse.results import ContestResult, constituency_results, history
from chunav.analyse.search import search
from chunav.output import group
from chunav.serve.common import Conn, seat_args
from chunav.store import queries as q

templates = Jinja2Templates(directory=Path(__file__).parent / "templates")
templates.env.filters["num"] = lambda n: group(n, indian=True)
templates.env.filters["pct"] = lambda n: "" if n is None else f"{n:.2f}%"
router = APIRouter(include_in_schema=False)
PER_PAGE = 50


def _page(request: Request, name: str, status: int = 200, **context: object) -> HTMLResponse:
    return templates.TemplateResponse(request, name, context, status_code=status)


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
def person_page(request: Request, conn: Conn, person_id: int) -> Response:
    return _page(request, "person.html", card=person_card(conn, person_id))


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
def conflicts_page(request: Request, conn: Conn, election: str | None = None,
                   only: Literal["explained", "disputed", "unchecked"] | None = None
                   ) -> Response:
    return _page(request, "conflicts.html", groups=conflict_rows(conn, election, only),
                 titles=STATUS_TITLES, election=election)


@router.get("/articles/{source_id}", response_class=HTMLResponse)
def article_page(request: Request, conn: Conn, source_id: int) -> Response:
    found = q.article(conn, source_id)
    return _page(request, "article.html", article=found,
                 parts=_marked(found["text"] or "", found["spans"]))


def _marked(text: str, spans: list[list[int]]) -> list[tuple[str, bool]]:
    """The text cut into (piece, is_a_fact's_sentence) for highlighting; overlapping spans
    merge."""
    parts, at = [], 0
    for start, end in spans:
        start = max(start, at)
        if end <= start:
            continue
        parts += [(text[at:start], False), (text[start:end], True)]
        at = end
    parts.append((text[at:], False))
    return [p for p in parts if p[0]]


# After the one-world merge: the person's timeline goes into person.html (its place is marked
# there), and a party / alliance page (members over time, seat-sharing), rebels, precedents
# and turncoats pages are each one function here and one template.
