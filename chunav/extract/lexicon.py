"""The extraction lexicon (``data/lexicon.v1.toml``): the word lists the rules read, loaded
once. Event triggers and their word lists are the event specs (``chunav.extract.specs``)."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources

LEXICON = "lexicon.v1.toml"


@cache
def lexicon() -> dict:
    """The whole lexicon file, parsed."""
    text = resources.files("chunav.extract").joinpath("data", LEXICON).read_text("utf-8")
    return tomllib.loads(text)


@cache
def section(name: str) -> dict:
    """A table of the lexicon with its word lists as frozensets: the rules ask "is this token
    one of them?" for every token, and a set answers at once."""
    return {k: frozenset(v) if isinstance(v, list) and all(isinstance(x, str) for x in v)
            else v for k, v in lexicon()[name].items()}


@cache
def words(name: str) -> frozenset[str]:
    """A named word list of the ``[words]`` table."""
    return frozenset(lexicon()["words"][name])


@cache
def table(name: str) -> dict[str, str]:
    """A named word -> value table."""
    return dict(lexicon()[name])
