"""The files Korean offices actually hand over, and hostile ones: each is read, or refused
with one line that says why; nothing half-imported, no traceback. Every file is made here."""
import csv
import hashlib
import sqlite3
import zipfile
from datetime import datetime

import pytest
from sqlalchemy import select
from openpyxl import Workbook

from campdesk.cli import main
from campdesk.paths import Paths
from campdesk.services import companies, tabular
from campdesk.services.errors import UserError
from campdesk.services.importer import import_companies


def _write_csv(path, rows, encoding="utf-8", **kwargs):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f, **kwargs).writerows(rows)
    return path


def _names(ctx):
    return sorted(r.name for r in companies.list_companies(ctx))


def _cli(home, *args):
    return main(["--home", str(home), "import", *args])


def database_state(where) -> str:
    """A fingerprint of everything the database holds (the sync outbox included); ``where``
    is a data folder or a context."""
    path = where.paths.database if hasattr(where, "paths") else Paths.resolve(where).database
    with sqlite3.connect(path) as conn:
        return hashlib.sha256("\n".join(conn.iterdump()).encode()).hexdigest()


# --- summary and note rows --------------------------------------------------------------------

def test_total_subtotal_and_note_rows_are_skipped_and_said_so(tmp_path, capsys):
    """A public office's list: subtotals inside, a total and notes below. None of them
    becomes a company, and the summary lists each one."""
    path = _write_csv(tmp_path / "list.csv", [
        ["2026년 광주 AI 기업 현황", "", "", ""],
        ["연번", "기업명", "사업자등록번호", "대표자"],
        ["1", "빛고을AI", "124-81-00998", "김민서"],
        ["2", "무등데이터", "", "이준호"],
        ["", "소계", "2개사", ""],                       # 5
        ["3", "한빛비전", "220-81-62517", "정다은"],
        ["", "합 계", "", ""],                           # 7
        ["", "계", "3", ""],                             # 8
        ["합계", "6개사", "", ""],                        # 9
        ["", "총계", "", ""],                            # 10
        ["총 12개 기업", "", "", ""],                     # 11
        ["※ 사업자등록번호는 공개 자료 기준", "", "", ""],     # 12
        ["* 기준일: 2026. 3. 1.", "", "", ""],            # 13
    ], "cp949")
    home = tmp_path / "home"
    assert _cli(home, "companies", str(path)) == 0
    out = capsys.readouterr().out
    assert "전체 3행" in out and "새로 추가 3" in out
    assert "합계·안내 행 8개" in out
    for row_no in (5, 7, 8, 9, 10, 11, 12, 13):
        assert f"  {row_no}행 (" in out
    assert "9행 (합계) 합계 | 6개사" in out and "12행 (안내) ※ 사업자등록번호는" in out
    from campdesk.services.context import open_context
    ctx = open_context(home)
    try:
        assert _names(ctx) == ["무등데이터", "빛고을AI", "한빛비전"]
    finally:
        ctx.close()


def test_a_company_whose_name_merely_contains_a_total_word_is_kept(staffed_ctx, tmp_path):
    path = _write_csv(tmp_path / "list.csv", [
        ["기업명", "대표자", "비고"], ["합계산업(주)", "김민서", "총 12명 근무"],
        ["계림테크", "이준호", "*우수기업*"], ["(주)소계AI", "정다은", ""]])
    report = import_companies(staffed_ctx, path)
    assert report.created == 3 and report.skipped == []


def test_notes_and_odd_cells_deep_inside_a_long_list_are_found(staffed_ctx, tmp_path):
    """Long files are read a few hundred rows at a time, and a block with nothing odd in it
    is taken in one pass: a note starting in the second column, text to clean, or a name
    that merely starts like a note, hundreds of rows down, is still seen for what it is."""
    rows = [["연번", "기업명", "대표자"]]
    rows += [[str(i), f"광주테크 {i:04d}", "김민서"] for i in range(1, 700)]
    rows[300] = ["", "  참고: 휴업 기업은 제외", ""]
    rows[420] = ["(기준일 2026. 3. 1.)", "", ""]
    rows[500] = ["500", "'=HYPERLINK(\"x\")", "이준호"]
    rows[610] = ["610", "참빛\x07AI", "정다은"]
    rows[650] = ["650", "기린로봇", "단위: 천원"]  # two cells filled: a company, not a note
    path = _write_csv(tmp_path / "long.csv", rows)
    report = import_companies(staffed_ctx, path)
    assert [(s.row_no, s.kind) for s in report.skipped] == [(301, "note"), (421, "note")]
    names = set(_names(staffed_ctx))
    assert {"=HYPERLINK(\"x\")", "참빛AI", "기린로봇"} <= names
    assert "광주테크 0300" not in names and len(names) == 697


