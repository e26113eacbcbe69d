"""Report builders are part of the headless core: no Qt, so the CLI and workers can use them."""
import subprocess
import sys


def test_reports_and_their_data_load_without_qt():
    code = ("import sys, campdesk.reports.api, campdesk.reports.cli, campdesk.services.reporting; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
