"""What people type, read as they mean it: operators in four languages, phrases, exclusions, no syntax."""

from __future__ import annotations

import pytest

from indexer import SearchQuery
from indexer.query import Token, tokenize


def run(index, q, **args):
    return index.search(SearchQuery.from_args({"q": [q], "per_page": ["100"], **{k: [v] for k, v in args.items()}}))


def ids(results):
    return {hit.passage["id"] for hit in results.hits}


def test_tokens():
    assert tokenize('"Child Focus" -sexting (écoles OU parents) ET police') == [
        Token("phrase", "Child Focus"),
        Token("word", "sexting", negated=True),
        Token("open", "("),
        Token("word", "écoles"),
        Token("op", "OR"),
        Token("word", "parents"),
        Token("close", ")"),
        Token("op", "AND"),
        Token("word", "police"),
    ]


@pytest.mark.parametrize(
    ("typed", "tokens"),
    [
        ("title:foo pédo*", [Token("word", "title"), Token("word", "foo"), Token("word", "pédo")]),
        ('"unbalanced', [Token("phrase", "unbalanced")]),
        ("((a OR b", [Token("open", "("), Token("open", "("), Token("word", "a"), Token("op", "OR"),
                      Token("word", "b"), Token("close", ")"), Token("close", ")")]),
        ("a) b)", [Token("word", "a"), Token("word", "b")]),
        ("OR sexting AND", [Token("word", "sexting")]),
        ("article 442bis", [Token("word", "442bis")]),
        ("T-ES(2017)ICT-BE", [Token("phrase", "T-ES 2017 ICT-BE")]),
        ("x^3 y~2 [a TO b]", [Token("word", "x"), Token("word", "3"), Token("word", "y"), Token("word", "2"),
                              Token("word", "a"), Token("word", "TO"), Token("word", "b")]),
    ],
)  # fmt: skip
def test_syntax_the_user_did_not_ask_for_is_not_interpreted(typed, tokens):
    assert tokenize(typed) == tokens


@pytest.mark.parametrize(
    ("native", "english"),
    [("Mediaraven OU Yakapa", "Mediaraven OR Yakapa"), ("Mediaraven OF Yakapa", "Mediaraven OR Yakapa"),
     ("Mediaraven ODER Yakapa", "Mediaraven OR Yakapa"), ("sexting ET écoles", "sexting AND écoles"),
     ("sexting EN écoles", "sexting AND écoles"), ("sexting UND écoles", "sexting AND écoles"),
     ("sexting SAUF jeunes", "sexting NOT jeunes"), ("sexting NIET jeunes", "sexting NOT jeunes"),
     ("sexting NICHT jeunes", "sexting NOT jeunes")],
)  # fmt: skip
def test_operators_in_the_users_languages(passage_index, native, english):
    assert ids(run(passage_index, native)) == ids(run(passage_index, english))
    assert run(passage_index, native).total > 0


def test_or_and_not_do_what_they_say(passage_index):
    either = run(passage_index, "Mediaraven OR Yakapa")
    assert either.total == run(passage_index, "Mediaraven").total + run(passage_index, "Yakapa").total
    both = run(passage_index, "sexting AND écoles")
    assert all("sexting" in h.passage["text"].lower() for h in both.hits)
    without = run(passage_index, "sexting NOT jeunes")
    assert 0 < without.total < run(passage_index, "sexting").total
    assert ids(without) == ids(run(passage_index, "sexting -jeunes"))


def test_lower_case_operator_words_are_words(passage_index):
    # "en ligne" is French for online: "en" is no AND here.
    assert tokenize("harcèlement en ligne") == [Token("word", "harcèlement"), Token("word", "en"), Token("word", "ligne")]


def test_long_questions_rank_by_how_many_words_match(passage_index):
    results = run(passage_index, "le procureur peut-il classer sans suite une affaire de pédopornographie")
    assert results.total > 0
    top = results.hits[0].passage["text"].lower()
    assert "sans suite" in top or "procureur" in top


def test_query_language_is_detected(passage_index):
    assert run(passage_index, "seksuele uitbuiting van kinderen").query_lang == "nl"
    assert run(passage_index, "Jugendschutz im Internet").query_lang == "de"
    assert run(passage_index, "Mediawijs").query_lang is None


def test_the_builder_reads_any_text_without_falling_back(passage_index):
    # PassageIndex.parse falls back to bare words if building fails: building itself must not fail,
    # or queries silently lose their glossary terms and corrections.
    import random

    builder = passage_index.builder()
    tricky = ["lui-même", "B-BICO", "self-generated images", "Weser-Göhl", "l'enfant", "x-", "-x-y", "a--b",
              "d'«abus»", "co-operation ET co-ordination", "T-ES(2017)ICT-BE", "371/1 OR 383bis", "« (",
              "NOT NOT a", "sexting -", '"" -""', "art. art.", "Kindermishandling-", "é-é'é"]  # fmt: skip
    alphabet = "abcdeéèçœ ßäöü'-\"()«»:*?~^/.,;!+-ETOUNISAUFDR0123456789"
    rng = random.Random(7)
    tricky += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(300)]
    for text in tricky:
        builder.build(text)
