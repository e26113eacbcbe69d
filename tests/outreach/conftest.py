"""Outreach fixtures: the companies the realistic files in files/ name, and the real-hub
fixtures of tests/sync for the sync test."""
from __future__ import annotations

from pathlib import Path

import pytest

from campdesk.services import companies, staff
from sync.conftest import empty_db, hub_url, make_pc  # noqa: F401  (real-hub fixtures)

FILES = Path(__file__).parent / "files"

# As the register has them; the agencies' and companies' files write them their own way.
REGISTER = [("(주)무등소프트", "410-81-10005", "mou"), ("금남로봇", "123-86-10009", "tenant"),
            ("빛고을데이터 주식회사", "620-88-10009", "mou"), ("무등소프트랩", "550-81-10002", "mou")]


@pytest.fixture
def registered(staffed_ctx):
    """name → id of the four companies, and a second on-site staff member."""
    staff.add_staff(staffed_ctx, "이준호", "onsite")
    staff.add_staff(staffed_ctx, "최유나", "operator")
    return {name: companies.create_company(staffed_ctx, {"name": name, "business_no": no,
                                                         "relationship": rel})
            for name, no, rel in REGISTER}


def run_cli(home, *args) -> tuple[int, str, str]:
    """``campdesk --home HOME args…`` in this process: (exit code, stdout, stderr)."""
    import contextlib
    import io

    from campdesk.cli import main
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--home", str(home), *map(str, args)])
    return code, out.getvalue(), err.getvalue()


def pdf_text(path) -> str:
    import subprocess
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout
