"""Precedents: earlier elections whose contest had the same pattern as one contest.

A contest's pattern is what its winner did, in features: an independent won; a rebel won
(:mod:`chunav.analyse.rebels`); the winner beat an alliance's official candidate; beat the
candidate of the rebel's own party; and the seat was given to one partner and lost to a rebel
of another. Earlier general elections of the same house are searched for contests an
independent or a rebel won, in that seat (under every spelling and state it had; see
``constituency_alias``) and elsewhere, and ranked: the same seat first, then the same state
(family: Ladakh's elections before 2019 were Jammu & Kashmir's), then the pattern shared most
closely, then the most recent. Each comes with the evidence of its parts.

Years the seat's data is missing are said so rather than guessed: every general election of
the house between the seat's first stored contest and this one in which the seat has no
contest stored, if the store holds other seats of its state then (the seat's data is
missing) or holds that election in full (no poll was held there, or the data is missing).
"""

from __future__ import annotations

from sqlalchemy import Connection

from chunav.analyse.alliances import (
    Candidate,
    Contest,
    attach_evidence,
    load_contests,
)
from chunav.analyse.rebels import NewsFacts, election_rebels
from chunav.errors import NotFound
from chunav.model import LOK_SABHA, ElectionName
from chunav.output import Column
from chunav.resolve.alliances import short_name
from chunav.resolve.houses import seats
from chunav.resolve.lineage import same_party
from chunav.resolve.seats import state_family
from chunav.store import alliances as db
from chunav.store.queries import find_contests

INDEPENDENT = "an independent won"
REBEL = "a rebel won"
ALLIANCE = "beat the alliance's candidate"
OWN_PARTY = "beat the candidate of the rebel's own party"
PARTNERS = "seat given to one partner, lost to a rebel of another"
SCOPES = ("same seat", "same state", "elsewhere")
PRECEDENT_COLUMNS = [Column(k, k, number=k in ("year", "closeness", "winner_votes",
                                               "beaten_votes")) for k in (
    "scope", "election", "constituency", "state", "winner", "winner_party", "winner_votes",
    "beaten", "beaten_party", "beaten_votes", "closeness", "shared", "description")]


def precedents(conn: Connection, constituency: str, election: str, limit: int = 10) -> dict:
    """The pattern of one contest and the earlier contests that share it, ranked, with the
    years the seat's data is missing. Raises NotFound for an unknown election or seat, or a
    contest without counts."""
    found = db.elections(conn, name=election)
    if not found:
        raise NotFound(f"no election {election!r} in the store", "E420")
    target_election = found[0]
    ref = find_contests(conn, constituency, election)[0]
    news = NewsFacts.load(conn)
    target = next((c for c in load_contests(conn, [target_election]) if c.id == ref.id), None)
    if target is None or target.winner is None:
        raise NotFound(f"{ref.constituency} has no counted result in {ref.election}", "E421")
    mine = describe(target, election_rebels(conn, target_election, [target], news))
    seat = [x for x in db.same_seat(conn, target.constituency_id)
            if not x["state"] or not target.state
            or state_family(x["state"]) == state_family(target.state)]
    seat_ids = {x["id"] for x in seat}
    earlier = [e for e in db.elections(conn, house=target_election["house"], general=True)
               if e["year"] < target_election["year"]]
    candidates = []
    for one in earlier:
        contests = [c for c in load_contests(conn, [one]) if _may_qualify(c, news)]
        if not contests:
            continue
        rebels = election_rebels(conn, one, contests, news)
        for contest in contests:
            pattern = describe(contest, [r for r in rebels
                                         if r["constituency"] == contest.constituency])
            if pattern["features"] & {INDEPENDENT, REBEL}:
                candidates.append(_ranked(pattern, contest, mine, target, seat_ids))
    candidates.sort(key=lambda p: (SCOPES.index(p["scope"]), -p["closeness"],
                                   -p["year"], p["constituency"]))
    out = {"contest": _public(mine), "precedents": [_public(p) for p in candidates[:limit]],
           "found": len(candidates),
           "missing": missing_years(conn, target_election, seat_ids, ref.constituency,
                                      target.state)}
    return attach_evidence(conn, out)


def _may_qualify(contest: Contest, news: NewsFacts) -> bool:
    """Could the winner be an independent or a rebel? (Rebels standing for a party need a
    membership in the news.)"""
    w = contest.winner
    return w is not None and (w.independent or w.person_id in news.tied)


