"""Bring the local database's schema to the newest revision, after taking a backup.

Alembic is imported only when there is something to upgrade: at an ordinary start the
database is already at ``SCHEMA_HEAD`` and a one-row query says so.
"""
from __future__ import annotations

from sqlalchemy import inspect, text

from campdesk.paths import migrations_dir
from campdesk.store.backup import backup_database
from campdesk.store.db import Database

# The newest revision under db/versions (tests/test_migrations.py checks they agree).
SCHEMA_HEAD = "0004"


def _config():
    from alembic.config import Config
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


class SchemaTooNew(Exception):
    """The database was made by a newer CampDesk; this one must not touch it."""

    def __init__(self, revision: str):
        super().__init__(f"이 데이터베이스(스키마 {revision})는 더 새 버전의 CampDesk로 만들어졌습니다. "
                         "CampDesk를 업데이트해 주세요.")
        self.revision = revision


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory
    from alembic.util import CommandError
    try:
        return ScriptDirectory.from_config(_config()).get_revision(revision) is not None
    except CommandError:
        return False


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != SCHEMA_HEAD


def upgrade(db: Database, backup_dir=None, target: str = "head") -> str | None:
    """Upgrade to ``target``. Returns the backup made first, if the database had a schema."""
    current = current_revision(db)
    if current == (SCHEMA_HEAD if target == "head" else target):
        return None
    if current is not None and not _known(current):
        raise SchemaTooNew(current)
    backup = None
    if current is not None and backup_dir is not None:
        backup = backup_database(db, backup_dir, reason=f"before-upgrade-{current}")
    from alembic import command
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
        if inspect(conn).has_table("sync_outbox"):
            # A migration that rebuilds a table on SQLite drops its capture triggers:
            # put them back in the same transaction, so no write can slip past sync.
            from campdesk.store import capture
            capture.install(conn)
    return backup
