"""Cutting a document's text into paragraphs: one per line or list item, page breaks and footnotes mended."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

_BULLET = re.compile(r"^(?:[-*•▶](?:\s+|$))+")
# Footnote numbers, as the conversion left them.
SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
_FOOTNOTE = re.compile(f"^[{SUPERSCRIPTS}]+\\s")
# A line that ends without one of these was cut by a page break when the next text line goes on in lower case.
_TERMINAL = set(".!?:;»\"”…>")
_CONTINUATION = re.compile(r"^[a-zà-öø-ÿœ](?![).]\s)")

# Markup left by the conversion to text, removed for display and search.
_MARKUP = (
    (re.compile(r"\[([^\]]*)\]\([^)]*\)"), r"\1"),  # [text](target)
    (re.compile(r"<((?:https?://|www\.|mailto:)[^>\s]+)>"), r"\1"),  # <url>
    (re.compile(r"\^\{([^}]*)\}"), r"\1"),  # 1^{er}
    (re.compile(r"\^(\w+)"), r"\1"),  # 2^e
    (re.compile(r"\*\*(.+?)\*\*"), r"\1"),  # **bold**
    (re.compile(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])"), r"\1"),  # *italic*
)


def clean_text(raw: str) -> str:
    """Return `raw` without list bullets and conversion markup, with white space folded."""
    text = _BULLET.sub("", raw.strip())
    for pattern, replacement in _MARKUP:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


@dataclass(frozen=True)
class Segment:
    """A paragraph of the source: the spans of its lines, their raw text and the cleaned text."""

    spans: tuple[tuple[int, int], ...]
    raw: str
    text: str
    footnote: bool

    @property
    def start(self) -> int:
        return self.spans[0][0]

    @property
    def end(self) -> int:
        return self.spans[-1][1]

    @property
    def bulleted(self) -> bool:
        """Whether the paragraph is a list item with a bullet (`- `, `* `)."""
        return bool(_BULLET.match(self.raw))


def _lines(text: str) -> Iterator[tuple[int, int]]:
    """Yield the (start, end) offsets of every non-blank line of `text`, without surrounding space."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        stripped = line.strip()
        if stripped:
            start = match.start() + (len(line) - len(line.lstrip()))
            yield start, start + len(stripped)


def _open(segment: Segment) -> bool:
    """Whether `segment` may go on in the next line: a bare bullet, or text cut without final punctuation."""
    return not segment.text or segment.text[-1] not in _TERMINAL


def _join(segment: Segment, span: tuple[int, int], raw: str) -> Segment:
    text = clean_text(raw)
    glue = "" if not segment.text or segment.raw.endswith("-") else " "
    return Segment(segment.spans + (span,), f"{segment.raw}\n{raw}", f"{segment.text}{glue}{text}".strip(), False)


def segments(text: str) -> list[Segment]:
    """Return the paragraphs of `text` in order of their start.

    A footnote (a line opening with a superscript number) is a paragraph of its own; the
    paragraph it interrupts at a page break is joined again with its continuation, which
    starts in lower case after text that ends without final punctuation. A bare bullet line
    joins the line after it.
    """
    result: list[Segment] = []
    last_text: int | None = None  # index in `result` of the last paragraph that is not a footnote
    for start, end in _lines(text):
        raw = text[start:end]
        if _FOOTNOTE.match(raw):
            result.append(Segment(((start, end),), raw, clean_text(raw), True))
            continue
        previous = result[last_text] if last_text is not None else None
        if previous is not None and (not previous.text or (_open(previous) and _CONTINUATION.match(raw))):
            result[last_text] = _join(previous, (start, end), raw)
            continue
        result.append(Segment(((start, end),), raw, clean_text(raw), False))
        last_text = len(result) - 1
    return sorted((segment for segment in result if segment.text), key=lambda segment: segment.start)
