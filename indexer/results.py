"""The values a search takes and returns: a validated request, hits, facet values, results."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from .citations import ARTICLE
from .errors import N_, BadQuery
from .languages import LANGUAGES
from .passages import KINDS, SECTIONS
from .query import Expansion
from .schema import FACET_FIELDS

FACETS = tuple(FACET_FIELDS)
SORTS = ("relevance", "document")
MAX_PER_PAGE = 100
STORED_FIELDS = (
    "id", "doc", "text", "start", "end", "lang", "langs", "section",
    "question", "question_title", "community", "kind", "articles",
)  # fmt: skip

_QUESTION_VALUE = re.compile(r"\d{1,3}(?:\.\d{1,3}){0,2}")
_DOC_VALUE = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,200}")
# What each facet accepts; a value outside gets a 400 rather than a silently empty page.
_FACET_VALUES = {
    "community": re.compile(r"[a-z][a-z0-9-]{0,40}").fullmatch,
    "article": re.compile(ARTICLE).fullmatch,
    "lang": lambda v: v in LANGUAGES,
    "section": lambda v: v in SECTIONS,
    "kind": lambda v: v in KINDS,
    "question": _QUESTION_VALUE.fullmatch,
    "doc": _DOC_VALUE.fullmatch,
}


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
                raise BadQuery(N_("%(name)s may be given only once"), name=name)
            return values[0] if values else default

        q = " ".join(args.get("q", ())).strip()
        if len(q) > max_query_chars:
            raise BadQuery(N_("q must be at most %(max)s characters"), max=max_query_chars)
        if "\x00" in q:
            raise BadQuery(N_("q must not contain NUL characters"))
        page = _integer("page", single("page", "1"), 1, 10_000)
        size = _integer("per_page", single("per_page", str(per_page)), 1, MAX_PER_PAGE)
        sort = single("sort", "relevance" if q else "document")
        if sort not in SORTS:
            raise BadQuery(N_("%(name)s must be one of: %(values)s"), name="sort", values=", ".join(SORTS))
        filters = {}
        for facet in FACETS:
            values = tuple(dict.fromkeys(v for v in args.get(facet, ()) if v != ""))
            for value in values:
                if not _FACET_VALUES[facet](value):
                    raise BadQuery(N_("%(value)s is not a valid value for %(name)s"), value=repr(value[:60]), name=facet)
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
        raise BadQuery(N_("%(name)s must be a whole number between %(low)s and %(high)s"), name=name, low=low, high=high) from None
    if not low <= value <= high:
        raise BadQuery(N_("%(name)s must be between %(low)s and %(high)s"), name=name, low=low, high=high)
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
    expansions: tuple[Expansion, ...] = ()
    relaxed: str | None = None  # "partial" (some of the words) or "fuzzy" (similar spellings), when nothing matched
    query_lang: str | None = None

    @property
    def fuzzy(self) -> bool:
        """Whether the results are for the words spelled approximately."""
        return self.relaxed == "fuzzy"

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
            "expanded": [expansion.to_dict() for expansion in self.expansions],
            "relaxed": self.relaxed,
            "query_lang": self.query_lang,
        }


def stored_passage(fields: Mapping) -> dict:
    """Return the contract's passage object from a Whoosh document's stored fields."""
    passage = {name: fields.get(name) for name in STORED_FIELDS}
    passage["lang"] = passage["lang"] or None
    passage["question"] = passage["question"] or None
    passage["langs"] = [v for v in (passage["langs"] or "").split(",") if v]
    for name in ("community", "articles"):
        passage[name] = [v for v in (passage[name] or "").split(",") if v]
    return passage
