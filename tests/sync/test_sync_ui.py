"""The sync corner of the status bar, the "needs attention" page and the hub settings form."""
from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from datetime import datetime, timezone  # noqa: E402

import keyring  # noqa: E402
import keyring.backends.fail  # noqa: E402
import pytest  # noqa: E402

from campdesk.store.models import Company  # noqa: E402
from campdesk.sync import secrets, target  # noqa: E402
from campdesk.sync.status import NEEDS_PASSWORD, OFFLINE, ONLINE, SyncStatus  # noqa: E402
from .pcs import hub_rows  # noqa: E402
from .proxy import PasswordDemandingServer  # noqa: E402
from .test_sync_cli import MemoryKeyring  # noqa: E402


@pytest.fixture
def korean(qapp):
    from campdesk.ui.core import i18n
    i18n.set_language("ko")
    yield
    i18n.set_language("ko")


def _services(ctx):
    from campdesk.ui.core.appservices import AppServices
    return AppServices(ctx)


def _attention_with_one_item(ctx, qtbot):
    """The needs-attention page of this PC, once it lists the one item sync flagged."""
    from campdesk.ui.sync.attention_page import AttentionPage
    app = _services(ctx)
    page = AttentionPage(app)
    qtbot.addWidget(page)
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    return app, page


def test_status_corner_shows_offline_pending_and_a_clock_warning(qtbot, korean):
    from campdesk.ui.sync.sync_status import SyncStatusWidget
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    w.set_status(SyncStatus(state=OFFLINE, pending=3, attention=2, clock_offset_ms=3_600_000))
    assert w.state_label.text() == "연결 끊김 · 3건 대기 중 · 자동으로 다시 시도"
    assert not w.clock_label.isHidden() and "시계" in w.clock_label.text()
    assert "60분" in w.clock_label.toolTip()
    assert "2" in w.attention_button.text()
    w.set_status(SyncStatus(state=ONLINE, pending=0, clock_offset_ms=1200,
                            last_sync_at=datetime(2026, 11, 25, 3, 0, tzinfo=timezone.utc)))
    assert w.state_label.text().startswith("모두 동기화됨 · ")
    assert w.clock_label.isHidden()
    assert "12:00" in w.state_label.toolTip()  # the exact time, in Asia/Seoul
    with qtbot.waitSignal(w.sync_requested):
        w.sync_button.click()
    w.set_progress(50_000, 200_000)  # a new PC reading the hub
    assert not w.progress.isHidden() and w.progress.value() == 50_000
    w.set_status(SyncStatus(state=ONLINE))
    assert w.progress.isHidden()


@pytest.mark.hub
def test_attention_page_restores_a_lost_value_on_every_pc(qtbot, korean, make_pc):
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company("화면 충돌")
    a.sync(), b.sync()
    a.edit(Company, cid, phone="062-1")
    b.edit(Company, cid, phone="062-2")
    b.sync(), a.sync()
    app, page = _attention_with_one_item(a.ctx, qtbot)
    assert "값 충돌" in page.model.item(0, 0).text()
    assert "062-1" in page.model.item(0, 2).text() and "062-2" in page.model.item(0, 2).text()
    page.view.selectRow(0)
    assert page.buttons["restore"].isEnabled() and not page.buttons["merge"].isEnabled()
    page.buttons["restore"].click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    app.ops.wait()
    a.sync(), b.sync()
    assert b.get(Company, cid).phone == "062-1"
    app.shutdown()


@pytest.mark.hub
def test_attention_page_merges_possible_duplicates(qtbot, korean, make_pc):
    a, b = make_pc("a"), make_pc("b")
    first = a.add_company("빛고을인공지능")
    a.sync()
    second = b.add_company("빛고을 인공지능 (주)")
    b.sync(), a.sync()
    app, page = _attention_with_one_item(a.ctx, qtbot)
    page.view.selectRow(0)
    page.buttons["merge"].click()
    qtbot.waitUntil(lambda: page.model.rowCount() == 0)
    app.ops.wait()
    a.sync(), b.sync()
    assert b.get(Company, second).merged_into == first
    app.shutdown()


