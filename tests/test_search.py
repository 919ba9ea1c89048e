"""Searching the real index: matches, highlighting, filters, disjunctive facets, lenient parsing."""

from __future__ import annotations

import re

import pytest

from indexer import BadQuery, SearchQuery


def run(index, **args):
    return index.search(SearchQuery.from_args({k: v if isinstance(v, list) else [v] for k, v in args.items()}))


@pytest.mark.parametrize(
    ("q", "word"),
    [("sexting", "sexting"), ("Mediaraven", "mediaraven"), ("pédopornographie", "pédopornograph")],
)
def test_real_queries_find_and_mark_passages(passage_index, q, word):
    results = run(passage_index, q=q)
    assert results.total > 0
    for hit in results.hits:
        assert word in hit.passage["text"].lower()
        assert re.search(f"<mark>{word}\\w*</mark>", hit.snippet.lower())


def test_stemmed_and_unaccented_forms_match(passage_index):
    with_accent = {h.passage["id"] for h in run(passage_index, q="harcèlement", per_page="100").hits}
    without = {h.passage["id"] for h in run(passage_index, q="harcelement", per_page="100").hits}
    assert with_accent and with_accent == without
    plural = run(passage_index, q="campagnes")
    assert any("campagne " in h.passage["text"] or "campagne," in h.passage["text"] for h in plural.hits)


def test_phrase_exclusion_and_or(passage_index):
    phrase = run(passage_index, q='"matériel pédopornographique"', per_page="100")
    assert phrase.total > 0
    for hit in phrase.hits:
        assert re.search(r"matériel\W+pédopornographique", hit.passage["text"], re.IGNORECASE)
    both = run(passage_index, q="sexting", per_page="100")
    excluded = run(passage_index, q="sexting -jeunes", per_page="100")
    assert 0 < excluded.total < both.total
    assert all(not re.search(r"\bjeunes?\b", h.passage["text"].lower()) for h in excluded.hits)
    either = run(passage_index, q="Mediaraven OR Yakapa", per_page="100")
    assert either.total == run(passage_index, q="Mediaraven").total + run(passage_index, q="Yakapa").total


def test_article_numbers_are_searchable(passage_index):
    results = run(passage_index, q="371/1", per_page="100")
    quoting = [h for h in results.hits if "371/1" in h.passage["text"]]
    assert len(quoting) >= 10
    # Passages that cite it come first; after them, the items of the article (found by their lead-in).
    assert all("371/1" in h.passage["text"] for h in results.hits[:10])
    assert all("<mark>371/1</mark>" in h.snippet for h in quoting)


def test_a_quoted_article_is_found_whole_by_its_number(passage_index):
    # The second paragraph of article 442bis does not repeat its number, and is found by it.
    results = run(passage_index, q="442bis", per_page="100")
    texts = [h.passage["text"] for h in results.hits]
    assert any(t.startswith("Si les faits visés à l'alinéa 1er sont commis au préjudice") for t in texts)
    filtered = run(passage_index, article="442bis", per_page="100")
    assert any(h.passage["text"].startswith("Si les faits visés à l'alinéa 1er") for h in filtered.hits)


def test_snippets_escape_before_marking(passage_index):
    results = run(passage_index, q="Art 383bis", per_page="100")
    assert results.total > 0
    for hit in results.hits:
        without_marks = hit.snippet.replace("<mark>", "").replace("</mark>", "")
        assert "<" not in without_marks and ">" not in without_marks


def test_filters_narrow_and_facets_are_disjunctive(passage_index):
    everything = run(passage_index, q="sexting")
    flemish = run(passage_index, q="sexting", community="flemish")
    assert 0 < flemish.total < everything.total
    assert all("flemish" in h.passage["community"] for h in flemish.hits)
    counts = {v.value: v.count for v in flemish.facets["community"]}
    # The community facet ignores its own filter, so the other communities stay countable.
    assert counts == {v.value: v.count for v in everything.facets["community"]}
    # Other facets count within the selection.
    assert sum(v.count for v in flemish.facets["kind"]) == flemish.total
    two = run(passage_index, q="sexting", community=["flemish", "federal"])
    assert two.total == flemish.total + counts["federal"] - len(
        [h for h in flemish.hits if "federal" in h.passage["community"]]
    )


