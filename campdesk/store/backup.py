"""Backups with SQLite's online backup API; integrity checks in plain words; a restore that
loses no commit of a program that has the database open."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from campdesk.i18n import _, ngettext

SQLITE_MAGIC = b"SQLite format 3\x00"
SQLITE_CORRUPT, SQLITE_CANTOPEN, SQLITE_NOTADB, SQLITE_READONLY = 11, 14, 26, 8


class BackupError(Exception):
    """A backup, check or restore that cannot be done; the message says why, in Korean."""


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def _new_path(dest_dir: Path, reason: str) -> Path:
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = dest_dir / f"campdesk-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = dest_dir / f"campdesk-{stamp}-{reason}-{n}.sqlite3"
    return target


def _copy(source: sqlite3.Connection, target: Path) -> None:
    """SQLite's online backup: consistent even while another connection writes."""
    dest = sqlite3.connect(str(target))
    try:
        source.backup(dest)
        # A copy of a WAL database says WAL in its header: a file at rest says rollback,
        # so that reading it later makes no -wal and -shm files beside it.
        dest.execute("PRAGMA journal_mode=DELETE")
    except BaseException:
        dest.close()
        target.unlink(missing_ok=True)
        raise
    dest.close()


def backup_database(db, dest_dir: Path, reason: str = "manual") -> Path:
    """Copy the live database (even while it is being written) into dest_dir."""
    target = _new_path(dest_dir, reason)
    source = sqlite3.connect(str(db.path))
    try:
        _copy(source, target)
    finally:
        source.close()
    return target


def backup_connection(conn: sqlite3.Connection, dest_dir: Path, reason: str) -> Path:
    """Copy the database open on ``conn`` into dest_dir (one held alone, say: the copy is
    then what it is just before the change that follows)."""
    target = _new_path(dest_dir, reason)
    _copy(conn, target)
    return target


def open_read_only(path: Path, at_rest: bool = False) -> sqlite3.Connection:
    """A read-only connection. A file ``at_rest`` (a backup: no program writes it) without a
    -wal file beside it is read as immutable, making no -wal and -shm files beside it. So is
    a WAL database in a folder that cannot be written (no program can be writing it either):
    SQLite could not make its -shm file."""
    uri = Path(path).resolve().as_uri()
    if at_rest and not Path(f"{path}-wal").exists():
        return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)
    conn = sqlite3.connect(f"{uri}?mode=ro", uri=True)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError as exc:
        conn.close()
        if _code(exc) not in (SQLITE_READONLY, SQLITE_CANTOPEN) or Path(f"{path}-wal").exists():
            raise
    return sqlite3.connect(f"{uri}?mode=ro&immutable=1", uri=True)


def check_file(path: Path, at_rest: bool = False) -> list[str]:
    """Problems found in a database file, in plain words; an empty list means healthy: a
    whole SQLite file that is a CampDesk database this CampDesk can use (see schema_check).
    ``at_rest``: a backup, which no program writes (see open_read_only)."""
    from campdesk.store import schema_check
    path = Path(path)
    if not path.exists():
        return [_("파일이 없습니다: {path}").format(path=path)]
    if path.is_dir():
        return [_("파일이 아니라 폴더입니다: {path}").format(path=path)]
    try:
        with open(path, "rb") as f:
            head = f.read(16)
    except OSError as exc:
        return [_("파일을 읽을 수 없습니다: {path} ({reason})").format(
            path=path, reason=exc.strerror or exc)]
    if head != SQLITE_MAGIC:
        return [_("CampDesk 데이터베이스 파일이 아닙니다 (SQLite 파일 형식이 아님): {path}").format(
            path=path)]
    try:
        conn = open_read_only(path, at_rest)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            not_ours = schema_check.problems(conn)
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        if _code(exc) in (SQLITE_READONLY, SQLITE_CANTOPEN):
            return [_("데이터베이스 파일을 열 수 없습니다 ({reason}): {path}").format(
                reason=exc, path=path)]
        return [_("데이터베이스 파일이 손상되어 열 수 없습니다: {reason}").format(reason=exc)]
    problems = list(not_ours)
    if rows != ["ok"]:
        problems += [_("손상된 부분: {detail}").format(detail=r) for r in rows[:20]]
    if fk:
        problems.append(ngettext(
            "존재하지 않는 상위 기록을 가리키는 행이 {n}개 있습니다 (예: 테이블 {table}, 행 {row}).",
            "존재하지 않는 상위 기록을 가리키는 행이 {n}개 있습니다 (예: 테이블 {table}, 행 {row}).",
            len(fk)).format(n=len(fk), table=fk[0][0], row=fk[0][1]))
    return problems


