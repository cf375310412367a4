from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chunav.analyse.results import ContestResult, Line, rank_contest


def contest(*votes, nota=None, electors=None):
    lines = [Line(f"C{i}", "P", v) for i, v in enumerate(votes)]
    if nota is not None:
        lines.append(Line("NOTA", "None of the Above", nota, nota=True))
    return rank_contest(ContestResult("Lok Sabha 2024", "X", None, electors=electors,
                                      lines=lines))


def test_rank_share_margin_and_turnout():
    r = contest(100, 300, 200, nota=400, electors=2000)
    assert [(line.candidate, line.rank) for line in r.lines] == [
        ("C1", 1), ("C2", 2), ("C0", 3), ("NOTA", None)]
    assert r.winner.candidate == "C1" and r.margin == 100
    assert r.total_votes == 1000 and r.margin_pct == 10.0
    assert [line.share for line in r.lines] == [30.0, 20.0, 10.0, 40.0]
    assert r.turnout_pct == 50.0  # NOTA votes count toward turnout


def test_nota_never_wins_even_when_it_tops_the_count():
    r = contest(10, 5, nota=50)
    assert r.winner.candidate == "C0" and r.margin == 5


def test_a_tie_for_first_leaves_no_winner_and_shares_the_rank():
    r = contest(500, 500, 20)
    assert [line.rank for line in r.lines] == [1, 1, 3]
    assert r.winner is None and r.margin is None


def test_a_single_candidate_has_no_margin():
    r = contest(900)
    assert r.winner.candidate == "C0" and r.margin is None


def test_uncontested_winner_has_no_numbers():
    lines = [Line("A", "BJP", None, status="uncontested")]
    r = rank_contest(ContestResult("Lok Sabha 2024", "Surat", None, lines=lines))
    assert r.uncontested and r.winner.candidate == "A" and r.total_votes is None


@given(st.lists(st.integers(min_value=0, max_value=10**7), min_size=1, max_size=30),
       st.integers(min_value=0, max_value=10**5))
def test_derived_numbers_are_consistent(votes, nota):
    r = contest(*votes, nota=nota)
    total = sum(votes) + nota
    assert r.total_votes == total
    if total:
        assert abs(sum(line.share for line in r.lines) - 100) < 0.01 * len(r.lines) + 0.01
    ranks = [line.rank for line in r.lines if not line.nota]
    assert ranks == sorted(ranks) and ranks[0] == 1
    ordered = [line.votes for line in r.lines if not line.nota]
    assert ordered == sorted(votes, reverse=True)
    if r.winner is not None and r.margin is not None:
        assert r.margin == ordered[0] - ordered[1] >= 0
    if len(votes) > 1 and ordered[0] > ordered[1]:
        assert r.winner is not None
