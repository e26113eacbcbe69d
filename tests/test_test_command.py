"""The README's test command (bash scripts/test.sh) never passes with the hub tests skipped:
without a PostgreSQL they can use it fails before any test runs and says what to do; it makes
the hub tests' database when the server lacks it; CAMPDESK_SKIP_HUB=1 is a developer's
explicit opt-out, refused in CI."""
from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ADMIN_URL = os.environ.get("CAMPDESK_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("CI", "CAMPDESK_REQUIRE_HUB", "CAMPDESK_SKIP_HUB", "CAMPDESK_TEST_PG")
           and not k.startswith("PYTEST_")}
    env.update(extra)
    return env


def _test_sh(*args: str, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "scripts/test.sh", *args], cwd=ROOT, env=_env(**env),
                          capture_output=True, text=True, timeout=300)


def test_without_postgresql_the_test_command_fails_before_any_test_and_says_why():
    nowhere = f"postgresql://postgres@127.0.0.1:{_closed_port()}/test"
    done = _test_sh("tests/test_limits.py", "-k", "postgresql", CAMPDESK_TEST_PG=nowhere)
    assert done.returncode == 1
    assert "The hub tests cannot run" in done.stderr and nowhere in done.stderr
    assert "CAMPDESK_SKIP_HUB=1" in done.stderr
    assert "passed" not in done.stdout and "skipped" not in done.stdout


def test_a_developer_can_skip_the_hub_tests_explicitly():
    nowhere = f"postgresql://postgres@127.0.0.1:{_closed_port()}/test"
    done = _test_sh("tests/test_limits.py", "-k", "postgresql", "-rs",
                    CAMPDESK_TEST_PG=nowhere, CAMPDESK_SKIP_HUB="1")
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    assert "the hub tests (PostgreSQL) are skipped" in done.stderr
    assert re.search(r"\b\d+ skipped", done.stdout) and " passed" not in done.stdout
    assert "CAMPDESK_SKIP_HUB=1: the hub tests (PostgreSQL) were not run" in done.stdout


def test_ci_refuses_to_skip_the_hub_tests():
    done = _test_sh("tests/test_limits.py", CI="true", CAMPDESK_SKIP_HUB="1")
    assert done.returncode == 1
    assert "not allowed in CI" in done.stderr
    assert "passed" not in done.stdout


@pytest.mark.hub
def test_the_hub_tests_database_is_made_when_the_server_lacks_it():
    psycopg = pytest.importorskip("psycopg")
    from psycopg import conninfo
    name = f"cd_check_{uuid.uuid4().hex[:10]}"
    url = conninfo.make_conninfo(ADMIN_URL, dbname=name)
    check = [sys.executable, str(ROOT / "scripts" / "check_hub_db.py")]
    try:
        made = subprocess.run(check, env=_env(CAMPDESK_TEST_PG=url), capture_output=True,
                              text=True, timeout=60)
        assert made.returncode == 0, made.stderr
        assert f"Made the database {name!r}" in made.stdout
        psycopg.connect(url, connect_timeout=5).close()
        again = subprocess.run(check, env=_env(CAMPDESK_TEST_PG=url), capture_output=True,
                               text=True, timeout=60)
        assert again.returncode == 0 and again.stdout == ""  # there already: nothing to say
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
