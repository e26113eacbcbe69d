"""Errors of sync, each with a message staff can read (Korean first, English after)."""
from __future__ import annotations


class SyncError(Exception):
    """Sync could not run; the message says why in plain words."""


class HubUnreachable(SyncError):
    """The hub cannot be reached now; work continues offline and sync retries later."""


class ClientTooOld(SyncError):
    """The hub needs a newer CampDesk; local changes are kept until the upgrade."""


class NoPassword(SyncError):
    """No hub password is known for this session."""


class SiteTaken(SyncError):
    """The hub refused a change: this PC's site id is bound to another PC."""
