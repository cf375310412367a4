"""Named read queries over the store. No SQL lives anywhere else outside ``store/``."""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Connection, false, func, literal, select, union_all

from chunav.errors import NotFound
from chunav.knowledge.normalize import key, name_tokens, tokens_fit
from chunav.model import ElectionName, KnownNames
from chunav.resolve.houses import seats
from chunav.store import schema as s


@dataclass(frozen=True)
class ContestRef:
    """A contest found by name."""

    id: int
    election: str
    year: int
    constituency: str
    state: str | None
    poll_no: int
    seat_no: int | None = None  # the seat's number at that election
    parent: str | None = None  # an assembly seat's Lok Sabha seat


def find_contests(conn: Connection, constituency: str, election: str | None = None,
                  state: str | None = None, constituency_id: int | None = None
                  ) -> list[ContestRef]:
    """Contests of a constituency (name matched case- and punctuation-blind, or the one
    constituency ``constituency_id`` when given), newest first. Raises NotFound, with
    suggestions, when nothing matches."""
    parent = s.constituency.alias("parent")
    q = (select(s.contest.c.id, s.election.c.name.label("election"), s.election.c.year,
                s.constituency.c.name.label("constituency"), s.state.c.name.label("state"),
                s.contest.c.poll_no, s.contest.c.seat_no, parent.c.name.label("parent"))
         .join(s.election, s.contest.c.election_id == s.election.c.id)
         .join(s.constituency, s.contest.c.constituency_id == s.constituency.c.id)
         .outerjoin(parent, parent.c.id == s.constituency.c.parent_id)
         # the seat's state at that election: Ladakh was Jammu & Kashmir's until 2019
         .outerjoin(s.state, func.coalesce(s.contest.c.state_id, s.constituency.c.state_id)
                    == s.state.c.id)
         .order_by(s.election.c.year.desc(), s.contest.c.poll_no.desc(), s.state.c.name))
    if constituency_id is not None:
        q = q.where(s.constituency.c.id == constituency_id)
    else:
        q = q.where((s.constituency.c.key == key(constituency)) | s.constituency.c.id.in_(
            select(s.constituency_alias.c.constituency_id)
            .where(s.constituency_alias.c.key == key(constituency))))
    if election:
        q = q.where(s.election.c.name == ElectionName.parse(election).name)
    if state:
        q = q.where(s.state.c.key == key(state))
    found = [ContestRef(**r._mapping) for r in conn.execute(q)]
    if not found and constituency_id is not None:
        raise NotFound(f"no results for constituency #{constituency_id}"
                       + (f" in {ElectionName.parse(election).name}" if election else ""), "E401")
    if not found:
        raise NotFound(_not_found(conn, constituency, election), "E401")
    return found


def _not_found(conn: Connection, constituency: str, election: str | None) -> str:
    words = key(constituency).split()
    near = []
    if words:
        near = list(conn.execute(select(s.constituency.c.name).distinct()
                                 .where(s.constituency.c.key.like(f"%{words[0][:5]}%"))
                                 .limit(5)).scalars())
    msg = f"no results for constituency {constituency!r}"
    msg += f" in {ElectionName.parse(election).name}" if election else ""
    if near:
        msg += f"; did you mean: {', '.join(near)}?"
    return msg


