"""nDCG@10 of the search on the development queries, per query type, beside plain BM25 (SQLite FTS5).

Run: `.venv/bin/python bench/relevance.py [-v]`. The queries and their graded judgments are in
`bench/data/queries.jsonl`: `judgments` were written from the document with the queries, before
looking at any ranking; `pooled` completes them the way evaluation campaigns do: every passage that
either system ranked in its top 10 and the first judgments missed, graded blind (against the
query's written need, without the rankings) by assessors who did not write the search. Scores use
both; the `first` column uses the first judgments only. The baseline indexes the same passages in
SQLite FTS5 with `unicode61 remove_diacritics 2` and ranks with bm25(). Prints figures; asserts
nothing (the targets are shown beside them).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sqlite3
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from indexer import PassageIndex, SearchQuery, build_corpus, read_corpus, split_passages  # noqa: E402

QUERIES = ROOT / "bench" / "data" / "queries.jsonl"
TARGETS = {"all": 0.85, "cross": 0.75, "typo": 0.70}
K = 10


def ndcg(ranked: list[str], judgments: dict[str, int], k: int = K) -> float:
    """Return nDCG@k of `ranked` ids against graded `judgments` (gain 2^grade - 1)."""
    dcg = sum((2 ** judgments.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sorted(judgments.values(), reverse=True)[:k]
    idcg = sum((2**grade - 1) / math.log2(i + 2) for i, grade in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def fts5(passages):
    """Return a search function over `passages` in SQLite FTS5: the plain BM25 baseline."""
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE p USING fts5(id UNINDEXED, text, tokenize='unicode61 remove_diacritics 2')")
    db.executemany("INSERT INTO p VALUES (?, ?)", [(p.id, p.text) for p in passages])

    def search(q: str) -> list[str]:
        phrases = re.findall(r'"([^"]+)"', q)
        rest = re.sub(r'"[^"]*"?', " ", q)
        parts = ['"' + " ".join(re.findall(r"\w+", p)) + '"' for p in phrases]
        parts += [f'"{word}"' for word in re.findall(r"\w+", rest)]
        if not parts:
            return []
        rows = db.execute(f"SELECT id FROM p WHERE p MATCH ? ORDER BY bm25(p) LIMIT {K}", (" ".join(parts),))
        return [row[0] for row in rows]

    return search


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("-v", "--verbose", action="store_true", help="print every query's scores")
    args = parser.parse_args()
    queries = [json.loads(line) for line in QUERIES.open(encoding="utf-8")]
    passages = [p for doc in read_corpus(ROOT / "corpus") for p in split_passages(doc)]
    baseline = fts5(passages)
    with tempfile.TemporaryDirectory() as tmp:
        build_corpus(ROOT / "corpus", Path(tmp) / "index")
        index = PassageIndex(Path(tmp) / "index")
        scores: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
        for q in queries:
            results = index.search(SearchQuery(q=q["query"], per_page=K))
            ranked = [hit.passage["id"] for hit in results.hits]
            judgments = {**q["judgments"], **q.get("pooled", {})}
            ours, first = ndcg(ranked, judgments), ndcg(ranked, q["judgments"])
            base = ndcg(baseline(q["query"]), judgments)
            for group in ("all", q["type"], f"lang:{q['lang']}"):
                scores[group].append((ours, base, first))
            if args.verbose:
                flags = ("fuzzy " if results.fuzzy else "") + ("expanded" if results.expansions else "")
                print(f"{q['id']} {q['type']:<6} {ours:5.2f} {base:5.2f}  {q['query'][:60]:<60} {flags}")
        index.close()
    print(f"{'queries':<12} {'n':>3} {'nDCG@10':>8} {'FTS5':>6} {'target':>7} {'first':>6}")
    for group in ["all", "same", "cross", "name", "phrase", "typo", *sorted(g for g in scores if g.startswith("lang:"))]:
        rows = scores.get(group)
        if not rows:
            continue
        ours, base, first = (sum(row[i] for row in rows) / len(rows) for i in range(3))
        target = f"{TARGETS[group]:.2f}" if group in TARGETS else ""
        print(f"{group:<12} {len(rows):>3} {ours:8.3f} {base:6.3f} {target:>7} {first:6.3f}")


if __name__ == "__main__":
    main()
