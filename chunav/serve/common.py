"""What every route shares: the store connection, paging, lists as JSON or CSV, the store
version behind ETags, and the one JSON error shape."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, Literal

from fastapi import Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response
from sqlalchemy import Connection

from chunav.errors import error_body
from chunav.output import Column, to_csv

MAX_LIMIT = 1000


def connection(request: Request) -> Iterator[Connection]:
    """A connection to the app's store for the length of one request."""
    with request.app.state.store.connect() as conn:
        yield conn


Conn = Annotated[Connection, Depends(connection)]


class Answers:
    """The whole answers of the slow analyses (rebels, precedents, careers, conflicts,
    timelines, members), kept per store version, the latest ``size`` of them. The store
    changes only through imports and builds, which change its version (the ETag's), so a kept
    answer is never stale; a new version simply stops matching the old keys."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._kept: OrderedDict[tuple, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version: str | None, fn: Callable[..., Any], args: tuple,
            compute: Callable[[], Any]) -> Any:
        """``fn(*args)``'s answer at this store version, computed by ``compute`` when not
        kept. A fresh top-level copy each time, so a route may pop from it."""
        key = (version, fn.__module__, fn.__qualname__, args)
        with self._lock:
            found = self._kept.get(key) if version else None
            if found is not None:
                self._kept.move_to_end(key)
        if found is None:
            found = compute()
            if version:
                with self._lock:
                    self._kept[key] = found
                    while len(self._kept) > self.size:
                        self._kept.popitem(last=False)
        return dict(found) if isinstance(found, dict) else list(found) if isinstance(
            found, list) else found


def analyse(request: Request, conn: Conn) -> Callable[..., Any]:
    """``run(fn, *args)``: the library function ``fn(conn, *args)``, answered from the app's
    kept answers when the store has not changed since it was last asked."""
    kept: Answers = request.app.state.answers
    version = getattr(request.state, "store_version", None)

    def run(fn: Callable[..., Any], *args: Any) -> Any:
        return kept.get(version, fn, args, lambda: fn(conn, *args))

    return run


Analyse = Annotated[Callable[..., Any], Depends(analyse)]


@dataclass(frozen=True)
class Page:
    """Which slice of a list to give: ``limit`` items from ``offset``."""

    limit: int
    offset: int

    def of(self, items: Sequence[Any]) -> tuple[list[Any], int]:
        """This page of a list the library gave whole, and the list's length."""
        return list(items[self.offset:self.offset + self.limit]), len(items)


def page_params(limit: Annotated[int, Query(ge=1, le=MAX_LIMIT,
                                            description="Items per page.")] = 50,
                offset: Annotated[int, Query(ge=0, description="Items to skip.")] = 0) -> Page:
    return Page(limit, offset)


Paging = Annotated[Page, Depends(page_params)]
Format = Annotated[Literal["json", "csv"], Query(
    alias="format", description="json (every field), or csv (the table, to paste)")]


def listing(rows: list[dict], total: int, page: Page, fmt: str, columns: Sequence[Column],
            key: str, name: str, extra: dict | None = None) -> Response:
    """One page of a list: ``{"ok", "total", "limit", "offset", key: rows, ...extra}`` as JSON,
    or the rows as CSV (``columns``; a download named ``name``.csv)."""
    if fmt == "csv":
        return Response(to_csv(rows, columns), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'})
    return JSONResponse(jsonable_encoder({"ok": True, "total": total, "limit": page.limit,
                                          "offset": page.offset, **(extra or {}), key: rows}))


def item(body: dict) -> JSONResponse:
    """One object (not a list) as JSON."""
    return JSONResponse(jsonable_encoder({"ok": True, **body}))


def error_response(message: str, status: int, errors: list[str] | None = None) -> JSONResponse:
    """The one JSON error body (the CLI's, :func:`chunav.errors.error_body`) with its status."""
    return JSONResponse(error_body(message, errors, status), status_code=status)


def seat_args(seat: str) -> dict:
    """A constituency named in a URL: its id when all digits, else a name (any spelling)."""
    if seat.isdigit():
        return {"constituency": seat, "constituency_id": int(seat)}
    return {"constituency": seat}
