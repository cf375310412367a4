"""Errors raised by chunav.

Every error carries a stable code that users can grep for and tests can match::

    ChunavError                 base class; str() is "[Ennn] message"
     +-- IngestError            E1xx  a file or row could not be read
     +-- ExtractionError        E2xx  an article could not be turned into facts
     +-- StoreError             E3xx  the database could not be opened or migrated
     +-- NotFound               E4xx  a query named something the store does not hold

The library raises these; the CLI turns them into ``Error: ...`` and a non-zero exit, the API
into one JSON error body (:func:`error_body`, with :func:`status_of` for its HTTP status). No
library code calls ``sys.exit``.
"""

from __future__ import annotations


class ChunavError(Exception):
    """Base class of every error chunav raises on purpose."""

    code = "E000"

    def __init__(self, message: str, code: str | None = None) -> None:
        self.code = code or self.code
        self.message = message
        super().__init__(f"[{self.code}] {message}")


class IngestError(ChunavError):
    """A file, or one row of it, could not be read."""

    code = "E100"


class ExtractionError(ChunavError):
    """An article could not be turned into facts."""

    code = "E200"


class StoreError(ChunavError):
    """The store could not be opened, written or migrated."""

    code = "E300"


class NotFound(ChunavError):
    """A query named something the store does not hold."""

    code = "E400"


def error_body(message: str, errors: list[str] | None = None, status: int = 400) -> dict:
    """The one JSON error shape, shared by the CLI (--json) and the API:
    ``{"ok": false, "error", "errors", "status"}``."""
    return {"ok": False, "error": message, "errors": errors or [message], "status": status}


def status_of(err: ChunavError) -> int:
    """The HTTP status an error stands for: 404 when the store does not hold what was asked
    (E4xx), 500 when the store itself failed (E3xx), else 400 (the request was bad)."""
    if err.code.startswith("E4"):
        return 404
    if err.code.startswith("E3"):
        return 500
    return 400
