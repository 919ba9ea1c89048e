"""Per-language analyzers on real sentences of the seed document."""

from __future__ import annotations

import pytest

from indexer.analysis import ANALYZERS, neutral_analyzer


def tokens(analyzer, text):
    return [token.text for token in analyzer(text)]


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        ("fr", "l'exploitation sexuelle des enfants et le harcèlement", ["exploit", "sexuel", "enfant", "harcel"]),
        ("en", "awareness campaigns for parents", ["awar", "campaign", "parent"]),
        ("nl", "seksuele uitbuiting van kinderen", ["seksuel", "uitbuit", "kinder"]),
        ("de", "Die Schulen und die Lehrer", ["schul", "lehr"]),
    ],
)
def test_language_analyzers_stem_stop_and_fold(lang, text, expected):
    assert tokens(ANALYZERS[lang], text) == expected


def test_accents_do_not_matter():
    fr = ANALYZERS["fr"]
    assert tokens(fr, "harcelement") == tokens(fr, "harcèlement")
    assert tokens(fr, "pédopornographie") == tokens(fr, "pedopornographie")


def test_neutral_field_keeps_codes_and_names():
    assert tokens(neutral_analyzer(), "l'art.371/1 CP et l'article 383bis, Weser-Göhl, 29/01/2016") == [
        "l", "art", "371/1", "cp", "et", "l", "article", "383bis", "weser", "gohl", "29/01/2016",
    ]  # fmt: skip
    assert tokens(neutral_analyzer(), "www.jedecide.be/les-jeunes/sexting") == [
        "www", "jedecide", "be", "les", "jeunes", "sexting",
    ]  # fmt: skip
