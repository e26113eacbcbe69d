"""What happens once the window is up: who is at this PC (first run), an offer to fill an
empty database, and how many follow-ups are due today or overdue."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QFont, QFontDatabase

from campdesk.i18n import _

# Fonts that draw Hangul well, best first (Windows, then Linux packages, then macOS).
KOREAN_FONTS = [
    "Malgun Gothic", "맑은 고딕", "NanumGothic", "나눔고딕",  # i18n: data
    "NanumBarunGothic", "Noto Sans CJK KR", "Noto Sans KR", "Apple SD Gothic Neo"]


def choose_korean_font(app) -> str | None:
    """Use a Korean font for the whole app; None when the system has none (Hangul would
    show as boxes), so the caller can warn."""
    families = set(QFontDatabase.families(QFontDatabase.WritingSystem.Korean))
    chosen = next((f for f in KOREAN_FONTS if f in families), None)
    if chosen:
        font = QFont(chosen, app.font().pointSize())
        app.setFont(font)
        return chosen
    return next(iter(sorted(families)), None)


class Startup(QObject):
    """Runs the start-up steps one after the other, without blocking the event loop."""

    finished = Signal()

    def __init__(self, app, window, font_ok: bool = True):
        super().__init__(window)
        self.app, self.window, self.font_ok = app, window, font_ok

    def begin(self) -> None:
        if not self.font_ok:
            self.window.show_error(_("한글 글꼴을 찾지 못했습니다. 글자가 네모로 보이면 나눔고딕이나 "
                                     "맑은 고딕을 설치해 주세요."))
        from campdesk.services import staff
        self.app.ops.run(staff.list_staff, self.app.ctx, success=self._on_staff)

    def _on_staff(self, people) -> None:
        if self.app.ctx.staff_id not in {p.id for p in people}:
            from campdesk.ui.settings.staff_dialog import open_staff_dialog
            dialog = open_staff_dialog(self.app, self.window, first_run=True)
            dialog.finished.connect(lambda _: self._offer_data())
        else:
            self._offer_data()

    def _offer_data(self) -> None:
        from campdesk.services import demo  # imported when needed: it is big
        self.app.ops.run(demo.is_empty, self.app.ctx, success=self._on_empty)

    def _on_empty(self, empty: bool) -> None:
        if not empty:
            self._report_due()
            return
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QMessageBox
        box = QMessageBox(QMessageBox.Icon.Question, _("데이터가 없습니다"),
                          _("아직 등록된 기업이 없습니다. 어떻게 시작할까요?"),
                          QMessageBox.StandardButton.NoButton, self.window)
        box.setObjectName("welcome")
        demo_button = box.addButton(_("데모 데이터 불러오기"),
                                    QMessageBox.ButtonRole.AcceptRole)
        import_button = box.addButton(_("파일에서 기업 가져오기…"),
                                      QMessageBox.ButtonRole.ActionRole)
        box.addButton(_("빈 상태로 시작"), QMessageBox.ButtonRole.RejectRole)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)

        def chosen(_result) -> None:
            clicked = box.clickedButton()
            if clicked is demo_button:
                from campdesk.ui.core.data_tasks import start_demo
                start_demo(self.app, self.window, on_done=lambda _: self._report_due())
            elif clicked is import_button:
                from campdesk.ui.core.data_tasks import start_import
                start_import(self.app, self.window, on_done=lambda _: self._report_due())
            else:
                self._report_due()

        box.finished.connect(chosen)
        box.open()

    def _report_due(self) -> None:
        from campdesk.services import consultations
        self.app.ops.run(consultations.count_due, self.app.ctx, success=self._on_due)

    def _on_due(self, counts) -> None:
        due, overdue = counts
        self.window.show_due(due, overdue)
        self.finished.emit()
