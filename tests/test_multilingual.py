"""Finding the answer whatever language the user types in: the glossary, expansion, ranking, highlighting."""

from __future__ import annotations

import pytest

from indexer import SearchQuery
from indexer.glossary import GLOSSARY, LEXICON, read_glossary
from indexer.languages import LANGUAGES


def run(index, q, **args):
    return index.search(SearchQuery.from_args({"q": [q], **{k: [v] for k, v in args.items()}}))


def test_the_glossary_covers_the_field_in_four_languages():
    glossary = read_glossary(GLOSSARY)
    assert len(glossary) >= 150
    domains = {c.domain for c in glossary.concepts}
    assert {"institutions", "offences", "legal", "actors", "measures", "media", "education"} <= domains
    for concept in glossary.concepts:
        assert all(concept.forms[lang] for lang in LANGUAGES), concept.id


def test_the_lexicon_translates_ordinary_words_of_the_replies():
    lexicon = read_glossary(LEXICON)
    assert len(lexicon) >= 300
    assert {c.domain for c in lexicon.concepts} == {"general"}
    glossary_ids = {c.id for c in read_glossary(GLOSSARY).concepts}
    assert not glossary_ids & {c.id for c in lexicon.concepts}
    [match] = lexicon.find(["difficultés"])
    assert "challenges" in match.concept.forms["en"]


def test_a_dutch_query_finds_french_answers_and_marks_the_translation(passage_index):
    results = run(passage_index, "seksuele uitbuiting van kinderen")
    assert results.query_lang == "nl"
    assert [e.concept for e in results.expansions] == ["sexual_exploitation"]
    assert "exploitation sexuelle" in results.expansions[0].terms
    top = results.hits[0]
    assert top.passage["lang"] == "fr" and "exploitation sexuelle" in top.passage["text"]
    assert "<mark>exploitation</mark>" in top.snippet and "<mark>sexuelle</mark>" in top.snippet


def test_german_and_english_queries_reach_french_and_english_passages(passage_index):
    help_ = run(passage_index, "Jugendhilfe")
    assert any("aide à la jeunesse" in h.passage["text"].lower() for h in help_.hits[:2])
    campaigns = run(passage_index, "awareness campaigns for parents")
    assert any("parents" in h.passage["text"] for h in campaigns.hits[:3])
    abuse = run(passage_index, "hulp bij kindermishandeling")
    assert any("maltraitance" in h.passage["text"].lower() or "kindermishandeling" in h.passage["text"].lower()
               for h in abuse.hits[:3])  # fmt: skip


def test_a_compound_unknown_to_the_documents_is_searched_by_its_parts(passage_index):
    results = run(passage_index, "Jugendschutz")
    assert results.total > 0
    assert any(e.source == "Jugendschutz" for e in results.expansions)
    # Jugend -> jeunesse, jeunes ...: the French passages about youth are found.
    assert "jeunesse" in results.hits[0].passage["text"].lower()


def test_expansions_weigh_less_than_the_users_own_words(passage_index):
    results = run(passage_index, "sexting", per_page="30")
    # Passages with the word typed come before those with only its synonyms (sextos, sextage).
    assert all("sexting" in h.passage["text"].lower() for h in results.hits[:10])
    assert any("sexting" not in h.passage["text"].lower() for h in results.hits)


def test_answers_rank_before_questionnaire_text(passage_index):
    results = run(passage_index, "images sexuellement explicites autoproduites", per_page="20")
    kinds = [h.passage["kind"] for h in results.hits]
    assert kinds[0] in ("answer", "legal")
    assert "question" in kinds  # the questionnaire text is found, after the answers that match as well


def test_the_api_says_what_was_expanded(client):
    data = client.get("/api/search?q=seksuele+uitbuiting+van+kinderen").get_json()
    assert data["expanded"] == [
        {"from": "seksuele uitbuiting kinderen", "concept": "sexual_exploitation", "to": data["expanded"][0]["to"]}
    ]
    assert "sexual exploitation" in data["expanded"][0]["to"]
    assert data["query_lang"] == "nl" and data["relaxed"] is None
    html = client.get("/?q=seksuele+uitbuiting+van+kinderen&ui=nl").get_data(as_text=True)
    assert '<details class="expanded">' in html and "Ook gezocht naar 1 term in andere talen" in html


def test_a_concept_typed_in_one_language_meets_passages_naming_it_in_another(passage_index):
    from whoosh import query as wq

    from indexer.schema import concept_field

    # The index records, per language, the concepts each passage names.
    searcher = passage_index._searcher()
    english = {searcher.stored_fields(n)["text"][:40] for n in searcher.docs_for_query(wq.Term(concept_field("en"), "young_people"))}
    assert "+ getting the right prevention message t" in english
    # A French word searches the concept in the other languages, not in French, where the word typed
    # already finds its passages (and synonyms must weigh less than it).
    terms = {(field, text) for field, text in passage_index.parse("jeunes").query.iter_all_terms()}
    assert {(concept_field(lang), "young_people") for lang in ("en", "nl", "de")} <= terms
    assert (concept_field("fr"), "young_people") not in terms
    # A word that is the same in every language (sexting) has no other language to reach.
    assert not any(field.startswith("concepts_") for field, _ in passage_index.parse("sexting").query.iter_all_terms())


