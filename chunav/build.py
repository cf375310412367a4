"""Build the knowledge base: read results files and articles (``ingest``), extract facts from the
articles (``extract``, loaded only when an article is new), write both into the store, and
decide who is who across every record (``link_people``)."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, select
from sqlalchemy.exc import SQLAlchemyError

from chunav.config import load_settings
from chunav.errors import ChunavError
from chunav.ingest.articles import read_articles
from chunav.ingest.results import ReadResult, paused_gc, read_results
from chunav.knowledge.normalize import key
from chunav.model import ElectionName, KnownNames, ProgressFn, RowError
from chunav.store import SourceInfo, Store, schema
from chunav.store.load_results import LoadCounts, ResultsLoader
from chunav.store.queries import known_names

if TYPE_CHECKING:  # spaCy is loaded only when articles are read
    from chunav.extract import Extractor


@dataclass
class ImportReport:
    """What importing one results file did."""

    path: str
    format: str | None
    rows: int  # rows read without error
    errors: list[RowError] = field(default_factory=list)
    added: LoadCounts = field(default_factory=LoadCounts)
    skipped: int = 0  # rows of other elections (when --election picks one)
    already: bool = False  # the same file (and election) was imported before: nothing to do

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        if self.already:
            return f"{self.path}: imported before (the same file); nothing to do"
        a = self.added
        text = (f"{self.path}: {self.rows} rows read ({self.format or 'unknown'} format), "
                f"{len(self.errors)} bad; added {a.contests} contests, {a.candidacies} "
                f"candidacies, {a.results} results, {a.evidence} evidence rows")
        return text + (f"; {self.skipped} rows of other elections skipped" if self.skipped else "")


def import_results(store: Store, path: str | Path, election: str | None = None,
                   format: str | None = None, progress: ProgressFn | None = None) -> ImportReport:
    """Import one official file: candidate-level results, or a constituency list, turnout or a
    poll schedule (``ReadResult.kind``). Good rows are stored even when others are bad;
    importing the same file (for the same election) again costs one hash of it."""
    # the cyclic GC stays paused from reading to storing (see paused_gc): the rows read are
    # freed, by reference counting, before it resumes, and it does not walk them meanwhile
    with paused_gc():
        return _import_results(store, path, election, format, progress)


def _import_results(store: Store, path: str | Path, election: str | None, format: str | None,
                    progress: ProgressFn | None) -> ImportReport:
    try:
        scope = ElectionName.parse(election).name if election else "*"
    except ChunavError:
        scope = None  # the reader says what is wrong with the name
    data = None
    if scope:
        try:
            data = Path(path).read_bytes()
        except OSError:
            pass  # the reader reports it
        with store.connect() as conn:
            if data is not None and _imported(conn, hashlib.sha256(data).hexdigest(), scope):
                return ImportReport(str(path), None, 0, already=True)
    read: ReadResult = read_results(path, election=election, format=format, progress=progress,
                                    data=data)
    report = ImportReport(str(path), read.format, len(read.rows), read.errors,
                          skipped=read.skipped)
    if not read.rows:
        return report
    with store.writing() as conn:  # the whole file, or (killed, failed) nothing of it
        if scope and _imported(conn, read.content_hash, scope):  # another process just did
            return ImportReport(str(path), read.format, len(read.rows), already=True)
        source_id, new = store.source_id(conn, SourceInfo(
            kind="results", uri=str(path), content_hash=read.content_hash, format=read.format,
            title=Path(path).name, partial=int(read.partial)))
        loader = ResultsLoader(conn, source_id, new)
        if read.kind == "results":
            report.added = loader.load(read.rows, progress, read.name_keys)
        else:  # a seat list, turnout or a poll schedule
            report.added = getattr(loader, f"load_{read.kind}")(read.rows)
        if scope:
            conn.execute(schema.source_import.insert().values(source_id=source_id, scope=scope))
    return report


def _imported(conn: Connection, digest: str, scope: str) -> bool:
    """Was the file of this content imported before, whole or for this election?"""
    si, src = schema.source_import.c, schema.source.c
    return conn.execute(select(si.id).join(schema.source).where(
        src.content_hash == digest, si.scope.in_(("*", scope)))).first() is not None


@dataclass
class ArticlesReport:
    """What ingesting articles into the store did."""

    articles: int = 0  # readable articles
    new: int = 0  # not in the store before
    facts: int = 0  # fact rows added
    evidence: int = 0
    errors: list[RowError] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{self.articles} articles read ({self.new} new), {len(self.errors)} bad; "
                f"added {self.facts} facts, {self.evidence} evidence rows")


def ingest_articles(store: Store, paths: list[str | Path], extractor: Extractor | None = None,
                    progress: ProgressFn | None = None, model: str | None = None,
                    dask: str | None = None, workers: int | None = None) -> ArticlesReport:
    """Extract facts from articles and store them with their sentences. An article already in
    the store (the same text) is not read again; a bad one is reported and skipped. Without an
    extractor, the one the settings describe (or ``model``) is loaded, knowing the store's
    names, and only when some article is new. With ``dask`` (a scheduler address, or
    ``local`` for a LocalCluster of ``workers`` processes) the extraction runs on a Dask
    cluster (:mod:`chunav.cluster`); the facts are stored here, in the same order and
    transactions, so the store ends up the same."""
    from chunav.store.load_facts import FactsLoader

    settings = load_settings()
    files, errors = read_articles(paths, extractor.max_chars if extractor else settings.max_chars)
    report = ArticlesReport(errors=errors)
    articles = [a for group in files.values() for a in group]
    report.articles = len(articles)
    hashes = sorted({a.content_hash for a in articles})
    known: set[str] = set()
    with store.connect() as conn:
        for i in range(0, len(hashes), 500):
            known |= set(conn.execute(select(schema.source.c.content_hash).where(
                schema.source.c.content_hash.in_(hashes[i:i + 500]))).scalars())
    fresh = list({a.content_hash: a for a in articles if a.content_hash not in known}.values())
    if not fresh:
        return report  # nothing new: the NLP pipeline is never loaded
    from chunav.extract import EXTRACTOR, EXTRACTOR_VERSION, Extractor

    if extractor is not None:
        results = extractor.extract_many(fresh)
    else:
        with store.connect() as conn:
            names = names_in([a.text for a in fresh], known_names(conn))
        if dask is None:
            results = Extractor.from_settings(names, model, settings).extract_many(fresh)
        else:
            from chunav.cluster import extract_on_dask

            results = extract_on_dask(fresh, names, model, settings, dask, workers)
    for n, result in enumerate(results, 1):
        a = result.article
        try:
            # one article, one transaction: its source row and all its facts, or nothing
            with store.writing() as conn:
                source_id, new = store.source_id(conn, SourceInfo(
                    kind="article", uri=a.locator, content_hash=a.content_hash,
                    format="article", title=a.title, outlet=a.outlet, published_on=a.published,
                    text=a.text))
                if new:  # else a build running beside this one has just stored it
                    counts = FactsLoader(conn, source_id, a.text, EXTRACTOR, EXTRACTOR_VERSION,
                                         result.state).load(result.facts)
        except (ChunavError, SQLAlchemyError) as err:
            report.errors.append(RowError(a.locator, 0, None,
                                          f"its facts could not be stored: {err}", "E136"))
            continue
        if new:
            report.new += 1
            report.facts += counts.added
            report.evidence += counts.evidence
        if progress:
            progress(n, len(fresh))
    return report


def names_in(texts: list[str], names: KnownNames, longest: int = 8) -> KnownNames:
    """Only the store's names that the texts contain (compared as keys, word runs of up to
    ``longest`` words): the extractor's gazetteer then costs what the articles name, not what
    the store holds (150,000 spellings). A person's or seat's name must stand on its own
    wherever it appears (the seat "Hassan" is not the middle of "Ghulam Hassan Khan"), a short party
    name or abbreviation must appear as written ("ToP" is not "top", "A" is not "a")."""
    runs: set[str] = set()
    for text in texts:
        words = key(text).split()
        for n in range(1, longest + 1):
            runs.update(" ".join(words[i:i + n]) for i in range(len(words) - n + 1))

    def party(name: str, abbreviation: str | None) -> bool:
        return (key(name) in runs and (len(name) > 6 or _written(name, texts))) or bool(
            abbreviation and len(abbreviation) > 1 and _written(abbreviation, texts))

    return KnownNames(
        people=tuple(n for n in names.people if key(n) in runs and _stands_alone(n, texts)),
        parties=tuple(p for p in names.parties if party(*p)),
        seats=tuple(n for n in names.seats if key(n) in runs and _stands_alone(n, texts)))


def _written(name: str, texts: list[str]) -> bool:
    """Does the name appear as a word, in this very case?"""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)")
    return any(pattern.search(text) for text in texts)


_CAPITAL = re.compile(r"[A-Z][\w.'-]*")  # a word that could be part of a name


def _stands_alone(name: str, texts: list[str]) -> bool:
    """Does a stored name occur only on its own, never as the head or tail of a longer name
    ("HASSAN KHAN" inside "Ghulam Hassan Khan", the seat "Hassan" there too)? Recognised as a
    whole, it would cut the longer name an article gives (the gazetteer is one for the batch)."""
    words = [re.escape(w) for w in re.findall(r"\w+", name)]
    pattern = re.compile(r"\b" + r"\W{1,3}".join(words) + r"\b", re.IGNORECASE)
    seen = False
    for text in texts:
        for m in pattern.finditer(text):
            before = re.search(r"(\S+) $", text[max(0, m.start() - 40):m.start()])
            after = re.match(r" (\S+)", text[m.end():m.end() + 40])
            if (before and _CAPITAL.fullmatch(before.group(1))) or (
                    after and _CAPITAL.fullmatch(after.group(1))):
                return False
            seen = True
    return seen


@dataclass
class PeopleReport:
    """What linking people across records did."""

    records: int = 0  # candidacies compared
    persons: int = 0  # persons they make
    merged: int = 0  # persons merged into another (their ids now redirect)
    split: int = 0  # persons made by splitting one (an alias file said "different")

    def summary(self) -> str:
        return (f"people: {self.records} candidacies are {self.persons} persons; "
                f"{self.merged} merged, {self.split} split off")


def link_people(store: Store, aliases: str | Path | None = None) -> PeopleReport:
    """Decide who is who across every record the store holds (``resolve.persons``): persons
    the resolver finds to be one are merged (the old ids redirect), and the user's alias file
    (``resolve.aliases``) wins over it, merging or splitting. Each merged spelling records
    the resolver's reason, which ``chunav why-same`` shows."""
    from chunav.resolve.aliases import decided_pairs, read_aliases
    from chunav.resolve.persons import PersonRecord, explain, resolve_persons
    from chunav.store.people import merge_persons, person_records, split_person

    decisions = read_aliases(aliases) if aliases else []
    report = PeopleReport()
    with store.writing() as conn:
        rows = person_records(conn)
        report.records = len(rows)
        links, not_links = decided_pairs(decisions, rows)
        records = [PersonRecord.of(r) for r in rows]
        by_id = {rec.id: rec for rec in records}
        person = {r["id"]: r["person_id"] for r in rows}
        # what is one person now stays one (earlier merges, TCPD ids, the news), unless the
        # alias file says two of its records are different people: then it is split
        held: dict[int, list] = {}
        for rid in sorted(person):
            held.setdefault(person[rid], []).append(rid)
        apart = {frozenset(pair) for pair in not_links}
        for ids in held.values():
            if len(ids) > 1 and not any(frozenset((a, b)) in apart
                                        for a in ids for b in ids if a < b):
                links += [(ids[0], other) for other in ids[1:]]
        cluster = resolve_persons(records, links, not_links)
        # a person whose records fall in two clusters is split: the cluster holding its first
        # record keeps the id
        spans: dict[int, dict] = {}
        for rid in sorted(person):
            spans.setdefault(person[rid], {}).setdefault(cluster[rid], []).append(rid)
        for pid, groups in spans.items():
            for ids in list(groups.values())[1:]:
                new = split_person(conn, pid, ids, "alias file: a different person")
                person.update({rid: new for rid in ids})
                report.split += 1
        members: dict = {}
        for rid in sorted(person):
            members.setdefault(cluster[rid], []).append(rid)
        for ids in members.values():
            pids = sorted({person[rid] for rid in ids})
            keep = pids[0]
            for drop in pids[1:]:
                a = next(rid for rid in ids if person[rid] == keep)
                b = next(rid for rid in ids if person[rid] == drop)
                why = explain(by_id[a], by_id[b], records).reason
                merge_persons(conn, keep, drop, f"resolver: {why}")
                report.merged += 1
                person.update({rid: keep for rid in ids if person[rid] == drop})
        report.persons = len(set(person.values()))
    return report
