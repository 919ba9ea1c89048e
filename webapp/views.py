"""The pages: search (`/`) and one passage in its context (`/passages/<id>`).

Each page and its JSON twin in `api.py` are rendered from one context built here, so they cannot drift.
"""

from __future__ import annotations

from urllib.parse import urlencode

from flask import Blueprint, current_app, render_template, request, url_for

from indexer import FACETS, PassageIndex, SearchQuery, SearchResults

from .i18n import facet_label

bp = Blueprint("views", __name__)

# How many passages before and after the passage page shows.
CONTEXT_PASSAGES = 3


def passage_index() -> PassageIndex:
    """Return the app's passage index."""
    return current_app.extensions["passage_index"]


def request_query() -> SearchQuery:
    """Return the validated search query of the current request."""
    return SearchQuery.from_args(
        request.args.to_dict(flat=False),
        per_page=current_app.config["PER_PAGE"],
        max_query_chars=current_app.config["MAX_QUERY_CHARS"],
    )


def search_context(query: SearchQuery) -> tuple[SearchResults, dict]:
    """Return the results of `query` and the contract's JSON object for them (urls and labels added)."""
    index = passage_index()
    results = index.search(query)
    titles = index.question_titles()
    documents = {doc["id"]: doc.get("title", doc["id"]) for doc in index.build_info().get("documents", [])}
    data = results.to_dict()
    for hit in data["hits"]:
        hit["url"] = url_for("views.passage", passage_id=hit["id"])
    for facet, values in data["facets"].items():
        for value in values:
            value["label"] = facet_label(facet, value["value"], titles, documents)
    return results, data


def passage_context(passage_id: str, context: int = 0) -> dict:
    """Return the contract's passage object for `passage_id`, its neighbours' ids and `context` passages each side."""
    return passage_index().passage(passage_id, context=context)


def _link(endpoint: str, args: list[tuple[str, str]], **values) -> str:
    ui = request.args.get("ui")
    if ui:
        args = [*args, ("ui", ui)]
    base = url_for(endpoint, **values)
    return f"{base}?{urlencode(args)}" if args else base


@bp.get("/")
def search():
    query = request_query()
    results, data = search_context(query)

    def toggle(facet: str, value: str) -> str:
        filters = {name: list(values) for name, values in query.filters.items()}
        chosen = filters.setdefault(facet, [])
        if value in chosen:
            chosen.remove(value)
        else:
            chosen.append(value)
        return _link("views.search", query.to_args(filters=filters, page=1))

    return render_template(
        "search.html",
        query=query,
        results=results,
        data=data,
        facets=FACETS,
        toggle=toggle,
        page_url=lambda page: _link("views.search", query.to_args(page=page)),
        sort_url=lambda sort: _link("views.search", query.to_args(sort=sort, page=1)),
        suggestion_url=lambda text: _link("views.search", query.to_args(q=text, page=1)),
        hidden_filters=[(name, value) for name, values in query.filters.items() for value in values],
    )


@bp.get("/passages/<passage_id>")
def passage(passage_id: str):
    context = passage_context(passage_id, CONTEXT_PASSAGES)
    index = passage_index()
    documents = {doc["id"]: doc for doc in index.build_info().get("documents", [])}
    return render_template(
        "passage.html",
        passage=context["passage"],
        prev_id=context["prev"],
        next_id=context["next"],
        before=context["before"],
        after=context["after"],
        document=documents.get(context["passage"]["doc"], {"id": context["passage"]["doc"]}),
        question_titles=index.question_titles(),
        link=_link,
    )
