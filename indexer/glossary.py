"""The FR/EN/NL/DE glossary of the field's concepts, and finding its terms in a query."""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .analysis import common_word, normalizer
from .entities import fold
from .errors import CorpusError
from .languages import LANGUAGES

GLOSSARY = Path(__file__).parent / "data" / "glossary.tsv"
# Ordinary words of the replies in the four languages (difficulté, challenge, uitdaging ...): after
# the field's own terms, which win where both have a form.
LEXICON = Path(__file__).parent / "data" / "lexicon.tsv"
# The longest term, in words, looked for in a query.
MAX_TERM_WORDS = 6


@dataclass(frozen=True)
class Concept:
    """One concept: its identifier, domain, and its forms in each language (main form first)."""

    id: str
    domain: str
    forms: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Match:
    """A run of query words that names a concept: where it stands, in which language, and the concept."""

    start: int
    end: int
    lang: str
    key: tuple[str, ...]
    concept: Concept
    words: tuple[str, ...] = ()

    def typed_in(self) -> tuple[str, ...]:
        """Return the languages in which the words typed are a form of the concept (sexting: all four)."""
        text = " ".join(self.words)
        return tuple(lang for lang in LANGUAGES if any(_key(lang, text) == _key(lang, form) for form in self.concept.forms[lang]))

    def other_forms(self) -> list[tuple[str, str]]:
        """Return the (language, form) pairs of the concept other than the words the user typed."""
        return [
            (lang, form)
            for lang in LANGUAGES
            for form in self.concept.forms.get(lang, ())
            if _key(lang, form) != self.key or lang != self.lang
        ]


@functools.lru_cache(maxsize=1 << 16)
def _key(lang: str, text: str) -> tuple[str, ...]:
    """Return `text` as its language compares it: stems without stop words or accents (cached: a query
    compares each of its runs of words, and each concept it names compares all its forms)."""
    return tuple(token.text for token in _normalizer(lang)(text))


@functools.lru_cache(maxsize=None)
def _normalizer(lang: str):
    return normalizer(lang)


class Glossary:
    """Concepts indexed by the normalized form of each of their terms, per language."""

    def __init__(self, concepts: Sequence[Concept]) -> None:
        self.concepts = tuple(concepts)
        # Several concepts may share a key once stemmed (research, researcher): all are kept, in order,
        # and the form as written tells them apart.
        self._by_key: dict[str, dict[tuple[str, ...], list[Concept]]] = {lang: {} for lang in LANGUAGES}
        self._by_form: dict[str, dict[str, Concept]] = {lang: {} for lang in LANGUAGES}
        for concept in self.concepts:
            for lang, forms in concept.forms.items():
                for form in forms:
                    key = _key(lang, form)
                    if key:
                        found = self._by_key[lang].setdefault(key, [])
                        if concept not in found:
                            found.append(concept)
                    self._by_form[lang].setdefault(_written(form), concept)

    def __len__(self) -> int:
        return len(self.concepts)

    @functools.cached_property
    def _folded(self) -> frozenset[str]:
        return frozenset(
            fold(word) for c in self.concepts for forms in c.forms.values() for form in forms for word in form.split()
        )

    def folded_words(self) -> frozenset[str]:
        """Return every word of the glossary's terms, lower-cased without accents."""
        return self._folded

    def concepts_in(self, lang: str, text: str) -> list[str]:
        """Return the ids of the concepts whose `lang` terms occur in `text`, once per occurrence,
        longest terms first and without overlaps: what a passage is about, whatever its language."""
        tokens = [(token.text, token.startchar, token.endchar) for token in _normalizer(lang)(text, chars=True)]

        def concept_at(i: int, n: int) -> str | None:
            key = tuple(token for token, _, _ in tokens[i : i + n])
            if key not in self._by_key[lang]:
                return None
            return self._concept(lang, key, text[tokens[i][1] : tokens[i + n - 1][2]]).id

        return list(_longest_runs(len(tokens), concept_at))

    def find(self, words: Sequence[str], lang: str | None = None) -> list[Match]:
        """Return the concepts named by runs of `words`, longest runs first, without overlaps. A run that
        names a concept in one language and another in a second (support: help in English, a carrier
        in French) is read in `lang`, else in the language most of the words are terms of; a run of
        common words of `lang` is read in no other language."""
        order = self._languages_of(words) if lang is None else (lang, *(other for other in LANGUAGES if other != lang))

        def match_at(i: int, n: int) -> Match | None:
            text = " ".join(words[i : i + n])
            for other in order:
                key = _key(other, text)
                if key and key in self._by_key[other]:
                    if lang is not None and other != lang and all(common_word(lang, word) for word in words[i : i + n]):
                        # A common word of the query's language is no term of another (faire is not fair).
                        return None
                    return Match(i, i + n, other, key, self._concept(other, key, text), tuple(words[i : i + n]))
            return None

        return list(_longest_runs(len(words), match_at))

    def _languages_of(self, words: Sequence[str]) -> tuple[str, ...]:
        """Return the languages, those with the most of `words` among their terms' words first."""
        counts = {lang: sum(1 for word in words if (key := _key(lang, word)) and key in self._by_key[lang]) for lang in LANGUAGES}
        return tuple(sorted(LANGUAGES, key=lambda lang: -counts[lang]))

    def _concept(self, lang: str, key: tuple[str, ...], written: str) -> Concept:
        """Return the concept of `key` that has the words as `written` for a form (research: the concept
        research, not researcher, which stems alike); else the first, the glossary's before the lexicon's."""
        candidates = self._by_key[lang][key]
        exact = self._by_form[lang].get(_written(written)) if len(candidates) > 1 else None
        return exact if exact in candidates else candidates[0]


def _written(text: str) -> str:
    """Return `text` as written forms are compared: lower case, without accents, spaces folded."""
    return fold(" ".join(text.split()))


def _longest_runs(length: int, found_at: Callable[[int, int], object | None]) -> Iterator:
    """Yield what `found_at(i, n)` finds for runs of `n` items from `i`, left to right, the longest run
    first at each place and without overlaps."""
    i = 0
    while i < length:
        for n in range(min(MAX_TERM_WORDS, length - i), 0, -1):
            found = found_at(i, n)
            if found is not None:
                yield found
                i += n
                break
        else:
            i += 1


def read_glossary(*paths: Path) -> Glossary:
    """Return the glossary stored at `paths` (tab-separated: id, domain, en, fr, nl, de; forms split by `|`)."""
    concepts = []
    for path in paths or (GLOSSARY,):
        if Path(path).exists():
            concepts.extend(_read_concepts(Path(path)))
    return Glossary(concepts)


def _read_concepts(path: Path) -> list[Concept]:
    concepts = []
    with Path(path).open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            forms = {lang: tuple(form.strip() for form in (row.get(lang) or "").split("|") if form.strip()) for lang in LANGUAGES}
            if not row.get("id") or not all(forms.values()):
                raise CorpusError(f"{Path(path).name}: concept {row.get('id')!r} needs a form in each of {LANGUAGES}")
            concepts.append(Concept(row["id"], row.get("domain", ""), forms))
    return concepts


@functools.lru_cache(maxsize=1)
def default_glossary() -> Glossary:
    """Return the glossary shipped with the indexer: the field's terms, then the general lexicon."""
    return read_glossary(GLOSSARY, LEXICON)
