"""The command line speaks the language of CAMPDESK_LANG, else the one saved in the data
folder's settings (the app's Settings dialog), else Korean."""
import json
import os
import re
import subprocess
import sys

import pytest

from campdesk import i18n
from campdesk.cli import saved_language

HANGUL = re.compile(r"[가-힣]")


def run(home, *args, lang=None):
    env = {k: v for k, v in os.environ.items() if k != "CAMPDESK_LANG"}
    env["CAMPDESK_HOME"] = ""
    if lang is not None:
        env["CAMPDESK_LANG"] = lang
    return subprocess.run([sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def save_language(home, language):
    home.mkdir(parents=True, exist_ok=True)
    (home / "settings.json").write_text(json.dumps({"language": language}), encoding="utf-8")


def test_campdesk_lang_en_prints_english_help_and_errors(tmp_path):
    home = tmp_path / "no-such-home"
    proc = run(home, "--help", lang="en")
    assert proc.returncode == 0
    assert "Fill an empty database with sample data" in proc.stdout
    assert "Data folder (default: the user data folder, or $CAMPDESK_HOME)" in proc.stdout
    assert "빈 데이터베이스에 예시 데이터를 넣습니다" not in proc.stdout
    proc = run(home, "db", "check", lang="en")
    assert proc.returncode == 1
    assert proc.stderr.startswith("campdesk: There is no database:")
    assert not HANGUL.search(proc.stderr)
    assert not home.exists()  # reading the saved language made no data folder


def test_korean_by_default(tmp_path):
    home = tmp_path / "no-such-home"
    proc = run(home, "db", "check")
    assert proc.returncode == 1 and "데이터베이스가 없습니다" in proc.stderr
    assert "빈 데이터베이스에 예시 데이터를 넣습니다" in run(home, "--help").stdout
    assert not home.exists()


def test_the_saved_language_is_used_when_campdesk_lang_is_not_set(tmp_path):
    home = tmp_path / "home"
    save_language(home, "en")
    proc = run(home, "mentors", "suggest", "--text", "투자", "--top", "0")
    assert proc.returncode == 1
    assert proc.stderr.strip() == "campdesk: --top must be 1 or more."
    # CAMPDESK_LANG wins over the saved setting.
    proc = run(home, "mentors", "suggest", "--text", "투자", "--top", "0", lang="ko")
    assert proc.stderr.strip() == "campdesk: --top은 1 이상이어야 합니다."


def test_english_output_of_a_command_that_works(tmp_path):
    home = tmp_path / "home"
    proc = run(home, "db", "upgrade", lang="en")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.startswith("The database is up to date (version ")
    proc = run(home, "events", "concerts", "--year", "1800", lang="en")
    assert proc.stderr.strip() == "campdesk: Check the year: 1800"


def test_the_reports_cli_follows_the_language_set_in_main(tmp_path):
    """The report commands are registered after the language is set: their refusals
    come in that language too."""
    proc = run(tmp_path / "home", "report", "monthly", "--month", "2026-13",
               "--out", str(tmp_path / "x.pdf"), lang="en")
    assert proc.returncode == 1 and "2026-13" in proc.stderr
    assert not HANGUL.search(proc.stderr) and "Traceback" not in proc.stderr


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", '{"language": 5}', '{"language": null}'])
def test_a_settings_file_that_cannot_be_read_means_korean(tmp_path, monkeypatch, content):
    monkeypatch.delenv("CAMPDESK_LANG", raising=False)
    (tmp_path / "settings.json").write_text(content, encoding="utf-8")
    assert i18n.language_from_environment(saved_language(str(tmp_path))) == "ko"


def test_saved_language_reads_without_making_a_data_folder(tmp_path):
    assert saved_language(str(tmp_path / "missing")) == "ko"
    assert not (tmp_path / "missing").exists()
    save_language(tmp_path / "home", "en")
    assert saved_language(str(tmp_path / "home")) == "en"
