"""``campdesk report …`` as scripts use it: exit codes, one-line reasons, the PDF written."""
import pytest

from campdesk.cli import main
from campdesk.services.period import Month

from pdfcheck import ReadBack


@pytest.fixture
def home(staffed_ctx, camp):
    return str(staffed_ctx.paths.home)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_monthly_camp_report_is_written(home, tmp_path, capsys):
    out = tmp_path / "camp.pdf"
    code, stdout, _ = run(capsys, "--home", home, "report", "monthly", "--month", "2026-03",
                          "--out", str(out))
    assert code == 0 and str(out) in stdout
    assert "2026년 3월 AI창업캠프 월간 운영 보고서" in ReadBack(out.read_bytes()).text


def test_monthly_report_of_one_tenant(home, camp, tmp_path, capsys):
    out = tmp_path / "a.pdf"
    code, _, _ = run(capsys, "--home", home, "report", "monthly", "--month", "2026.3",
                     "--company", camp.a, "--out", str(out))
    assert code == 0
    assert "빛고을인공지능 · 2026년 3월 월간 보고" in ReadBack(out.read_bytes()).flat


def test_consultation_and_company_documents(home, camp, tmp_path, capsys):
    assert run(capsys, "--home", home, "report", "consultation", camp.escalation,
               "--out", str(tmp_path / "c.pdf"))[0] == 0
    assert run(capsys, "--home", home, "report", "company", camp.a,
               "--out", str(tmp_path / "r.pdf"))[0] == 0
    assert len(ReadBack((tmp_path / "c.pdf").read_bytes())) == 1


def test_tenants_batch_to_one_file_or_a_folder(home, tmp_path, capsys):
    assert run(capsys, "--home", home, "report", "tenants", "--month", "2026-03",
               "--out", str(tmp_path / "all.pdf"))[0] == 0
    code, stdout, _ = run(capsys, "--home", home, "report", "tenants", "--month", "2026-03",
                          "--out", str(tmp_path / "each"))
    assert code == 0 and "3개" in stdout
    assert len(list((tmp_path / "each").glob("2026-03_*.pdf"))) == 3


@pytest.mark.parametrize("argv, reason", [
    (["monthly", "--month", "2026-13"], "YYYY-MM"),
    (["monthly", "--month", "march"], "YYYY-MM"),
    (["tenants", "--month", "2026-00"], "YYYY-MM"),
    (["monthly", "--month", "2026-03", "--company", "nope"], "기업을 찾을 수 없습니다"),
    (["consultation", "nope"], "상담 기록을 찾을 수 없습니다"),
    (["company", "nope"], "기업을 찾을 수 없습니다"),
])
def test_bad_month_or_unknown_id_exits_1_with_one_line(home, tmp_path, capsys, argv, reason):
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--home", home, "report", *argv, "--out", str(out))
    assert code == 1
    assert reason in err and err.count("\n") == 1
    assert not out.exists()


def test_by_names_the_maker_and_the_pdf_has_a_title(home, camp, tmp_path, capsys):
    out = tmp_path / "r.pdf"
    code, _, _ = run(capsys, "--home", home, "report", "company", camp.a, "--out", str(out),
                     "--by", "이담당")
    assert code == 0
    doc = ReadBack(out.read_bytes())
    assert "작성자 이담당" in doc.pages[0]
    title = doc.reader.metadata.title
    assert title.startswith("기업 상담 기록부 · 빛고을인공지능 · ") and title[-1] == "."


def test_a_mistyped_home_fails_in_one_line_and_creates_nothing(tmp_path, capsys):
    home = tmp_path / "no-such-folder"
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--home", str(home), "report", "monthly", "--month", "2026-03",
                       "--out", str(out))
    assert code == 1 and err.count("\n") == 1 and str(home) in err and "--home" in err
    assert not home.exists() and not out.exists()


@pytest.mark.parametrize("month", ["1999-01", "2099-01"])
def test_a_month_without_records_is_refused_with_the_span(home, tmp_path, capsys, month):
    out = tmp_path / "x.pdf"
    code, _, err = run(capsys, "--home", home, "report", "monthly", "--month", month,
                       "--out", str(out))
    assert code == 1 and err.count("\n") == 1
    assert "기록이 없어 보고서를 만들지 않았습니다" in err and "기록은 2025. 3. 5.부터" in err
    assert not out.exists()


def test_a_tenant_report_for_a_never_tenant_warns(home, camp, tmp_path, capsys):
    out = tmp_path / "c.pdf"
    code, _, err = run(capsys, "--home", home, "report", "monthly", "--month", "2026-03",
                       "--company", camp.c, "--out", str(out))
    assert code == 0 and "입주한 기록이 없습니다" in err
    assert "입주공간을 사용한 기록이 없습니다" in ReadBack(out.read_bytes()).flat


def test_every_registered_kind_has_a_command_and_a_page_entry():
    from campdesk.reports import kinds
    from campdesk.cli import build_parser
    parser = build_parser()
    for kind in kinds.KINDS:
        assert kind.command in kinds.commands()
        args = ["report", kind.command, "--out", "x.pdf"]
        if len(kind.needs) == 1 and kinds.PARAMS[kind.needs[0]].metavar == "ID" and all(
                kind.needs[0] in other.needs for other in kinds.for_command(kind.command)):
            args.insert(2, "ID")  # report company ID
        else:
            for need in kind.needs:
                param = kinds.PARAMS[need]
                args += [param.option] if param.flag else \
                    [param.option, "2026-03" if need == "month" else "ID"]
        parsed = parser.parse_args(args)
        assert parsed.func.__name__ == "cmd_report"


def test_a_new_kind_is_one_registry_entry(home, camp, tmp_path, capsys, monkeypatch):
    """What another engineer's kind gets from one entry: a CLI command with its values."""
    from campdesk.reports import kinds
    made = []

    def make(ctx, request):
        made.append((request.month.key, request.company_id, request.made_by))
        return b"%PDF-1.4 test"

    extra = kinds.ReportKind("mentoring", "멘토링 일지", make,
                             needs=("company", "month"), command="mentoring", help="멘토링 일지")
    monkeypatch.setattr(kinds, "KINDS", kinds.KINDS + [extra])
    out = tmp_path / "m.pdf"
    code, _, _ = run(capsys, "--home", home, "report", "mentoring", "--month", "2026-03",
                     "--company", camp.a, "--out", str(out), "--by", "박멘토")
    assert code == 0 and made == [("2026-03", camp.a, "박멘토")] and out.exists()
    assert kinds.kind("mentoring").default_name(kinds.Request(month=Month(2026, 3))) == "mentoring.pdf"