def contest_counts(conn: Connection, ref: ContestRef) -> tuple[list[dict], int | None, bool]:
    """A contest's candidates with their counts, its electors, and whether only partial
    sources (a winners-and-runners-up list) count it: the rows ``analyse`` ranks.

    Where sources disagree on a candidate's count, the count an official results file gives
    is used (else the one with the most evidence, else the earliest stored) and the line is
    marked ``disputed``.
    """
    c, r, p, o = s.candidacy.c, s.result.c, s.person.c, s.org.c
    rows = conn.execute(
        select(c.id, c.ballot_name, c.status, c.person_id, o.name.label("party"),
               o.kind.label("party_kind"), r.id.label("result_id"), r.evm_votes,
               r.postal_votes, r.votes,
               select(func.count()).where(s.evidence.c.fact_type == "result",
                                          s.evidence.c.fact_id == r.id)
               .scalar_subquery().label("support"),
               select(func.count()).select_from(s.evidence.join(s.source)).where(
                   s.evidence.c.fact_type == "result", s.evidence.c.fact_id == r.id,
                   s.source.c.kind == "results").scalar_subquery().label("official"))
        .join(s.org, c.party_id == o.id)
        .outerjoin(s.result, r.candidacy_id == c.id)
        .outerjoin(s.person, c.person_id == p.id)
        .where(c.contest_id == ref.id)
        .order_by(c.id, r.id)).all()
    versions: dict[int, list] = defaultdict(list)
    for row in rows:
        versions[row.id].append(row)
    lines = []
    counted = any(row.votes is not None for options in versions.values() for row in options)
    for options in versions.values():
        if counted and all(row.votes is None for row in options) and options[0].status != (
                "uncontested"):
            continue  # named in the news (withdrawn, or not yet counted) but not on the count
        best = max(options, key=lambda row: (row.official or 0, row.support or 0,
                                             -(row.result_id or 0)))
        counts = {row.votes for row in options if row.result_id is not None}
        lines.append(dict(candidate=best.ballot_name, party=best.party, votes=best.votes,
                          evm_votes=best.evm_votes, postal_votes=best.postal_votes,
                          status=best.status, nota=best.party_kind == "nota",
                          person_id=best.person_id, disputed=len(counts) > 1))
    # the contest's results first, then their evidence by (fact_type, fact_id): the index's
    # order, so a contest no official file lists costs a few look-ups, not a scan. The least
    # `partial` of the official sources counting it: None (none does), 0 (a complete one
    # does), 1 (only partial ones). One statement with the electors: a command that prints a
    # few contests compiles and runs few statements.
    results = (select(s.result.c.id).join(s.candidacy, s.candidacy.c.id == s.result.c.candidacy_id)
               .where(s.candidacy.c.contest_id == ref.id))
    least_partial = (select(func.min(s.source.c.partial)).select_from(s.evidence.join(s.source))
                     .where(s.evidence.c.fact_type == "result", s.evidence.c.fact_id.in_(results),
                            s.source.c.kind == "results").scalar_subquery())
    electors = (select(s.electorate.c.electors).where(s.electorate.c.contest_id == ref.id)
                .order_by(s.electorate.c.id).limit(1).scalar_subquery())
    found = conn.execute(select(electors, least_partial)).one()
    return lines, found[0], found[1] == 1


def known_names(conn: Connection) -> KnownNames:
    """Every person's spelling, party and constituency the store holds (for the extractor)."""
    return KnownNames(
        people=tuple(conn.execute(select(s.person_name.c.name).distinct()).scalars()),
        parties=tuple((r.name, r.abbreviation) for r in conn.execute(
            select(s.org.c.name, s.org.c.abbreviation).where(s.org.c.kind == "party"))),
        seats=tuple(conn.execute(select(s.constituency.c.name).distinct()).scalars()))


def stats(conn: Connection) -> dict:
    """What the store holds: rows per table, and per election its contests and candidates."""
    tables = ["source", "election", "state", "constituency", "contest", "person", "org",
              "candidacy", "result", "electorate", "membership", "alliance_membership",
              "seat_allocation", "event", "figure", "evidence"]
    counts = {t: conn.execute(select(func.count()).select_from(s.metadata.tables[t])).scalar()
              for t in tables}
    per_election = []
    q = (select(s.election.c.name, func.count(func.distinct(s.contest.c.id)).label("contests"),
                func.count(s.candidacy.c.id).label("candidacies"))
         .select_from(s.election)
         .outerjoin(s.contest, s.contest.c.election_id == s.election.c.id)
         .outerjoin(s.candidacy, s.candidacy.c.contest_id == s.contest.c.id)
         .group_by(s.election.c.name, s.election.c.year)
         .order_by(s.election.c.year, s.election.c.name))
    for row in conn.execute(q):
        per_election.append({"election": row.name, "contests": row.contests,
                             "seats": seats(ElectionName.parse(row.name)),
                             "candidacies": row.candidacies})
    kinds = Counter(dict(conn.execute(select(s.source.c.kind, func.count())
                                      .group_by(s.source.c.kind)).all()))
    return {"tables": counts, "elections": per_election, "sources": dict(kinds)}


def events(conn: Connection, person: str | None = None, type: str | None = None,
           limit: int = 500, *, party: str | None = None, since: str | None = None,
           until: str | None = None, offset: int = 0) -> list[dict]:
    """Events with date, actors, targets and the sentence and article they come from, oldest
    first. ``person`` matches actors and targets by name (any spelling whose words fit);
    ``party`` an actor or target that is that party (by any of its names); ``since`` and
    ``until`` bound the date (ISO text, compared as text: "2024" sorts before "2024-06").
    ``limit`` and ``offset`` page through them (:func:`events_page` gives the total too)."""
    where = _event_filters(conn, person, party, type, since, until)
    found = _event_rows(conn, where, limit, offset)
    if not found and person and not offset:
        raise NotFound(f"no events name {person!r}", "E403")
    return found


