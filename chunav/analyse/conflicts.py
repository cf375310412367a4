"""Numbers where sources disagree, each explained where the data can explain it.

Two kinds of number are compared:

* **vote counts**: a candidate's count as each source states it (official results files and
  the news), within one contest;
* **margins**: a "winning margin" the news states, against the official margins of the seat
  it names.

A difference is *explained* when the data shows why: the report gives the EVM votes without
the postal votes; it gives another candidate's count, or this person's count at another
election or a by-election; it rounds (a lakh figure); two digits are transposed. Everything
else is a real disagreement and is kept apart. A margin the store cannot check (no official
result for that seat and time) is listed as *unchecked*, never guessed.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection

from chunav.analyse.results import ContestResult, contest_result
from chunav.errors import NotFound
from chunav.knowledge.normalize import key
from chunav.output import Column
from chunav.resolve.names import names_agree
from chunav.store import queries as q


@dataclass
class Conflict:
    """One number two sources give differently."""

    what: str  # "votes" | "margin"
    election: str | None
    constituency: str
    subject: str  # the candidate, or whose margin
    value: int  # the odd one out (a report's, or the minority official source's)
    reference: int | None  # the official number it is compared with
    explanation: dict | None = None  # {"code", "text"}; None: a real disagreement
    note: str | None = None  # what the data shows of a real disagreement
    values: list[dict] = field(default_factory=list)  # every version, with its evidence

    @property
    def difference(self) -> int | None:
        return None if self.reference is None else self.value - self.reference

    def to_dict(self) -> dict:
        return {**asdict(self), "difference": self.difference}


def conflicts(conn: Connection, election: str | None = None) -> dict[str, list[Conflict]]:
    """Every number sources disagree on: ``{"explained": [...], "disputed": [...],
    "unchecked": [...]}``, each a list of Conflicts. ``election`` limits it to one election
    ("Lok Sabha 2024")."""
    found = _count_conflicts(conn, election) + _margin_conflicts(conn, election)
    out: dict[str, list[Conflict]] = {"explained": [], "disputed": [], "unchecked": []}
    for c in found:
        if c.reference is None:
            out["unchecked"].append(c)
        else:
            out["explained" if c.explanation else "disputed"].append(c)
    return out


def _why(code: str, text: str) -> dict:
    return {"code": code, "text": text}


def _votes(n: int) -> str:
    return f"{n:,} vote{'' if n == 1 else 's'}"


def _rounded(value: int, reference: int, lakh: bool = False) -> dict | None:
    """Is ``value`` a round figure that ``reference`` rounds to? (1,20,000 for 1,19,874.)"""
    unit = 1
    while value and value % (unit * 10) == 0:
        unit *= 10
    if unit < 100 or value == reference or abs(value - reference) > unit // 2:
        return None
    words = f"{value / 100_000:g} lakh" if lakh or value >= 100_000 else f"{value:,}"
    return _why("rounded", f"rounded ({words})")


def _transposed(value: int, reference: int) -> dict | None:
    """Do the two numbers differ by two neighbouring digits swapped (65,259 / 62,559)?"""
    a, b = str(value), str(reference)
    if len(a) != len(b):
        return None
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and \
            a[diff[1]] == b[diff[0]]:
        return _why("transposition", "two digits transposed")
    return None


@dataclass
class _Version:
    """One candidate's count as some sources state it."""

    votes: int
    evm_votes: int | None
    postal_votes: int | None
    official: bool
    result_ids: set[int] = field(default_factory=set)
    sources: set[int] = field(default_factory=set)


