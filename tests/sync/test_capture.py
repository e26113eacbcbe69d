"""Every local write lands in the outbox in the same transaction (no hub needed)."""
from __future__ import annotations

import json
from unittest.mock import ANY
import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from campdesk.store import capture, migrate
from campdesk.store.base import Base
from campdesk.store.db import Database
from campdesk.store.models import Company
from campdesk.sync import hlc


@pytest.fixture
def db(ctx):
    return ctx.db


def _outbox(db) -> list[dict]:
    with db.engine.connect() as conn:
        rows = conn.exec_driver_sql("SELECT seq, tbl, row_id, op, patch, base, clock "
                                    "FROM sync_outbox ORDER BY seq").mappings().all()
    return [dict(r) for r in rows]


def _add(db, name="빛고을") -> str:
    with db.transaction() as s:
        c = Company(name=name, name_norm=name)
        s.add(c)
    return c.id


def test_insert_update_delete_are_queued_with_changed_fields_only(db):
    cid = _add(db)
    with db.transaction() as s:
        s.get(Company, cid).phone = "062-123-4567"
    with db.transaction() as s:
        company = s.get(Company, cid)
        company.email, company.updated_by = "a@b.kr", "staff-kim"
    with db.transaction() as s:
        s.get(Company, cid).notes = "같은 사람이 또 고침"
    with db.transaction() as s:
        s.delete(s.get(Company, cid))
    ins, upd, by_kim, again, dele = _outbox(db)
    assert (ins["op"], json.loads(ins["patch"])["name"]) == ("upsert", "빛고을")
    assert set(json.loads(upd["patch"])) == {"phone", "updated_at"}
    # who made an edit goes with it, even when the same person made the one before
    assert json.loads(by_kim["patch"])["updated_by"] == "staff-kim"
    assert json.loads(again["patch"]) == {"notes": "같은 사람이 또 고침", "updated_at": ANY,
                                          "updated_by": "staff-kim"}
    assert set(json.loads(upd["base"]).values()) == {ins["clock"]}  # based on its own insert
    assert dele["op"] == "delete" and dele["row_id"] == cid
    assert ins["clock"] < upd["clock"] < dele["clock"]


def test_rolled_back_write_leaves_neither_row_nor_outbox(db):
    with pytest.raises(RuntimeError):
        with db.transaction() as s:
            s.add(Company(name="x", name_norm="x"))
            s.flush()
            raise RuntimeError("user cancelled")
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM companies").scalar() == 0
    assert _outbox(db) == []


def test_raw_sql_is_captured_and_applying_flag_silences_it(db):
    conn = sqlite3.connect(db.path, isolation_level=None)
    conn.execute("INSERT INTO staff (id, name, role, created_at, updated_at, archived) "
                 "VALUES ('s1', '김', 'onsite', '2026-01-01', '2026-01-01', 0)")
    conn.execute("BEGIN IMMEDIATE")
    with capture.applying(conn):
        conn.execute("UPDATE staff SET name = '이' WHERE id = 's1'")
    conn.execute("COMMIT")
    conn.execute("UPDATE staff SET phone = '010' WHERE id = 's1'")
    conn.close()
    ops = [(r["tbl"], sorted(json.loads(r["patch"]))) for r in _outbox(db)]
    assert ops[0][0] == "staff" and len(ops) == 2
    assert ops[1] == ("staff", ["phone"])  # the applied rename was not queued


def test_clock_stepping_back_keeps_hlc_monotonic(db):
    _add(db, "a")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE sync_state SET skew_ms = -3600000")  # wall clock -1 h
    _add(db, "b")
    first, second = (hlc.value(r["clock"]) for r in _outbox(db))
    assert second > first
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT hlc FROM sync_state").scalar() == second


def test_migration_queues_rows_written_before_capture_existed(tmp_path):
    db = Database(tmp_path / "old.sqlite3")
    cfg = migrate._config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.exec_driver_sql("INSERT INTO staff (id, name, role, created_at, updated_at, archived)"
                             " VALUES ('old', '박', 'onsite', '2025-01-01', '2025-01-01', 0)")
    migrate.upgrade(db)
    rows = _outbox(db)
    assert [(r["tbl"], r["row_id"]) for r in rows] == [("staff", "old")]
    with db.engine.connect() as conn:
        assert capture.missing_triggers(conn) == []
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "sync" in repr(d)] == []
    db.dispose()


def test_sync_core_does_not_load_qt():
    import subprocess
    import sys
    code = ("import sys, campdesk.sync.engine, campdesk.sync.runner, campdesk.sync.attention, "
            "campdesk.sync.cli, campdesk.sync.hub_init; print('PySide6' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
