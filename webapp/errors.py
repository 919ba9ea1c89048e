"""Where exceptions become responses: the contract's JSON error for the API, the error page for HTML."""

from __future__ import annotations

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

from indexer import SearchError

from .i18n import gettext as _


def _wants_json() -> bool:
    return request.path.startswith("/api/") or request.path == "/healthz"


def _respond(status: int, code: str, message: str):
    if _wants_json():
        return jsonify({"error": {"code": code, "message": message}}), status
    return render_template("error.html", status=status, code=code, message=message), status


def init_app(app: Flask) -> None:
    """Register the error handlers of `app`."""

    @app.errorhandler(SearchError)
    def search_error(exc: SearchError):
        return _respond(exc.status, exc.code, _(exc.template, **exc.params))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = (exc.name or "error").lower().replace(" ", "_")
        messages = {404: _("This page does not exist."), 405: _("This method is not allowed here.")}
        return _respond(exc.code or 500, code, messages.get(exc.code, exc.description or exc.name))

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unexpected error")
        return _respond(500, "internal_error", _("An unexpected error occurred."))
