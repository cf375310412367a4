"""chunav: an election knowledge base built from news articles and official results.

The public API is what ``__all__`` lists; everything else is internal.
"""

from chunav.errors import ChunavError, ExtractionError, IngestError, NotFound, StoreError
from chunav.ingest import ImportReport, import_results
from chunav.store import Store, open_store

__version__ = "0.1.0"

__all__ = [
    "ChunavError",
    "ExtractionError",
    "ImportReport",
    "IngestError",
    "NotFound",
    "Store",
    "StoreError",
    "__version__",
    "import_results",
    "open_store",
]
