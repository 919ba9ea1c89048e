"""Flask web app: the search page, passage pages, the JSON API and the health check."""

from __future__ import annotations

from flask import Flask

from indexer import PassageIndex, load_settings

from . import api, errors, i18n, views


def create_app(test_config: dict | None = None) -> Flask:
    """Return the app configured from defaults, then `LANZAROTE_*` environment, then `test_config`."""
    app = Flask(__name__)
    app.config.from_mapping(load_settings(overrides=test_config))
    app.json.sort_keys = False
    app.json.ensure_ascii = False
    app.extensions["passage_index"] = PassageIndex(app.config["INDEX_DIR"], app.config["SNIPPET_CHARS"])
    i18n.init_app(app)
    errors.init_app(app)
    app.register_blueprint(api.bp)
    app.register_blueprint(views.bp)
    return app
