"""Syntax where it pays: the ``chunav_syntax`` component parses only the sentences that hold an
event trigger, and :class:`Parses` reads a trigger's subject from the parse.

The model's dependency parser is loaded with the rest of the model but left out of the
pipeline's run; this component runs it on each trigger sentence as a document of its own
(``Span.as_doc``, which keeps the tok2vec rows the pipeline already computed, so only the
parser itself runs again). The parses are kept in ``doc._.chunav_parses`` (sentence start ->
parsed sentence); the main document keeps no dependency annotation, so its sentence
boundaries stay those of the sentencizer.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import minibatch

from chunav.extract.triggers import KEY as TRIGGERS

KEY = "chunav_syntax"
EXTENSION = "chunav_parses"
PARSER = "parser"
# "Kolkata, May 2:", "ITANAGAR, 30 Mar:": the publication's dateline, never a subject nor the
# act's date
DATELINE = re.compile(r"^\s*[A-Z][A-Za-z .]{1,30},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+"
                      r"[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?\s*[:(—-]")
RELATIVE = {"who", "which", "that"}
# relations through which a verb with no subject of its own shares its governor's
SHARES_SUBJECT = {"conj", "xcomp", "advcl", "relcl"}

if not Doc.has_extension(EXTENSION):
    Doc.set_extension(EXTENSION, default=None)


class SyntaxParser:
    """Parses the sentences that hold a trigger; see the module's docstring."""

    def __init__(self, nlp: Language, name: str = KEY, parser: str = PARSER) -> None:
        self.nlp, self.name, self.parser = nlp, name, parser

    def _reads_syntax(self, span: Span) -> bool:
        """Will the rules read this trigger's arguments from a parse? A noun's may be; a
        verb's are (a trigger with a word the tagger calls a verb); those of a type whose
        actors are the parties to a deal, or that stands only where no other event is (a
        statement), and those of an inverse trigger ("lost ... to") never are."""
        ruler = self.nlp.get_pipe(TRIGGERS)
        spec = ruler.specs[span.label_]
        form = ruler.form(span)
        if spec.actors == "deal" or spec.fallback or form == "inverse":
            return False
        return form == "noun" or any(t.tag_.startswith("VB") for t in span)

    def __call__(self, doc: Doc) -> Doc:
        return next(iter(self.pipe([doc])))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 64) -> Iterator[Doc]:
        """Parse the trigger sentences of a batch of documents together (the parser is
        much faster on one batch of many sentences than on each document's few, so the
        batch is at least 64 documents whatever the pipeline's)."""
        parser = self.nlp.get_pipe(self.parser) if self.parser in self.nlp.component_names \
            else None
        for batch in minibatch(docs, max(batch_size, 64)):
            wanted = [(doc, sent) for doc in batch for sent in self._trigger_sentences(doc)]
            for doc in batch:
                doc._.set(EXTENSION, {})
            if parser is not None:
                parsed = parser.pipe((_sentence_doc(sent) for _, sent in wanted),
                                     batch_size=256)
                for (doc, sent), parse in zip(wanted, parsed, strict=True):
                    doc._.get(EXTENSION)[sent.start] = parse
            yield from batch

    def _trigger_sentences(self, doc: Doc) -> list[Span]:
        """The sentences that hold a trigger whose arguments the parse can give, in order
        (one pass over both)."""
        starts = sorted({span.start for span in doc.spans.get(TRIGGERS, ())
                         if self._reads_syntax(span)})
        out, k = [], 0
        for sent in doc.sents:
            if k < len(starts) and starts[k] < sent.end:
                out.append(sent)
                while k < len(starts) and starts[k] < sent.end:
                    k += 1
        return out


def _sentence_doc(sent: Span) -> Doc:
    """A sentence as a document of its own, with its tags and the rows of the tok2vec output
    the pipeline computed for it (the parser listens to them). Unlike ``Span.as_doc`` this
    costs the sentence's length, not the document's."""
    doc = Doc(sent.doc.vocab, words=[t.text for t in sent],
              spaces=[bool(t.whitespace_) for t in sent])
    for new, old in zip(doc, sent, strict=True):
        new.tag = old.tag
    if sent.doc.tensor is not None and sent.doc.tensor.size:
        doc.tensor = sent.doc.tensor[sent.start:sent.end]
    return doc


@Language.factory(KEY, default_config={"parser": PARSER})
def make_syntax_parser(nlp: Language, name: str, parser: str) -> SyntaxParser:
    """The ``chunav_syntax`` component; ``parser`` names the (disabled) parser it runs."""
    return SyntaxParser(nlp, name, parser)


class Parses:
    """A document's parsed sentences, addressed by the document's token indices."""

    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.parses: dict[int, Doc] = doc._.get(EXTENSION) or {}

    def sentence(self, sent: Span) -> Doc | None:
        """The parse of a sentence, if it was parsed."""
        return self.parses.get(sent.start)

    def head(self, sent: Span, start: int, end: int) -> Token | None:
        """The syntactic head of the tokens [start, end) of a parsed sentence: the one whose
        head lies outside them ("was elected" -> "elected")."""
        parse = self.sentence(sent)
        if parse is None:
            return None
        tokens = parse[start - sent.start:end - sent.start]
        return next((t for t in tokens if not start - sent.start <= t.head.i < end - sent.start
                     or t.head == t), tokens[0])

    def actors(self, verb: Token, relations: set[str]) -> list[Token]:
        """The tokens that fill the actor role of the verb through these relations (nsubj,
        agent, nsubjpass where the spec says so). A verb with no subject of its own shares
        its governor's ("X won the seat and joined the BJP", "decided to join"); "who"
        stands for the noun its clause describes. Of two subjects the parser gives one verb
        ("Congress' X won" parsed as two), the one nearer the verb."""
        v = verb
        for _ in range(3):
            found: list[Token] = []
            for child in v.children:
                if child.dep_ not in relations:
                    continue
                if child.dep_ == "agent":
                    found += [g for g in child.children if g.dep_ == "pobj"]
                elif child.lower_ in RELATIVE and v.dep_ == "relcl":
                    found.append(v.head)
                else:
                    found.append(child)
            if len(found) > 1:
                before = [t for t in found if t.i < v.i]
                found = before[-1:] or found[:1]
            if found or v.dep_ not in SHARES_SUBJECT or v.head == v:
                return found
            v = v.head
        return []

    @staticmethod
    def dateline_end(sent: Span) -> int:
        """The character offset (in the sentence's text) where a dateline opening it ends."""
        found = DATELINE.match(sent.text)
        return found.end() if found else 0
