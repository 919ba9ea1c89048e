"""Searching a passage index: lenient query parsing, filters, disjunctive facet counts, snippets."""

from __future__ import annotations

import logging
import os
import re
import threading
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import scoring, sorting

from . import languages
from .analysis import real_word, warm_up
from .build import read_build_info
from .errors import N_, BadQuery, IndexUnavailable, NotFound
from .facets import count_facets, facet_filter, facet_table
from .glossary import Glossary, default_glossary
from .highlight import positive_terms, snippet
from .query import LOOSE_FROM, ParsedQuery, QueryBuilder, loosen
from .results import FACETS, SORTS, FacetValue, SearchHit, SearchQuery, SearchResults, stored_passage
from .schema import NEUTRAL_FIELD, text_field

_log = logging.getLogger(__name__)

__all__ = ["FACETS", "SORTS", "FacetValue", "PassageIndex", "SearchHit", "SearchQuery", "SearchResults"]

# Ranking weight of each kind of passage: the reply's answers before the questionnaire's own words,
# which repeat every query's terms (tuned on bench/data/queries.jsonl).
KIND_WEIGHTS = {"answer": 1.0, "legal": 1.0, "footnote": 0.7, "question": 0.3, "heading": 0.3, "title": 0.3}


# A word the index holds in this few passages, and this long, may be a name spelled otherwise
# elsewhere in the documents: its other spellings are searched too (weaker).
VARIANT_MAX_PASSAGES = 3
VARIANT_MIN_LENGTH = 6

# BM25F parameters: passages run from a two-word heading to a page of law, and a long passage is not
# less about its words for being long (B low); term frequency saturates early (K1 low). Tuned on the
# development queries.
BM25_B = 0.3
BM25_K1 = 0.8


# Relevance, then document order: passages of equal score (a law quoted twice) in a stable order, so
# that pages follow one another. A sort also scores every match: Whoosh's top-N search prunes with
# estimates of the best score a sub-query can give, which the kind weights and phrases of these
# queries defeat (a passage could be missing from page 1 yet be on page 2).
BY_RELEVANCE = [sorting.ScoreFacet(), sorting.FieldFacet("doc"), sorting.FieldFacet("order")]


class PassageWeighting(scoring.BM25F):
    """BM25F, each passage's score then weighted by its kind."""

    use_final = True

    def __init__(self, kinds: Sequence[float]) -> None:
        super().__init__(B=BM25_B, K1=BM25_K1)
        self.kinds = kinds

    def final(self, searcher, docnum: int, score: float) -> float:
        return score * self.kinds[docnum]


