"""Comparing passages with a hand-labelled development set: per-field accuracy and secondary-language F1."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from .passages import Passage

FIELDS = ("lang", "section", "question", "community", "kind")
# The targets the development set must meet (issue: faithful passages).
TARGETS = {"lang": 0.995, "section": 1.0, "question": 0.995, "community": 0.98, "kind": 0.95, "secondary_f1": 0.8}


@dataclass
class Evaluation:
    """Agreement of the passages with the labels, field by field, and the disagreements."""

    labelled: int = 0
    missing: list[dict] = field(default_factory=list)
    correct: dict[str, int] = field(default_factory=lambda: dict.fromkeys(FIELDS, 0))
    errors: list[tuple[str, int, str, object, object]] = field(default_factory=list)
    secondary: dict[str, int] = field(default_factory=lambda: {"tp": 0, "fp": 0, "fn": 0})

    def accuracy(self, name: str) -> float:
        """Return the share of labelled passages whose `name` matches the label."""
        return self.correct[name] / self.labelled if self.labelled else 0.0

    def secondary_f1(self) -> float:
        """Return the F1 of secondary languages (langs minus lang) over passage-language pairs."""
        tp, fp, fn = self.secondary["tp"], self.secondary["fp"], self.secondary["fn"]
        return 2 * tp / (2 * tp + fp + fn) if tp + fp + fn else 1.0

    def scores(self) -> dict[str, float]:
        """Return every score by name, as TARGETS names them."""
        return {**{name: self.accuracy(name) for name in FIELDS}, "secondary_f1": self.secondary_f1()}

    def format(self, verbose: bool = False) -> str:
        """Return a readable table of the scores against their targets, and the errors if `verbose`."""
        lines = [f"{self.labelled} labelled passages ({len(self.missing)} not found)"]
        for name, score in self.scores().items():
            mark = "ok " if score >= TARGETS[name] else "LOW"
            lines.append(f"  {mark} {name:<13} {score:.3f}   (target {TARGETS[name]})")
        tp, fp, fn = (self.secondary[k] for k in ("tp", "fp", "fn"))
        lines.append(f"      secondary languages: {tp} found, {fp} wrongly added, {fn} missed")
        if verbose:
            for name, start, text, got, want in self.errors:
                lines.append(f"  {name:<10} @{start:<6} got {got!r:<28} want {want!r:<28} {text}")
            for label in self.missing:
                lines.append(f"  missing    @{label['start']:<6} {label['text_begins']}")
        return "\n".join(lines)


def read_labels(path: Path) -> list[dict]:
    """Return the labels of a development set file (JSON lines)."""
    with Path(path).open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def evaluate(passages: Iterable[Passage], labels: Iterable[dict]) -> Evaluation:
    """Return how `passages` agree with `labels` (matched by start offset and checked by text)."""
    by_start = {p.start: p for p in passages}
    result = Evaluation()
    for label in labels:
        passage = by_start.get(label["start"])
        if passage is None or not passage.text.startswith(label["text_begins"]):
            result.missing.append(label)
            continue
        result.labelled += 1
        for name in FIELDS:
            got = getattr(passage, name)
            want = tuple(label[name]) if name == "community" else label[name]
            if got == want:
                result.correct[name] += 1
            else:
                result.errors.append((name, passage.start, passage.text[:60], got, want))
        got2, want2 = set(passage.langs) - {passage.lang}, set(label["langs"]) - {label["lang"]}
        result.secondary["tp"] += len(got2 & want2)
        result.secondary["fp"] += len(got2 - want2)
        result.secondary["fn"] += len(want2 - got2)
        if got2 != want2:
            result.errors.append(("langs", passage.start, passage.text[:60], sorted(got2), sorted(want2)))
    return result