def test_hub_form_puts_the_password_in_the_keyring_only(qtbot, korean, ctx):
    from campdesk.ui.sync.hub_settings import HubSettingsForm
    previous = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    try:
        form = HubSettingsForm(ctx.settings)
        qtbot.addWidget(form)
        form.host.setText("hub.camp.local")
        form.user.setText("kim")
        form.sslmode.setCurrentText("require")
        form.password.setText("pw-in-keyring")
        form.apply()
        ctx.save_settings()
        assert ctx.settings.hub_sslmode == "require"
        assert ring.store[(secrets.SERVICE, target.account_of(ctx.settings))] == "pw-in-keyring"
        assert "pw-in-keyring" not in ctx.paths.settings_file.read_text(encoding="utf-8")
        assert form.password.text() == ""
    finally:
        keyring.set_keyring(previous)


def test_hub_form_without_keyring_says_so_and_keeps_password_for_the_session(qtbot, korean, ctx):
    from campdesk.ui.sync.hub_settings import HubSettingsForm
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    try:
        form = HubSettingsForm(ctx.settings)
        qtbot.addWidget(form)
        assert "키링" in form.keyring_note.text()
        form.host.setText("hub.camp.local")
        form.user.setText("lee")
        form.password.setText("typed-this-session")
        form.apply()
        ctx.save_settings()
        assert target.from_settings(ctx.settings).password == "typed-this-session"
        assert "typed-this-session" not in ctx.paths.settings_file.read_text(encoding="utf-8")
    finally:
        secrets.delete_password(target.account_of(ctx.settings))
        keyring.set_keyring(previous)


@pytest.mark.hub
def test_bridge_syncs_in_the_background_and_reports_online(qtbot, korean, make_pc):
    from campdesk.ui.sync.sync_status import SyncBridge, SyncStatusWidget
    a = make_pc("a")
    a.add_company("배경 동기화")
    app = _services(a.ctx)
    widget = SyncStatusWidget()
    qtbot.addWidget(widget)
    bridge = SyncBridge(app, hub_target=target.from_url(a.hub_url))
    bridge.status_changed.connect(widget.set_status)
    try:
        with qtbot.waitSignal(bridge.synced, timeout=10000):
            bridge.start()
        qtbot.waitUntil(lambda: widget.status.state == ONLINE, timeout=5000)
        assert widget.status.pending == 0 and "모두 동기화됨" in widget.state_label.text()
    finally:
        bridge.stop()
        app.shutdown()


@pytest.fixture
def no_keyring():
    """A PC without a keyring; whatever is typed this session is forgotten afterwards."""
    previous = keyring.get_keyring()
    keyring.set_keyring(keyring.backends.fail.Keyring())
    yield
    secrets._session.clear()
    keyring.set_keyring(previous)


def _window(app, qtbot):
    from campdesk.ui.core.mainwindow import MainWindow
    window = MainWindow(app)
    qtbot.addWidget(window)
    window.start()
    return window


def _set_hub(ctx, url: str) -> None:
    """The hub in this PC's settings, as the settings dialog saves it."""
    import psycopg
    p = psycopg.conninfo.conninfo_to_dict(url)
    s = ctx.settings
    s.hub_host, s.hub_port, s.hub_database = p["host"], int(p.get("port", 5432)), p["dbname"]
    s.hub_user, s.hub_sslmode = p.get("user", ""), p.get("sslmode", "prefer")
    s.sync_interval_s = 300  # no timed round during a test: what runs was asked for
    ctx.save_settings()


def _open_settings_dialogs():
    from PySide6.QtWidgets import QApplication
    return [w for w in QApplication.topLevelWidgets()
            if w.objectName() == "settings_dialog" and w.isVisible()]


def test_status_corner_says_a_password_is_needed_and_sync_now_asks_for_it(qtbot, korean):
    from campdesk.ui.core import i18n
    from campdesk.ui.sync.sync_status import SyncStatusWidget
    w = SyncStatusWidget()
    qtbot.addWidget(w)
    why = str(secrets.password_needed())
    w.set_status(SyncStatus(state=NEEDS_PASSWORD, pending=4, message=why))
    assert w.state_label.text() == "연결하려면 비밀번호 필요 · 4건 대기 중"
    assert why in w.state_label.toolTip()
    with qtbot.assertNotEmitted(w.sync_requested), qtbot.waitSignal(w.password_requested):
        w.sync_button.click()
    i18n.set_language("en")
    w.retranslate()
    assert "Password needed" in w.state_label.text()
    i18n.set_language("ko")


