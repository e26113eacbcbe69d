"""The spaces rules, services, import and guide run without Qt (CLI, workers, sync)."""
import subprocess
import sys


def test_importing_the_core_does_not_load_qt():
    code = ("import sys, campdesk.domain.occupancy, campdesk.services.spaces, "
            "campdesk.services.space_import, campdesk.reports.free_spaces; "
            "sys.exit('PySide6' in sys.modules)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0
