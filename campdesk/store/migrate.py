"""Bring the local database's schema to the newest revision, after taking a backup.

Alembic and SQLAlchemy are imported only when there is something to upgrade: at an
ordinary start the database is already at ``SCHEMA_HEAD`` and a one-row query with the plain
``sqlite3`` module says so.
"""
from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from campdesk.i18n import _
from campdesk.paths import migrations_dir

if TYPE_CHECKING:
    from campdesk.store.db import Database

# The newest revision under db/versions (tests/test_migrations.py checks they agree).
SCHEMA_HEAD = "0007_dashboard_indexes"


def _config():
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    """The schema revision of the database file; None when it has none (or no file)."""
    if not db.path.is_file():
        return None
    conn = db.read_only()
    try:
        return revision_of(conn)
    finally:
        conn.close()


class SchemaTooNew(Exception):
    """The database was made by a newer CampDesk; this one must not touch it."""

    def __init__(self, revision: str):
        super().__init__(_("이 데이터베이스(스키마 {revision})는 더 새 버전의 CampDesk로 "
                           "만들어졌습니다. CampDesk를 업데이트해 주세요.").format(revision=revision))
        self.revision = revision


def known_revision(revision: str) -> bool:
    """A revision of this CampDesk's migrations (an older one, or the newest)."""
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != SCHEMA_HEAD


def upgrade(db: Database, backup_dir=None, target: str = "head") -> str | None:
    """Upgrade to ``target``. Returns the backup made first, if the database had a schema.

    The database is upgraded only while no other connection has it open (a CampDesk that is
    running, another program): else DatabaseInUse says who, and nothing is changed.
    """
    wanted = SCHEMA_HEAD if target == "head" else target
    current = current_revision(db)
    if current == wanted:
        return None
    if current is not None and not known_revision(current):
        raise SchemaTooNew(current)
    from campdesk.store.backup import backup_connection
    from campdesk.store.instance import exclusive
    db.dispose()  # this process's own idle connection is no other program
    with exclusive(db.path, "upgrade") as conn:
        current = revision_of(conn)  # again, now that nobody else can change it
        if current == wanted:
            return None
        if current is not None and not known_revision(current):
            raise SchemaTooNew(current)
        backup = None
        if current is not None and backup_dir is not None:
            backup = backup_connection(conn, backup_dir, reason=f"before-upgrade-{current}")
        upgrade_connection(conn, target)
    return backup


def revision_of(conn: sqlite3.Connection) -> str | None:
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                        "AND name = 'alembic_version'").fetchone():
        return None
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return row[0] if row else None


def upgrade_connection(raw: sqlite3.Connection, target: str = "head") -> None:
    """Run the migrations to ``target`` on one open sqlite3 connection (in autocommit mode,
    ``isolation_level=None``), in one transaction; the caller holds the database alone."""
    from alembic import command
    from sqlalchemy import create_engine, event, inspect
    from sqlalchemy.pool import StaticPool

    from campdesk.store import limits
    limits.install_guard()
    raw.execute("PRAGMA foreign_keys=ON")
    engine = create_engine("sqlite://", creator=lambda: raw, poolclass=StaticPool)
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if inspect(conn).has_table("sync_outbox"):
            # A migration that rebuilds a table on SQLite drops its capture triggers:
            # put them back in the same transaction, so no write can slip past sync.
            from campdesk.store import capture
            capture.install(conn)
    # The connection is the caller's: the engine is left to the garbage collector, unclosed.
