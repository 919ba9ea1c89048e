"""The JSON API (`/api/search`, `/api/passages/<id>`) and the health check (`/healthz`)."""

from __future__ import annotations

from flask import Blueprint, jsonify

from .views import passage_context, passage_index, request_query, search_context

bp = Blueprint("api", __name__)


@bp.get("/api/search")
def search():
    _, data = search_context(request_query())
    return jsonify(data)


@bp.get("/api/passages/<passage_id>")
def passage(passage_id: str):
    context = passage_context(passage_id)
    return jsonify({name: context[name] for name in ("passage", "prev", "next")})


@bp.get("/healthz")
def healthz():
    index = passage_index()
    info = index.build_info()
    return jsonify(
        {
            "status": "ok",
            "passages": index.count(),
            "documents": [doc["id"] for doc in info.get("documents", [])],
            "built_seconds": info.get("seconds"),
        }
    )
