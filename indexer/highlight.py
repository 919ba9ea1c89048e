"""Snippets: the passage text escaped first, then the words that matched the query wrapped in <mark>."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from html import escape

from whoosh import query as wq

ELLIPSIS = "…"


def positive_terms(q: wq.Query, reader) -> dict[str, set[str]]:
    """Return, per field, the terms a passage matches `q` on: excluded ones left out, fuzzy ones
    expanded to the words of the index they stand for."""
    wanted: dict[str, set[str]] = {}
    for fieldname, text in _positive(q, reader):
        if isinstance(text, bytes):
            text = text.decode("utf-8", "replace")
        wanted.setdefault(fieldname, set()).add(text)
    return wanted


def _positive(q: wq.Query, reader) -> Iterator[tuple[str, str | bytes]]:
    if isinstance(q, wq.Not):
        return
    if isinstance(q, wq.AndNot):
        yield from _positive(q.a, reader)
        return
    if isinstance(q, wq.MultiTerm):
        yield from q.existing_terms(reader, expand=True)
        return
    if q.is_leaf():
        yield from q.terms(phrases=True)
        return
    for child in q.children():
        yield from _positive(child, reader)


def match_spans(text: str, wanted: dict[str, set[str]], schema, fields: Iterable[str]) -> list[tuple[int, int]]:
    """Return the merged (start, end) character spans of `text` whose analyzed tokens are `wanted`."""
    spans = []
    for fieldname in fields:
        terms = wanted.get(fieldname)
        if not terms:
            continue
        for token in schema[fieldname].analyzer(text, chars=True, mode="index"):
            if token.text in terms:
                spans.append((token.startchar, token.endchar))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


def _window(text: str, spans: list[tuple[int, int]], size: int) -> tuple[int, int]:
    """Return the `size`-character window of `text` holding the most matches, cut at spaces."""
    if len(text) <= size:
        return 0, len(text)
    best_start, best_count = 0, -1
    for start, _ in spans or [(0, 0)]:
        begin = max(0, start - size // 4)
        count = sum(1 for s, e in spans if s >= begin and e <= begin + size)
        if count > best_count:
            best_start, best_count = begin, count
    begin = best_start
    end = min(len(text), begin + size)
    if end == len(text):
        begin = max(0, end - size)
    if begin > 0:
        space = text.find(" ", begin)
        begin = space + 1 if 0 <= space < begin + 30 else begin
    if end < len(text):
        space = text.rfind(" ", begin, end)
        end = space if space > end - 30 else end
    return begin, end


def snippet(text: str, wanted: dict[str, set[str]], schema, fields: Iterable[str], size: int = 300) -> str:
    """Return safe HTML: a window of `text` escaped, with the `wanted` terms wrapped in <mark>."""
    spans = match_spans(text, wanted, schema, fields)
    begin, end = _window(text, spans, size)
    parts = [ELLIPSIS] if begin > 0 else []
    cursor = begin
    for start, stop in spans:
        if stop <= begin or start >= end:
            continue
        start, stop = max(start, begin), min(stop, end)
        parts.append(escape(text[cursor:start], quote=False))
        parts.append(f"<mark>{escape(text[start:stop], quote=False)}</mark>")
        cursor = stop
    parts.append(escape(text[cursor:end], quote=False))
    if end < len(text):
        parts.append(ELLIPSIS)
    return "".join(parts)
