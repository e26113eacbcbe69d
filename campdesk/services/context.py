"""What every use case needs: this PC's database, its paths and who is at the keyboard."""
from __future__ import annotations

from dataclasses import dataclass

from campdesk.i18n import _
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


def open_context(home=None, upgrade: bool = True, create: bool = True) -> Context:
    """Open (and, unless told otherwise, migrate) the local database of this PC.

    ``create=False`` is for commands that only read (a report, an export): a data folder or
    database that does not exist is a UserError naming it (a mistyped ``--home``), and
    nothing is created.
    """
    if create:
        paths = Paths.resolve(home)
    else:
        paths = Paths(Paths.where(home))
        if not paths.database.is_file():
            from campdesk.services.errors import UserError
            where = paths.home if not paths.home.is_dir() else paths.database
            raise UserError(_("데이터 폴더에 데이터베이스가 없습니다: {path} (--home 경로를 확인해 주세요)")
                            .format(path=where))
    db = Database(paths.database)
    if upgrade:
        migrate.upgrade(db, backup_dir=paths.backups)
    return Context(paths=paths, db=db, settings=Settings.load(paths.settings_file))


# SQLite's primary result codes that say the file cannot be read or written here (a folder
# without write permission, a full disk), not that it is broken.
_CANNOT_WRITE = {3, 8, 10, 13, 14, 23}  # PERM, READONLY, IOERR, FULL, CANTOPEN, AUTH
_SHORT_READ = 522  # SQLITE_IOERR_SHORT_READ: a file cut short, which is broken


def explain_open_failure(exc: BaseException) -> str | None:
    """The one-liner for a local database that cannot be opened, with what to do;
    None for an error that is not the person's to fix (a bug: let it be reported)."""
    import sqlite3

    from sqlalchemy.exc import DatabaseError

    from campdesk.services.errors import UserError
    from campdesk.store.backup import BackupError
    from campdesk.store.instance import DatabaseInUse, is_busy
    if isinstance(exc, UserError):
        from campdesk.i18n import current_language
        return exc.message(current_language())
    if isinstance(exc, (migrate.SchemaTooNew, DatabaseInUse, BackupError)):
        return str(exc)
    if isinstance(exc, (sqlite3.DatabaseError, DatabaseError)):
        reason = getattr(exc, "orig", None) or exc
        if is_busy(reason):
            return _("다른 프로그램이 데이터베이스를 사용 중입니다 ({reason}). 잠시 뒤 다시 시도해 "
                     "주세요. 계속되면 데이터베이스를 쓰고 있는 다른 프로그램(다른 campdesk 명령 등)을 "
                     "닫아 주세요.").format(reason=reason)
        code = getattr(reason, "sqlite_errorcode", None)
        if code is not None and code & 0xFF in _CANNOT_WRITE and code != _SHORT_READ:
            return _("데이터베이스 파일을 열거나 쓸 수 없습니다 ({reason}). 데이터 폴더에 쓸 권한이 "
                     "있는지, 디스크에 빈 공간이 있는지 확인해 주세요.").format(reason=reason)
        return _("데이터베이스 파일을 읽을 수 없습니다 ({reason}). 'campdesk db check'로 확인하고 "
                 "'campdesk db restore 백업파일'로 backups 폴더의 백업을 복원해 주세요.").format(reason=reason)
    if isinstance(exc, OSError):
        return _("파일을 읽거나 쓸 수 없습니다: {file} ({reason})").format(
            file=exc.filename or "", reason=exc.strerror or exc)
    return None
