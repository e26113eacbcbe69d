"""Backups with SQLite's online backup API; integrity checks in plain words."""
from __future__ import annotations

import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

SQLITE_MAGIC = b"SQLite format 3\x00"


class BackupError(Exception):
    """A backup, check or restore that cannot be done; the message says why, in Korean."""


def backup_database(db, dest_dir: Path, reason: str = "manual") -> Path:
    """Copy the live database (even while it is being written) into dest_dir."""
    dest_dir = Path(dest_dir)
    dest_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = dest_dir / f"campdesk-{stamp}-{reason}.sqlite3"
    n = 1
    while target.exists():
        n += 1
        target = dest_dir / f"campdesk-{stamp}-{reason}-{n}.sqlite3"
    _online_copy(db.path, target)
    return target


def _online_copy(source_path: Path, target: Path) -> None:
    """SQLite's online backup: consistent even while another connection writes."""
    source = sqlite3.connect(str(source_path))
    try:
        dest = sqlite3.connect(str(target))
        with dest:
            source.backup(dest)
        dest.close()
    finally:
        source.close()


def check_file(path: Path) -> list[str]:
    """Problems found in a database file, in plain Korean; an empty list means healthy."""
    path = Path(path)
    if not path.exists():
        return [f"파일이 없습니다: {path}"]
    with open(path, "rb") as f:
        head = f.read(16)
    if head != SQLITE_MAGIC:
        return [f"CampDesk 데이터베이스 파일이 아닙니다 (SQLite 파일 형식이 아님): {path}"]
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
            fk = conn.execute("PRAGMA foreign_key_check").fetchall()
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        return [f"데이터베이스 파일이 손상되어 열 수 없습니다: {exc}"]
    problems = []
    if rows != ["ok"]:
        problems += [f"손상된 부분: {r}" for r in rows[:20]]
    if fk:
        problems.append(f"존재하지 않는 상위 기록을 가리키는 행이 {len(fk)}개 있습니다 "
                        f"(예: 테이블 {fk[0][0]}, 행 {fk[0][1]}).")
    if "companies" not in tables:
        problems.append("CampDesk의 기업 테이블이 없습니다. 다른 프로그램의 데이터베이스로 보입니다.")
    return problems


def _keep_copy(database: Path, kept: Path) -> None:
    """A consistent copy of a healthy database; the raw bytes of a broken one."""
    try:
        _online_copy(database, kept)
    except sqlite3.DatabaseError:
        kept.unlink(missing_ok=True)
        shutil.copyfile(database, kept)


def restore_file(backup: Path, database: Path, safety_dir: Path) -> Path | None:
    """Replace the database with a checked backup; the current file is kept first."""
    problems = check_file(backup)
    if problems:
        raise BackupError("복원할 수 없습니다. " + " ".join(problems))
    database = Path(database)
    kept = None
    if database.exists():
        safety_dir.mkdir(parents=True, exist_ok=True)
        kept = safety_dir / f"campdesk-{datetime.now():%Y%m%d-%H%M%S}-before-restore.sqlite3"
        _keep_copy(database, kept)
    for suffix in ("-wal", "-shm"):
        Path(str(database) + suffix).unlink(missing_ok=True)
    tmp = database.with_suffix(".restoring")
    shutil.copyfile(backup, tmp)
    tmp.replace(database)
    return kept
