"""The company register: search by initial consonants, validation next to the field,
the duplicate warning when registering a company that exists."""
from __future__ import annotations

from PySide6.QtCore import Qt

from campdesk.services import companies
from campdesk.ui.companies.new_company_dialog import NewCompanyDialog
from qt_helpers import compose_hangul, find_dialog, gone, press, type_hangul


def _shown_names(page) -> list[str]:
    return sorted(page.proxy.index(r, 0).data() for r in range(page.proxy.rowCount()))


def _companies_page(window, qtbot, count=3):
    page = window.show_page("companies")
    qtbot.waitUntil(lambda: page.model.rowCount() == count)
    return page


def test_find_a_company_by_initial_consonants(window, companies_made, qtbot):
    page = _companies_page(window, qtbot)
    press(qtbot, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    type_hangul(page.search, "ㄱㅈ")
    assert _shown_names(page) == ["광주데이터랩", "광주인공지능(주)"]
    assert "2 / 전체 3개 기업" in page.count.text()

    page.search.clear()
    type_hangul(page.search, "광ㅈㅇ")              # syllable, then initials
    assert _shown_names(page) == ["광주인공지능(주)"]

    page.search.clear()
    compose_hangul(page.search, "과")               # 광 still being typed
    assert _shown_names(page) == ["광주데이터랩", "광주인공지능(주)"]

    page.search.clear()
    compose_hangul(page.search, "")
    type_hangul(page.search, "12481")              # business number without hyphens
    assert _shown_names(page) == ["광주인공지능(주)"]


def test_filters_by_relationship_and_open_follow_ups(window, companies_made, qtbot, services):
    from campdesk.services import consultations
    page = _companies_page(window, qtbot)
    page.relationship.set_code("tenant")
    assert _shown_names(page) == ["광주데이터랩"]
    page.relationship.set_code(None)
    consultations.log_consultation(services.ctx, {
        "channel": "phone", "question": "q", "outcome": "follow_up", "due_on": "2026-12-01",
        "company_id": companies_made["빛고을로보틱스"]})
    services.bus.changed("consultations")
    qtbot.waitUntil(lambda: any(r.open_follow_ups for r in page.model.rows))
    page.open_only.setChecked(True)
    assert _shown_names(page) == ["빛고을로보틱스"]


def test_wrong_business_number_shows_a_message_next_to_the_field(window, companies_made, qtbot,
                                                                 services):
    page = _companies_page(window, qtbot)
    page.select(companies_made["광주데이터랩"])
    detail = page.detail
    qtbot.waitUntil(lambda: detail.form.value("name") == "광주데이터랩")
    field = detail.form.widgets["business_no"]
    field.setFocus()
    qtbot.keyClicks(field, "123-45-67890")
    qtbot.keyClick(field, Qt.Key.Key_Tab)            # leaving the field checks it
    message = detail.form.message("business_no")
    assert "검증번호" in message and "123-45-67890" in message

    detail.save()                                    # and saving refuses it
    qtbot.waitUntil(lambda: "저장하지 못했습니다" in detail.status.text())
    assert companies.get_company(services.ctx, companies_made["광주데이터랩"]).values["business_no"] is None

    field.setText("124-81-00998")  # a valid number saves (it is another company's: allowed)
    detail.form.widgets["representative"].setText("김대표")
    detail.save()
    qtbot.waitUntil(lambda: companies.get_company(
        services.ctx, companies_made["광주데이터랩"]).values["representative"] == "김대표")
    qtbot.waitUntil(lambda: detail.form.message("business_no") == "")  # cleared once saved


def test_registering_an_existing_company_warns_and_offers_it(window, companies_made, qtbot,
                                                             services):
    page = _companies_page(window, qtbot)
    press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = find_dialog(qtbot, NewCompanyDialog)
    type_hangul(dialog.form.widgets["name"], "주식회사 광주인공지능")   # same company, other spelling
    dialog.save()
    qtbot.waitUntil(lambda: dialog.duplicates.isVisible())
    assert "광주인공지능(주)" in dialog.duplicates.text.text()
    assert "124-81-00998" in dialog.duplicates.text.text()
    dialog.duplicates.open_button.click()

    qtbot.waitUntil(lambda: gone(dialog))
    qtbot.waitUntil(lambda: page.detail.company_id == companies_made["광주인공지능(주)"])
    assert len(companies.list_companies(services.ctx)) == 3


def test_registering_anyway_creates_a_second_record(window, companies_made, qtbot, services):
    page = _companies_page(window, qtbot)
    page.new_company()
    dialog = find_dialog(qtbot, NewCompanyDialog)
    dialog.form.widgets["business_no"].setText("1248100998")
    type_hangul(dialog.form.widgets["name"], "광주AI연구소")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.duplicates.isVisible())
    dialog.duplicates.anyway_button.click()
    qtbot.waitUntil(lambda: len(companies.list_companies(services.ctx)) == 4)
    qtbot.waitUntil(lambda: page.model.rowCount() == 4)


