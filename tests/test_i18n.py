"""Translation catalogs: every interface string translated in the four languages, catalogs up to date."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from webapp.i18n import UI_LANGUAGES

from .conftest import ROOT

TRANSLATIONS = ROOT / "webapp" / "translations"


def catalog(lang):
    with (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").open("rb") as f:
        return read_po(f, locale=lang)


@pytest.mark.parametrize("lang", UI_LANGUAGES)
def test_every_message_is_translated(lang):
    missing = [m.id for m in catalog(lang) if m.id and (not m.string or not all(m.string) or m.fuzzy)]
    assert missing == []


def test_catalogs_hold_every_message_of_the_source(tmp_path):
    pot = tmp_path / "messages.pot"
    subprocess.run(
        [Path(sys.executable).parent / "pybabel", "-q", "extract", "-F", "babel.cfg", "-k", "_l", "-k", "N_",
         "-o", str(pot), "--no-location", "."],
        cwd=ROOT, check=True, capture_output=True,
    )  # fmt: skip
    with pot.open("rb") as f:
        source = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    for lang in UI_LANGUAGES:
        have = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog(lang) if m.id}
        assert source - have == set(), f"run `make translations` and translate for {lang}"
