"""Sync is part of the window: a status corner, hub settings, a clean stop at shutdown."""
from campdesk.settings import Settings
from campdesk.ui.settings.settings_dialog import SettingsDialog
from campdesk.ui.sync.sync_wiring import attach_sync


def test_the_status_bar_shows_the_sync_state_and_jumps_to_attention(window, services, qtbot):
    bridge = attach_sync(services, window)
    corner = window.sync_corner
    assert corner in window.statusBar().findChildren(type(corner))
    qtbot.waitUntil(lambda: "이 PC에만 저장 중" in corner.state_label.text())
    corner.attention_requested.emit()
    assert window.current_page().key == "attention"
    services.shutdown()
    assert services.sync is None
    assert not any(t.is_alive() for t in bridge.runner._threads)


def test_hub_settings_are_saved_with_the_other_settings_but_never_the_password(services, qtbot):
    dialog = SettingsDialog(services)
    qtbot.addWidget(dialog)
    dialog.hub_form.host.setText("hub.camp.local")
    dialog.hub_form.user.setText("kim")
    dialog.hub_form.sslmode.setCurrentText("require")
    dialog.apply()
    saved = Settings.load(services.ctx.paths.settings_file)
    assert (saved.hub_host, saved.hub_user, saved.hub_sslmode) == ("hub.camp.local", "kim", "require")
    assert "password" not in services.ctx.paths.settings_file.read_text(encoding="utf-8")
