"""Screenshots of every page (and the main dialogs) at 1366x768 in Korean and English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR [HOME]

With no HOME a fresh data folder with the small demo set is made. Look at the PNGs.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

SCREEN = ('{"synchronousWindowSystemEvents": false, "windowFrameMargins": false, "screens": '
          '[{"name": "s1", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, '
          '"logicalBaseDpi": 96, "dpr": 1}]}')
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a 1366x768 screen
    config = Path(tempfile.gettempdir()) / "campdesk-screen-1366x768.json"
    config.write_text(SCREEN)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


def main(out: Path, home: Path | None) -> None:
    from PySide6.QtWidgets import QApplication
    qapp = QApplication.instance() or QApplication([])
    from campdesk.ui.app import use_shipped_files
    from campdesk.ui.core.startup import choose_korean_font
    use_shipped_files(qapp)
    choose_korean_font(qapp)
    from campdesk.services import demo, staff
    from campdesk.services.context import open_context
    from campdesk.ui.core import i18n
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.core.mainwindow import MainWindow
    from campdesk.ui.sync.sync_wiring import attach_sync
    if home is None:
        home = Path(tempfile.mkdtemp()) / "home"
        ctx = open_context(home)
        demo.generate(ctx, "small", 1)
        people = staff.list_staff(ctx)
        ctx.settings.staff_id = people[0].id
        ctx.save_settings()
        from campdesk.services import companies, consultations
        first = companies.list_companies(ctx)[0]
        for question in ("3인 사무실 입주 문의: 내년 1월부터 6개월, 보증금과 관리비, 주차 가능 여부를 "
                         "물었고 입주 심사 일정도 궁금해 함", "AI 바우처 신청 서류 문의"):
            consultations.log_consultation(ctx, {"company_id": first.id, "channel": "phone",
                                                 "question": question, "category": "space"})
    else:
        ctx = open_context(home)
    app = AppServices(ctx)
    win = MainWindow(app)
    attach_sync(app, win, interactive=False)
    win.resize(1366, 768)
    win.show()
    from campdesk.services import consultations as _c
    win.show_due(*_c.count_due(ctx))  # what the start-up steps report
    out.mkdir(parents=True, exist_ok=True)

    def settle(seconds: float = 0.4) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or app.ops.busy:
            qapp.processEvents()
            time.sleep(0.01)

    for lang in ("ko", "en"):
        i18n.set_language(lang)
        settle()
        for info in win.page_types:
            page = win.show_page(info.key)
            settle()
            if info.key == "companies" and page.model.rows:
                page.select(page.model.rows[0].id)
                settle()
            win.grab().save(str(out / f"{lang}-{info.key}.png"))
            if info.key == "spaces":
                for i in range(1, page.tabs.count()):
                    page.tabs.setCurrentIndex(i)
                    settle()
                    win.grab().save(str(out / f"{lang}-spaces-tab{i}.png"))
                page.tabs.setCurrentIndex(0)
            if info.key == "companies":
                page.detail.tabs.setCurrentIndex(2)  # the consultation history
                settle()
                win.grab().save(str(out / f"{lang}-companies-history.png"))
                page.detail.tabs.setCurrentIndex(0)
        for name, opener in dialogs(win, app):
            dialog = opener()
            settle()
            dialog.grab().save(str(out / f"{lang}-dialog-{name}.png"))
            dialog.done(0) if hasattr(dialog, "done") else dialog.close()
            settle(0.1)
    i18n.set_language("ko")
    app.shutdown()
    print(out)


def dialogs(win, app):
    from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
    from campdesk.ui.settings.settings_dialog import SettingsDialog

    def consultation():
        d = ConsultationDialog(app, win)
        d.show()
        return d

    def settings():
        d = SettingsDialog(app, win)
        d.show()
        return d
    def consultation_full():
        d = ConsultationDialog(app, win)
        d.form.outcome.set_code("escalated")
        if hasattr(d.form, "more"):  # (older versions had no "더 보기")
            d.form.more.setChecked(True)
        d.show()
        return d

    def assign():
        from campdesk.domain.dates import today_seoul
        from campdesk.services import spaces
        from campdesk.ui.spaces.dialogs import AssignDialog
        space = next(v for v in spaces.list_spaces(app.ctx) if v.kind != "meeting")
        d = AssignDialog(app, space, today_seoul(), win)
        d.show()
        return d
    return [("consultation", consultation), ("consultation-escalated", consultation_full),
            ("assign", assign), ("settings", settings)]


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None)
