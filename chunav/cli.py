"""The ``chunav`` command: a thin layer that parses options, calls the library, prints."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import TYPE_CHECKING, Any

import click

from chunav.errors import ChunavError, error_body, status_of

# Each command imports what it needs when it runs: `chunav --help` loads neither SQLAlchemy,
# rich nor spaCy, and only the commands that extract load spaCy.
if TYPE_CHECKING:
    from chunav.analyse.results import ContestResult
    from chunav.build import ImportReport
    from chunav.output import Column
    from chunav.store import Store

PROGRESS_MIN_BYTES = 200_000  # about 2,000 rows: smaller files finish before a bar is drawn


def handle_errors(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn a ChunavError into ``Error: ...`` (or the JSON error body with --json) and exit 1."""

    @wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except ChunavError as err:
            if kwargs.get("as_json") or kwargs.get("fmt") == "json":
                click.echo(json.dumps(error_body(str(err), status=status_of(err))))
                sys.exit(1)
            raise click.ClickException(str(err)) from err

    return wrapper


class Context:
    def __init__(self, db: str | None) -> None:
        self.db = db
        self._store: Store | None = None

    @property
    def store(self) -> Store:
        if self._store is None:
            from chunav.store import open_store

            self._store = open_store(self.db)
        return self._store


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", envvar="CHUNAV_DB", metavar="URL",
              help="Database URL or SQLite file path [env CHUNAV_DB; default ./chunav.db].")
@click.version_option(package_name="chunav")
@click.pass_context
def cli(ctx: click.Context, db: str | None) -> None:
    """chunav: an election knowledge base from news articles and official results."""
    ctx.obj = Context(db)


@contextmanager
def _bar(label: str, enabled: bool = True) -> Iterator[Callable[..., None] | None]:
    """A progress bar on stderr, fed (done, total, stage); None when not worth drawing."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)

        def update(done: int, total: int, stage: str = "") -> None:
            bar.update(task, completed=done, total=total, description=stage or label)

        yield update


def _width() -> int:
    """The terminal's width (COLUMNS wins), 80 when the output is piped."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def list_options(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--format table|csv|json, --json (its shorthand) and --indian, on every list command."""
    fn = click.option("--indian", is_flag=True,
                      help="Group numbers the Indian way (5,16,593).")(fn)
    fn = click.option("--json", "as_json", is_flag=True, help="Print JSON (= --format json).")(fn)
    return click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]),
                        default="table", show_default=True,
                        help="table (fits 80 columns), csv (to paste), or json.")(fn)


def emit(rows: list[dict], columns: list[Column], *, fmt: str, as_json: bool = False,
         indian: bool = False, title: str = "", key: str = "items",
         extra: dict | None = None) -> None:
    """Print a list: JSON (every field of every row, evidence included), CSV (the columns,
    numbers bare), or a table that wraps its text columns to fit the terminal (80 columns
    when piped) and never breaks a number."""
    if as_json or fmt == "json":
        click.echo(json.dumps({"ok": True, **(extra or {}), key: rows}, indent=2,
                              ensure_ascii=False, default=str))
        return
    from chunav.output import cell, render_table, to_csv

    if fmt == "csv":
        click.echo(to_csv(rows, columns), nl=False)
        return
    click.echo(render_table(columns, ([cell(row.get(c.key), c, indian) for c in columns]
                                      for row in rows), width=_width(), title=title), nl=False)


def _errors(errors: list, limit: int = 50) -> None:
    for err in errors[:limit]:
        click.echo(f"error: {err}", err=True)
    if len(errors) > limit:
        click.echo(f"... and {len(errors) - limit} more errors", err=True)


def _report(report: ImportReport) -> None:
    _errors(report.errors)
    click.echo(report.summary())


@cli.command("import-results")
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option("--election", metavar="NAME",
              help='Election the file holds, e.g. "Lok Sabha 2024"; for a file of many '
                   "elections, import only this one.")
@click.option("--format", "fmt", metavar="NAME|PATH",
              help="Column mapping to use (default: recognised from the columns); "
                   "see `chunav formats`.")
