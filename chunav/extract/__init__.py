"""Extract: news articles to candidate facts, each with its sentence and character offsets."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language

from chunav.extract.context import Context
from chunav.extract.facts import Fact
from chunav.extract.gazetteer import Gazetteer
from chunav.extract.mentions import Mentions
from chunav.extract.pipeline import DEFAULT_MODEL, build_pipeline
from chunav.extract.rules import Extraction
from chunav.ingest.articles import Article

EXTRACTOR = "chunav.rules"
EXTRACTOR_VERSION = "1"


@dataclass
class ArticleFacts:
    """The facts of one article, with the text their offsets point into."""

    article: Article
    facts: list[Fact]

    def to_json(self) -> list[dict]:
        """The SCHEMA.md export: one object per fact."""
        return [f.to_json(self.article.text) for f in self.facts]


class Extractor:
    """A loaded pipeline and gazetteer; call :meth:`extract` on articles."""

    def __init__(self, model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> None:
        self.gazetteer = gazetteer or Gazetteer.bundled()
        self.nlp: Language = build_pipeline(model, self.gazetteer)

    def extract(self, article: Article) -> ArticleFacts:
        """Facts of one article."""
        return next(self.extract_many([article]))

    def extract_many(self, articles: Iterable[Article], batch_size: int = 8
                     ) -> Iterator[ArticleFacts]:
        """Facts of many articles, the pipeline run in batches."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(pairs, as_tuples=True, batch_size=batch_size):
            mentions = Mentions(doc, self.gazetteer)
            ctx = Context(doc, mentions, article.published)
            facts = list(Extraction(ctx).run())
            yield ArticleFacts(article, facts)
