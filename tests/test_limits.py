"""What the hub can store is checked at the door: limits read from the models, messages that
name the field, and an ORM guard no write can get past."""
from __future__ import annotations

import json
import os
import sqlite3
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import BigInteger, Column, Integer, SmallInteger, String, select

from campdesk.domain.errors import ValidationError
from campdesk.i18n import set_language
from campdesk.store.limits import (
    INT32, INT64, clean_text, int_range, limit_of, max_length, row_problems,
)
from campdesk.store.models import Company, Contact, Space

MAX4, MIN4 = INT32[1], INT32[0]


def _fields(table, values):
    return [p.field for p in row_problems(table, values)]


# --- row_problems at the edge of every kind of column ----------------------------------------

@pytest.mark.parametrize("table, column, fits, too_much", [
    ("companies", "name", "가" * 200, "가" * 201),                 # String(200)
    ("companies", "business_no", "1" * 12, "1" * 13),              # String(12)
    ("companies", "address", "a" * 400, "a" * 401),                # String(400)
    ("contacts", "phone", "0" * 40, "0" * 41),                     # String(40)
    ("companies", "employees", MAX4, MAX4 + 1),                    # Integer
    ("companies", "employees", MIN4, MIN4 - 1),
    ("spaces", "floor", float(MAX4), float(MAX4) + 1),             # an integral float
    ("spaces", "capacity", str(MAX4), str(MAX4 + 1)),              # as SQLite may hold it
    ("spaces", "area_m2", 1.7976931348623157e308, float("inf")),   # Float
    ("spaces", "area_m2", -1e308, float("-inf")),
    ("spaces", "plan_x", 0.0, float("nan")),
    ("companies", "notes", "줄\t바꿈\r\n" + "가" * 100_000, "a\x00b"),  # Text: no NUL
    ("companies", "name", "😀" * 200, "a\ud800b"),                 # characters, not UTF-16 units
    ("companies", "founded_on", date(9999, 12, 31), "2026-02-30"),  # Date
    ("companies", "mou_date", "2024-02-29", "2023-02-29"),
    ("companies", "mou_date", datetime(2026, 3, 5, 9), "지난주"),
    ("consultations", "occurred_at", datetime(2026, 3, 5, tzinfo=timezone.utc), "어제"),
    ("consultations", "occurred_at", "2026-03-05 09:00:00.000000", "2026-13-05 09:00:00"),
    ("contacts", "is_primary", 1, 2),                              # Boolean
    ("contacts", "is_primary", False, "yes"),
])
def test_exactly_the_limit_passes_and_one_more_fails(table, column, fits, too_much):
    assert row_problems(table, {column: fits}) == []
    assert _fields(table, {column: too_much}) == [column]


def test_big_and_small_integers_have_their_own_ranges():
    big = limit_of(Column("n", BigInteger))
    assert big.problem(INT64[1]) is None and big.problem(INT64[0]) is None
    assert big.problem(INT64[1] + 1) is not None and big.problem(INT64[0] - 1) is not None
    small = limit_of(Column("n", SmallInteger))
    assert small.problem(32767) is None and small.problem(32768) is not None
    assert limit_of(Column("n", Integer)).bounds == INT32
    assert limit_of(Column("s", String(7))).length == 7


def test_messages_name_the_field_in_korean_and_say_what_to_fix():
    name, employees = row_problems("companies", {"name": "가" * 312, "employees": 10_000_000_000})
    assert (name.field, employees.field) == ("name", "employees")
    assert name.ko == "기업명: 200자 이하로 줄여 주세요 (지금 312자)."
    assert employees.ko == "직원 수: 2,147,483,647 이하의 숫자여야 합니다 (입력: 10,000,000,000)."
    huge, = row_problems("companies", {"employees": 10 ** 400})
    assert "2,147,483,647 이하" in huge.ko and len(huge.ko) < 80  # not 400 digits
    nul, = row_problems("contacts", {"title": "팀\x00장"})
    assert nul.ko.startswith("직함: ") and "NUL" in nul.ko


def test_messages_are_in_english_once_the_language_is_english():
    set_language("en")
    try:
        name, = row_problems("companies", {"name": "가" * 312})
        assert str(name) == "Company: shorten it to 200 characters or fewer (now 312)."
        when, = row_problems("companies", {"founded_on": "2026-02-30"})
        assert str(when).endswith("not a real date (got: 2026-02-30). Example: 2026-03-05")
    finally:
        set_language("ko")


