"""The HTML pages over HTTP (Flask test client): results, facets, pagination, errors, escaping."""

from __future__ import annotations

import re
from html import unescape

import pytest


def page(client, url, **kwargs):
    response = client.get(url, **kwargs)
    return response.status_code, response.get_data(as_text=True)


def test_search_page_shows_highlighted_results_and_facets(client):
    status, html = page(client, "/?q=sexting")
    assert status == 200
    assert '<input id="q" type="search" name="q" value="sexting"' in html
    assert html.count('class="hit"') == 10
    assert "<mark>sexting</mark>" in html.lower()
    for facet in ("community", "lang", "section", "question", "kind", "doc"):
        assert f'data-facet="{facet}"' in html
    assert re.search(r'href="/\?q=sexting&amp;community=flemish"', html)
    assert 'rel="next" href="/?q=sexting&amp;page=2"' in html
    status, html = page(client, "/?q=voyeurisme")
    assert 'data-facet="article"' in html and 'data-value="371/1"' in html
    assert "Art. 371/1" in html


def test_facet_links_toggle_filters(client):
    status, html = page(client, "/?q=sexting&community=flemish")
    assert status == 200
    assert 'aria-current="true"' in html
    # The selected value's link removes it; another value's link adds it.
    assert 'href="/?q=sexting" data-value="flemish"' in html
    assert 'href="/?q=sexting&amp;community=flemish&amp;community=federal" data-value="federal"' in html
    # The search form keeps the filters for the next query.
    assert '<input type="hidden" name="community" value="flemish">' in html


def test_query_text_is_escaped(client):
    status, html = page(client, "/", query_string={"q": '<script>alert("x")</script>'})
    assert status == 200
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert" in html


def test_interface_languages(client):
    expected = {"fr": "Rechercher", "nl": "Zoeken", "de": "Suchen", "en": "Search"}
    for ui, word in expected.items():
        status, html = page(client, f"/?q=sexting&ui={ui}")
        assert status == 200
        assert f'<html lang="{ui}">' in html
        assert f'<button type="submit">{word}</button>' in html
    status, html = page(client, "/", headers={"Accept-Language": "nl-BE,nl;q=0.9,fr;q=0.5"})
    assert "Vlaamse Gemeenschap" in html


def test_suggestion_is_offered(client):
    status, html = page(client, "/?q=sextng")
    assert status == 200
    assert 'Did you mean <a href="/?q=sexting">sexting</a>?' in html


@pytest.mark.parametrize(
    ("url", "status", "message"),
    [
        ("/?per_page=1000", 400, "per_page must be between 1 and 100"),
        ("/?lang=klingon", 400, "'klingon' is not a valid value for lang"),
        ("/passages/does-not-exist", 404, "No passage has the id 'does-not-exist'."),
        ("/no/such/page", 404, "This page does not exist."),
    ],
)
def test_errors_are_shown_in_the_page(client, url, status, message):
    code, html = page(client, url)
    assert code == status
    assert 'role="alert"' in html
    assert message in unescape(html)
    assert '<form class="search"' in html


def test_error_page_in_the_interface_language(client):
    code, html = page(client, "/?per_page=1000&ui=de")
    assert code == 400
    assert "per_page muss zwischen 1 und 100 liegen" in html


def test_passage_page_shows_context_and_metadata(client):
    hit = client.get("/api/search?q=Mediaraven").get_json()["hits"][0]
    status, html = page(client, hit["url"])
    assert status == 200
    assert 'class="current"' in html
    assert html.count('class="around"') == 6
    assert hit["id"] in html
    assert "Flemish Community" in html
    assert 'rel="prev"' in html and 'rel="next"' in html
