"""Every text a person reads, Korean first: GNU gettext with Korean as the source language.

Code is written with the Korean text, marked for translation::

    from campdesk.i18n import _, ngettext, N_
    _("상담 기록")                                   # "Log consultation" in English
    ngettext("{n}쪽", "{n}쪽", n).format(n=n)        # "1 page" / "2 pages"
    TITLE = N_("기업")  ...  label.setText(_(TITLE))  # a constant, translated where shown
    pgettext("space", "예약")                        # one Korean text, two English ones
    STATUS = NP_("programme status", "진행 중")       # a constant with a context

The English lives in one catalog, ``resources/i18n/campdesk_en.po`` (any gettext tool opens
it: Poedit, Lokalize, Weblate), compiled to ``campdesk_en.mo`` beside it. Korean needs no
catalog: it is the source. ``scripts/i18n.py`` extracts the texts, updates the catalog and
compiles it; ``tests/test_i18n.py`` fails when a text has no English.

The language is one setting for the whole process (the window, the CLI, reports):
``set_language("en")``. The UI adds Qt's side (``campdesk.ui.core.i18n``).
"""
from __future__ import annotations

import gettext as _gettext
import os

DOMAIN = "campdesk"
LANGUAGES = ("ko", "en")

_korean = _gettext.NullTranslations()
_catalog: _gettext.NullTranslations = _korean
_language = "ko"
_loaded: dict[str, _gettext.NullTranslations] = {}


def _load(language: str) -> _gettext.NullTranslations:
    if language == "ko":
        return _korean
    if language not in _loaded:
        from campdesk.paths import translation_file
        path = translation_file(language, ".mo")
        if path is None:
            _loaded[language] = _korean
        else:
            with open(path, "rb") as fp:
                _loaded[language] = _gettext.GNUTranslations(fp)
    return _loaded[language]


def normalise(language: str | None) -> str:
    """"en", "en_US.UTF-8", "English" → "en"; anything else is Korean."""
    return "en" if (language or "").lower().startswith("en") else "ko"


def set_language(language: str | None) -> str:
    """Use ``language`` ("ko" or "en") for every text from now on; returns the one chosen."""
    global _catalog, _language
    _language = normalise(language)
    _catalog = _load(_language)
    return _language


def current_language() -> str:
    return _language


def language_from_environment(default: str | None = None) -> str:
    """The CLI's language: ``CAMPDESK_LANG`` if set, else the saved setting ``default``."""
    return normalise(os.environ.get("CAMPDESK_LANG") or default)


def _(text: str) -> str:
    """The current language's text; one marked with ``NP_`` in its own context."""
    context = getattr(text, "context", None)
    return _catalog.pgettext(context, text) if context else _catalog.gettext(text)


gettext = _


def ngettext(singular: str, plural: str, n: int) -> str:
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    return _catalog.pgettext(context, text)


def N_(text: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a text for the catalog without translating it here (see the module doc)."""
    return text


class InContext(str):
    """A text marked with :func:`NP_`: the Korean text itself, knowing its ``context``."""

    context: str


def NP_(context: str, text: str) -> str:  # noqa: N802 - the gettext convention
    """Mark a text with its context for the catalog without translating it here: a constant
    translated later with ``pgettext(context, text)`` or ``in_language(lang, text, context)``
    (``campdesk.domain.labels`` takes the context from the text itself)."""
    marked = InContext(text)
    marked.context = context
    return marked


def in_language(language: str, text: str, context: str | None = None) -> str:
    """``text`` in ``language`` whatever the current one (a log line, a bilingual message)."""
    catalog = _load(normalise(language))
    return catalog.pgettext(context, text) if context else catalog.gettext(text)
