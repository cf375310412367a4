"""The README documents every command, and every command has help text."""

from __future__ import annotations

import re
from pathlib import Path

import chunav
from chunav.cli import cli

README = (Path(__file__).parent.parent / "README.md").read_text("utf-8")


def test_every_command_is_documented_and_has_help():
    documented = set(re.findall(r"^### chunav ([a-z-]+)$", README, re.MULTILINE))
    assert documented == set(cli.commands)
    for name, command in cli.commands.items():
        assert command.help, f"{name} has no help text"


def test_readme_has_the_two_newcomer_commands():
    assert "pip install -e . && .venv/bin/chunav demo" in README
    assert ".venv/bin/python -m pytest" in README


def test_public_api_is_what_all_lists():
    exported = {name for name in dir(chunav) if not name.startswith("_")}
    modules = {"analyse", "cli", "errors", "ingest", "model", "resolve", "store", "demo",
               "extract", "serve", "config"}
    assert exported - modules == set(chunav.__all__) - {"__version__"}


def test_help_loads_neither_sqlalchemy_nor_spacy():
    """`chunav --help` and `import chunav` stay light: the heavy stacks (SQLAlchemy, spaCy,
    rich, Dask) load when used."""
    import subprocess
    import sys

    code = ("import sys; from chunav.cli import cli; import chunav\n"
            "try:\n    cli(['--help'])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('sqlalchemy', 'spacy', 'rich', 'dask', 'distributed')\n"
            "             if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_stats_does_not_load_spacy(tmp_path):
    import subprocess
    import sys

    code = ("import sys; from chunav.cli import cli\n"
            f"try:\n    cli(['--db', {str(tmp_path / 's.db')!r}, 'stats'])\n"
            "except SystemExit:\n    pass\n"
            "print('spacy' in sys.modules, 'chunav.extract' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip().splitlines()[-1] == "False False"


def test_stats_and_results_load_only_what_they_show(tmp_path):
    """`chunav stats` and `chunav results` start within 1.3x of importing click, SQLAlchemy and
    rich (benchmarks/bench_startup.py): neither spaCy nor the fuzzy matcher loads for them, nor
    Alembic for a store already at the current schema, nor rich's console: chunav draws its
    own tables."""
    import subprocess
    import sys

    from chunav import open_store

    db = str(tmp_path / "s.db")
    open_store(db).close()
    for args in (["stats"], ["results", "Ladakh"]):
        code = ("import sys; from chunav.cli import cli\n"
                f"try:\n    cli(['--db', {db!r}, *{args!r}])\n"
                "except SystemExit:\n    pass\n"
                "print(sorted(m for m in ('spacy', 'rapidfuzz', 'chunav.extract', 'jinja2',"
                " 'alembic', 'rich.console', 'rich.table') if m in sys.modules))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        assert out.stdout.strip().splitlines()[-1] == "[]", args