# --- formats ----------------------------------------------------------------------------------

def test_excel_unicode_text_utf16_tab_separated_txt_is_read(staffed_ctx, tmp_path):
    """Excel's "유니코드 텍스트": UTF-16 with a BOM, tab-separated, CRLF, named .txt."""
    text = "기업명\t사업자등록번호\t주소\r\n빛고을AI\t124-81-00998\t광주광역시 북구, 첨단과기로 123\r\n" \
           "무등데이터\t\t\"광주 동구\t금남로\"\r\n"
    path = tmp_path / "유니코드.txt"
    path.write_bytes(text.encode("utf-16"))
    report = import_companies(staffed_ctx, path)
    assert (report.created, report.rejected) == (2, [])
    (row,) = companies.search_companies(staffed_ctx, "빛고을")
    assert companies.get_company(staffed_ctx, row.id).values["address"] == "광주광역시 북구, 첨단과기로 123"


def test_old_excel_xls_is_read_with_its_dates_and_numbers(staffed_ctx, tmp_path):
    xlwt = pytest.importorskip("xlwt")
    wb = xlwt.Workbook(encoding="utf-8")
    cover = wb.add_sheet("표지")
    cover.write(0, 0, "2026년 MOU 기업 명단")
    ws = wb.add_sheet("명단")
    ws.write(0, 0, "2026년 MOU 기업 명단")
    for col, title in enumerate(["기업명", "사업자등록번호", "MOU 체결일", "직원 수", "구분"]):
        ws.write(2, col, title)
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    ws.write(3, 0, "빛고을AI")
    ws.write(3, 1, 1248100998)
    ws.write(3, 2, datetime(2025, 3, 5), date_style)
    ws.write(3, 3, 12)
    ws.write(3, 4, "MOU")
    ws.write(4, 0, "합계")
    ws.write(4, 1, "1개사")
    path = tmp_path / "명단.xls"
    wb.save(str(path))
    report = import_companies(staffed_ctx, path)
    assert (report.created, report.rejected, len(report.skipped)) == (1, [], 1)
    values = companies.get_company(staffed_ctx, companies.list_companies(staffed_ctx)[0].id).values
    assert values["business_no"] == "124-81-00998" and values["employees"] == 12
    assert str(values["mou_date"]) == "2025-03-05" and values["relationship"] == "mou"


