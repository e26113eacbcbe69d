"""The schema comes from Alembic migrations that match the models, with a backup first."""
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from campdesk.store import migrate
from campdesk.store.db import Database
from campdesk.store.models import Base


def test_models_and_migrations_do_not_drift(tmp_path):
    db = Database(tmp_path / "x.sqlite3")
    migrate.upgrade(db)
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    assert diff == []
    db.dispose()


def test_the_schema_head_the_app_checks_at_start_is_alembics_head():
    assert migrate.SCHEMA_HEAD == migrate.head_revision()


def test_sqlite_is_opened_durable(ctx):
    with ctx.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_upgrade_of_an_old_database_backs_it_up_first_and_keeps_its_rows(tmp_path):
    home = tmp_path / "home"
    (home / "backups").mkdir(parents=True)
    db = Database(home / "campdesk.sqlite3")
    migrate.upgrade(db, target="0001")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence, ai_fields,"
            " created_at, updated_at, archived) VALUES ('c1', '빛고을AI', '빛고을ai', 'mou', 'none', '',"
            " '2026-01-01', '2026-01-01', 0)")
    if migrate.head_revision() != "0001":
        made = migrate.upgrade(db, backup_dir=home / "backups")
        assert made is not None and "before-upgrade-0001" in str(made)
        assert migrate.current_revision(db) == migrate.head_revision()
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT name FROM companies").scalar() == "빛고을AI"
    db.dispose()


def test_a_database_from_a_newer_campdesk_is_left_untouched(tmp_path):
    import pytest

    db = Database(tmp_path / "x.sqlite3")
    migrate.upgrade(db)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999'")
    with pytest.raises(migrate.SchemaTooNew, match="더 새 버전"):
        migrate.upgrade(db, backup_dir=tmp_path / "backups")
    assert migrate.current_revision(db) == "9999"
    db.dispose()
