"""The entities a State's reply is attributed to (for Belgium: federal level and Communities), from metadata."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from .errors import CorpusError

# A paragraph that names an entity this early introduces that entity's reply.
MARKER_WINDOW = 80
# Referrals name the entity late in the sentence: "Il est renvoyé à la question 1.1 par la Communauté ...".
_REFERRAL = re.compile(r"renvo|refer|verwijs|verweis", re.IGNORECASE)
_FIRST_SENTENCE = re.compile(r"(?<=[.:;!?])\s")


def fold(text: str) -> str:
    """Return `text` lowercased without accents, one character for one, so offsets still match."""
    return "".join(
        (unicodedata.normalize("NFKD", ch)[0] if ch.isalpha() else ch) for ch in text.lower()
    )  # fmt: skip


def _phrase(name: str) -> str:
    return r"\b" + r"\s+".join(re.escape(fold(word)) for word in name.split()) + r"\b"


@dataclass(frozen=True)
class Entity:
    """One entity: its code and the phrases that name it (its labels are the interface's, read from the
    build's record of the metadata)."""

    code: str
    pattern: re.Pattern


@dataclass(frozen=True)
class Profile:
    """How a document attributes its content: its entities, and who answers where none is named."""

    entities: tuple[Entity, ...] = ()
    competence: Mapping[str, tuple[str, ...]] = field(default_factory=dict)

    def marker(self, text: str) -> tuple[str, ...]:
        """Return the entities a paragraph introduces: named early in its first sentence, or referred to."""
        first = _FIRST_SENTENCE.split(text, maxsplit=1)[0]
        folded = fold(first)
        found = [(m.start(), e.code) for e in self.entities if (m := e.pattern.search(folded))]
        if not found:
            return ()
        if min(start for start, _ in found) >= MARKER_WINDOW and not _REFERRAL.search(first):
            return ()
        codes = {code for _, code in found}
        return tuple(entity.code for entity in self.entities if entity.code in codes)

    def default(self, section: str) -> tuple[str, ...]:
        """Return the entities competent for `section` when a reply names none."""
        return tuple(self.competence.get(section, ()))


def profile_from_metadata(metadata: Mapping, name: str = "metadata") -> Profile:
    """Return the profile declared by a document's `[entities.*]` and `[competence]` tables."""
    entities = []
    for code, spec in (metadata.get("entities") or {}).items():
        if not re.fullmatch(r"[a-z][a-z0-9-]{0,40}", code):
            raise CorpusError(f"{name}: entity code {code!r} must be lower-case letters, digits and '-'")
        names = spec.get("names") if isinstance(spec, dict) else None
        if not isinstance(names, list) or not names or not all(isinstance(n, str) and n.strip() for n in names):
            raise CorpusError(f"{name}: entity {code!r} needs a non-empty list of names")
        pattern = re.compile("|".join(_phrase(n) for n in names))
        if not isinstance(spec.get("label") or {}, dict):
            raise CorpusError(f"{name}: entity {code!r} label must be a table of language = label")
        entities.append(Entity(code, pattern))
    codes = {entity.code for entity in entities}
    competence = {}
    for section, owners in (metadata.get("competence") or {}).items():
        unknown = set(owners) - codes
        if unknown:
            raise CorpusError(f"{name}: competence for {section!r} names unknown entities {sorted(unknown)}")
        competence[section] = tuple(owners)
    return Profile(tuple(entities), competence)
