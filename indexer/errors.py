"""Errors the search service reports to its users, each with an HTTP status and a code."""

from __future__ import annotations


def N_(message: str) -> str:
    """Mark `message` for translation catalogs; the web layer translates it when it shows it."""
    return message


class SearchError(Exception):
    """Base of every error a user can cause or meet; carries `status` and `code`.

    `template` is an English message with `%(name)s` placeholders filled from `params`,
    so that the interface can show it translated.
    """

    status = 500
    code = "internal_error"

    def __init__(self, template: str, code: str | None = None, **params: object) -> None:
        self.template = template
        self.params = params
        self.message = template % params if params else template
        super().__init__(self.message)
        if code is not None:
            self.code = code

    def to_dict(self) -> dict:
        """Return the contract's error body: `{"error": {"code", "message"}}`."""
        return {"error": {"code": self.code, "message": self.message}}


class BadQuery(SearchError):
    """A parameter or query the service cannot accept (400)."""

    status = 400
    code = "invalid_parameter"


class NotFound(SearchError):
    """An unknown passage or page (404)."""

    status = 404
    code = "not_found"


class IndexUnavailable(SearchError):
    """No usable index on disk (503)."""

    status = 503
    code = "index_unavailable"


class CorpusError(Exception):
    """A corpus folder or document that cannot be indexed."""
