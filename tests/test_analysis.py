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
    # Function words of the four languages are left out ("l'", "et", "be").
    assert tokens(neutral_analyzer(), "l'art.371/1 CP et l'article 383bis, Weser-Göhl, 29/01/2016") == [
        "art", "371/1", "cp", "article", "383bis", "weser", "gohl", "29/01/2016",
    ]  # fmt: skip
    assert tokens(neutral_analyzer(), "www.jedecide.be/les-jeunes/sexting") == ["www", "jedecide", "les", "jeunes", "sexting"]


@pytest.mark.parametrize(
    ("lang", "word", "expected"),
    [
        ("nl", "Kindermishandeling", ["kindermishandel", "kinder", "mishandel"]),
        ("nl", "Vertrouwenscentrum", ["vertrouwenscentrum", "vertrouw", "centrum"]),
        ("de", "Lehrerfortbildung", ["lehrerfortbild", "lehr", "fortbild"]),
        ("de", "Jugendhilfe", ["jugendhilf", "jugend", "hilf"]),
        ("nl", "kinderen", ["kinder"]),  # an inflected word, not kind + eren
        ("nl", "jeugdhulp", ["jeugdhulp", "jeugd", "hulp"]),
    ],
)
def test_compounds_are_split_into_parts_that_match_alone(lang, word, expected):
    assert tokens(ANALYZERS[lang], word) == expected


def test_compound_parts_share_the_compound_position():
    found = [(t.text, t.pos) for t in ANALYZERS["nl"]("Het Vertrouwenscentrum Kindermishandeling", positions=True)]
    assert {pos for text, pos in found if text in ("vertrouwenscentrum", "vertrouw", "centrum")} == {found[0][1]}
    assert found[-1][1] == found[0][1] + 1
