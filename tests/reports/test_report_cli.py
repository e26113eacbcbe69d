"""``campdesk report …`` as scripts use it: exit codes, one-line reasons, the PDF written."""
import pytest

from campdesk.cli import main

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
