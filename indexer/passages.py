"""Splitting a document into passages, each with its languages, part, question, entities, kind and articles."""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass

from . import languages
from .citations import cited_articles, instrument_named
from .documents import Document
from .entities import Profile, profile_from_metadata
from .segments import SUPERSCRIPTS, Segment, clean_text, segments

__all__ = ["KINDS", "SECTIONS", "Passage", "clean_text", "split_passages"]

SECTIONS = ("front", "prevention", "protection", "prosecution", "partnerships")
KINDS = ("title", "heading", "question", "answer", "legal", "footnote")

# Part headings of the questionnaire, alone on their line, in the four languages.
_PART_HEADINGS = {
    "prevention": ("prévention", "prevention", "preventie", "prävention"),
    "protection": ("protection", "bescherming", "schutz"),
    "prosecution": ("poursuites", "prosecution", "vervolging", "strafverfolgung"),
    "partnerships": ("partenariats", "partnerships", "partnerschappen", "partnerschaften"),
}
_PART_BY_NAME = {name: section for section, names in _PART_HEADINGS.items() for name in names}

_QUESTION = re.compile(r"^(?:Question|Vraag|Frage)\s+(\d+)\s*\.?\s*(.*)$")
_SUB_QUESTION = re.compile(r"^(\d+)\.(\d+)\.?\s+\S")
_PROMPT = re.compile(r"^(?:→|(?:Veuillez|Veillez|Please|Gelieve|Bitte)\b)")
_FOOTNOTE_MARKS = re.compile(f"[{SUPERSCRIPTS}]+$")
_FOOTNOTE_MARK = re.compile(f"^[{SUPERSCRIPTS}]+")
_FOOTNOTE_REF = re.compile(f"(?<=[\\w)])[{SUPERSCRIPTS}]+")
# Quoted law opens with the article: "« Art. 383bis. § 1.", "Art. 371/1 CP. «", "Art. 382². § 1er. *",
# or is a quoted recital or provision: "(17) Dans le cadre ...", "« Sera puni des peines ...".
_LEGAL_START = re.compile(r"^(?:[«\"“]\s*)?Art(?:\.|icle)\s*\d|^[\"“«]\s*\(\d+\)|^«\s*(?:Sera|Est|Seront)\s+puni")
_PARAGRAPH_ITEM = re.compile(r"^§\s*\d")
_LEGAL_ITEM = re.compile(r"^(?:\d+°|§\s*\d|Art(?:\.|icle)\s*\d)")
_ANSWER_ITEM = re.compile(r"^(?:[a-z]\)|(?:Oui|Non|Yes|No|Ja|Nee|Nein)\b)")
# How the reply's own words open, as opposed to the law it quotes.
_OWN_WORDS = re.compile(
    r"^(?:[a-z]\)|Oui|Non|Cf\b|Nb\b|A noter|Par ailleurs|En outre|Il convient|Les condamnations|Pour [a-z]\))"
    r"|\b(?:[Vv]oir|on peut|renvoy\w*|supra|infra|ci-dessus|sont applicables|[Ss]ee also|refers? to)\b"
)
MAX_MENDED = 6
_YES_NO = re.compile(r"^(?:Oui|Non|Yes|No|Ja|Nee|Nein)\W*$", re.IGNORECASE)
_TERMINAL = ".:;?!»\"”…)"
# Up to this many words without final punctuation, a line of its own introduces what follows.
HEADING_WORDS = 6
# A lead-in such as `Child Focus:` or `A noter :` is a heading too.
LEAD_IN_WORDS = 3
# Front matter lines shorter than this are the title page; longer ones are general remarks.
TITLE_CHARS = 200


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
    articles: tuple[str, ...]
    order: int

    def to_dict(self) -> dict:
        """Return the passage as the contract's JSON object (without the internal `order`)."""
        data = asdict(self)
        data.pop("order")
        for name in ("langs", "community", "articles"):
            data[name] = list(data[name])
        return data


def _passage_id(doc_id: str, text: str, seen: Counter) -> str:
    """Return an identifier that depends only on the document and the passage text (and its repeat)."""
    digest = hashlib.sha1(f"{doc_id}\0{text}".encode()).hexdigest()[:10]
    seen[digest] += 1
    return f"{doc_id}-{digest}" if seen[digest] == 1 else f"{doc_id}-{digest}-{seen[digest]}"


