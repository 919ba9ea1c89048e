"""Per-language analyzers, composed from one table of languages, shared by indexing and querying."""

from __future__ import annotations

from whoosh.analysis import CharsetFilter, LowercaseFilter, RegexTokenizer, StemFilter, StopFilter
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


def language_analyzer(lang: str):
    """Return the analyzer of `lang`: words, lowercase, stop words, Snowball stemming, accent folding."""
    stops = frozenset(stoplists[lang]) | _EXTRA_STOPS[lang]
    return (
        RegexTokenizer(WORD)
        | LowercaseFilter()
        | StopFilter(stoplist=stops, minsize=1)
        | StemFilter(lang=lang)
        | CharsetFilter(accent_map)
    )


def neutral_analyzer():
    """Return the language-neutral analyzer: names, codes and numbers, lowercased and accent-folded."""
    return RegexTokenizer(CODE) | LowercaseFilter() | CharsetFilter(accent_map)


ANALYZERS = {lang: language_analyzer(lang) for lang in LANGUAGES}
