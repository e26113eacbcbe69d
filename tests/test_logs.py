"""The log: errors with their tracebacks in the data folder, never on the terminal, never a
password; a command that only reads leaves no log behind."""
from __future__ import annotations

import logging

from campdesk import logs
from campdesk.cli import main


def test_an_error_is_logged_with_its_traceback_and_without_its_password(tmp_path, capsys):
    path = logs.setup(tmp_path)
    try:
        raise ValueError("cannot reach postgresql://kim:s3cret@hub.camp.local/campdesk "
                         "(host=hub password=s3cret-2)")
    except ValueError:
        logging.getLogger("campdesk.sync.engine").exception("sync round failed")
    text = path.read_text(encoding="utf-8")
    assert "Traceback" in text and "sync round failed" in text and "hub.camp.local" in text
    assert "s3cret" not in text
    assert capsys.readouterr().err == ""


def test_a_failed_sync_says_one_line_and_logs_no_password(tmp_path, capsys):
    code = main(["--home", str(tmp_path), "sync", "--hub",
                 "postgresql://kim:s3cret@127.0.0.1:1/campdesk"])
    err = capsys.readouterr().err
    assert code == 1 and len(err.strip().splitlines()) == 1 and "s3cret" not in err
    for log in (tmp_path / "logs").glob("*"):
        assert "s3cret" not in log.read_text(encoding="utf-8")


def test_a_command_that_only_reads_makes_no_log_folder(tmp_path):
    home = tmp_path / "home"
    main(["--home", str(home), "db", "check"])
    assert not (home / "logs").exists()
