"""Building the index: identical ids across builds, atomic switch, failed builds leave the old index."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys

import pytest

from indexer import CorpusError, PassageIndex, build_corpus, build_index, read_build_info, split_passages
from indexer.build import contexts

from .conftest import CORPUS, ROOT


def export(index_dir) -> list[dict]:
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "export", "--index", str(index_dir)],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_export_is_the_passages_exactly_as_indexed(index_dir, passages):
    exported = export(index_dir)
    assert exported == [p.to_dict() for p in passages]
    assert set(exported[0]) == {
        "id", "doc", "text", "start", "end", "lang", "langs", "section",
        "question", "question_title", "community", "kind", "articles",
    }  # fmt: skip


def test_two_builds_give_identical_ids(tmp_path, index_dir):
    other = tmp_path / "index"
    build_corpus(CORPUS, other)
    assert [p["id"] for p in export(other)] == [p["id"] for p in export(index_dir)]


def test_build_command_prints_a_summary(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(CORPUS), "--index", str(tmp_path / "ix")],
        cwd=ROOT, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert "Indexed 1 document(s)" in result.stdout
    for word in ("lang:", "community:", "section:", "kind:", "fr ", "flemish"):
        assert word in result.stdout
    assert read_build_info(tmp_path / "ix")["passages"] > 400


def test_build_command_reports_a_bad_corpus_without_traceback(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "indexer", "build", "--corpus", str(tmp_path / "missing"), "--index", str(tmp_path / "ix")],
        cwd=ROOT, capture_output=True, text=True,
    )  # fmt: skip
    assert result.returncode == 1
    assert "corpus folder not found" in result.stderr
    assert "Traceback" not in result.stderr


def test_new_build_switches_atomically_and_readers_follow(tmp_path, seed_doc, passages):
    index_dir = tmp_path / "index"
    build_index(passages[:50], index_dir, documents=[seed_doc])
    reader = PassageIndex(index_dir)
    assert reader.count() == 50
    first_target = os.readlink(index_dir)
    build_index(passages, index_dir, documents=[seed_doc])
    assert os.readlink(index_dir) != first_target
    assert reader.count() == len(passages)
    reader.close()


def test_failed_build_leaves_the_previous_index_serving(tmp_path, seed_doc, passages):
    index_dir = tmp_path / "index"
    build_index(passages[:50], index_dir, documents=[seed_doc])
    reader = PassageIndex(index_dir)
    before = (os.readlink(index_dir), sorted(os.listdir(index_dir.parent / ".index.builds")))

    def broken():
        yield from passages[:100]
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError, match="disk full"):
        build_index(broken(), index_dir, documents=[seed_doc])
    assert (os.readlink(index_dir), sorted(os.listdir(index_dir.parent / ".index.builds"))) == before
    assert reader.count() == 50
    reader.close()


def test_old_builds_are_pruned(tmp_path, seed_doc, passages):
    index_dir = tmp_path / "index"
    for _ in range(4):
        build_index(passages[:10], index_dir, documents=[seed_doc])
    assert len(os.listdir(index_dir.parent / ".index.builds")) == 2


def test_a_plain_index_folder_is_replaced_by_the_link(tmp_path, seed_doc):
    index_dir = tmp_path / "index"
    index_dir.mkdir()
    build_index(split_passages(seed_doc), index_dir, documents=[seed_doc])
    assert index_dir.is_symlink()
    reader = PassageIndex(index_dir)
    assert reader.count() > 400
    reader.close()


def test_items_are_indexed_with_what_frames_them(passages):
    framed = list(contexts(passages))
    at = next(i for i, (p, _, _) in enumerate(framed) if p.text.startswith("3° des images réalistes représentant un mineur"))
    # The article's lead-in (`on entend par "matériel pédopornographique" :`), and its number.
    assert "on entend par" in framed[at][2] and "383bis" in framed[at][1]
    # A quoted article's lead-in frames its items only, not the reply's words after it.
    after = next((p, lead_in) for p, _, lead_in in framed[at:] if p.kind == "answer")
    assert after[0].question == framed[at][0].question
    assert "on entend par" not in after[1]
    # The reply's own lists: `Evolution du soutien ... :` frames the subsidies that follow it.
    item = next((p, lead_in) for p, _, lead_in in framed if p.text.startswith("Accord de subvention actuel"))
    assert item[1].startswith("Evolution du soutien")


def test_passages_name_glossary_concepts_in_their_own_language(passages):
    from indexer.glossary import default_glossary

    glossary = default_glossary()
    english = next(p for p in passages if p.text.startswith("+ getting the right prevention message through to young people"))
    assert "young_people" in glossary.concepts_in("en", english.text)
    french = next(p for p in passages if "sextos" in p.text)
    assert "sexting" in glossary.concepts_in("fr", french.text)


def test_a_corpus_with_broken_descriptions_does_not_replace_the_index(tmp_path, seed_doc, passages):
    index_dir = tmp_path / "index"
    build_index(passages[:50], index_dir, documents=[seed_doc])
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(seed_doc.path, corpus / "reply.txt")
    (corpus / "reply.about.jsonl").write_text('{"id": "reply-1", "fr": ', encoding="utf-8")
    with pytest.raises(CorpusError, match="not JSON"):
        build_corpus(corpus, index_dir)
    assert PassageIndex(index_dir).count() == 50