def events_page(conn: Connection, person: str | None = None, type: str | None = None,
                limit: int = 50, *, party: str | None = None, since: str | None = None,
                until: str | None = None, offset: int = 0) -> tuple[list[dict], int]:
    """One page of :func:`events` and how many events the filters keep in all."""
    where = _event_filters(conn, person, party, type, since, until)
    total = conn.execute(select(func.count()).select_from(s.event).where(*where)).scalar_one()
    found = _event_rows(conn, where, limit, offset)
    if not total and person:
        raise NotFound(f"no events name {person!r}", "E403")
    return found, total


def _event_rows(conn: Connection, where: list[ColumnElement[bool]], limit: int,
                offset: int) -> list[dict]:
    """One page of the events the conditions keep, in the order of the ``ix_event_order``
    index (a page at any offset is a scan of it), with roles and first evidence."""
    found = conn.execute(select(s.event).where(*where).order_by(*s.EVENT_ORDER)
                         .limit(limit).offset(offset)).all()
    ids = [ev.id for ev in found]
    roles: dict[int, dict[str, list[str]]] = defaultdict(lambda: {"actor": [], "target": []})
    first: dict[int, Any] = {}  # the first evidence of each event
    for batch in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for r in conn.execute(select(s.event_role).where(s.event_role.c.event_id.in_(batch))
                              .order_by(s.event_role.c.position)):
            roles[r.event_id][r.role].append(r.text)
        for e in conn.execute(
                select(s.evidence.c.fact_id, s.evidence.c.sentence, s.evidence.c.char_start,
                       s.evidence.c.char_end, s.source.c.id.label("source_id"), s.source.c.uri,
                       s.source.c.published_on)
                .join(s.source).where(s.evidence.c.fact_type == "event",
                                      s.evidence.c.fact_id.in_(batch))
                .order_by(s.evidence.c.id)):
            first.setdefault(e.fact_id, e)
    out = []
    for ev in found:
        src = first.get(ev.id)
        out.append({"id": ev.id, "type": ev.type, "date": ev.date, "place": ev.place,
                    "actors": roles[ev.id]["actor"], "targets": roles[ev.id]["target"],
                    "sentence": src.sentence if src else None,
                    "source": src.uri if src else None,
                    "source_id": src.source_id if src else None,
                    "published": src.published_on.isoformat() if src and src.published_on
                    else None,
                    "chars": [src.char_start, src.char_end] if src else None})
    return out


def _event_filters(conn: Connection, person: str | None, party: str | None,
                   type: str | None, since: str | None, until: str | None
                   ) -> list[ColumnElement[bool]]:
    """The conditions on ``event`` of the filters of :func:`events`: each an index look-up
    (roles by text and by org, the date in ``ix_event_order``)."""
    ev, role = s.event.c, s.event_role.c
    where: list[ColumnElement[bool]] = []
    if type:
        where.append(ev.type == type.upper())
    if since:
        where.append(ev.date >= since)
    if until:
        where.append(ev.date <= until)
    if person:
        texts = role_texts_fitting(conn, [person])
        where.append(ev.id.in_(select(role.event_id).where(role.text.in_(texts)))
                     if texts else false())
    if party:
        orgs = orgs_named(conn, keys=[key(party)])
        if not orgs:
            raise NotFound(f"no party is known by the name {party!r}", "E405")
        where.append(ev.id.in_(select(role.event_id)
                               .where(role.org_id.in_(sorted({o["id"] for o in orgs})))))
    return where


def role_texts_fitting(conn: Connection, names: Collection[str]) -> list[str]:
    """The ways events write names (their roles' text) that fit one of ``names``, whose words
    they share (:func:`chunav.knowledge.normalize.names_fit`): what a role is looked up by in
    ``ix_event_role_text``, the fitting done on the cached distinct texts, not on every
    role."""
    words_of, having = _role_names(conn)
    found = set()
    for name in names:
        mine = frozenset(name_tokens(name))
        # two names fit only if they share a whole word (not by initials alone)
        for text in set().union(*(having.get(w, ()) for w in mine if len(w) > 1)):
            if tokens_fit(mine, words_of[text]):
                found.add(text)
    return sorted(found)


