"""Splitting a document into passages, each with its language, part, question, community and kind."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from . import languages
from .documents import Document

SECTIONS = ("front", "prevention", "protection", "prosecution", "partnerships")
KINDS = ("title", "heading", "question", "answer", "legal", "footnote")
COMMUNITIES = ("federal", "flemish", "french", "german-speaking")

# Part headings of the questionnaire, alone on their line, in the four languages.
_PART_HEADINGS = {
    "prevention": ("prévention", "prevention", "preventie", "prävention"),
    "protection": ("protection", "bescherming", "schutz"),
    "prosecution": ("poursuites", "prosecution", "vervolging", "strafverfolgung"),
    "partnerships": ("partenariats", "partnerships", "partnerschappen", "partnerschaften"),
}
_PART_BY_NAME = {name: section for section, names in _PART_HEADINGS.items() for name in names}

# How each Belgian entity is named in the replies (French, English, Dutch, German forms).
_COMMUNITY_NAMES = {
    "federal": r"niveau\s+f[ée]d[ée]ral|federal\s+level|autorit[ée]\s+f[ée]d[ée]rale|federale\s+overheid|föderalen?\s+ebene",
    "flemish": r"communaut[ée]\s+flamande|flemish\s+community|vlaamse\s+gemeenschap|flämischen?\s+gemeinschaft",
    "french": r"communaut[ée]\s+fran[çc]aise|french\s+community|f[ée]d[ée]ration\s+wallonie-bruxelles|franse\s+gemeenschap|französischen?\s+gemeinschaft",
    "german-speaking": r"communaut[ée]\s+germanophone|german-speaking\s+community|duitstalige\s+gemeenschap|deutschsprachigen?\s+gemeinschaft",
}
_COMMUNITY_RES = {code: re.compile(pattern, re.IGNORECASE) for code, pattern in _COMMUNITY_NAMES.items()}
# A paragraph that names an entity this early introduces that entity's reply.
_MARKER_WINDOW = 60

_QUESTION = re.compile(r"^Question\s+(\d+)\s*\.?\s*(.*)$")
_SUB_QUESTION = re.compile(r"^(\d+)\.(\d+)\.?\s+\S")
_BULLET = re.compile(r"^(?:[-*•▶]\s+)+")
_PROMPT = re.compile(r"^(?:→|(?:Veuillez|Veillez|Please)\b)")
_FOOTNOTE = re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s")
_FOOTNOTE_MARKS = re.compile(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+$")
_LEGAL_START = re.compile(r"^(?:«\s*)?Art\.\s*\d[\w/²]*\.?\s*(?:§|«|\*|CP\b)")
_LEGAL_END = re.compile(r"»[\s.;,)]*$")
_ANSWER_ITEM = re.compile(r"^(?:[a-z]\)|Oui\b|Non\b|Yes\b|No\b)")

# Markup left by the conversion to text, removed for display and search.
_MARKUP = (
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](target)
    (re.compile(r"<((?:https?://|www\.|mailto:)[^>\s]+)>"), r"\1"),  # <url>
    (re.compile(r"\^\{([^}]*)\}"), r"\1"),  # 1^{er}
    (re.compile(r"\^(\w+)"), r"\1"),  # 2^e
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),  # **bold**
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # *italic*
)


@dataclass(frozen=True)
class Passage:
    """One searchable passage of a document, with the contract's fields."""

    id: str
    doc: str
    text: str
    start: int
    end: int
    lang: str | None
    langs: tuple[str, ...]
    section: str
    question: str | None
    question_title: str | None
    community: tuple[str, ...]
    kind: str
    order: int

    def to_dict(self) -> dict:
        """Return the passage as the contract's JSON object (without the internal `order`)."""
        data = asdict(self)
        data.pop("order")
        data["langs"] = list(self.langs)
        data["community"] = list(self.community)
        return data


def clean_text(raw: str) -> str:
    """Return `raw` without list bullets and conversion markup, with white space folded."""
    text = _BULLET.sub("", raw.strip())
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def communities_named(text: str) -> tuple[str, ...]:
    """Return the entities `text` names, in the contract's order."""
    return tuple(code for code, pattern in _COMMUNITY_RES.items() if pattern.search(text))


