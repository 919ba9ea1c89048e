"""Language detection: restricted to fr/en/nl/de, deterministic, with context for short texts."""

from __future__ import annotations

import pytest

from indexer import LANGUAGES
from indexer.languages import detect, detect_all, foreign_spans, probabilities, voting_text


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ce plan d'action engage les ministres de la Jeunesse, du Sport, du Bien-être et de l'Enseignement.", "fr"),
        ("The Department for Education & Training supports the Centre of Expertise Mediawijs.", "en"),
        ("Noopt nieuwe seksuele criminaliteit tot nieuwe seksuele misdrijven? Een analyse van de wetgeving", "nl"),
        ("Eine Studie zu Erfahrungen mit Gewalt und Medienkonsum wurde von der Autonomen Hochschule durchgeführt", "de"),
        ("Internet et vie privée", "fr"),
    ],
)
def test_real_sentences_get_their_language(text, lang):
    assert detect(text).lang == lang


def test_only_the_four_languages_are_ever_returned():
    # Raw langdetect calls these Vietnamese and Catalan.
    for text in ("CONVENTION DE LANZAROTE", "Partenariats", "Sex'cetera", "Weser-Göhl"):
        assert {lang for lang, _ in probabilities(text)} <= set(LANGUAGES)


def test_urls_codes_and_numbers_do_not_vote():
    text = "voir <https://www.jedecide.be/les-jeunes> et l'art.383bis, T-ES(2017)ICT-BE, 29/01/2016"
    assert voting_text(text) == "voir et"


def test_short_texts_take_their_context():
    texts = [
        "Au niveau fédéral, on peut citer les initiatives suivantes, qui sont nombreuses et variées :",
        "Partenariats",  # a heading: the language of what it introduces
        "The Privacy commission runs a campaign for children, youngsters and their educators about privacy.",
        "<https://www.jedecide.be/les-jeunes/sexting>",  # a bare URL: the language of what introduces it
        "En Communauté germanophone, différents projets sont en cours dans les écoles de la région :",
    ]
    kinds = ["answer", "heading", "answer", "answer", "answer"]
    assert [lang for lang, _ in detect_all(texts, kinds, "fr")] == ["fr", "en", "en", "en", "fr"]


def test_function_words_decide_between_candidates():
    # Too short for langdetect; "of" is English and Dutch, the context is French: English wins on its n-grams.
    assert detect_all(["COUNCIL OF EUROPE", "Convention du Conseil de l'Europe sur la protection des enfants"],
                      ["title", "title"], "fr")[0][0] == "en"  # fmt: skip
    assert detect("Partenariats").lang is None


def test_detection_is_deterministic():
    text = "Child Focus, Mediawijs, Mediaraven and Jong & Van Zin are currently developing a chatbox"
    assert len({tuple(probabilities(text)) for _ in range(5)}) == 1


def test_quoted_dutch_title_is_a_secondary_language():
    text = (
        "Tout d'abord, il est utile de savoir que la réalisation d'une approche préventive fait partie du "
        "*Vlaams actieplan ter bevordering en bescherming van de fysieke, psychische en seksuele integriteit "
        "van de minderjarige in de jeugdhulp en de kinderopvang (29/01/2016)*. Ce plan d'action engage les ministres."
    )
    assert detect(text).langs == ("fr", "nl")


def test_names_and_borrowed_words_are_not_languages():
    text = (
        "En Communauté flamande, la Databank Ondergrond Vlaanderen et le Vertrouwenscentrum Kindermishandeling "
        "travaillent avec Child Focus sur le sexting et le Cybermobbing dans les écoles."
    )
    assert foreign_spans(text, "fr") == []
    assert detect(text).langs == ("fr",)


def test_a_title_learnt_once_is_recognised_without_quotes():
    texts = [
        "Le « Raamwerk Seksualiteit en Beleid Onderwijs » a été réalisé par Sensoa et Child Focus en 2014.",
        "Sensoa offre une formation autour du Raamwerk Seksualiteit en Beleid et du système de drapeaux.",
    ]
    assert [langs for _, langs in detect_all(texts, ["answer", "answer"], "fr")] == [["fr", "nl"], ["fr", "nl"]]
