"""Importing the inventory from a spreadsheet: rooms, desks inside them, row-level errors."""
from openpyxl import Workbook

from campdesk.services import space_import, spaces


def test_csv_in_cp949_with_desks_before_their_room_and_bad_rows(staffed_ctx, tmp_path):
    path = tmp_path / "spaces.csv"
    path.write_bytes((
        "층,공간명,유형,상위 공간,좌석 수,면적(㎡),메모\n"
        "3,302-D1,,302 오픈데스크,1,,창가\n"
        "3,302 오픈데스크,오픈데스크,,12,80,\n"
        "3,301호,사무실,,6,33.5㎡,\n"
        "삼,303호,사무실,,4,20,\n"
        "3,304호,창고,,,,\n"
        "3,302-D9,좌석,없는방,1,,\n"
    ).encode("cp949"))
    report = space_import.import_spaces(staffed_ctx, path)
    assert (report.created, report.rejected_rows) == (3, 3)
    reasons = {(r.row_no, r.column): r.reason for r in report.rejected}
    assert "층" in reasons[(5, "층")]
    assert "창고" in reasons[(6, "유형")]
    assert "없는방" in reasons[(7, "상위 공간")]
    by_name = {v.name: v for v in spaces.list_spaces(staffed_ctx, 3)}
    desk = by_name["302-D1"]
    assert (desk.kind, desk.parent_id, desk.notes) == ("desk", by_name["302 오픈데스크"].id, "창가")
    assert by_name["301호"].area_m2 == 33.5


def test_importing_again_updates_instead_of_duplicating(staffed_ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["입주공간 현황 (2026년 11월)"])
    ws.append(["Floor", "Space name", "Kind", "Desks", "Area (m²)"])
    ws.append([2, "201호", "Office", 4, 20])
    path = tmp_path / "spaces.xlsx"
    wb.save(path)
    space_import.import_spaces(staffed_ctx, path)
    ws.cell(3, 4).value = 6
    wb.save(path)
    report = space_import.import_spaces(staffed_ctx, path)
    assert (report.created, report.updated) == (0, 1)
    (office,) = spaces.list_spaces(staffed_ctx)
    assert (office.name, office.capacity, office.kind) == ("201호", 6, "office")


def test_values_the_hub_cannot_store_are_refused_with_their_column(staffed_ctx, tmp_path):
    path = tmp_path / "spaces.csv"
    path.write_text(
        "층,공간명,좌석 수,면적(㎡),메모\n"
        f"3,{'방' * 201},4,20,\n"
        "1e30,301호,4,20,\n"
        "3,302호,99999999999,20,\n"
        "3,303호,4,inf,\n"
        "3,304호,4,nan,\n"
        "3,305호,4,20,창가\x00자리\n", encoding="utf-8")
    report = space_import.import_spaces(staffed_ctx, path)
    assert (report.created, report.rejected_rows) == (1, 5)
    reasons = {r.row_no: (r.column, r.reason) for r in report.rejected}
    assert reasons[2] == ("공간명", "공간명: 200자 이하로 줄여 주세요 (지금 201자).")
    assert reasons[3][0] == "층" and "2,147,483,647 이하" in reasons[3][1]
    assert reasons[4][0] == "좌석 수" and "2,147,483,647 이하" in reasons[4][1]
    assert reasons[5][0] == reasons[6][0] == "면적(㎡)"
    (kept,) = spaces.list_spaces(staffed_ctx)
    assert (kept.name, kept.notes) == ("305호", "창가자리")
