"""The hub's limits as use cases and forms need them (``campdesk.store.limits`` has the rules).

A value a person typed or a spreadsheet held is cleaned of control characters on the way in;
a value the hub could not store (too long, too big, not a real number or date) is reported
with the field's name, like any other mistake in a form or a row.
"""
from __future__ import annotations

from typing import Any

from campdesk.domain.errors import ValidationError
from campdesk.store.limits import clean_text, int_range, max_length, row_problems

__all__ = ["clean_input", "clean_text", "int_range", "max_length", "with_limits"]


def clean_input(raw: dict[str, Any]) -> dict[str, Any]:
    """``raw`` with control characters taken out of its text values."""
    return {k: clean_text(v) if isinstance(v, str) else v for k, v in raw.items()}


def with_limits(table: str, values: dict[str, Any],
                errors: list[ValidationError]) -> list[ValidationError]:
    """``errors`` and, for each field without one yet, why the hub could not store it."""
    named = {e.field for e in errors}
    return errors + [p for p in row_problems(table, values) if p.field not in named]
