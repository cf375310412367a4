"""The demo: build a store from the bundled example data and show what it can answer."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from rich.console import Console

from chunav.analyse.conflicts import conflicts
from chunav.analyse.results import contest_result
from chunav.build import import_results
from chunav.output import Column, render_table
from chunav.store import Store, open_store
from chunav.store import queries as q


def example_results_path() -> str:
    """Path of the bundled example results file."""
    return str(resources.files("chunav").joinpath("examples", "results.csv"))


def example_articles_path() -> str:
    """Folder of the bundled example news reports."""
    return str(resources.files("chunav").joinpath("examples", "articles"))


def run_demo(path: str | Path, console: Console) -> None:
    """Build a fresh store at ``path`` (a SQLite file of the demo's own: the invented example
    data never mixes with a real store) and print a few answers."""

    path = Path(path)
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    store = open_store(str(path))
    try:
        _show(store, console)
    finally:
        store.close()
    console.print(f"\nThe demo's store is [bold]{path}[/bold] (made afresh; your own store is "
                  "untouched).\nTry: chunav --db {0} results Ladakh --election \"Lok Sabha "
                  "2024\"   chunav --db {0} person Haneefa   chunav --db {0} precedents Ladakh "
                  "--election \"Lok Sabha 2024\"   chunav --db {0} serve".format(path))


def _show(store: Store, console: Console) -> None:
    from chunav.build import ingest_articles

    report = import_results(store, example_results_path())
    console.print(f"[bold]Imported[/bold] {report.summary()}")
    news = ingest_articles(store, [example_articles_path()])
    console.print(f"[bold]Read the news:[/bold] {news.summary()}")
    console.print(f"Store: {store.url}\n")
    with store.connect() as conn:
        history = [contest_result(conn, ref) for ref in q.find_contests(conn, "Ladakh")]
        surat = contest_result(conn, q.find_contests(conn, "Surat")[0])
    rows = [[r.election, r.state or "", r.lines[0].candidate, r.lines[0].party,
             f"{r.lines[0].votes:,}", f"{r.lines[1].candidate} ({r.lines[1].party})",
             f"{r.margin:,} ({r.margin_pct:.2f}%)"] for r in history]
    _table(console, "Ladakh: who won, by how much", ["Election", "State", "Winner", "Party",
                                                     "Votes#", "Runner-up", "Margin#"], rows)
    closest = min(history, key=lambda r: r.margin or 0)
    console.print(f"\nClosest: {closest.election}, won by {closest.margin:,} votes.")
    if surat.winner:
        console.print(f"{surat.constituency} ({surat.election}): {surat.winner.candidate}, "
                      f"{surat.winner.party}, elected uncontested.")
    with store.connect() as conn:
        events = q.events(conn)
        found = conflicts(conn)
    console.print()
    _table(console, "What the news says", ["Date", "Event", "Who", "Whom / what", "Source"],
           [[e["date"] or "", e["type"], ", ".join(e["actors"]), ", ".join(e["targets"]),
             e["source"].rsplit("/", 1)[-1]] for e in events])
    for c in found["explained"] + found["disputed"]:
        why = c.explanation["text"] if c.explanation else "not explained by the data"
        console.print(f"[bold]Sources disagree[/bold] on {c.subject} in {c.constituency} "
                      f"({c.election}): {c.value:,} against the official {c.reference:,}: {why}")
    _story(store, console)


def _table(console: Console, title: str, headings: list[str], rows: list[list[str]]) -> None:
    """A table drawn as every chunav table is (``render_table``); a heading ending in "#" is a
    number's (right-aligned, never broken)."""
    columns = [Column(h, h.rstrip("#"), number=h.endswith("#")) for h in headings]
    console.print(render_table(columns, rows, width=console.width, title=title), end="",
                  markup=False, highlight=False)


def _story(store: Store, console: Console) -> None:
    """The story's answers for Ladakh 2024: is the winner a rebel, and has the seat seen this
    before?"""
    from chunav.analyse.precedents import precedents
    from chunav.analyse.rebels import rebels

    with store.connect() as conn:
        found = [r for r in rebels(conn, "Lok Sabha 2024") if r["constituency"] == "Ladakh"]
        before = precedents(conn, "Ladakh", "Lok Sabha 2024")
    for r in found:
        against = ", ".join(f"{a['candidate']} ({a['party']})" for a in r["against"])
        console.print(f"\n[bold]A rebel?[/bold] {r['candidate']} ({r['party']}) is a "
                      f"{r['tie']['status'] or 'member'} of the {r['tie']['party']} ("
                      f"{'the news says so' if r['tie']['basis'] == 'news' else 'its ballot'}) "
                      f"and beat {against}, the alliance's candidate.")
    for p in before["precedents"][:1]:
        console.print(f"[bold]Seen before?[/bold] {p['election']}: {p['winner']} "
                      f"({p['winner_party']}) beat {p['beaten']} ({p['beaten_party']}) in "
                      f"{p['constituency']}.")

