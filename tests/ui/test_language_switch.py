"""A language switch without a restart: what is open is retitled; and the consultation's
date is typed the way people type dates."""
from __future__ import annotations

from datetime import date, datetime, timezone

from PySide6.QtCore import Qt, QTime

from campdesk.domain.dates import SEOUL, today_seoul
from campdesk.services import consultations
from campdesk.ui.consultations.consultation_dialog import open_log_dialog
from qt_helpers import press

KOREAN_NAV = ["대시보드", "기업", "상담일지", "후속조치", "멘토링", "잡매칭", "입주공간", "대외협력",
              "보고서", "확인 필요"]
ENGLISH_NAV = ["Dashboard", "Companies", "Consultations", "Follow-ups", "Mentoring",
               "Job matching", "Spaces", "Outreach", "Reports", "Needs attention"]


def _nav(window) -> list[str]:
    return [window.nav.item(i).text() for i in range(window.nav.count())]


def _headers(model) -> list[str]:
    return [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]


def _form_labels(form) -> dict[str, str]:
    return {key: label.text() for key, label in form.labels.items()}


def test_switching_to_english_and_back_retitles_what_is_open(window, services, qtbot):
    consultations.log_consultation(services.ctx, {
        "caller_name": "김문의", "channel": "phone", "question": "입주 문의"})
    page = window.show_page("consultations")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1)
    dialog = open_log_dialog(services, window)
    korean_headers = _headers(page.model)
    assert korean_headers[:3] == ["일시", "기업 / 문의자", "경로"]
    assert _form_labels(dialog.form)["question"] == "상담 내용 *"
    assert page.count.text() == "1건"

    services.set_language("en")
    qtbot.waitUntil(lambda: _nav(window) == ENGLISH_NAV)
    assert window.page_title.text() == "Consultations"
    assert window.action("log_consultation").text() == "Log a consultation…"
    assert _headers(page.model)[:3] == ["When", "Company / caller", "Channel"]
    labels = _form_labels(dialog.form)
    assert (labels["company"], labels["question"], labels["outcome"]) == \
        ("Company *", "Question *", "Outcome")
    assert page.count.text() == "1 consultation"   # singular: not "1 consultations"
    assert not any("가" <= ch <= "힣" for ch in "".join(_headers(page.model)))

    services.set_language("ko")
    qtbot.waitUntil(lambda: _nav(window) == KOREAN_NAV)
    assert _headers(page.model) == korean_headers
    assert _form_labels(dialog.form)["question"] == "상담 내용 *"
    assert window.page_title.text() == "상담일지"
    assert page.count.text() == "1건"


def test_the_company_table_headers_follow_the_language(window, services, companies_made, qtbot):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert _headers(page.model)[:2] == ["기업명", "구분"]
    services.set_language("en")
    qtbot.waitUntil(lambda: _headers(page.model)[:2] == ["Company", "Relationship"])
    services.set_language("ko")
    qtbot.waitUntil(lambda: _headers(page.model)[:2] == ["기업명", "구분"])


def test_the_consultation_takes_a_date_typed_as_12_9_and_a_time(services, qtbot):
    dialog = open_log_dialog(services)
    form = dialog.form
    form.occurred_day.line.setText("12.9")
    form.occurred_time.setTime(QTime(14, 30))
    year = today_seoul().year
    expected = datetime(year, 12, 9, 14, 30, tzinfo=SEOUL).astimezone(timezone.utc)
    assert form.values()["occurred_at"] == expected
    assert form.occurred_day.text() == f"{year}. 12. 9."   # shown back the one way


def _walk_in_typed(services):
    """The consultation dialog with a caller and a question typed, ready to save."""
    dialog = open_log_dialog(services)
    dialog.form.unregistered.setChecked(True)
    dialog.form.caller_name.setText("김문의")
    dialog.form.question.setPlainText("입주 문의")
    return dialog


def test_a_date_that_cannot_be_read_is_said_not_saved_as_another(services, qtbot):
    dialog = _walk_in_typed(services)
    form = dialog.form
    form.occurred_day.line.setText("12.45")
    dialog.save()
    assert "날짜" in form.errors.general.text()
    assert form.more.isChecked()   # the folded row is opened to show where
    services.ops.wait()
    assert consultations.log_ids(services.ctx) == []


def test_a_due_date_that_cannot_be_read_is_said_not_saved_as_the_default(services, qtbot):
    dialog = _walk_in_typed(services)
    form = dialog.form
    form.outcome.set_code("follow_up")
    for typed in ("2026.12.310", "2026.2.30"):
        form.due.line.setText(typed)
        dialog.save()
        assert form.errors.message("due_on").startswith("기한 날짜를 읽을 수 없습니다")
        assert dialog.isVisible()
    services.ops.wait()
    assert consultations.log_ids(services.ctx) == []
    form.due.line.setText("2027.1.15")  # corrected: saved with that day
    dialog.save()
    services.ops.wait()
    [saved] = consultations.log_ids(services.ctx)
    assert consultations.get_consultation(services.ctx, saved).due_on == date(2027, 1, 15)


def test_every_missing_value_is_said_at_the_first_save(services, qtbot):
    dialog = open_log_dialog(services)
    form = dialog.form
    form.outcome.set_code("escalated")
    dialog.save()
    assert form.errors.message("company_id") and form.errors.message("question")
    assert form.errors.message("outcome")  # the senior consultant to escalate to


def test_the_when_row_tabs_from_the_duration_to_the_date_then_the_time(services, qtbot):
    dialog = open_log_dialog(services)
    qtbot.waitExposed(dialog)
    form = dialog.form
    form.more.setChecked(True)   # duration and time are behind "더 보기"
    form.duration.setFocus()
    qtbot.waitUntil(lambda: form.duration.hasFocus())
    press(qtbot, Qt.Key.Key_Tab)
    assert form.occurred_day.line.hasFocus()
    press(qtbot, Qt.Key.Key_Tab)
    assert form.occurred_time.hasFocus()


def _tab_titles(page) -> list[str]:
    return [page.tabs.tabText(i) for i in range(page.tabs.count())]


def test_pages_that_cannot_retitle_in_place_come_back_in_the_new_language(window, services,
                                                                          qtbot):
    jobs = window.show_page("jobs")
    assert _tab_titles(jobs) == ["구직자", "채용 공고", "매칭 현황"]
    mentoring = window.show_page("mentoring")
    services.set_language("en")
    try:
        qtbot.waitUntil(lambda: window.current_page() is not mentoring)
        shown = window.current_page()
        assert shown is window.pages["mentoring"] and window.page_title.text() == "Mentoring"
        assert not any("가" <= ch <= "힣" for ch in "".join(_tab_titles(shown)))
        jobs_now = window.show_page("jobs")
        assert jobs_now is not jobs
        assert _tab_titles(jobs_now) == ["Job seekers", "Openings", "Matches"]
    finally:
        services.set_language("ko")
    qtbot.waitUntil(lambda: _tab_titles(window.show_page("jobs"))[0] == "구직자")


def test_a_date_field_shows_its_date_the_new_languages_way(qtbot):
    from datetime import date

    from campdesk.ui.core import i18n
    from campdesk.ui.widgets.dates import DateEdit
    field = DateEdit(date(2026, 12, 9))
    qtbot.addWidget(field)
    assert field.text() == "2026. 12. 9."
    try:
        i18n.set_language("en")
        qtbot.waitUntil(lambda: field.text() == "2026-12-09")
        assert field.value() == date(2026, 12, 9)
    finally:
        i18n.set_language("ko")
    qtbot.waitUntil(lambda: field.text() == "2026. 12. 9.")
