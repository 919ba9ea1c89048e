"""Build time and search latency on the seed corpus, against SQLite FTS5 over the same passages.

Run: `.venv/bin/python bench/search_speed.py [--repeat N]`. Prints figures and ratios; asserts nothing.
The baseline is measured in the same run, so ratios hold on a noisy shared machine where seconds don't.
"""

from __future__ import annotations

import argparse
import re
import resource
import sqlite3
import statistics
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import PassageIndex, SearchQuery, build_corpus, languages, read_corpus, split_passages  # noqa: E402
from indexer.segments import segments  # noqa: E402

QUERIES = [
    "sexting", "Mediaraven", "pédopornographie", "Child Focus", "383bis", "harcèlement",
    "enfants", "images", "Communauté flamande", "victimes", "formation des professionnels", "police",
]  # fmt: skip


def timed(fn, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        times.append((time.perf_counter() - started) * 1000)
    return times


def fts5_baseline(passages):
    """Return a function running one query in SQLite FTS5 with the same page and facet counts."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(text, community UNINDEXED, tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO p VALUES (?, ?)", [(p.text, ",".join(p.community)) for p in passages])

    def run(q: str):
        match = " ".join(f'"{word}"' for word in re.findall(r"\w+", q))
        hits = db.execute(
            "SELECT rowid, snippet(p, 0, '<mark>', '</mark>', '…', 40) FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT 10",
            (match,),
        ).fetchall()
        counts = Counter()
        for (community,) in db.execute("SELECT community FROM p WHERE p MATCH ?", (match,)):
            counts.update(community.split(","))
        return hits, counts

    return run


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=20, help="runs of each query (default %(default)s)")
    args = parser.parse_args()

    started = time.perf_counter()
    documents = read_corpus(ROOT / "corpus")
    passages = [p for doc in documents for p in split_passages(doc)]
    split_s = time.perf_counter() - started
    started = time.perf_counter()
    for doc in documents:
        parts = segments(doc.text)
        languages.detect_all([part.raw for part in parts], ["answer"] * len(parts), doc.metadata.get("language"))
    detect_s = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as tmp:
        started = time.perf_counter()
        summary = build_corpus(ROOT / "corpus", Path(tmp) / "index")
        build_s = time.perf_counter() - started
        index = PassageIndex(Path(tmp) / "index")
        baseline = fts5_baseline(passages)

        print(f"corpus: {len(documents)} document(s), {summary.passages} passages")
        print(f"split + language detection: {split_s:.2f} s, of which language detection {detect_s:.2f} s")
        print(f"whole build (split + index + switch): {build_s:.2f} s; language detection {detect_s / build_s:.0%} of it")
        print()
        print(f"{'query':28} {'whoosh ms':>10} {'fts5 ms':>9} {'ratio':>6} {'hits':>5}")
        ours_all, base_all = [], []
        for q in QUERIES:
            query = SearchQuery.from_args({"q": [q]})
            ours = timed(lambda: index.search(query), args.repeat)
            base = timed(lambda: baseline(q), args.repeat)
            ours_all += ours
            base_all += base
            ratio = statistics.median(ours) / statistics.median(base)
            total = index.search(query).total
            print(f"{q:28} {statistics.median(ours):10.2f} {statistics.median(base):9.2f} {ratio:6.1f} {total:5}")
        p95 = lambda xs: sorted(xs)[int(0.95 * (len(xs) - 1))]  # noqa: E731
        print()
        print(
            f"all queries (page, disjunctive facets, snippets): median {statistics.median(ours_all):.2f} ms, "
            f"p95 {p95(ours_all):.2f} ms; FTS5 page + one facet: median {statistics.median(base_all):.2f} ms "
            f"(ratio {statistics.median(ours_all) / statistics.median(base_all):.1f})"
        )
        print(f"peak RSS of this process: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")
        index.close()


if __name__ == "__main__":
    main()
