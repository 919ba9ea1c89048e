"""Reading source documents and their optional metadata from a corpus folder."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from .errors import CorpusError
from .languages import LANGUAGES

# Metadata keys a document's TOML file may hold, with what each means.
METADATA_KEYS = {
    "title": "Human-readable title of the document",
    "state": "The State Party that wrote the reply",
    "date": "Date the reply was registered (YYYY-MM-DD)",
    "reference": "Council of Europe document reference",
    "questionnaire": "The questionnaire the document answers",
    "language": "Main language of the document (fr, en, nl, de), used when detection has nothing to go on",
    "entities": "Tables [entities.CODE] with `label` (per language) and `names` (phrases that name it)",
    "competence": "Table section = [entity codes] answering where a reply names no entity",
}


@dataclass(frozen=True)
class Document:
    """One source document: its identifier, unmodified text and metadata."""

    id: str
    path: Path
    text: str
    metadata: dict = field(default_factory=dict)
    # Descriptions of passages written beside the document: passage id -> language -> text.
    descriptions: dict = field(default_factory=dict)

    @property
    def title(self) -> str:
        """Return the document's title, or one derived from its identifier."""
        return self.metadata.get("title") or self.id.replace("-", " ").replace("_", " ").capitalize()

    @property
    def digest(self) -> str:
        """Return a SHA-256 of the document text, to tell whether it changed."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()

    def to_dict(self) -> dict:
        """Return the document's identifier, title and metadata as JSON-ready values."""
        return {"id": self.id, "title": self.title, **_jsonable(self.metadata)}


def _jsonable(metadata: dict) -> dict:
    return {key: value.isoformat() if isinstance(value, dt.date) else value for key, value in metadata.items()}


def document_id(path: Path) -> str:
    """Return the identifier of the document stored at `path`: its file name without extension."""
    stem = path.stem
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", stem):
        raise CorpusError(f"{path.name}: document file names may use only letters, digits, '.', '_' and '-'")
    return stem


def read_document(path: Path) -> Document:
    """Return the document at `path` (UTF-8 text), with metadata from a `.toml` file beside it if any."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CorpusError(f"{path.name}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    meta_path = path.with_suffix(".toml")
    metadata: dict = {}
    if meta_path.exists():
        try:
            metadata = tomllib.loads(meta_path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as exc:
            raise CorpusError(f"{meta_path.name}: invalid TOML: {exc}") from exc
        unknown = sorted(set(metadata) - set(METADATA_KEYS))
        if unknown:
            raise CorpusError(f"{meta_path.name}: unknown metadata keys {unknown}; known: {sorted(METADATA_KEYS)}")
    return Document(id=document_id(path), path=path, text=text, metadata=metadata, descriptions=read_descriptions(path.with_suffix(".about.jsonl")))


def read_descriptions(path: Path) -> dict[str, dict[str, str]]:
    """Return the passage descriptions stored at `path` (JSON lines: `{"id": ..., "fr": ..., "en": ...}`,
    any of the four languages, each a text or a list of texts), or {} when there is no such file."""
    if not path.exists():
        return {}
    descriptions: dict[str, dict[str, str]] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{path.name}, line {number}: not JSON ({exc.msg})") from exc
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise CorpusError(f"{path.name}, line {number}: an object with a passage \"id\" is expected")
        texts = {lang: text for lang in LANGUAGES if (text := _joined(row.get(lang)))}
        unknown = sorted(set(row) - {"id", *LANGUAGES})
        if unknown or not texts:
            raise CorpusError(f"{path.name}, line {number}: descriptions in {list(LANGUAGES)} expected, got {sorted(row)}")
        descriptions[row["id"]] = texts
    return descriptions


def read_corpus(corpus_dir: Path) -> list[Document]:
    """Return every `*.txt` document of `corpus_dir`, sorted by file name."""
    corpus_dir = Path(corpus_dir)
    if not corpus_dir.is_dir():
        raise CorpusError(f"corpus folder not found: {corpus_dir}")
    documents = [read_document(path) for path in sorted(corpus_dir.glob("*.txt"))]
    if not documents:
        raise CorpusError(f"no *.txt documents in {corpus_dir}")
    return documents


def _joined(value) -> str:
    """Return a description given as a text or a list of texts as one text ("" for anything else)."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return "\n".join(item.strip() for item in value if item.strip())
    return ""
