"""Interface languages: choosing the locale, and the localized labels of facet values."""

from __future__ import annotations

from urllib.parse import urlencode

from babel import Locale
from flask import Flask, current_app, request
from flask_babel import Babel, get_locale
from flask_babel import gettext as gettext
from flask_babel import lazy_gettext as _l

from indexer import BadQuery
from indexer.errors import N_

UI_LANGUAGES = ("fr", "nl", "de", "en")

SECTION_LABELS = {
    "front": _l("Front matter"),
    "prevention": _l("Prevention"),
    "protection": _l("Protection"),
    "prosecution": _l("Prosecution"),
    "partnerships": _l("Partnerships"),
}
KIND_LABELS = {
    "title": _l("Title"),
    "heading": _l("Heading"),
    "question": _l("Questionnaire text"),
    "answer": _l("Answer"),
    "legal": _l("Quoted law"),
    "footnote": _l("Footnote"),
}
FACET_NAMES = {
    "community": _l("Community"),
    "lang": _l("Language"),
    "section": _l("Part"),
    "question": _l("Question"),
    "kind": _l("Kind of text"),
    "doc": _l("Document"),
    "article": _l("Criminal Code article"),
}


def select_locale() -> str:
    """Return the interface language: the `ui` parameter, else Accept-Language, else the default."""
    ui = request.args.get("ui")
    if ui in UI_LANGUAGES:
        return ui
    return request.accept_languages.best_match(UI_LANGUAGES) or current_app.config["DEFAULT_UI_LANGUAGE"]


def ui_language() -> str:
    """Return the code of the interface language of the current request."""
    return str(get_locale())


def language_name(code: str) -> str:
    """Return the name of language `code` in the interface language, as Babel's CLDR data spells it."""
    return language_name_in(code, ui_language())


def section_label(value: str) -> str:
    """Return the label of a part of the questionnaire in the interface language."""
    return str(SECTION_LABELS.get(value, value))


def kind_label(value: str) -> str:
    """Return the label of a kind of passage in the interface language."""
    return str(KIND_LABELS.get(value, value))


def entity_label(code: str) -> str:
    """Return the label of entity `code` in the interface language, as the documents' metadata give it."""
    labels = current_app.extensions["passage_index"].entities().get(code, {})
    return labels.get(ui_language()) or labels.get("en") or code


def facet_label(facet: str, value: str, question_titles: dict[str, str], documents: dict[str, str]) -> str:
    """Return the label of `value` in `facet`, in the interface language."""
    if facet == "community":
        return entity_label(value)
    if facet == "section":
        return section_label(value)
    if facet == "kind":
        return kind_label(value)
    if facet == "lang":
        return language_name(value)
    if facet == "question":
        title = question_titles.get(value.split(".")[0])
        return f"{value}. {title}" if title and "." not in value else value
    if facet == "doc":
        return documents.get(value, value)
    if facet == "article":
        return gettext("Art. %(number)s", number=value)
    return value


def init_app(app: Flask) -> None:
    """Attach Flask-Babel to `app`, reject unknown `ui` values, and expose i18n helpers to templates."""
    Babel(app, locale_selector=select_locale)

    @app.before_request
    def check_ui() -> None:
        ui = request.args.get("ui")
        if ui is not None and ui not in UI_LANGUAGES:
            raise BadQuery(N_("%(name)s must be one of: %(values)s"), name="ui", values=", ".join(UI_LANGUAGES))

    @app.context_processor
    def i18n_helpers() -> dict:
        return {
            "ui": ui_language(),
            "ui_languages": [(code, language_name_in(code, code)) for code in UI_LANGUAGES],
            "language_name": language_name,
            "community_label": entity_label,
            "section_label": section_label,
            "kind_label": kind_label,
            "facet_name": lambda v: str(FACET_NAMES.get(v, v)),
            "switch_ui": switch_ui,
        }


def switch_ui(code: str) -> str:
    """Return the current page's URL with the interface language set to `code`."""
    args = [(name, value) for name, value in request.args.items(multi=True) if name != "ui"]
    return f"{request.path}?{urlencode([*args, ('ui', code)])}"


def language_name_in(code: str, locale: str) -> str:
    """Return the name of language `code` in language `locale` (for the language switcher)."""
    name = Locale.parse(locale).languages.get(code, code)
    return name[:1].upper() + name[1:]
