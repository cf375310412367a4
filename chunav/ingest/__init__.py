"""Ingest: read official results files and news articles into plain records. Nothing here
touches the store or the NLP pipeline; :mod:`chunav.build` puts what is read into the store.

A results file's mapping (``mappings/*.toml``) has a ``kind``: candidate rows (ResultRow), a
constituency master list (SeatRow), turnout (TurnoutRow) or a poll schedule (ScheduleRow);
``ReadResult.kind`` says which records ``ReadResult.rows`` holds."""

from chunav.ingest.articles import Article, read_articles
from chunav.ingest.results import ReadResult, read_results

__all__ = ["Article", "ReadResult", "read_articles", "read_results"]
