"""At 1366×768, with the demo data, no column title of any table on any page (and each tab
of it) is cut, in Korean or after a switch to English."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

from campdesk.services import demo


@pytest.fixture
def demo_window(services, qapp, qtbot):
    """The window at 1366×768 in the font the app chooses, over the small demo set."""
    from campdesk.ui.core.mainwindow import MainWindow
    from campdesk.ui.core.startup import choose_korean_font
    demo.generate(services.ctx, "small", 1)
    font = qapp.font()
    choose_korean_font(qapp)
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.start()
    win.setWindowState(Qt.WindowState.WindowNoState)  # start() maximises on the small test screen
    win.resize(1366, 768)
    qtbot.waitExposed(win)
    yield win
    services.ops.wait()
    qapp.setFont(font)


def _settle(qtbot, services):
    qtbot.wait(150)
    qtbot.waitUntil(lambda: not services.ops.busy, timeout=10000)


def _cut_titles(page, where: str) -> list[str]:
    cut = []
    for view in page.findChildren(QTableView):
        if not view.isVisible():
            continue
        header, model = view.horizontalHeader(), view.model()
        metrics, width = header.fontMetrics(), view.viewport().width()
        for column in range(model.columnCount()):
            if view.isColumnHidden(column):
                continue
            title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
            need = metrics.horizontalAdvance(title) + 12
            left, size = header.sectionViewportPosition(column), header.sectionSize(column)
            shown = min(left + size, width) - max(left, 0)
            if size < need or shown < need:
                cut.append(f"{where}: {title!r} has {shown} of {need} px")
    return cut


def test_no_column_title_is_cut_in_either_language(demo_window, services, qtbot):
    cut = []
    for language in ("ko", "en"):
        services.set_language(language)
        _settle(qtbot, services)
        for info in demo_window.page_types:
            page = demo_window.show_page(info.key)
            _settle(qtbot, services)
            tabs = getattr(page, "tabs", None)
            for index in range(tabs.count() if tabs is not None else 1):
                if tabs is not None:
                    tabs.setCurrentIndex(index)
                    _settle(qtbot, services)
                cut += _cut_titles(page, f"{language} {info.key} tab {index}")
    services.set_language("ko")
    assert not cut, cut
