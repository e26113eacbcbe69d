"""The domain's names (choices, field labels, messages) come from the catalog in English,
while what is stored and exported stays Korean."""
import csv
import re
from datetime import date

import pytest

from campdesk import i18n
from campdesk.domain import choices as C
from campdesk.domain import outreach as O
from campdesk.domain.company_rules import clean_company
from campdesk.domain.dates import format_date, format_date_long, parse_month
from campdesk.domain.errors import ValidationError
from campdesk.domain.events import concert_plan
from campdesk.domain.field_labels import field_label
from campdesk.domain.labels import Label
from campdesk.domain.validation import parse_phone
from campdesk.services import companies
from campdesk.services.exporter import export
from campdesk.services.outreach.events import list_events, schedule_concerts
from campdesk.store.models import Event

HANGUL = re.compile(r"[가-힣]")
VOCABULARIES = [v for v in (*vars(C).values(), *vars(O).values()) if isinstance(v, C.Vocabulary)]


def test_labels_follow_the_language_and_come_back_to_korean(english):
    assert C.RELATIONSHIP.label("tenant") == "Camp tenant"
    assert C.CHANNEL.get("walk_in").label() == "Walk-in"
    i18n.set_language("ko")
    assert C.RELATIONSHIP.label("tenant") == "입주기업"
    assert C.RELATIONSHIP.label("tenant", "en") == "Camp tenant"   # asked for, whatever the UI


def test_one_korean_word_keeps_its_english_in_each_vocabulary(english):
    # 진행 중 is "Active" for a mentoring, "Running" for a programme; 대면 a walk-in or in person.
    assert (C.MENTORING_STATUS.label("active"), C.PROGRAMME_STATUS.label("active")) == ("Active", "Running")
    assert (C.CHANNEL.label("walk_in"), C.SESSION_MODE.label("offline")) == ("Walk-in", "In person")
    assert (C.ASSIGNMENT_STATUS.label("ended"), C.PROGRAMME_STATUS.label("closed")) == ("Ended", "Closed")


def test_every_choice_has_its_english_in_the_catalog(english):
    missing = [(v.name, c.ko) for v in VOCABULARIES for c in v if HANGUL.search(c.label())]
    assert not missing


@pytest.mark.parametrize("language", ["ko", "en"])
def test_parsing_takes_korean_english_and_aliases_in_either_language(language):
    i18n.set_language(language)
    try:
        for text in ("입주기업", "Camp tenant", "camp  TENANT", "입주사", "tenant"):
            assert C.RELATIONSHIP.parse(text).code == "tenant", text
        assert C.MENTOR_FIELD.parse("재무/투자").code == "finance"
        assert O.SUPPORT_KIND.parse("Commercialisation funding").code == "funding"
        assert C.RELATIONSHIP.parse("아무거나") is None
    finally:
        i18n.set_language("ko")


def test_a_label_still_unpacks_as_a_korean_english_pair():
    ko, en = field_label("companies", "name")
    assert (ko, en) == ("기업명", "Company")
    assert field_label("companies", "name")[0] == "기업명"
    assert isinstance(field_label("companies", "name"), Label)
    assert tuple(field_label("companies", "no_such_column")) == ("no_such_column", "no_such_column")


def test_export_stays_korean_when_the_ui_is_english(staffed_ctx, tmp_path, english):
    companies.create_company(staffed_ctx, {"name": "빛고을AI", "relationship": "tenant",
                                           "gwangju_presence": "Head office", "ai_fields": "vision,nlp"})
    out = tmp_path / "companies.csv"
    export(staffed_ctx, "companies", out)
    header, row = list(csv.reader(out.read_text(encoding="utf-8-sig").splitlines()))[:2]
    shown = dict(zip(header, row))
    assert shown["구분"] == "입주기업"
    assert shown["광주 소재"] == "본사"
    assert shown["AI 분야"] == "컴퓨터 비전, 자연어 처리"


def test_field_labels_and_their_english(english):
    assert field_label("companies", "employees").label() == "Employees"
    assert field_label("job_matches", "job_seeker_id").label() == "Job seeker"
    assert field_label("public_calls", "fields").label() == "Fields"
    assert field_label("consultations", "category").label() == "Category"
    assert field_label("companies", "employees").label("ko") == "직원 수"
    assert str(field_label("companies", "name")) == "Company"


def test_validation_messages_follow_the_language(english):
    with pytest.raises(ValidationError) as err:
        parse_phone("123")
    assert str(err.value).startswith("This is not a valid Korean phone number (got: 123)")
    values, errors = clean_company({"name": "", "relationship": "거래처"}, creating=True)
    shown = {e.field: str(e) for e in errors}
    assert shown["relationship"] == ("Unknown value '거래처'. Use one of: Inquirer, Relocation prospect, "
                                     "MOU company, Camp tenant, Alumni")
    assert shown["name"] == "Please enter the company name."
    i18n.set_language("ko")
    _, errors = clean_company({"name": ""}, creating=True)
    assert str(errors[0]) == "기업명을 입력해 주세요."


def test_dates_read_in_each_language(english):
    assert format_date(date(2026, 3, 5)) == "2026-03-05"
    assert format_date(date(2026, 3, 5), "ko") == "2026. 3. 5."
    assert format_date_long(date(2026, 3, 5)) == "March 5, 2026"
    with pytest.raises(ValidationError, match=r"Give the month as YYYY-MM \(got: 3월\)"):
        parse_month("3월")
    i18n.set_language("ko")
    assert format_date(date(2026, 3, 5)) == "2026. 3. 5."
    assert format_date_long(date(2026, 3, 5)) == "2026년 3월 5일"


def test_a_moved_concert_says_why_in_english_but_stores_it_in_korean(staffed_ctx, english):
    plan = concert_plan(2026, 12)
    assert plan.reason == "Eve of Christmas Day"
    assert plan.reason_in("ko") == "기독탄신일 전날"
    schedule_concerts(staffed_ctx, 2026)
    december = next(e for e in list_events(staffed_ctx, 2026) if e.held_on.month == 12)
    with staffed_ctx.db.reading() as s:
        stored = s.get(Event, december.id).description
    assert stored == "정기일(2026. 12. 24.) 기독탄신일 전날로 옮김"
