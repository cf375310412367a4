"""A person over time: one chronological timeline of candidacies (with their results),
memberships and the events naming them, and membership intervals built from dated facts.

Dates: an election's is its counting date, else its poll date, else its last phase's poll
date, else its year; a news fact's is its evidence's ``valid_from`` (the date the sentence
gives), else the article's publication date. Dates may be partial ("2009", "2024-06"): "as of"
a day counts a fact only once it has certainly happened (a fact of "2009" counts from
2009-12-31), and undated facts not at all.

Intervals: per person and org, the dated states (member, joined, rebel, resigned, expelled,
former) in order. Standing for a party in an election is evidence of membership at that date,
marked ``inferred`` and backed by the results file's line. An interval opens with the first
member/joined/rebel state, each change is kept with its source, and it ends at a resignation,
expulsion or "former" (``end_cause`` that status), or when the person joins or stands for
another party (``end_cause`` "joined X" / "stood for X"; a party unit counts as its party).
Independent and NOTA are not parties. Derived, never stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from os.path import basename

from sqlalchemy import Connection

from chunav.analyse.people import find_persons
from chunav.analyse.results import contest_result
from chunav.errors import NotFound
from chunav.output import Column
from chunav.store import timeline as t
from chunav.store.people import current_person_id
from chunav.store.queries import evidence_of

ENTER = {"member": 0, "joined": 0, "candidate": 0, "rebel": 1}  # the state goes on
LEAVE = {"resigned": 2, "expelled": 2, "former": 2, "left": 2}  # the interval ends
PHRASES = {"member": "member of {}", "joined": "joined {}", "rebel": "rebel of {}",
           "resigned": "resigned from {}", "expelled": "expelled from {}",
           "former": "former member of {}", "left": "left {}"}
EXCLUSIVE = ("party", "unit")  # one at a time: joining another ends the last
TERM_YEARS = 5  # a ballot shows a party membership for one term
TIMELINE_COLUMNS = [Column(k, k, number=k in ("rank", "votes", "share", "margin")) for k in (
    "date", "kind", "what", "election", "constituency", "party", "org", "status", "role",
    "rank", "votes", "share", "winner", "margin", "source")]  # the CSV of a timeline
MEMBER_COLUMNS = [Column(k, k) for k in (
    "person_id", "person", "start", "end", "state", "last_seen", "sources")]  # interval_rows


def _bounds(when: str | None) -> tuple[str, str]:
    """The earliest and latest day a partial ISO date can mean ("2009" -> 2009-01-01,
    2009-12-31); an undated fact sorts last."""
    if not when:
        return "9999-12-31", "9999-12-31"
    lo = when + "-01-01"[len(when) - 4:] if len(when) < 10 else when
    hi = when + "-12-31"[len(when) - 4:] if len(when) < 10 else when
    return lo, hi


def _iso(value: date | str | None) -> str | None:
    return value.isoformat() if isinstance(value, date) else value


def happened_by(when: str | None, as_of: date | None) -> bool:
    """Had a fact of date ``when`` certainly happened by ``as_of`` (always, without one)?"""
    return as_of is None or (when is not None and _bounds(when)[1] <= as_of.isoformat())


def _news_date(evidence: list[dict]) -> str | None:
    """A news fact's date: the earliest its evidence gives (the date read in the sentence,
    else the article's publication)."""
    dates = [e["valid_from"] or e["published"] for e in evidence
             if e["valid_from"] or e["published"]]
    return min(dates, key=_bounds) if dates else None


def cite(evidence: list[dict]) -> str:
    """A short reference to a fact's first source: "file.csv:8899" or "article.txt@290-441",
    "+N" when more sources back it."""
    if not evidence:
        return ""
    e = evidence[0]
    where = f":{e['line']}" if e["line"] is not None else (
        f"@{e['chars'][0]}-{e['chars'][1]}" if e["chars"] else f" {e['locator']}")
    more = f" +{len(evidence) - 1}" if len(evidence) > 1 else ""
    return f"{basename(e['source'])}{where}{more}"


