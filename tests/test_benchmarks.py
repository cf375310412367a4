"""The resolver's measurement scripts run on a small file in TCPD's layout and count what
they say they count (the real file is measured by hand: README, Benchmarks)."""

from __future__ import annotations

import csv
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))

import resolve_ceiling  # noqa: E402
import resolve_tcpd  # noqa: E402

HEADER = ("State_Name,Assembly_No,Constituency_No,Year,month,Poll_No,DelimID,Position,Candidate,"
          "Sex,Party,Votes,Candidate_Type,Valid_Votes,Electors,Constituency_Name,"
          "Constituency_Type,Sub_Region,N_Cand,Turnout_Percentage,Vote_Share_Percentage,"
          "Deposit_Lost,Margin,Margin_Percentage,ENOP,pid,Party_Type_TCPD,Party_ID,last_poll,"
          "Contested,Last_Party,Last_Party_ID,Last_Constituency_Name,Same_Constituency,"
          "Same_Party,No_Terms,Turncoat,Incumbent,Recontest,MyNeta_education,TCPD_Prof_Main,"
          "TCPD_Prof_Main_Desc,TCPD_Prof_Second,TCPD_Prof_Second_Desc,Election_Type").split(",")

# (year, position, candidate, party, vote share, candidate type, pid): one seat, invented
# people. The 2014 record of the first is given a pid of its own, as the reference sometimes
# does; his 1999 record has a Candidate_Type because he stands again after 2004.
ROWS = [
    (1999, 1, "RAKESH TOMAR", "INC", 41.2, "GEN", "A"),
    (1999, 2, "HARPAL SAINI", "BSP", 30.5, "", "D"),
    (2004, 1, "RAKESH TOMAR", "INC", 39.9, "GEN", "A"),
    (2009, 1, "RAKESH TOMAR", "INC", 44.0, "GEN", "A"),
    (2009, 2, "SUNITA RAWAT", "BJP", 35.1, "GEN", "C"),
    (2014, 2, "Rakesh Tomar", "INC", 31.7, "GEN", "B"),
    (2014, 1, "SUNITA RAWAT", "BJP", 48.3, "GEN", "C"),
    (2014, 3, "NONE OF THE ABOVE", "NOTA", 0.6, "", ""),
]


def _file(tmp_path: Path) -> Path:
    path = tmp_path / "tcpd.csv"
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, HEADER, restval="")
        writer.writeheader()
        for year, position, name, party, share, kind, pid in ROWS:
            writer.writerow({"State_Name": "Uttar_Pradesh", "Constituency_No": "7",
                             "Year": year, "Poll_No": "0", "Position": position,
                             "Candidate": name, "Sex": "M" if name != "SUNITA RAWAT" else "F",
                             "Party": party, "Vote_Share_Percentage": share,
                             "Deposit_Lost": "no", "Candidate_Type": kind, "pid": pid,
                             "Constituency_Name": "MEERUT", "Recontest": "TRUE"})
    return path


def test_the_resolver_never_sees_pid_or_what_is_filled_from_it(tmp_path):
    records, truth = resolve_tcpd.load(str(_file(tmp_path)))
    assert len(records) == 7  # NOTA left out
    assert {"pid", "Recontest", "Candidate_Type"} <= resolve_tcpd.HIDDEN
    assert sorted(truth.values()) == ["A", "A", "A", "B", "C", "C", "D"]
    m = resolve_tcpd.score({r.id: 0 for r in records}, truth)  # all one person
    assert (m["positives"], m["predicted"], m["true_pos"]) == (4, 21, 4)


def test_the_ceiling_counts_the_references_splits_the_leak_and_the_candidates(
        tmp_path, capsys):
    assert resolve_ceiling.main([str(_file(tmp_path)), "--thresholds", "8.5"]) == 0
    out = capsys.readouterr().out
    # Rakesh Tomar, INC: 1999-2004, 1999-2009, 2004-2009, 2004-2014, 2009-2014 (1999-2014 is
    # 15 years); Sunita Rawat, BJP: 2009-2014. The two pairs with 2014 carry two pids.
    assert "(one name, seat and party, <= 10 years): 6, with two pids 2 (33.3%)" in out
    assert "filled on 1 rows of people who stand again after 2004, on 0 of" in out
    assert "hold 4 of 4 true pairs (1.000)" in out and "recall 1.000" in out
    assert "threshold   8.5: P " in out