@pass_ctx
@handle_errors
def import_results_cmd(ctx: Context, files: tuple[str, ...], election: str | None,
                       fmt: str | None) -> None:
    """Import official candidate-level results FILES (CSV).

    Bad rows are reported with file, line and field and the rest are imported; the command
    then exits 1. Importing the same file again changes nothing.
    """
    from chunav.build import import_results

    failed = False
    for path in files:
        with _bar("importing", _large(path)) as progress:
            report = import_results(ctx.store, path, election=election, format=fmt,
                                    progress=progress)
        _report(report)
        failed |= not report.ok
    if failed:
        sys.exit(1)


def _large(path: str) -> bool:
    """Is a results file big enough for a progress bar to be worth drawing?"""
    try:
        return os.path.getsize(path) >= PROGRESS_MIN_BYTES
    except OSError:
        return False


@cli.command("results")
@click.argument("constituency")
@click.option("--election", metavar="NAME", help='e.g. "Lok Sabha 2024" (default: every one).')
@click.option("--state", metavar="NAME", help="Only this state's constituency of that name.")
@list_options
@pass_ctx
@handle_errors
def results_cmd(ctx: Context, constituency: str, election: str | None, state: str | None,
                fmt: str, as_json: bool, indian: bool) -> None:
    """A constituency's result: candidates, party, EVM, postal and total votes, share, rank,
    and the winner's margin. Newest election first."""
    from chunav.analyse.results import RESULT_COLUMNS, constituency_results, result_rows

    with ctx.store.connect() as conn:
        found = constituency_results(conn, constituency, election, state)
    if as_json or fmt == "json":
        emit([r.to_dict() for r in found], [], fmt="json", key="contests")
        return
    if fmt == "csv":
        emit(result_rows(found), RESULT_COLUMNS, fmt="csv")
        return
    for result in found:
        click.echo(_results_table(result, indian), nl=False)


def _fmt(n: int | float | None, pct: bool = False, indian: bool = False) -> str:
    from chunav.output import group

    if n is None:
        return "-"
    return f"{n:.2f}%" if pct else group(n, indian)


def _results_table(r: ContestResult, indian: bool = False) -> str:
    from chunav.output import Column, render_table

    number = f" ({r.seat_no})" if r.seat_no else ""
    where = f"{r.constituency}{number}" + (f", {r.state}" if r.state else "")
    where += f", in the Lok Sabha seat {r.parent}" if r.parent else ""
    bye = " (by-election)" if r.poll_no else ""
    columns = [Column("rank", "#", number=True), Column("candidate", "Candidate"),
               Column("party", "Party"), Column("evm", "EVM", number=True),
               Column("postal", "Postal", number=True), Column("votes", "Total", number=True),
               Column("share", "Share", number=True)]
    rows = []
    for line in r.lines:
        name = line.candidate + (" *" if line.disputed else "")
        if line.winner:
            name = f"{name} (winner{', uncontested' if r.uncontested else ''})"
        rows.append([str(line.rank or ""), name, line.party, _fmt(line.evm_votes, indian=indian),
                     _fmt(line.postal_votes, indian=indian), _fmt(line.votes, indian=indian),
                     _fmt(line.share, True)])
    notes = []
    if r.margin is not None and r.margin_pct is not None:
        notes.append(f"Margin: {_fmt(r.margin, indian=indian)} votes ({r.margin_pct:.2f}% of "
                     f"{_fmt(r.total_votes, indian=indian)})")
    elif r.margin is not None:
        notes.append(f"Margin: {_fmt(r.margin, indian=indian)} votes")
    if r.partial:
        notes.append("Only the leading candidates are listed (partial source): no shares or "
                     "turnout")
    if r.turnout_pct is not None:
        notes.append(f"Turnout: {r.turnout_pct:.2f}% of {_fmt(r.electors, indian=indian)} "
                     "electors")
    if any(line.disputed for line in r.lines):
        notes.append("* sources disagree on this count; the best-attested one is shown")
    return render_table(columns, rows, width=_width(), title=f"{where} - {r.election}{bye}",
                        caption="   ".join(notes))


