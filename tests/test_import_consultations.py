"""The consultation log the call centre and the desk kept in Excel goes into CampDesk once,
and a second time changes nothing."""
from datetime import date, datetime, time, timezone

from openpyxl import Workbook
from sqlalchemy import select

from campdesk.cli import main
from campdesk.domain.dates import SEOUL
from campdesk.services import companies, consultations, staff
from campdesk.services.consultation_import import import_consultations
from campdesk.services.context import open_context
from campdesk.services.exporter import export
from campdesk.store.models import Staff
from test_import_files import database_state

HEADER = ["상담일자", "시간", "상담경로", "기업명", "사업자등록번호", "문의자", "연락처", "상담분야",
          "문의내용", "답변내용", "처리결과", "상담원"]


def _seoul(*args) -> datetime:
    return datetime(*args, tzinfo=SEOUL).astimezone(timezone.utc)


def _office_log(path):
    """The call centre's log as it was kept: a title, a date column and a time column,
    words of its own for channels and outcomes, a total row."""
    wb = Workbook()
    ws = wb.active
    ws.title = "상담일지"
    ws.append(["2025년 AI창업캠프 상담일지"])
    ws.append([])
    ws.append(HEADER)
    ws.append([datetime(2025, 3, 5), time(14, 30), "전화상담", "빛고을에이아이", "124-81-00998",
               "김대표", "010-1234-5678", "자금", "공모사업 일정 문의", "4월 공고 안내", "완료", "이상담"])
    ws.append([date(2025, 3, 6), "오후 2:05", "대면", "(주)무등데이터", None, None, None,
               "입주공간", "사무실 입주 문의", "대기 등록", "후속조치", "홍길동"])
    ws.append(["2025. 3. 7. 오전 9:10:00", None, "이메일", "처음듣는랩", None, "박문의",
               "062-987-6543", "기타", "행사 참가 문의", "", "해결", ""])
    ws.append(["2025-03-08 16:00", None, "방문", "이름만남긴곳", None, None, None, None,
               "현장 방문 상담", "", "", "이상담"])
    ws.append(["2025-13-45", None, "전화", "빛고을에이아이", None, None, None, None, "날짜가 틀림", "",
               "", ""])                                                    # 8: bad date
    ws.append(["2025-03-09", None, "팩스", "빛고을에이아이", None, None, None, None, "팩스 문의", "",
               "", ""])                                                    # 9: unknown channel
    ws.append(["2025-03-10", None, "전화", "빛고을에이아이", None, None, None, None, None, "답만 있음",
               "", ""])                                                    # 10: no question
    ws.append(["합계", None, "5건"])
    wb.save(path)
    return path


def _setup(home):
    ctx = open_context(home)
    ctx.settings.staff_id = staff.add_staff(ctx, "김민서", "onsite")
    ctx.save_settings()
    staff.add_staff(ctx, "이상담", "operator")
    companies.create_company(ctx, {"name": "빛고을AI", "business_no": "1248100998"})
    companies.create_company(ctx, {"name": "무등데이터"})
    return ctx


def test_the_office_log_goes_in_and_a_second_import_changes_nothing(tmp_path, capsys):
    home = tmp_path / "home"
    ctx = _setup(home)
    ctx.close()
    path = _office_log(tmp_path / "상담일지.xlsx")
    assert main(["--home", str(home), "import", "consultations", str(path)]) == 2
    out = capsys.readouterr().out
    assert "전체 7행" in out and "새로 추가 4" in out and "거부 3행" in out
    assert "11행 (합계) 합계 | 5건" in out
    assert "8행 [상담일자] 일시 형식이 올바르지 않습니다 (입력: 2025-13-45)" in out
    assert "9행 [상담경로] 알 수 없는 값입니다: 팩스" in out
    assert "10행 [문의내용] 상담 내용을 입력해 주세요." in out
    assert "예전 직원(보관)으로 등록했습니다: 홍길동" in out

    ctx = open_context(home)
    try:
        stmt = consultations.view_query().order_by(consultations.Consultation.occurred_at)
        logged = consultations.views(ctx, stmt)
        by_company = {c.company_name: c for c in logged if c.company_name}
        first = by_company["빛고을AI"]            # matched by business number
        assert first.occurred_at == _seoul(2025, 3, 5, 14, 30)
        assert (first.channel, first.category, first.outcome) == ("phone", "funding", "resolved")
        assert (first.caller_name, first.caller_phone) == ("김대표", "010-1234-5678")
        assert (first.question, first.answer, first.staff_name) == ("공모사업 일정 문의", "4월 공고 안내", "이상담")
        second = by_company["무등데이터"]         # matched by name
        assert second.occurred_at == _seoul(2025, 3, 6, 14, 5)
        assert (second.channel, second.category, second.outcome) == ("walk_in", "space", "follow_up")
        assert second.staff_name == "홍길동"
        assert [s.name for s in staff.list_staff(ctx)] == ["김민서", "이상담"]  # not in the pickers
        callers = [c for c in logged if not c.company_id]
        assert [(c.caller_name, c.caller_org, c.occurred_at) for c in callers] == [
            ("박문의", "처음듣는랩", _seoul(2025, 3, 7, 9, 10)),
            ("이름만남긴곳", None, _seoul(2025, 3, 8, 16, 0))]
        assert [c.staff_name for c in callers] == [None, "이상담"]
    finally:
        ctx.close()

    before = database_state(home)
    assert main(["--home", str(home), "import", "consultations", str(path)]) == 2
    out = capsys.readouterr().out
    assert "새로 추가 0" in out and "변경 없음 4" in out and "갱신 0" in out
    assert "직원(보관)" not in out
    assert database_state(home) == before


