"""Ingest: read official results files and news articles, and put what they say in the store."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from chunav.ingest.results import ReadResult, read_results
from chunav.model import RowError
from chunav.store import SourceInfo, Store
from chunav.store.load_results import LoadCounts, ResultsLoader
from chunav.store.store import ProgressFn


@dataclass
class ImportReport:
    """What importing one results file did."""

    path: str
    format: str | None
    rows: int  # rows read without error
    errors: list[RowError] = field(default_factory=list)
    added: LoadCounts = field(default_factory=LoadCounts)
    skipped: int = 0  # rows of other elections (when --election picks one)

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        a = self.added
        text = (f"{self.path}: {self.rows} rows read ({self.format or 'unknown'} format), "
                f"{len(self.errors)} bad; added {a.contests} contests, {a.candidacies} "
                f"candidacies, {a.results} results, {a.evidence} evidence rows")
        return text + (f"; {self.skipped} rows of other elections skipped" if self.skipped else "")


def import_results(store: Store, path: str | Path, election: str | None = None,
                   format: str | None = None, progress: ProgressFn | None = None) -> ImportReport:
    """Import one candidate-level results file. Good rows are stored even when others are bad;
    importing the same file again adds nothing."""
    read: ReadResult = read_results(path, election=election, format=format)
    report = ImportReport(str(path), read.format, len(read.rows), read.errors,
                          skipped=read.skipped)
    if not read.rows:
        return report
    digest = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    with store.begin() as conn:
        source_id, _ = store.source_id(conn, SourceInfo(
            kind="results", uri=str(path), content_hash=digest, format=read.format,
            title=Path(path).name))
        report.added = ResultsLoader(conn, source_id).load(read.rows, progress)
    return report
