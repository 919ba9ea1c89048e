"""A proof-reading listing of passages and their metadata, grouped by part and question."""

from __future__ import annotations

from collections.abc import Iterable

from .passages import Passage

TEXT_WIDTH = 110


def format_report(passages: Iterable[Passage], width: int = TEXT_WIDTH) -> str:
    """Return the passages as text: a header per document, part and question, then one line per passage."""
    lines: list[str] = []
    where: tuple = ()
    for p in passages:
        if (p.doc, p.section) != where[:2]:
            lines += ["", f"=== {p.doc} · {p.section.upper()} ==="]
        if (p.doc, p.section, p.question) != where:
            if p.question:
                lines.append(f"--- {p.question} · {p.question_title or ''}")
            where = (p.doc, p.section, p.question)
        langs = p.lang or "-"
        if len(p.langs) > 1:
            langs += "+" + "+".join(lang for lang in p.langs if lang != p.lang)
        community = ",".join(p.community) or "-"
        articles = f" [art. {', '.join(p.articles)}]" if p.articles else ""
        text = p.text if len(p.text) <= width else p.text[: width - 1] + "…"
        lines.append(f"{p.start:>6} {p.kind:<8} {langs:<6} {community:<24} {text}{articles}")
    return "\n".join(lines).lstrip("\n") + "\n"
