"""`campdesk db ...`: the local database's admin commands lose no commit of a program that
has the database open, take no stranger's SQLite file for CampDesk's, create nothing when
they only read, and say what is wrong in one Korean line (exit 1), never a traceback."""
from __future__ import annotations

import json
import os
import re
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from campdesk.services import companies
from campdesk.services.context import open_context
from campdesk.store import migrate
from campdesk.store.backup import backup_database
from campdesk.store.db import Database

HANGUL = re.compile("[가-힣]")
DB = "campdesk.sqlite3"


def run(home, *args, wrap=()):
    env = {**os.environ, "CAMPDESK_HOME": ""}
    return subprocess.run([*wrap, sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, env=env, timeout=300)


def one_korean_line(proc) -> str:
    """The reason a refused command gives: exit 1, one line in Korean on stderr."""
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert HANGUL.search(lines[0]), lines[0]
    return lines[0]


def names(db: Path) -> set[str]:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return {r[0] for r in conn.execute("SELECT name FROM companies")}
    finally:
        conn.close()


def probe(db: Path) -> set[int]:
    """The commits of the other program (see WRITER) that a database holds."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        if not conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'probe'").fetchone():
            return set()
        return {r[0] for r in conn.execute("SELECT n FROM probe")}
    finally:
        conn.close()


def revision(db: Path) -> str:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    finally:
        conn.close()


# Another program that has the database open: it commits one row at a time and prints the
# number of each commit once COMMIT has returned. "hold" keeps one connection open all the
# time; "reconnect" opens the database for each commit and closes it a while after. Given
# a data folder, it first leaves the marker the desktop app leaves while it runs.
WRITER = r"""
import sqlite3, sys, threading, time
db, mode = sys.argv[1], sys.argv[2]
if len(sys.argv) > 3:
    from campdesk import app_marker
    marker = app_marker.mark(sys.argv[3])
    assert marker is not None
stop = threading.Event()
threading.Thread(target=lambda: (sys.stdin.read(), stop.set()), daemon=True).start()

def connect():
    conn = sqlite3.connect(db, timeout=120, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    return conn

conn = connect() if mode == "hold" else None
n = 0
while not stop.is_set():
    n += 1
    if mode == "reconnect":
        conn = connect()
    try:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("CREATE TABLE IF NOT EXISTS probe (n INTEGER PRIMARY KEY)")
        conn.execute("INSERT INTO probe VALUES (?)", (n,))
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        print(f"failed {n}: {exc}", flush=True)
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    else:
        print(n, flush=True)
    if mode == "reconnect":
        conn.close()
        time.sleep(0.05)   # the workload: a program that writes a few times a second
if conn is not None:
    conn.close()
"""


class Writer:
    def __init__(self, db: Path, mode: str = "hold", app_home: Path | None = None):
        args = [sys.executable, "-c", WRITER, str(db), mode] + ([str(app_home)] if app_home else [])
        self.proc = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
        self.done: list[int] = []
        self.failed: list[str] = []
        self.ended = False
        self._cond = threading.Condition()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        for line in self.proc.stdout:
            with self._cond:
                if line.strip().isdigit():
                    self.done.append(int(line))
                else:
                    self.failed.append(line.strip())
                self._cond.notify_all()
        with self._cond:
            self.ended = True
            self._cond.notify_all()

    def wait_for(self, count: int) -> None:
        """Until the program has made ``count`` commits (it must not stop before)."""
        with self._cond:
            self._cond.wait_for(lambda: len(self.done) >= count or self.ended, timeout=120)
            assert len(self.done) >= count, (self.done[-3:], self.failed, self.ended)

    def more(self, count: int = 5) -> None:
        self.wait_for(len(self.done) + count)

    def stop(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=120)
        self._reader.join(timeout=120)
        assert self.proc.returncode == 0, self.proc.stderr.read()

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()


@pytest.fixture
def home_and_backup(tmp_path):
    """A data folder whose database has one company more than the backup made of it."""
    home = tmp_path / "home"
    ctx = open_context(home)
    companies.create_company(ctx, {"name": "백업전AI"})
    backup = backup_database(ctx.db, tmp_path / "saved")
    companies.create_company(ctx, {"name": "백업후AI"})
    ctx.close()
    return home, backup


def old_database(path: Path, target: str = "0002", company: str | None = "예전AI") -> Path:
    """A database an older CampDesk made (schema ``target``), with one company."""
    db = Database(path)
    migrate.upgrade(db, target=target)
    if company:
        with db.engine.begin() as conn:
            conn.exec_driver_sql(
                "INSERT INTO companies (id, name, name_norm, relationship, gwangju_presence, ai_fields,"
                " created_at, updated_at, archived) VALUES ('c-old', ?, ?, 'mou', 'none', '',"
                " '2026-01-01', '2026-01-01', 0)", (company, company.lower()))
    db.dispose()
    return path


def dead_pid() -> int:
    proc = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    return int(proc.stdout)


# 1. No commit of another program is lost ------------------------------------------------

def test_restore_refuses_while_another_program_writes_and_loses_no_commit(home_and_backup):
    home, backup = home_and_backup
    db = home / DB
    with Writer(db) as writer:
        writer.wait_for(5)
        proc = run(home, "db", "restore", str(backup))
        writer.more()          # it went on committing, into the database it has open
        writer.stop()
    line = one_korean_line(proc)
    assert "다른 프로그램" in line and "복원" in line
    assert set(writer.done) <= probe(db)
    assert names(db) == {"백업전AI", "백업후AI"}     # nothing was restored
    assert writer.failed == []


def test_restore_coordinates_with_a_program_that_opens_the_database_for_each_commit(home_and_backup):
    home, backup = home_and_backup
    db = home / DB
    with Writer(db, mode="reconnect") as writer:
        writer.wait_for(3)
        for _ in range(20):    # refused while the program has it open; taken when it has not
            before = len(writer.done)
            proc = run(home, "db", "restore", str(backup))
            if proc.returncode == 0:
                break
            assert "다른 프로그램" in one_korean_line(proc)
            writer.wait_for(before + 1)
        assert proc.returncode == 0, proc.stderr
        restored_at = len(writer.done)
        writer.more(3)         # it waited for the restore, then wrote into the restored database
        writer.stop()
    kept = Path(proc.stdout.split("보관했습니다: ", 1)[1].strip())
    assert names(db) == {"백업전AI"} and names(kept) == {"백업전AI", "백업후AI"}
    assert set(writer.done) <= probe(db) | probe(kept)   # every commit: before or after
    assert set(writer.done[restored_at:]) <= probe(db)
    assert writer.failed == []
    run(home, "db", "check").check_returncode()


@pytest.mark.parametrize("action", ["restore", "upgrade"])
def test_an_open_campdesk_is_named_as_such(home_and_backup, action):
    home, backup = home_and_backup
    db = home / DB
    if action == "upgrade":
        db.unlink()
        old_database(db)
    with Writer(db, app_home=home) as writer:
        writer.wait_for(3)
        proc = run(home, "db", action, *([str(backup)] if action == "restore" else []))
        writer.stop()
    line = one_korean_line(proc)
    assert "CampDesk가 열려" in line and "닫" in line
    assert set(writer.done) <= probe(db)
    if action == "upgrade":
        assert revision(db) == "0002"


def test_a_marker_left_by_an_app_that_is_gone_is_not_taken_for_campdesk(home_and_backup):
    home, backup = home_and_backup
    (home / "campdesk.pid").write_text(json.dumps({"pid": dead_pid(), "host": socket.gethostname()}))
    with Writer(home / DB) as writer:
        writer.wait_for(3)
        proc = run(home, "db", "restore", str(backup))
        writer.stop()
    line = one_korean_line(proc)
    assert "다른 프로그램" in line and "CampDesk가 열려" not in line


def test_upgrade_refuses_while_another_program_has_the_old_database_open(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    db = old_database(home / DB)
    with Writer(db) as writer:
        writer.wait_for(3)
        proc = run(home, "db", "upgrade")
        writer.more()
        opened = run(home, "export", "companies", str(tmp_path / "out.csv"))   # upgrades first
        writer.stop()
    assert "다른 프로그램" in one_korean_line(proc) and "업그레이드" in proc.stderr
    assert "다른 프로그램" in one_korean_line(opened)
    assert revision(db) == "0002" and set(writer.done) <= probe(db)
    assert not (tmp_path / "out.csv").exists()
    proc = run(home, "db", "upgrade")                  # alone again: upgraded
    assert proc.returncode == 0, proc.stderr
    assert revision(db) == migrate.SCHEMA_HEAD and names(db) == {"예전AI"}
    assert set(writer.done) <= probe(db)


# The desktop app, run in a process of its own (it quits once ready), looking for its
# marker once its event loop runs, and again once it is over.
APP = r"""
import json, os, sys
from campdesk.ui import app
home = sys.argv[1]
marker = os.path.join(home, "campdesk.pid")
start = app.Launch.start

def start_and_look(launch):
    print(open(marker).read() if os.path.exists(marker) else "none", flush=True)
    start(launch)

app.Launch.start = start_and_look
os.environ[app.READY_ENV] = "1"
code = app.run(home)
print("exit", code, os.path.exists(marker), os.getpid(), flush=True)
"""


def test_the_app_leaves_a_marker_while_it_runs(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "CAMPDESK_HOME": ""}
    proc = subprocess.run([sys.executable, "-c", APP, str(home)], capture_output=True, text=True,
                          env=env, timeout=300)
    lines = [line for line in proc.stdout.splitlines() if not line.startswith(("shown", "ready"))]
    assert len(lines) == 2, proc.stdout + proc.stderr
    pid = int(lines[1].split()[3])
    assert json.loads(lines[0]) == {"pid": pid, "host": socket.gethostname()}
    assert lines[1] == f"exit 0 False {pid}"          # gone once the app is over


def test_a_second_app_leaves_the_first_ones_marker_alone(tmp_path):
    from campdesk import app_marker
    home = tmp_path / "home"
    home.mkdir()
    with Writer(home / DB, app_home=home) as writer:     # the first app
        writer.wait_for(1)
        first = (home / "campdesk.pid").read_text()
        second = app_marker.mark(home)
        assert second is None and (home / "campdesk.pid").read_text() == first
        writer.stop()
    mine = app_marker.mark(home)                            # the first is gone: stale, replaced
    assert json.loads((home / "campdesk.pid").read_text())["pid"] == os.getpid()
    mine.release()
    assert not (home / "campdesk.pid").exists()


# 2. Only a CampDesk database is restored ---------------------------------------------------

def _foreign(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.executescript("CREATE TABLE companies (id INTEGER PRIMARY KEY, name TEXT);"
                       "INSERT INTO companies (name) VALUES ('남의회사');"
                       "CREATE TABLE invoices (id INTEGER PRIMARY KEY, total REAL);")
    conn.close()
    return path


def _tampered(backup: Path, target: Path, sql: str) -> Path:
    shutil.copyfile(backup, target)
    conn = sqlite3.connect(target)
    for (trigger,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        conn.execute(f'DROP TRIGGER "{trigger}"')   # they name columns: a column could not go
    conn.executescript(sql)
    conn.close()
    return target


def test_a_stranger_sqlite_file_is_neither_restored_nor_called_healthy(home_and_backup, tmp_path):
    home, backup = home_and_backup
    strangers = [
        _foreign(tmp_path / "other.sqlite3"),
        _tampered(backup, tmp_path / "no-version.sqlite3", "DROP TABLE alembic_version;"),
        _tampered(backup, tmp_path / "no-sync.sqlite3", "DROP TABLE sync_state;"),
        _tampered(backup, tmp_path / "no-column.sqlite3", "ALTER TABLE companies DROP COLUMN website;"),
    ]
    for stranger in strangers:
        line = one_korean_line(run(home, "db", "restore", str(stranger)))
        assert "CampDesk 데이터베이스가 아닙니다" in line, (stranger.name, line)
        assert names(home / DB) == {"백업전AI", "백업후AI"}
    assert "website" in line                     # says what is missing
    other = tmp_path / "other-home"
    other.mkdir()
    shutil.copyfile(strangers[0], other / DB)
    proc = run(other, "db", "check")
    assert proc.returncode == 1 and "CampDesk 데이터베이스가 아닙니다" in proc.stdout


def test_a_backup_from_an_older_campdesk_is_restored_and_upgraded(home_and_backup, tmp_path):
    home, _ = home_and_backup
    old = old_database(tmp_path / "old.sqlite3", target="0001")
    proc = run(home, "db", "restore", str(old))
    assert proc.returncode == 0, proc.stderr
    db = home / DB
    assert revision(db) == migrate.SCHEMA_HEAD and names(db) == {"예전AI"}
    assert revision(old) == "0001"               # the backup itself is left as it was
    run(home, "db", "check").check_returncode()


def test_a_backup_from_a_newer_campdesk_is_refused(home_and_backup, tmp_path):
    home, backup = home_and_backup
    newer = _tampered(backup, tmp_path / "newer.sqlite3",
                      "UPDATE alembic_version SET version_num = '9999';"
                      "ALTER TABLE companies ADD COLUMN stars INTEGER;")
    line = one_korean_line(run(home, "db", "restore", str(newer)))
    assert "새 버전" in line and "업데이트" in line
    assert names(home / DB) == {"백업전AI", "백업후AI"}


# 3. One Korean line, never a traceback -----------------------------------------------------

def _bad_file(kind: str, tmp_path: Path, backup: Path) -> Path:
    path = tmp_path / f"bad-{kind}.sqlite3"
    if kind == "text":
        path.write_text("기업명,사업자등록번호\n빛고을AI,124-81-00998\n", encoding="utf-8")
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        data = backup.read_bytes()
        path.write_bytes(data[:len(data) // 3])
    elif kind == "directory":
        path.mkdir()
    return path


BAD_FILES = ["missing", "text", "empty", "truncated", "directory"]


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_in_one_line_into_an_empty_data_folder(home_and_backup, tmp_path, kind):
    _, backup = home_and_backup
    empty = tmp_path / "empty-home"
    line = one_korean_line(run(empty, "db", "restore", str(_bad_file(kind, tmp_path, backup))))
    assert "복원할 수 없습니다" in line
    assert list(empty.iterdir()) == []           # no database, no backups folder


@pytest.mark.parametrize("kind", BAD_FILES)
def test_a_bad_file_is_refused_in_one_line_and_the_database_kept(home_and_backup, tmp_path, kind):
    home, backup = home_and_backup
    line = one_korean_line(run(home, "db", "restore", str(_bad_file(kind, tmp_path, backup))))
    assert "복원할 수 없습니다" in line
    assert names(home / DB) == {"백업전AI", "백업후AI"}


def test_restore_without_a_file_says_so(tmp_path):
    assert "백업 파일" in one_korean_line(run(tmp_path, "db", "restore"))


def _without_root_powers() -> list[str]:
    """Run as root, a command writes anywhere: drop the capability that lets it."""
    if os.name != "posix" or os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("root without setpriv: a read-only folder cannot be made")
    caps = "-dac_override,-dac_read_search"
    return [setpriv, f"--bounding-set={caps}", f"--inh-caps={caps}"]


@pytest.mark.skipif(os.name != "posix", reason="folder permissions as POSIX has them")
def test_a_read_only_data_folder_gets_one_line_for_every_db_command(home_and_backup, tmp_path):
    home, backup = home_and_backup
    wrap = _without_root_powers()
    old_home = tmp_path / "old-home"
    old_home.mkdir()
    old_database(old_home / DB)
    for folder in (home, old_home):
        folder.chmod(0o555)
    try:
        for folder, args in ((home, ("restore", str(backup))), (home, ("backup",)),
                             (old_home, ("upgrade",)), (old_home, ("restore", str(backup)))):
            proc = run(folder, "db", *args, wrap=wrap)
            line = one_korean_line(proc)
            assert "쓸 수 없습니다" in line, (args, line)
        proc = run(home, "db", "check", wrap=wrap)          # reading needs no writing
        assert proc.returncode == 0, proc.stdout + proc.stderr
    finally:
        for folder in (home, old_home):
            folder.chmod(0o755)
    assert names(home / DB) == {"백업전AI", "백업후AI"} and revision(old_home / DB) == "0002"


# 4. Busy is not broken ---------------------------------------------------------------------

HOLD_WRITE_LOCK = r"""
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("BEGIN IMMEDIATE")
conn.execute("UPDATE companies SET notes = 'x'")
print("locked", flush=True)
sys.stdin.read()
conn.execute("ROLLBACK")
"""


def test_a_database_another_program_is_writing_is_called_busy_not_broken(home_and_backup, tmp_path):
    home, _ = home_and_backup
    sheet = tmp_path / "companies.csv"
    sheet.write_text("기업명\n새기업AI\n", encoding="utf-8")
    holder = subprocess.Popen([sys.executable, "-c", HOLD_WRITE_LOCK, str(home / DB)],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "locked"
        proc = run(home, "import", "companies", str(sheet))
    finally:
        holder.stdin.close()
        holder.wait(timeout=60)
    line = one_korean_line(proc)
    assert "다른 프로그램" in line and "사용 중" in line and "다시" in line
    assert "restore" not in line and "손상" not in line
    assert run(home, "import", "companies", str(sheet)).returncode == 0   # and it was only busy


# 5. Reading creates nothing ----------------------------------------------------------------

@pytest.mark.parametrize("action", ["check", "backup"])
def test_a_data_folder_without_a_database_is_told_so_and_left_empty(tmp_path, action):
    home = tmp_path / "home"
    line = one_korean_line(run(home, "db", action))
    assert "데이터베이스가 없습니다" in line
    assert not home.exists()  # not even the folder (a mistyped --home)