class PassageIndex:
    """A passage index on disk, reopened when a build switches the index link to a new folder."""

    def __init__(self, index_dir: Path, snippet_chars: int = 300, glossary: Glossary | None = None) -> None:
        self.index_dir = Path(index_dir)
        self.glossary = default_glossary() if glossary is None else glossary
        self.snippet_chars = snippet_chars
        self._lock = threading.Lock()
        self._opened: tuple[str, object, object] | None = None
        self._retired: tuple[str, object, object] | None = None
        self._titles: tuple[object, dict[str, str]] | None = None
        self._table: tuple[object, list] | None = None
        self._info: dict = {}
        self._entities: dict[str, dict[str, str]] = {}

    def _searcher(self):
        """Return a searcher over the index in service, opening the newest build if it changed."""
        real = os.path.realpath(self.index_dir)
        opened = self._opened
        if opened is not None and opened[0] == real:
            return opened[2]
        with self._lock:
            if self._opened is None or self._opened[0] != real:
                try:
                    ix = whoosh_index.open_dir(real)
                except (OSError, whoosh_index.EmptyIndexError) as exc:
                    raise IndexUnavailable(N_("The search index is not available yet; build it with `python -m indexer build`.")) from exc
                # The searcher before the previous one can no longer be in use: close it. The previous
                # one stays open for a request that may still hold it.
                if self._retired is not None:
                    _close(self._retired)
                self._retired = self._opened
                reader = ix.reader()
                kinds = [KIND_WEIGHTS.get(reader.stored_fields(n).get("kind"), 1.0) for n in range(reader.doc_count_all())]
                reader.close()
                self._opened = (real, ix, ix.searcher(weighting=PassageWeighting(kinds)))
                # Loaded now rather than by the first query: compound vocabularies, language profiles.
                warm_up()
                languages.probabilities("warm up")
                self._info = read_build_info(Path(real))
                self._entities = _declared_entities(self._info)
            return self._opened[2]

    def question_titles(self) -> dict[str, str]:
        """Return the title of each top-level question number, as the documents word it."""
        searcher = self._searcher()
        if self._titles is None or self._titles[0] is not searcher:
            titles: dict[str, str] = {}
            for fields in searcher.reader().all_stored_fields():
                number = (fields.get("question") or "").split(".")[0]
                if number and fields.get("question_title"):
                    titles.setdefault(number, fields["question_title"])
            self._titles = (searcher, titles)
        return self._titles[1]

    def entities(self) -> dict[str, dict[str, str]]:
        """Return the entities the indexed documents declare, in order: code -> labels per language."""
        self._searcher()
        return self._entities

    def build_info(self) -> dict:
        """Return the summary written by the build in service (documents, counts)."""
        self._searcher()
        return self._info

    def count(self) -> int:
        """Return how many passages the index holds."""
        return self._searcher().doc_count()

    def builder(self) -> QueryBuilder:
        """Return the query builder over the index's schema and the glossary."""
        return QueryBuilder(self._searcher().schema, self.glossary, self.corrections, self.knows, self.variants)

    def _neutral_tokens(self, word: str) -> tuple[list[str], object]:
        """Return the tokens of `word` as the neutral field reads it, and the searcher."""
        searcher = self._searcher()
        return [token.text for token in searcher.schema[NEUTRAL_FIELD].analyzer(word)], searcher

    def knows(self, word: str) -> bool:
        """Whether the index holds `word` (as the neutral field reads it)."""
        tokens, searcher = self._neutral_tokens(word)
        return bool(tokens) and all((NEUTRAL_FIELD, token) in searcher.reader() for token in tokens)

    def corrections(self, word: str) -> list[str]:
        """Return the index's word closest to `word` (two edits at most) when the index does not hold it
        and it is neither a glossary term nor a word of the languages; else nothing."""
        tokens, searcher = self._neutral_tokens(word)
        # Numbers are what they are (an article 371/2 is no typo for 371/1); words, even with digits, may be typos.
        if len(tokens) != 1 or len(tokens[0]) < 4 or not any(ch.isalpha() for ch in tokens[0]):
            return []
        if (NEUTRAL_FIELD, tokens[0]) in searcher.reader() or tokens[0] in self.glossary.folded_words() or real_word(word.lower()):
            return []
        return searcher.suggest(NEUTRAL_FIELD, tokens[0], limit=1, maxdist=2, prefix=1)

    def variants(self, word: str) -> list[str]:
        """Return the index's other spellings of a name it holds in few passages (two edits at most,
        the first two letters alike): Yakapa for Yapaka, which the document spells both ways."""
        tokens, searcher = self._neutral_tokens(word)
        if len(tokens) != 1 or len(tokens[0]) < VARIANT_MIN_LENGTH or not tokens[0].isalpha():
            return []
        reader = searcher.reader()
        if not 0 < reader.doc_frequency(NEUTRAL_FIELD, tokens[0]) <= VARIANT_MAX_PASSAGES or tokens[0] in self.glossary.folded_words():
            return []
        return [term for term in reader.terms_within(NEUTRAL_FIELD, tokens[0], 2, prefix=2) if term != tokens[0]]

    def parse(self, text: str) -> ParsedQuery:
        """Return the query for the user's `text` (every passage for empty text); never fails."""
        try:
            return self.builder().build(text)
        except Exception:  # noqa: BLE001 - any text a person types must search, never fail
            _log.warning("query %r searched as bare words: it could not be built", text, exc_info=True)
            words = re.findall(r"\w+", text)
            return self.builder().build(" ".join(words), expand=False) if words else ParsedQuery(wq.NullQuery)

    def fuzzy(self, parsed: ParsedQuery) -> wq.Query | None:
        """Return a query of the user's words spelled approximately (one or two letters off), or None."""
        searcher = self._searcher()
        analyzer = searcher.schema[NEUTRAL_FIELD].analyzer
        terms = []
        for word in parsed.words:
            for token in analyzer(word):
                distance = 1 if len(token.text) <= 5 else 2
                terms.append(wq.FuzzyTerm(NEUTRAL_FIELD, token.text, maxdist=distance, prefixlength=1))
        if not terms:
            return None
        return wq.And(terms) if len(terms) < LOOSE_FROM else loosen(wq.And(terms))

    def search(self, query: SearchQuery) -> SearchResults:
        """Return one page of passages matching `query`, with disjunctive facet counts."""
        started = time.perf_counter()
        searcher = self._searcher()
        self._check_known(query)
        built = self.parse(query.q)
        parsed = built.query
        filters = {facet: facet_filter(facet, values) for facet, values in query.filters.items()}
        everything = _and(filters.values())
        # Every passage scores alike when nothing positive was asked for: list them in document order.
        unscored = isinstance(parsed, wq.Every) or (isinstance(parsed, wq.AndNot) and isinstance(parsed.a, wq.Every))
        ranked = query.sort == "relevance" and not unscored
        sortedby = BY_RELEVANCE if ranked else ["doc", "order"]
        hits = []
        total = 0
        relaxed = None
        if _matches_any(searcher, everything):
            page = searcher.search_page(parsed, query.page, pagelen=query.per_page, filter=everything, sortedby=sortedby)
            total = page.total
            strict = _and(q for q in (built.strict, everything) if q is not None)
            if total and built.strict is not None and not _matches_any(searcher, strict):
                relaxed = "partial"  # no passage holds all the words: say so
            approximate = self.fuzzy(built) if total == 0 and not built.operators else None
            if approximate is not None:
                # Nothing found as typed: search again with the words spelled approximately, and say so.
                page = searcher.search_page(approximate, query.page, pagelen=query.per_page, filter=everything, sortedby=sortedby)
                if page.total:
                    parsed, total, relaxed = approximate, page.total, "fuzzy"
        # Whoosh clamps a page number past the end to the last page; past the end there is nothing.
        if (query.page - 1) * query.per_page < total:
            wanted = positive_terms(parsed, searcher.reader())
            for hit in page:
                passage = stored_passage(hit.fields())
                fields = [NEUTRAL_FIELD] + [text_field(lang) for lang in passage["langs"]]
                marked = snippet(passage["text"], wanted, searcher.schema, fields, self.snippet_chars)
                # Sorted by relevance, a hit's sort key starts with its score, negated.
                score = round(-hit.score[0], 4) if ranked else None
                hits.append(SearchHit(passage=passage, snippet=marked, score=score))
        facets = self._facets(searcher, parsed, filters, query)
        suggestion = built.corrected
        took = (time.perf_counter() - started) * 1000
        return SearchResults(query, total, tuple(hits), facets, took, suggestion, built.expansions, relaxed, built.lang)

    def _check_known(self, query: SearchQuery) -> None:
        """Refuse filter values for entities or documents the index does not hold (a 400, not an empty page)."""
        known = {
            "community": set(self.entities()),
            "doc": {doc["id"] for doc in self.build_info().get("documents", [])},
        }
        for facet, values in known.items():
            for value in query.filters.get(facet, ()):
                if values and value not in values:
                    raise BadQuery(N_("%(value)s is not a valid value for %(name)s"), value=repr(value[:60]), name=facet)

    def _facets(self, searcher, parsed: wq.Query, filters: dict, query: SearchQuery) -> dict:
        """Return the facet counts for `parsed` under `filters` (each facet without its own filter)."""
        if self._table is None or self._table[0] is not searcher:
            self._table = (searcher, facet_table(searcher.reader()))
        matched = set(searcher.docs_for_query(parsed))
        selected_docs = {name: set(searcher.docs_for_query(f)) for name, f in filters.items()}
        return count_facets(self._table[1], matched, selected_docs, query, self.entities())

    def passage(self, passage_id: str, context: int = 0) -> dict:
        """Return the passage `passage_id`, the ids before and after it, and up to `context` passages each side.

        The result has the keys `passage`, `prev`, `next`, `before` and `after`.
        """
        searcher = self._searcher()
        fields = searcher.document(id=passage_id)
        if fields is None:
            raise NotFound(N_("No passage has the id %(id)s."), id=repr(passage_id[:80]))
        order, doc = fields["order"], fields["doc"]
        # Orders may skip a few numbers (lines that clean to nothing): look a little wider.
        reach = context + 8
        found = searcher.search(
            wq.And([wq.Term("doc", doc), wq.NumericRange("order", max(0, order - reach), order + reach)]),
            sortedby="order",
            limit=None,
        )
        around = [stored_passage(hit.fields()) for hit in found]
        here = next(i for i, item in enumerate(around) if item["id"] == passage_id)
        before, after = around[:here], around[here + 1 :]
        return {
            "passage": around[here],
            "prev": before[-1]["id"] if before else None,
            "next": after[0]["id"] if after else None,
            "before": before[max(0, len(before) - context) :] if context else [],
            "after": after[:context],
        }

    def passages(self) -> Iterator[dict]:
        """Yield every passage of the index in document order."""
        searcher = self._searcher()
        for hit in searcher.search(wq.Every(), sortedby=["doc", "order"], limit=None):
            yield stored_passage(hit.fields())

    def close(self) -> None:
        """Close the searcher and index."""
        with self._lock:
            for opened in (self._retired, self._opened):
                if opened is not None:
                    _close(opened)
            self._opened = self._retired = None


def _declared_entities(info: dict) -> dict[str, dict[str, str]]:
    """Return the entities the documents of a build declare, in order: code -> labels per language."""
    found: dict[str, dict[str, str]] = {}
    for doc in info.get("documents", []):
        for code, spec in (doc.get("entities") or {}).items():
            found.setdefault(code, dict(spec.get("label") or {}))
    return found


def _close(opened: tuple) -> None:
    _, ix, searcher = opened
    searcher.close()
    ix.close()


def _matches_any(searcher, filter_query: wq.Query | None) -> bool:
    """Return whether `filter_query` selects any passage (Whoosh ignores a filter that selects none)."""
    if filter_query is None:
        return True
    return next(iter(searcher.docs_for_query(filter_query)), None) is not None


def _and(queries) -> wq.Query | None:
    queries = list(queries)
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else wq.And(queries)