def test_a_hub_wanting_a_password_asks_once_by_itself_and_again_on_sync_now(
        qtbot, korean, ctx, no_keyring):
    """Cancelling the prompt does not stop sync in silence: the corner says a password is
    needed, "Sync now" asks again, and once it is typed a round runs at once."""
    from campdesk.ui.app import _start_sync
    server = PasswordDemandingServer()
    _set_hub(ctx, server.url)
    app = _services(ctx)
    window = _window(app, qtbot)
    try:
        _start_sync(app, window)
        qtbot.waitUntil(lambda: len(_open_settings_dialogs()) == 1, timeout=10000)
        corner = window.sync_corner
        assert "비밀번호 필요" in corner.state_label.text()
        assert "비밀번호" in corner.state_label.toolTip()
        (dialog,) = _open_settings_dialogs()
        assert dialog.hub_form.password.hasFocus() or dialog.focusWidget() is dialog.hub_form.password
        dialog.reject()
        asked = server.asked
        app.sync.sync_now()  # another round meets the same hub: it does not ask again
        qtbot.waitUntil(lambda: server.asked > asked, timeout=5000)
        qtbot.wait(300)
        assert _open_settings_dialogs() == []
        corner.sync_button.click()  # "Sync now" asks
        qtbot.waitUntil(lambda: len(_open_settings_dialogs()) == 1, timeout=2000)
        (dialog,) = _open_settings_dialogs()
        dialog.hub_form.password.setText("typed-now")
        asked = server.asked
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
        # a round at once, with the password (which this stand-in hub refuses: it says so)
        qtbot.waitUntil(lambda: server.asked > asked and "받아들이지" in (corner.status.message
                                                                       or ""), timeout=3000)
        assert "비밀번호 필요" in corner.state_label.text()
        assert "typed-now" not in ctx.paths.settings_file.read_text(encoding="utf-8")
    finally:
        app.shutdown()
        server.close()


@pytest.mark.hub
def test_a_hub_that_takes_no_password_is_never_asked_for_one(qtbot, korean, make_pc, no_keyring):
    from campdesk.ui.app import _start_sync
    a = make_pc("a")
    a.add_company("비밀번호 없는 허브")
    _set_hub(a.ctx, a.hub_url)
    app = _services(a.ctx)
    window = _window(app, qtbot)
    try:
        _start_sync(app, window)
        qtbot.waitUntil(lambda: window.sync_corner.status.state == ONLINE, timeout=10000)
        qtbot.wait(200)
        assert _open_settings_dialogs() == []
        assert window.sync_corner.status.pending == 0
    finally:
        app.shutdown()


def test_testing_a_hub_that_wants_a_password_says_so_without_a_traceback(
        qtbot, korean, ctx, no_keyring, capfd):
    """The expected "no password" case is one plain line on the form and one line in the
    log, never a traceback on the terminal."""
    import logging

    from campdesk.ui.sync.hub_settings import HubSettingsForm
    records: list[logging.LogRecord] = []
    handler = logging.Handler()
    handler.emit = records.append
    logger = logging.getLogger("campdesk")
    level = logger.level
    logger.setLevel(logging.INFO)  # as the app's log has it
    logger.addHandler(handler)
    server = PasswordDemandingServer()
    app = _services(ctx)
    try:
        _set_hub(ctx, server.url)
        form = HubSettingsForm(ctx.settings, ops=app.ops)
        qtbot.addWidget(form)
        form.test_connection()
        qtbot.waitUntil(lambda: "비밀번호" in form.result.text(), timeout=10000)
    finally:
        logger.removeHandler(handler)
        logger.setLevel(level)
        app.shutdown()
        server.close()
    assert "Traceback" not in capfd.readouterr().err
    assert records and all(r.levelno < logging.WARNING and r.exc_info is None for r in records)
    assert all("Traceback" not in r.getMessage() for r in records)