def test_new_company_with_a_wrong_number_is_refused_with_the_reason(window, qtbot, services):
    page = window.show_page("companies")
    page.new_company()
    dialog = find_dialog(qtbot, NewCompanyDialog)
    type_hangul(dialog.form.widgets["name"], "새기업")
    dialog.form.widgets["business_no"].setText("12345")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.form.message("business_no") != "")
    assert "10자리" in dialog.form.message("business_no")
    assert companies.list_companies(services.ctx) == []


def test_contacts_are_added_with_validation(window, companies_made, qtbot, services):
    page = _companies_page(window, qtbot)
    page.select(companies_made["광주데이터랩"])
    contacts = page.detail.contacts
    qtbot.waitUntil(lambda: contacts.company_id == companies_made["광주데이터랩"])
    type_hangul(contacts.inputs["name"], "이담당")
    contacts.inputs["phone"].setText("12345")
    contacts.add_button.click()
    qtbot.waitUntil(lambda: contacts.errors.message("phone") != "")
    assert "전화번호 형식" in contacts.errors.message("phone")
    contacts.inputs["phone"].setText("062 123 4567")
    contacts.add_button.click()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 1)
    assert contacts.model.index(0, 2).data() == "062-123-4567"
    assert contacts.errors.message("phone") == ""


def test_other_features_add_tabs_to_the_company_detail(window, companies_made, qtbot):
    from PySide6.QtWidgets import QLabel
    from campdesk.ui.companies import company_detail
    before = list(company_detail.DETAIL_TABS)
    company_detail.register_tab("시험 탭", lambda app, cid: QLabel(cid))
    last = 3 + len(before)  # profile, contacts, history, then the registered tabs
    try:
        page = _companies_page(window, qtbot)
        page.select(companies_made["광주데이터랩"])
        tabs = page.detail.tabs
        qtbot.waitUntil(lambda: tabs.count() == last + 1)
        assert tabs.tabText(last) == "시험 탭"
        assert tabs.widget(last).text() == companies_made["광주데이터랩"]
    finally:
        company_detail.DETAIL_TABS[:] = before


def test_a_contact_is_corrected_and_made_the_main_contact(window, companies_made, qtbot,
                                                          services):
    cid = companies_made["광주데이터랩"]
    first = companies.add_contact(services.ctx, cid, "김첫째", phone="062-111-2222",
                                  is_primary=True)
    second = companies.add_contact(services.ctx, cid, "박둘째", email="park@example.com")
    page = _companies_page(window, qtbot)
    page.select(cid)
    contacts = page.detail.contacts
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2)
    contacts.table.selectRow(contacts.model.index_of(second))
    assert contacts.inputs["email"].text() == "park@example.com"  # loaded for correcting
    contacts.inputs["phone"].setText("010 1234 5678")
    contacts.inputs["email"].setText("park@@example")
    contacts.save_button.click()
    qtbot.waitUntil(lambda: contacts.errors.message("email") != "")
    contacts.inputs["email"].setText("park@example.kr")
    contacts.save_button.click()
    qtbot.waitUntil(lambda: contacts.model.rowCount() == 2 and any(
        r.phone == "010-1234-5678" for r in contacts.model.rows))
    contacts.table.selectRow(contacts.model.index_of(second))
    contacts.primary_button.click()
    qtbot.waitUntil(lambda: any(r.id == second and r.is_primary for r in contacts.model.rows))
    rows = {r.id: r for r in contacts.model.rows}
    assert not rows[first].is_primary and rows[second].email == "park@example.kr"
    assert contacts.model.index(contacts.model.index_of(second), 0).data() == "박둘째 ★"
