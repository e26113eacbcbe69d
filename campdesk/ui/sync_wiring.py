"""Attach sync to a running window: the background runner, the status-bar corner, the
"needs attention" jump, and a password prompt when the hub is set but no keyring holds it."""
from __future__ import annotations

from campdesk.ui.sync_status import SyncBridge, SyncStatusWidget, needs_password


def attach_sync(services, window, hub_target=None) -> SyncBridge:
    """Start syncing in the background; stopped (and waited for) at shutdown."""
    bridge = SyncBridge(services, hub_target=hub_target)
    corner = SyncStatusWidget(window)
    bridge.status_changed.connect(corner.set_status)
    bridge.progress.connect(corner.set_progress)
    corner.sync_requested.connect(bridge.sync_now)
    corner.attention_requested.connect(lambda: window.show_page("attention"))
    window.add_status_widget(corner)
    services.sync = bridge
    window.sync_corner = corner
    bridge.start()
    return bridge


def ask_password_if_needed(services, window) -> None:
    """No keyring here: the hub password is asked once per session (never written down)."""
    if needs_password(services):
        from campdesk.ui.settings_dialog import open_settings
        dialog = open_settings(services, window)
        dialog.show_hub_password_prompt()
