"""Errors of sync, each with a message staff can read.

A message is made of its Korean text, marked with ``N_`` for the catalog, and its values::

    raise HubUnreachable(N_("허브와의 연결이 끊어졌습니다. ({detail})"), detail=reason)

``str(exc)`` is the message in the current language; ``exc.in_language("ko")`` the Korean
one, which is what a PC keeps (``sync_state.last_error``: stored data stays Korean).
"""
from __future__ import annotations

from campdesk.i18n import current_language, in_language


class SyncError(Exception):
    """Sync could not run; the message says why in plain words."""

    def __init__(self, text: str, **values):
        super().__init__(text)
        self.text, self.values = text, values

    def in_language(self, language: str) -> str:
        text = in_language(language, self.text)
        return text.format(**self.values) if self.values else text

    def __str__(self) -> str:
        return self.in_language(current_language())


class HubUnreachable(SyncError):
    """The hub cannot be reached now; work continues offline and sync retries later."""


class ClientTooOld(SyncError):
    """The hub needs a newer CampDesk; local changes are kept until the upgrade."""


class NoPassword(SyncError):
    """No hub password is known for this session."""


class SiteTaken(SyncError):
    """The hub refused a change: this PC's site id is bound to another PC."""
