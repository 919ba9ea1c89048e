"""Indexer of the Lanzarote replies search service: documents -> passages -> Whoosh index -> search.

Whoosh objects stay inside this package; callers use the types below.
"""

from .build import BuildSummary, build_corpus, build_index, read_build_info
from .config import SETTINGS, load_settings
from .documents import Document, read_corpus, read_document
from .errors import BadQuery, CorpusError, IndexUnavailable, NotFound, SearchError
from .languages import LANGUAGES
from .passages import KINDS, SECTIONS, Passage, split_passages
from .search import FACETS, SORTS, FacetValue, PassageIndex, SearchHit, SearchQuery, SearchResults

__all__ = [
    "FACETS", "KINDS", "LANGUAGES", "SECTIONS", "SETTINGS", "SORTS",
    "BadQuery", "BuildSummary", "CorpusError", "Document", "FacetValue", "IndexUnavailable",
    "NotFound", "Passage", "PassageIndex", "SearchError", "SearchHit", "SearchQuery", "SearchResults",
    "build_corpus", "build_index", "load_settings", "read_build_info", "read_corpus", "read_document",
    "split_passages",
]  # fmt: skip