def _count_conflicts(conn: Connection, election: str | None) -> list[Conflict]:
    rows = q.result_versions(conn, contest_ids=q.disputed_contests(conn, election))
    by_candidacy: dict[int, dict[int, _Version]] = defaultdict(dict)
    info: dict[int, dict] = {}
    for r in rows:
        info.setdefault(r["candidacy_id"], r)
        v = by_candidacy[r["candidacy_id"]].setdefault(r["votes"], _Version(
            r["votes"], r["evm_votes"], r["postal_votes"], False))
        v.official |= r["source_kind"] == "results"
        v.evm_votes = v.evm_votes if v.evm_votes is not None else r["evm_votes"]
        v.postal_votes = v.postal_votes if v.postal_votes is not None else r["postal_votes"]
        v.result_ids.add(r["result_id"])
        v.sources.add(r["source_id"])
    persons = {r["person_id"] for r in rows if r["person_id"]}
    elsewhere: dict[int, list[dict]] = defaultdict(list)  # a person's counts in other contests
    for r in q.result_versions(conn, person_ids=list(persons)):
        if r["source_kind"] == "results":
            elsewhere[r["person_id"]].append(r)
    # per contest and candidacy: its official count and each source's
    in_contest: dict[int, dict[int, dict]] = defaultdict(dict)
    for r in rows:
        counts = in_contest[r["contest_id"]].setdefault(r["candidacy_id"], {
            "name": r["ballot_name"], "official": Counter(), "by_source": {}})
        counts["by_source"][r["source_id"]] = r["votes"]
        if r["source_kind"] == "results":
            counts["official"][r["votes"]] += 1
    for contest in in_contest.values():
        for counts in contest.values():  # the count most official sources give
            counts["official"] = max(counts["official"], key=counts["official"].get,
                                     default=None)
    evidence = q.evidence_of(conn, "result", [r["result_id"] for r in rows])
    out = []
    for cid, versions in by_candidacy.items():
        if len(versions) < 2:
            continue
        row = info[cid]
        official = [v for v in versions.values() if v.official]
        # the reference: the official count most sources give, the one with a breakdown first
        ref = max(official or versions.values(),
                  key=lambda v: (len(v.sources), v.evm_votes is not None, -v.votes))
        shown = [dict(value=v.votes, evm_votes=v.evm_votes, postal_votes=v.postal_votes,
                      official=v.official,
                      evidence=[e for rid in sorted(v.result_ids) for e in evidence.get(rid, [])])
                 for v in versions.values()]
        for v in versions.values():
            if v is ref:
                continue
            why = _explain_count(v, ref, official, row, in_contest[row["contest_id"]],
                                 elsewhere.get(row["person_id"], []), shown)
            out.append(Conflict("votes", row["election"], row["constituency"],
                                row["ballot_name"], v.votes, ref.votes, why, values=shown))
    _whole_contests(out, by_candidacy, info)
    return out


def _whole_contests(found: list[Conflict], by_candidacy: dict[int, dict[int, _Version]],
                    info: dict[int, dict]) -> None:
    """Note the real disagreements where a source counts every candidate of the contest
    differently: it holds another count of the whole contest, not a slip on one line."""
    differs: dict[tuple[int, int], list[bool]] = defaultdict(list)  # (contest, source)
    for cid, versions in by_candidacy.items():
        sources = {src for v in versions.values() for src in v.sources}
        for src in sources:
            differs[info[cid]["contest_id"], src].append(len(versions) > 1)
    whole = {contest for (contest, _), flags in differs.items() if len(flags) > 2 and all(flags)}
    contest_of = {(info[cid]["election"], info[cid]["constituency"]): info[cid]["contest_id"]
                  for cid in info}
    for c in found:
        if c.explanation is None and contest_of.get((c.election, c.constituency)) in whole:
            c.note = ("every candidate of the contest differs: the sources hold different "
                      "counts of the whole contest (a provisional and a final one, or a "
                      "recount)")


def _explain_count(v: _Version, ref: _Version, official: list[_Version], row: dict,
                   in_contest: dict[int, dict], elsewhere: list[dict],
                   shown: list[dict]) -> dict | None:
    """Why the count ``v`` differs from the reference count ``ref`` of one candidate."""
    for o in official:
        if o.evm_votes == v.votes and o.postal_votes:
            return _why("postal_votes", f"the EVM votes alone, without the "
                                        f"{_votes(o.postal_votes)} by post")
        if v.evm_votes == o.votes and v.postal_votes:
            return _why("postal_votes", f"the official count leaves out the "
                                        f"{_votes(v.postal_votes)} by post this one adds")
    # the source gave this candidate another's count: that other's official count, and not
    # also what this source gives that other; an official file must have swapped the two
    # lines (a report may misattribute one number), or small counts would match by chance
    for other, counts in in_contest.items():
        theirs = [counts["by_source"].get(src) for src in v.sources]
        if other != row["candidacy_id"] and counts["official"] == v.votes and \
                v.votes not in theirs and (not v.official or ref.votes in theirs):
            return _why("other_candidate", f"the count of another candidate, {counts['name']}")
    for r in elsewhere:
        if r["votes"] == v.votes and r["contest_id"] != row["contest_id"]:
            bye = ", a by-election" if r["poll_no"] else ""
            return _why("other_election", f"this candidate's count in {r['election']}, "
                                          f"{r['constituency']}{bye}")
    lakh = any("lakh" in (e.get("sentence") or "") for s in shown if s["value"] == v.votes
               for e in s["evidence"])
    # an official file does not round; a report does
    return (None if v.official else _rounded(v.votes, ref.votes, lakh)) or _transposed(
        v.votes, ref.votes)


_YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
_MARGIN = re.compile(r"^(?P<who>.*?)(?:'s?)?\s*winning margin in (?P<seat>.+)$")