_ROLE_NAMES: dict[str, tuple[int, dict[str, frozenset[str]], dict[str, set[str]]]] = {}


def _role_names(conn: Connection) -> tuple[dict[str, frozenset[str]], dict[str, set[str]]]:
    """Every distinct name events are written with, and its folded words (what a name fits
    by, which SQL cannot index); and for each whole word, the names that have it. Kept per
    database until an event role is added (roles are only ever added, and their text never
    changes)."""
    url = conn.engine.url.render_as_string(hide_password=True)
    last = conn.execute(select(func.max(s.event_role.c.id))).scalar() or 0
    cached = _ROLE_NAMES.get(url)
    if cached is None or cached[0] != last:
        texts = conn.execute(select(s.event_role.c.text).distinct()).scalars()
        words_of = {t: frozenset(name_tokens(t)) for t in texts}
        having: dict[str, set[str]] = defaultdict(set)
        for text, words in words_of.items():
            for w in words:
                having[w].add(text)
        cached = _ROLE_NAMES[url] = (last, words_of, dict(having))
    return cached[1], cached[2]


def disputed_contests(conn: Connection, election: str | None = None) -> list[int]:
    """Contests where sources give some candidate two different counts."""
    r, c = s.result.c, s.candidacy.c
    many = select(r.candidacy_id).group_by(r.candidacy_id).having(func.count() > 1)
    q = select(c.contest_id).distinct().where(c.id.in_(many)).order_by(c.contest_id)
    if election:
        q = (q.join(s.contest, s.contest.c.id == c.contest_id)
             .join(s.election, s.election.c.id == s.contest.c.election_id)
             .where(s.election.c.name == ElectionName.parse(election).name))
    return list(conn.execute(q).scalars())


def result_versions(conn: Connection, contest_ids: list[int] | None = None,
                    person_ids: list[int] | None = None) -> list[dict]:
    """Every stored count of the candidates of some contests (or of some persons, in every
    contest they stood in): one row per count and source that states it, with the contest,
    the candidacy, EVM/postal/total votes and whether the source is an official results
    file."""
    r, c, t = s.result.c, s.candidacy.c, s.contest.c
    q = (select(t.id.label("contest_id"), s.election.c.name.label("election"),
                s.election.c.year, s.constituency.c.name.label("constituency"), t.poll_no,
                c.id.label("candidacy_id"), c.person_id, c.ballot_name,
                s.org.c.name.label("party"), s.org.c.kind.label("party_kind"),
                r.id.label("result_id"), r.evm_votes, r.postal_votes, r.votes,
                s.source.c.id.label("source_id"), s.source.c.kind.label("source_kind"))
         .join(s.result, r.candidacy_id == c.id)
         .join(s.contest, t.id == c.contest_id)
         .join(s.election, s.election.c.id == t.election_id)
         .join(s.constituency, s.constituency.c.id == t.constituency_id)
         .join(s.org, s.org.c.id == c.party_id)
         .join(s.evidence, (s.evidence.c.fact_type == "result") & (s.evidence.c.fact_id == r.id))
         .join(s.source, s.source.c.id == s.evidence.c.source_id)
         .order_by(t.id, c.id, r.id, s.source.c.id))
    out = []
    for ids, column in ((contest_ids, t.id), (person_ids, c.person_id)):
        if ids is None:
            continue
        unique = sorted(set(ids))
        for batch in (unique[i:i + 500] for i in range(0, len(unique), 500)):
            out += [dict(row._mapping) for row in conn.execute(q.where(column.in_(batch)))]
    return out


def figures(conn: Connection, unit: str | None = None) -> list[dict]:
    """Numbers the news states (margins, seat counts, turnouts) with the date of the article
    each was read from (the earliest, when several state it)."""
    f, e, src = s.figure.c, s.evidence.c, s.source.c
    q = (select(f.id, f.subject, f.value, f.unit, f.date,
                func.min(src.published_on).label("published"))
         .join(s.evidence, (e.fact_type == "figure") & (e.fact_id == f.id))
         .join(s.source, src.id == e.source_id)
         .group_by(f.id, f.subject, f.value, f.unit, f.date).order_by(f.id))
    if unit:
        q = q.where(f.unit == unit)
    return [dict(row._mapping) for row in conn.execute(q)]