@cli.command("stats")
@list_options
@pass_ctx
@handle_errors
def stats_cmd(ctx: Context, fmt: str, as_json: bool, indian: bool) -> None:
    """What the store holds: rows per table, and per election its contests against its seats
    (the CSV lists the elections)."""
    from chunav.output import Column
    from chunav.store import queries as q

    with ctx.store.connect() as conn:
        data = q.stats(conn)
    elections = [Column("election", "Election"), Column("contests", "Contests", number=True),
                 Column("seats", "Seats", number=True),
                 Column("candidacies", "Candidacies", number=True)]
    if fmt != "table" or as_json:
        emit(data["elections"], elections, fmt=fmt, as_json=as_json, key="elections",
             extra={"tables": data["tables"], "sources": data["sources"]})
        return
    click.echo(f"Store: {ctx.store.url}")
    emit([{"table": k, "rows": n} for k, n in data["tables"].items()],
         [Column("table", "Table"), Column("rows", "Rows", number=True)], fmt=fmt,
         indian=indian, title="Rows per table")
    if data["elections"]:
        emit(data["elections"], elections, fmt=fmt, indian=indian, title="Elections")
        for e in data["elections"]:
            if e["seats"] and e["contests"] > e["seats"]:
                click.echo(f"{e['election']}: {e['contests']} contests for {e['seats']} seats: "
                           "a seat stored under two names?")


@cli.command("facts")
@click.argument("articles", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--out", "out", required=True, type=click.Path(file_okay=False),
              help="Folder for NAME.jsonl, one per article file NAME.txt/.html/.jsonl.")
@click.option("--model", metavar="NAME", help="spaCy pipeline (default: from settings).")
@click.option("--use-store", is_flag=True,
              help="Also recognise the people, parties and seats the store holds.")
@pass_ctx
@handle_errors
def facts_cmd(ctx: Context, articles: tuple[str, ...], out: str, model: str | None,
              use_store: bool) -> None:
    """Extract facts from ARTICLES (files or folders) into OUT as SCHEMA.md JSON Lines.

    A bad article is reported and the others are still written; the command then exits 1.
    """
    from chunav.extract import Extractor, export_facts

    names = None
    if use_store:
        from chunav.store.queries import known_names

        with ctx.store.connect() as conn:
            names = known_names(conn)
    extractor = Extractor.from_settings(names, model)
    with _bar("extracting") as progress:
        report = export_facts(articles, out, extractor, progress)
    _errors(report.errors)
    for source, name in report.renamed:
        click.echo(f"note: {source} written as {name} (an earlier input has its name)", err=True)
    click.echo(f"{report.articles} articles from {report.files} files: {report.facts} facts "
               f"written to {out}; {len(report.errors)} bad")
    if report.errors:
        sys.exit(1)


@cli.command("build")
@click.argument("articles", nargs=-1, type=click.Path(exists=True))
@click.option("--results", "results", multiple=True, type=click.Path(dir_okay=False),
              help="Official results file to import first (repeatable).")
@click.option("--election", metavar="NAME", help="Election of the results files (see "
                                                 "import-results).")
@click.option("--model", metavar="NAME", help="spaCy pipeline (default: from settings).")
@click.option("--dask", "dask", is_flag=False, flag_value="local", default=None,
              metavar="[ADDRESS]",
              help="Extract on a Dask cluster: the scheduler at ADDRESS (tcp://host:8786), "
                   "or a local one when no address is given.")
@click.option("--workers", type=click.IntRange(1), metavar="N",
              help="Worker processes of the local Dask cluster [default: one per CPU].")
@pass_ctx
@handle_errors
def build_cmd(ctx: Context, articles: tuple[str, ...], results: tuple[str, ...],
              election: str | None, model: str | None, dask: str | None,
              workers: int | None) -> None:
    """Build the knowledge base: import RESULTS, then extract ARTICLES into the store, every
    fact with its article and sentence. Articles already stored are skipped.

    With --dask the articles are extracted on a Dask cluster and stored here: the store ends
    up as a build without it leaves it.
    """
    from chunav.build import import_results, ingest_articles
    from chunav.cluster import is_address

    if dask is not None and not is_address(dask):
        if not os.path.exists(dask):
            raise click.BadParameter(f"{dask!r} is not a scheduler address (tcp://host:8786)",
                                     param_hint="--dask")
        articles, dask = (dask, *articles), "local"  # `--dask ARTICLES`: a local cluster

    failed = False
    for path in results:
        with _bar("importing", _large(path)) as progress:
            report = import_results(ctx.store, path, election=election, progress=progress)
        _report(report)
        failed |= not report.ok
    if articles:
        with _bar("articles") as progress:
            done = ingest_articles(ctx.store, list(articles), model=model, progress=progress,
                                   dask=dask, workers=workers)
        _errors(done.errors)
        click.echo(done.summary())
        failed |= bool(done.errors)
    if failed:
        sys.exit(1)


