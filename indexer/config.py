"""The service's settings: one table of (name, default, help), read from defaults, then environment."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass

ENV_PREFIX = "LANZAROTE_"


@dataclass(frozen=True)
class Setting:
    name: str
    default: object
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting("CORPUS_DIR", "corpus", "Folder of documents (*.txt, optional *.toml metadata) to index."),
    Setting("INDEX_DIR", "var/index", "Where the index lives; a link switched atomically by each build."),
    Setting("DEFAULT_UI_LANGUAGE", "en", "Interface language when neither `ui` nor Accept-Language decides."),
    Setting("PER_PAGE", 10, "Results per page when the request does not say (1..100)."),
    Setting("SNIPPET_CHARS", 300, "Approximate length of a result snippet, in characters."),
    Setting("MAX_QUERY_CHARS", 1000, "Longest query text accepted; longer queries get a 400."),
)


def load_settings(environ: Mapping[str, str] | None = None, overrides: Mapping | None = None) -> dict:
    """Return every setting's value: its default, then `LANZAROTE_<NAME>` from `environ`, then `overrides`."""
    environ = os.environ if environ is None else environ
    values: dict = {}
    for setting in SETTINGS:
        value = setting.default
        raw = environ.get(ENV_PREFIX + setting.name)
        if raw is not None:
            value = type(setting.default)(raw) if isinstance(setting.default, int) else raw
        values[setting.name] = value
    for name, value in (overrides or {}).items():
        values[name] = value
    return values

