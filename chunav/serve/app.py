"""The web application: the JSON API (``/api``, spec at ``/openapi.json``), the HTML pages,
and the static files (the vendored Vega libraries: nothing is loaded from the internet).

Every GET answer carries an ``ETag`` made from the store's version (its tables' greatest ids
and the counts merges change) and ``Cache-Control: no-cache``: a client that sends the ETag
back in ``If-None-Match`` gets ``304 Not Modified`` until the store changes, without the
query being run. Errors are the one JSON error body (:func:`chunav.errors.error_body`) under
``/api`` and an HTML page elsewhere, with the status the error stands for.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException

from chunav import __version__
from chunav.errors import ChunavError, status_of
from chunav.serve import api, pages
from chunav.serve.common import Answers, error_response
from chunav.store import Store
from chunav.store.queries import store_version

STATIC = Path(__file__).parent / "static"
# requests being answered at once; the rest wait their turn without holding anything. Each
# holds one store connection and takes threads from the pool (40) for its dependencies and its
# route in turn: more at once than the store's connection pool holds (5 + 10 overflow) and
# requests holding a connection wait for threads that wait for connections, until the pool's
# 30 s timeout fails them (seen at 200 clients)
IN_FLIGHT = 12
# no inline script can run; Vega compiles its expressions (unsafe-eval) and sets styles
CSP = ("default-src 'self'; script-src 'self' 'unsafe-eval'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")


def create_app(store: Store) -> FastAPI:
    """The API and web UI over one open store."""
    # no /docs or /redoc: they load their scripts from a CDN, and the UI must work offline
    app = FastAPI(title="chunav", version=__version__, docs_url=None, redoc_url=None,
                  description="An election knowledge base: results, people, parties and "
                              "events from the news, every fact with its source.")
    app.state.store = store
    app.state.answers = Answers()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    turns = asyncio.Semaphore(IN_FLIGHT)

    @app.middleware("http")
    async def one_turn_each(request: Request,
                            call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        async with turns:
            return await cache_by_store_version(request, call_next)

    async def cache_by_store_version(request: Request,
                                     call_next: Callable[[Request], Awaitable[Response]]
                                     ) -> Response:
        if request.method not in ("GET", "HEAD") or request.url.path.startswith("/static/"):
            return await call_next(request)
        version = await run_in_threadpool(_version, store)
        request.state.store_version = version
        etag = f'"{version}"'
        if etag in request.headers.get("if-none-match", ""):
            return Response(status_code=304, headers={"ETag": etag, "Cache-Control": "no-cache"})
        response = await call_next(request)
        if response.status_code == 200:
            response.headers["ETag"] = etag
            response.headers["Cache-Control"] = "no-cache"
        if response.headers.get("content-type", "").startswith("text/html"):
            response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        return response

    @app.exception_handler(ChunavError)
    async def chunav_error(request: Request, err: ChunavError) -> Response:
        return _error(request, str(err), status_of(err))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, err: RequestValidationError) -> Response:
        errors = [f"{'.'.join(str(x) for x in e['loc'])}: {e['msg']}" for e in err.errors()]
        return _error(request, "invalid request: " + "; ".join(errors), 422, errors)

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, err: HTTPException) -> Response:
        return _error(request, str(err.detail), err.status_code)

    return app


def _version(store: Store) -> str:
    """The ETag's value: the chunav release (pages change with it) and the store's version."""
    with store.connect() as conn:
        return f"{__version__}-{store_version(conn)}"


def _error(request: Request, message: str, status: int,
           errors: list[str] | None = None) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/api":
        return error_response(message, status, errors)
    return pages.error_page(request, message, status)