# intervals ----------------------------------------------------------------------------------
@dataclass
class _State:
    """One dated state of a person in an org, from a membership fact or a candidacy."""

    person_id: int
    org_id: int
    org: str
    org_kind: str
    group: int  # the party whose membership this is (a unit's parent)
    status: str
    role: str | None
    date: str | None
    inferred: bool  # read off a ballot, not stated
    fact: str  # "membership" | "candidacy"
    fact_id: int
    evidence: list[dict]

    def change(self) -> dict:
        return dict(date=self.date, status=self.status, role=self.role, inferred=self.inferred,
                    fact=self.fact, fact_id=self.fact_id, source=cite(self.evidence),
                    evidence=self.evidence)


@dataclass
class _Interval:
    person_id: int
    org_id: int
    org: str
    org_kind: str
    group: int
    start: str | None
    changes: list[dict] = field(default_factory=list)
    end: str | None = None
    end_cause: str | None = None
    inferred_end: bool = False  # ended by joining or standing for another party

    def to_dict(self) -> dict:
        last = self.changes[-1]
        return dict(person_id=self.person_id, org_id=self.org_id, org=self.org,
                    org_kind=self.org_kind, start=self.start, end=self.end,
                    end_cause=self.end_cause, open=self.end is None, status=last["status"],
                    role=next((c["role"] for c in reversed(self.changes) if c["role"]), None),
                    last_seen=last["date"], inferred=all(c["inferred"] for c in self.changes),
                    changes=self.changes)


def build_intervals(states: list[_State]) -> list[dict]:
    """Membership intervals from dated states (see the module's notes), oldest first."""
    order = {**ENTER, **LEAVE}
    states = sorted(states, key=lambda x: (_bounds(x.date), order[x.status], x.fact_id))
    opened: dict[int, _Interval] = {}
    closed: list[_Interval] = []
    for st in states:
        if st.status in ENTER:
            if st.org_kind in EXCLUSIVE:
                for other in list(opened.values()):
                    if (other.org_kind in EXCLUSIVE and other.group != st.group
                            and _bounds(other.changes[-1]["date"]) < _bounds(st.date)):
                        verb = "stood for" if st.fact == "candidacy" else "joined"
                        other.end, other.end_cause = st.date, f"{verb} {st.org}"
                        other.inferred_end = True
                        closed.append(opened.pop(other.org_id))
            interval = opened.get(st.org_id)
            if interval is None:
                interval = opened[st.org_id] = _Interval(st.person_id, st.org_id, st.org,
                                                         st.org_kind, st.group, st.date)
            interval.changes.append(st.change())
            continue
        interval = opened.pop(st.org_id, None)
        if interval is None:  # an end of an interval already ended: a later report of it
            interval = next((i for i in reversed(closed) if i.org_id == st.org_id), None)
            if interval is not None:
                interval.changes.append({**st.change(), "restated": True})
                if interval.inferred_end:  # the reason it ended
                    interval.end_cause, interval.inferred_end = st.status, False
                continue
            interval = _Interval(st.person_id, st.org_id, st.org, st.org_kind, st.group, None)
        interval.changes.append(st.change())
        interval.end, interval.end_cause = st.date, st.status
        closed.append(interval)
    out = closed + list(opened.values())
    return [i.to_dict() for i in sorted(out, key=lambda i: (_bounds(i.start), i.org_id))]


def _candidacy_date(c: dict) -> str:
    return _iso(c["counting_date"] or c["poll_date"] or c["phase_date"]) or str(
        c["contest"].year)