@cli.command("events")
@click.option("--person", metavar="NAME", help="Only events naming this person.")
@click.option("--type", "type_", metavar="TYPE", help="MEET, SUPPORT, RESIGN, JOIN, WIN, ...")
@list_options
@pass_ctx
@handle_errors
def events_cmd(ctx: Context, person: str | None, type_: str | None, fmt: str, as_json: bool,
               indian: bool) -> None:
    """Events from the news: date, type, actors, targets and the sentence they come from."""
    from chunav.output import Column
    from chunav.store import queries as q

    with ctx.store.connect() as conn:
        found = q.events(conn, person=person, type=type_)
    columns = [Column("date", "Date"), Column("type", "Type"), Column("actors", "Actors"),
               Column("targets", "Targets"), Column("sentence", "Source sentence"),
               Column("source", "Source")]
    emit(found, columns, fmt=fmt, as_json=as_json, indian=indian, title="Events", key="events")


@cli.command("why-same")
@click.argument("a")
@click.argument("b")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@pass_ctx
@handle_errors
def why_same_cmd(ctx: Context, a: str, b: str, as_json: bool) -> None:
    """Are A and B one person? Why (or why not), from the reason stored with each spelling
    and the resolver's comparison of their records."""
    from chunav.analyse.people import why_same

    with ctx.store.connect() as conn:
        answer = why_same(conn, a, b)
    if as_json:
        click.echo(json.dumps({"ok": True, **answer}, indent=2, ensure_ascii=False))
        return
    if answer["same"]:
        card = answer["person"]
        click.echo(f"{a!r} and {b!r} are one person (#{card['id']}).")
        for x in answer["because"]:
            where = f" [{x['source']}]" if x["source"] else ""
            click.echo(f"  {x['name']}: {x['how'] or 'first name recorded'}{where}")
        click.echo("  Records: " + "; ".join(f"{r['election']}, {r['constituency']} "
                                             f"({r['ballot_name']})" for r in card["records"]))
        return
    first, second = answer["persons"]
    click.echo(f"{a!r} (#{first['id']}) and {b!r} (#{second['id']}) are not one person.")
    click.echo(f"  {answer['because']}")


@cli.command("resolve")
@click.option("--aliases", type=click.Path(dir_okay=False, exists=True), metavar="FILE",
              help="Your alias file ([[same]] / [[different]] names): it wins over the matcher "
                   "[default: ./chunav-aliases.toml when there is one].")
@pass_ctx
@handle_errors
def resolve_cmd(ctx: Context, aliases: str | None) -> None:
    """Decide who is who across every record in the store: the same person across elections
    and spellings is merged (old ids keep working), and an alias file corrects the matcher."""
    from chunav.build import link_people

    if aliases is None and os.path.exists("chunav-aliases.toml"):
        aliases = "chunav-aliases.toml"
    click.echo(link_people(ctx.store, aliases).summary())


@cli.command("formats")
def formats_cmd() -> None:
    """List the results file formats chunav recognises."""
    from chunav.ingest.formats import builtin_formats

    for fmt in builtin_formats().values():
        click.echo(f"{fmt.name:<16}{fmt.description}")


@cli.command("demo")
@click.option("--db", "demo_db", default="chunav-demo.db", show_default=True, metavar="PATH",
              help="The demo's own store, made afresh (never your --db store).")
@handle_errors
def demo_cmd(demo_db: str) -> None:
    """Build a store of its own from the bundled example results and news reports, and show
    what it can answer."""
    from rich.console import Console

    from chunav.demo import run_demo

    run_demo(demo_db, Console())


@cli.command("conflicts")
@click.option("--election", metavar="NAME", help='Only this election, e.g. "Lok Sabha 2024".')
@click.option("--only", type=click.Choice(["explained", "disputed", "unchecked"]),
              help="Only the differences the data explains, the real disagreements, or the "
                   "numbers the store cannot check.")
