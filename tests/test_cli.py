"""The command line as scripts and staff use it: exit codes, messages, files."""
import csv
import os
import subprocess
import sys

import pytest

from campdesk.domain.validation import business_no_is_valid


def run(home, *args, check_code=None):
    env = {**{k: v for k, v in os.environ.items() if k != "CAMPDESK_LANG"}, "CAMPDESK_HOME": ""}
    proc = subprocess.run([sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=300)
    if check_code is not None:
        assert proc.returncode == check_code, proc.stdout + proc.stderr
    return proc


def test_version(tmp_path):
    proc = run(tmp_path, "--version", check_code=0)
    assert proc.stdout.startswith("CampDesk ")


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory):
    home = tmp_path_factory.mktemp("demo")
    run(home, "demo", "--scale", "small", "--seed", "7", check_code=0)
    return home


def test_demo_then_export_all_gives_excel_ready_csvs(demo_home, tmp_path):
    out = tmp_path / "out"
    run(demo_home, "export", "--all", str(out), check_code=0)
    with open(out / "companies.csv", encoding="utf-8-sig", newline="") as f:
        companies = list(csv.DictReader(f))
    mou = [c for c in companies if c["구분"] == "MOU 체결 기업"]
    assert len(mou) >= 90
    assert all(business_no_is_valid(c["사업자등록번호"].replace("-", "")) for c in mou)
    with open(out / "consultations.csv", encoding="utf-8-sig", newline="") as f:
        consultations = list(csv.DictReader(f))
    assert 2500 <= len(consultations) <= 3500
    assert {"대면", "전화", "방문", "서면"} <= {c["경로"] for c in consultations}
    assert (out / "companies.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_demo_is_deterministic_and_refuses_a_database_with_data(demo_home, tmp_path):
    other = tmp_path / "other"
    run(other, "demo", "--seed", "7", check_code=0)
    run(demo_home, "export", "companies", str(tmp_path / "a.csv"), check_code=0)
    run(other, "export", "companies", str(tmp_path / "b.csv"), check_code=0)
    assert (tmp_path / "a.csv").read_bytes() == (tmp_path / "b.csv").read_bytes()
    proc = run(demo_home, "demo", check_code=1)
    assert "이미 데이터가 있어" in proc.stderr and "Traceback" not in proc.stderr


def test_import_exit_codes(tmp_path):
    home = tmp_path / "home"
    good = tmp_path / "good.csv"
    good.write_text("기업명,사업자등록번호\n빛고을AI,124-81-00998\n", encoding="cp949")
    run(home, "import", "companies", str(good), check_code=0)
    partial = tmp_path / "partial.csv"
    partial.write_text("기업명,사업자등록번호\n무등AI,124-81-00998\n광주랩,1234567890\n", encoding="utf-8")
    proc = run(home, "import", "companies", str(partial), check_code=2)
    assert "3행 [사업자등록번호]" in proc.stdout and "검증번호" in proc.stdout
    proc = run(home, "import", "companies", str(tmp_path / "missing.csv"), check_code=1)
    assert "파일이 없습니다" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1


def test_import_spaces_reports_rows_in_order(tmp_path):
    sheet = tmp_path / "spaces.csv"
    sheet.write_text("층,호실,구분,소속 공간,좌석수,면적\n5,501호,사무실,,4,24\n5,5F-D02,좌석,없는방,1,4\n"
                     "x,502호,사무실,,4,abc\n", encoding="cp949")
    proc = run(tmp_path / "home", "import", "spaces", str(sheet), check_code=2)
    lines = proc.stdout.splitlines()
    assert "새로 추가 1" in lines[0] and "거부 2행" in lines[0]
    assert [line.split("행")[0].strip() for line in lines[1:]] == ["3", "4", "4"]


def test_export_usage_errors_are_one_line(demo_home, tmp_path):
    proc = run(demo_home, "export", "nosuchtable", str(tmp_path / "x.csv"), check_code=1)
    assert "알 수 없는 테이블" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(demo_home, "export", "companies", str(tmp_path / "x.pdf"), check_code=1)
    assert ".csv" in proc.stderr


@pytest.mark.parametrize("action", ["check", "backup"])
def test_db_check_or_backup_of_a_mistyped_home_creates_nothing(tmp_path, action):
    home = tmp_path / "no-such-home"
    proc = run(home, "db", action, check_code=1)
    assert len(proc.stderr.strip().splitlines()) == 1 and not home.exists()


def test_export_from_a_mistyped_home_creates_nothing(tmp_path):
    home = tmp_path / "no-such-home"
    proc = run(home, "export", "companies", str(tmp_path / "x.csv"), check_code=1)
    assert "--home" in proc.stderr and len(proc.stderr.strip().splitlines()) == 1
    assert not home.exists() and not (tmp_path / "x.csv").exists()


def test_backup_check_and_restore(demo_home, tmp_path):
    proc = run(demo_home, "db", "backup", check_code=0)
    backup = proc.stdout.strip().split(": ", 1)[1]
    assert os.path.exists(backup)
    run(demo_home, "db", "check", check_code=0)
    home = tmp_path / "broken"
    home.mkdir()
    (home / "campdesk.sqlite3").write_bytes(b"this is not a database at all" * 100)
    proc = run(home, "db", "check", check_code=1)
    assert "데이터베이스 파일이 아닙니다" in proc.stdout
    proc = run(home, "export", "companies", str(tmp_path / "x.csv"), check_code=1)
    assert "db check" in proc.stderr and "Traceback" not in proc.stderr
    proc = run(home, "db", "restore", backup, check_code=0)
    assert "복원 전 데이터베이스는 여기에 보관했습니다" in proc.stdout
    run(home, "db", "check", check_code=0)
    run(home, "export", "companies", str(tmp_path / "restored.csv"), check_code=0)
    bogus = tmp_path / "bogus.sqlite3"
    bogus.write_text("nope")
    proc = run(home, "db", "restore", str(bogus), check_code=1)
    assert "복원할 수 없습니다" in proc.stderr


def test_core_does_not_import_qt(tmp_path):
    code = ("import sys, campdesk.services.companies, campdesk.services.consultations, "
            "campdesk.services.importer, campdesk.services.exporter, campdesk.services.demo, "
            "campdesk.cli; assert not any(m.startswith('PySide6') for m in sys.modules), "
            "[m for m in sys.modules if m.startswith('PySide6')]")
    subprocess.run([sys.executable, "-c", code], check=True)
