"""Importing from the app: the consultation log from the File menu, a progress dialog whose
Cancel leaves the database as it was, and a summary that names the skipped rows."""
import threading

from PySide6.QtWidgets import QMessageBox, QPushButton

from campdesk.services import companies, consultations
from campdesk.ui.core.data_tasks import start_import
from qt_helpers import find_dialog


def _many_companies(path, n):
    path.write_text("기업명,대표자\n" + "".join(f"기업{i:05},김민서\n" for i in range(n)),
                    encoding="utf-8")
    return path


def test_the_file_menu_imports_the_consultation_log(window, qtbot, tmp_path, companies_made,
                                                     monkeypatch):
    path = tmp_path / "상담일지.csv"
    path.write_text("상담일시,상담경로,기업명,상담내용,답변\n2025-03-05 14:30,전화,광주데이터랩,입주 문의,안내\n"
                    "합계,1건,,,\n", encoding="cp949")
    file_menu = window.menuBar().actions()[0].menu()
    action = window.action("import_consultations")
    assert action in file_menu.actions() and action.text() == "상담 기록 가져오기…"
    from PySide6.QtWidgets import QFileDialog
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))
    action.trigger()
    box = find_dialog(qtbot, QMessageBox)
    assert "새로 등록 1" in box.text() and "합계·안내 행 1개는 건너뛰었습니다: 3행" in box.text()
    (logged,) = consultations.views(window.app.ctx, consultations.view_query())
    assert (logged.company_name, logged.question) == ("광주데이터랩", "입주 문의")


def test_cancelling_the_progress_dialog_leaves_the_database_as_it_was(services, qtbot, tmp_path):
    companies.create_company(services.ctx, {"name": "원래기업"})
    path = _many_companies(tmp_path / "many.csv", 3000)
    # Hold the writer thread so the import is still waiting when Cancel is pressed.
    hold = threading.Event()
    services.ops.run(hold.wait, 10, write=True)
    dialog = start_import(services, None, path=str(path))
    assert dialog.labelText() == "기업 목록 가져오기 중…"
    with qtbot.waitSignal(services.ops.failed, timeout=10_000) as failed:
        dialog.findChild(QPushButton).click()  # the dialog's 취소 button
        hold.set()
    assert failed.args == ["가져오기를 취소했습니다. 데이터베이스는 바뀌지 않았습니다."]
    assert [r.name for r in companies.list_companies(services.ctx)] == ["원래기업"]
    assert not dialog.isVisible()


def test_a_long_import_shows_its_progress(window, qtbot, tmp_path, monkeypatch):
    from campdesk.services import tabular
    monkeypatch.setattr(tabular, "PROGRESS_EVERY", 200)
    path = _many_companies(tmp_path / "many.csv", 2000)
    dialog = start_import(window.app, window, path=str(path))
    labels = []
    original = dialog.setLabelText
    dialog.setLabelText = lambda text: (labels.append(text), original(text))
    box = find_dialog(qtbot, QMessageBox)
    assert "새로 등록 2,000" in box.text()
    assert labels[-1] == "2,000행 읽음" and len(labels) >= 5 and "1,000행 읽음" in labels
