"""Bring the local database's schema to the newest revision, after taking a backup."""
from __future__ import annotations

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory

from campdesk.paths import migrations_dir
from campdesk.store.backup import backup_database
from campdesk.store.db import Database


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(migrations_dir()))
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_config()).get_current_head()


def current_revision(db: Database) -> str | None:
    with db.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def needs_upgrade(db: Database) -> bool:
    return current_revision(db) != head_revision()


def upgrade(db: Database, backup_dir=None, target: str = "head") -> str | None:
    """Upgrade to ``target``. Returns the backup made first, if the database had a schema."""
    current = current_revision(db)
    if current == (head_revision() if target == "head" else target):
        return None
    backup = None
    if current is not None and backup_dir is not None:
        backup = backup_database(db, backup_dir, reason=f"before-upgrade-{current}")
    cfg = _config()
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, target)
    return backup
