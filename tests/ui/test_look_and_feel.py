"""What a staffer sees at first glance: shortcuts with their modifiers in Korean menus,
counts and icons in the navigation, a title over each page, English plurals, and no text
left in the other language after a switch."""
from __future__ import annotations

from datetime import timedelta

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from campdesk.ui.core import i18n


def test_korean_menus_show_ctrl_shortcuts(window):
    from PySide6.QtGui import QKeySequence
    shortcut = window.action("log_consultation").shortcut()
    assert shortcut.toString(QKeySequence.SequenceFormat.NativeText) == "Ctrl+N"


def test_navigation_has_icons_a_page_title_and_the_overdue_count(window, services, qtbot,
                                                                 companies_made):
    consultations.log_consultation(services.ctx, {
        "caller_name": "김문의", "channel": "phone", "question": "자금 문의",
        "outcome": "follow_up", "due_on": (today_seoul() - timedelta(days=3)).isoformat()})
    services.bus.changed("consultations")
    row = [p.key for p in window.page_types].index("followups")
    qtbot.waitUntil(lambda: window.nav.item(row).text() == "후속조치  1")
    assert "기한 지난 후속조치(전체) 1건" in window.nav.item(row).toolTip()
    assert all(not window.nav.item(i).icon().isNull() for i in range(window.nav.count()))
    window.show_page("companies")
    assert window.page_title.text() == "기업"
    i18n.set_language("en")
    qtbot.waitUntil(lambda: window.page_title.text() == "Companies")
    assert window.nav.item(row).text() == "Follow-ups  1"
    assert window.nav.item(row).toolTip() == "1 overdue follow-up (everyone's)"  # not "…-ups"


def test_english_plurals(qapp, korean):
    from campdesk.i18n import ngettext

    def pages(n: int) -> str:   # the print preview's page count
        return ngettext("{0}쪽", "{0}쪽", n).format(n)
    i18n.set_language("en")
    assert (pages(1), pages(3)) == ("1 page", "3 pages")
    i18n.set_language("ko")
    assert pages(1) == "1쪽"


def test_the_printer_note_follows_a_language_switch(qtbot, korean, monkeypatch):
    from campdesk.ui.core import printing
    pane = printing.PdfPane()
    qtbot.addWidget(pane)
    pane.show()
    pane.show_message(printing.no_printer_message)
    assert "프린터" in pane.banner.text()
    i18n.set_language("en")
    qtbot.waitUntil(lambda: "printer" in pane.banner.text())
    assert "프린터" not in pane.banner.text()