def _marker(text: str) -> tuple[str, ...]:
    """Return the entities a paragraph introduces when it opens with their name, else ()."""
    head = text[:_MARKER_WINDOW]
    if not any(pattern.search(head) for pattern in _COMMUNITY_RES.values()):
        return ()
    first_sentence = re.split(r"(?<=[.:;])\s", text, maxsplit=1)[0]
    return communities_named(first_sentence)


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) offsets of every non-blank line of `text`, without surrounding space."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def _passage_id(doc_id: str, text: str, seen: Counter) -> str:
    """Return an identifier that depends only on the document and the passage text (and its repeat)."""
    digest = hashlib.sha1(f"{doc_id}\0{text}".encode()).hexdigest()[:10]
    seen[digest] += 1
    return f"{doc_id}-{digest}" if seen[digest] == 1 else f"{doc_id}-{digest}-{seen[digest]}"


class _Reader:
    """Walks a document's lines in order, keeping the structural state a reader keeps in mind."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.section = "front"
        self.question: str | None = None
        self.top_question: str | None = None
        self.question_title: str | None = None
        self.community: tuple[str, ...] = ()
        self.in_question_text = False
        self.in_legal = False
        self.lang = doc.metadata.get("language")

    def _enter_question(self, number: str) -> None:
        self.question = number
        self.community = ()
        self.in_question_text = True
        self.in_legal = False

    def classify(self, raw: str, text: str) -> tuple[str, tuple[str, ...]]:
        """Return the kind and community of the passage `text`, updating the reader's state."""
        bare = text.rstrip(" :").lower()
        if bare in _PART_BY_NAME:
            self.section = _PART_BY_NAME[bare]
            self.question = self.top_question = self.question_title = None
            self.community = ()
            self.in_question_text = self.in_legal = False
            return "heading", ()
        if match := _QUESTION.match(text):
            self.top_question = match.group(1)
            self.question_title = _FOOTNOTE_MARKS.sub("", match.group(2)).strip() or None
            self._enter_question(self.top_question)
            return "heading", ()
        if (match := _SUB_QUESTION.match(text)) and match.group(1) == self.top_question:
            self._enter_question(f"{match.group(1)}.{match.group(2)}")
            return "question", ()
        if _FOOTNOTE.match(text):
            return "footnote", ()
        if self.section == "front":
            return ("title" if len(text) < 200 else "answer"), ()
        if _PROMPT.match(text) or (self.in_question_text and _BULLET.match(raw)):
            return "question", ()
        self.in_question_text = False
        if marked := _marker(text):
            self.community = marked
            self.in_legal = False
        if _LEGAL_START.match(text):
            self.in_legal = True
        elif self.in_legal and _ANSWER_ITEM.match(text):
            self.in_legal = False
        kind = "legal" if self.in_legal else "answer"
        if self.in_legal and _LEGAL_END.search(text) and not text.endswith(":"):
            self.in_legal = False
        return kind, self._community()

    def _community(self) -> tuple[str, ...]:
        # Where a reply names no entity, criminal law and prosecution are federal competences
        # (the document: "les communautés ont la compétence pour ce qui concerne la prévention").
        if not self.community and self.section == "prosecution":
            return ("federal",)
        return self.community


def split_passages(doc: Document) -> Iterator[Passage]:
    """Yield the passages of `doc` in document order, one per non-blank line, with their metadata."""
    reader = _Reader(doc)
    seen: Counter = Counter()
    for order, (start, end) in enumerate(_lines(doc.text)):
        raw = doc.text[start:end]
        text = clean_text(raw)
        if not text:
            continue
        kind, community = reader.classify(raw, text)
        # The raw line keeps the markup (italics, quotes) that sets a quoted title apart.
        lang, langs = languages.detect(raw, context=reader.lang)
        if lang is not None:
            reader.lang = lang
        yield Passage(
            id=_passage_id(doc.id, text, seen),
            doc=doc.id,
            text=text,
            start=start,
            end=end,
            lang=lang,
            langs=tuple(langs),
            section=reader.section,
            question=reader.question,
            question_title=reader.question_title if reader.question else None,
            community=community,
            kind=kind,
            order=order,
        )
