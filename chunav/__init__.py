"""chunav: an election knowledge base built from news articles and official results.

The public API is what ``__all__`` lists; everything else is internal.
"""

from chunav.errors import ChunavError, ExtractionError, IngestError, NotFound, StoreError
from chunav.ingest import ArticlesReport, ImportReport, import_results, ingest_articles
from chunav.store import Store, open_store

__version__ = "0.1.0"

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
