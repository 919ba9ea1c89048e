"""Language detection: restricted to fr/en/nl/de, deterministic, with context for short texts."""

from __future__ import annotations

import pytest

from indexer import LANGUAGES
from indexer.languages import detect, probabilities


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ce plan d'action engage les ministres de la Jeunesse, du Sport, du Bien-être et de l'Enseignement.", "fr"),
        ("The Department for Education & Training supports the Centre of Expertise Mediawijs.", "en"),
        ("Noopt nieuwe seksuele criminaliteit tot nieuwe seksuele misdrijven? Een analyse van de wetgeving", "nl"),
        ("Eine Studie zu Erfahrungen mit Gewalt und Medienkonsum wurde von der Autonomen Hochschule durchgeführt", "de"),
    ],
)
def test_real_sentences_get_their_language(text, lang):
    assert detect(text, context=None)[0] == lang


def test_only_the_four_languages_are_ever_returned():
    # Raw langdetect calls these Vietnamese and Catalan.
    for text in ("CONVENTION DE LANZAROTE", "Partenariats", "Sex'cetera", "Weser-Göhl"):
        assert {lang for lang, _ in probabilities(text)} <= set(LANGUAGES)


def test_short_text_takes_its_context_language():
    assert detect("Partenariats", context="fr") == ("fr", ["fr"])
    assert detect("b) :non", context="fr")[0] == "fr"


def test_text_without_words_has_no_language():
    assert detect("<https://www.jedecide.be/les-jeunes/sexting>", context="fr") == (None, [])
    assert detect("29/01/2016 – 13.000", context="fr") == (None, [])


def test_detection_is_deterministic():
    text = "Child Focus, Mediawijs, Mediaraven and Jong & Van Zin are currently developing a chatbox"
    assert len({tuple(probabilities(text)) for _ in range(5)}) == 1


def test_quoted_dutch_title_is_a_secondary_language():
    text = (
        "Tout d'abord, il est utile de savoir que la réalisation d'une approche préventive fait partie du "
        "*Vlaams actieplan ter bevordering en bescherming van de fysieke, psychische en seksuele integriteit "
        "van de minderjarige in de jeugdhulp en de kinderopvang (29/01/2016)*. Ce plan d'action engage les ministres."
    )
    assert detect(text, context="fr") == ("fr", ["fr", "nl"])
