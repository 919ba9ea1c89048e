"""Searching a passage index: lenient query parsing, filters, disjunctive facet counts, snippets."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from whoosh import index as whoosh_index
from whoosh import query as wq
from whoosh import sorting
from whoosh.qparser import GroupPlugin, MultifieldPlugin, OperatorsPlugin, PhrasePlugin, PlusMinusPlugin, QueryParser

from .errors import BadQuery, IndexUnavailable, NotFound
from .highlight import snippet
from .languages import LANGUAGES
from .passages import COMMUNITIES, KINDS, SECTIONS
from .schema import FACET_COUNT_FIELDS, FACET_FIELDS, NEUTRAL_FIELD, TEXT_FIELDS, text_field

FACETS = tuple(FACET_FIELDS)
SORTS = ("relevance", "document")
MAX_PER_PAGE = 100
# The language fields weigh more than the neutral one: a stem match is the better evidence.
FIELD_BOOSTS = {**{text_field(lang): 1.0 for lang in LANGUAGES}, NEUTRAL_FIELD: 0.6}
STORED_FIELDS = (
    "id", "doc", "text", "start", "end", "lang", "langs", "section",
    "question", "question_title", "community", "kind",
)  # fmt: skip

_QUESTION_VALUE = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}")
_DOC_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")
# What each facet accepts; a value outside gets a 400 rather than a silently empty page.
_FACET_VALUES = {
    "community": lambda v: v in COMMUNITIES,
    "lang": lambda v: v in LANGUAGES,
    "section": lambda v: v in SECTIONS,
    "kind": lambda v: v in KINDS,
    "question": _QUESTION_VALUE.fullmatch,
    "doc": _DOC_VALUE.fullmatch,
}
_FACET_ORDER = {"community": COMMUNITIES, "lang": LANGUAGES, "section": SECTIONS, "kind": KINDS}


@dataclass(frozen=True)
class SearchQuery:
    """A validated search request: query text, filters per facet, sort and page."""

    q: str = ""
    filters: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 10

    @classmethod
    def from_args(cls, args: Mapping[str, Sequence[str]], per_page: int = 10, max_query_chars: int = 1000) -> SearchQuery:
        """Return the query described by request arguments (name -> list of values); raise BadQuery if invalid."""

        def single(name: str, default: str) -> str:
            values = [v for v in args.get(name, ()) if v != ""]
            if len(values) > 1:
                raise BadQuery(f"{name} may be given only once")
            return values[0] if values else default

        q = " ".join(args.get("q", ())).strip()
        if len(q) > max_query_chars:
            raise BadQuery(f"q must be at most {max_query_chars} characters")
        if "\x00" in q:
            raise BadQuery("q must not contain NUL characters")
        page = _integer("page", single("page", "1"), 1, 10_000)
        size = _integer("per_page", single("per_page", str(per_page)), 1, MAX_PER_PAGE)
        sort = single("sort", "relevance" if q else "document")
        if sort not in SORTS:
            raise BadQuery(f"sort must be one of: {', '.join(SORTS)}")
        filters = {}
        for facet in FACETS:
            values = tuple(dict.fromkeys(v for v in args.get(facet, ()) if v != ""))
            for value in values:
                if not _FACET_VALUES[facet](value):
                    raise BadQuery(f"{facet}={value!r} is not a valid value for {facet}")
            if values:
                filters[facet] = values
        return cls(q=q, filters=filters, sort=sort, page=page, per_page=size)

    def to_args(self, **changes) -> list[tuple[str, str]]:
        """Return the request arguments of this query with `changes`, for links that keep the search."""
        state = {"q": self.q, "sort": self.sort, "page": self.page, "per_page": self.per_page, **changes}
        filters = state.pop("filters", self.filters)
        args = [("q", state["q"])] if state["q"] else []
        for facet in FACETS:
            args.extend((facet, value) for value in filters.get(facet, ()))
        if state["sort"] != ("relevance" if state["q"] else "document"):
            args.append(("sort", state["sort"]))
        if state["per_page"] != 10:
            args.append(("per_page", str(state["per_page"])))
        if state["page"] != 1:
            args.append(("page", str(state["page"])))
        return args


def _integer(name: str, raw: str, low: int, high: int) -> int:
    try:
        value = int(raw)
    except ValueError:
        raise BadQuery(f"{name} must be a whole number between {low} and {high}") from None
    if not low <= value <= high:
        raise BadQuery(f"{name} must be between {low} and {high}")
    return value


@dataclass(frozen=True)
class SearchHit:
    """One passage found, with its highlighted snippet and score."""

    passage: dict
    snippet: str
    score: float | None

    def to_dict(self) -> dict:
        """Return the hit as the contract's JSON object (without the web `url`)."""
        return {**self.passage, "snippet": self.snippet, "score": self.score}


