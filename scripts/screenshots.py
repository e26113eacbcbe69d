"""Screenshots of every page, tab and dialog at 1366x768, in Korean and in English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py OUT_DIR [HOME]

With no HOME a fresh data folder with the small demo set is made. The app starts in Korean
and switches to English at run time (``i18n.set_language``), as a user does in the settings:
the English pictures also show what a switch leaves untranslated. Dialogs are opened the way
the app opens them (the page's own method, with the first row of its tables selected);
modal ``exec()`` and the file pickers are replaced so nothing waits for a click. Each dialog
is drawn under a strip with its window title. A dialog that fails to open is reported and
the rest go on. Look at the PNGs.
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
import traceback
from pathlib import Path

SCREEN = ('{"synchronousWindowSystemEvents": false, "windowFrameMargins": false, "screens": '
          '[{"name": "s1", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96, '
          '"logicalBaseDpi": 96, "dpr": 1}]}')
if os.environ.get("QT_QPA_PLATFORM", "offscreen") == "offscreen":  # a 1366x768 screen
    config = Path(tempfile.gettempdir()) / "campdesk-screen-1366x768.json"
    config.write_text(SCREEN)
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"

# page key → the tabs to show beyond the first (None: every tab of ``page.tabs``)
PAGE_TABS = {"jobs": None, "mentoring": None, "outreach": None, "spaces": None}
COMPANY_TABS = ["profile", "contacts", "history", "space", "outreach"]


def _no_waiting() -> None:
    """``exec()`` shows the dialog and returns "cancelled"; file pickers pick nothing."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

    def show_instead(self, *args):
        self.show()
        return 0
    QDialog.exec = show_instead
    QMessageBox.exec = show_instead

    def box(icon, buttons):
        def static(parent, title, text, *args, **kwargs):
            b = QMessageBox(icon, title, text, buttons, parent)
            b.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
            b.show()
            return QMessageBox.StandardButton.No if icon == QMessageBox.Icon.Question \
                else QMessageBox.StandardButton.Ok
        return staticmethod(static)
    yes_no = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
    ok = QMessageBox.StandardButton.Ok
    QMessageBox.question = box(QMessageBox.Icon.Question, yes_no)
    QMessageBox.information = box(QMessageBox.Icon.Information, ok)
    QMessageBox.warning = box(QMessageBox.Icon.Warning, ok)
    QMessageBox.critical = box(QMessageBox.Icon.Critical, ok)
    QMessageBox.about = box(QMessageBox.Icon.Information, ok)
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")


def make_home() -> Path:
    from campdesk.services import companies, consultations, demo, staff
    from campdesk.services.context import open_context
    home = Path(tempfile.mkdtemp()) / "home"
    ctx = open_context(home)
    demo.generate(ctx, "small", 1)
    ctx.settings.staff_id = staff.list_staff(ctx)[0].id
    ctx.save_settings()
    first = companies.list_companies(ctx)[0]
    for question in ("3인 사무실 입주 문의: 내년 1월부터 6개월, 보증금과 관리비, 주차 가능 여부를 "
                     "물었고 입주 심사 일정도 궁금해 함", "AI 바우처 신청 서류 문의"):
        consultations.log_consultation(ctx, {"company_id": first.id, "channel": "phone",
                                             "question": question, "category": "space"})
    ctx.close()
    return home


class Shooter:
    def __init__(self, qapp, app, win, out: Path):
        self.qapp, self.app, self.win, self.out = qapp, app, win, out
        self.failures: list[str] = []
        self.saved: list[str] = []

    def settle(self, seconds: float = 0.4) -> None:
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or self.app.ops.busy:
            self.qapp.processEvents()
            time.sleep(0.01)

    def save(self, image, name: str) -> None:
        image.save(str(self.out / f"{name}.png"))
        self.saved.append(f"{name}.png")

    def window(self, name: str) -> None:
        self.settle()
        self.save(self.win.grab(), name)

    def windows(self) -> set:
        from PySide6.QtWidgets import QApplication
        return {w for w in QApplication.topLevelWidgets() if w.isVisible() and w is not self.win}

    def dialog(self, name: str, opener) -> None:
        """Run ``opener``; every window it opened is drawn (the last one on top gets
        ``name``, others ``name-2``…), then closed."""
        before = self.windows()
        try:
            opener()
            self.settle()
            opened = [w for w in self.windows() if w not in before]
            if not opened:
                raise RuntimeError("nothing opened")
        except Exception:  # noqa: BLE001 — one dialog failing must not stop the others
            self.failures.append(f"{name}: {traceback.format_exc(limit=3)}")
            print(f"FAILED {name}", file=sys.stderr)
            self.close_all(before)
            return
        for i, w in enumerate(sorted(opened, key=lambda w: w.objectName())):
            self.save(titled(w), name if i == 0 else f"{name}-{i + 1}")
        self.close_all(before)

    def close_all(self, keep: set) -> None:
        import shiboken6
        for w in self.windows() - keep:
            if shiboken6.isValid(w):
                if hasattr(w, "discard_quietly"):
                    w.discard_quietly()
                w.close()
        self.settle(0.1)