def _margin_conflicts(conn: Connection, election: str | None) -> list[Conflict]:
    """Margins the news states that no official margin of that seat, at or before the
    report's date, confirms."""
    out = []
    cache: dict[str, list[ContestResult]] = {}
    figures = q.figures(conn, unit="votes")
    evidence = q.evidence_of(conn, "figure", [f["id"] for f in figures])
    for f in figures:
        m = _MARGIN.match(f["subject"])
        if not m:
            continue
        who, seat, value = m["who"].strip(), m["seat"].strip(), int(f["value"])
        if key(seat) not in cache:
            try:
                cache[key(seat)] = [contest_result(conn, ref)
                                    for ref in q.find_contests(conn, seat)]
            except NotFound:
                cache[key(seat)] = []
        shown = [dict(value=value, official=False, evidence=evidence.get(f["id"], []))]
        # the years the report's sentence names ("in 2017, Badal won by ..."), else any
        # year up to the report's
        said = {int(y) for e in shown[0]["evidence"] for y in _YEAR.findall(e["sentence"] or "")}
        until = (f["published"].year if f["published"] else None) or (
            int(f["date"][:4]) if f["date"] else None)
        contests = [c for c in cache[key(seat)] if c.margin is not None and (
            _year(c) in said if said else until is None or _year(c) <= until)]
        won = [c for c in contests if c.winner and _fits(who, c)]
        conflict = _explain_margin(who, seat, value, won, contests, shown, sorted(said))
        if conflict and (election is None or conflict.election == election):
            out.append(conflict)
    return out


def _year(c: ContestResult) -> int:
    return int(_YEAR.findall(c.election)[-1])


def _fits(who: str, c: ContestResult) -> bool:
    """Is ``who`` (a person, or a party) the winner of contest ``c``?"""
    w = c.winner
    return bool(w) and (names_agree(who, w.candidate) or key(who) == key(w.party))


def _evm_margin(c: ContestResult) -> int | None:
    first, second = (c.lines + [None, None])[:2]
    if first and second and first.evm_votes is not None and second.evm_votes is not None:
        return first.evm_votes - second.evm_votes
    return None


def _explain_margin(who: str, seat: str, value: int, won: list[ContestResult],
                    contests: list[ContestResult], shown: list[dict],
                    years: list[int]) -> Conflict | None:
    """A margin ``who`` won ``seat`` by, as reported, against the contests of the seat the
    report can mean (``contests``, newest first: those of the ``years`` its sentence names,
    else those up to the report) and those ``who`` won (``won``); None when the official
    margin confirms it."""
    latest = won[0] if won else None
    subject = f"{who}'s margin"
    if latest is None:
        where = contests[0].constituency if contests else seat
        when = f" in {', '.join(map(str, years))}" if years else " before the report"
        why = f"no official result of {where} won by {who}{when} is stored"
        return Conflict("margin", None, where, subject, value, None, _why("missing", why),
                        values=shown)
    for c in won:
        if c.margin == value:
            if c is latest:
                return None
            return Conflict("margin", latest.election, latest.constituency, subject, value,
                            latest.margin, _why("other_election", (
                                f"the margin of {c.election}"
                                f"{' (a by-election)' if c.poll_no else ''}, not of "
                                f"{latest.election}")), values=shown)
    ref = latest.margin
    assert ref is not None
    evm = _evm_margin(latest)
    why = (_why("postal_votes", "the margin in EVM votes alone, without postal votes")
           if evm == value else None) or _rounded(value, ref) or _transposed(value, ref)
    return Conflict("margin", latest.election, latest.constituency, subject, value, ref, why,
                    values=shown)


STATUS_TITLES = {"explained": "Explained by the data", "disputed": "Real disagreements",
                 "unchecked": "Not checkable: no official number in the store"}
CONFLICT_COLUMNS = [Column(k, k, number=k in ("value", "reference", "difference")) for k in (
    "status", "election", "constituency", "subject", "what", "value", "reference",
    "difference", "why")]


def conflict_rows(conn: Connection, election: str | None = None,
                  only: str | None = None) -> dict[str, list[dict]]:
    """:func:`conflicts` as plain rows, grouped as it groups them (or only the group
    ``only``): each Conflict's fields with its ``status``, ``why`` (the explanation, or what
    the data shows of a real disagreement) and ``contest`` ("Ladakh, Lok Sabha 2024"); what
    ``chunav conflicts`` prints and the API serves (:data:`CONFLICT_COLUMNS` for CSV)."""
    return {k: [dict(c.to_dict(), status=k, why=(c.explanation or {}).get("text") or c.note,
                     contest=", ".join(filter(None, (c.constituency, c.election))))
                for c in v] for k, v in conflicts(conn, election).items() if only in (None, k)}
