"""Read news articles: plain text, HTML pages and JSON Lines, one clear error per bad one.

Plain text may start with ``date YYYY-MM-DD`` (on its own line, or run into the first
sentence): that is the publication date, and it is not part of the text. HTML goes through
trafilatura, which finds the main text and the page's date and title. A JSON Lines file holds
one article per line: ``text`` and optional ``title``, ``date``, ``url``, ``outlet``.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from chunav.model import RowError

SUFFIXES = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
DEFAULT_MAX_CHARS = 1_000_000  # spaCy's own default limit for one text
_DATE_PREFIX = re.compile(r"^\s*date\s*[:=]?\s*(\d{4}-\d{2}-\d{2})\b[ \t]*\n?\s*", re.IGNORECASE)


@dataclass(frozen=True)
class Article:
    """One article's text and what is known about it."""

    name: str  # file stem: facts go to NAME.jsonl
    path: str
    text: str
    index: int = 0  # position in a JSON Lines file
    title: str | None = None
    published: date | None = None
    url: str | None = None
    outlet: str | None = None

    @property
    def content_hash(self) -> str:
        """Identity of the article: the same text is one article, wherever it was read."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    @property
    def locator(self) -> str:
        return f"{self.path}:{self.index + 1}" if self.path.endswith(".jsonl") else self.path


def article_files(paths: Iterable[str | Path]) -> list[Path]:
    """The article files named, folders expanded to the .txt/.html/.jsonl files in them."""
    found: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            found += sorted(f for f in p.iterdir() if f.suffix.lower() in SUFFIXES)
        else:
            found.append(p)
    return found


def read_articles(paths: Iterable[str | Path], max_chars: int = DEFAULT_MAX_CHARS
                  ) -> tuple[dict[Path, list[Article]], list[RowError]]:
    """Articles by file, and an error for each article or file that cannot be read."""
    found: dict[Path, list[Article]] = {}
    errors: list[RowError] = []
    for path in article_files(paths):
        found[path] = []
        for item in read_article_file(path, max_chars):
            if isinstance(item, RowError):
                errors.append(item)
            else:
                found[path].append(item)
    return found, errors


def read_article_file(path: Path, max_chars: int = DEFAULT_MAX_CHARS
                      ) -> Iterator[Article | RowError]:
    """The articles in one file, or an error for each one that cannot be read."""
    kind = SUFFIXES.get(path.suffix.lower())
    fail = lambda msg, code, line=0: RowError(str(path), line, None, msg, code)  # noqa: E731
    if kind is None:
        yield fail(f"not an article file (expected {', '.join(SUFFIXES)})", "E130")
        return
    try:
        data = path.read_bytes()
    except OSError as err:
        yield fail(f"cannot read the file: {err.strerror or err}", "E100")
        return
    if b"\x00" in data[:8192]:
        yield fail("binary data, not text (NUL bytes)", "E131")
        return
    try:
        raw = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        yield fail(f"not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start}); "
                   "save it as UTF-8", "E102")
        return
    if kind == "jsonl":
        yield from _jsonl(path, raw, max_chars)
        return
    if kind == "html":
        article = _html(path, raw)
    else:
        article = _text(path, raw)
    yield _check(article, max_chars) if isinstance(article, Article) else article


def _check(article: Article, max_chars: int, line: int = 0) -> Article | RowError:
    if not article.text.strip():
        return RowError(article.path, line, None, "the article is empty", "E101")
    if len(article.text) > max_chars:
        return RowError(article.path, line, None,
                        f"the article has {len(article.text):,} characters, over the limit of "
                        f"{max_chars:,} (set extract.max_chars to raise it)", "E132")
    return article


def _text(path: Path, raw: str) -> Article:
    published = None
    match = _DATE_PREFIX.match(raw)
    if match:
        published = _parse_date(match.group(1))
        raw = raw[match.end():]
    return Article(path.stem, str(path), raw.strip(), published=published)


def _html(path: Path, raw: str) -> Article | RowError:
    import trafilatura  # imported here: only HTML needs it, and it is slow to import

    try:
        doc = trafilatura.bare_extraction(raw, with_metadata=True, include_comments=False)
    except Exception as err:  # noqa: BLE001  trafilatura raises many kinds on broken markup
        return RowError(str(path), 0, None, f"cannot parse the HTML: {err}", "E133")
    data = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    text = (data.get("text") or "").strip()
    if not text:
        return RowError(str(path), 0, None, "no article text found in the HTML", "E133")
    return Article(path.stem, str(path), text, title=data.get("title"),
                   published=_parse_date(data.get("date")), url=data.get("url"),
                   outlet=data.get("sitename"))


def _jsonl(path: Path, raw: str, max_chars: int) -> Iterator[Article | RowError]:
    index = 0
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as err:
            yield RowError(str(path), n, None, f"not JSON: {err.msg}", "E134")
            continue
        if not isinstance(item, dict) or not isinstance(item.get("text"), str):
            yield RowError(str(path), n, "text", "each line must be an object with a 'text' "
                           "string", "E134")
            continue
        odd = next((k for k in ("title", "url", "outlet")
                    if item.get(k) is not None and not isinstance(item[k], str)), None)
        if odd:
            yield RowError(str(path), n, odd, f"{odd!r} must be a string", "E134")
            continue
        published = _parse_date(item.get("date"))
        if item.get("date") and published is None:
            yield RowError(str(path), n, "date", f"not a date: {item['date']!r} (YYYY-MM-DD)",
                           "E135")
            continue
        article = Article(path.stem, str(path), item["text"].strip(), index=index,
                          title=item.get("title"), published=published, url=item.get("url"),
                          outlet=item.get("outlet"))
        index += 1
        yield _check(article, max_chars, n)


def _parse_date(value: object) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None
