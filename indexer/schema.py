"""The Whoosh schema: analyzed text per language, a neutral field, and filterable metadata."""

from __future__ import annotations

from whoosh.fields import ID, KEYWORD, NUMERIC, STORED, TEXT, Schema

from .analysis import ANALYZERS, COMPOUNDING, neutral_analyzer
from .languages import LANGUAGES

NEUTRAL_FIELD = "text_all"


def concept_field(lang: str) -> str:
    """Return the name of the field holding the glossary concepts a passage names in `lang`: where a
    query's concept meets the passages that name it in another language than the one typed."""
    return f"concepts_{lang}"



def text_field(lang: str) -> str:
    """Return the name of the field holding text analyzed as `lang`."""
    return f"text_{lang}"


def about_field(lang: str) -> str:
    """Return the name of the field holding, analyzed as `lang`, the description of a passage written
    in `lang` beside its document (what it is about, in the words people search with)."""
    return f"about_{lang}"


def context_field(lang: str) -> str:
    """Return the name of the field holding, analyzed as `lang`, the question and lead-in a passage answers."""
    return f"context_{lang}"


TEXT_FIELDS = tuple(text_field(lang) for lang in LANGUAGES) + (NEUTRAL_FIELD,)
CONTEXT_FIELDS = tuple(context_field(lang) for lang in LANGUAGES)
ABOUT_FIELDS = tuple(about_field(lang) for lang in LANGUAGES)

# Facets: contract name -> index field. `lang` filters on every language a passage contains,
# and `question` on the passage's question and its parents (so `9` selects 9.1 ... 9.12).
FACET_FIELDS = {
    "community": "community",
    "lang": "langs",
    "section": "section",
    "question": "question_path",
    "kind": "kind",
    "doc": "doc",
    "article": "articles",
}


def build_schema() -> Schema:
    """Return the schema of a passage index."""
    fields = {text_field(lang): TEXT(analyzer=ANALYZERS[lang], phrase=True) for lang in LANGUAGES}
    for lang in LANGUAGES:
        fields[context_field(lang)] = TEXT(analyzer=ANALYZERS[lang])
        fields[about_field(lang)] = TEXT(analyzer=ANALYZERS[lang])
    for lang in COMPOUNDING:
        # A compound in a query is its parts too: match any of them (BM25 ranks the whole higher).
        fields[text_field(lang)].multitoken_query = "or"
        fields[context_field(lang)].multitoken_query = "or"
        # Every passage has a description in Dutch and German: a word of the query is not also its
        # parts there (Mediaraven is not media), only in the passages' own words.
        fields[about_field(lang)].multitoken_query = "first"
    fields[NEUTRAL_FIELD] = TEXT(analyzer=neutral_analyzer(), phrase=True, spelling=True)
    return Schema(
        id=ID(stored=True, unique=True),
        doc=ID(stored=True, sortable=True),
        order=NUMERIC(stored=True, sortable=True),
        text=STORED(),
        start=STORED(),
        end=STORED(),
        lang=ID(stored=True),
        langs=KEYWORD(stored=True, commas=True),
        section=ID(stored=True),
        question=ID(stored=True),
        question_path=KEYWORD(commas=True),
        question_title=STORED(),
        community=KEYWORD(stored=True, commas=True),
        articles=KEYWORD(stored=True, commas=True),
        kind=ID(stored=True),
        **{concept_field(lang): KEYWORD(scorable=True) for lang in LANGUAGES},
        **fields,
    )