def titled(widget):
    """The widget's picture under a strip with its window title (what the title bar shows)."""
    from PySide6.QtGui import QColor, QImage, QPainter
    picture = widget.grab()
    image = QImage(picture.width(), picture.height() + 26, QImage.Format.Format_RGB32)
    image.fill(QColor("#d8dce3"))
    p = QPainter(image)
    p.drawText(8, 18, widget.windowTitle())
    p.drawPixmap(0, 26, picture)
    p.end()
    return image


def select_first_rows(widget) -> None:
    """The first row of every table under ``widget`` that has rows and none chosen."""
    from PySide6.QtWidgets import QAbstractItemView
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is not None and model.rowCount() and not view.currentIndex().isValid():
            view.setCurrentIndex(model.index(0, 0))


def main(out: Path, home: Path | None) -> int:
    from PySide6.QtWidgets import QApplication
    qapp = QApplication.instance() or QApplication([])
    from campdesk.ui.app import use_shipped_files
    from campdesk.ui.core.startup import choose_korean_font
    use_shipped_files(qapp)
    choose_korean_font(qapp)
    from campdesk.services.context import open_context
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.core.mainwindow import MainWindow
    from campdesk.ui.sync.sync_wiring import attach_sync
    _no_waiting()
    ctx = open_context(home or make_home())
    app = AppServices(ctx)
    win = MainWindow(app)
    attach_sync(app, win, interactive=False)
    win.resize(1366, 768)
    win.show()
    from campdesk.services import consultations as _c
    win.show_due(*_c.count_due(ctx))  # what the start-up steps report
    out.mkdir(parents=True, exist_ok=True)
    shots = Shooter(qapp, app, win, out)
    for lang in ("ko", "en"):
        app.set_language(lang)  # as the settings dialog does
        shots.settle()
        pages(shots, lang)
        for name, opener in dialogs(shots):
            shots.dialog(f"{lang}-dialog-{name}", opener)
    app.set_language("ko")
    app.shutdown()
    print("\n".join(shots.failures) or "every dialog opened", file=sys.stderr)
    print(f"{len(shots.saved)} pictures in {out}")
    return 1 if shots.failures else 0


def pages(shots: Shooter, lang: str) -> None:
    win = shots.win
    for info in win.page_types:
        page = win.show_page(info.key)
        shots.settle()
        if info.key == "companies" and page.model.rows:
            page.select(page.model.rows[0].id)
            shots.settle()
            tabs = page.detail.tabs
            for i, tab in enumerate(COMPANY_TABS[:tabs.count()]):
                tabs.setCurrentIndex(i)
                shots.window(f"{lang}-companies-{tab}")
            tabs.setCurrentIndex(0)
            continue
        if info.key == "reports":
            shots.window(f"{lang}-reports")
            page.make()  # 만들기: the report made, previewed on the page
            shots.settle(1.5)  # the preview draws its pages after the PDF is in
            shots.window(f"{lang}-reports-made")
            continue
        if info.key in PAGE_TABS:
            for i in range(page.tabs.count()):
                page.tabs.setCurrentIndex(i)
                shots.settle()
                select_first_rows(page.tabs.currentWidget())
                shots.window(f"{lang}-{info.key}-tab{i + 1}")
            page.tabs.setCurrentIndex(0)
            continue
        shots.window(f"{lang}-{info.key}")
    from campdesk.ui.consultations.consultation_dialog import offer_undo
    from campdesk.ui.widgets.undo_notice import notice_for
    win.show_page("dashboard")
    offer_undo(shots.app, win, "none")  # "저장됨 · 실행 취소" after a consultation is logged
    shots.window(f"{lang}-undo-notice")
    notice_for(win).hide()