def _states(conn: Connection, candidacies: list[dict], memberships: list[dict],
            as_of: date | None) -> list[_State]:
    """The dated states the candidacies (on a party's ticket) and membership facts give,
    those certainly true by ``as_of``."""
    states = []
    proof = evidence_of(conn, "candidacy", [c["id"] for c in candidacies])
    for c in candidacies:
        if c["party_kind"] != "party":
            continue  # Independent, NOTA: no party to be a member of
        evidence = proof.get(c["id"], [])
        official = [e for e in evidence if e["kind"] == "results"]
        states.append(_State(c["person_id"], c["party_id"], c["party"], "party", c["party_id"],
                             "candidate", None, _candidacy_date(c), True, "candidacy", c["id"],
                             official or evidence))
    proof = evidence_of(conn, "membership", [m["id"] for m in memberships])
    for m in memberships:
        evidence = proof.get(m["id"], [])
        when = _iso(m["start_date"]) or _news_date(evidence)
        status = m["status"] if m["status"] in ENTER or m["status"] in LEAVE else "member"
        states.append(_State(m["person_id"], m["org_id"], m["org"], m["org_kind"],
                             m["parent_id"] or m["org_id"], status, m["role"], when, False,
                             "membership", m["id"], evidence))
        if m["end_date"]:  # a fact that gives its own end
            states.append(_State(m["person_id"], m["org_id"], m["org"], m["org_kind"],
                                 m["parent_id"] or m["org_id"], "left" if not m["end_cause"]
                                 or m["end_cause"] not in LEAVE else m["end_cause"], m["role"],
                                 _iso(m["end_date"]), False, "membership", m["id"], evidence))
    return [x for x in states if happened_by(x.date, as_of)]


def in_force(interval: dict, as_of: date | None = None) -> bool:
    """Is a membership interval in force on ``as_of`` (today, without one)? An open interval
    is, except one read off ballots alone: a ballot shows a membership for one term, so with
    no later record it lapses ``TERM_YEARS`` after the last ballot rather than lasting for
    ever ("stood for the NC in 1967" says nothing of 2024)."""
    if not interval["open"]:
        return False
    if not interval["inferred"] or not interval["last_seen"]:
        return True
    return int(interval["last_seen"][:4]) + TERM_YEARS >= (as_of or date.today()).year


def memberships_of(conn: Connection, person_ids: list[int],
                   as_of: date | None = None) -> list[dict]:
    """The membership intervals of a person (``person_ids``: the person and any news-only
    namesakes of theirs), from every fact dated by ``as_of`` (every fact, without one)."""
    return build_intervals_for(conn, person_ids, t.candidacies(conn, persons=person_ids),
                               t.memberships(conn, persons=person_ids), as_of)


def memberships_as_of(conn: Connection, person_id: int, as_of: date | None = None) -> list[dict]:
    """The memberships of a person in force on ``as_of`` (today's, without one): the open
    intervals, each with its start, its last state and the sources of every change."""
    ids = [person_id, *t.news_namesakes(conn, person_id)]
    return [i for i in memberships_of(conn, ids, as_of) if in_force(i, as_of)]


def org_members(conn: Connection, name: str, as_of: date | None = None) -> dict:
    """The members of a party or other org over time: every person's intervals in it, from
    membership facts and candidacies on its ticket; with ``as_of``, only those in force then.
    Raises NotFound (E410) when no org has that name; Independent and NOTA are no org."""
    orgs = [o for o in t.find_orgs(conn, name) if o["kind"] not in ("independent", "nota")]
    if not orgs:
        raise NotFound(f"no party or organisation is known by the name {name!r}", "E410")
    org, also = orgs[0], orgs[1:]
    persons = {m["person_id"] for m in t.memberships(conn, orgs=[org["id"]])}
    persons |= {c["person_id"] for c in t.candidacies(conn, parties=[org["id"]])
                if c["person_id"] is not None}
    # news-only namesakes count as the candidate they name, with all that one's namesakes
    owner = t.namesake_owners(conn, persons)
    for candidate in set(owner.values()):
        owner.update(dict.fromkeys(t.news_namesakes(conn, candidate), candidate))
    persons = {owner.get(p, p) for p in persons}
    states = _states(conn, t.candidacies(conn, persons=persons),
                     t.memberships(conn, persons=persons | set(owner)), as_of)
    for st in states:
        st.person_id = owner.get(st.person_id, st.person_id)
    names = t.display_names(conn, persons)
    members = []
    for person_id in sorted(persons):
        for interval in build_intervals([x for x in states if x.person_id == person_id]):
            if interval["org_id"] == org["id"] and (as_of is None or in_force(interval, as_of)):
                members.append({"person": names.get(person_id), **interval})
    members.sort(key=lambda i: (_bounds(i["start"]), i["person"] or ""))
    return {"org": org, "also": also, "as_of": _iso(as_of), "members": members}


