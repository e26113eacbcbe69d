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


def test_a_broken_xlsx_or_a_broken_xls_is_refused_clearly(staffed_ctx, tmp_path):
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(UserError, match="Excel 파일을 열 수 없습니다"):
        import_companies(staffed_ctx, broken)
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(UserError, match="Excel 파일을 열 수 없습니다"):
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


def test_values_the_hub_cannot_store_are_refused_by_row_and_column(staffed_ctx, tmp_path):
    """Each bad row says its row number, the column as the file names it, and why; control
    characters are cleaned, not refused; the other rows are kept."""
    path = tmp_path / "hub.csv"
    _write_csv(path, [
        ["기업명", "직원수", "대표자명", "비고"],
        ["가" * 201, "10", "김민서", ""],                       # 2: one character too many
        ["한빛비전", "10,000,000,000", "이준호", ""],           # 3: more than int4 holds
        ["무한로보틱스", "inf", "", ""],                         # 4
        ["큰수데이터", "1e400", "", ""],                         # 5
        ["조단위AI", "1e30", "", ""],                            # 6
        ["숫자아님랩", "nan", "", ""],                           # 7
        ["빛고을\x00AI", "12", "박\x00지현", "첫 줄\x0c\x7f"],  # 8: cleaned and kept
        ["나" * 300, "2,147,483,647", "", ""],                  # 9
        ["최대인원(주)", "2,147,483,647", "", ""],               # 10: exactly the limit
    ], "utf-8")
    report = import_companies(staffed_ctx, path)
    assert (report.total, report.created) == (9, 2)
    reasons = {r.row_no: (r.column, r.reason) for r in report.rejected}
    assert sorted(reasons) == [2, 3, 4, 5, 6, 7, 9]
    assert reasons[2] == ("기업명", "기업명: 200자 이하로 줄여 주세요 (지금 201자).")
    assert reasons[9] == ("기업명", "기업명: 200자 이하로 줄여 주세요 (지금 300자).")
    assert reasons[3] == ("직원수", "직원 수: 2,147,483,647 이하의 숫자여야 합니다 (입력: 10,000,000,000).")
    assert all(reasons[n][0] == "직원수" and "직원 수" in reasons[n][1] for n in (4, 5, 6, 7))
    assert "2,147,483,647 이하" in reasons[5][1] and "2,147,483,647 이하" in reasons[6][1]
    assert "inf" in reasons[4][1] and "nan" in reasons[7][1]
    (row,) = companies.search_companies(staffed_ctx, "빛고을")
    values = companies.get_company(staffed_ctx, row.id).values
    assert (values["name"], values["representative"], values["notes"]) == ("빛고을AI", "박지현", "첫 줄")
    (row,) = companies.search_companies(staffed_ctx, "최대인원")
    assert companies.get_company(staffed_ctx, row.id).values["employees"] == 2_147_483_647


def test_updating_by_import_is_refused_the_same_way(staffed_ctx, tmp_path):
    company_id = companies.create_company(staffed_ctx, {"name": "한빛비전", "employees": 8})
    path = tmp_path / "update.csv"
    _write_csv(path, [["기업명", "종업원수", "주소"], ["한빛비전", "9999999999", "광주" * 201]], "utf-8")
    report = import_companies(staffed_ctx, path)
    assert (report.updated, report.rejected_rows) == (0, 1)
    assert {r.column for r in report.rejected} == {"종업원수", "주소"}
    assert companies.get_company(staffed_ctx, company_id).values["employees"] == 8


def test_the_import_command_lists_the_refused_rows_and_exits_2(tmp_path, capsys):
    from campdesk.cli import main
    path = tmp_path / "hub.csv"
    _write_csv(path, [["기업명", "직원 수"], ["가" * 250, "3"], ["한빛비전", "1e400"],
                      ["빛고을AI", "4"]], "utf-8")
    assert main(["--home", str(tmp_path / "home"), "import", "companies", str(path)]) == 2
    out = capsys.readouterr().out
    assert "새로 추가 1" in out and "거부 2행" in out
    assert "2행 [기업명] 기업명: 200자 이하로 줄여 주세요 (지금 250자)." in out
    assert "3행 [직원 수] 직원 수: 2,147,483,647 이하의 숫자여야 합니다" in out