def test_the_words_of_a_term_are_also_wanted_one_by_one(passage_index):
    from indexer.schema import concept_field

    # "harcèlement en ligne" is cyberbullying; harassment on its own (art. 442bis) comes after it.
    results = run(passage_index, "harcelement en ligne", per_page="50")
    texts = [h.passage["text"] for h in results.hits]
    assert any(t.startswith("Art. 442bis") for t in texts)
    first_442 = next(i for i, t in enumerate(texts) if t.startswith("Art. 442bis"))
    assert any("yberharcèlement" in t or "yberintimidation" in t or "Cybermobbing" in t for t in texts[:first_442])
    # A compound term is also its parts: Lehrerfortbildung is teacher training, and teachers and training.
    terms = set(passage_index.parse("Lehrerfortbildung").query.iter_all_terms())
    assert {(concept_field("fr"), "teacher_in_service_training"), (concept_field("fr"), "teacher")} <= terms


def test_concepts_sharing_a_stem_are_told_apart_by_the_word_itself():
    glossary = read_glossary(GLOSSARY, LEXICON)
    # English stems research and researcher alike; the word typed says which concept it is.
    [research] = glossary.find(["research"])
    [researcher] = glossary.find(["researcher"])
    assert research.concept.id != researcher.concept.id
    assert "recherche" in research.concept.forms["fr"] and "chercheur" in researcher.concept.forms["fr"]
    assert glossary.concepts_in("en", "researchers do research") == [researcher.concept.id, research.concept.id]


def test_an_institution_is_not_expanded_to_its_counterpart_in_another_community(passage_index):
    # Kaleido (German-speaking Community) and the ONE (French Community) do the same work; they are
    # not one another's translation.
    results = run(passage_index, "Kaleido")
    assert all("Naissance" not in term for e in results.expansions for term in e.terms)
    assert "Kaleido" in results.hits[0].passage["text"]


def _weights(query, weight: float = 1.0):
    """Yield (field, text, weight) for every term of `query`, its weight the product of the boosts above it."""
    weight *= query.boost
    children = list(query.children())
    if children:
        for child in children:
            yield from _weights(child, weight)
    else:
        for field, text in query.iter_all_terms():
            yield field, text, weight


def test_a_one_word_translation_weighs_less_than_the_word_typed(passage_index):
    from indexer.query import TRANSLATION_WEIGHT

    # jeunes: the user's own word at full weight; young people, youth, jongeren weigh less.
    found = {}
    for field, text, weight in _weights(passage_index.parse("jeunes").query):
        found[(field, text)] = max(weight, found.get((field, text), 0))
    assert found[("text_fr", "jeun")] >= 1.0
    assert found[("text_en", "youth")] == pytest.approx(TRANSLATION_WEIGHT)
    assert found[("text_nl", "jonger")] == pytest.approx(TRANSLATION_WEIGHT)


def test_a_phrase_with_a_compound_finds_it_in_the_compounding_languages(passage_index):
    from whoosh import query as wq

    # Seksualiteit is read as seksualiteit and its parts at one place: the phrase is of whole words.
    searcher = passage_index._searcher()
    query = passage_index.builder().parser(None).parse('text_nl:"Raamwerk Seksualiteit en Beleid"')
    assert isinstance(query, wq.Phrase)
    assert len(set(searcher.docs_for_query(query))) >= 2
    # A glossary term of two Dutch words, one a compound, reaches the passages that use it.
    query = passage_index.builder().parser(None).parse('text_nl:"wetenschappelijk onderzoek"~6')
    assert query.words == ["wetenschapp", "onderzoek"]


def test_a_word_naming_two_concepts_in_two_languages_is_read_in_the_query_language():
    glossary = read_glossary(GLOSSARY, LEXICON)
    # support is help in English, a carrier (support visuel) in French.
    assert [m.concept.id for m in glossary.find(["support"], "en")] == ["support"]
    assert [m.concept.id for m in glossary.find(["support"], "fr")] == ["carrier_medium"]
    # A query of unknown language is read in the language most of its words are terms of.
    assert glossary.find(["support", "Flemish", "media", "policy"])[0].concept.id == "support"
    assert glossary.find(["le", "support", "des", "images"])[0].concept.id == "carrier_medium"


def test_an_item_is_found_from_another_language_by_what_its_lead_in_names(passage_index):
    # `3° des images réalistes représentant un mineur qui n'existe pas` does not name child
    # pornography; the article's lead-in (`on entend par "matériel pédopornographique" :`) does.
    item = "3° des images réalistes représentant un mineur qui n'existe pas"
    results = run(passage_index, "Kinderpornografie", per_page="100")
    assert any(h.passage["text"].startswith(item) for h in results.hits)


def test_a_common_word_of_the_query_language_is_no_term_of_another(passage_index):
    glossary = read_glossary(GLOSSARY, LEXICON)
    # faire (to do) stems like the English fair; in a French query it is French.
    assert glossary.find(["faire"], "fr") == []
    assert [m.concept.id for m in glossary.find(["online", "grooming"], "fr")] == ["solicitation_of_children"]
    expanded = passage_index.parse("difficultés de la police pour faire passer le message de prévention aux jeunes").expansions
    assert "faire" not in {e.source for e in expanded} and "jeunes" in {e.source for e in expanded}


def test_a_passage_is_found_by_its_description_in_the_users_language(passage_index):
    # A bare address says nothing a German reader would type; its German description
    # (corpus/*.about.jsonl) says it is the sexting page of a website for young people.
    url = "https://www.jedecide.be/les-jeunes/sexting"
    results = run(passage_index, "Sexting-Seite für Jugendliche", per_page="3")
    assert url in [h.passage["text"] for h in results.hits]
    assert passage_index.build_info()["described"] >= 380