@pytest.mark.hub
def test_a_write_is_sent_at_once_without_announcing_it(qtbot, korean, make_pc):
    """A write through the operation helper goes to the hub at once, though it tells no
    page what changed (the next timed round is minutes away)."""
    from campdesk.ui.sync.sync_status import SyncBridge
    a = make_pc("a")
    a.ctx.settings.sync_interval_s = 300
    app = _services(a.ctx)
    bridge = SyncBridge(app, hub_target=target.from_url(a.hub_url))
    seen: list[SyncStatus] = []
    bridge.status_changed.connect(seen.append)
    try:
        bridge.start()
        qtbot.waitUntil(lambda: bool(seen) and seen[-1].state == ONLINE, timeout=10000)
        app.ops.run(a.add_company, "조용히 저장한 기업", write=True)  # no hub.changed()
        qtbot.waitUntil(lambda: hub_rows(a.hub_url, "SELECT name FROM companies")
                        == [("조용히 저장한 기업",)], timeout=5000)
        qtbot.waitUntil(lambda: seen[-1].state == ONLINE and seen[-1].pending == 0, timeout=5000)
    finally:
        bridge.stop()
        app.shutdown()


@pytest.mark.hub
def test_attention_page_says_who_made_each_value_on_which_pc_and_tells_records_apart(
        qtbot, korean, make_pc):
    from campdesk.services import staff
    from campdesk.ui.sync.attention_page import ITEM_ROLE, AttentionPage
    a, b = make_pc("a"), make_pc("b")
    kim, lee = staff.add_staff(a.ctx, "김민서", "onsite"), staff.add_staff(a.ctx, "이지훈", "onsite")
    long_name = "광주광역시 북구 첨단과기로 인공지능 집적단지 입주기업 협의회 사무국 및 공동연구센터 제1지점"
    cid = a.add_company(long_name, "124-81-00998", updated_by=lee)
    a.add_company("빛고을인공지능", "220-81-55555")
    a.sync(), b.sync()
    a.edit(Company, cid, phone="062-111-1111", updated_by=kim)
    b.edit(Company, cid, phone="062-222-2222")  # later: it stays
    b.add_company("빛고을 인공지능", "220-81-55556")
    b.sync(), a.sync()
    app = _services(a.ctx)
    page = AttentionPage(app)
    qtbot.addWidget(page)
    page.resize(1216, 700)  # a 1366×768 laptop, less the navigation
    page.show()
    page.activate()
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
    rows = {page.model.item(r, 0).data(ITEM_ROLE).kind: r for r in range(2)}
    value = page.model.item(rows["value"], 0).data(ITEM_ROLE)
    text = page.model.item(rows["value"], 2).text()
    assert value.winner_from and value.loser_from
    assert f"남은 값: {value.winner_from}" in text and f"밀린 값: {value.loser_from}" in text
    assert "이지훈" in value.winner_from and "김민서" in value.loser_from
    record = page.model.item(rows["value"], 1)
    assert long_name in record.toolTip() and "124-81-00998" in record.toolTip()
    assert long_name not in page.model.item(rows["value"], 1).text()  # cut, and said so
    duplicate = page.model.item(rows["duplicate"], 2).text()
    assert "220-81-55555" in duplicate and "220-81-55556" in duplicate
    widths = [page.view.columnWidth(c) for c in range(4)]
    assert widths[2] == max(widths) and widths[2] >= page.view.viewport().width() // 2
    app.shutdown()


@pytest.mark.hub
def test_attention_page_says_what_to_fix_in_a_change_the_hub_refused(qtbot, korean, make_pc):
    from .test_hostile_values import _raw_company
    a = make_pc("a")
    _raw_company(a, "long-name", "가" * 250)
    a.sync()
    app, page = _attention_with_one_item(a.ctx, qtbot)
    assert "거부" in page.model.item(0, 0).text()
    details = page.model.item(0, 2).text()
    assert "고칠 것" in details and "기업명" in details and "200" in details
    assert "가" * 250 in page.model.item(0, 1).toolTip()
    app.shutdown()


