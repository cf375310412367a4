"""Fuzz the article and results readers with random and mutated files.

    .venv/bin/python benchmarks/fuzz.py --inputs 5000 --seed 1

Seeds are the test suite's own files (every results CSV under tests/data, and the development
articles as text, HTML and JSON lines). Each input is a seed mutated one to four times (bytes
flipped, inserted, deleted, duplicated or spliced from another seed; lines swapped, dropped or
repeated; a cell replaced by a nasty value: huge or negative numbers, other scripts' digits,
quotes, NUL, BOM, lone surrogates' bytes), or plain random bytes. Each is written to a file and
read with ``read_results`` (with a random built-in ``--format`` and ``--election`` now and then)
or ``read_article_file``. The readers must never raise, and every rejection must be a coded
error (E1xx) naming the file, a line (0 for the whole file) and, for a row, the field when it
has one. Any failure is written to ``--out`` with its traceback, and the exit status is 1.

Prints the inputs tried, how many had at least one rejection, and the rejections by code.
Last run (``--inputs 20000 --seed 1``) is in README "Benchmarks".
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from chunav.ingest.articles import read_article_file
from chunav.ingest.formats import builtin_formats
from chunav.ingest.records import MAX_NUMBER
from chunav.ingest.results import read_results
from chunav.model import RowError

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
CODE = re.compile(r"^E1\d\d$")
NASTY = [b"", b'{"text": "x", "title": 7}', b'{"text": "x", "outlet": ["a"]}',
         b"-1", b"-0", b"1e309", b"NaN", b"inf", b"9" * 40, b"1,00,00,00,00,000",
         b"\xe0\xa5\xa7\xe0\xa5\xa8\xe0\xa5\xa9", b"12\xc2\xb2", b"\xef\xbc\x91\xef\xbc\x92",
         b'"', b'""', b",", b"\n", b"\r", b"\r\n", b"\x00", b"\xef\xbb\xbf", b"\xed\xa0\x80",
         b"\xff\xfe", b"NOTA", b"None of the Above", b"2024-02-30", b"0000-00-00",
         b"Lok Sabha", b"Lok Sabha 2024", b"Assembly 1899", b"SC", b"\t", b"  ", b"'; --",
         b"{}", b"[]", b'{"text": 1}', b'{"text": "x", "date": "yesterday"}', b"<p>", b"</html>",
         b"date: 2024-06-04\n", b"\xe2\x80\x94", b"\xe2\x80\xaf", b"x" * 5000]
ELECTIONS = [None, None, None, "Lok Sabha 2024", "Kerala Assembly 2021", "Lok Sabha bypoll 2021",
             "Parliament"]


@dataclass
class Tally:
    """What a fuzz run tried and found."""

    tried: int = 0
    rejecting: int = 0  # inputs with at least one coded rejection
    accepted_rows: int = 0
    codes: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)


def seeds() -> dict[str, list[bytes]]:
    """Seed files by reader: results CSVs; articles as .txt, .html and .jsonl."""
    results = [p.read_bytes() for p in sorted(DATA.rglob("*.csv"))]
    texts = [p.read_text("utf-8") for p in sorted((DATA / "articles").glob("*.txt"))]
    html = [f"<html><head><title>t</title></head><body><article><p>{t}</p></article></body>"
            f"</html>".encode() for t in texts]
    jsonl = ["\n".join(json.dumps({"text": t, "date": "2024-06-04", "title": "t"})
                       for t in texts[i:i + 3]).encode() for i in range(0, len(texts), 3)]
    return {".csv": results, ".txt": [t.encode() for t in texts], ".html": html,
            ".jsonl": jsonl}


def mutate(data: bytes, rng: random.Random, others: list[bytes]) -> bytes:
    """One random change to ``data``."""
    n = len(data)
    at = rng.randrange(n + 1)
    op = rng.randrange(9)
    if op == 0 and n:  # flip a byte
        return data[:at] + bytes([rng.randrange(256)]) + data[at + 1:]
    if op == 1:  # insert random bytes
        return data[:at] + rng.randbytes(rng.randint(1, 8)) + data[at:]
    if op == 2:  # delete a span
        return data[:at] + data[at + rng.randint(1, 64):]
    if op == 3:  # duplicate a span
        span = data[at:at + rng.randint(1, 256)]
        return data[:at] + span * rng.randint(2, 20) + data[at:]
    if op == 4 and others:  # splice with another seed
        other = rng.choice(others)
        return data[:at] + other[rng.randrange(len(other) + 1):]
    lines = data.split(b"\n")
    i = rng.randrange(len(lines))
    if op == 5:  # swap two lines
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op == 6:  # drop or repeat a line
        lines[i:i + 1] = [] if rng.random() < 0.5 else [lines[i]] * rng.randint(2, 5)
    else:  # put a nasty value in a cell (or anywhere in a line)
        cells = lines[i].split(b",")
        cells[rng.randrange(len(cells))] = rng.choice(NASTY)
        lines[i] = b",".join(cells)
    return b"\n".join(lines)


def make_input(suffix: str, pool: list[bytes], rng: random.Random) -> bytes:
    """A mutated seed (mostly), or random bytes."""
    if rng.random() < 0.05:
        return rng.randbytes(rng.randint(0, 400))
    data = rng.choice(pool)
    for _ in range(rng.randint(1, 4)):
        data = mutate(data, rng, pool)
    return data


def check(errors: list[RowError], path: Path) -> list[str]:
    """What is wrong with the rejections a reader gave for ``path`` (nothing, we hope)."""
    wrong = []
    for err in errors:
        if not isinstance(err, RowError) or not CODE.match(err.code):
            wrong.append(f"not a coded E1xx error: {err!r}")
        elif err.file != str(path) or not isinstance(err.line, int) or err.line < 0:
            wrong.append(f"error without its file and line: {err!r}")
        elif not err.message:
            wrong.append(f"error without a message: {err!r}")
    return wrong


def read_one(path: Path, rng: random.Random, formats: list[str]) -> tuple[list[RowError], int]:
    """Read ``path`` with the reader its suffix calls for: (rejections, records accepted)."""
    if path.suffix == ".csv":
        fmt = rng.choice(formats) if rng.random() < 0.2 else None
        out = read_results(path, election=rng.choice(ELECTIONS), format=fmt)
        for row in out.rows:
            big = [k for k, v in vars(row).items() if isinstance(v, int) and v > MAX_NUMBER]
            if big:
                raise ValueError(f"line {row.line}: {big} too large for the store: {row}")
        return out.errors, len(out.rows)
    items = list(read_article_file(path, max_chars=20_000))
    errors = [i for i in items if isinstance(i, RowError)]
    for article in (i for i in items if not isinstance(i, RowError)):
        if not all(isinstance(getattr(article, k), str | None) for k in ("title", "url", "outlet")):
            raise ValueError(f"an article field that is not text: {article!r:.200}")
    return errors, len(items) - len(errors)


def fuzz(inputs: int, seed: int = 0, out: Path | None = None,
         progress: Callable[[Tally], None] | None = None) -> Tally:
    """Try ``inputs`` fuzzed files; failures (a crash or an uncoded error) are kept in ``out``."""
    rng = random.Random(seed)
    pools = seeds()
    weights = {".csv": 6, ".txt": 2, ".jsonl": 2, ".html": 1}  # HTML parsing is slow
    suffixes = [s for s, w in weights.items() for _ in range(w)]
    formats = sorted(builtin_formats())
    tally = Tally()
    with tempfile.TemporaryDirectory(prefix="chunav-fuzz-") as tmp:
        for n in range(inputs):
            suffix = rng.choice(suffixes)
            data = make_input(suffix, pools[suffix], rng)
            path = Path(tmp) / f"input{suffix}"
            path.write_bytes(data)
            tally.tried += 1
            try:
                errors, rows = read_one(path, rng, formats)
                wrong = check(errors, path)
            except Exception:  # noqa: BLE001  a crash is what we are looking for
                wrong = [traceback.format_exc()]
            if wrong:
                tally.failures.append(wrong[0])
                if out is not None:
                    out.mkdir(parents=True, exist_ok=True)
                    (out / f"failure-{n}{suffix}").write_bytes(data)
                    (out / f"failure-{n}.txt").write_text("\n".join(wrong), "utf-8")
                continue
            tally.accepted_rows += rows
            tally.rejecting += bool(errors)
            tally.codes.update(e.code for e in errors)
            if progress and tally.tried % 1000 == 0:
                progress(tally)
    return tally


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--inputs", type=int, default=5000, help="how many inputs to try")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"),
                        help="folder for failing inputs (default: ./fuzz-failures)")
    args = parser.parse_args()
    start = time.perf_counter()
    tally = fuzz(args.inputs, args.seed, args.out,
                 lambda t: print(f"  {t.tried} tried, {len(t.failures)} failures", flush=True))
    took = time.perf_counter() - start
    print(f"{tally.tried} inputs tried in {took:.0f} s: {tally.rejecting} with coded rejections "
          f"({sum(tally.codes.values())} rejections), {tally.accepted_rows} records accepted, "
          f"{len(tally.failures)} failures")
    print("rejections by code: " + ", ".join(f"{c} {k}" for c, k in sorted(tally.codes.items())))
    for failure in tally.failures[:5]:
        print("FAILURE:", failure)
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
