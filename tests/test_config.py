"""Settings: read in order, and every one documented in the README."""

from __future__ import annotations

from indexer import SETTINGS, load_settings

from .conftest import ROOT


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for setting in SETTINGS:
        row = f"| `LANZAROTE_{setting.name}` | `{setting.default}` | {setting.help} |"
        assert row in readme, f"README lacks the row: {row}"


def test_environment_then_overrides():
    env = {"LANZAROTE_PER_PAGE": "25", "LANZAROTE_INDEX_DIR": "/srv/index"}
    settings = load_settings(env, {"INDEX_DIR": "elsewhere"})
    assert settings["PER_PAGE"] == 25
    assert settings["INDEX_DIR"] == "elsewhere"
    assert load_settings({})["CORPUS_DIR"] == "corpus"


def test_missing_index_is_a_503_in_the_contract_shape(tmp_path):
    from webapp import create_app

    client = create_app({"INDEX_DIR": str(tmp_path / "none")}).test_client()
    response = client.get("/api/search?q=x")
    assert response.status_code == 503
    assert response.get_json()["error"]["code"] == "index_unavailable"
    assert client.get("/healthz").status_code == 503
