"""Errors a use case reports to a person: what is wrong and what to do, Korean first."""
from __future__ import annotations

from campdesk.domain.errors import Explained, ValidationError


class UserError(Explained):
    """Something the user can fix (a bad file, an unknown id, a bad month).

    The text is already translated where it is raised: ``UserError(_("파일이 없습니다."))``.
    """


class NotFound(UserError):
    pass


class FormErrors(UserError):
    """One or more fields are invalid; each error names its field."""

    def __init__(self, errors: list[ValidationError]):
        self.errors = errors
        super().__init__(" / ".join(e.ko for e in errors))

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