def _is_heading(segment: Segment) -> bool:
    """Whether a paragraph is a short heading inside a reply (`Jeunesse`, `En Communauté flamande`)."""
    text = segment.text
    words = len(text.split())
    return (
        not segment.bulleted
        and words <= HEADING_WORDS
        and (text[-1] not in _TERMINAL or (text.endswith(":") and words <= LEAD_IN_WORDS))
        and text[0].isupper()
        and "://" not in text
        and not _YES_NO.match(text)
    )


@dataclass(frozen=True)
class _Structure:
    kind: str
    community: tuple[str, ...]
    section: str
    question: str | None
    question_title: str | None
    articles: tuple[str, ...]


class _Reader:
    """Walks a document's paragraphs in order, keeping the structure a careful reader keeps in mind."""

    def __init__(self, profile: Profile) -> None:
        self.profile = profile
        self.section = "front"
        self.question: str | None = None
        self.top_question: str | None = None
        self.question_title: str | None = None
        self.community: tuple[str, ...] = ()
        # Questionnaire text after a question number: "start" (nothing yet), "items" (text seen), None (reply).
        self.block: str | None = None
        self.legal: str | None = None  # "quote" inside « », "items" after a provision, None outside
        self.quote_depth = 0
        self.other_instrument = False  # the reply last introduced law other than the Criminal Code
        self.cited: dict[str, tuple] = {}  # footnote number -> (section, question, title) where cited
        self.legal_question: str | None = None  # the question of the last quoted law

    def _enter(self, question: str | None) -> None:
        self.question = question
        self.community = ()
        self.block = "start" if question else None
        self.legal = None
        self.quote_depth = 0
        self.other_instrument = False

    def read(self, segment: Segment) -> _Structure:
        """Return where `segment` stands in the document and what it is."""
        kind, community = self.classify(segment)
        if kind in ("title", "heading", "question", "footnote"):
            community = ()
        place = (self.section, self.question, self.question_title if self.question else None)
        if kind == "footnote":
            # A footnote printed at the foot of a later page belongs where its number is cited.
            place = self.cited.get(_FOOTNOTE_MARK.match(segment.text).group(), place)
        else:
            for mark in _FOOTNOTE_REF.findall(segment.text):
                self.cited.setdefault(mark, place)
        return _Structure(kind, community, *place, self.articles(kind, segment.text))

    def classify(self, segment: Segment) -> tuple[str, tuple[str, ...]]:
        """Return the kind and entities of `segment`, updating the reader's state."""
        text = segment.text
        if segment.footnote:
            return "footnote", ()
        bare = text.rstrip(" :").lower()
        if bare in _PART_BY_NAME:
            self.section = _PART_BY_NAME[bare]
            self.top_question = self.question_title = None
            self._enter(None)
            return "heading", ()
        if match := _QUESTION.match(text):
            self.top_question = match.group(1)
            self.question_title = _FOOTNOTE_MARKS.sub("", match.group(2)).strip() or None
            self._enter(self.top_question)
            return "heading", ()
        if (match := _SUB_QUESTION.match(text)) and match.group(1) == self.top_question:
            self._enter(f"{match.group(1)}.{match.group(2)}")
            self.block = "items"
            return "question", ()
        if self.section == "front":
            return ("title" if len(text) < TITLE_CHARS and not text.endswith(".") else "answer"), ()
        if self._is_question_text(segment):
            self.block = "items"
            return "question", ()
        self.block = None
        kind = self._legal_kind(segment)
        if kind == "legal":
            return "legal", self._attribution()
        if marked := self.profile.marker(text):
            self.community = marked
        if _is_heading(segment):
            return "heading", ()
        if (named := instrument_named(text)) is not None:
            self.other_instrument = named == "other"
        return "answer", self._attribution()

    def _is_question_text(self, segment: Segment) -> bool:
        """Whether `segment` is questionnaire text: a prompt, or part of the block after a question number."""
        text = segment.text
        if _PROMPT.match(text):
            return True
        if self.block is None:
            return False
        return segment.bulleted or text.endswith("?") or (self.block == "start" and text.endswith(":"))

    def _legal_kind(self, segment: Segment) -> str:
        """Return "legal" while `segment` is quoted law, tracking « » across paragraphs; else "answer"."""
        text = segment.text
        balance = text.count("«") - text.count("»")
        if _LEGAL_START.match(text) or (_PARAGRAPH_ITEM.match(text) and self.legal_question == self.question):
            self.quote_depth = max(0, balance)
            self.legal = "quote" if self.quote_depth else "items"
            self.legal_question = self.question
            return "legal"
        if self.legal == "quote":
            if _ANSWER_ITEM.match(text):
                self.legal, self.quote_depth = None, 0
                return "answer"
            self.quote_depth = max(0, self.quote_depth + balance)
            if self.quote_depth == 0:
                self.legal = "items"
            return "legal"
        if self.legal == "items" and _LEGAL_ITEM.match(text):
            return "legal"
        self.legal = None
        return "answer"

    def _attribution(self) -> tuple[str, ...]:
        # A reply names its entity; where none was named in this (sub-)question, the entity
        # competent for the part answers (Belgium: criminal law and prosecution are federal).
        return self.community or self.profile.default(self.section)

    def articles(self, kind: str, text: str) -> tuple[str, ...]:
        """Return the Criminal Code articles cited by a passage of `kind`."""
        if kind in ("title", "heading"):
            return ()
        default = kind in ("answer", "legal") and self.section == "prosecution" and not self.other_instrument
        return cited_articles(text, default_criminal_code=default)