def interval_rows(intervals: list[dict]) -> list[dict]:
    """Intervals as list rows (:data:`MEMBER_COLUMNS`): the state (open, or how it ended), the
    end ("open" while in force), the last change's source and every change's."""
    return [{**i, "state": i["status"] if i["open"] else f"ended: {i['end_cause']}",
             "end": i["end"] or ("open" if i["open"] else None),
             "source": i["changes"][-1]["source"],
             "sources": [c["source"] for c in i["changes"]]} for i in intervals]


# the timeline -------------------------------------------------------------------------------
def resolve_person(conn: Connection, name: str | int) -> tuple[int, list[int]]:
    """The person a name (any spelling), an id or "#id" stands for, and the other persons the
    name fits, best first. Raises NotFound (E404, or E402 for an unknown id)."""
    text = str(name).strip()
    if re.fullmatch(r"#?\d+", text):
        return current_person_id(conn, int(text.lstrip("#"))), []
    found = find_persons(conn, text)
    if not found:
        raise NotFound(f"no person is known by a name like {text!r}", "E404")
    # a news-only namesake of a candidate found too stands for that candidate
    best = next((pid for pid in found[:5] if set(found) & set(t.news_namesakes(conn, pid))),
                found[0])
    return best, [pid for pid in found if pid != best]


def _candidacy_entries(conn: Connection, candidacies: list[dict]) -> list[dict]:
    proof = evidence_of(conn, "candidacy", [c["id"] for c in candidacies])
    counts = t.result_ids(conn, [c["id"] for c in candidacies])
    results = evidence_of(conn, "result", [r["id"] for rs in counts.values() for r in rs])
    entries = []
    for c in candidacies:
        ref = c["contest"]
        table = contest_result(conn, ref)
        line = next((x for x in table.lines if x.person_id == c["person_id"]
                     and x.candidate == c["ballot_name"]), None) or next(
            (x for x in table.lines if x.candidate == c["ballot_name"]), None)
        winner = table.winner
        evidence = [{"fact": "candidacy", **e} for e in proof.get(c["id"], [])]
        for r in counts.get(c["id"], []):
            evidence += [{"fact": "result", "votes": r["votes"], **e}
                         for e in results.get(r["id"], [])]
        party = c["party"]
        if line is None or line.rank is None:
            what = f"{ref.election}, {ref.constituency}: {c['status']} ({party})"
        elif line.winner:
            what = f"{ref.election}, {ref.constituency}: won as {party}"
        else:
            what = (f"{ref.election}, {ref.constituency}: lost as {party}, rank {line.rank}"
                    + (f", to {winner.candidate} ({winner.party})" if winner else ""))
        entries.append(dict(
            kind="candidacy", date=_candidacy_date(c), what=what, election=ref.election,
            constituency=ref.constituency, state=ref.state, by_election=bool(ref.poll_no),
            party=party, ballot_name=c["ballot_name"], status=c["status"],
            rank=line.rank if line else None, votes=line.votes if line else None,
            share=line.share if line else None, winner=bool(line and line.winner),
            margin=table.margin if line and line.winner else None,
            winner_name=winner.candidate if winner else None,
            disputed=bool(line and line.disputed), source=cite(evidence), evidence=evidence))
    return entries