def evidence_of(conn: Connection, fact_type: str, ids: list[int]) -> dict[int, list[dict]]:
    """The evidence of each fact of one type (``fact_type`` is its table: "result",
    "membership", "event", ...): its source (id, path or URL, kind, title, outlet, date), where in
    it (line, or sentence and character offsets), the extractor and confidence. Facts with no
    evidence are absent."""
    e, src = s.evidence.c, s.source.c
    out: dict[int, list[dict]] = defaultdict(list)
    unique = sorted(set(ids))
    for batch in (unique[i:i + 500] for i in range(0, len(unique), 500)):
        for r in conn.execute(
                select(e.fact_id, e.locator, e.line, e.sentence, e.char_start, e.char_end,
                       e.extractor, e.confidence, e.valid_from, e.valid_to, src.id.label(
                           "source_id"), src.uri, src.kind, src.title, src.outlet,
                       src.published_on)
                .join(s.source, src.id == e.source_id)
                .where(e.fact_type == fact_type, e.fact_id.in_(batch)).order_by(e.id)):
            out[r.fact_id].append({
                "source": r.uri, "source_id": r.source_id, "kind": r.kind, "title": r.title,
                "outlet": r.outlet,
                "published": r.published_on.isoformat() if r.published_on else None,
                "locator": r.locator, "line": r.line, "sentence": r.sentence,
                "chars": [r.char_start, r.char_end] if r.char_start is not None else None,
                "extractor": r.extractor, "confidence": r.confidence,
                "valid_from": r.valid_from, "valid_to": r.valid_to})
    return dict(out)


# Search, sources and the store's version (for the API and the web UI) ----------------------

SEARCHED_ORG_KINDS = ("party", "alliance", "unit")  # what a search for a party may find


def constituencies_named(conn: Connection, keys: Collection[str] = (),
                         containing: str | None = None) -> list[dict]:
    """Constituencies whose name or another known spelling (``constituency_alias``) has one of
    ``keys`` (see :func:`chunav.knowledge.normalize.key`), or contains the key ``containing``:
    one row per constituency and spelling, with ``matched`` (the spelling) and ``alias``
    (whether it is another spelling than the name)."""
    k, a = s.constituency.c, s.constituency_alias.c
    base = select(k.id, k.name, k.house, s.state.c.name.label("state")).outerjoin(
        s.state, s.state.c.id == k.state_id)
    by_name = base.add_columns(k.name.label("matched"), literal(False).label("alias"))
    by_alias = base.add_columns(a.name.label("matched"), literal(True).label("alias")).join(
        s.constituency_alias, a.constituency_id == k.id)
    out = []
    if keys:
        wanted = sorted(set(keys))
        out += _rows(conn, union_all(by_name.where(k.key.in_(wanted)),
                                     by_alias.where(a.key.in_(wanted))))
    if containing:
        out += _rows(conn, union_all(by_name.where(k.key.like(f"%{containing}%")),
                                     by_alias.where(a.key.like(f"%{containing}%"))))
    return out


def orgs_named(conn: Connection, keys: Collection[str] = (),
               containing: str | None = None) -> list[dict]:
    """Parties, alliances and party units whose name, abbreviation ("AIUDF") or another known
    name (``org_alias``) has one of ``keys``, or contains the key ``containing``: one row per
    org and name, with ``matched`` (the name) and ``how`` ("name", "abbreviation",
    "another name")."""
    o, a = s.org.c, s.org_alias.c
    base = select(o.id, o.name, o.kind, o.abbreviation).where(o.kind.in_(SEARCHED_ORG_KINDS))
    abbreviation = func.lower(o.abbreviation)
    forms = [(base.add_columns(o.name.label("matched"), literal("name").label("how")), o.key),
             (base.add_columns(o.abbreviation.label("matched"),
                               literal("abbreviation").label("how")), abbreviation),
             (base.add_columns(a.alias.label("matched"), literal("another name").label("how"))
              .join(s.org_alias, a.org_id == o.id), a.key)]
    out = []
    if keys:
        wanted = sorted(set(keys))
        out += _rows(conn, union_all(*(q.where(col.in_(wanted)) for q, col in forms)))
    if containing:
        out += _rows(conn, union_all(*(q.where(col.like(f"%{containing}%"))
                                       for q, col in forms)))
    return out


