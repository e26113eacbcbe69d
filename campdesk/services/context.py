"""What every use case needs: this PC's database, its paths and who is at the keyboard."""
from __future__ import annotations

from dataclasses import dataclass

from campdesk.paths import Paths
from campdesk.settings import Settings
from campdesk.store.db import Database
from campdesk.store import migrate


@dataclass
class Context:
    paths: Paths
    db: Database
    settings: Settings

    @property
    def staff_id(self) -> str | None:
        return self.settings.staff_id

    @property
    def lang(self) -> str:
        return self.settings.language

    def save_settings(self) -> None:
        self.settings.save(self.paths.settings_file)

    def close(self) -> None:
        self.db.dispose()


def open_context(home=None, upgrade: bool = True) -> Context:
    """Open (and, unless told otherwise, migrate) the local database of this PC."""
    paths = Paths.resolve(home)
    db = Database(paths.database)
    if upgrade:
        migrate.upgrade(db, backup_dir=paths.backups)
    return Context(paths=paths, db=db, settings=Settings.load(paths.settings_file))


def explain_open_failure(exc: BaseException) -> str | None:
    """The Korean one-liner for a local database that cannot be opened, with what to do;
    None for an error that is not the person's to fix (a bug: let it be reported)."""
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    from campdesk.services.errors import UserError
    if isinstance(exc, UserError):
        return exc.ko
    if isinstance(exc, migrate.SchemaTooNew):
        return str(exc)
    if isinstance(exc, (sqlite3.DatabaseError, DatabaseError)):
        reason = getattr(exc, "orig", exc)
        return (f"데이터베이스 파일을 읽을 수 없습니다 ({reason}). 'campdesk db check'로 확인하고 "
                "'campdesk db restore 백업파일'로 backups 폴더의 백업을 복원해 주세요.")
    if isinstance(exc, OSError):
        return f"파일을 읽거나 쓸 수 없습니다: {exc.filename or ''} ({exc.strerror or exc})"
    return None
