"""Forms take no more than the hub can store, say so naming the field, and never cut a value
that was saved before the limits were checked."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from campdesk.services import companies
from qt_helpers import type_hangul


def _raw_update(ctx, sql: str, *params) -> None:
    """Write past every check, as data saved by an older CampDesk may be."""
    with ctx.db.transaction() as s:
        s.connection().exec_driver_sql(sql, params)


def test_the_company_form_stops_at_the_column_length_and_names_a_number_too_big(
        window, companies_made, qtbot):
    page = window.show_page("companies")
    page.select(companies_made["광주데이터랩"])
    form = page.detail.form
    qtbot.waitUntil(lambda: form.value("name") == "광주데이터랩")
    assert form.widgets["name"].maxLength() == 200
    assert form.widgets["address"].maxLength() == 400
    type_hangul(form.widgets["representative"], "가" * 250)   # typed or pasted: stops at 200
    assert form.value("representative") == "가" * 200
    field = form.widgets["employees"]
    field.setFocus()
    qtbot.keyClicks(field, "10000000000")
    qtbot.keyClick(field, Qt.Key.Key_Tab)                     # leaving the field checks it
    assert form.message("employees") == \
        "직원 수: 2,147,483,647 이하의 숫자여야 합니다 (입력: 10,000,000,000)."
    field.setText("inf")
    form.check("employees")
    assert "inf" in form.message("employees")


def test_a_name_saved_too_long_is_shown_whole_and_saving_says_what_to_shorten(
        window, companies_made, qtbot, services):
    company_id = companies_made["광주데이터랩"]
    _raw_update(services.ctx, "UPDATE companies SET name = ? WHERE id = ?", "광" * 250, company_id)
    page = window.show_page("companies")
    page.select(company_id)
    detail = page.detail
    qtbot.waitUntil(lambda: detail.form.value("name") == "광" * 250)   # not cut to 200
    detail.form.widgets["representative"].setText("김대표")
    detail.save()
    qtbot.waitUntil(lambda: "저장하지 못했습니다" in detail.status.text())
    assert detail.form.message("name") == "기업명: 200자 이하로 줄여 주세요 (지금 250자)."
    assert companies.get_company(services.ctx, company_id).values["name"] == "광" * 250
    detail.form.widgets["name"].setText("광주데이터랩")
    detail.save()
    qtbot.waitUntil(lambda: "저장했습니다" in detail.status.text())
    assert companies.get_company(services.ctx, company_id).values["representative"] == "김대표"
    assert detail.form.message("name") == ""


def test_new_company_dialog_names_a_field_too_long(window, qtbot, services):
    from campdesk.ui.companies.new_company_dialog import NewCompanyDialog
    from qt_helpers import find_dialog
    window.show_page("companies").new_company()
    dialog = find_dialog(qtbot, NewCompanyDialog)
    type_hangul(dialog.form.widgets["name"], "새기업")
    dialog.form.widgets["employees"].setText("3,000,000,000명")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.form.message("employees") != "")
    assert dialog.form.message("employees").startswith("직원 수: 2,147,483,647 이하")
    assert companies.list_companies(services.ctx) == []


def test_a_contact_field_too_long_is_named_and_the_typed_text_kept(window, companies_made, qtbot,
                                                                  services):
    company_id = companies_made["광주데이터랩"]
    companies.add_contact(services.ctx, company_id, "이담당", title="팀장")
    _raw_update(services.ctx, "UPDATE contacts SET title = ?", "직" * 230)
    page = window.show_page("companies")
    page.select(company_id)
    contacts = page.detail.contacts
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    assert contacts.inputs["name"].maxLength() == 200
    contacts.table.selectRow(0)
    assert contacts.inputs["title"].text() == "직" * 230           # shown whole
    contacts.save_button.click()
    qtbot.waitUntil(lambda: contacts.errors.message("title") != "")
    assert contacts.errors.message("title") == "직함: 200자 이하로 줄여 주세요 (지금 230자)."
    assert contacts.inputs["title"].text() == "직" * 230           # nothing typed is lost


def test_a_refusal_of_the_store_guard_is_shown_next_to_its_field(qtbot, korean, staffed_ctx):
    """A ValidationError that got past the services (the ORM guard's) is a field message,
    not an "unexpected error"."""
    from campdesk.domain.errors import ValidationError
    from campdesk.services.records import edit_record
    from campdesk.store.models import Company
    from campdesk.ui.companies.company_form import CompanyForm
    from campdesk.ui.core.ops import describe
    from campdesk.ui.widgets.errors import show_failure
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    with pytest.raises(ValidationError) as caught:
        edit_record(staffed_ctx, Company, company_id, {"name": "빛" * 201, "employees": 2 ** 31})
    assert describe(caught.value) == "기업명: 200자 이하로 줄여 주세요 (지금 201자)."
    form = CompanyForm()
    qtbot.addWidget(form)
    show_failure(form, caught.value)
    assert form.message("name") == "기업명: 200자 이하로 줄여 주세요 (지금 201자)."
    assert form.message("employees").startswith("직원 수: 2,147,483,647 이하")
    assert form.errors.general.isHidden()


def test_space_dialog_shows_saved_values_whole_and_names_what_is_too_long(qtbot, korean,
                                                                         staffed_ctx):
    from campdesk.services import spaces
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.spaces.dialogs import SpaceDialog
    space_id = spaces.create_space(staffed_ctx, {"floor": 3, "name": "301호", "capacity": 4})
    _raw_update(staffed_ctx, "UPDATE spaces SET name = ?, capacity = 800, floor = 120",
                "방" * 210)
    app = AppServices(staffed_ctx)
    try:
        dialog = SpaceDialog(app, spaces.get_space(staffed_ctx, space_id), 3, [])
        qtbot.addWidget(dialog)
        dialog.show()
        assert (dialog.name.text(), dialog.capacity.value(), dialog.floor.value()) == \
            ("방" * 210, 800, 120)                                   # not cut nor clamped
        dialog._save()
        qtbot.waitUntil(lambda: dialog.error.isVisible())
        assert dialog.error.text() == "공간명: 200자 이하로 줄여 주세요 (지금 210자)."
        assert spaces.get_space(staffed_ctx, space_id).name == "방" * 210
    finally:
        app.shutdown()