def name_keys(conn: Connection) -> dict[str, list[str]]:
    """Every key a constituency or a searched org is known by (names, other spellings,
    abbreviations), for a search to compare a misspelling with: ``{"constituency": [...],
    "party": [...]}``."""
    k, a, o, oa = s.constituency.c, s.constituency_alias.c, s.org.c, s.org_alias.c
    seats = union_all(select(k.key), select(a.key))
    kinds = o.kind.in_(SEARCHED_ORG_KINDS)
    orgs = union_all(select(o.key).where(kinds),
                     select(func.lower(o.abbreviation)).where(kinds, o.abbreviation.is_not(None)),
                     select(oa.key).join(s.org, o.id == oa.org_id).where(kinds))
    return {"constituency": sorted(set(conn.execute(seats).scalars())),
            "party": sorted(set(conn.execute(orgs).scalars()))}


def persons_with_key(conn: Connection, name_key: str) -> list[int]:
    """Persons with a spelling whose key is exactly ``name_key``."""
    n = s.person_name.c
    return list(conn.execute(select(n.person_id).distinct().where(n.key == name_key)).scalars())


def person_summaries(conn: Connection, ids: Collection[int]) -> dict[int, dict]:
    """For each person: display name, how many candidacies the store holds, and the latest
    (election, constituency, party)."""
    c, t, e, k, p = s.candidacy.c, s.contest.c, s.election.c, s.constituency.c, s.person.c
    out = {r.id: {"name": r.name, "records": 0, "latest": None}
           for r in conn.execute(select(p.id, p.name).where(p.id.in_(sorted(set(ids)))))}
    rows = conn.execute(
        select(c.person_id, e.name.label("election"), k.name.label("constituency"),
               func.coalesce(s.org.c.abbreviation, s.org.c.name).label("party"))
        .join(s.contest, t.id == c.contest_id).join(s.election, e.id == t.election_id)
        .join(s.constituency, k.id == t.constituency_id).join(s.org, s.org.c.id == c.party_id)
        .where(c.person_id.in_(sorted(out))).order_by(e.year, e.name, c.id))
    for r in rows:
        out[r.person_id]["records"] += 1
        out[r.person_id]["latest"] = {"election": r.election, "constituency": r.constituency,
                                      "party": r.party}
    return out


def article(conn: Connection, source_id: int) -> dict:
    """One stored source with its text (an article's, for reading a sentence in context) and
    the sentences of the facts read from it. Raises NotFound when there is none."""
    src, e = s.source.c, s.evidence.c
    row = conn.execute(select(src.id, src.kind, src.uri, src.title, src.outlet,
                              src.published_on, src.text).where(src.id == source_id)).first()
    if row is None:
        raise NotFound(f"no source with id {source_id}", "E406")
    spans = conn.execute(select(e.char_start, e.char_end).distinct()
                         .where(e.source_id == source_id, e.char_start.is_not(None))
                         .order_by(e.char_start, e.char_end)).all()
    return {"id": row.id, "kind": row.kind, "uri": row.uri, "title": row.title,
            "outlet": row.outlet,
            "published": row.published_on.isoformat() if row.published_on else None,
            "text": row.text, "spans": [[a, b] for a, b in spans]}


STORE_TABLES = ("source", "election", "constituency", "constituency_alias", "contest",
                "person", "person_name", "org", "org_alias", "candidacy", "result",
                "electorate", "membership", "alliance_membership", "seat_allocation", "event",
                "figure", "evidence")
SHRINKING_TABLES = ("person", "person_name", "person_redirect")  # merges delete and redirect


def store_version(conn: Connection) -> str:
    """A short fingerprint of what the store holds, in one cheap statement: every table's
    greatest id (rows are added, never renumbered) and the row counts of the tables a merge
    of persons shrinks or grows without a new id. It changes whenever facts are added or
    persons merged or split, so a client's cached answer can be reused until then. An
    in-place update that adds no row (none of chunav's writers makes one alone) is not
    seen."""
    parts = [select(func.max(s.metadata.tables[name].c.id)).scalar_subquery()
             for name in STORE_TABLES]
    parts += [select(func.count()).select_from(s.metadata.tables[name]).scalar_subquery()
              for name in SHRINKING_TABLES]
    row = conn.execute(select(*parts)).one()
    return hashlib.sha1(repr(tuple(row)).encode()).hexdigest()[:16]


def _rows(conn: Connection, q: Any) -> list[dict]:
    return [dict(r._mapping) for r in conn.execute(q)]
