"""The desktop app's fixtures: one QApplication (pytest-qt's), Korean by default, the real
main window over a temporary data directory, and a few companies made through services."""
from __future__ import annotations

import pytest

from campdesk.services import companies, staff


@pytest.fixture
def korean(qapp):
    from campdesk.ui.core import i18n
    i18n.set_language("ko")
    yield
    i18n.set_language("ko")


@pytest.fixture
def services(staffed_ctx, qapp, korean):
    from campdesk.ui.core.appservices import AppServices
    app = AppServices(staffed_ctx)
    yield app
    app.shutdown()


@pytest.fixture
def companies_made(staffed_ctx):
    """Three companies, two of them in Gwangju by name (for 초성 search)."""
    made = {}
    for name, no, rel in (("광주인공지능(주)", "124-81-00998", "mou"),
                          ("광주데이터랩", None, "tenant"),
                          ("빛고을로보틱스", None, "prospect")):
        made[name] = companies.create_company(staffed_ctx, {"name": name, "business_no": no,
                                                            "relationship": rel})
    return made


@pytest.fixture
def consultant(staffed_ctx):
    return staff.add_staff(staffed_ctx, "박책임", "senior_consultant")


@pytest.fixture
def window(services, qtbot):
    from campdesk.ui.core.mainwindow import MainWindow
    win = MainWindow(services)
    qtbot.addWidget(win)
    win.start()
    qtbot.waitExposed(win)
    yield win
    services.ops.wait()


@pytest.fixture(autouse=True)
def close_windows(qapp):
    """Dialogs delete themselves when closed; close whatever a test left open."""
    yield
    import shiboken6
    from PySide6.QtWidgets import QApplication

    from campdesk.ui.widgets.unsaved import GuardsInput
    for widget in QApplication.topLevelWidgets():  # a test's typing is not asked about
        if shiboken6.isValid(widget) and widget.isVisible() and isinstance(widget, GuardsInput):
            widget.discard_quietly()
    for widget in QApplication.topLevelWidgets():
        if shiboken6.isValid(widget) and widget.isVisible():
            widget.close()
    QApplication.processEvents()
