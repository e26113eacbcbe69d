"""Placeholder: the report commands are added by the reports work."""


def register(subparsers) -> None:
    return None