def _mend_quoted_law(parts: list[Segment], structures: list[_Structure]) -> list[_Structure]:
    """Return `structures` with the paragraphs of an article quoted without quotation marks marked legal.

    An article quoted without « » (`Art. 382². § 1er. ...`) goes on in plain paragraphs up to its
    next `§`, or up to the next quoted article when no lead-in (`... prévoit :`) announces it; a
    run of answers between two legal paragraphs of one question is such a continuation unless
    one of them reads as the reply's own words.
    """
    result = list(structures)
    body = [i for i, s in enumerate(structures) if s.kind != "footnote"]
    run: list[int] = []
    for position, i in enumerate(body):
        if result[i].kind == "answer":
            run.append(i)
            continue
        if run and result[i].kind == "legal":
            before = body[position - len(run) - 1] if position - len(run) - 1 >= 0 else None
            same_question = before is not None and result[before].question == result[i].question
            follows_law = before is not None and result[before].kind == "legal"
            next_text = parts[i].text
            closes = _PARAGRAPH_ITEM.match(next_text) or not parts[run[-1]].text.endswith(":")
            own_words = any(_OWN_WORDS.search(parts[j].text) for j in run)
            if same_question and follows_law and closes and not own_words and len(run) <= MAX_MENDED:
                for j in run:
                    result[j] = dataclasses.replace(result[j], kind="legal")
        run = []
    return result


def _inherit_articles(parts: list[Segment], structures: list[_Structure]) -> list[_Structure]:
    """Return `structures` with each paragraph of a quoted article also citing that article: the
    second paragraph of `Art. 442bis.` is article 442bis too, though it does not repeat the number."""
    result = list(structures)
    law: tuple[str, ...] = ()
    for i, (segment, structure) in enumerate(zip(parts, structures)):
        if structure.kind == "footnote":
            continue
        if structure.kind != "legal":
            law = ()
        elif _LEGAL_START.match(segment.text):
            law = structure.articles[:1]
        elif law:
            result[i] = dataclasses.replace(structure, articles=tuple(dict.fromkeys(law + structure.articles)))
    return result


def split_passages(doc: Document) -> Iterator[Passage]:
    """Yield the passages of `doc` in document order, with their metadata."""
    reader = _Reader(profile_from_metadata(doc.metadata, doc.path.name))
    parts = segments(doc.text)
    structures = _inherit_articles(parts, _mend_quoted_law(parts, [reader.read(segment) for segment in parts]))
    # The raw text keeps the markup (italics, quotes) that sets a quoted title apart.
    detected = languages.detect_all([part.raw for part in parts], [s.kind for s in structures], doc.metadata.get("language"))
    seen: Counter = Counter()
    for order, (segment, structure, (lang, langs)) in enumerate(zip(parts, structures, detected)):
        yield Passage(
            id=_passage_id(doc.id, segment.text, seen),
            doc=doc.id,
            text=segment.text,
            start=segment.start,
            end=segment.end,
            lang=lang,
            langs=tuple(langs),
            section=structure.section,
            question=structure.question,
            question_title=structure.question_title,
            community=structure.community,
            kind=structure.kind,
            articles=structure.articles,
            order=order,
        )
