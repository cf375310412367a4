"""The ``chunav_triggers`` pipeline component: event triggers from the specs, as spans.

Like spaCy's own ``span_ruler``, it builds a :class:`~spacy.matcher.PhraseMatcher` from data
(every trigger of ``events.v1.toml``, matched on lower case) and writes what it finds to
``doc.spans["chunav_triggers"]``: one span per trigger, labelled with its event type. Where
triggers start at one token, the longest is kept ("got elected" over "got", the seat
deal's word); a shorter trigger starting inside a longer one is kept ("elected unopposed"
inside "declared elected unopposed"), the rules merging the events they find.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from chunav.extract import specs as spec_files
from chunav.extract.specs import Specs

KEY = "chunav_triggers"


@dataclass(frozen=True)
class Trigger:
    """A trigger found in a document: its event type, form (word, phrase, noun, inverse),
    the token the event is anchored on (the trigger's first) and the text matched."""

    type: str
    form: str
    start: int
    end: int
    text: str


class TriggerRuler:
    """Marks event triggers; see the module's docstring."""

    def __init__(self, nlp: Language, name: str = KEY, spec_path: str | None = None) -> None:
        self.name = name
        self.specs: Specs = spec_files.load(spec_path)
        self.forms: dict[tuple[str, str], str] = {}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        patterns: dict[str, list[Doc]] = {}
        for typ, spec in self.specs.events.items():
            for text, form in spec.triggers():
                self.forms.setdefault((typ, text), form)
                patterns.setdefault(typ, []).append(nlp.make_doc(text))
        for typ, docs in patterns.items():
            self.matcher.add(typ, docs)

    def __call__(self, doc: Doc) -> Doc:
        found: dict[int, Span] = {}
        for match_id, start, end in self.matcher(doc):
            label = doc.vocab.strings[match_id]
            old = found.get(start)
            if old is None or end - start > len(old):
                found[start] = Span(doc, start, end, label=label)
        doc.spans[KEY] = sorted(found.values(), key=lambda s: s.start)
        return doc

    def form(self, span: Span) -> str:
        """The form (word, phrase, noun, inverse) of a trigger span."""
        return self.forms.get((span.label_, span.text.lower())) or self.forms.get(
            (span.label_, " ".join(t.lower_ for t in span)), "word")

    def triggers(self, doc: Doc) -> list[Trigger]:
        """The document's triggers with their forms, in text order."""
        return [Trigger(span.label_, self.form(span), span.start, span.end, span.text.lower())
                for span in doc.spans.get(KEY, ())]


@Language.factory(KEY, default_config={"spec_path": None})
def make_trigger_ruler(nlp: Language, name: str, spec_path: str | None) -> TriggerRuler:
    """The ``chunav_triggers`` component; ``spec_path`` names a spec file other than the
    bundled ``events.v1.toml``."""
    return TriggerRuler(nlp, name, spec_path)
