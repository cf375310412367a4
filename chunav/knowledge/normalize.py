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
    return key_of_clean(clean(text))


def key_of_clean(text: str) -> str:
    """:func:`key` of a text :func:`clean` leaves as it is (``clean(text) == text``), without
    cleaning it again or caching it: a results file's candidate names are clean when read and
    mostly each new, so key()'s cache would only miss."""
    return _NON_WORD.sub(" ", text.casefold().replace("&", " and ")).strip()


def split_reserved(name: str) -> tuple[str, str | None]:
    """Split a reserved-category suffix off a constituency name.

    >>> split_reserved("GAYA (SC)")
    ('GAYA', 'SC')
    """
    match = _RESERVED.search(name)
    if not match:
        return clean(name), None
    return clean(name[: match.start()]), match.group(1).upper()


HONORIFICS = frozenset({
    "haji", "hajji", "dr", "shri", "sri", "smt", "shrimati", "mr", "mrs", "ms", "ji", "sahib",
    "saheb", "prof", "adv", "advocate", "late", "sardar", "pandit", "maulana", "er", "kumari",
    "sushri", "thiru", "selvi", "brigadier", "colonel", "col", "capt", "captain", "gen", "retd",
    "sh", "janab", "mohtarma", "begum",
})
_FOLDS = [  # transliteration variants of Indian names folded to one spelling (Surf's rules)
    (re.compile(r"^(mohmad|mohammad|mohammed|muhammad|mohamad|mohd|md|mohamed)$"), "mohammad"),
    (re.compile(r"ee"), "i"), (re.compile(r"oo"), "u"), (re.compile(r"aa"), "a"),
    (re.compile(r"ph"), "f"), (re.compile(r"w"), "v"), (re.compile(r"z"), "j"),
    (re.compile(r"([bcdfgjklmnpqrstvx])h"), r"\1"), (re.compile(r"(.)\1"), r"\1"),
    (re.compile(r"y$"), "i"), (re.compile(r"(?<=..)a$"), ""),
]


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """One spelling for transliteration variants: Haneefa/Hanifa, Mohmad/Mohammad, Namgyal/Namgial.

    >>> fold("Haneefa") == fold("hanifa")
    True
    """
    word = key(word).replace(" ", "")
    for pattern, repl in _FOLDS:
        word = pattern.sub(repl, word)
    return word


def name_tokens(name: str) -> tuple[str, ...]:
    """The folded words of a name, honorifics left out: "Haji Hanifa Jan" -> (hanif, jan)."""
    return tuple(fold(w) for w in key(name).split() if w not in HONORIFICS)


def tokens_fit(a: set[str], b: set[str]) -> bool:
    """Two names' folded words can be one person's: the shorter's words all appear in the
    longer (an initial standing for a word), and not by initials alone."""
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    if not small or all(len(w) == 1 for w in small):
        return False
    return all(w in large or (len(w) == 1 and any(x.startswith(w) for x in large))
               for w in small)


def names_fit(a: str, b: str) -> bool:
    """Can two spellings name the same person? "Haneefa Jan" and "Mohmad Haneefa Jan", "P.
    Namgyal" and "Phuntsog Namgyal" can; "Omar Abdullah" and "Farooq Abdullah" cannot."""
    return tokens_fit(set(name_tokens(a)), set(name_tokens(b)))
