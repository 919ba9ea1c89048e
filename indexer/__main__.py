"""Command line: `python -m indexer build|export|report|evaluate`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .build import BuildSummary, build_corpus
from .config import load_settings
from .documents import read_corpus
from .evaluate import TARGETS, evaluate, read_labels
from .passages import split_passages
from .report import format_report
from .errors import CorpusError, SearchError
from .search import PassageIndex


def _progress(stream):
    """Return a callback that shows the passage count on a terminal, or None when not on one."""
    if not stream.isatty():
        return None

    def show(count: int) -> None:
        if count % 25 == 0:
            stream.write(f"\rindexing… {count} passages")
            stream.flush()

    return show


def format_summary(summary: BuildSummary) -> str:
    """Return the one-screen text summary of a build."""
    lines = [f"Indexed {len(summary.documents)} document(s), {summary.passages} passages in {summary.seconds:.2f} s"]
    for doc in summary.documents:
        lines.append(f"  {doc['id']}: {doc['title']}")
    for name in ("lang", "community", "section", "kind"):
        counts = getattr(summary, name)
        lines.append(f"{name:>10}: " + ", ".join(f"{value} {count}" for value, count in counts.most_common()))
    if summary.described:
        lines.append(f"  described: {summary.described} passages have descriptions written beside their document")
    lines.append(f"Index in service: {summary.path}")
    return "\n".join(lines)


def cmd_build(args) -> int:
    progress = _progress(sys.stderr)
    summary = build_corpus(Path(args.corpus), Path(args.index), progress=progress)
    if progress is not None:
        sys.stderr.write("\r\033[K")
    print(format_summary(summary))
    return 0


def cmd_export(args) -> int:
    index = PassageIndex(Path(args.index))
    try:
        for passage in index.passages():
            sys.stdout.write(json.dumps(passage, ensure_ascii=False) + "\n")
    finally:
        index.close()
    return 0


def cmd_report(args) -> int:
    documents = read_corpus(Path(args.corpus))
    for doc in documents:
        sys.stdout.write(format_report(split_passages(doc)))
    return 0


def cmd_evaluate(args) -> int:
    labels = read_labels(Path(args.labels))
    passages = [p for doc in read_corpus(Path(args.corpus)) for p in split_passages(doc)]
    result = evaluate(passages, labels)
    print(result.format(verbose=args.verbose))
    return 0 if all(score >= TARGETS[name] for name, score in result.scores().items()) else 1


def main(argv: list[str] | None = None) -> int:
    """Run the indexer command line; return the process exit status."""
    settings = load_settings()
    parser = argparse.ArgumentParser(prog="python -m indexer", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="build the index from a corpus folder and switch to it atomically")
    build.add_argument("--corpus", default=settings["CORPUS_DIR"], help="corpus folder (default: %(default)s)")
    build.add_argument("--index", default=settings["INDEX_DIR"], help="index location (default: %(default)s)")
    build.set_defaults(run=cmd_build)
    export = commands.add_parser("export", help="write every indexed passage as JSON lines, in document order")
    export.add_argument("--index", default=settings["INDEX_DIR"], help="index location (default: %(default)s)")
    export.set_defaults(run=cmd_export)
    report = commands.add_parser("report", help="list passages with their metadata by part and question, to proof-read")
    report.add_argument("--corpus", default=settings["CORPUS_DIR"], help="corpus folder (default: %(default)s)")
    report.set_defaults(run=cmd_report)
    evaluate_cmd = commands.add_parser("evaluate", help="compare passages with a hand-labelled development set")
    evaluate_cmd.add_argument("--corpus", default=settings["CORPUS_DIR"], help="corpus folder (default: %(default)s)")
    evaluate_cmd.add_argument("--labels", default="tests/data/devset.jsonl", help="labels (default: %(default)s)")
    evaluate_cmd.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    evaluate_cmd.set_defaults(run=cmd_evaluate)
    args = parser.parse_args(argv)
    try:
        return args.run(args)
    except (CorpusError, SearchError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