def test_selected_values_stay_visible_at_zero(passage_index):
    results = run(passage_index, q="Mediaraven", lang="de")
    assert results.total == 0
    assert {"value": "de", "count": 0, "selected": True} in [v.to_dict() for v in results.facets["lang"]]


def test_question_filter_takes_sub_questions(passage_index):
    nine = run(passage_index, question="9", per_page="100")
    assert nine.total > 100  # 9.1 to 9.12 together
    sub = run(passage_index, question="9.1", per_page="100")
    assert 0 < sub.total < nine.total
    assert all(h.passage["question"] == "9.1" for h in sub.hits)
    assert all(h.passage["question"].split(".")[0] == "9" for h in nine.hits)
    assert [v.value for v in nine.facets["question"]][:3] == ["1", "2", "3"]


def test_empty_query_lists_everything_in_document_order(passage_index, passages):
    results = run(passage_index, per_page="100")
    assert results.total == len(passages)
    assert [h.passage["id"] for h in results.hits] == [p.id for p in passages[:100]]
    page3 = run(passage_index, per_page="100", page="3")
    assert [h.passage["id"] for h in page3.hits] == [p.id for p in passages[200:300]]


def test_relevance_sort_and_document_sort(passage_index, passages):
    order = {p.id: p.order for p in passages}
    by_doc = run(passage_index, q="sexting", sort="document", per_page="100")
    orders = [order[h.passage["id"]] for h in by_doc.hits]
    assert orders == sorted(orders)
    by_score = run(passage_index, q="sexting", per_page="100")
    scores = [h.score for h in by_score.hits]
    assert scores == sorted(scores, reverse=True)


def test_misspelled_words_are_corrected_from_the_index(passage_index):
    results = run(passage_index, q="sextng")
    assert results.suggestion == "sexting"
    assert sum("<mark>sexting</mark>" in hit.snippet.lower() for hit in results.hits) >= 8
    exact = run(passage_index, q="sexting")
    assert exact.suggestion is None and exact.relaxed is None
    mixed = run(passage_index, q="Sensao drapeaux")
    assert mixed.suggestion == "sensoa drapeaux"
    assert mixed.total > 0 and "sensoa" in mixed.hits[0].passage["text"].lower()
    assert run(passage_index, q="zzzzqqqq").total == 0


def test_nothing_found_falls_back_to_some_words_then_approximate_spelling(passage_index):
    partial = run(passage_index, q="Kaleido Awel")  # two names never in one passage
    assert partial.relaxed == "partial" and partial.total > 0
    # A number is not corrected (371/2 may be an article of its own), but when nothing matches it the
    # search goes on with similar spellings and says so.
    fuzzy = run(passage_index, q="371/2")
    assert fuzzy.relaxed == "fuzzy" and fuzzy.suggestion is None
    assert fuzzy.total > 0 and all("<mark>371/1</mark>" in hit.snippet for hit in fuzzy.hits[:3])
    corrected = run(passage_index, q="442biss")  # a word with digits is corrected like any word
    assert corrected.suggestion == "442bis" and corrected.relaxed is None


