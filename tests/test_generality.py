"""Another State's reply: an imaginary English document with its own entities, declared in its metadata."""

from __future__ import annotations

import pytest

from indexer import build_corpus, read_document, split_passages
from webapp import create_app

from .conftest import ROOT

NORLAND = ROOT / "tests" / "data" / "norland"

# Every passage of the document, as a careful reader labels it:
# (text begins, section, question, kind, community, langs, articles).
EXPECTED = [
    ("COUNCIL OF EUROPE", "front", None, "title", "", "en", ""),
    ("T-ES(2018)ICT-NL-IMAGINARY", "front", None, "title", "", "en", ""),
    ("LANZAROTE CONVENTION", "front", None, "title", "", "en", ""),
    ("Replies to the thematic questionnaire", "front", None, "title", "", "en", ""),
    ("REPUBLIC OF NORLAND", "front", None, "title", "", "en", ""),
    ("Replies registered by the Secretariat", "front", None, "title", "", "en", ""),
    ("General remarks: in Norland", "front", None, "answer", "", "en", ""),
    ("Prevention", "prevention", None, "heading", "", "en", ""),
    ("Question 1. Awareness-raising", "prevention", "1", "heading", "", "en", ""),
    ("1.1. Are there awareness-raising", "prevention", "1.1", "question", "", "en", ""),
    ("a. self-generated sexually explicit", "prevention", "1.1", "question", "", "en", ""),
    ("b. self-generated sexual content?", "prevention", "1.1", "question", "", "en", ""),
    ("At national level, the Ministry", "prevention", "1.1", "answer", "national", "en", ""),
    ("https://www.justice.norland.example/think", "prevention", "1.1", "answer", "national", "en", ""),
    ("In the Northern Province, youth workers", "prevention", "1.1", "answer", "north", "en", ""),
    ("Education", "prevention", "1.1", "heading", "", "en", ""),
    ("The provincial education office", "prevention", "1.1", "answer", "north", "en de", ""),
    ("In the Southern Province and in the Island", "prevention", "1.1", "answer", "south islands", "en", ""),
    ("1.2. Are there awareness-raising", "prevention", "1.2", "question", "", "en", ""),
    ("→ Please specify which entities", "prevention", "1.2", "question", "", "en", ""),
    ("The Northern Province refers to its reply", "prevention", "1.2", "answer", "north", "en", ""),
    ("Protection", "protection", None, "heading", "", "en", ""),
    ("Question 2. Assistance to victims", "protection", "2", "heading", "", "en", ""),
    ("2.1. What reporting mechanisms", "protection", "2.1", "question", "", "en", ""),
    ("Southern Province", "protection", "2.1", "heading", "", "en", ""),
    ("A helpline for children, open day and night", "protection", "2.1", "answer", "south", "en", ""),
    ("¹ The helpline was evaluated in 2017", "protection", "2.1", "footnote", "", "en", ""),
    ("Prosecution", "prosecution", None, "heading", "", "en", ""),
    ("Question 3. Criminalisation", "prosecution", "3", "heading", "", "en", ""),
    ("3.1. Does national law criminalise", "prosecution", "3.1", "question", "", "en", ""),
    ("Yes. Article 201 of the Criminal Code", "prosecution", "3.1", "answer", "national", "en", "201"),
    ("« Art. 201. § 1. Whoever possesses", "prosecution", "3.1", "legal", "national", "en", "201"),
    ("§ 2. The penalty is doubled", "prosecution", "3.1", "legal", "national", "en", "201"),
    ("See also art. 203bis of the Criminal Code", "prosecution", "3.1", "answer", "national", "en", "203bis"),
    ("3.2. What are the legal consequences", "prosecution", "3.2", "question", "", "en", ""),
    ("The penalties of article 201 apply", "prosecution", "3.2", "answer", "national", "en", "201"),
    ("Partnerships", "partnerships", None, "heading", "", "en", ""),
    ("Question 4. International cooperation", "partnerships", "4", "heading", "", "en", ""),
    ("4.1. What measures have been taken", "partnerships", "4.1", "question", "", "en", ""),
    ("The national police take part", "partnerships", "4.1", "answer", "national", "en", ""),
]


@pytest.fixture(scope="module")
def norland():
    return list(split_passages(read_document(NORLAND / "norland-2018-ict-reply.txt")))


def test_every_passage_of_another_state_comes_out_right(norland):
    got = [
        (p.text[: len(e[0])], p.section, p.question, p.kind, " ".join(p.community), " ".join(p.langs), " ".join(p.articles))
        for p, e in zip(norland, EXPECTED)
    ]
    assert got == EXPECTED
    assert len(norland) == len(EXPECTED)


def test_the_page_break_is_mended_around_the_footnote(norland):
    helpline = next(p for p in norland if p.text.startswith("A helpline"))
    assert helpline.text.endswith("rather than call; it received 4 200 contacts in 2017.")


def test_its_entities_label_the_facets(tmp_path):
    index = tmp_path / "index"
    build_corpus(NORLAND, index)
    client = create_app({"INDEX_DIR": str(index)}).test_client()
    data = client.get("/api/search?q=workshops").get_json()
    labels = {v["value"]: v["label"] for v in data["facets"]["community"]}
    assert labels == {"north": "Northern Province", "south": "Southern Province", "islands": "Island Territories"}
    french = client.get("/api/search?q=workshops&ui=fr").get_json()["facets"]["community"]
    assert {v["value"]: v["label"] for v in french}["north"] == "Province du Nord"
    assert client.get("/api/search?community=flemish").status_code == 400
    assert client.get("/api/search?community=north").get_json()["total"] == 3
