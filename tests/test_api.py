"""The JSON API over HTTP (Flask test client): the contract's shapes, filters, errors, labels."""

from __future__ import annotations

import pytest

from indexer import KINDS, LANGUAGES, SECTIONS

from .conftest import BELGIAN_ENTITIES

HIT_KEYS = {
    "id", "doc", "text", "snippet", "lang", "langs", "section", "question", "question_title",
    "community", "kind", "articles", "start", "end", "score", "url",
}  # fmt: skip
FACET_CODES = {
    "community": set(BELGIAN_ENTITIES), "lang": set(LANGUAGES), "section": set(SECTIONS), "kind": set(KINDS),
}  # fmt: skip


@pytest.mark.parametrize("q", ["sexting", "Mediaraven", "pédopornographie"])
def test_search_has_the_contract_shape(client, q, seed_doc):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 200
    data = response.get_json()
    assert {"query", "total", "page", "per_page", "took_ms", "hits", "facets", "suggestion"} <= set(data)
    assert data["query"] == q and data["page"] == 1 and data["per_page"] == 10
    assert 0 < len(data["hits"]) <= 10 and data["total"] >= len(data["hits"])
    assert set(data["facets"]) == {"community", "lang", "section", "question", "kind", "doc", "article"}
    for hit in data["hits"]:
        assert set(hit) == HIT_KEYS
        assert "<mark>" in hit["snippet"]
        assert isinstance(hit["score"], float)
        assert hit["url"] == f"/passages/{hit['id']}"
        assert seed_doc.text[hit["start"] : hit["end"]].strip()
    for facet, values in data["facets"].items():
        for value in values:
            assert set(value) >= {"value", "label", "count"}
            assert facet not in FACET_CODES or value["value"] in FACET_CODES[facet]


def test_filters_narrow_results(client):
    wide = client.get("/api/search?q=sexting").get_json()
    narrow = client.get("/api/search?q=sexting&community=flemish&lang=en").get_json()
    assert 0 < narrow["total"] < wide["total"]
    for hit in narrow["hits"]:
        assert "flemish" in hit["community"] and "en" in hit["langs"]
    sections = client.get("/api/search?section=partnerships&section=protection&per_page=100").get_json()
    assert {hit["section"] for hit in sections["hits"]} == {"partnerships", "protection"}


def test_paging(client):
    first = client.get("/api/search?per_page=5").get_json()
    second = client.get("/api/search?per_page=5&page=2").get_json()
    assert len(first["hits"]) == len(second["hits"]) == 5
    assert not {h["id"] for h in first["hits"]} & {h["id"] for h in second["hits"]}
    beyond = client.get("/api/search?per_page=100&page=999").get_json()
    assert beyond["hits"] == [] and beyond["total"] > 0


def test_labels_follow_the_interface_language(client):
    def label(**headers):
        data = client.get("/api/search", **headers).get_json()
        return {v["value"]: v["label"] for v in data["facets"]["community"]}["flemish"]

    assert label() == "Flemish Community"
    assert label(query_string={"ui": "fr"}) == "Communauté flamande"
    assert label(query_string={"ui": "nl"}) == "Vlaamse Gemeenschap"
    assert label(headers={"Accept-Language": "de-BE,de;q=0.9"}) == "Flämische Gemeinschaft"
    langs = client.get("/api/search?ui=nl").get_json()["facets"]["lang"]
    assert {v["value"]: v["label"] for v in langs}["fr"] == "Frans"


def test_passage_endpoint(client):
    hits = client.get("/api/search?per_page=3").get_json()["hits"]
    data = client.get(f"/api/passages/{hits[1]['id']}").get_json()
    assert data["passage"]["id"] == hits[1]["id"]
    assert data["prev"] == hits[0]["id"] and data["next"] == hits[2]["id"]
    assert client.get(f"/api/passages/{hits[0]['id']}").get_json()["prev"] is None


def test_healthz(client, passages):
    data = client.get("/healthz").get_json()
    assert data["status"] == "ok"
    assert data["passages"] == len(passages)


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/api/search?per_page=1000", 400, "per_page must be between 1 and 100"),
        ("/api/search?per_page=0", 400, "per_page must be between 1 and 100"),
        ("/api/search?page=-1", 400, "page must be between 1 and 10000"),
        ("/api/search?page=two", 400, "page must be a whole number between 1 and 10000"),
        ("/api/search?sort=random", 400, "sort must be one of: relevance, document"),
        ("/api/search?community=wallonia", 400, "'wallonia' is not a valid value for community"),
        ("/api/search?lang=xx", 400, "'xx' is not a valid value for lang"),
        ("/api/search?community=Flemish!", 400, "'Flemish!' is not a valid value for community"),
        ("/api/search?doc=other-state", 400, "'other-state' is not a valid value for doc"),
        ("/api/search?article=art383", 400, "'art383' is not a valid value for article"),
        ("/api/search?question=nine", 400, "'nine' is not a valid value for question"),
        ("/api/search?ui=es", 400, "ui must be one of: fr, nl, de, en"),
        ("/api/passages/unknown-id", 404, "No passage has the id 'unknown-id'."),
        ("/api/nothing-here", 404, "This page does not exist."),
    ],
)
def test_errors_have_the_contract_shape(client, url, status, message):
    response = client.get(url)
    assert response.status_code == status
    assert response.get_json() == {"error": {"code": response.get_json()["error"]["code"], "message": message}}
    assert response.get_json()["error"]["code"] == ("invalid_parameter" if status == 400 else "not_found")


def test_error_messages_are_translated(client):
    response = client.get("/api/search?per_page=1000", headers={"Accept-Language": "fr"})
    assert response.get_json()["error"]["message"] == "per_page doit être compris entre 1 et 100"


def test_post_is_refused_cleanly(client):
    response = client.post("/api/search")
    assert response.status_code == 405
    assert response.get_json()["error"]["code"] == "method_not_allowed"


@pytest.mark.parametrize(
    "q", ['"sexting', "(", "NOT NOT", "q:x", "*", "%00", "a" * 5000, "%ED%A0%80", "%FF%FE", "<b>x</b>", "%25"]
)
def test_no_query_text_gives_a_server_error(client, q):
    response = client.get(f"/api/search?q={q}")
    assert response.status_code < 500
    assert response.is_json
