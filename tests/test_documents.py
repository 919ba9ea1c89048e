"""Reading documents and their metadata from a corpus folder."""

from __future__ import annotations

import shutil

import pytest

from indexer import CorpusError, read_corpus

from .conftest import CORPUS, SEED


def test_seed_metadata_is_read(seed_doc):
    assert seed_doc.id == "belgium-2017-ict-reply"
    assert seed_doc.metadata["reference"] == "T-ES(2017)ICT-BE"
    assert str(seed_doc.metadata["date"]) == "2017-11-16"
    assert seed_doc.to_dict()["date"] == "2017-11-16"
    assert seed_doc.text == SEED.read_text(encoding="utf-8")


def test_document_without_metadata_gets_defaults(tmp_path):
    shutil.copy(SEED, tmp_path / "other_state-2019.txt")
    [doc] = read_corpus(tmp_path)
    assert doc.id == "other_state-2019"
    assert doc.metadata == {}
    assert doc.title == "Other state 2019"


def test_corpus_reads_every_txt_file(tmp_path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("Prévention\n\nQuestion 1. Test\n", encoding="utf-8")
    (tmp_path / "notes.md").write_text("not a document", encoding="utf-8")
    assert [doc.id for doc in read_corpus(tmp_path)] == ["a", "b"]
    assert [doc.id for doc in read_corpus(CORPUS)] == ["belgium-2017-ict-reply"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"x.txt": b"\xff\xfe bad"}, "not UTF-8"),
        ({"x.txt": b"ok", "x.toml": b"title = "}, "invalid TOML"),
        ({"x.txt": b"ok", "x.toml": b'colour = "blue"'}, "unknown metadata keys"),
        ({"bad name.txt": b"ok"}, "file names"),
        ({"x.txt": b"ok", "x.about.jsonl": b'{"id": "x-1", "fr": "ok"}\n{"id": "x-2", "fr": '}, "line 2: not JSON"),
        ({"x.txt": b"ok", "x.about.jsonl": b'{"id": "x-1", "es": "hola"}'}, "descriptions in"),
        ({"x.txt": b"ok", "x.about.jsonl": b'["x-1", "ok"]'}, "passage \"id\""),
        ({}, "no *.txt documents"),
    ],
)
def test_bad_corpus_files_are_reported(tmp_path, files, message):
    for name, content in files.items():
        (tmp_path / name).write_bytes(content)
    with pytest.raises(CorpusError, match=message.replace("*", r"\*")):
        read_corpus(tmp_path)


def test_passage_descriptions_are_read_beside_the_document(tmp_path):
    shutil.copy(SEED, tmp_path / "reply.txt")
    (tmp_path / "reply.about.jsonl").write_text(
        '{"id": "reply-1", "fr": "Une ligne d\'écoute", "en": "A helpline"}\n\n{"id": "reply-2", "de": "Ein Projekt"}\n', encoding="utf-8"
    )
    [doc] = read_corpus(tmp_path)
    assert doc.descriptions == {"reply-1": {"fr": "Une ligne d'écoute", "en": "A helpline"}, "reply-2": {"de": "Ein Projekt"}}
    # Without the file, a document has no descriptions and is indexed all the same.
    (tmp_path / "reply.about.jsonl").unlink()
    assert read_corpus(tmp_path)[0].descriptions == {}


def test_a_description_may_be_a_list_of_texts(tmp_path):
    shutil.copy(SEED, tmp_path / "reply.txt")
    (tmp_path / "reply.about.jsonl").write_text(
        '{"id": "reply-1", "en": ["A helpline for children.", "Who answers children on the phone?", " "]}\n', encoding="utf-8"
    )
    assert read_corpus(tmp_path)[0].descriptions == {"reply-1": {"en": "A helpline for children.\nWho answers children on the phone?"}}
