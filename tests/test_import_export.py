"""Real spreadsheets go in; Excel-friendly files come out."""
import csv
from datetime import datetime

import pytest
from openpyxl import Workbook, load_workbook

from campdesk.services import companies
from campdesk.services.errors import UserError
from campdesk.services.exporter import export
from campdesk.services.importer import import_companies

MESSY_ROWS = [
    ["2026년 MOU 기업 현황 (AI창업캠프)", "", "", "", "", ""],
    ["", "", "", "", "", ""],
    [" 회사명 ", "사업자 번호", "대표자명", "연락처", "E-mail", "구분"],
    ["주식회사 빛고을AI", "124-81-00998", "김민서", "062)123-4567", "ceo@bitgoeul.ai", "MOU"],
    ["무등데이터", "1248100999", "이준호", "010-1234-5678", "", "입주"],       # bad check digit
    ["", "220-81-62517", "박지현", "", "", ""],                               # no name
    ["첨단로보틱스(주)", "", "최유나", "123-4567", "yuna@", "이전희망"],        # bad phone and e-mail
    ["", "", "", "", "", ""],                                                   # blank line
    ["한빛비전", "220-81-62517", "정다은", "+82 10 9876 5432", "d@hanbit.kr", "신규"],
]


def _write_csv(path, rows, encoding):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)


@pytest.mark.parametrize("encoding", ["cp949", "utf-8-sig", "utf-8"])
def test_messy_file_keeps_good_rows_and_explains_bad_ones(staffed_ctx, tmp_path, encoding):
    path = tmp_path / "mou.csv"
    _write_csv(path, MESSY_ROWS, encoding)
    report = import_companies(staffed_ctx, path)
    assert (report.total, report.created, report.rejected_rows) == (5, 2, 3)
    reasons = {(r.row_no, r.column) for r in report.rejected}
    assert (5, "사업자 번호") in reasons            # row numbers as Excel shows them
    assert (6, " 회사명 ".strip()) in {(r.row_no, r.column.strip()) for r in report.rejected}
    assert {(7, "연락처"), (7, "E-mail")} <= reasons
    names = sorted(r.name for r in companies.list_companies(staffed_ctx))
    assert names == ["주식회사 빛고을AI", "한빛비전"]
    row = companies.search_companies(staffed_ctx, "한빛")[0]
    assert row.phone == "010-9876-5432" and row.relationship == "inquirer"


def test_importing_the_same_file_again_updates_instead_of_duplicating(staffed_ctx, tmp_path):
    path = tmp_path / "mou.csv"
    _write_csv(path, MESSY_ROWS, "cp949")
    import_companies(staffed_ctx, path)
    rows = [r[:] for r in MESSY_ROWS]
    rows[3][0] = "빛고을AI(주)"         # renamed, same business number
    rows[8][2] = "정다은2"              # new representative
    _write_csv(path, rows, "cp949")
    report = import_companies(staffed_ctx, path)
    assert (report.created, report.updated) == (0, 2)
    assert len(companies.list_companies(staffed_ctx)) == 2
    assert {r.name for r in companies.list_companies(staffed_ctx)} == {"빛고을AI(주)", "한빛비전"}


def test_xlsx_with_dates_and_numbers_stored_as_floats(staffed_ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["기업명", "사업자등록번호", "MOU 체결일", "직원 수", "AI 분야"])
    ws.append(["빛고을AI", 1248100998.0, datetime(2025, 3, 5), 12.0, "컴퓨터 비전, 헬스케어"])
    ws.append(["무등데이터", None, "2025.04.01", "약 10명", ""])
    path = tmp_path / "list.xlsx"
    wb.save(path)
    report = import_companies(staffed_ctx, path)
    assert report.created == 1 and [(r.row_no, r.column) for r in report.rejected] == [(3, "직원 수")]
    detail = companies.get_company(staffed_ctx, companies.list_companies(staffed_ctx)[0].id)
    assert detail.values["business_no"] == "124-81-00998"
    assert str(detail.values["mou_date"]) == "2025-03-05" and detail.values["employees"] == 12
    assert detail.values["ai_fields"] == "vision,healthcare"


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02garbage", "머리글"),
    (b"", "머리글"),
])
def test_unreadable_files_say_what_to_fix(staffed_ctx, tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(UserError) as err:
        import_companies(staffed_ctx, path)
    assert message in err.value.ko


def test_a_broken_xlsx_or_an_old_xls_is_refused_clearly(staffed_ctx, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="Excel"):
        import_companies(staffed_ctx, broken)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="xlsx"):
        import_companies(staffed_ctx, old)


def test_csv_export_opens_in_excel_with_korean_intact(staffed_ctx, tmp_path):
    companies.create_company(staffed_ctx, {"name": "빛고을AI", "relationship": "tenant",
                                           "business_no": "1248100998"})
    out = tmp_path / "companies.csv"
    export(staffed_ctx, "companies", out)
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0][:3] == ["기업명", "영문명", "구분"]
    assert rows[1][0] == "빛고을AI" and rows[1][2] == "입주기업"


def test_export_all_to_a_workbook_and_the_export_imports_back_unchanged(staffed_ctx, tmp_path):
    companies.create_company(staffed_ctx, {"name": "빛고을AI", "relationship": "mou",
                                           "ai_fields": "vision,nlp", "phone": "062-123-4567"})
    out = tmp_path / "all.xlsx"
    counts = export(staffed_ctx, None, out)
    assert counts["companies"] == 1 and "consultations" in counts
    assert "companies" in load_workbook(out, read_only=True).sheetnames
    csv_out = tmp_path / "c.csv"
    export(staffed_ctx, "companies", csv_out)
    report = import_companies(staffed_ctx, csv_out)
    assert (report.created, report.updated, report.unchanged, report.rejected) == (0, 0, 1, [])