def _unreadable(database: Path) -> bool:
    """A database file SQLite cannot open at all: no SQLite file, or its first page broken."""
    if not database.is_file() or database.stat().st_size == 0:
        return False
    with open(database, "rb") as f:
        if f.read(16) != SQLITE_MAGIC:
            return True
    try:
        open_read_only(database).close()
    except sqlite3.DatabaseError as exc:
        return _code(exc) in (SQLITE_CORRUPT, SQLITE_NOTADB)
    return False


def _move_aside(database: Path, safety_dir: Path) -> Path:
    """Keep an unreadable database, with its journal or WAL, as they are."""
    kept = _new_path(safety_dir, "before-restore")
    shutil.move(database, kept)
    for suffix in ("-wal", "-journal"):  # left behind, they would be applied to the backup
        side = Path(f"{database}{suffix}")
        if side.exists():
            shutil.move(side, f"{kept}{suffix}")
    Path(f"{database}-shm").unlink(missing_ok=True)
    return kept


def _keep_copy(live: sqlite3.Connection, database: Path, kept: Path) -> None:
    """A consistent copy of a healthy database; the raw bytes of a broken one (held alone
    and out of WAL mode, the file is the whole database)."""
    try:
        _copy(live, kept)
    except sqlite3.DatabaseError:
        shutil.copyfile(database, kept)


def restore_file(backup: Path, database: Path, safety_dir: Path) -> Path | None:
    """Put a checked backup in place of the database; the database as it was is kept first.

    The backup is written into the database through SQLite, while this process alone has it
    open (see instance.exclusive): refused (DatabaseInUse) while CampDesk or another program
    has it open, so that no commit of theirs is lost. A backup from an older CampDesk is
    upgraded in the same go. Returns where the former database was kept (None: there was none).
    """
    from campdesk.app_marker import running_app
    from campdesk.store import migrate
    from campdesk.store.instance import DatabaseInUse, exclusive, in_use_message
    backup, database = Path(backup), Path(database)
    if backup.exists() and database.exists() and backup.resolve() == database.resolve():
        raise BackupError(_("복원할 수 없습니다. 지금의 데이터베이스 파일입니다: {path}").format(
            path=backup))
    problems = check_file(backup, at_rest=True)
    if problems:
        raise BackupError(_("복원할 수 없습니다. {problems}").format(problems=" ".join(problems)))
    kept = None
    if _unreadable(database):
        # No program can be writing a file SQLite cannot open; the app may still have it.
        if running_app(database.parent) is not None:
            raise DatabaseInUse(in_use_message(database.parent, "restore"))
        kept = _move_aside(database, safety_dir)
    with exclusive(database, "restore") as live:
        if kept is None and live.execute("PRAGMA page_count").fetchone()[0] > 0:
            kept = _new_path(safety_dir, "before-restore")
            _keep_copy(live, database, kept)
        source = open_read_only(backup, at_rest=True)
        try:
            source.backup(live)
        finally:
            source.close()
        # A backup that says WAL in its header turns this connection to WAL (in memory, the
        # lock still held): back to rollback, so that going to WAL at the end cleans up.
        live.execute("PRAGMA journal_mode=DELETE")
        if migrate.revision_of(live) != migrate.SCHEMA_HEAD:
            migrate.upgrade_connection(live)
    return kept
