"""Per-language analyzers, composed from one table of languages, shared by indexing and querying."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Iterator

import wordfreq
from whoosh.analysis import CharsetFilter, Filter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
from whoosh.lang.stopwords import stoplists
from whoosh.support.charset import accent_map

from .languages import LANGUAGES

# Words of at least one letter or digit; apostrophes split, so French elisions (l', qu') come apart.
WORD = r"\w+"
# The neutral field keeps numbers such as the article 371/1 or the date 29/01/2016 in one piece.
CODE = r"\d+\w*(?:/\d+\w*)+|\w+"

# Elided forms that the apostrophe leaves behind, beyond each language's stop list.
_EXTRA_STOPS = {
    "fr": {"a", "y", "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"},
    "en": {"s"},
    "nl": set(),
    "de": set(),
}


# Each language's function words: its stop words and the elided forms its apostrophes leave.
FUNCTION_WORDS = {lang: frozenset(stoplists[lang]) | _EXTRA_STOPS[lang] for lang in LANGUAGES}

# Words at least this frequent (Zipf scale) are common words of a language; real words at least.
COMMON_ZIPF = 4.5
REAL_WORD_ZIPF = 3.0
# Languages that write compounds as one word (Kindermishandeling, Lehrerfortbildung).
COMPOUNDING = ("nl", "de")
# How many of a language's most frequent words (wordfreq's lists) may be parts of a compound.
VOCABULARY_SIZE = 100_000
# Parts are at least this long; compounds at least twice that.
MIN_PART = 4
# What Dutch and German put between the parts: Vertrouwen-s-centrum, Kind-er-mishandeling.
LINKS = ("", "s", "en", "e", "n", "er", "es")


@functools.lru_cache(maxsize=None)
def vocabulary(lang: str) -> frozenset[str]:
    """Return the frequent words of `lang` that may stand as parts of a compound."""
    return frozenset(
        word for word in wordfreq.top_n_list(lang, VOCABULARY_SIZE) if word.isalpha() and len(word) >= MIN_PART
    )


def common_word(lang: str, word: str) -> bool:
    """Whether `word` is among the common words of `lang` (about one in 30,000 words of its texts or more)."""
    return wordfreq.zipf_frequency(word, lang) >= COMMON_ZIPF


def real_word(word: str) -> bool:
    """Whether `word` is a word of one of the languages (about one in a million words of its texts or
    more): not a typo, even when the documents do not use it (penalties, classer)."""
    return any(wordfreq.zipf_frequency(word, lang) >= REAL_WORD_ZIPF for lang in LANGUAGES)


def warm_up() -> None:
    """Load the compound vocabularies and word frequencies now rather than at the first compound."""
    for lang in COMPOUNDING:
        vocabulary(lang)
        wordfreq.zipf_frequency("kind", lang)


class Decompounder(Filter):
    """Adds the parts of a compound after it, at its position: kindermishandeling -> kinder, mishandeling.

    The compound itself stays, so a query for it still matches it exactly.
    """

    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, tokens: Iterable) -> Iterator:
        for token in tokens:
            # Later filters change the token in place (stemming): read it before passing it on.
            word, stopped = token.text, token.stopped
            yield token
            parts = None if stopped else split_compound(self.lang, word)
            for part in parts or ():
                token.text, token.stopped = part, False
                yield token


@functools.lru_cache(maxsize=100_000)
def _split(lang: str, word: str, depth: int) -> tuple[str, ...] | None:
    """Return the best split of `word` into known parts, the fewest and then the longest parts first.

    A compound is rarer than each of its parts: a word as frequent as a part (kinderen, "children",
    is not kind + eren) is an inflected word, not a compound.
    """
    words = vocabulary(lang)
    frequency = wordfreq.zipf_frequency(word, lang)
    best: tuple[str, ...] | None = None
    for i in range(MIN_PART, len(word) - MIN_PART + 1):
        head = word[:i]
        if head not in words:
            continue
        for link in LINKS:
            rest = word[i + len(link) :]
            if not word.startswith(link, i) or len(rest) < MIN_PART:
                continue
            if rest in words:
                candidate: tuple[str, ...] | None = (head, rest)
            elif depth > 1:
                tail = _split(lang, rest, depth - 1)
                candidate = (head, *tail) if tail else None
            else:
                candidate = None
            if not candidate or any(wordfreq.zipf_frequency(part, lang) <= frequency for part in candidate):
                continue
            if best is None or _rank(candidate) > _rank(best):
                best = candidate
    return best


def split_compound(lang: str, word: str) -> tuple[str, ...] | None:
    """Return the two or three known words the lower-case compound `word` of `lang` is made of
    (without linking letters), or None if it is none."""
    return _split(lang, word, 2) if len(word) >= 2 * MIN_PART else None


def _rank(parts: tuple[str, ...]) -> tuple[int, int]:
    return (-len(parts), min(len(part) for part in parts))


def language_analyzer(lang: str, compounds: bool = True):
    """Return the analyzer of `lang`: words, lowercase, stop words, compounds split (Dutch, German,
    unless `compounds` is false), Snowball stemming, accent folding."""
    chain = RegexTokenizer(WORD) | LowercaseFilter() | StopFilter(stoplist=FUNCTION_WORDS[lang], minsize=1)
    if compounds and lang in COMPOUNDING:
        # After the stop words (which renumber positions), so the parts share the compound's position.
        chain = chain | Decompounder(lang)
    return chain | StemFilter(lang=lang) | CharsetFilter(accent_map)


def normalizer(lang: str):
    """Return the analyzer of `lang` without compound splitting: how glossary terms are compared."""
    return language_analyzer(lang, compounds=False)


def neutral_analyzer():
    """Return the language-neutral analyzer: names, codes and numbers, lowercased and accent-folded.

    The function words of the four languages are left out: they name nothing, and would make a
    long query in any language match every passage.
    """
    stops = frozenset().union(*FUNCTION_WORDS.values())
    return RegexTokenizer(CODE) | LowercaseFilter() | StopFilter(stoplist=stops, minsize=1) | CharsetFilter(accent_map)


ANALYZERS = {lang: language_analyzer(lang) for lang in LANGUAGES}
