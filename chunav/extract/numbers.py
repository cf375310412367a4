"""Numbers as Indian journalists write them: 64,443; 5,16,593; 1,08808; 1.82 lakh; 1,82 lakh;
2.5 crore; "three lakh"; "over 35,000" (a bound, kept apart from an exact figure)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc

SCALES = {"lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
          "crore": 10_000_000, "crores": 10_000_000, "million": 1_000_000,
          "billion": 1_000_000_000, "thousand": 1_000, "hundred": 100}
WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
         "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
         "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
         "seventy": 70, "eighty": 80, "ninety": 90, "a": 1, "half": 0.5}
COUNTED = {"seat", "seats", "candidates", "candidate", "mlas", "mps", "constituencies",
           "votes", "voters", "parties", "members", "councillors", "phases", "terms", "years",
           "mlcs", "states", "nominees", "segments"}
BOUNDS = {"over", "above", "more", "less", "under", "upwards", "beyond", "least", "fewer",
          "below", "exceeding"}
OF_DETERMINERS = {"its", "their", "the", "his", "her", "our"}
_DIGITS = re.compile(r"^\d{1,3}(?:,\d{2,3})+$|^\d+(?:\.\d+)?$")


@dataclass(frozen=True)
class Number:
    """A number read from tokens [start, end)."""

    value: float
    start: int
    end: int
    bound: bool = False  # "over 35,000": not an exact figure

    @property
    def integer(self) -> int | None:
        return int(self.value) if float(self.value).is_integer() else None


def parse_digits(text: str, scaled: bool = False) -> float | None:
    """"64,443" -> 64443; "5,16,593" -> 516593; "1,08808" -> 108808; before "lakh",
    "1,82" -> 1.82 (a comma written for the decimal point)."""
    text = text.strip()
    if scaled and re.fullmatch(r"\d{1,2},\d{1,2}", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d[\d,]*(?:\.\d+)?", text):
        value = float(text.replace(",", ""))
        return value
    return None


def numbers(doc: Doc, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number in doc[start:end], with its scale word folded in."""
    end = len(doc) if end is None else end
    out: list[Number] = []
    i = start
    while i < end:
        tok = doc[i]
        scale_next = i + 1 < end and doc[i + 1].lower_ in SCALES
        value: float | None = None
        if _DIGITS.match(tok.text) or re.fullmatch(r"\d{1,3}(?:,\d+)+", tok.text):
            value = parse_digits(tok.text, scaled=scale_next)
        elif tok.lower_ in WORDS and tok.lower_ not in ("a", "half") and (
                scale_next or _counted_after(doc, i + 1, end)):
            value = WORDS[tok.lower_]
        elif tok.lower_ == "a" and scale_next and doc[i + 1].lower_ != "hundred":
            value = 1
        if value is None:
            i += 1
            continue
        j = i + 1
        while j < end and doc[j].lower_ in SCALES:
            value *= SCALES[doc[j].lower_]
            j += 1
        before = {t.lower_ for t in doc[max(start, i - 2):i]}
        out.append(Number(round(value, 6), i, j, bool(before & BOUNDS)))
        i = j
    return out


def _counted_after(doc: Doc, i: int, end: int) -> bool:
    """A counted noun at i or after up to two modifiers: "three assembly seats", "six rebel
    candidates" (a word number counts only what it is the number of)."""
    for tok in doc[i:min(end, i + 4)]:
        if tok.lower_ in COUNTED:
            return True
        if tok.i == i and tok.lower_ == "of" or tok.i == i + 1 and doc[i].lower_ == "of" and (
                tok.lower_ in OF_DETERMINERS):
            continue  # "four of its candidates"
        if tok.is_punct or tok.like_num or tok.tag_.startswith("V") or tok.tag_ in ("IN", "CC"):
            return False
    return False
