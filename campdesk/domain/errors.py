"""The one error type the domain raises for bad input: bilingual and field-named."""
from __future__ import annotations


class ValidationError(ValueError):
    """Bad input for one field, explained in the current language.

    ``field`` is the code name of the field (``business_no``), so a form can put the
    message next to the right widget. ``text`` is already translated where it is raised:
    ``ValidationError("business_no", _("사업자등록번호는 숫자 10자리입니다."))``.
    (``en`` is the old bilingual form, kept only until every raise uses ``_()``.)
    """

    def __init__(self, field: str, text: str, en: str | None = None):
        super().__init__(text)
        self.field = field
        self.ko = text
        self.en = en or text

    def message(self, lang: str | None = None) -> str:
        return self.en if (lang or "").startswith("en") else self.ko

    def __str__(self) -> str:
        return self.ko
