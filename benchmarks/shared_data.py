"""The shared data files (``../shared/data``): which ``--election`` and format each needs, the
source rows known to be bad, and a helper that imports them all into a store in a given order.
Used by ``read_all.py``, ``import_all.py`` and the integration test
``tests/test_shared_data.py``."""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT = Path(os.environ.get("CHUNAV_SHARED_DATA")
               or Path(__file__).resolve().parent.parent.parent / "shared" / "data")

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




def import_all(store, data: Path = DEFAULT, order: list[str] | None = None,  # noqa: ANN001
               progress=None) -> list:  # noqa: ANN001
    """Import every shared file (in ``order``, by default the table's) into ``store``; returns
    the ImportReports."""
    from chunav.build import import_results

    reports = []
    for name in order or list(FILES):
        election, _ = FILES[name]
        reports.append(import_results(store, data / name, election=election))
        if progress:
            progress(reports[-1])
    return reports
