"""The 멘토링 and 잡매칭 pages and the consultation dialog's suggested mentors, driven as staff
would: what they see after each step."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication

from campdesk.domain.dates import today_seoul
from campdesk.services import jobs, mentoring


def _type(widget, text):
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def test_pool_search_with_choseong_and_filters(window, pool, qtbot):
    page = window.show_page("mentoring")
    view = page.pool
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    _type(view.search, "ㄱㄱㅅ")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1)
    assert view.model.index(0, 0).data() == "김기술"
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    view.field.set_code("management")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2)
    assert "2 / 전체 4명" == view.count.text()


def test_profile_edit_shows_the_error_next_to_the_field_then_saves_with_history(window, pool, qtbot):
    page = window.show_page("mentoring")
    view = page.pool
    qtbot.waitUntil(lambda: view.model.rowCount() == 4)
    row = view.model.index_of(pool["mentors"]["tech"])
    view.table.selectRow(row)
    profile = view.profile
    qtbot.waitUntil(lambda: profile.isEnabled() and profile.title.text() == "김기술")
    profile.form.widgets["email"].setText("kim@")
    profile.save()
    qtbot.waitUntil(lambda: bool(profile.errors.message("email")))
    assert "이메일" in profile.errors.message("email")
    profile.form.widgets["email"].setText("kim@gist.example.kr")
    profile.form.widgets["fields"].boxes["finance"].setChecked(True)
    profile.save()
    qtbot.waitUntil(lambda: profile.history.count() == 2)
    texts = [profile.history.item(i).text() for i in range(2)]
    assert any("멘토링 분야: tech → tech,finance" in x for x in texts)


def test_programme_pairs_logs_a_session_and_warns_over_allocation(window, pool, qtbot):
    ctx = pool["ctx"]
    page = window.show_page("mentoring")
    page.tabs.setCurrentIndex(1)
    view = page.programme
    qtbot.waitUntil(lambda: view.programme.count() == 1 and bool(view.company_rows) and bool(view.mentor_rows))
    dialog = view.pair()
    form = dialog.form
    form.widgets["company_id"].set_company(next(r for r in view.company_rows if r.name == "빛고을AI"))
    form.set_values({"mentor_id": pool["mentors"]["finance"], "hours_allocated": "abc"})
    dialog.submit()
    qtbot.waitUntil(lambda: bool(form.errors.message("hours_allocated")))
    form.widgets["hours_allocated"].setText("2")
    dialog.submit()
    qtbot.waitUntil(lambda: view.pairings.rowCount() == 1)
    view.pairing_table.selectRow(0)
    qtbot.waitUntil(lambda: view.actions["session"].isEnabled())
    dialog = view.log_session()
    today = today_seoul()  # shown as the rest of the app shows days, not 2026-04-07
    assert dialog.form.widgets["held_on"].text() == f"{today.year}. {today.month}. {today.day}."
    dialog.form.set_values({"held_on": "2026-04-07", "hours": "3", "topic": "IR 자료 점검",
                            "content": "IR 자료 검토"})
    dialog.submit()
    qtbot.waitUntil(lambda: view.sessions.rowCount() == 1)
    qtbot.waitUntil(lambda: view.pairings.row(0).hours_used == 3)
    assert "배정 시간 초과" in view.pairings.index(0, 7).data()
    assert view.pairings.data(view.pairings.index(0, 0), Qt.ItemDataRole.ForegroundRole) is not None
    assert mentoring.list_sessions(ctx, view.pairings.row(0).id)[0].topic == "IR 자료 점검"


def test_jobs_page_never_suggests_a_seeker_without_consent(window, pool, qtbot):
    ctx = pool["ctx"]
    company = pool["companies"][0]
    jobs.post_opening(ctx, company, {"role": "AI 엔지니어", "skills": "Python, PyTorch"})
    jobs.create_seeker(ctx, {"name": "김동의", "skills": "Python", "consent": True})
    jobs.create_seeker(ctx, {"name": "이비동의", "skills": "Python, PyTorch", "desired_role": "AI 엔지니어"})
    page = window.show_page("jobs")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.openings.model.rowCount() == 1 and page.openings.side.count() >= 1)
    shown = [page.openings.side.item(i).text() for i in range(page.openings.side.count())]
    assert len(shown) == 1 and shown[0].startswith("김동의")
    assert not page.openings.side_button.isEnabled()  # nobody chosen yet
    page.openings.side.setCurrentRow(0)
    assert page.openings.side_button.isEnabled()
    page.openings.side_button.click()
    qtbot.waitUntil(lambda: page.matches.model.rowCount() == 1)
    assert page.matches.model.index(0, 4).data() == "소개"


def test_jobs_page_no_fit_is_said_and_cannot_be_introduced(window, pool, qtbot):
    jobs.post_opening(pool["ctx"], pool["companies"][0], {"role": "회계 담당", "skills": "COBOL"})
    page = window.show_page("jobs")
    page.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: page.openings.model.rowCount() == 1 and page.openings.side.count() == 1)
    line = page.openings.side.item(0)
    assert line.text() == "맞는 구직자(동의한 사람)가 없습니다."
    page.openings.side.setCurrentRow(0)  # a click on the line chooses nothing
    assert page.openings.chosen() is None and not page.openings.side_button.isEnabled()


def test_the_consultation_dialog_suggests_mentors_when_referring(window, pool, qtbot):
    from campdesk.ui.consultations.consultation_dialog import ConsultationDialog
    dialog = ConsultationDialog(window.app, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.mentors.isHidden()
    dialog.form.difficulty.setText("시리즈A 투자 유치를 위한 IR 자료 작성이 어렵습니다.")
    dialog.form.outcome.set_code("mentor_link")
    qtbot.waitUntil(lambda: "박투자" in dialog.mentors.text(), timeout=10000)
    assert dialog.mentors.isVisible()
    assert dialog.mentors.text().splitlines()[1].startswith("1. 박투자")
    dialog.form.outcome.set_code("resolved")
    qtbot.waitUntil(dialog.mentors.isHidden)


def test_a_session_is_corrected_from_the_programme_screen(window, pool, qtbot):
    ctx = pool["ctx"]
    pairing = mentoring.pair(ctx, pool["programme"], pool["companies"][1], pool["mentors"]["tech"], 10)
    mentoring.record_session(ctx, pairing, {"held_on": "2026-04-08", "hours": 1, "topic": "경량화"})
    page = window.show_page("mentoring")
    page.tabs.setCurrentIndex(1)
    view = page.programme
    qtbot.waitUntil(lambda: view.pairings.rowCount() == 1)
    view.pairing_table.selectRow(0)
    qtbot.waitUntil(lambda: view.sessions.rowCount() == 1)
    view.session_table.selectRow(0)
    dialog = view.edit_session()
    assert dialog.form.values()["hours"] == "1"
    dialog.form.set_values({"hours": "1.5"})
    dialog.submit()
    qtbot.waitUntil(lambda: view.sessions.rowCount() == 1 and view.sessions.row(0).hours == 1.5)
    assert view.pairings.row(0).hours_used == 1.5
