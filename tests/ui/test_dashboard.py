"""The dashboard shows what was recorded, read without the ORM, and the window start shows
it before the other pages are loaded: a page chosen meanwhile says it is loading, then opens."""
from __future__ import annotations

import threading
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from campdesk.domain.dates import today_seoul
from campdesk.services import consultations
from campdesk.services.dashboard import month_start, seoul_start
from campdesk.services.outreach import public_calls


def _log(ctx, **values):
    values.setdefault("channel", "phone")
    values.setdefault("caller_name", "문의자")
    values.setdefault("question", "문의")
    return consultations.log_consultation(ctx, values)


def _record_a_month(ctx, companies_made):
    today = today_seoul()
    lab = companies_made["광주데이터랩"]
    _log(ctx, question="오늘 전화 문의", category="funding")
    _log(ctx, question="오늘 방문 상담", channel="walk_in", company_id=lab,
         outcome="follow_up", due_on=today)
    gone = _log(ctx, question="지운 상담")
    with ctx.db.transaction() as s:  # archived: counted nowhere
        s.execute(consultations.Consultation.__table__.update()
                  .where(consultations.Consultation.id == gone).values(archived=True))
    last_month = seoul_start(month_start(today, 1) + timedelta(days=3))
    _log(ctx, occurred_at=last_month, outcome="follow_up", due_on=today - timedelta(days=2))
    closed = _log(ctx, occurred_at=last_month, outcome="follow_up", due_on=today - timedelta(days=9))
    consultations.resolve(ctx, closed, "자료 보내 드림")
    public_calls.save_call(ctx, {"title": "AI 바우처", "organiser": "광주TP",
                                 "deadline": today + timedelta(days=3)})
    public_calls.save_call(ctx, {"title": "먼 공모", "deadline": today + timedelta(days=20)})


def _bars(chart_view) -> list[float]:
    bars = chart_view.chart().series()[0].barSets()[0]
    return [bars.at(i) for i in range(bars.count())]


def test_the_dashboard_shows_what_the_log_says(window, services, companies_made, qtbot):
    ctx = services.ctx
    _record_a_month(ctx, companies_made)
    page = window.show_page("dashboard")
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.todays) == 2)
    due, overdue = consultations.count_due(ctx)             # the log's own (ORM) counts
    cards = {k: c.value.text() for k, c in page.cards.items()}
    assert cards == {"today": "2", "open": str(len(consultations.list_follow_ups(ctx))),
                     "due": str(due), "overdue": str(overdue)}
    assert cards == {"today": "2", "open": "2", "due": "1", "overdue": "1"}
    rows = [(page.today_model.index(r, 1).data(), page.today_model.index(r, 4).data())
            for r in range(page.today_model.rowCount())]
    assert rows == [("광주데이터랩", "오늘 방문 상담"), ("문의자", "오늘 전화 문의")]  # newest first
    by_channel, by_category, trend = page._chart_widgets
    assert sum(_bars(by_channel)) == 2 and sum(_bars(by_category)) == 2
    running = trend.chart().series()[-1].points()            # dashed: last month to this one
    assert [p.y() for p in running] == [2, 2]                 # the archived one not counted
    assert page.deadlines.isVisibleTo(page)
    assert "AI 바우처" in page.deadlines.text() and "D-3" in page.deadlines.text()
    assert "먼 공모" not in page.deadlines.text()


def test_a_page_chosen_while_loading_says_so_then_opens(staffed_ctx, qapp, korean, qtbot,
                                                        monkeypatch, companies_made):
    from campdesk.ui.app import start_shell
    from campdesk.ui.core import loader
    _log(staffed_ctx, company_id=companies_made["광주데이터랩"], outcome="follow_up",
         due_on=today_seoul())
    release = threading.Event()
    warm_up = loader.warm_up

    def held_warm_up(ctx=None) -> None:  # the other pages load only when the test says
        release.wait(30)
        warm_up(ctx)
    monkeypatch.setattr(loader, "warm_up", held_warm_up)
    launch = start_shell(qapp, str(staffed_ctx.paths.home))
    window = launch.window
    qtbot.addWidget(window)
    try:
        launch.start()
        qtbot.waitUntil(lambda: window.app is not None, timeout=30000)
        dashboard = window.current_page()
        assert dashboard.key == "dashboard"
        qtbot.waitUntil(lambda: dashboard.cards["due"].value.text() == "1")

        assert window.show_page("companies") is None            # not loaded yet: no freeze
        note = window.stack.currentWidget()
        assert isinstance(note, QLabel) and note.text() == "불러오는 중…"
        assert window.page_title.text() == "기업"
        window.show_page("dashboard")                            # the first page is there
        assert window.current_page() is dashboard
        qtbot.mouseClick(dashboard.cards["due"], Qt.MouseButton.LeftButton)
        assert window.stack.currentWidget() is note              # its list is loading too

        release.set()
        qtbot.waitUntil(lambda: window.current_page() is not None, timeout=30000)
        followups = window.current_page()
        assert followups.key == "followups"
        assert followups.status.currentData() == "due_today" and followups.scope.currentData() == "all"
        qtbot.waitUntil(lambda: followups.model.rowCount() == 1)
        window.show_page("companies")
        qtbot.waitUntil(lambda: window.current_page().model.rowCount() == 3)
    finally:
        release.set()
        launch.finish()
    assert launch.code is None and launch.error is None


def test_in_english_the_dashboard_and_the_log_speak_english(window, services, qtbot):
    import pytest

    from campdesk.i18n import set_language
    from campdesk.services.errors import FormErrors
    ctx = services.ctx
    _log(ctx, question="오늘 전화 문의")
    page = window.show_page("dashboard")
    page.refresh()
    qtbot.waitUntil(lambda: page.data is not None and len(page.data.todays) == 1)
    try:
        set_language("en")
        page.retranslate()
        axis = page._chart_widgets[2].chart().axes()[0]
        months = axis.categories()
        assert len(months) == 12 and months[-1] == page.data.today.strftime("%b")
        assert page.cards["overdue"].caption.text() == "Overdue"
        assert page.today_title.text() == "<b>Today's consultations</b>"
        window.set_nav_count("followups", 1)
        row = [i.key for i in window.page_types].index("followups")
        assert window.nav.item(row).toolTip() == "1 overdue follow-up (everyone's)"
        window.set_nav_count("followups", 3)
        assert window.nav.item(row).toolTip() == "3 overdue follow-ups (everyone's)"
        with pytest.raises(FormErrors) as refused:
            consultations.log_consultation(ctx, {"caller_name": "문의자", "question": "문의"})
        assert refused.value.message("en") == "Please choose the channel."
    finally:
        set_language("ko")


FIRST_STEP = """
import sys
from campdesk.ui.core.loader import load_data_layer
ctx, first = load_data_layer(sys.argv[1], "dashboard")
heavy = ("sqlalchemy", "alembic", "campdesk.store.models")
print("cards", len(first.todays), first.open_follow_ups, first.due_today)
print("imported", " ".join(sorted(m for m in sys.modules if m.startswith(heavy))))
"""


def test_the_first_step_of_the_start_reads_the_dashboard_without_sqlalchemy(staffed_ctx, tmp_path):
    import os
    import subprocess
    import sys
    _log(staffed_ctx, outcome="follow_up", due_on=today_seoul())
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run([sys.executable, "-c", FIRST_STEP, str(staffed_ctx.paths.home)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    said = dict(line.partition(" ")[::2] for line in proc.stdout.splitlines())
    assert said["cards"] == "1 1 1"
    assert said["imported"] == ""          # schema checked and dashboard read with sqlite3
