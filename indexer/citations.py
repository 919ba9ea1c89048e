"""Criminal Code articles cited by a passage: `383bis`, `371/1`, `433quinquies`."""

from __future__ import annotations

import re

_SUFFIX = r"(?:bis|ter|quater|quinquies|sexies|septies|octies|novies|nonies|decies)?"
ARTICLE = rf"\d{{1,3}}{_SUFFIX}(?:/\d{{1,2}})?"
# "art. 383bis", "l'art.371/1", "articles 379 et 380", "Art. 382², § 1er", "articles 372 à 377, 377quater"
_PARAGRAPHS = r"§§?\s*\d+(?:er)?(?:\s*(?:et|à|and|to)\s*\d+(?:er)?)?"
_SEPARATOR = r"(?:\s*,\s*|\s+(?:et|à|and|to|en|tot|und|bis)\s+)"
_CITATION = re.compile(
    rf"\bart(?:icles?|s?\.)\s*(?P<list>{ARTICLE}[²³]?(?:(?:{_SEPARATOR}{_PARAGRAPHS})*{_SEPARATOR}{ARTICLE}[²³]?)*)",
    re.IGNORECASE,
)
_PARAGRAPH_REFS = re.compile(_PARAGRAPHS)
_BEFORE_OTHER = re.compile(r"(?:Convention|Protocole|Protocol|Directive)[^.;]{0,40}$", re.IGNORECASE)
_NUMBER = re.compile(ARTICLE)
# Words after a citation that say which instrument it belongs to.
_CRIMINAL_CODE = re.compile(r"^\W*(?:[^.;]{0,80}?\b)?(?:CP|C\.\s?P\.|Code\s+pénal|même\s+Code|Criminal\s+Code|Strafwetboek|Strafgesetzbuch)\b")
_OTHER = re.compile(
    r"^\W*(?:[^.;]{0,80}?\b)?(?:Convention|Protocole|Protocol|Directive|Richtlijn|Richtlinie|titre\s+préliminaire|"
    r"procédure\s+pénale|Code\s+judiciaire|Code\s+civil|loi\s+du|décret|Charte|Constitution|Rapport)",
    re.IGNORECASE,
)
_INSTRUMENTS = re.compile(
    r"titre\s+préliminaire|procédure\s+pénale|Code\s+judiciaire|loi\s+du\s+8\s+décembre\s+1992|vie\s+privée|Convention",
    re.IGNORECASE,
)


_NAMES_CRIMINAL_CODE = re.compile(r"Code\s+pénal|\bCP\b")


def instrument_named(text: str) -> str | None:
    """Return which law `text` introduces: "criminal code", "other" (procedure, privacy law, the
    Convention), or None when it names none."""
    if _NAMES_CRIMINAL_CODE.search(text):
        return "criminal code"
    return "other" if _INSTRUMENTS.search(text) else None


def cited_articles(text: str, default_criminal_code: bool) -> tuple[str, ...]:
    """Return the Criminal Code articles `text` cites, in order of first citation.

    A citation followed by the name of another instrument (the Convention, a directive, the
    Code of Criminal Procedure, a statute) is not counted; one followed by none counts when
    `default_criminal_code` says that is the instrument in context.
    """
    found: dict[str, None] = {}
    for match in _CITATION.finditer(text):
        after = text[match.end() : match.end() + 120]
        before = text[max(0, match.start() - 60) : match.start()]
        if _CRIMINAL_CODE.search(after):
            criminal = True
        elif _OTHER.search(after) or _BEFORE_OTHER.search(before):
            criminal = False
        else:
            criminal = default_criminal_code
        if criminal:
            for number in _NUMBER.findall(_PARAGRAPH_REFS.sub(" ", match.group("list"))):
                found.setdefault(number.lower(), None)
    return tuple(found)
