"""Derived numbers of one contest: rank, vote share, winner's margin, turnout.

Computed when asked, never stored, so a new source or a correction can never leave a stale
rank behind. Shares are of all valid votes, NOTA included (as ECI and TCPD compute them);
NOTA gets a share but no rank, and the margin is between the first two candidates.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from sqlalchemy import Connection

from chunav.output import Column
from chunav.store import queries as q


@dataclass
class Line:
    """One candidate (or NOTA) in a contest."""

    candidate: str
    party: str
    votes: int | None
    evm_votes: int | None = None
    postal_votes: int | None = None
    status: str = "contested"
    nota: bool = False
    person_id: int | None = None
    disputed: bool = False  # sources disagree on this candidate's count
    rank: int | None = None
    share: float | None = None
    winner: bool = False


@dataclass
class ContestResult:
    """A contest's table with its derived numbers."""

    election: str
    constituency: str
    state: str | None
    poll_no: int = 0
    electors: int | None = None
    lines: list[Line] = field(default_factory=list)
    total_votes: int | None = None
    margin: int | None = None
    margin_pct: float | None = None
    turnout_pct: float | None = None
    uncontested: bool = False
    partial: bool = False  # only some candidates are listed: no shares, totals or turnout
    seat_no: int | None = None  # the seat's number at this election
    parent: str | None = None  # an assembly seat's Lok Sabha seat

    @property
    def winner(self) -> Line | None:
        return next((line for line in self.lines if line.winner), None)

    def to_dict(self) -> dict:
        out = asdict(self)
        out["winner"] = self.winner.candidate if self.winner else None
        return out


def rank_contest(result: ContestResult) -> ContestResult:
    """Fill in rank, share, winner, margin and turnout; lines come back in rank order.

    Equal votes share a rank ("1, 1, 3"); a tie for first leaves no winner, since the
    returning officer's draw of lots is not in the numbers.
    """
    lines = result.lines
    people = [line for line in lines if not line.nota]
    uncontested = [line for line in people if line.status == "uncontested"]
    if uncontested:
        result.uncontested = True
        for line in uncontested:
            line.rank, line.winner = 1, len(uncontested) == 1
        result.lines = uncontested + [line for line in lines if line.status != "uncontested"]
        return result
    counted = [line for line in lines if line.votes is not None]
    # a partial listing (winner and runner-up) still ranks and gives the margin, but its sum
    # is not the valid votes: no shares, no turnout
    total = None if result.partial else sum(line.votes for line in counted)  # type: ignore[misc]
    result.total_votes = total
    for line in counted:
        line.share = round(100 * line.votes / total, 2) if total else None  # type: ignore[operator]
    ranked = sorted((line for line in people if line.votes is not None),
                    key=lambda line: -line.votes)  # type: ignore[operator]
    for i, line in enumerate(ranked):
        same = i and line.votes == ranked[i - 1].votes
        line.rank = ranked[i - 1].rank if same else i + 1
    if ranked and not (len(ranked) > 1 and ranked[1].rank == 1):
        ranked[0].winner = True
        if len(ranked) > 1:
            result.margin = ranked[0].votes - ranked[1].votes  # type: ignore[operator]
            result.margin_pct = round(100 * result.margin / total, 2) if total else None
    if result.electors and total:
        result.turnout_pct = round(100 * total / result.electors, 2)
    placed = {id(line) for line in ranked}
    rest = [line for line in lines if id(line) not in placed]
    result.lines = ranked + sorted(rest, key=lambda line: (not line.nota, line.candidate))
    return result


def contest_result(conn: Connection, ref: q.ContestRef) -> ContestResult:
    """A stored contest's table with rank, share, margin and turnout computed."""
    lines, electors, partial = q.contest_counts(conn, ref)
    return rank_contest(ContestResult(election=ref.election, constituency=ref.constituency,
                                      state=ref.state, poll_no=ref.poll_no, electors=electors,
                                      lines=[Line(**line) for line in lines], partial=partial,
                                      seat_no=ref.seat_no, parent=ref.parent))


def constituency_results(conn: Connection, constituency: str, election: str | None = None,
                         state: str | None = None,
                         constituency_id: int | None = None) -> list[ContestResult]:
    """Every stored contest of a constituency (by any spelling, or by id), newest first, each
    ranked: what ``chunav results`` prints and the API serves. Raises NotFound."""
    return [contest_result(conn, ref) for ref in q.find_contests(
        conn, constituency, election, state, constituency_id=constituency_id)]


RESULT_LINE_FIELDS = ("rank", "candidate", "party", "evm_votes", "postal_votes", "votes",
                      "share", "winner", "disputed")
RESULT_COLUMNS = [Column(k, k, number=k in ("rank", "evm_votes", "postal_votes", "votes",
                                             "share"))
                  for k in ("election", "constituency", "state", *RESULT_LINE_FIELDS)]


def result_rows(results: list[ContestResult]) -> list[dict]:
    """The contests' lines as flat rows (one per candidate, with the contest's election,
    constituency and state), for CSV (:data:`RESULT_COLUMNS`)."""
    return [dict(election=r.election, constituency=r.constituency, state=r.state,
                 **{k: getattr(line, k) for k in RESULT_LINE_FIELDS})
            for r in results for line in r.lines]


HISTORY_COLUMNS = [Column("election", "Election"), Column("state", "State"),
                   Column("winner", "Winner"), Column("party", "Party"),
                   Column("votes", "Votes", number=True), Column("share", "Share", number=True),
                   Column("runner_up", "Runner-up"), Column("runner_up_party", "Its party"),
                   Column("margin", "Margin", number=True),
                   Column("margin_pct", "Margin %", number=True),
                   Column("turnout_pct", "Turnout %", number=True),
                   Column("candidates", "Candidates", number=True)]


def history(results: list[ContestResult]) -> list[dict]:
    """A seat across elections, one row per contest (as given: newest first): the winner and
    runner-up with their parties, the winner's votes and share, margin, turnout and the
    number of candidates (:data:`HISTORY_COLUMNS`)."""
    out = []
    for r in results:
        people = [line for line in r.lines if not line.nota]
        first = r.winner
        second = next((line for line in people if line.rank == 2), None)
        out.append({"election": r.election + (" (by-election)" if r.poll_no else ""),
                    "state": r.state, "constituency": r.constituency,
                    "winner": first.candidate if first else None,
                    "winner_person_id": first.person_id if first else None,
                    "party": first.party if first else None,
                    "votes": first.votes if first else None,
                    "share": first.share if first else None,
                    "runner_up": second.candidate if second else None,
                    "runner_up_party": second.party if second else None,
                    "margin": r.margin, "margin_pct": r.margin_pct,
                    "turnout_pct": r.turnout_pct, "candidates": len(people),
                    "uncontested": r.uncontested})
    return out