@pytest.mark.parametrize(
    "q",
    ['"unbalanced', "(a OR", ")))", "-", "NOT", "AND OR NOT", "title:foo", "pédo*", "a:b:c", "<script>alert(1)</script>",
     "\\", "'", "%", "😀 émoji", "x" * 900, "OR OR OR", '"" ""', "-(-(-x))", "ET OU SAUF", "[]{}~^"],
)
def test_any_text_a_person_types_searches(passage_index, q):
    # The query builder itself takes the text: the search's last resort (bare words, when building
    # fails) would hide a builder that breaks on it.
    passage_index.builder().build(q)
    results = run(passage_index, q=q)
    assert results.total >= 0
    # A page holds what it says it holds: the first ten of the total.
    assert len(results.hits) == min(results.total, 10) == len({h.passage["id"] for h in results.hits})
    for hit in results.hits:
        assert "<script>" not in hit.snippet


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ({"page": ["0"]}, "page must be between 1 and 10000"),
        ({"page": ["abc"]}, "page must be a whole number"),
        ({"per_page": ["101"]}, "per_page must be between 1 and 100"),
        ({"sort": ["size"]}, "sort must be one of: relevance, document"),
        ({"community": ["Walloon Region"]}, "not a valid value for community"),
        ({"article": ["art. 383"]}, "not a valid value for article"),
        ({"lang": ["es"]}, "not a valid value for lang"),
        ({"section": ["intro"]}, "not a valid value for section"),
        ({"kind": ["table"]}, "not a valid value for kind"),
        ({"question": ["9.x"]}, "not a valid value for question"),
        ({"page": ["1", "2"]}, "page may be given only once"),
        ({"q": ["x" * 1001]}, "q must be at most 1000 characters"),
    ],
)
def test_bad_parameters_are_refused(args, message):
    with pytest.raises(BadQuery, match=re.escape(message)):
        SearchQuery.from_args(args)


def test_exclusion_alone_selects_everything_else(passage_index, passages):
    results = run(passage_index, q="-Mediaraven", per_page="100")
    assert results.total == len(passages) - run(passage_index, q="Mediaraven").total
    assert all("mediaraven" not in h.passage["text"].lower() for h in results.hits)
    orders = [p.order for p in passages if p.id in {h.passage["id"] for h in results.hits}]
    assert [h.passage["id"] for h in results.hits] == [p.id for p in passages if p.order in orders]


def test_operators_with_nothing_to_join_are_ignored(passage_index):
    total = run(passage_index, q="sexting").total
    for q in ("sexting AND", "OR sexting", "sexting OR OR", "sexting NOT"):
        assert run(passage_index, q=q).total == total


def test_pages_follow_one_another(passage_index):
    # Page 2 holds the passages after page 1, none of them again: the ranking does not depend on
    # the page size (Whoosh's top-N pruning once dropped passages from a short page).
    for q in ("Medienkompetenz für Eltern", "helpline for child victims of sexual abuse", "définition de la pédopornographie"):
        first = [h.passage["id"] for h in run(passage_index, q=q, per_page="10").hits]
        second = [h.passage["id"] for h in run(passage_index, q=q, per_page="10", page="2").hits]
        both = [h.passage["id"] for h in run(passage_index, q=q, per_page="20").hits]
        assert len(both) == 20 and first + second == both
        scores = [h.score for h in run(passage_index, q=q, per_page="20").hits]
        assert scores == sorted(scores, reverse=True)


def test_a_rare_name_is_also_found_as_the_document_spells_it_elsewhere(passage_index):
    # The reply writes Yapaka twice (in addresses) and Yakapa four times: the user types the right name.
    results = run(passage_index, q="Yapaka")
    snippets = [h.snippet for h in results.hits]
    assert any("<mark>Yakapa</mark>" in s for s in snippets) and results.total >= 5
    # The spelling typed comes first; a common word has no other spellings searched.
    assert "yapaka" in results.hits[0].passage["text"].lower() or "yapaka" in snippets[0].lower()
    assert passage_index.variants("sexting") == [] and passage_index.variants("Mediawijs") == []


def test_a_real_word_the_documents_do_not_use_is_no_typo(passage_index):
    # passer, classer, penalties are words (of French, of English): no "did you mean" to another word.
    for q in ("faire passer le message de prévention", "classer sans suite", "criminal penalties"):
        assert run(passage_index, q=q).suggestion is None
    assert passage_index.corrections("penalties") == []
    # A typo is still one.
    assert run(passage_index, q="voyerisme").suggestion == "voyeurisme"
