"""Placeholder: the hub and sync commands are added by the sync work."""


def register(subparsers) -> None:
    return None