def _company_open_while_syncing(qtbot, make_pc, name: str):
    """PC a, syncing in the background with PC b through the hub, shows company ``name``
    (phone 062-000-0000, known to both) in its company form."""
    from campdesk.ui.sync.sync_status import SyncBridge
    a, b = make_pc("a"), make_pc("b")
    cid = a.add_company(name, phone="062-000-0000")
    a.sync(), b.sync()
    a.ctx.settings.sync_interval_s = 300
    app = _services(a.ctx)
    window = _window(app, qtbot)
    bridge = SyncBridge(app, hub_target=target.from_url(a.hub_url))
    app.sync = bridge
    bridge.start()
    detail = window.show_page("companies").detail
    detail.show_company(cid)
    qtbot.waitUntil(lambda: detail.bundle is not None and detail.bundle.detail.id == cid)
    return a, b, cid, app, window, bridge, detail


@pytest.mark.hub
def test_a_saved_value_replaced_by_another_pc_says_so_in_the_form(qtbot, korean, make_pc):
    """The staffer saved a phone number; another PC's later edit wins. The form does not
    go on saying "Saved" beside the other value: it shows that value, says another PC's
    edit was applied, and leads to the needs-attention page."""
    a, b, cid, app, window, bridge, detail = _company_open_while_syncing(
        qtbot, make_pc, "빛고을데이터")
    try:
        detail.form.widgets["phone"].setText("062-111-1111")
        detail.save_button.click()
        qtbot.waitUntil(lambda: detail.status.text() == "저장했습니다")
        qtbot.waitUntil(lambda: a.pending() == 0, timeout=5000)  # sent at once
        b.edit(Company, cid, phone="062-222-2222")  # made later, on the other PC: it stays
        b.sync()
        note = detail.superseded_note
        qtbot.waitUntil(lambda: "다른 PC의 수정이 반영되었습니다" in note.text()
                        and note.isVisible(), timeout=10000)
        assert "저장했습니다" not in detail.status.text()
        assert "전화번호" in note.text() and "062-222-2222" in note.text()
        assert detail.form.widgets["phone"].text() == "062-222-2222"
        assert "062-111-1111" in note.toolTip()
        assert detail.attention_link.isVisible()
        detail.attention_link.click()
        page = window.current_page()
        assert page.key == "attention"
        qtbot.waitUntil(lambda: page.current() is not None)  # that item, chosen
        assert (page.current().field, page.current().loser_value) == ("phone", "062-111-1111")
        assert page.buttons["restore"].isEnabled()
    finally:
        app.shutdown()


def _unsent_boxes(window):
    from PySide6.QtWidgets import QMessageBox
    return [b for b in window.findChildren(QMessageBox, "unsent_on_quit") if b.isVisible()]


def test_quitting_with_unsent_changes_says_they_are_kept_for_the_next_connection(
        qtbot, korean, staffed_ctx):
    from campdesk.services import companies
    from campdesk.ui.sync.sync_wiring import attach_sync
    _set_hub(staffed_ctx, "postgresql://kim@127.0.0.1:1/campdesk?sslmode=disable")  # away
    app = _services(staffed_ctx)
    window = _window(app, qtbot)
    try:
        attach_sync(app, window)
        for name in ("오프라인 기업 1", "오프라인 기업 2"):
            companies.create_company(staffed_ctx, {"name": name})
        window.close()
        qtbot.waitUntil(lambda: len(_unsent_boxes(window)) == 1)
        (box,) = _unsent_boxes(window)
        assert window.isVisible()  # not gone before it is read
        assert "이 PC" in box.text() and "다음에 허브에 연결되면" in box.text()
        assert f"{_pending(staffed_ctx)}건" in box.text()
        assert [b.text() for b in box.buttons()] == ["확인"]  # no question, one button
        box.buttons()[0].click()
        qtbot.waitUntil(lambda: not window.isVisible())
        window.show()  # the hub taken out of the settings: nothing would send them,
        staffed_ctx.settings.hub_host = ""  # so no next connection is promised
        window.close()
        assert not window.isVisible() and _unsent_boxes(window) == []
    finally:
        app.shutdown()


