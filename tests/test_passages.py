"""Splitting the real seed document: order, coverage, offsets, stable ids and first-cut metadata."""

from __future__ import annotations

import re

import pytest

from indexer import KINDS, LANGUAGES, SECTIONS, split_passages
from indexer.passages import clean_text

from .conftest import BELGIAN_ENTITIES


def by_text(passages, start: str):
    """Return the passage whose text is `start`, else the first that starts with it."""
    found = [p for p in passages if p.text == start] or [p for p in passages if p.text.startswith(start)]
    assert found, f"no passage starts with {start!r}"
    return found[0]


def test_passages_are_in_document_order_and_do_not_overlap(passages):
    assert len(passages) > 400
    for before, after in zip(passages, passages[1:]):
        assert before.order < after.order
        assert before.start < after.start
        # Only a footnote may sit inside the span of the paragraph it interrupts.
        assert before.end <= after.start or after.kind == "footnote"


def test_every_non_blank_line_is_covered(seed_doc, passages):
    covered = [False] * len(seed_doc.text)
    for p in passages:
        for i in range(p.start, p.end):
            covered[i] = True
    for match in re.finditer(r"[^\n]+", seed_doc.text):
        if match.group().strip():
            first = match.start() + len(match.group()) - len(match.group().lstrip())
            assert covered[first], f"line not covered: {match.group()[:60]!r}"


def test_source_span_holds_the_passage_text(seed_doc, passages):
    for p in passages:
        span = seed_doc.text[p.start : p.end]
        assert span == span.strip()
        lines = [line for line in span.splitlines() if line.strip()]
        if p.kind != "footnote":
            lines = [line for line in lines if not re.match(r"[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s", line)]
        assert " ".join(filter(None, (clean_text(line) for line in lines))) == p.text


def test_a_paragraph_cut_by_a_page_break_and_a_footnote_is_one_passage(seed_doc, passages):
    merged = by_text(passages, "Il convient de référer à la loi du 31 mai 2016")
    assert "Protocole facultatif à la Convention des Nations Unies relative aux droits de l'enfant), la" in merged.text
    footnote = by_text(passages, "¹ Si les réponses des Parties")
    assert merged.start < footnote.start < footnote.end < merged.end
    assert footnote.kind == "footnote" and footnote.community == ()
    assert "Si les réponses" not in merged.text
    assert by_text(passages, "Cette description fait sous-entendre").text.endswith("au préjudice d'autrui.")
    assert not [p for p in passages if p.text.startswith(("relative aux droits", "moins évidente", "que le sexting"))]


def test_footnotes_belong_to_the_question_that_cites_them(passages):
    assert by_text(passages, "⁷ Cette question ne signifie").question == "9.10"
    assert by_text(passages, "⁸ Allemagne, Danemark").question == "10.1"
    assert by_text(passages, "⁹ Albanie, Andorre").question == "10.2"


def test_ids_are_unique_and_stable(seed_doc, passages):
    ids = [p.id for p in passages]
    assert len(set(ids)) == len(ids)
    assert [p.id for p in split_passages(seed_doc)] == ids
    assert all(p.id.startswith(seed_doc.id + "-") for p in passages)


def test_field_values_use_the_contract_codes(passages):
    for p in passages:
        assert p.section in SECTIONS
        assert p.kind in KINDS
        assert set(p.community) <= set(BELGIAN_ENTITIES)
        assert p.lang is None or p.lang in LANGUAGES
        assert set(p.langs) <= set(LANGUAGES)
        assert (p.lang in p.langs) if p.lang else p.langs == ()
        assert p.question is None or re.fullmatch(r"\d+(\.\d+)?", p.question)
    assert {p.section for p in passages} == set(SECTIONS)
    assert {c for p in passages for c in p.community} == set(BELGIAN_ENTITIES)


def test_markup_is_cleaned_but_words_kept():
    raw = "Par ailleurs, l'article 383 CP se réfère à des **images** et au 1^{er} février, voir <https://x.be/a> et [Le code pénal](#)."
    assert clean_text(raw) == (
        "Par ailleurs, l'article 383 CP se réfère à des images et au 1er février, voir https://x.be/a et Le code pénal."
    )
    assert clean_text("- * Child Focus has a website") == "Child Focus has a website"


@pytest.mark.parametrize(
    ("start", "section", "question", "kind"),
    [
        ("CONVENTION DE LANZAROTE", "front", None, "title"),
        ("Prévention", "prevention", None, "heading"),
        ("Question 5. Recherche", "prevention", "5", "heading"),
        ("1.1. Existe-t-il des activités", "prevention", "1.1", "question"),
        ("→ Veuillez Indiquer quelles sont les entités", "prevention", "1.3", "question"),
        ("Poursuites", "prosecution", None, "heading"),
        ("« Art. 383bis. § 1. Sans préjudice", "prosecution", "9.1", "legal"),
        ("¹ Si les réponses des Parties", "prosecution", "9.1", "footnote"),
        ("Partenariats", "partnerships", None, "heading"),
        ("16.1. Quelles mesures ont été prises", "partnerships", "16.1", "question"),
    ],
)
def test_structure_of_real_passages(passages, start, section, question, kind):
    p = by_text(passages, start)
    assert (p.section, p.question, p.kind) == (section, question, kind)


