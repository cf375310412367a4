"""Evaluation: run ``chunav facts`` on a folder of articles and score it against gold facts
with the shared scorer.

    python benchmarks/evaluate.py [--articles DIR] [--gold DIR] [--scorer score.py]

Defaults: the shared evaluation set (../shared/eval). For the project's own development set:
    python benchmarks/evaluate.py --articles tests/data/articles --gold tests/data/gold
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=SHARED / "articles")
    parser.add_argument("--gold", type=Path, default=SHARED / "gold")
    parser.add_argument("--scorer", type=Path, default=SHARED / "score.py")
    parser.add_argument("--show-misses", action="store_true")
    args = parser.parse_args()
    for path in (args.articles, args.gold, args.scorer):
        if not path.exists():
            parser.error(f"{path} not found")
    with tempfile.TemporaryDirectory() as out:
        run = subprocess.run([sys.executable, "-m", "chunav", "facts", str(args.articles),
                              "--out", out], capture_output=True, text=True)
        if run.returncode not in (0, 1):
            sys.stderr.write(run.stderr)
            return run.returncode
        extra = ["--show-misses"] if args.show_misses else []
        return subprocess.run([sys.executable, str(args.scorer), str(args.gold), out, *extra]
                              ).returncode


if __name__ == "__main__":
    sys.exit(main())