@pytest.mark.hub
def test_quitting_says_so_only_while_changes_wait_for_a_hub(qtbot, korean, make_pc):
    from campdesk.services import companies
    from campdesk.ui.sync.sync_wiring import attach_sync
    a = make_pc("a")
    a.add_company("다 보낸 기업")
    _set_hub(a.ctx, a.hub_url)
    app = _services(a.ctx)
    window = _window(app, qtbot)
    try:
        attach_sync(app, window)
        qtbot.waitUntil(lambda: window.sync_corner.status.state == ONLINE
                        and window.sync_corner.status.pending == 0, timeout=10000)
        window.close()  # everything went out: it just closes
        assert not window.isVisible() and _unsent_boxes(window) == []
        window.show()
        companies.create_company(a.ctx, {"name": "방금 저장한 기업"})  # not sent yet
        window.close()
        qtbot.waitUntil(lambda: len(_unsent_boxes(window)) == 1)
        assert window.isVisible() and "1건" in _unsent_boxes(window)[0].text()
        _unsent_boxes(window)[0].buttons()[0].click()
        qtbot.waitUntil(lambda: not window.isVisible())
    finally:
        app.shutdown()


def _pending(ctx) -> int:
    from campdesk.sync.status import read_status
    return read_status(ctx.paths.database).pending


@pytest.mark.hub
def test_what_is_being_typed_survives_a_sync_round(qtbot, korean, make_pc):
    """A round that brings other PCs' changes reloads the open company; what the staffer
    was typing and has not saved stays, and a field they did not touch shows the news."""
    a, b, cid, app, window, bridge, detail = _company_open_while_syncing(
        qtbot, make_pc, "입력 중인 기업")
    try:
        qtbot.waitUntil(lambda: bridge.runner.state == ONLINE, timeout=10000)
        detail.form.widgets["representative"].setText("김대표")  # typed, not saved
        detail.form.edited.emit()
        b.edit(Company, cid, phone="062-333-3333")
        b.sync()  # A's runner hears of it and pulls it at once
        qtbot.waitUntil(lambda: detail.form.widgets["phone"].text() == "062-333-3333",
                        timeout=10000)
        assert detail.form.widgets["representative"].text() == "김대표"
        assert detail.status.text() == "저장하지 않은 변경이 있습니다"
        detail.save_button.click()
        qtbot.waitUntil(lambda: detail.status.text() == "저장했습니다")
        company = a.get(Company, cid)
        assert (company.representative, company.phone) == ("김대표", "062-333-3333")
    finally:
        app.shutdown()


@pytest.mark.hub
def test_a_copied_data_folder_is_told_in_the_app_that_it_has_a_new_identity(
        qtbot, korean, make_pc, tmp_path):
    """The office moved to a new PC by copying the data folder, and the old one went on
    syncing: the copy's window says, once, that it now syncs under a new id of its own."""
    import shutil

    from PySide6.QtWidgets import QApplication, QMessageBox

    from campdesk.services.context import open_context
    from campdesk.ui.app import _start_sync
    a = make_pc("a")
    a.add_company("원래 PC 기업")
    a.sync()
    a.ctx.db.dispose()
    shutil.copytree(a.path.parent, tmp_path / "copy")
    a.add_company("원래 PC가 계속 기록")
    a.sync()  # the old PC goes on: the copy's token is an old one now
    ctx = open_context(tmp_path / "copy")
    _set_hub(ctx, a.hub_url)
    app = _services(ctx)
    window = _window(app, qtbot)
    try:
        _start_sync(app, window)

        def notices():
            return [w for w in QApplication.topLevelWidgets()
                    if isinstance(w, QMessageBox) and w.objectName() == "sync_notice"
                    and w.isVisible()]
        qtbot.waitUntil(lambda: len(notices()) == 1, timeout=15000)
        assert "복사" in notices()[0].text() and "새 동기화 ID" in notices()[0].text()
        notices()[0].accept()
        app.sync.sync_now()
        qtbot.waitUntil(lambda: window.sync_corner.status.state == ONLINE, timeout=10000)
        qtbot.wait(300)
        assert notices() == []  # said once
    finally:
        app.shutdown()
        ctx.close()
