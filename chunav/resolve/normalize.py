"""Pure functions that turn names as sources write them into comparable keys."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"',
                         "\u2013": "-", "\u2014": "-", "_": " "})
_SPACE = re.compile(r"\s+")
_NON_WORD = re.compile(r"[^0-9a-z]+")
# "GAYA (SC)", "MAINPURI(GEN)": a reserved-category suffix on a constituency name
_RESERVED = re.compile(r"\s*\((SC|ST|GEN)\)\s*$", re.IGNORECASE)


@lru_cache(maxsize=1 << 16)  # results files repeat the same states, seats and parties
def clean(text: str) -> str:
    """Collapse runs of white space and normalise Unicode quotes and dashes.

    >>> clean("Communist Party of India  (Marxist)")
    'Communist Party of India (Marxist)'
    """
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=1 << 16)
def key(text: str) -> str:
    """A case-, punctuation- and spacing-blind key: ``key("LADAKH") == key(" Ladakh ")``.

    ``&`` reads as "and", so "Jammu & Kashmir" and "Jammu_and_Kashmir" share a key.
    """
    text = clean(text).casefold().replace("&", " and ")
    return _NON_WORD.sub(" ", text).strip()


def split_reserved(name: str) -> tuple[str, str | None]:
    """Split a reserved-category suffix off a constituency name.

    >>> split_reserved("GAYA (SC)")
    ('GAYA', 'SC')
    """
    match = _RESERVED.search(name)
    if not match:
        return clean(name), None
    return clean(name[: match.start()]), match.group(1).upper()