@list_options
@pass_ctx
@handle_errors
def conflicts_cmd(ctx: Context, election: str | None, only: str | None, fmt: str,
                  as_json: bool, indian: bool) -> None:
    """Numbers where sources disagree: vote counts and margins, each explained where the data
    can (postal votes left out, a rounded lakh figure, another election's or another
    candidate's count, transposed digits), real disagreements kept apart."""
    from chunav.analyse.conflicts import CONFLICT_COLUMNS, STATUS_TITLES, conflict_rows
    from chunav.output import Column

    with ctx.store.connect() as conn:
        groups = conflict_rows(conn, election, only)
    titles = STATUS_TITLES
    columns = [Column("contest", "Contest"), Column("subject", "Who"),
               Column("value", "Reported", number=True),
               Column("reference", "Official", number=True), Column("why", "Why")]
    if fmt != "table" or as_json:
        emit([row for rows in groups.values() for row in rows], CONFLICT_COLUMNS, fmt=fmt,
             as_json=as_json, key="conflicts",
             extra={"counts": {k: len(v) for k, v in groups.items()}})
        return
    for k, rows in groups.items():
        if rows:
            emit(rows, columns, fmt=fmt, indian=indian, title=f"{titles[k]} ({len(rows)})")
    if not any(groups.values()):
        click.echo("No numbers differ between sources.")


def _as_of_option(fn: Callable[..., Any]) -> Callable[..., Any]:
    """--as-of YYYY-MM-DD: only what was certainly true by that day."""
    return click.option("--as-of", "as_of", type=click.DateTime(formats=["%Y-%m-%d"]),
                        metavar="YYYY-MM-DD",
                        help="Only facts dated by this day, and what was in force then.")(fn)


@cli.command("person")
@click.argument("name")
@_as_of_option
@list_options
@pass_ctx
@handle_errors
def person_cmd(ctx: Context, name: str, as_of: Any, fmt: str, as_json: bool,
               indian: bool) -> None:
    """A person's timeline, whatever spelling (or #id) is asked: candidacies with their results,
    memberships and the events naming them, each with its source; then their memberships as
    intervals (member, rebel, resigned, ...) and those in force."""
    from chunav.analyse.timeline import TIMELINE_COLUMNS, person_timeline
    from chunav.output import Column

    with ctx.store.connect() as conn:
        answer = person_timeline(conn, name, as_of.date() if as_of else None)
    rows = answer.pop("timeline")
    if fmt == "csv" and not as_json:
        emit(rows, TIMELINE_COLUMNS, fmt="csv")
        return
    person = answer["person"]
    when = f" as of {answer['as_of']}" if answer["as_of"] else ""
    emit(rows, [Column("date", "Date"), Column("what", "Entry"),
                Column("votes", "Votes", number=True), Column("source", "Source")],
         fmt=fmt, as_json=as_json, indian=indian, key="timeline", extra=answer,
         title=f"{person['name']} (#{person['id']}): " + "; ".join(person["names"][1:] or [
             "one spelling"]) + when)
    if as_json or fmt == "json":
        return
    emit(_change_rows(answer["memberships"]),
         [Column("org", "Org"), Column("date", "Date"), Column("change", "State"),
          Column("source", "Source")], fmt=fmt, title=f"Memberships{when}")
    if answer["also"]:
        import textwrap

        click.echo(textwrap.fill("The name also fits: " + "; ".join(
            f"#{p['id']} {p['name']}" for p in answer["also"]), 80))


def _change_rows(intervals: list[dict]) -> list[dict]:
    """Membership intervals as a table reads them: each change on its own row (the org named
    on the first), then the interval's end, or "in force"."""
    rows = []
    for i in intervals:
        for n, c in enumerate(i["changes"]):
            how = " (ballot)" if c["inferred"] else " (reported again)" if c.get(
                "restated") else f" ({c['role']})" if c["role"] else ""
            rows.append({"org": "" if n else i["org"], "date": c["date"],
                         "change": c["status"] + how, "source": c["source"]})
        rows.append({"org": "", "date": i["end"],
                     "change": f"ended: {i['end_cause']}" if i["end"] or i["end_cause"] else
                     "in force"})
    return rows