def _membership_entries(conn: Connection, memberships: list[dict]) -> list[dict]:
    proof = evidence_of(conn, "membership", [m["id"] for m in memberships])
    entries = []
    for m in memberships:
        evidence = proof.get(m["id"], [])
        role = f" ({m['role']})" if m["role"] else ""
        entries.append(dict(
            kind="membership", date=_iso(m["start_date"]) or _news_date(evidence),
            what=PHRASES.get(m["status"], "member of {}").format(m["org"]) + role,
            org=m["org"], org_kind=m["org_kind"],
            status=m["status"], role=m["role"], source=cite(evidence), evidence=evidence))
    return entries


def _event_entries(conn: Connection, events: list[dict]) -> list[dict]:
    proof = evidence_of(conn, "event", [ev["id"] for ev in events])
    entries = []
    for ev in events:
        evidence = proof.get(ev["id"], [])
        whom = f" -> {', '.join(ev['targets'])}" if ev["targets"] else ""
        place = f" at {ev['place']}" if ev["place"] else ""
        entries.append(dict(
            kind="event", date=ev["date"] or _news_date(evidence),
            what=f"{ev['type']}: {', '.join(ev['actors'])}{whom}{place}", type=ev["type"],
            actors=ev["actors"], targets=ev["targets"], place=ev["place"],
            linked=ev["linked"], source=cite(evidence), evidence=evidence))
    return entries


def person_timeline(conn: Connection, name: str | int, as_of: date | None = None) -> dict:
    """A person's timeline, whatever spelling (or id) is asked: candidacies with their results
    (rank, votes, share, winner, margin), membership facts and the events naming them, oldest
    first, each with its evidence; their membership intervals, and those in force at the end.

    With ``as_of`` only facts certainly dated by then count. The person is the best fit of
    the name; the others it fits are listed as ``also`` (ask for one by "#id"). News-only
    persons known by nothing but one of the person's spellings are taken as the person
    (``namesakes``). Raises NotFound when the name fits nobody.
    """
    person_id, others = resolve_person(conn, name)
    namesakes = t.news_namesakes(conn, person_id)
    ids = [person_id, *namesakes]
    spellings = t.person_names(conn, person_id)
    candidacies = t.candidacies(conn, persons=ids)
    memberships = t.memberships(conn, persons=ids)
    entries = (_candidacy_entries(conn, candidacies) + _membership_entries(conn, memberships)
               + _event_entries(conn, t.events_naming(conn, ids, spellings)))
    kinds = {"candidacy": 0, "membership": 1, "event": 2}
    entries = sorted((e for e in entries if happened_by(e["date"], as_of)),
                     key=lambda e: (_bounds(e["date"]), kinds[e["kind"]]))
    intervals = build_intervals_for(conn, ids, candidacies, memberships, as_of)
    names = t.display_names(conn, [x for x in others if x not in namesakes])
    return dict(
        person={"id": person_id, "name": spellings[0] if spellings else None,
                "names": spellings, "namesakes": namesakes},
        asked=str(name), as_of=_iso(as_of),
        also=[{"id": x, "name": names.get(x)} for x in others if x not in namesakes],
        timeline=entries, memberships=intervals,
        in_force=[i for i in intervals if in_force(i, as_of)])


def build_intervals_for(conn: Connection, ids: list[int], candidacies: list[dict],
                        memberships: list[dict], as_of: date | None) -> list[dict]:
    """A person's intervals from their already-read candidacies and memberships (``ids``:
    the person first, then their namesakes, whose states count as the person's)."""
    states = _states(conn, candidacies, memberships, as_of)
    for st in states:
        st.person_id = ids[0]
    return build_intervals(states)
