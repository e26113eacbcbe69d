"""`campdesk import mentors`: the pool as offices keep it, messy, imported and re-imported."""
import csv

from openpyxl import Workbook

from campdesk.cli import main
from campdesk.services import mentors
from campdesk.services.mentor_import import import_mentors


def _csv(path, rows, encoding="cp949"):
    with open(path, "w", encoding=encoding, newline="") as f:
        csv.writer(f).writerows(rows)
    return path


MESSY = [
    ["2026년 AI창업캠프 멘토단 명단", "", "", "", "", "", ""],
    ["", "", "", "", "", "", ""],
    ["연번", "성명", "멘토링 분야", "소속기관", "연락처", "E-mail", "전문분야", "주요 키워드", "활동여부"],
    ["1", "김 기술", "기술개발", "광주과학기술원", "010 1234 5678", "kim@gist.example.kr", "컴퓨터 비전", "모델 경량화; GPU", "O"],
    ["2", "박투자", "재무·투자, 비즈니스모델", "한국벤처투자", "010-2222-3333", "", "벤처투자", "IR 자료, 투자 유치", "활동"],
    ["3", "이경영", "창업 경영/투자", "", "", "lee@example.kr", "", "", ""],
    ["4", "정멘토", "마케팅", "", "", "", "", "", ""],                     # unknown field
    ["5", "", "기술개발", "", "", "", "", "", ""],                        # no name
    ["6", "한메일", "재무", "", "010-9999", "not-an-email", "", "", ""],   # bad phone and e-mail
    ["7", "오비즈", "BM\n기술", "스파크랩", "", "", "", "", "X"],
    ["", "합계", "7명", "", "", "", "", "", ""],
]


def test_a_messy_office_list_keeps_every_good_row_and_names_each_bad_field(ctx, tmp_path, capsys):
    path = _csv(tmp_path / "멘토단.csv", MESSY)
    code = main(["--home", str(ctx.paths.home), "import", "mentors", str(path)])
    out = capsys.readouterr().out
    assert code == 2
    rows = {r.name: r for r in mentors.list_mentors(ctx)}
    assert set(rows) == {"김 기술", "박투자", "이경영", "오비즈"}
    assert rows["박투자"].field_codes == ["finance", "business_model"]
    assert rows["이경영"].field_codes == ["management", "finance"]
    assert rows["오비즈"].field_codes == ["business_model", "tech"]
    assert rows["오비즈"].active is False and rows["김 기술"].active is True
    assert rows["김 기술"].phone == "010-1234-5678"
    assert rows["김 기술"].keywords == "모델 경량화, GPU"
    assert "7행 [멘토링 분야] 멘토링 분야 '마케팅'을(를) 알 수 없습니다" in out
    assert "8행 [성명] 이름을 입력해 주세요." in out
    assert "9행 [연락처]" in out and "9행 [E-mail]" in out
    assert "합계" in out  # the total row is skipped and said so


def test_reimport_updates_by_email_then_phone_then_name_never_duplicates(ctx, tmp_path):
    first = _csv(tmp_path / "a.csv", [
        ["이름", "분야", "이메일", "휴대폰", "소속"],
        ["김기술", "기술개발", "kim@gist.example.kr", "", "GIST"],
        ["박투자", "재무", "", "010-2222-3333", "KVIC"],
        ["최경영", "창업경영", "", "", "전남대"],
    ], "utf-8-sig")
    report = import_mentors(ctx, first)
    assert report.created == 3
    second = _csv(tmp_path / "b.csv", [
        ["이름", "분야", "이메일", "휴대폰", "소속"],
        ["김기술 박사", "기술개발, 재무·투자", "KIM@gist.example.kr", "", "광주과학기술원"],  # same e-mail
        ["박 투자", "재무", "", "01022223333", "한국벤처투자"],                       # same phone
        ["최경영", "", "", "", "조선대"],                                            # same name
    ], "utf-8-sig")
    report = import_mentors(ctx, second)
    assert (report.created, report.updated) == (0, 3)
    rows = {r.organisation: r for r in mentors.list_mentors(ctx)}
    assert len(rows) == 3
    assert rows["광주과학기술원"].name == "김기술 박사"
    assert rows["광주과학기술원"].field_codes == ["tech", "finance"]
    assert rows["조선대"].field_codes == ["management"]  # a blank cell erases nothing
    assert import_mentors(ctx, second).unchanged == 3


def test_an_xlsx_pool_with_several_fields_in_one_cell(ctx, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["멘토명", "자문분야", "기관명", "키워드"])
    ws.append(["윤재무", "재무·투자\n창업경영", "삼일회계법인", "회계·세무, 정책자금"])
    ws.append(["강기술", "기술 개발 및 비즈니스 모델", "ETRI", "LLM"])
    wb.save(tmp_path / "pool.xlsx")
    report = import_mentors(ctx, tmp_path / "pool.xlsx")
    assert report.created == 2 and not report.rejected
    rows = {r.name: r for r in mentors.list_mentors(ctx)}
    assert rows["윤재무"].field_codes == ["finance", "management"]
    assert rows["강기술"].field_codes == ["tech", "business_model"]


def test_a_file_without_a_name_column_changes_nothing(ctx, tmp_path, capsys):
    path = _csv(tmp_path / "x.csv", [["분야", "소속"], ["기술개발", "GIST"]], "utf-8")
    code = main(["--home", str(ctx.paths.home), "import", "mentors", str(path)])
    assert code == 1
    assert mentors.list_mentors(ctx) == []


def test_field_spellings_offices_use():
    from campdesk.domain.mentor_rules import parse_fields
    assert parse_fields("비즈니스모델") == parse_fields("비즈니스 모델") == ["business_model"]
    assert parse_fields("창업 경영") == parse_fields("창업경영") == ["management"]
    assert parse_fields("재무") == parse_fields("투자") == parse_fields("재무·투자") == ["finance"]
    assert parse_fields("재무ㆍ투자") == parse_fields("재무/투자") == ["finance"]
    assert parse_fields("기술개발·재무") == ["tech", "finance"]
    assert parse_fields("기술개발 및 창업경영") == ["tech", "management"]


def test_two_mentors_of_the_same_name_stay_two_and_an_export_imports_back_unchanged(ctx, tmp_path):
    path = _csv(tmp_path / "same.csv", [
        ["이름", "분야", "이메일", "휴대폰"],
        ["김민수", "기술개발", "ms.kim@a.example.kr", "010-1111-1111"],
        ["김민수", "재무", "ms.kim@b.example.kr", ""],
    ], "utf-8")
    assert import_mentors(ctx, path).created == 2
    out = tmp_path / "export.csv"
    assert main(["--home", str(ctx.paths.home), "export", "mentors", str(out)]) == 0
    report = import_mentors(ctx, out)
    assert (report.created, report.updated, report.unchanged) == (0, 0, 2)
    assert sorted(r.field_codes[0] for r in mentors.list_mentors(ctx)) == ["finance", "tech"]
