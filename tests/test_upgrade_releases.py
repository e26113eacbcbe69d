"""A PC that installs this CampDesk over a released one keeps every record: the database of
each release (tests/fixtures/README.md) is upgraded at the first start, with a backup first
that passes `campdesk db check` and can be restored."""
from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from campdesk.services import companies
from campdesk.services.context import open_context
from campdesk.store import migrate

FIXTURES = Path(__file__).parent / "fixtures"
# Each released CampDesk whose schema differs, with the revision its database is at.
RELEASES = {"0.1.0": "0003"}


def snapshot(path: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every row of every table (its columns and values), in rowid order; the schema
    revision itself is left out."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = [r[0] for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'alembic_version'")]
        out = {}
        for table in tables:
            cursor = conn.execute(f'SELECT * FROM "{table}" ORDER BY rowid')
            out[table] = ([d[0] for d in cursor.description], cursor.fetchall())
        return out
    finally:
        conn.close()


def project(rows: tuple[list[str], list[tuple]], columns: list[str]) -> list[tuple]:
    """The rows with only ``columns`` (an upgrade may add columns, never drop a value)."""
    names, values = rows
    index = [names.index(c) for c in columns]
    return [tuple(row[i] for i in index) for row in values]


def assert_same_records(before: dict, path: Path) -> None:
    after = snapshot(path)
    assert set(before) <= set(after), f"tables gone: {set(before) - set(after)}"
    for table, (columns, rows) in before.items():
        kept = project(after[table], columns)
        assert len(kept) == len(rows), f"{table}: {len(rows)} rows before, {len(kept)} after"
        assert kept == rows, f"{table}: values changed"


def revision(path: Path) -> str:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


def cli(home: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "CAMPDESK_HOME": ""}
    return subprocess.run([sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=300)


@pytest.fixture(params=sorted(RELEASES))
def released(request, tmp_path):
    """A data folder holding the database a PC had under that release."""
    version = request.param
    fixture = FIXTURES / f"campdesk-{version}.sqlite3"
    assert revision(fixture) == RELEASES[version]
    home = tmp_path / "home"
    home.mkdir()
    shutil.copyfile(fixture, home / "campdesk.sqlite3")
    return version, fixture, home


def test_the_fixtures_fill_every_table_of_their_release(released):
    _version, fixture, _home = released
    empty = [t for t, (_c, rows) in snapshot(fixture).items() if not rows]
    assert empty == []


def test_every_record_of_a_released_database_is_there_after_the_upgrade(released):
    version, fixture, home = released
    before = snapshot(fixture)
    ctx = open_context(home)  # what the app and every command do first
    ctx.close()
    database = home / "campdesk.sqlite3"
    assert revision(database) == migrate.SCHEMA_HEAD
    assert_same_records(before, database)
    # A sample by eye, beyond the row-by-row comparison: what the desk typed last.
    conn = sqlite3.connect(database)
    try:
        company = conn.execute("SELECT id, name, business_no FROM companies "
                               "WHERE name = '업그레이드시험(주)'").fetchone()
        assert company is not None and company[2] == "410-86-12347"
        assert conn.execute("SELECT name FROM contacts WHERE company_id = ?",
                            (company[0],)).fetchone() == ("정다은",)
        assert conn.execute("SELECT count(*) FROM audit_log WHERE new_value = '062-610-2400'"
                            ).fetchone() == (1,)
    finally:
        conn.close()


def test_changes_waiting_for_the_hub_still_wait_and_new_ones_queue_behind_them(released):
    _version, fixture, home = released
    before = snapshot(fixture)
    pending = before["sync_outbox"][1]
    assert pending, "the fixture has changes the hub has not acknowledged"
    ctx = open_context(home)
    try:
        new_id = companies.create_company(ctx, {"name": "업그레이드후기업"})
        with ctx.db.engine.connect() as conn:
            outbox = conn.exec_driver_sql("SELECT seq, tbl, row_id, op, patch, base, clock "
                                          "FROM sync_outbox ORDER BY seq").fetchall()
            state = conn.exec_driver_sql("SELECT site_id, pull_cursor, hub_generation "
                                         "FROM sync_state").fetchone()
    finally:
        ctx.close()
    columns = ["seq", "tbl", "row_id", "op", "patch", "base", "clock"]
    assert [tuple(r) for r in outbox[:len(pending)]] == project(before["sync_outbox"], columns)
    later = outbox[len(pending):]
    assert later and all(r.seq > pending[-1][0] for r in later)
    assert ("companies", new_id) in {(r.tbl, r.row_id) for r in later}
    # The PC is the same site, and goes on pulling where it stopped.
    assert tuple(state) == tuple(project(before["sync_state"],
                                         ["site_id", "pull_cursor", "hub_generation"])[0])


def test_the_backup_taken_before_the_upgrade_checks_and_restores(released, tmp_path):
    version, fixture, home = released
    before = snapshot(fixture)
    upgraded = cli(home, "db", "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    backups = sorted((home / "backups").glob(f"*before-upgrade-{RELEASES[version]}*.sqlite3"))
    assert len(backups) == 1, list((home / "backups").iterdir())
    backup = backups[0]
    assert str(backup) in upgraded.stdout  # the command says where it is
    # The backup is the database as the release left it, whole.
    assert revision(backup) == RELEASES[version]
    assert_same_records(before, backup)
    aside = tmp_path / "check"
    aside.mkdir()
    shutil.copyfile(backup, aside / "campdesk.sqlite3")
    checked = cli(aside, "db", "check")
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "이상 없음" in checked.stdout
    # Something goes wrong after the upgrade: the desk restores the backup.
    ctx = open_context(home)
    companies.create_company(ctx, {"name": "복원하면없어질기업"})
    ctx.close()
    restored = cli(home, "db", "restore", str(backup))
    assert restored.returncode == 0, restored.stdout + restored.stderr
    database = home / "campdesk.sqlite3"
    assert revision(database) == migrate.SCHEMA_HEAD  # upgraded again as it was restored
    assert_same_records(before, database)
    conn = sqlite3.connect(database)
    try:
        assert conn.execute("SELECT count(*) FROM companies WHERE name = '복원하면없어질기업'"
                            ).fetchone() == (0,)
    finally:
        conn.close()
    assert cli(home, "db", "check").returncode == 0
