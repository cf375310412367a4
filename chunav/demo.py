"""The demo: build a store from the bundled example data and show what it can answer."""

from __future__ import annotations

from importlib import resources

from rich.console import Console
from rich.table import Table

from chunav.ingest import import_results
from chunav.store import Store
from chunav.store import queries as q


def example_results_path() -> str:
    """Path of the bundled example results file."""
    return str(resources.files("chunav").joinpath("examples", "results.csv"))


def run_demo(store: Store, console: Console) -> None:
    """Import the example results into ``store`` and print a few answers."""
    report = import_results(store, example_results_path())
    console.print(f"[bold]Imported[/bold] {report.summary()}")
    console.print(f"Store: {store.url}\n")
    with store.connect() as conn:
        history = [q.contest_result(conn, ref) for ref in q.find_contests(conn, "Ladakh")]
        surat = q.contest_result(conn, q.find_contests(conn, "Surat")[0])
    table = Table("Election", "State", "Winner", "Party", "Votes", "Runner-up", "Margin",
                  title="Ladakh: who won, by how much", title_justify="left")
    for r in history:
        winner, second = r.lines[0], r.lines[1]
        table.add_row(r.election, r.state or "", winner.candidate, winner.party,
                      f"{winner.votes:,}", f"{second.candidate} ({second.party})",
                      f"{r.margin:,} ({r.margin_pct:.2f}%)")
    console.print(table)
    closest = min(history, key=lambda r: r.margin or 0)
    console.print(f"\nClosest: {closest.election}, won by {closest.margin:,} votes.")
    if surat.winner:
        console.print(f"{surat.constituency} ({surat.election}): {surat.winner.candidate}, "
                      f"{surat.winner.party}, elected uncontested.")
    console.print("\nTry: chunav results Ladakh --election \"Lok Sabha 2024\"   "
                  "chunav results Ladakh --json   chunav stats")