@cli.command("members")
@click.argument("org")
@_as_of_option
@list_options
@pass_ctx
@handle_errors
def members_cmd(ctx: Context, org: str, as_of: Any, fmt: str, as_json: bool,
                indian: bool) -> None:
    """The members of a party (or other organisation) over time: each person's intervals in it,
    from membership facts and candidacies on its ticket, with the source of every change;
    with --as-of, only those in force that day. For an alliance (NDA, UPA, INDIA bloc, ...):
    its parties at each election (the bundled alliances file) and as the news reports them."""
    from chunav.analyse.alliances import PARTNER_COLUMNS, alliance_partners, partner_rows
    from chunav.analyse.timeline import MEMBER_COLUMNS, interval_rows, org_members
    from chunav.output import Column

    day = as_of.date() if as_of else None
    with ctx.store.connect() as conn:
        bloc = alliance_partners(conn, org, day)
        answer = None if bloc else org_members(conn, org, day)
    when = f" as of {day.isoformat()}" if day else " over time"
    if bloc:
        emit(partner_rows(bloc.pop("partners")), PARTNER_COLUMNS, fmt=fmt, as_json=as_json,
             indian=indian, key="partners", extra=bloc,
             title=f"Parties of the {bloc['alliance']}{when}")
        return
    columns = MEMBER_COLUMNS if fmt != "table" else [
        Column("person", "Person"), Column("start", "From"), Column("end", "To"),
        Column("state", "State"), Column("source", "Source")]
    emit(interval_rows(answer.pop("members")), columns,
         fmt=fmt, as_json=as_json, indian=indian, key="members", extra=answer,
         title=f"Members of {answer['org']['name']}{when}")


@cli.command("rebels")
@click.option("--election", metavar="NAME", help='e.g. "Lok Sabha 2024" (default: every one).')
@list_options
@pass_ctx
@handle_errors
def rebels_cmd(ctx: Context, election: str | None, fmt: str, as_json: bool,
               indian: bool) -> None:
    """Rebels: candidates tied to a party (a membership the news states, or its ticket at the
    previous election) who stood against that party's or its alliance's candidate. JSON
    gives every part's evidence."""
    from chunav.analyse.rebels import REBEL_COLUMNS, flat, rebels
    from chunav.output import Column

    with ctx.store.connect() as conn:
        found = rebels(conn, election)
    if as_json or fmt == "json":
        emit(found, [], fmt="json", key="rebels")
        return
    columns = [Column("constituency", "Seat"), Column("candidate", "Candidate"),
               Column("party", "Party"), Column("won", "Won"), Column("tie", "Tied to"),
               Column("against", "Stood against")]
    if not election:
        columns.insert(0, Column("election", "Election"))
    if fmt == "csv":
        columns = REBEL_COLUMNS
    emit([flat(r) for r in found], columns, fmt=fmt, indian=indian,
         title=f"Rebels{' - ' + election if election else ''}")


@cli.command("precedents")
@click.argument("constituency")
@click.option("--election", metavar="NAME", required=True, help='e.g. "Lok Sabha 2024".')
@click.option("--limit", default=10, show_default=True, help="How many precedents to show.")
@list_options
@pass_ctx
@handle_errors
def precedents_cmd(ctx: Context, constituency: str, election: str, limit: int, fmt: str,
                   as_json: bool, indian: bool) -> None:
    """Earlier contests with the pattern of CONSTITUENCY's contest at an election (an
    independent or a rebel beating the alliance's candidate, ...): in that seat first, then
    its state, then elsewhere; and the years the seat's data is missing."""
    from chunav.analyse.precedents import PRECEDENT_COLUMNS, flat, precedents
    from chunav.output import Column

    with ctx.store.connect() as conn:
        found = precedents(conn, constituency, election, limit)
    extra = {"contest": found["contest"], "missing": found["missing"], "found": found["found"]}
    columns = [Column("scope", "Where"), Column("year", "Year", number=False),
               Column("constituency", "Seat"), Column("winner_short", "Winner"),
               Column("beaten_short", "Beat"), Column("closeness", "Alike", number=True)]
    if as_json or fmt == "json":
        emit(found["precedents"], [], fmt="json", key="precedents", extra=extra)
        return
    if fmt == "csv":
        emit(found["precedents"], PRECEDENT_COLUMNS, fmt="csv")
        return
    mine = found["contest"]
    click.echo(f"{mine['constituency']}, {mine['election']}: {mine['description']}.")
    click.echo(f"Pattern: {'; '.join(mine['features'])}.")
    emit([flat(p) for p in found["precedents"]], columns, fmt=fmt, indian=indian,
         title=f"Precedents ({len(found['precedents'])} of {found['found']})")
    for gap in found["missing"]:
        click.echo(f"Missing: {gap['note']}.")


