"""The Qt side of the language switch (the texts themselves: ``campdesk.i18n``).

``set_language`` chooses the gettext catalog, the locale that formats dates and numbers,
and Qt's own Korean texts (the buttons of standard dialogs, the edit menu of text fields).
Installing or removing a translator sends every widget a LanguageChange event, which is
how open windows redo their texts (``widgets/retranslate.py``) without a restart.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from campdesk import i18n as texts
from campdesk.i18n import current_language  # noqa: F401 - the UI's one import for it

_installed: list[QTranslator] = []


class _Notifier(QTranslator):
    """Translates nothing; installing it tells every widget that the language changed."""

    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        return None

    def isEmpty(self) -> bool:  # noqa: N802
        return False


def _qt_translators(language: str, app: QCoreApplication) -> list[QTranslator]:
    found: list[QTranslator] = [_Notifier(app)]
    if language == "ko":
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Korean), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            found.append(qt)
    return found


def set_language(lang: str) -> None:
    """Switch the whole app between "ko" and "en"; widgets get a LanguageChange event."""
    language = texts.set_language(lang)
    QLocale.setDefault(QLocale(QLocale.Korean, QLocale.SouthKorea) if language == "ko"
                       else QLocale(QLocale.English, QLocale.UnitedStates))
    app = QCoreApplication.instance()
    if app is None:
        return
    while _installed:
        app.removeTranslator(_installed.pop())
    for translator in _qt_translators(language, app):
        app.installTranslator(translator)
        _installed.append(translator)


def label_text(label: str | Callable[[], str]) -> str:
    """A marked Korean ``label`` (``N_("…")``) in the current language; a callable label
    (``lambda: pgettext("column", "마감")``) is asked, for a word with two English ones."""
    if callable(label):
        return label()
    return texts.gettext(label)

