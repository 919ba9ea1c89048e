"""Building a passage index beside the one in service, then switching to it atomically."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index

from .documents import Document, read_corpus
from .passages import Passage, split_passages
from .glossary import Glossary, default_glossary
from .schema import NEUTRAL_FIELD, about_field, build_schema, concept_field, context_field, text_field

BUILD_INFO = "BUILD_INFO.json"
# Builds kept on disk: the one in service and the one before it, which a server may still be reading.
KEEP_BUILDS = 2


@dataclass
class BuildSummary:
    """What a build indexed: counts per facet and the time it took."""

    documents: list[dict]
    passages: int = 0
    lang: Counter = field(default_factory=Counter)
    community: Counter = field(default_factory=Counter)
    section: Counter = field(default_factory=Counter)
    kind: Counter = field(default_factory=Counter)
    # Passages indexed with descriptions written beside their document.
    described: int = 0
    seconds: float = 0.0
    path: str = ""

    def count(self, passage: Passage) -> None:
        """Add `passage` to the counts."""
        self.passages += 1
        self.lang.update(passage.langs or ["none"])
        self.community.update(passage.community or ["none"])
        self.section[passage.section] += 1
        self.kind[passage.kind] += 1

    def to_dict(self) -> dict:
        """Return the summary as JSON-ready values."""
        return {
            "documents": self.documents,
            "passages": self.passages,
            "lang": dict(self.lang),
            "community": dict(self.community),
            "section": dict(self.section),
            "kind": dict(self.kind),
            "described": self.described,
            "seconds": round(self.seconds, 3),
        }


def passage_fields(
    passage: Passage, context: str = "", glossary: Glossary | None = None, lead_in: str = "", about: dict[str, str] | None = None
) -> dict:
    """Return the Whoosh document of `passage`: stored metadata, its text under each analyzer, the
    question and lead-in that frame it (`context`), and the glossary concepts that it or its
    `lead_in` names (a list item under `on entend par "matériel pédopornographique" :` is about
    that, in whatever language a query names it), and its descriptions (`about`: language -> text)."""
    glossary = default_glossary() if glossary is None else glossary
    question_path = []
    if passage.question:
        parts = passage.question.split(".")
        question_path = [".".join(parts[: i + 1]) for i in range(len(parts))]
    fields = {
        "id": passage.id,
        "doc": passage.doc,
        "order": passage.order,
        "text": passage.text,
        "start": passage.start,
        "end": passage.end,
        "lang": passage.lang or "",
        "langs": ",".join(passage.langs),
        "section": passage.section,
        "question": passage.question or "",
        "question_path": ",".join(question_path),
        "question_title": passage.question_title,
        "community": ",".join(passage.community),
        "articles": ",".join(passage.articles),
        "kind": passage.kind,
        NEUTRAL_FIELD: passage.text,
    }
    for lang in passage.langs:
        fields[text_field(lang)] = passage.text
        fields[concept_field(lang)] = " ".join(glossary.concepts_in(lang, passage.text) + glossary.concepts_in(lang, lead_in))
        if context:
            fields[context_field(lang)] = context
    for lang, text in (about or {}).items():
        fields[about_field(lang)] = text
    return fields


def contexts(passages: Iterable[Passage]) -> Iterator[tuple[Passage, str, str]]:
    """Yield each passage with the words that frame it: the context (its question's title and wording,
    the lead-in it comes under, and the article it is a paragraph of when it does not repeat its
    number), and that heading or lead-in (`... les projets suivants :`) alone. A list item or a
    short answer is then found by what it answers."""
    question_text: dict[tuple[str, str | None], str] = {}
    lead_in = law_lead_in = ""
    where: tuple = ()
    for passage in passages:
        here = (passage.doc, passage.question)
        if here != where:
            lead_in, law_lead_in, where = "", "", here
        if passage.kind != "legal":
            law_lead_in = ""
        if passage.kind == "question":
            question_text.setdefault(here, passage.text)
        framing = (law_lead_in or lead_in) if passage.kind in ("answer", "legal") else ""
        parts = [passage.question_title or "", question_text.get(here, "") if passage.kind != "question" else "", framing]
        parts.extend(article for article in passage.articles if article not in passage.text.lower())
        yield passage, " ".join(part for part in parts if part), framing
        if passage.kind == "heading" or (passage.kind == "answer" and passage.text.endswith(":")):
            lead_in = passage.text
        elif passage.kind == "legal" and passage.text.endswith(":"):
            # `on entend par "matériel pédopornographique" :` frames the article's items that follow.
            law_lead_in = passage.text


def _builds_dir(index_dir: Path) -> Path:
    return index_dir.parent / f".{index_dir.name}.builds"


def build_index(
    passages: Iterable[Passage],
    index_dir: Path,
    documents: Iterable[Document] = (),
    progress: Callable[[int], None] | None = None,
) -> BuildSummary:
    """Index `passages` into a new folder, then point `index_dir` at it atomically; return the summary.

    Until the switch, readers keep the previous index; a failure leaves it in place.
    """
    started = time.perf_counter()
    documents = list(documents)
    index_dir = Path(index_dir)
    builds = _builds_dir(index_dir)
    builds.mkdir(parents=True, exist_ok=True)
    target = builds / f"{time.strftime('%Y%m%d-%H%M%S')}-{os.getpid()}-{time.monotonic_ns() % 10**6}"
    target.mkdir()
    summary = BuildSummary(documents=[doc.to_dict() | {"sha256": doc.digest} for doc in documents])
    try:
        ix = whoosh_index.create_in(str(target), build_schema())
        writer = ix.writer(limitmb=256)
        try:
            descriptions = {pid: texts for doc in documents for pid, texts in doc.descriptions.items()}
            for passage, context, lead_in in contexts(passages):
                about = descriptions.get(passage.id)
                summary.described += about is not None
                writer.add_document(**passage_fields(passage, context, lead_in=lead_in, about=about))
                summary.count(passage)
                if progress is not None:
                    progress(summary.passages)
        except BaseException:
            writer.cancel()
            raise
        writer.commit()
        ix.close()
        summary.seconds = time.perf_counter() - started
        summary.path = str(index_dir)
        (target / BUILD_INFO).write_text(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
    except BaseException:
        shutil.rmtree(target, ignore_errors=True)
        raise
    _switch(index_dir, target)
    _prune(builds, keep=target)
    return summary


def _switch(index_dir: Path, target: Path) -> None:
    """Make `index_dir` a symbolic link to `target`, replacing the old link in one rename."""
    if index_dir.is_dir() and not index_dir.is_symlink():
        # An index folder from elsewhere: keep it as an older build, then link.
        index_dir.rename(_builds_dir(index_dir) / f"previous-{os.getpid()}")
    link = index_dir.parent / f".{index_dir.name}.link-{os.getpid()}"
    if link.is_symlink():
        link.unlink()
    link.symlink_to(os.path.relpath(target, index_dir.parent))
    os.replace(link, index_dir)


def _prune(builds: Path, keep: Path) -> None:
    """Delete all but the newest builds, never the one just switched to."""
    old = sorted((path for path in builds.iterdir() if path != keep), key=lambda path: path.stat().st_mtime)
    for path in old[: max(0, len(old) - (KEEP_BUILDS - 1))]:
        shutil.rmtree(path, ignore_errors=True)


def build_corpus(corpus_dir: Path, index_dir: Path, progress: Callable[[int], None] | None = None) -> BuildSummary:
    """Read every document of `corpus_dir`, split it into passages and index them into `index_dir`."""
    documents = read_corpus(Path(corpus_dir))

    def all_passages() -> Iterable[Passage]:
        for doc in documents:
            yield from split_passages(doc)

    return build_index(all_passages(), Path(index_dir), documents=documents, progress=progress)


def read_build_info(index_dir: Path) -> dict:
    """Return the summary stored with the index in `index_dir`, or {} if none."""
    try:
        return json.loads((Path(index_dir) / BUILD_INFO).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