def describe(contest: Contest, rebels: list[dict]) -> dict:
    """A contest's pattern: the winner, whom they beat, the features, and the evidence."""
    w = contest.winner
    assert w is not None
    rebel = next((r for r in rebels if r["candidate"] == w.name and r["won"]), None)
    features = {INDEPENDENT} if w.independent else set()
    beaten = next((c for c in contest.candidates if c.rank == 2), None)
    beaten_line = _line(beaten)
    if rebel is not None:
        features.add(REBEL)
        top = min(rebel["against"], key=lambda a: a["rank"] or 10**6)
        beaten_line = top
        if top["alliances"]:
            features.add(ALLIANCE)
            if not same_party(top["party"], rebel["tie"]["party"]):
                features.add(PARTNERS)
        if "the party's own candidate" in top["basis"]:
            features.add(OWN_PARTY)
    text = f"{w.name} ({w.party}) beat "
    text += f"{beaten_line['candidate']} ({beaten_line['party']})" if beaten_line else "nobody"
    if rebel is not None:
        tie = rebel["tie"]
        text += f"; the winner is a rebel of {tie['party']} ({_tie_text(tie)})"
        if beaten_line and beaten_line.get("alliances"):
            text += f", the loser the candidate of the {', '.join(beaten_line['alliances'])}"
    return {"election": contest.election["name"], "year": contest.election["year"],
            "constituency": contest.constituency, "state": contest.state,
            "winner": w.name, "winner_party": w.party, "winner_votes": w.votes,
            "winner_evidence": w.line()["evidence"],
            "beaten": beaten_line["candidate"] if beaten_line else None,
            "beaten_party": beaten_line["party"] if beaten_line else None,
            "beaten_votes": beaten_line["votes"] if beaten_line else None,
            "beaten_evidence": beaten_line["evidence"] if beaten_line else [],
            "beaten_alliances": beaten_line.get("alliances", []) if beaten_line else [],
            "alliance_evidence": beaten_line.get("alliance_evidence", []) if beaten_line
            else [],
            "seat_evidence": beaten_line.get("seat_evidence", []) if beaten_line else [],
            "tie": rebel["tie"] if rebel else None, "features": features,
            "description": text, "constituency_id": contest.constituency_id}


def _tie_text(tie: dict) -> str:
    if tie["basis"] == "ballot":
        return f"stood for it in {tie['election']}"
    return f"news: {tie['status'] or 'member'}"


def _line(cand: Candidate | None) -> dict | None:
    return cand.line() if cand is not None else None


def _ranked(pattern: dict, contest: Contest, mine: dict, target: Contest,
            seat_ids: set[int]) -> dict:
    shared = pattern["features"] & mine["features"]
    if contest.constituency_id in seat_ids:
        scope = "same seat"
    elif contest.state and target.state and state_family(contest.state) == state_family(
            target.state):
        scope = "same state"
    else:
        scope = "elsewhere"
    return {**pattern, "scope": scope, "shared": shared, "closeness": len(shared)}


def _public(pattern: dict) -> dict:
    """A pattern as the answer shows it: features as sorted lists, no internal ids."""
    out = {k: v for k, v in pattern.items() if k != "constituency_id"}
    for k in ("features", "shared"):
        if k in out:
            out[k] = sorted(out[k])
    return out


def missing_years(conn: Connection, election: dict, seat_ids: set[int], name: str,
                  state: str | None) -> list[dict]:
    """General elections of the house between the seat's first stored contest and this
    election in which the seat has no contest stored, among those held in full in the store
    or with contests of the seat's state: each with what the store has instead."""
    stored = {x["election_id"] for x in db.seat_contests(conn, seat_ids)}
    general = [e for e in db.elections(conn, house=election["house"],
                                       region=election["region"]
                                       if election["house"] != LOK_SABHA else None,
                                       general=True)
               if e["year"] < election["year"]]
    states = db.election_states(conn, [e["id"] for e in general])
    first = min((e["year"] for e in general if e["id"] in stored), default=election["year"])
    out = []
    for e in general:
        if e["year"] < first or e["id"] in stored:
            continue
        here = bool(state) and any(state_family(x) == state_family(state)
                                   for x in states.get(e["id"], ()))
        if here:
            note = (f"no contest of {name} is stored for {e['name']}, though other seats of "
                    f"{state} are: this seat's data is missing")
        elif is_full(e):
            note = (f"no contest of {name}, nor of any other seat of its state, is stored for "
                    f"{e['name']}: no poll was held there, or the data is missing")
        else:
            continue
        out.append({"election": e["name"], "year": e["year"], "note": note})
    return out


def is_full(election: dict) -> bool:
    """Does the store hold at least half the contests of this general election?"""
    total = seats(ElectionName.parse(election["name"]))
    return bool(total) and election["contests"] >= total / 2


def flat(precedent: dict) -> dict:
    """A precedent as a flat row for a narrow table: winner and loser with short party
    names (the alliance in brackets), how alike, and the rebel's tie in short."""
    tie = precedent["tie"]
    alliances = dict.fromkeys(short_name(a) for a in precedent["beaten_alliances"])
    beaten = precedent["beaten"] and (
        f"{precedent['beaten']} ({short_name(precedent['beaten_party'])}"
        + (f", {', '.join(alliances)})" if alliances else ")"))
    return {**precedent,
            "winner_short": f"{precedent['winner']} ({short_name(precedent['winner_party'])}"
                            + (f"; {short_name(tie['party'])} rebel)" if tie else ")"),
            "beaten_short": beaten}
