"""Errors a use case reports to a person: what is wrong and what to do, Korean first."""
from __future__ import annotations

from campdesk.domain.errors import ValidationError


class UserError(Exception):
    """Something the user can fix (a bad file, an unknown id, a bad month).

    The text is already translated where it is raised: ``UserError(_("파일이 없습니다."))``.
    (``en`` is the old bilingual form, kept only until every raise uses ``_()``.)
    """

    def __init__(self, text: str, en: str | None = None):
        super().__init__(text)
        self.ko = text
        self.en = en or text

    def message(self, lang: str | None = None) -> str:
        return self.en if (lang or "").startswith("en") else self.ko

    def __str__(self) -> str:
        return self.ko


class NotFound(UserError):
    pass


class FormErrors(UserError):
    """One or more fields are invalid; each error names its field."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = errors
        super().__init__(" / ".join(e.ko for e in errors), " / ".join(e.en for e in errors))

    def by_field(self) -> dict[str, ValidationError]:
        return {e.field: e for e in self.errors}


def as_form_errors(exc: BaseException) -> FormErrors | None:
    """A refusal that names fields as FormErrors: a service's own, or a ValidationError that
    got past the services (the store's last check of what the hub can hold raises one,
    with all its ``problems``). None for any other failure."""
    if isinstance(exc, FormErrors):
        return exc
    if isinstance(exc, ValidationError):
        return FormErrors(list(getattr(exc, "problems", None) or [exc]))
    return None