def _careers(ctx: Context, election: str | None, state: str | None, show: str,
             table: list[str], title: str, fmt: str, as_json: bool, indian: bool) -> None:
    """Print :func:`chunav.analyse.careers.career_list`: the ``table`` columns in a table,
    every column in CSV, everything (evidence included) in JSON."""
    from chunav.analyse.careers import CAREER_COLUMNS, CAREER_TITLES, career_list
    from chunav.output import Column

    with ctx.store.connect() as conn:
        rows = career_list(conn, election, state, show)
    titles = {**CAREER_TITLES, "before": "Before", "flags": "Flags", "links": "Lineage"}
    columns = [Column(k, titles[k]) for k in table if not (election and k == "election")]
    if fmt != "table" or as_json:
        columns = CAREER_COLUMNS
    where = " ".join(x for x in (election, state) if x)
    emit(rows, columns, fmt=fmt, as_json=as_json, indian=indian,
         title=f"{title}{' - ' + where if where else ''} ({len(rows)})", key="candidacies")


@cli.command("turncoats")
@click.option("--election", metavar="NAME", help='e.g. "Lok Sabha 2019" (default: every one).')
@click.option("--state", metavar="NAME", help="Only this state's candidates.")
@click.option("--lineage", "lineage", is_flag=True,
              help="List instead the party changes a party's lineage explains (a rename, or "
                   "staying with a faction): not turncoats.")
@list_options
@pass_ctx
@handle_errors
def turncoats_cmd(ctx: Context, election: str | None, state: str | None, lineage: bool,
                  fmt: str, as_json: bool, indian: bool) -> None:
    """Candidates who stood for another party at their previous contest in the same house
    (TCPD's Turncoat, from chunav's own person matching). A move to or from standing as an
    independent is not counted, nor a party's rename or staying with a faction after a split
    (the lineage links, each with its note, are in --json). [?] marks a change between an
    abbreviation and a full name the party list cannot pair: perhaps one party. Each row
    names both candidacies' results file and line."""
    _careers(ctx, election, state, "lineage" if lineage else "turncoats",
             ["election", "constituency", "candidate", "party", "before"]
             + (["links"] if lineage else []),
             "Party changes the lineage explains" if lineage else "Turncoats", fmt, as_json,
             indian)


@cli.command("careers")
@click.option("--election", metavar="NAME", help='e.g. "Lok Sabha 2019" (default: every one).')
@click.option("--state", metavar="NAME", help="Only this state's candidates.")
@click.option("--show", type=click.Choice(["all", "incumbents", "recontests", "turncoats"]),
              default="all", show_default=True, help="Which candidates to list.")
@list_options
@pass_ctx
@handle_errors
def careers_cmd(ctx: Context, election: str | None, state: str | None, show: str, fmt: str,
                as_json: bool, indian: bool) -> None:
    """Each candidate's previous contest in the same house and TCPD's flags, from chunav's
    own person matching: recontest (stood at the house's previous election), incumbent (won
    it) and turncoat (see `chunav turncoats`)."""
    _careers(ctx, election, state, show,
             ["election", "constituency", "candidate", "party", "before", "flags"],
             "Careers" if show == "all" else show.capitalize(), fmt, as_json, indian)


@cli.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (0.0.0.0 opens it to the network).")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535),
              help="Port to listen on.")
@pass_ctx
@handle_errors
def serve_cmd(ctx: Context, host: str, port: int) -> None:
    """Serve the store: a web UI (search by any spelling, constituency results with a chart
    and the seat's history, person cards, the events feed with each source sentence,
    conflicts) and its JSON API under /api (spec at /openapi.json)."""
    import uvicorn

    from chunav.serve.app import create_app

    click.echo(f"Serving {ctx.store.url} on http://{host}:{port}/ (Ctrl+C stops)", err=True)
    uvicorn.run(create_app(ctx.store), host=host, port=port, log_level="warning")
