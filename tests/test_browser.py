"""The search page in a real headless Chromium: typing a query, following facets and pages, no JavaScript needed."""

from __future__ import annotations

import shutil
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]  # fmt: skip


@pytest.fixture(scope="module")
def browser():
    executable = shutil.which("chromium") or shutil.which("chromium-browser")
    assert executable, "Chromium is missing: `make test` installs Debian's chromium package"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.mark.parametrize("javascript", [True, False])
def test_search_facet_and_pagination_in_a_browser(browser, live_server, javascript):
    context = browser.new_context(java_script_enabled=javascript, locale="fr-BE")
    page = context.new_page()
    page.goto(live_server + "/")
    assert page.locator("html").get_attribute("lang") == "fr"
    page.fill("input[name=q]", "sexting")
    page.press("input[name=q]", "Enter")
    page.wait_for_selector("li.hit")
    assert parse_qs(urlparse(page.url).query)["q"] == ["sexting"]
    assert page.locator("li.hit mark").count() >= 10
    total = int(page.locator("p.summary").inner_text().split()[0])

    page.click('section[data-facet=community] a[data-value="flemish"]')
    page.wait_for_selector('section[data-facet=community] li.selected a[data-value="flemish"]')
    assert parse_qs(urlparse(page.url).query) == {"q": ["sexting"], "community": ["flemish"]}
    narrowed = int(page.locator("p.summary").inner_text().split()[0])
    assert 0 < narrowed < total
    metas = page.locator("li.hit p.meta").all_inner_texts()
    assert metas and all("Communauté flamande" in meta for meta in metas)

    # The next query keeps the filter; the bookmarkable URL says so.
    page.fill("input[name=q]", "Mediaraven")
    page.click("form.search button")
    page.wait_for_selector("li.hit")
    assert parse_qs(urlparse(page.url).query) == {"q": ["Mediaraven"], "community": ["flemish"]}

    page.goto(live_server + "/?q=sexting")
    page.click("nav.pages a[rel=next]")
    page.wait_for_selector("nav.pages strong[aria-current=page]")
    assert page.locator("nav.pages strong[aria-current=page]").inner_text() == "2"
    context.close()


def test_passage_page_and_error_page_in_a_browser(browser, live_server):
    page = browser.new_page()
    page.goto(live_server + "/?q=Mediaraven&ui=nl")
    page.click("li.hit p.meta a")
    page.wait_for_selector("p.current")
    assert "Mediaraven" in page.locator("p.current").inner_text()
    assert "Vlaamse Gemeenschap" in page.locator("dl.metadata").inner_text()
    response = page.goto(live_server + "/?per_page=500&ui=nl")
    assert response.status == 400
    assert "per_page moet tussen 1 en 100 liggen" in page.locator("[role=alert]").inner_text()
    page.close()