def test_a_changed_answer_updates_the_consultation_instead_of_adding_one(staffed_ctx, tmp_path):
    companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    path = tmp_path / "log.csv"
    path.write_text("일시,경로,기업명,상담 내용,답변,결과\n2025-03-05 14:30,전화,빛고을AI,입주 문의,,후속조치\n",
                    encoding="cp949")
    assert import_consultations(staffed_ctx, path).created == 1
    path.write_text("일시,경로,기업명,상담 내용,답변,결과\n2025-03-05 14:30,전화,빛고을AI,입주 문의,"
                    "3층 배정,해결\n", encoding="cp949")
    report = import_consultations(staffed_ctx, path)
    assert (report.created, report.updated) == (0, 1)
    (c,) = consultations.views(staffed_ctx, consultations.view_query())
    assert (c.answer, c.outcome) == ("3층 배정", "resolved")


def test_exit_codes_and_nothing_changed_on_an_unreadable_file(tmp_path, capsys):
    home = tmp_path / "home"
    _setup(home).close()
    good = tmp_path / "good.csv"
    good.write_text("일시,경로,기업명,상담 내용\n2025-03-05 14:30,전화,빛고을AI,입주 문의\n", encoding="utf-8")
    assert main(["--home", str(home), "import", "consultations", str(good)]) == 0
    before = database_state(home)
    missing = tmp_path / "missing-column.csv"
    missing.write_text("일시,기업명,상담 내용\n2025-03-05 14:30,빛고을AI,입주 문의\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["--home", str(home), "import", "consultations", str(missing)]) == 1
    assert "필수 열이 없습니다: 경로" in capsys.readouterr().err
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04" + b"\x00" * 300)
    assert main(["--home", str(home), "import", "consultations", str(broken)]) == 1
    assert "Excel 파일을 열 수 없습니다" in capsys.readouterr().err
    assert database_state(home) == before


def test_campdesks_own_export_imports_back_unchanged(staffed_ctx, tmp_path):
    company_id = companies.create_company(staffed_ctx, {"name": "빛고을AI"})
    consultant = staff.add_staff(staffed_ctx, "박책임", "senior_consultant")
    consultations.log_consultation(staffed_ctx, {
        "channel": "phone", "company_id": company_id, "question": "입주 문의  ", "answer": "안내",
        "category": "space", "outcome": "escalated", "escalated_to_id": consultant,
        "occurred_at": _seoul(2025, 3, 5, 14, 30, 27)})
    consultations.log_consultation(staffed_ctx, {
        "channel": "walk_in", "caller_name": "박문의", "caller_org": "처음듣는랩",
        "question": "=HYPERLINK(\"http://evil\")", "occurred_at": _seoul(2025, 3, 6, 9, 0)})
    for out in ("c.csv", "c.xlsx"):
        export(staffed_ctx, "consultations", tmp_path / out)
        report = import_consultations(staffed_ctx, tmp_path / out)
        assert (report.created, report.updated, report.unchanged, report.rejected) == (0, 0, 2, [])


def _log_csv(path, rows):
    path.write_text("일시,경로,기업명,상담 내용,결과,담당자\n" + "".join(",".join(r) + "\n" for r in rows),
                    encoding="utf-8")
    return path


def test_staff_not_on_the_list_come_in_once_as_former_members_named_in_the_summary(
        staffed_ctx, tmp_path):
    path = _log_csv(tmp_path / "log.csv", [
        ("2025-03-05 10:00", "전화", "빛고을AI", "입주 문의", "해결", "홍길동"),
        ("2025-03-06 10:00", "전화", "빛고을AI", "자금 문의", "해결", " 홍길동 "),
        ("2025-03-07 10:00", "전화", "빛고을AI", "행사 문의", "해결", "성춘향"),
        ("2025-03-08 10:00", "전화", "빛고을AI", "행사 문의", "해결", "김민서")])
    report = import_consultations(staffed_ctx, path)
    assert report.created == 4
    assert report.warnings == ["직원 목록에 없던 담당자 2명을 예전 직원(보관)으로 등록했습니다: 홍길동, 성춘향"]
    assert [s.name for s in staff.list_staff(staffed_ctx)] == ["김민서"]  # the pickers
    with staffed_ctx.db.reading() as s:
        former = s.execute(select(Staff.name).where(Staff.archived.is_(True))).scalars().all()
    assert sorted(former) == ["성춘향", "홍길동"]
    logged = consultations.views(staffed_ctx, consultations.view_query())
    assert sorted(c.staff_name for c in logged) == ["김민서", "성춘향", "홍길동", "홍길동"]


def test_old_follow_ups_come_in_closed_and_recent_ones_stay_open(staffed_ctx, tmp_path):
    path = _log_csv(tmp_path / "log.csv", [
        ("2023-05-02 10:00", "전화", "빛고을AI", "3년 전 후속조치", "후속조치", ""),
        ("2025-12-01 10:00", "전화", "빛고을AI", "오래된 보류 건", "보류", ""),
        ("2026-02-20 10:00", "전화", "빛고을AI", "최근 후속조치", "후속조치", ""),
        ("2025-01-10 10:00", "전화", "빛고을AI", "오래전에 해결", "해결", "")])
    report = import_consultations(staffed_ctx, path, today=date(2026, 3, 31))
    assert report.created == 4
    assert report.warnings == ["90일이 지난 후속조치·이관 2건은 처리 완료로 가져왔습니다 "
                               "(후속조치 목록에 나오지 않습니다)."]
    assert [c.question for c in consultations.list_follow_ups(staffed_ctx)] == ["최근 후속조치"]
    old = {c.question: c for c in consultations.views(staffed_ctx, consultations.view_query())}
    assert old["3년 전 후속조치"].outcome == "follow_up" and old["3년 전 후속조치"].closed_at
    assert "오래된 후속조치" in old["오래된 보류 건"].resolution
    assert old["최근 후속조치"].closed_at is None
    # importing again changes nothing, the closed ones included
    again = import_consultations(staffed_ctx, path, today=date(2026, 3, 31))
    assert (again.created, again.updated, again.unchanged, again.warnings) == (0, 0, 4, [])


def test_row_errors_and_the_summary_are_in_english_in_english_mode(staffed_ctx, tmp_path):
    from campdesk import i18n
    path = _log_csv(tmp_path / "log.csv", [
        ("2023-05-02 10:00", "전화", "빛고을AI", "오래된 후속조치", "후속조치", "홍길동"),
        ("2025-13-45", "전화", "빛고을AI", "날짜가 틀림", "해결", ""),
        ("2025-03-07 10:00", "전화", "빛고을AI", "", "해결", "")])
    i18n.set_language("en")
    try:
        report = import_consultations(staffed_ctx, path, today=date(2026, 3, 31))
    finally:
        i18n.set_language("ko")
    reasons = {r.row_no: r.reason for r in report.rejected}
    assert reasons[3] == "Not a date and time (got: 2025-13-45). Example: 2026-03-05 14:30"
    assert report.warnings == [
        "1 staff member not on the staff list was added as a former (archived) member: 홍길동",
        "1 follow-up or escalation older than 90 days was imported as closed "
        "(it is not in the follow-up list)."]
    old = consultations.views(staffed_ctx, consultations.view_query())[0]
    assert "오래된 후속조치" in old.resolution  # stored in Korean whatever the language
    assert 4 in reasons and not any("가" <= ch <= "힣" for ch in reasons[4])
