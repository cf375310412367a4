"""Extract: news articles to candidate facts, each with its sentence and character offsets."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.language import Language

from chunav.config import Settings, load_settings
from chunav.extract.context import Context
from chunav.extract.gazetteer import Gazetteer
from chunav.extract.mentions import Mentions
from chunav.extract.pipeline import DEFAULT_MODEL, build_pipeline
from chunav.extract.rules import Extraction
from chunav.extract.triggers import KEY as TRIGGERS
from chunav.extract.triggers import TriggerRuler
from chunav.facts import Fact
from chunav.ingest.articles import DEFAULT_MAX_CHARS, Article, read_articles
from chunav.model import KnownNames, ProgressFn, RowError

EXTRACTOR = "chunav.rules"
EXTRACTOR_VERSION = "2"  # 2: event specs as data (events.v1.toml), the parser on trigger sentences


@dataclass
class ArticleFacts:
    """The facts of one article, with the text their offsets point into."""

    article: Article
    facts: list[Fact]
    state: str | None = None  # the state the article is about, where it names one

    def to_json(self) -> list[dict]:
        """The SCHEMA.md export: one object per fact; an event also carries the confidence of
        its arguments (0.9 found in the parse, 0.7 by position; SCHEMA.md allows extra
        fields)."""
        out = []
        for f in self.facts:
            row = f.to_json(self.article.text)
            if f.kind == "event":
                row["confidence"] = f.confidence
            out.append(row)
        return out


class Extractor:
    """A loaded pipeline and gazetteer; call :meth:`extract` on articles."""

    def __init__(self, model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None,
                 batch_size: int = 8, max_chars: int = DEFAULT_MAX_CHARS,
                 events: str | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.bundled()
        self.nlp: Language = build_pipeline(model, self.gazetteer, events)
        self.triggers: TriggerRuler = self.nlp.get_pipe(TRIGGERS)
        self.batch_size, self.max_chars = batch_size, max_chars

    @classmethod
    def from_settings(cls, names: KnownNames | None = None, model: str | None = None,
                      settings: Settings | None = None) -> Extractor:
        """The extractor the settings describe (model, batch size, longest article); given a
        store's names (``store.queries.known_names``), it also recognises them."""
        settings = settings or load_settings()
        gazetteer = Gazetteer.bundled()
        if names is not None:
            gazetteer.add_names(names)
        return cls(model or settings.model, gazetteer, settings.batch_size, settings.max_chars)

    def extract(self, article: Article) -> ArticleFacts:
        """Facts of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article]) -> Iterator[ArticleFacts]:
        """Facts of many articles, the pipeline run in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=self.batch_size):
            mentions = Mentions(doc, self.gazetteer)
            ctx = Context(doc, mentions, article.published)
            rules = Extraction(ctx, self.triggers.specs, self.triggers.triggers(doc))
            facts = list(rules.run())
            yield ArticleFacts(article, facts, ctx.state)


@dataclass
class ExportReport:
    """What ``chunav facts`` wrote."""

    files: int = 0
    articles: int = 0
    facts: int = 0
    errors: list[RowError] = field(default_factory=list)
    renamed: list[tuple[str, str]] = field(default_factory=list)  # (input, output) by another name


def export_facts(paths: Iterable[str | Path], out: str | Path, extractor: Extractor,
                 progress: ProgressFn | None = None) -> ExportReport:
    """Write OUT/NAME.jsonl (SCHEMA.md facts) for every article file NAME.* in ``paths``."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files, errors = read_articles(paths, extractor.max_chars)
    report = ExportReport(errors=errors)
    articles = [a for group in files.values() for a in group]
    by_file: dict[str, list[dict]] = {}
    for n, result in enumerate(extractor.extract_many(articles), 1):
        by_file.setdefault(result.article.path, []).extend(result.to_json())
        report.facts += len(result.facts)
        if progress:
            progress(n, len(articles))
    names = output_names([p for p, group in files.items() if group])
    for path, group in files.items():
        if not group:
            continue  # nothing readable: the error says why
        lines = by_file.get(str(path), [])
        if names[path] != path.stem:
            report.renamed.append((str(path), f"{names[path]}.jsonl"))
        (out / f"{names[path]}.jsonl").write_text(
            "".join(json.dumps(f, ensure_ascii=False) + "\n" for f in lines), encoding="utf-8")
        report.files += 1
        report.articles += len(group)
    return report


def output_names(paths: list[Path]) -> dict[Path, str]:
    """The output name of each input file: its stem, unless an earlier input has that stem
    ("d1/a.txt", "d2/a.txt"): then its folder's name goes before it ("d2-a"), and a number
    after if that is taken too. No output ever overwrites another."""
    taken: set[str] = set()
    names = {}
    for path in paths:
        name = path.stem
        if name in taken:
            name = f"{path.parent.name}-{path.stem}" if path.parent.name else name
            base, n = name, 2
            while name in taken:
                name, n = f"{base}-{n}", n + 1
        taken.add(name)
        names[path] = name
    return names
