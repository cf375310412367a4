"""Dates in news text, resolved against the publication date. A relative date that nothing
fixes stays None rather than guessed."""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from chunav.extract.lexicon import lexicon

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], 1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
DAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_M = r"(january|february|march|april|may|june|july|august|september|october|november|" \
     r"december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
_MONTH_DAY = re.compile(_M + r"\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b", re.IGNORECASE)
_DAY_MONTH = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _M + r"(?:,?\s+(\d{4}))?\b",
                        re.IGNORECASE)


def years(text: str) -> list[int]:
    """Four-digit years in a text, in order, but for those that open a period ("has
    represented the seat since 2009"): the act the sentence reports is not of that year."""
    openers = _period_openers()
    return [int(m.group(1)) for m in _YEAR.finditer(text)
            if not openers.search(text[max(0, m.start() - 16):m.start()])]


@cache
def _period_openers() -> re.Pattern:
    words = "|".join(re.escape(w) for w in lexicon()["dates"]["period_openers"])
    return re.compile(rf"(?i)\b(?:{words})\s+$")


def find_date(text: str, published: date | None) -> str | None:
    """The first date a sentence fixes, as ISO (YYYY-MM-DD, or YYYY-MM / YYYY when that is all
    it says), resolved against the publication date."""
    for pattern, month_group, day_group in ((_MONTH_DAY, 1, 2), (_DAY_MONTH, 2, 1)):
        match = pattern.search(text)
        if match:
            month = MONTHS[match.group(month_group).lower().rstrip(".")]
            day = int(match.group(day_group))
            year = int(match.group(3)) if match.group(3) else (published.year if published
                                                                 else None)
            if year is None or not 1 <= day <= 31:
                continue
            try:
                return date(year, month, day).isoformat()
            except ValueError:
                continue
    low = text.lower()
    if published is not None:
        if "yesterday" in low:
            return (published - timedelta(days=1)).isoformat()
        for n, day_name in enumerate(DAYS):
            if re.search(rf"\bon {day_name}\b", low):
                back = (published.weekday() - n) % 7
                return (published - timedelta(days=back)).isoformat()
        if "last month" in low:
            first = published.replace(day=1) - timedelta(days=1)
            return f"{first.year:04d}-{first.month:02d}"
    month = re.search(r"\b(?:in|since|last|this|early|late|mid-?)\s+" + _M + r"(?!\s+\d)", low)
    if month and published is not None:
        n = MONTHS[month.group(1).rstrip(".")]
        year = published.year if n <= published.month else published.year - 1
        return f"{year:04d}-{n:02d}"
    found = years(text)
    return str(found[0]) if found else None