def test_none_unknown_columns_and_tables_the_hub_does_not_keep_are_left_alone():
    assert row_problems("companies", {"name": None, "no_such_column": "x" * 999}) == []
    assert row_problems("sync_outbox", {"tbl": "x" * 999}) == []
    assert row_problems("no_such_table", {"name": "x" * 999}) == []


def test_limits_for_forms():
    assert max_length("companies", "name") == 200
    assert max_length("companies", "notes") is None  # Text
    assert max_length("companies", "employees") is None
    assert int_range("companies", "employees") == INT32
    assert int_range("companies", "name") is None
    assert max_length("sync_outbox", "tbl") is None  # not synced: no hub limit


def test_every_business_column_has_a_korean_label():
    """A message about any stored field names it as staff know it (sync's own conflict
    records may fall back to the column's name)."""
    from campdesk.domain.field_labels import field_label
    from campdesk.store.models import EXPORTABLE
    for model in EXPORTABLE:
        for column in model.__table__.columns:
            ko, en = field_label(model.__tablename__, column.name)
            assert ko != column.name and en, (model.__tablename__, column.name)


@pytest.mark.parametrize("dirty, clean", [
    ("김\x00민서", "김민서"),
    ("a\x01\x02\x03\x04\x05\x06\x07\x08b", "ab"),
    ("\x0b\x0c\x0e\x1f\x7f", ""),
    ("탭\t줄\n바꿈\r", "탭\t줄\n바꿈\r"),       # tab, newline and carriage return stay
    ("a\ud800b\udfffc", "abc"),                # lone surrogates go
    ("\ud83d\ude00", "😀"),                     # a pair split in two is put back together
    ("\x80\u200b한글 😀", "\x80\u200b한글 😀"),  # only C0, DEL and surrogates are touched
])
def test_clean_text(dirty, clean):
    assert clean_text(dirty) == clean


# --- the hub agrees ---------------------------------------------------------------------------

