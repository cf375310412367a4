"""chunav: an election knowledge base built from news articles and official results.

The public API is what ``__all__`` lists; everything else is internal. Names are imported on
first use, so ``import chunav`` (and ``chunav --help``) loads neither SQLAlchemy nor spaCy.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

from chunav.errors import ChunavError, ExtractionError, IngestError, NotFound, StoreError

if TYPE_CHECKING:
    from chunav.build import ArticlesReport, ImportReport, import_results, ingest_articles
    from chunav.store import Store, open_store

__version__ = "0.1.0"

_LAZY = {
    "ArticlesReport": "chunav.build",
    "ImportReport": "chunav.build",
    "import_results": "chunav.build",
    "ingest_articles": "chunav.build",
    "Store": "chunav.store",
    "open_store": "chunav.store",
}

__all__ = [
    "ArticlesReport",
    "ChunavError",
    "ExtractionError",
    "ImportReport",
    "IngestError",
    "NotFound",
    "Store",
    "StoreError",
    "__version__",
    "import_results",
    "ingest_articles",
    "open_store",
]


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        value = getattr(import_module(_LAZY[name]), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module 'chunav' has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(__all__)
