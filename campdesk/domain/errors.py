"""The one error type the domain raises for bad input: bilingual and field-named."""
from __future__ import annotations


class ValidationError(ValueError):
    """Bad input for one field, explained in Korean (first) and English.

    ``field`` is the code name of the field (``business_no``), so a form can put the
    message next to the right widget.
    """

    def __init__(self, field: str, ko: str, en: str):
        super().__init__(f"{ko} ({en})")
        self.field = field
        self.ko = ko
        self.en = en

    def message(self, lang: str = "ko") -> str:
        return self.en if lang.startswith("en") else self.ko
