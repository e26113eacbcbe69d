"""The sync corner reads in one glance: one sentence per state, the particulars in the
tooltip, and "지금 동기화" with no connection set opens the connection settings."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from campdesk.sync.status import (ERROR, NEEDS_PASSWORD, NOT_CONFIGURED, OFFLINE, ONLINE, SYNCING,
                                  SyncStatus)

NOW = datetime(2026, 12, 9, 5, 0, tzinfo=timezone.utc)


@pytest.mark.parametrize("status, ko, en", [
    (SyncStatus(NOT_CONFIGURED, pending=4578), "이 PC에만 저장 중 · 다른 PC와 연결 안 됨",
     "Saved on this PC only · not connected to other PCs"),
    (SyncStatus(ONLINE, last_sync_at=NOW - timedelta(minutes=3)), "모두 동기화됨 · 3분 전",
     "All synced · 3 min ago"),
    (SyncStatus(ONLINE, last_sync_at=NOW - timedelta(seconds=5)), "모두 동기화됨 · 방금",
     "All synced · just now"),
    (SyncStatus(OFFLINE, pending=12), "연결 끊김 · 12건 대기 중 · 자동으로 다시 시도",
     "Disconnected · 12 waiting · retrying by itself"),
    (SyncStatus(ERROR, pending=0), "동기화 문제 · 자동으로 다시 시도",
     "Sync problem · retrying by itself"),
    (SyncStatus(SYNCING), "동기화 중…", "Syncing…"),
    (SyncStatus(NEEDS_PASSWORD, pending=2), "연결하려면 비밀번호 필요 · 2건 대기 중",
     "Password needed to connect · 2 waiting"),
])
def test_one_sentence_per_state_in_both_languages(qapp, korean, status, ko, en):
    from campdesk.ui.core import i18n
    from campdesk.ui.sync.sync_status import sentence
    assert sentence(status, NOW) == ko
    i18n.set_language("en")
    assert sentence(status, NOW) == en
    assert "허브" not in ko and "hub" not in en.lower()


def test_the_tooltip_has_the_particulars(qtbot, korean):
    from campdesk.ui.sync.sync_status import SyncStatusWidget
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(SyncStatus(OFFLINE, pending=12, message="서버에 연결할 수 없습니다 (timeout)",
                            last_sync_at=datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc)))
    tip = w.state_label.toolTip()
    assert "보낼 변경: 12건" in tip and "2026. 11. 25. 12:00" in tip and "timeout" in tip
    assert w.icon_label.pixmap() is not None and not w.icon_label.pixmap().isNull()


def test_sync_now_without_a_connection_opens_the_connection_settings(window, services, qtbot):
    from campdesk.ui.settings.settings_dialog import SettingsDialog
    from campdesk.ui.sync.sync_wiring import attach_sync
    from qt_helpers import find_dialog
    attach_sync(services, window, interactive=False)
    corner = window.sync_corner
    qtbot.waitUntil(lambda: corner.status.state == NOT_CONFIGURED)
    assert corner.sync_button.text() == "연결 설정…"
    corner.sync_button.click()
    dialog = find_dialog(qtbot, SettingsDialog)
    assert dialog.hub_box.title() == "다른 PC와 동기화"
    assert dialog.hub_form.host.isVisible() and not dialog.hub_form.sslmode.isVisible()  # 고급
    dialog.hub_form.advanced_button.click()
    assert dialog.hub_form.sslmode.isVisible()
    dialog.reject()
    services.shutdown()


def test_the_corner_speaks_english_once_the_language_is_switched(qtbot, korean):
    from campdesk.ui.core import i18n
    from campdesk.ui.sync.sync_status import SyncStatusWidget
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(SyncStatus(OFFLINE, pending=3, attention=2, clock_offset_ms=3_600_000,
                            message=None))
    assert w.attention_button.text() == "확인 필요 2건"
    i18n.set_language("en")  # every open widget redoes its texts (a LanguageChange event)
    qtbot.waitUntil(lambda: w.state_label.text() == "Disconnected · 3 waiting · retrying by itself")
    assert w.state_label.toolTip().splitlines()[:2] == ["Disconnected", "Changes to send: 3"]
    assert w.attention_button.text() == "2 to check"
    assert w.clock_label.toolTip() == "This PC's clock is 60 minutes off the hub's. Please set the time."
    assert w.sync_button.text() == "Sync now"


def test_the_needs_attention_page_speaks_english_once_the_language_is_switched(
        services, staffed_ctx, qtbot):
    from campdesk.store.sync_models import SyncConflict
    from campdesk.ui.core import i18n
    from campdesk.ui.sync.attention_page import AttentionPage
    with staffed_ctx.db.transaction() as s:  # a hub record this PC could not store
        s.add(SyncConflict(kind="unstorable", tbl="consultations", row_id="no-time",
                           detail="NOT NULL constraint failed: consultations.occurred_at"))
    page = AttentionPage(services)
    qtbot.addWidget(page)
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    assert page.model.item(0, 0).text() == "이 PC에 저장할 수 없는 허브 기록"
    assert page.model.item(0, 2).text().startswith("허브의 이 기록에 '")
    i18n.set_language("en")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1
                    and page.model.item(0, 2).text().startswith("This hub record has no '"))
    assert page.model.item(0, 0).text() == "Hub record this PC cannot store"
    assert page.model.item(0, 1).text().startswith("Consultation ")
    assert [page.model.horizontalHeaderItem(c).text() for c in range(4)] == [
        "Kind", "Record", "Details", "When"]
    assert page.buttons["dismiss"].text() == "Leave it as it is"
    assert "cannot store" not in page.empty.text() and page.empty.text().startswith("✓")


def test_why_sync_stopped_follows_the_language_too(qtbot, korean, ctx):
    """The reason in the tooltip is the one sync gave, in the language shown now."""
    from campdesk.i18n import N_
    from campdesk.sync.errors import HubUnreachable
    from campdesk.sync.status import read_status
    from campdesk.ui.core import i18n
    from campdesk.ui.sync.sync_status import SyncStatusWidget
    why = HubUnreachable(N_("허브와의 연결이 끊어졌습니다. ({detail})"), detail="timeout")
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(read_status(ctx.paths.database, OFFLINE, why))
    assert "허브와의 연결이 끊어졌습니다. (timeout)" in w.state_label.toolTip()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: "The connection to the hub was lost. (timeout)"
                    in w.state_label.toolTip())
