"""Korean first, English second, through Qt's translation system.

Source strings are English. Korean translations are registered in Python next to the code
that shows them, and served by one QTranslator installed while the language is Korean:

    i18n.register("CompaniesPage", {"Companies": "기업"})   # then self.tr("Companies")
    label = i18n.t("기업", "Companies")                     # both texts at one place

``t(ko, en)`` registers ``en → ko`` in the ``"campdesk"`` context and returns
``QCoreApplication.translate("campdesk", en)``, so it follows the installed language too.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

_TABLE: dict[tuple[str, str], str] = {}
_CONTEXT = "campdesk"


def register(context: str, mapping: dict[str, str]) -> None:
    for en, ko in mapping.items():
        _TABLE[(context, en)] = ko


def t(ko: str, en: str) -> str:
    """The Korean text is also the disambiguation, so two Korean texts that share one
    English source ("기업" and "기업명" for "Company") never take each other's place."""
    _TABLE.setdefault((_CONTEXT, en), ko)
    return QCoreApplication.translate(_CONTEXT, en, ko)


def tn(ko: str, en_one: str, en_many: str, n: int) -> str:
    """A count in both languages: Korean has one form ("{0}쪽"), English two ("1 page",
    "2 pages"). Returns the text with ``{0}`` filled with ``n``."""
    return t(ko, en_one if n == 1 else en_many).format(n)


class KoreanTranslator(QTranslator):
    def translate(self, context, source_text, disambiguation=None, n=-1):  # noqa: N802
        if disambiguation and context == _CONTEXT:
            return disambiguation
        # None (a null string) when there is no Korean text: Qt then keeps the source. An
        # empty string would be taken as the translation and wipe "Ctrl" off "Ctrl+N".
        return _TABLE.get((context, source_text))

    def isEmpty(self) -> bool:  # noqa: N802
        return False


_installed: KoreanTranslator | None = None
_language = "ko"


def current_language() -> str:
    return _language


def set_language(lang: str) -> None:
    """Switch the whole app between "ko" and "en"; widgets get a LanguageChange event."""
    global _installed, _language
    _language = "en" if lang.startswith("en") else "ko"
    app = QCoreApplication.instance()
    if _installed is not None and app is not None:
        app.removeTranslator(_installed)
        _installed = None
    if _language == "ko" and app is not None:
        _installed = KoreanTranslator(app)
        app.installTranslator(_installed)
    QLocale.setDefault(QLocale(QLocale.Korean, QLocale.SouthKorea) if _language == "ko"
                       else QLocale(QLocale.English, QLocale.UnitedStates))
