"""The passages against the hand-labelled development set (tests/data/devset.jsonl), and the report."""

from __future__ import annotations

import subprocess
import sys

import pytest

from indexer import CorpusError, read_document, split_passages
from indexer.entities import profile_from_metadata
from indexer.evaluate import FIELDS, TARGETS, evaluate, read_labels

from .conftest import ROOT

DEVSET = ROOT / "tests" / "data" / "devset.jsonl"
# Labelled later by another reader, on the passages the development set leaves out.
HELDOUT = ROOT / "tests" / "data" / "heldout.jsonl"


@pytest.fixture(scope="module", params=[DEVSET, HELDOUT], ids=["devset", "heldout"])
def evaluation(request, passages):
    return evaluate(passages, read_labels(request.param))


def test_the_development_set_is_large_and_varied():
    labels = read_labels(DEVSET)
    assert not {label["start"] for label in labels} & {label["start"] for label in read_labels(HELDOUT)}
    assert len(labels) >= 150
    assert {label["section"] for label in labels} >= {"prevention", "protection", "prosecution", "partnerships"}
    assert {label["kind"] for label in labels} == {"title", "heading", "question", "answer", "legal", "footnote"}
    assert {c for label in labels for c in label["community"]} == {"federal", "flemish", "french", "german-speaking"}


def test_every_label_finds_its_passage(evaluation):
    assert evaluation.missing == []


@pytest.mark.parametrize("name", [*FIELDS, "secondary_f1"])
def test_targets_are_met(evaluation, name):
    score = evaluation.scores()[name]
    assert score >= TARGETS[name], evaluation.format(verbose=True)


def test_evaluate_command_prints_the_scores():
    result = subprocess.run([sys.executable, "-m", "indexer", "evaluate"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
    for name in TARGETS:
        assert name in result.stdout


def test_report_lists_passages_by_part_and_question():
    result = subprocess.run([sys.executable, "-m", "indexer", "report"], cwd=ROOT, capture_output=True, text=True, check=True)
    lines = result.stdout.splitlines()
    assert "=== belgium-2017-ict-reply · PROSECUTION ===" in lines
    assert any(line.startswith("--- 9.1 · Incrimination") for line in lines)
    legal = next(line for line in lines if "« Art. 383bis. § 1." in line)
    assert " legal " in legal and "federal" in legal and "[art. 383bis, 379, 380]" in legal


def test_entity_metadata_is_checked(tmp_path):
    with pytest.raises(CorpusError, match="needs a non-empty list of names"):
        profile_from_metadata({"entities": {"north": {"label": {"en": "North"}}}})
    with pytest.raises(CorpusError, match="must be lower-case"):
        profile_from_metadata({"entities": {"North": {"names": ["north"]}}})
    with pytest.raises(CorpusError, match="unknown entities"):
        profile_from_metadata({"entities": {"north": {"names": ["north"]}}, "competence": {"prosecution": ["south"]}})
    (tmp_path / "x.txt").write_text("Prévention\n", encoding="utf-8")
    (tmp_path / "x.toml").write_text('[entities.north]\nnames = "North"\n', encoding="utf-8")
    with pytest.raises(CorpusError):
        list(split_passages(read_document(tmp_path / "x.txt")))
