"""Benchmark: articles per second for chunav's extraction against a bare ``nlp.pipe`` of the
full spaCy pipeline over the same texts, in one run; and time per character as articles grow.

    python benchmarks/bench_extract.py [ARTICLES...] [--copies N] [--join N] [--model NAME]
    python benchmarks/bench_extract.py [ARTICLES...] --sizes 2000,20000,100000,500000

chunav runs only the components its rules read (no lemmatizer; the parser only on sentences
that hold an event trigger) plus its own gazetteer ruler, trigger matcher and rules; the
baseline runs every component of the model and nothing else. A ratio above 1.0 means the
whole extraction is faster than the bare model. With ``--sizes``, one article of each size
(the articles' paragraphs repeated) is extracted and the time per character compared: the
largest over the smallest should stay within 2.
"""

from __future__ import annotations

import argparse
import time
from dataclasses import replace
from pathlib import Path

from chunav.extract import Extractor
from chunav.extract.pipeline import load_model
from chunav.ingest.articles import Article, read_articles

HERE = Path(__file__).resolve().parent
DEFAULTS = [HERE.parent.parent / "shared" / "eval" / "articles", HERE.parent / "tests" / "data"
            / "articles"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("articles", nargs="*", type=Path)
    parser.add_argument("--copies", type=int, default=5, help="repeat the texts N times")
    parser.add_argument("--model", default="en_core_web_sm")
    parser.add_argument("--join", type=int, default=1,
                        help="glue N articles into one, for longer texts (3 gives ~600 words)")
    parser.add_argument("--sizes", help="article sizes in characters, comma-separated: time "
                                        "per character instead of articles per second")
    args = parser.parse_args()
    paths = [p for p in (args.articles or DEFAULTS) if p.exists()]
    files, errors = read_articles(paths)
    if args.sizes:
        scaling([a for group in files.values() for a in group],
                [int(x) for x in args.sizes.split(",")], args.model)
        return
    articles = [a for group in files.values() for a in group] * args.copies
    if args.join > 1:
        articles = [replace(articles[i], text="\n\n".join(a.text for a in
                                                           articles[i:i + args.join]))
                    for i in range(0, len(articles), args.join)]
    if not articles:
        parser.error("no readable articles")
    words = sum(len(a.text.split()) for a in articles)
    extractor = Extractor(args.model)
    full = load_model(args.model, exclude=[])
    list(extractor.extract_many(articles[:2]))  # warm both up
    list(full.pipe(a.text for a in articles[:2]))
    start = time.perf_counter()
    facts = sum(len(r.facts) for r in extractor.extract_many(articles))
    ours = time.perf_counter() - start
    start = time.perf_counter()
    for _ in full.pipe((a.text for a in articles), batch_size=8):
        pass
    base = time.perf_counter() - start
    n = len(articles)
    print(f"{n} articles ({words / n:.0f} words each on average), {facts} facts")
    print(f"chunav facts      : {ours:.2f} s  {n / ours:.1f} articles/s  "
          f"(pipes: {', '.join(extractor.nlp.pipe_names)})")
    print(f"bare nlp.pipe     : {base:.2f} s  {n / base:.1f} articles/s  "
          f"(pipes: {', '.join(full.pipe_names)})")
    print(f"ratio chunav / bare (articles/s): {base / ours:.2f}x  (target >= 1.0)")


def scaling(articles: list[Article], sizes: list[int], model: str) -> None:
    """Extract one article of each size (paragraphs of the given articles, repeated) and
    print the time per 1,000 characters; the ratio of the largest to the smallest."""
    paragraphs = [p for a in articles for p in a.text.split("\n\n") if p.strip()]
    extractor = Extractor(model, max_chars=max(sizes) * 2)
    extractor.extract(replace(articles[0], text=articles[0].text))  # warm up
    per_char = []
    for size in sizes:
        chunks, n, k = [], 0, 0
        while n < size:
            chunks.append(paragraphs[k % len(paragraphs)])
            n += len(chunks[-1]) + 2
            k += 1
        text = "\n\n".join(chunks)
        extractor.nlp.max_length = max(extractor.nlp.max_length, len(text) + 1)
        start = time.perf_counter()
        facts = len(extractor.extract(replace(articles[0], text=text)).facts)
        took = time.perf_counter() - start
        per_char.append(took / len(text))
        print(f"{len(text):>9,} chars  {took:7.2f} s  {1000 * took / len(text) * 1000:6.2f} ms "
              f"per 1,000 chars  {facts} facts")
    print(f"ratio largest / smallest (time per character): {per_char[-1] / per_char[0]:.2f}x  "
          f"(target <= 2)")


if __name__ == "__main__":
    main()
