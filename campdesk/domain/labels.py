"""A name the domain gives a thing (a field, a choice), Korean first, English from the catalog.

The Korean is the source text, marked where it is written (``N_("기업명")``, or
``NP_("relationship", "입주기업")`` when one Korean word has two English ones); the English
is looked up in ``resources/i18n/campdesk_en.po`` when asked for. ``label()`` gives the text
in the current language; stored and exported data asks for ``label("ko")``.
"""
from __future__ import annotations

from dataclasses import dataclass

from campdesk.i18n import current_language, in_language


class Translated:
    """What a ``ko`` text with an optional gettext ``context`` can say in either language."""

    ko: str
    context: str | None

    def __post_init__(self):
        # A text marked NP_(context, text) brings its context along.
        object.__setattr__(self, "context", self.context or getattr(self.ko, "context", None))
        object.__setattr__(self, "ko", str(self.ko))

    @property
    def en(self) -> str:
        return in_language("en", self.ko, self.context)

    def label(self, lang: str | None = None) -> str:
        """The text in ``lang`` ("ko", "en"), the current language when not given."""
        lang = lang or current_language()
        return self.ko if not lang.startswith("en") else self.en


@dataclass(frozen=True)
class Label(Translated):
    """A field's name. Unpacks like the (Korean, English) pairs it replaces:
    ``ko, en = field_label("companies", "name")``."""

    ko: str
    context: str | None = None

    def __iter__(self):
        return iter((self.ko, self.en))

    def __getitem__(self, index: int) -> str:
        return (self.ko, self.en)[index]

    def __len__(self) -> int:
        return 2

    def __str__(self) -> str:
        return self.label()


def labels(texts: dict[str, str], context: str | None = None) -> dict[str, Label]:
    """``{"name": N_("기업명"), …}`` → ``{"name": Label("기업명"), …}``."""
    return {key: Label(text, context) for key, text in texts.items()}