def test_cr_only_line_endings_of_old_excel_for_mac(staffed_ctx, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes("기업명,대표자\r빛고을AI,김민서\r무등데이터,이준호\r".encode("cp949"))
    report = import_companies(staffed_ctx, path)
    assert report.created == 2 and _names(staffed_ctx) == ["무등데이터", "빛고을AI"]


def test_a_workbook_saved_under_the_other_excel_name_is_read_by_its_content(staffed_ctx, tmp_path):
    wb = Workbook()
    wb.active.append(["기업명", "대표자"])
    wb.active.append(["빛고을AI", "김민서"])
    path = tmp_path / "really-xlsx.xls"
    wb.save(path)
    assert import_companies(staffed_ctx, path).created == 1


def test_a_web_page_saved_as_xls_is_refused_with_what_to_do(staffed_ctx, tmp_path):
    path = tmp_path / "portal.xls"
    path.write_text("<html><body><table><tr><td>기업명</td></tr></table></body></html>")
    with pytest.raises(UserError) as err:
        import_companies(staffed_ctx, path)
    assert "웹 페이지" in err.value.ko and ".xlsx" in err.value.ko


def test_the_header_is_found_on_a_later_sheet(staffed_ctx, tmp_path):
    wb = Workbook()
    wb.active.title = "안내"
    wb.active.append(["이 파일은 2026년 기업 명단입니다."])
    ws = wb.create_sheet("명단")
    ws.append(["기업명", "대표자"])
    ws.append(["빛고을AI", "김민서"])
    wb.save(tmp_path / "two.xlsx")
    assert import_companies(staffed_ctx, tmp_path / "two.xlsx").created == 1


# --- broken files: one line, not a traceback -------------------------------------------------

def _xlsx_without_sheets(path):
    wb = Workbook()
    wb.active.append(["기업명"])
    wb.save(path)
    with zipfile.ZipFile(path) as src:
        parts = {name: src.read(name) for name in src.namelist()}
    workbook = parts["xl/workbook.xml"].decode()
    start, end = workbook.index("<sheets>"), workbook.index("</sheets>") + len("</sheets>")
    parts["xl/workbook.xml"] = (workbook[:start] + "<sheets/>" + workbook[end:]).encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in parts.items():
            out.writestr(name, data)
    return path


def test_broken_files_give_one_line_and_change_nothing(tmp_path, capsys):
    home = tmp_path / "home"
    good = _write_csv(tmp_path / "good.csv", [["기업명"], ["빛고을AI"]])
    assert _cli(home, "companies", str(good)) == 0
    before = database_state(home)
    cases = {
        "no-sheets.xlsx": (_xlsx_without_sheets(tmp_path / "no-sheets.xlsx"), "시트가 없습니다"),
        "garbage.xlsx": (tmp_path / "garbage.xlsx", "Excel 파일을 열 수 없습니다"),
        "truncated.xls": (tmp_path / "truncated.xls", "Excel 파일(.xls)을 열 수 없습니다"),
    }
    (tmp_path / "garbage.xlsx").write_bytes(b"PK\x03\x04" + bytes(range(256)) * 4)
    (tmp_path / "truncated.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)
    for name, (path, message) in cases.items():
        capsys.readouterr()
        assert _cli(home, "companies", str(path)) == 1, name
        err = capsys.readouterr().err
        assert message in err and len(err.strip().splitlines()) == 1, (name, err)
        assert "Traceback" not in err
    assert database_state(home) == before


def test_a_ten_megabyte_line_and_a_200000_character_cell(tmp_path, capsys):
    """Beyond the csv module's field limit: the row is rejected with its column, the others
    are kept."""
    path = tmp_path / "long.csv"
    path.write_text("기업명,비고\n빛고을AI," + "가" * 200_000 + "\n무등데이터,메모\n"
                    + "한빛비전," + "x" * 10_000_000 + "\n", encoding="utf-8")
    assert _cli(tmp_path / "home", "companies", str(path)) == 2
    out = capsys.readouterr().out
    assert "새로 추가 1" in out and "거부 2행" in out
    assert "2행 [비고] 한 칸에는 32,767자(Excel 한 칸의 최대)까지 들어갈 수 있습니다 (지금 200,000자)." in out
    assert "4행 [비고]" in out and "10,000,000자" in out


def test_an_unbalanced_quote_is_named_not_merged(staffed_ctx, tmp_path):
    """A quote opened in row 3 and closed in row 4 would merge the two: the row is rejected,
    naming the lines, and the rows around it are kept."""
    path = tmp_path / "quote.csv"
    path.write_text('기업명,대표자,비고\n빛고을AI,김민서,메모\n"무등데이터,이준호,첫 메모\n'
                    '한빛비전,정다은,"끝"\n광주로봇,최유나,"1층 입주\n2층 이전 예정, 3월"\n',
                    encoding="utf-8")
    report = import_companies(staffed_ctx, path)
    # A real line break in a quoted note is no merge.
    assert _names(staffed_ctx) == ["광주로봇", "빛고을AI"]
    (rejected,) = report.rejected
    assert rejected.row_no == 3 and rejected.column == "기업명"
    assert "따옴표" in rejected.reason and "3~4번째 줄" in rejected.reason


def test_a_quote_opened_in_the_last_column_and_never_closed(staffed_ctx, tmp_path):
    path = tmp_path / "quote.csv"
    path.write_text('기업명,대표자,비고\n빛고을AI,김민서,"메모\n무등데이터,이준호,x\n한빛비전,정다은,y\n',
                    encoding="utf-8")
    report = import_companies(staffed_ctx, path)
    assert _names(staffed_ctx) == []
    assert [(r.row_no, r.column) for r in report.rejected] == [(2, "비고")]
    assert "2~4번째 줄" in report.rejected[0].reason


# --- size, streaming, progress, cancelling -------------------------------------------------------

def test_a_file_beyond_the_size_limit_is_refused_naming_the_limit(staffed_ctx, tmp_path):
    path = tmp_path / "huge.csv"
    with open(path, "wb") as f:
        f.write("기업명\n".encode())
        f.truncate(tabular.MAX_FILE_BYTES + 1)  # sparse: made at once
    with pytest.raises(UserError) as err:
        import_companies(staffed_ctx, path)
    assert "100MB" in err.value.ko and "파일이 너무 큽니다" in err.value.ko


def test_too_many_rows_are_refused_naming_the_limit_and_nothing_is_kept(
        staffed_ctx, tmp_path, monkeypatch):
    monkeypatch.setattr(tabular, "MAX_ROWS", 50)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet()
    ws.append(["기업명", "대표자"])
    for i in range(51):
        ws.append([f"기업{i:03}", "김민서"])
    wb.save(tmp_path / "many.xlsx")
    with pytest.raises(UserError) as err:
        import_companies(staffed_ctx, tmp_path / "many.xlsx")
    assert "50행까지" in err.value.ko
    assert _names(staffed_ctx) == []


def _many_companies(path, n):
    return _write_csv(path, [["기업명", "대표자"]] + [[f"기업{i:05}", "김민서"] for i in range(n)])


def test_a_cancelled_import_leaves_the_database_as_it_was(staffed_ctx, tmp_path, monkeypatch):
    from campdesk.services import importer
    monkeypatch.setattr(importer, "FLUSH_EVERY", 100)   # rows are written before it stops
    monkeypatch.setattr(tabular, "PROGRESS_EVERY", 100)
    companies.create_company(staffed_ctx, {"name": "원래기업"})
    before = database_state(staffed_ctx)
    seen = []

    def progress(fraction, message):
        seen.append((fraction, message))
        if len(seen) == 8:
            raise tabular.Cancelled()
    with pytest.raises(tabular.Cancelled) as err:
        import_companies(staffed_ctx, _many_companies(tmp_path / "many.csv", 1000), progress)
    assert "취소" in err.value.ko
    assert seen[0][0] == 0.0 and 0 < seen[-1][0] < 1 and "700행 읽음" in seen[-1][1]
    assert _names(staffed_ctx) == ["원래기업"]
    assert database_state(staffed_ctx) == before


def test_the_app_saves_while_a_long_file_is_being_read(staffed_ctx, tmp_path, monkeypatch):
    """The import takes SQLite's write lock only to write, after reading the whole file: the
    app on the same PC saving meanwhile neither waits for it nor fails with "locked"."""
    import time
    from campdesk.services.context import open_context
    monkeypatch.setattr(tabular, "PROGRESS_EVERY", 100)
    saved = []

    def progress(fraction, message):
        if 0 < (fraction or 0) < 1 and not saved:  # half-way through the file
            app = open_context(staffed_ctx.paths.home)
            try:
                started = time.perf_counter()
                companies.create_company(app, {"name": "그사이저장한기업"})
                saved.append(time.perf_counter() - started)
            finally:
                app.close()
    report = import_companies(staffed_ctx, _many_companies(tmp_path / "many.csv", 2000), progress)
    assert report.created == 2000
    assert saved and saved[0] < 2.0  # no wait for the import's lock (busy timeout: 5 s)
    assert "그사이저장한기업" in _names(staffed_ctx)


def test_the_command_line_shows_the_progress_of_a_long_import(tmp_path, capsys, monkeypatch):
    import campdesk.cli
    monkeypatch.setattr(campdesk.cli, "PROGRESS_AFTER_SECONDS", 0.0)
    monkeypatch.setattr(tabular, "PROGRESS_EVERY", 100)
    assert _cli(tmp_path / "home", "companies", str(_many_companies(tmp_path / "m.csv", 1000))) == 0
    err = capsys.readouterr().err.splitlines()
    assert err[0].strip() == "0% 0행 읽음" and err[-1].strip() == "100% 1,000행 읽음"
    percents = [int(line.split("%")[0]) for line in err]
    assert len(err) >= 3 and percents == sorted(set(percents))  # a line per step, no more


def test_a_long_file_that_names_a_company_twice_updates_it_and_again_changes_nothing(
        staffed_ctx, tmp_path):
    """Rows are matched and written some hundreds at a time: a company named again further
    down (in the same block or a later one) is updated, never added twice."""
    rows = [["기업명", "대표자", "메모"]]
    rows += [[f"광주테크 {i:04d}", "김민서", ""] for i in range(2500)]
    rows += [[f"광주테크 {i:04d}", "", f"다시 {i}"] for i in (3, 480, 1200, 2499)]
    path = _write_csv(tmp_path / "twice.csv", rows)
    first = import_companies(staffed_ctx, path)
    assert (first.created, first.updated) == (2500, 4)
    from campdesk.store.models import Company
    with staffed_ctx.db.transaction() as s:
        notes = dict(s.execute(select(Company.name, Company.notes)).all())
    assert len(notes) == 2500 and notes["광주테크 1200"] == "다시 1200"
    assert notes["광주테크 0004"] is None
    before = database_state(staffed_ctx)
    again = import_companies(staffed_ctx, path)
    assert (again.created, again.updated, again.unchanged) == (0, 0, 2504)
    assert database_state(staffed_ctx) == before
