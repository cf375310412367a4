"""Read every shared data file with the election (and format) it needs, and print per file the
format recognised, the records read, the errors, and whether the source is partial.

    python benchmarks/read_all.py [SHARED_DATA_DIR] [--errors N]

SHARED_DATA_DIR defaults to ../shared/data beside the repository; its ``assembly/`` folder is
read too. The table below is the one place that says which ``--election`` each file needs:
the format is recognised from the columns (no file needs ``--format``). Exit status 1 when a
listed file is missing, a file is not listed, or any file has errors beyond ``KNOWN_BAD``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from pathlib import Path

from chunav.ingest.results import read_results

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data"

# file -> (--election or None when the file names its own elections, expected format)
FILES: dict[str, tuple[str | None, str]] = {
    "ls2024_results.csv": ("Lok Sabha 2024", "eci-web"),
    "tcpd_lok_sabha_1962_2021_all_states.csv": (None, "tcpd"),
    "eci_ls2009_detailed_results_parsed.csv": (None, "eci-report"),
    "eci_ls2014_detailed_results_parsed.csv": (None, "eci-report"),
    "ls2014_eci_candidate_wise_datameet.csv": ("Lok Sabha 2014", "datameet"),
    "ls2014_pc_wise_turnout_datameet.csv": ("Lok Sabha 2014", "turnout-pc"),
    "ls2019_major_candidates_LS_2.0.csv": ("Lok Sabha 2019", "kaggle-ls2019"),
    "ls2019_eci_constituency_wise_detailed_results.csv": ("Lok Sabha 2019", "eci-ls-detailed"),
    "ls2024_pc_attributes_phase_dates.csv": ("Lok Sabha 2024", "schedule-pc"),
    "ac_pc_master_2008_delimitation_datameet.csv": (None, "seats-master"),
    "assembly/ae2013_karnataka_opencity_detailed_results.csv":
        ("Karnataka Assembly 2013", "opencity-ae"),
    "assembly/ae2018_karnataka_eci_detailed_results.csv":
        ("Karnataka Assembly 2018", "eci-ae-flat"),
    "assembly/ae2019_maharashtra_tcpd_lokdhaba.csv": (None, "tcpd-ae"),
    "assembly/ae2020_delhi_eci_detailed_results.csv": ("Delhi Assembly 2020", "eci-ae-detailed"),
    "assembly/ae2021_kerala_eci_results_site_mantlecurve.csv":
        ("Kerala Assembly 2021", "eci-site-fill"),
    "assembly/ae2021_tamil_nadu_eci_detailed_results.csv":
        ("Tamil Nadu Assembly 2021", "eci-ae-nostate"),
    "assembly/ae2021_west_bengal_winners_runnerups_notoriouskapil.csv":
        (None, "winner-runnerup"),
    "assembly/ae2022_punjab_eci_detailed_results.csv": ("Punjab Assembly 2022", "eci-ae-detailed"),
    "assembly/ae2022_uttar_pradesh_eci_detailed_results.csv":
        ("Uttar Pradesh Assembly 2022", "eci-ae-detailed"),
    "assembly/ae2023_karnataka_eci_detailed_results.csv":
        ("Karnataka Assembly 2023", "eci-ae-detailed"),
    "assembly/ae2023_chhattisgarh_eci_results_site.csv":
        ("Chhattisgarh Assembly 2023", "eci-site-pages"),
    "assembly/ae2023_madhya_pradesh_eci_results_site.csv":
        ("Madhya Pradesh Assembly 2023", "eci-site-pages"),
    "assembly/ae2023_mizoram_eci_results_site.csv":
        ("Mizoram Assembly 2023", "eci-site-pages"),
    "assembly/ae2023_rajasthan_eci_results_site.csv":
        ("Rajasthan Assembly 2023", "eci-site-pages"),
    "assembly/ae2023_telangana_eci_results_site.csv":
        ("Telangana Assembly 2023", "eci-site-pages"),
    **{f"assembly/{name}": (None, "eci-site-ae") for name in (
        "ae2022_goa_eci_results_site.csv", "ae2023_meghalaya_eci_results_site.csv",
        "ae2023_tripura_eci_results_site.csv", "ae2024_haryana_eci_results_site.csv",
        "ae2024_jammu_kashmir_eci_results_site.csv", "ae2024_jharkhand_eci_results_site.csv",
        "ae2024_maharashtra_eci_results_site.csv", "ae2025_bihar_eci_results_site.csv",
        "ae2025_delhi_eci_results_site.csv", "ae2026_assam_eci_results_site.csv",
        "ae2026_kerala_eci_results_site.csv", "ae2026_puducherry_eci_results_site.csv",
        "ae2026_tamil_nadu_eci_results_site.csv", "ae2026_west_bengal_eci_results_site.csv")},
}
# genuinely bad source rows, reported as coded row errors: (file, line, code). TCPD's four 1995
# by-election rows with no Votes (and a state that does not hold the constituency: Bihar and
# Maharashtra rows for AMBALA) are broken in the source.
KNOWN_BAD: set[tuple[str, int, str]] = {
    ("tcpd_lok_sabha_1962_2021_all_states.csv", line, "E123")
    for line in (64843, 64844, 64845, 64846)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--errors", type=int, default=5, help="errors to show per file")
    args = parser.parse_args()
    found = {p.relative_to(args.data).as_posix()
             for p in [*args.data.glob("*.csv"), *args.data.glob("assembly/*.csv")]}
    status = 0
    for name in sorted(found - FILES.keys()):
        print(f"NOT LISTED {name}")
        status = 1
    print(f"{'file':<62} {'format':<23} {'election':<28} {'kind':<8} {'rows':>6} "
          f"{'err':>4} {'skip':>5} partial")
    totals: Counter[str] = Counter()
    start = time.perf_counter()
    for name, (election, expected) in FILES.items():
        path = args.data / name
        if not path.exists():
            print(f"MISSING {name}")
            status = 1
            continue
        read = read_results(path, election=election)
        unexpected = [e for e in read.errors if (name, e.line, e.code) not in KNOWN_BAD]
        mark = "" if read.format == expected else f"  (expected {expected})"
        print(f"{name:<62} {read.format or '-':<23} {election or '(in file)':<28} "
              f"{read.kind:<8} {len(read.rows):>6} {len(read.errors):>4} {read.skipped:>5} "
              f"{'yes' if read.partial else 'no'}{mark}")
        for error in read.errors[:args.errors]:
            print(f"    {error}")
        totals["rows"] += len(read.rows)
        totals["errors"] += len(read.errors)
        if unexpected or mark:
            status = 1
    print(f"{len(FILES)} files, {totals['rows']} records, {totals['errors']} errors, "
          f"{time.perf_counter() - start:.1f} s")
    return status


if __name__ == "__main__":
    sys.exit(main())
