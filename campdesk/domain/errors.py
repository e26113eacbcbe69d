"""The one error type the domain raises for bad input: explained and field-named."""
from __future__ import annotations


class Explained(Exception):
    """An error whose text is for a person, already translated where it is raised
    (``_("…")``); ``ko`` is that text (the name is older than the English catalog)."""

    def __init__(self, text: str):
        super().__init__(text)
        self.ko = text

    def message(self, lang: str | None = None) -> str:
        """The text, in the language it was raised in (``lang`` is no longer needed)."""
        return self.ko

    def __str__(self) -> str:
        return self.ko


class ValidationError(Explained, ValueError):
    """Bad input for one field, explained in the current language.

    ``field`` is the code name of the field (``business_no``), so a form can put the
    message next to the right widget. ``text`` is already translated where it is raised:
    ``ValidationError("business_no", _("사업자등록번호는 숫자 10자리입니다."))``.
    """

    def __init__(self, field: str, text: str):
        super().__init__(text)
        self.field = field