def test_question_title_follows_the_top_level_question(passages):
    assert by_text(passages, "5.2. Les pouvoirs publics").question_title == "Recherche"
    assert by_text(passages, "Question 12.").question_title == "Règles de compétence"


@pytest.mark.parametrize(
    ("start", "community"),
    [
        ("Au niveau fédéral, on peut citer", ("federal",)),
        ("Child Focus has a website on online safety, a part of it is for young people", ("federal",)),
        ("En Communauté germanophone, différents projets", ("german-speaking",)),
        ("2) Infotreff et JIZ", ("german-speaking",)),
        ("Child Focus, Mediawijs, Mediaraven and Jong & Van Zin", ("flemish",)),
        ("In the Flemish Community, there is research", ("flemish",)),
        ("La Communauté germanophone renvoie à la question 1.1.", ("german-speaking",)),
        ("En Communauté française, dans le cadre des prises en charge", ("french",)),
        ("At federal level, the Belgian Federal police supports the campaigns", ("federal",)),
        ("1.1. Existe-t-il des activités", ()),
        ("Question 1. Activités", ()),
    ],
)
def test_community_markers_are_followed(passages, start, community):
    assert by_text(passages, start).community == community


def test_languages_of_real_passages(passages):
    assert by_text(passages, "Child Focus has a website on online safety").lang == "en"
    assert by_text(passages, "Au niveau fédéral, on peut citer").lang == "fr"
    dutch_title = by_text(passages, "Tout d'abord, il est utile de savoir")
    assert dutch_title.lang == "fr"
    assert dutch_title.langs == ("fr", "nl")
    # A bare URL and a heading take the language of their context.
    assert by_text(passages, "https://www.jedecide.be/les-jeunes/sexting").lang == "en"
    assert by_text(passages, "Partenariats").lang == "fr"
    assert by_text(passages, "COUNCIL OF EUROPE").lang == "en"
    assert by_text(passages, "Le « Raamwerk Seksualiteit en Beleid Onderwijs »").langs == ("fr", "nl")
    assert by_text(passages, "Dans ce contexte, Sensoa travaille").langs == ("fr", "nl")


@pytest.mark.parametrize(
    ("start", "articles"),
    [
        ("L'art.371/1 CP sur le voyeurisme", ("371/1",)),
        ("« Art. 383bis. § 1. Sans préjudice", ("383bis", "379", "380")),
        ("1° une des infractions prévues aux articles 379, 380, 381, 383bis", ("379", "380", "381", "383bis", "433quinquies", "433octies")),
        ("Si l'infraction est localisée à l'étranger, les articles 7, 10", ()),
        ("Art. 7. « § 1. Tout Belge", ()),
        ("1.1. Existe-t-il des activités", ()),
        # A paragraph of a quoted article is that article, though it does not repeat its number.
        ("Si les faits visés à l'alinéa 1er sont commis au préjudice", ("442bis",)),
        ("alors que celle-ci était dénudée", ("371/1",)),
        ("3° des images réalistes représentant un mineur", ("383bis",)),
        ("Sera puni des mêmes peines quiconque aura chanté", ("383", "444")),
    ],
)
def test_criminal_code_articles_are_extracted(passages, start, articles):
    assert by_text(passages, start).articles[: len(articles)] == articles
    if not articles:
        assert by_text(passages, start).articles == ()


@pytest.mark.parametrize(
    ("start", "kind", "community"),
    [
        ("En Communauté flamande", "heading", ()),
        ("Jeunesse", "heading", ()),
        ("Child Focus:", "heading", ()),
        ("Dans le cadre du Décret sur la politique renouvelée", "answer", ("flemish",)),
        ("Il est renvoyé à la question 1.1 par la Communauté germanophone", "answer", ("flemish", "french", "german-speaking")),
        ("The Belgian Federal police can support this when asked", "answer", ("federal",)),
        ("In Belgium, the police is not involved in the prosecution phase.", "answer", ("federal",)),
        ("§ 3. Sans avoir égard à la qualité", "legal", ("federal",)),
        ("La citation devant le tribunal est transcrite", "legal", ("federal",)),
        ("Pour c), on peut aussi renvoyer à l'article 383", "answer", ("federal",)),
        ("Remarques générales comme les communautés", "answer", ()),
        ("Il n'y a pas de mesures particulières.", "answer", ()),
    ],
)
def test_kinds_and_attribution(passages, start, kind, community):
    p = by_text(passages, start)
    assert (p.kind, p.community) == (kind, community)