def on_tab(shots: Shooter, key: str, index: int, method: str, *args):
    """An opener: page ``key``'s tab ``index`` shown, its first rows chosen, then the tab's
    (or page's) ``method`` called, as its button does."""
    from PySide6.QtWidgets import QWidget

    def run():
        page = shots.win.show_page(key)
        page.tabs.setCurrentIndex(index)
        shots.settle()
        tab = page.tabs.currentWidget()
        for _ in range(2):  # a chosen row can load another table (programme → pairings)
            select_first_rows(tab)
            shots.settle()
        owners = [tab, *tab.findChildren(QWidget), page]  # the tab, a part of it, the page
        target = next(w for w in owners if hasattr(w, method))
        getattr(target, method)(*args)
    return run


def dialogs(shots: Shooter):
    """(name, opener) of every dialog of the app."""
    app, win = shots.app, shots.win
    from campdesk.domain.dates import today_seoul
    from campdesk.services import spaces
    from campdesk.ui.companies.new_company_dialog import open_new_company
    from campdesk.ui.consultations.consultation_dialog import ConsultationDialog, open_log_dialog
    from campdesk.ui.core import actions
    from campdesk.ui.core.data_tasks import _progress_dialog, start_import
    from campdesk.ui.settings.settings_dialog import open_settings
    from campdesk.ui.settings.staff_dialog import open_staff_dialog
    from campdesk.ui.spaces import dialogs as space_dialogs
    from campdesk.i18n import _

    def consultation_escalated():
        d = open_log_dialog(app, win)
        d.form.outcome.set_code("escalated")
        if hasattr(d.form, "more"):
            d.form.more.setChecked(True)

    def consultation_edit():
        page = win.show_page("consultations")
        shots.settle()
        select_first_rows(page)
        page._edit()

    def consultation_link():
        page = win.show_page("consultations")
        shots.settle()
        select_first_rows(page)
        page._link()

    def consultation_summary():
        page = win.show_page("consultations")
        shots.settle()
        select_first_rows(page)
        page._edit()
        shots.settle()
        dialog = next(w for w in shots.windows() if isinstance(w, ConsultationDialog))
        dialog._print_summary()
        shots.settle()
        dialog.hide()  # the summary is the picture

    def ask_discard():
        d = open_log_dialog(app, win)
        shots.settle()
        d.form.question.setPlainText("입주 문의") if hasattr(d.form.question, "setPlainText") \
            else d.form.question.setText("입주 문의")
        d.reject()
        shots.settle()
        d.hide()

    def welcome():
        from campdesk.ui.core.startup import Startup
        Startup(app, win)._on_empty(True)

    def progress():
        d = _progress_dialog(win, _("기업 목록 가져오기 중…"))
        d.setCancelButtonText(_("취소"))
        d.setValue(40)
        d.setLabelText(_("기업 목록 가져오기 중…"))
        d.show()

    def import_result():
        path = Path(tempfile.mkdtemp()) / "companies.csv"
        path.write_text("기업명,대표자,사업자등록번호\n테스트랩,김하나,123-45-67890\n,,\n",
                        encoding="utf-8")
        start_import(app, win, path=str(path))

    def space_of(kind_ok):
        return next(v for v in spaces.list_spaces(app.ctx) if kind_ok(v))

    def assignment():
        return next(a for a in spaces.list_assignments(app.ctx) if a.status != "reserved")

    def space_new():
        page = win.show_page("spaces")
        shots.settle()
        page._add_space()

    def space_edit():
        s = space_of(lambda v: v.kind != "meeting")
        rooms = [v for v in spaces.list_spaces(app.ctx) if v.parent_id is None]
        space_dialogs.SpaceDialog(app, s, s.floor, rooms, win).show()

    def assign():
        s = space_of(lambda v: v.kind != "meeting")
        space_dialogs.AssignDialog(app, s, today_seoul(), win).show()

    def move():
        space_dialogs.MoveDialog(app, assignment(), spaces.list_spaces(app.ctx), today_seoul(),
                                 win).show()

    def move_out():
        space_dialogs.MoveOutDialog(app, assignment(), today_seoul(), win).show()

    def space_request():
        space_dialogs.RequestDialog(app, today_seoul(), win).show()

    def company_record_pdf():
        page = win.show_page("companies")
        shots.settle()
        page.select(page.model.rows[0].id)
        shots.settle()
        page.detail._print_record()

    def run_action(key):
        return lambda: next(a for a in actions.ACTIONS if a.key == key).run(win)

    return [
        ("consultation", lambda: open_log_dialog(app, win)),
        ("consultation-escalated", consultation_escalated),
        ("consultation-edit", consultation_edit),
        ("consultation-link", consultation_link),
        ("consultation-summary", consultation_summary),
        ("ask-discard", ask_discard),
        ("new-company", lambda: open_new_company(app, win)),
        ("company-record", company_record_pdf),
        ("staff", lambda: open_staff_dialog(app, win)),
        ("staff-first-run", lambda: open_staff_dialog(app, win, first_run=True)),
        ("welcome", welcome),
        ("settings", lambda: open_settings(app, win)),
        ("settings-hub", lambda: open_settings(app, win).show_connection()),
        ("settings-hub-password", lambda: open_settings(app, win).show_hub_password_prompt()),
        ("about", run_action("about")),
        ("import-progress", progress),
        ("import-result", import_result),
        ("followup-resolve", on_tab_like(shots, "followups", "resolve_current")),
        ("followup-escalate", on_tab_like(shots, "followups", "escalate_current")),
        ("jobs-new-seeker", on_tab(shots, "jobs", 0, "new_seeker")),
        ("jobs-edit-seeker", on_tab(shots, "jobs", 0, "edit_seeker")),
        ("jobs-new-opening", on_tab(shots, "jobs", 1, "new_opening")),
        ("mentor-new", on_tab(shots, "mentoring", 0, "new_mentor")),
        ("mentor-activity", on_tab(shots, "mentoring", 0, "print_activity")),
        ("mentoring-new-programme", on_tab(shots, "mentoring", 1, "new_programme")),
        ("mentoring-close-programme", on_tab(shots, "mentoring", 1, "close_programme")),
        ("mentoring-pair", on_tab(shots, "mentoring", 1, "pair")),
        ("mentoring-session", on_tab(shots, "mentoring", 1, "log_session")),
        ("mentoring-edit-session", on_tab(shots, "mentoring", 1, "edit_session")),
        ("mentoring-change-mentor", on_tab(shots, "mentoring", 1, "change_mentor")),
        ("mentoring-end", on_tab(shots, "mentoring", 1, "end", "dropped")),
        ("mentoring-log", on_tab(shots, "mentoring", 1, "print_log")),
        ("outreach-event-new", on_tab(shots, "outreach", 1, "edit_event", True)),
        ("outreach-event-edit", on_tab(shots, "outreach", 1, "edit_event")),
        ("outreach-invitation", on_tab(shots, "outreach", 1, "invitation")),
        ("outreach-register", on_tab(shots, "outreach", 1, "register")),
        ("outreach-attendance", on_tab(shots, "outreach", 1, "print_sheet")),
        ("outreach-support-new", on_tab(shots, "outreach", 2, "add")),
        ("outreach-support-edit", on_tab(shots, "outreach", 2, "edit")),
        ("outreach-council", on_tab(shots, "outreach", 2, "council")),
        ("outreach-call-new", on_tab(shots, "outreach", 3, "add")),
        ("outreach-call-edit", on_tab(shots, "outreach", 3, "edit")),
        ("outreach-call-message", on_tab(shots, "outreach", 3, "message")),
        ("outreach-answer", on_tab(shots, "outreach", 0, "answer")),
        ("outreach-questionnaire-one", on_tab(shots, "outreach", 0, "print_one")),
        ("outreach-questionnaire-blank", on_tab(shots, "outreach", 0, "print_blank")),
        ("space-new", space_new),
        ("space-edit", space_edit),
        ("space-assign", assign),
        ("space-move", move),
        ("space-move-out", move_out),
        ("space-request", space_request),
    ]


def on_tab_like(shots: Shooter, key: str, method: str):
    """An opener for a page without tabs: its first rows chosen, then ``method``."""
    def run():
        page = shots.win.show_page(key)
        shots.settle()
        select_first_rows(page)
        shots.settle()
        getattr(page, method)()
    return run


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2]) if len(sys.argv) > 2 else None))
