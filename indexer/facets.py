"""Facets: filters per facet, and counts per value that leave out each facet's own filter."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from whoosh import query as wq

from .languages import LANGUAGES
from .passages import KINDS, SECTIONS
from .results import FACETS, FacetValue, SearchQuery, stored_passage
from .schema import FACET_FIELDS

# The order values are listed in, where there is one (else numeric, or by name).
_FACET_ORDER = {"lang": LANGUAGES, "section": SECTIONS, "kind": KINDS}


def facet_filter(facet: str, values: Sequence[str]) -> wq.Query:
    """Return the query selecting passages with any of `values` in `facet`."""
    field_name = FACET_FIELDS[facet]
    return wq.Or([wq.Term(field_name, value) for value in values])


def facet_table(reader) -> list[dict[str, tuple[str, ...]]]:
    """Return, per document number, the values each facet counts it under."""
    rows = []
    for docnum in range(reader.doc_count_all()):
        passage = stored_passage(reader.stored_fields(docnum))
        question = passage["question"]
        rows.append({
            "community": tuple(passage["community"]),
            "lang": tuple(passage["langs"]),
            "section": (passage["section"],),
            "question": (question.split(".")[0],) if question else (),
            "kind": (passage["kind"],),
            "doc": (passage["doc"],),
            "article": tuple(passage["articles"]),
        })  # fmt: skip
    return rows


def count_facets(
    table: Sequence[Mapping[str, tuple[str, ...]]],
    matched: set[int],
    selected_docs: Mapping[str, set[int]],
    query: SearchQuery,
    entities: Iterable[str] = (),
) -> dict[str, tuple[FacetValue, ...]]:
    """Return every facet's values with their counts among the `matched` documents that every filter
    but the facet's own selects (so a selection can be widened); selected values stay listed."""
    facets = {}
    for facet in FACETS:
        docs = matched
        for name, allowed in selected_docs.items():
            if name != facet:
                docs = docs & allowed
        counts = Counter(value for docnum in docs for value in table[docnum][facet])
        selected = query.filters.get(facet, ())
        for value in selected:
            counts.setdefault(value, 0)
        values = _sorted_values(facet, counts, tuple(entities))
        facets[facet] = tuple(FacetValue(v, counts[v], v in selected) for v in values)
    return facets


def _sorted_values(facet: str, counts: Mapping[str, int], entities: Sequence[str] = ()) -> list[str]:
    """Return the facet's values in a stable order: the declared one, numeric for numbers, else by name."""
    order = tuple(entities) if facet == "community" else _FACET_ORDER.get(facet)
    if order is not None:
        return sorted(counts, key=lambda v: (order.index(v) if v in order else len(order), v))
    if facet in ("question", "article"):
        return sorted(counts, key=_numeric_key)
    return sorted(counts)


def _numeric_key(value: str) -> list:
    """Order `9.10` after `9.2` and `383bis` after `383`, `371/1` after `371`."""
    return [(int(number), suffix) for number, suffix in re.findall(r"(\d+)(\D*)", value)]