@pytest.mark.hub
@pytest.mark.parametrize("table, column, fits, too_much", [
    ("companies", "name", "가" * 200, "가" * 201),
    ("companies", "business_no", "1" * 12, "1" * 13),
    ("companies", "employees", MAX4, MAX4 + 1),
    ("companies", "employees", MIN4, MIN4 - 1),
    ("companies", "notes", "a\tb", "a\x00b"),
    ("companies", "founded_on", "2024-02-29", "2023-02-29"),
    ("spaces", "area_m2", 1e308, float("inf")),
])
def test_postgresql_refuses_exactly_what_row_problems_names(table, column, fits, too_much):
    """A value goes to the hub as SQLite's json_object writes it, and into a table made from
    the same metadata as the hub's: what row_problems passes, PostgreSQL takes."""
    psycopg = pytest.importorskip("psycopg")
    from campdesk.sync.hub_tables import create_table_sql
    url = os.environ.get("CAMPDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
    try:
        conn = psycopg.connect(url, connect_timeout=3)
    except psycopg.OperationalError as exc:
        if os.environ.get("CI") == "true" or os.environ.get("CAMPDESK_REQUIRE_HUB") == "1":
            pytest.fail(f"PostgreSQL is required for the hub tests: {exc}")
        pytest.skip(f"no PostgreSQL at {url}: {exc}")
    local = sqlite3.connect(":memory:")
    with conn:
        conn.execute(create_table_sql(table)[0].replace("CREATE TABLE IF NOT EXISTS",
                                                        "CREATE TEMP TABLE"))
        for value, ok in ((fits, True), (too_much, False)):
            patch = local.execute("SELECT json_object(?, ?)", (column, value)).fetchone()[0]
            assert (row_problems(table, {column: value}) == []) is ok
            try:
                with conn.transaction():
                    conn.execute(f'SELECT * FROM json_populate_record(NULL::"{table}", %s::json)',
                                 (patch,)).fetchall()
                taken = True
            except psycopg.Error:
                taken = False
            assert taken is ok, (column, json.dumps(value)[:40])
    conn.close()


# --- the last line of defence: every ORM flush --------------------------------------------------

def test_the_guard_refuses_a_value_the_hub_cannot_store_and_nothing_is_written(staffed_ctx):
    with pytest.raises(ValidationError) as caught:
        with staffed_ctx.db.transaction() as s:
            s.add(Company(name="가" * 201, employees=5))
    assert caught.value.field == "name"
    assert caught.value.ko == "기업명: 200자 이하로 줄여 주세요 (지금 201자)."
    with staffed_ctx.db.reading() as s:
        assert s.scalar(select(Company.id)) is None


def test_the_guard_refuses_through_a_service_that_checks_nothing_itself(staffed_ctx):
    from campdesk.services import companies
    from campdesk.services.records import edit_record
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    with pytest.raises(ValidationError) as caught:
        edit_record(staffed_ctx, Company, company_id, {"name": "빛" * 201})
    assert caught.value.field == "name" and caught.value.ko.startswith("기업명: 200자 이하로")
    with pytest.raises(ValidationError) as caught:
        edit_record(staffed_ctx, Company, company_id, {"employees": 10_000_000_000})
    assert caught.value.field == "employees"
    assert companies.get_company(staffed_ctx, company_id).values["name"] == "빛고을AI"


def test_the_company_services_refuse_at_the_door_naming_the_field(staffed_ctx):
    from campdesk.services import companies
    from campdesk.services.errors import FormErrors
    with pytest.raises(FormErrors) as caught:
        companies.create_company(staffed_ctx, {"name": "가" * 201, "employees": "10,000,000,000"})
    assert set(caught.value.by_field()) == {"name", "employees"}
    assert caught.value.by_field()["name"].ko == "기업명: 200자 이하로 줄여 주세요 (지금 201자)."
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    with pytest.raises(FormErrors) as caught:
        companies.update_company(staffed_ctx, company_id, {"address": "광주" * 201})
    assert list(caught.value.by_field()) == ["address"]


def test_the_guard_cleans_control_characters_of_new_and_changed_rows(staffed_ctx):
    from campdesk.services.records import edit_record
    with staffed_ctx.db.transaction() as s:
        s.add(Company(id="c1", name="빛고을\x00AI", notes="첫 줄\n\x7f둘째\t줄"))
    edit_record(staffed_ctx, Company, "c1", {"representative": "김\x01민서\ud800"})
    with staffed_ctx.db.reading() as s:
        company = s.get(Company, "c1")
        assert (company.name, company.notes, company.representative) == \
            ("빛고을AI", "첫 줄\n둘째\t줄", "김민서")


def test_services_clean_what_people_type_before_checking_it(staffed_ctx):
    from campdesk.services import companies
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을\x00AI",
                                                        "representative": "김\x01민서"})
    values = companies.get_company(staffed_ctx, company_id).values
    assert (values["name"], values["representative"]) == ("빛고을AI", "김민서")
    assert companies.find_duplicates(staffed_ctx, "빛고을AI")  # matched by the clean name
    contact_id = companies.add_contact(staffed_ctx, company_id, "이\x00준호", title="팀\x1b장")
    companies.update_contact(staffed_ctx, contact_id, "이준호\x00", title="팀장\ud800")
    with staffed_ctx.db.reading() as s:
        contact = s.get(Contact, contact_id)
        assert (contact.name, contact.title) == ("이준호", "팀장")


def test_a_value_already_stored_does_not_block_an_edit_of_another_field(staffed_ctx):
    """Only what a write changes is checked: a long name stored before the guard existed
    does not stop a phone number from being corrected (nor is it cut)."""
    from campdesk.services.records import edit_record
    with staffed_ctx.db.transaction() as s:
        s.add(Space(id="s1", floor=3, name="301호"))
    with staffed_ctx.db.transaction() as s:
        s.connection().exec_driver_sql("UPDATE spaces SET name = ? WHERE id = 's1'", ("방" * 250,))
    edit_record(staffed_ctx, Space, "s1", {"capacity": 4})
    with staffed_ctx.db.reading() as s:
        space = s.get(Space, "s1")
        assert (space.capacity, len(space.name)) == (4, 250)
    with pytest.raises(ValidationError):
        edit_record(staffed_ctx, Space, "s1", {"name": "방" * 201})


def test_the_guard_is_installed_once_for_every_session():
    from sqlalchemy import event
    from sqlalchemy.orm import Session

    from campdesk.store import limits
    limits.install_guard()
    limits.install_guard()
    assert event.contains(Session, "before_flush", limits._before_flush)
