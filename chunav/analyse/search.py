"""Find what a journalist means by a name: a person, a party or a constituency, by any spelling
the store knows (names, other spellings, abbreviations such as "AIUDF"), a part of one
("Ladak"), or a misspelling close to one (rapidfuzz).

    search(conn, "haneefa")  ->  the person Mohmad Haneefa (Ladakh, Lok Sabha 2024), ...

Hits are ranked by score: 100 for a known spelling itself, 80-99 for a spelling containing
what was typed (more for a larger part of it), below 80 for a close misspelling. Persons
other than those with the very spelling score 85-90, in the order
:func:`chunav.analyse.people.find_persons` gives (close spelling, initials, words within).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from rapidfuzz import fuzz, process
from sqlalchemy import Connection

from chunav.analyse.people import find_persons
from chunav.knowledge.normalize import key
from chunav.store import queries as q

KINDS = ("person", "party", "constituency")
FUZZY_CUTOFF = 80  # rapidfuzz ratio (0-100) a misspelling must reach
FUZZY_LIMIT = 10  # close spellings tried per kind
PARTS = {"name": "part of the name", "another spelling": "part of another spelling",
         "abbreviation": "part of the abbreviation", "another name": "part of another name"}


@dataclass(frozen=True)
class Hit:
    """One thing a search found."""

    kind: str  # person | party | constituency
    id: int
    name: str  # its name as the store shows it
    detail: str  # what tells namesakes apart: house and state, abbreviation, latest record
    matched: str  # the spelling that matched
    how: str  # "name", "another spelling", "abbreviation", "part of the name", ...
    score: float

    def to_dict(self) -> dict:
        return asdict(self)


def search(conn: Connection, text: str, kind: str | None = None, limit: int = 20,
           offset: int = 0) -> tuple[list[Hit], int]:
    """Persons, parties and constituencies known by a spelling like ``text`` (or only one
    ``kind``), best first: one page of hits (``limit`` from ``offset``) and how many there
    are in all."""
    wanted = key(text)
    if not wanted:
        return [], 0
    kinds = [kind] if kind else list(KINDS)
    found: list[Hit] = []
    fuzzy_keys: dict[str, list[str]] | None = None
    for k in kinds:
        if k == "person":
            found += _persons(conn, text)
            continue
        hits = _named(conn, k, [wanted], wanted)
        if not hits:  # a misspelling: the closest known spellings, if close enough
            fuzzy_keys = fuzzy_keys or _name_keys(conn)
            close = process.extract(wanted, fuzzy_keys[k], scorer=fuzz.ratio,
                                    score_cutoff=FUZZY_CUTOFF, limit=FUZZY_LIMIT)
            scores = {choice: score for choice, score, _ in close}
            hits = [Hit(h.kind, h.id, h.name, h.detail, h.matched, "close spelling",
                        round(0.8 * scores.get(key(h.matched), FUZZY_CUTOFF), 1))
                    for h in _named(conn, k, list(scores), None)]
        found += hits
    best: dict[tuple[str, int], Hit] = {}
    for hit in found:  # one hit per thing: its best-matching spelling
        have = best.get((hit.kind, hit.id))
        if have is None or hit.score > have.score:
            best[(hit.kind, hit.id)] = hit
    ranked = sorted(best.values(), key=lambda h: (-h.score, KINDS.index(h.kind), h.name))
    page = ranked[offset:offset + limit]
    return _with_person_details(conn, page), len(ranked)


_NAME_KEYS: dict[str, tuple[str, dict[str, list[str]]]] = {}


def _name_keys(conn: Connection) -> dict[str, list[str]]:
    """:func:`chunav.store.queries.name_keys`, kept per database until the store changes (a
    few thousand names, compared with every misspelling)."""
    url = conn.engine.url.render_as_string(hide_password=True)
    version = q.store_version(conn)
    cached = _NAME_KEYS.get(url)
    if cached is None or cached[0] != version:
        cached = _NAME_KEYS[url] = (version, q.name_keys(conn))
    return cached[1]


def _named(conn: Connection, kind: str, keys: list[str], containing: str | None) -> list[Hit]:
    """Constituencies or parties with one of ``keys``, or a spelling containing ``containing``."""
    hits = []
    if kind == "constituency":
        for r in q.constituencies_named(conn, keys, containing):
            how = "another spelling" if r["alias"] else "name"
            detail = ", ".join(filter(None, (r["house"], r["state"])))
            hits.append(Hit("constituency", r["id"], r["name"], detail, r["matched"],
                            *_score(key(r["matched"]), keys, how)))
    else:
        for r in q.orgs_named(conn, keys, containing):
            detail = ", ".join(filter(None, (r["abbreviation"], r["kind"])))
            hits.append(Hit("party", r["id"], r["name"], detail, r["matched"],
                            *_score(key(r["matched"]), keys, r["how"])))
    return hits


def _score(matched: str, keys: list[str], how: str) -> tuple[str, float]:
    """(how, score) of a spelling found by key or by containing what was typed."""
    if matched in keys:
        return how, 100.0
    part = len(keys[0]) / max(len(matched), 1) if keys else 0.0
    return PARTS.get(how, "part of " + how), round(80 + 19 * part, 1)


def _persons(conn: Connection, text: str) -> list[Hit]:
    """Persons by any spelling, in find_persons' order (closest first)."""
    found = find_persons(conn, text)
    exact = set(q.persons_with_key(conn, key(text)))
    return [Hit("person", pid, "", "", text, "name" if pid in exact else "name like it",
                100.0 if pid in exact else round(90 - min(i, 500) / 100, 2))
            for i, pid in enumerate(found)]


def _with_person_details(conn: Connection, hits: list[Hit]) -> list[Hit]:
    """Fill in the name and latest record of the persons on a page."""
    ids = [h.id for h in hits if h.kind == "person"]
    if not ids:
        return hits
    about = q.person_summaries(conn, ids)
    out = []
    for h in hits:
        if h.kind == "person" and h.id in about:
            p = about[h.id]
            last = p["latest"]
            detail = "known from the news"
            if last:
                more = "" if p["records"] == 1 else f"; {p['records']} records"
                detail = f"{last['constituency']}, {last['election']} ({last['party']}){more}"
            h = Hit(h.kind, h.id, p["name"], detail, h.matched, h.how, h.score)
        out.append(h)
    return out