@dataclass(frozen=True)
class FacetValue:
    """One value of a facet, how many passages it would select, and whether it is selected."""

    value: str
    count: int
    selected: bool

    def to_dict(self) -> dict:
        """Return the value and its count."""
        return {"value": self.value, "count": self.count, "selected": self.selected}


@dataclass(frozen=True)
class SearchResults:
    """A page of hits with the total, facet counts and a spelling suggestion."""

    query: SearchQuery
    total: int
    hits: tuple[SearchHit, ...]
    facets: Mapping[str, tuple[FacetValue, ...]]
    took_ms: float
    suggestion: str | None = None

    @property
    def pages(self) -> int:
        """Return how many pages the results fill."""
        return max(1, -(-self.total // self.query.per_page))

    def to_dict(self) -> dict:
        """Return the results as the contract's JSON object (facet labels are the web layer's)."""
        return {
            "query": self.query.q,
            "total": self.total,
            "page": self.query.page,
            "per_page": self.query.per_page,
            "took_ms": round(self.took_ms, 2),
            "hits": [hit.to_dict() for hit in self.hits],
            "facets": {name: [value.to_dict() for value in values] for name, values in self.facets.items()},
            "suggestion": self.suggestion,
        }


def stored_passage(fields: Mapping) -> dict:
    """Return the contract's passage object from a Whoosh document's stored fields."""
    passage = {name: fields.get(name) for name in STORED_FIELDS}
    passage["lang"] = passage["lang"] or None
    passage["question"] = passage["question"] or None
    passage["langs"] = [v for v in (passage["langs"] or "").split(",") if v]
    passage["community"] = [v for v in (passage["community"] or "").split(",") if v]
    return passage


class PassageIndex:
    """A passage index on disk, reopened when a build switches the index link to a new folder."""

    def __init__(self, index_dir: Path, snippet_chars: int = 300) -> None:
        self.index_dir = Path(index_dir)
        self.snippet_chars = snippet_chars
        self._lock = threading.Lock()
        self._opened: tuple[str, object, object] | None = None

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
                    raise IndexUnavailable(f"no index at {self.index_dir}: run `python -m indexer build`") from exc
                self._opened = (real, ix, ix.searcher())
            return self._opened[2]

    def count(self) -> int:
        """Return how many passages the index holds."""
        return self._searcher().doc_count()

    def parser(self) -> QueryParser:
        """Return the parser for user queries: words, phrases, -exclusion, AND/OR/NOT, parentheses only."""
        plugins = [
            PhrasePlugin(),
            GroupPlugin(),
            OperatorsPlugin(AndNot=None, AndMaybe=None, Require=None),
            PlusMinusPlugin(),
            MultifieldPlugin(TEXT_FIELDS, fieldboosts=FIELD_BOOSTS),
        ]
        return QueryParser(None, self._searcher().schema, plugins=plugins)

    def parse(self, text: str) -> wq.Query:
        """Return the Whoosh query for the user's `text`, or Every() for empty text."""
        if not text.strip():
            return wq.Every()
        try:
            return self.parser().parse(text)
        except Exception:  # noqa: BLE001 - any text a person types must search, never fail
            words = re.findall(r"\w+", text)
            return self.parser().parse(" ".join(words)) if words else wq.NullQuery

    def search(self, query: SearchQuery) -> SearchResults:
        """Return one page of passages matching `query`, with disjunctive facet counts."""
        started = time.perf_counter()
        searcher = self._searcher()
        parsed = self.parse(query.q)
        filters = {facet: _facet_filter(facet, values) for facet, values in query.filters.items()}
        everything = _and(filters.values())
        sortedby = None if query.sort == "relevance" and query.q.strip() else ["doc", "order"]
        page = searcher.search_page(
            parsed,
            query.page,
            pagelen=query.per_page,
            filter=everything,
            sortedby=sortedby,
        )
        total = page.total
        hits = []
        if page.offset < total:
            for hit in page:
                passage = stored_passage(hit.fields())
                fields = [NEUTRAL_FIELD] + [text_field(lang) for lang in passage["langs"]]
                marked = snippet(passage["text"], parsed, searcher.schema, fields, self.snippet_chars)
                score = round(hit.score, 4) if sortedby is None and hit.score is not None else None
                hits.append(SearchHit(passage=passage, snippet=marked, score=score))
        facets = {facet: self._facet_counts(searcher, parsed, facet, filters, query) for facet in FACETS}
        suggestion = self.suggest(query.q) if total == 0 and query.q.strip() else None
        took = (time.perf_counter() - started) * 1000
        return SearchResults(query, total, tuple(hits), facets, took, suggestion)

    def _facet_counts(self, searcher, parsed, facet, filters, query) -> tuple[FacetValue, ...]:
        """Count `facet`'s values among matches of every filter but its own, keeping selected values."""
        others = _and(f for name, f in filters.items() if name != facet)
        field_name = FACET_COUNT_FIELDS[facet]
        results = searcher.search(
            parsed,
            filter=others,
            limit=1,
            groupedby={facet: sorting.FieldFacet(field_name, allow_overlap=True)},
            maptype=sorting.Count,
        )
        counts = {value: count for value, count in results.groups(facet).items() if value}
        selected = query.filters.get(facet, ())
        for value in selected:
            counts.setdefault(value, 0)
        return tuple(FacetValue(v, counts[v], v in selected) for v in _sorted_values(facet, counts))

    def suggest(self, text: str) -> str | None:
        """Return `text` with unknown words replaced by the closest indexed word, or None."""
        searcher = self._searcher()
        reader = searcher.reader()
        analyzer = searcher.schema[NEUTRAL_FIELD].analyzer
        changed = False

        def fix(match: re.Match) -> str:
            nonlocal changed
            word = match.group()
            tokens = [token.text for token in analyzer(word)]
            if len(tokens) != 1 or len(tokens[0]) < 4 or (NEUTRAL_FIELD, tokens[0]) in reader:
                return word
            suggestions = searcher.suggest(NEUTRAL_FIELD, tokens[0], limit=1)
            if not suggestions:
                return word
            changed = True
            return suggestions[0]

        corrected = re.sub(r"\w+", fix, text)
        return corrected if changed else None

    def passage(self, passage_id: str) -> tuple[dict, str | None, str | None]:
        """Return the passage `passage_id` and the ids of the passages before and after it in its document."""
        searcher = self._searcher()
        fields = searcher.document(id=passage_id)
        if fields is None:
            raise NotFound(f"no passage with id {passage_id!r}")
        order, doc = fields["order"], fields["doc"]
        neighbours = []
        for lower, upper, reverse in ((None, order - 1, True), (order + 1, None, False)):
            found = searcher.search(
                wq.And([wq.Term("doc", doc), wq.NumericRange("order", lower, upper)]),
                sortedby="order",
                reverse=reverse,
                limit=1,
            )
            neighbours.append(found[0]["id"] if len(found) else None)
        return stored_passage(fields), neighbours[0], neighbours[1]

    def passages(self) -> Iterator[dict]:
        """Yield every passage of the index in document order."""
        searcher = self._searcher()
        for hit in searcher.search(wq.Every(), sortedby=["doc", "order"], limit=None):
            yield stored_passage(hit.fields())

    def close(self) -> None:
        """Close the searcher and index."""
        with self._lock:
            if self._opened is not None:
                self._opened[2].close()
                self._opened[1].close()
                self._opened = None


def _facet_filter(facet: str, values: Sequence[str]) -> wq.Query:
    field_name = FACET_FIELDS[facet]
    return wq.Or([wq.Term(field_name, value) for value in values])


def _and(queries) -> wq.Query | None:
    queries = list(queries)
    if not queries:
        return None
    return queries[0] if len(queries) == 1 else wq.And(queries)


def _sorted_values(facet: str, counts: Mapping[str, int]) -> list[str]:
    """Return the facet's values in a stable order: the contract's, numeric for questions, else by name."""
    if facet in _FACET_ORDER:
        order = _FACET_ORDER[facet]
        return sorted(counts, key=lambda v: (order.index(v) if v in order else len(order), v))
    if facet == "question":
        return sorted(counts, key=lambda v: [int(part) for part in v.split(".")])
    return sorted(counts)
