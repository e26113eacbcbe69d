"""The command line (README.md, "Command line"): a contract that tests and scripts rely on.

Exit codes: 0 success; 1 a user error with a one-line reason; 2 an import that kept the
good rows but rejected some.
"""
from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from campdesk import __version__, i18n
from campdesk.domain.errors import ValidationError
from campdesk.i18n import _, ngettext
from campdesk.paths import Paths
from campdesk.services.errors import UserError

EXIT_OK, EXIT_USER_ERROR, EXIT_PARTIAL = 0, 1, 2


def _out(text: str = "") -> None:
    print(text, flush=True)


def _context(args, create: bool = True):
    """This PC's database; ``create=False`` for a command that only reads (never makes a
    data folder: a mistyped --home is a one-line error)."""
    from campdesk.services.context import open_context
    return open_context(args.home, create=create)


def cmd_demo(args) -> int:
    from campdesk.services import demo
    ctx = _context(args)
    try:
        last = [-1]

        def progress(fraction: float, message: str) -> None:
            step = int(fraction * 10)
            if step != last[0] and sys.stderr.isatty():
                last[0] = step
                print(f"  {fraction:4.0%} {message}", file=sys.stderr, flush=True)
        counts = demo.generate(ctx, args.scale, args.seed, progress)
    finally:
        ctx.close()
    _out(_("예시 데이터({scale}, seed {seed})를 만들었습니다: {path}").format(
        scale=args.scale, seed=args.seed, path=ctx.paths.database))
    for table, n in counts.items():
        if n:
            _out(f"  {table:<24} {n:>9,}")
    return EXIT_OK


PROGRESS_AFTER_SECONDS = 1.0  # a quick import prints no progress


class _ImportProgress:
    """Progress of a long import on stderr: a line each tenth, once it has taken a second."""

    def __init__(self) -> None:
        import time
        self._clock = time.monotonic
        self._start = time.monotonic()
        self._last = -1

    def __call__(self, fraction: float | None, message: str) -> None:
        if self._clock() - self._start < PROGRESS_AFTER_SECONDS:
            return
        step = int((fraction or 0) * 10)
        if fraction is not None and step == self._last:
            return
        self._last = step
        shown = f"{fraction:4.0%} " if fraction is not None else ""
        print(f"  {shown}{message}", file=sys.stderr, flush=True)


def cmd_import(args) -> int:
    from campdesk.services.consultation_import import import_consultations
    from campdesk.services.importer import import_companies
    from campdesk.services.mentor_import import import_mentors
    from campdesk.services.space_import import import_spaces
    importer = {"companies": import_companies, "spaces": import_spaces,
                "consultations": import_consultations, "mentors": import_mentors}[args.what]
    ctx = _context(args)
    try:
        report = importer(ctx, Path(args.file), progress=_ImportProgress())
    finally:
        ctx.close()
    return print_import_report(args.file, report)


def print_import_report(file: str, report) -> int:
    """An import's summary, one line a skipped or rejected row; its exit code (0 or 2)."""
    _out(file + ": " + ngettext(
        "전체 {total}행 — 새로 추가 {created}, 갱신 {updated}, 변경 없음 {unchanged}, 거부 {rejected}행",
        "전체 {total}행 — 새로 추가 {created}, 갱신 {updated}, 변경 없음 {unchanged}, 거부 {rejected}행",
        report.total).format(total=report.total, created=report.created, updated=report.updated,
                             unchanged=report.unchanged, rejected=report.rejected_rows))
    if report.skipped:
        n = len(report.skipped)
        _out("  " + ngettext("합계·안내 행 {n}개는 자료가 아니라서 건너뛰었습니다:",
                             "합계·안내 행 {n}개는 자료가 아니라서 건너뛰었습니다:", n).format(n=n))
        for r in report.skipped:
            _out("  " + _("{row}행 ({label}) {text}").format(row=r.row_no, label=r.label, text=r.text))
    for warning in report.warnings:
        _out(f"  {warning}")
    for r in sorted(report.rejected, key=lambda r: r.row_no):
        _out("  " + _("{row}행 [{column}] {reason}").format(row=r.row_no, column=r.column,
                                                           reason=r.reason))
    return EXIT_PARTIAL if report.rejected else EXIT_OK


def cmd_export(args) -> int:
    from campdesk.services.exporter import export
    if len(args.target) != (1 if args.all else 2):
        raise UserError(_("사용법: campdesk export 테이블 파일.csv|.xlsx 또는 "
                          "campdesk export --all 폴더|파일.xlsx"))
    table, out = (None, args.target[0]) if args.all else args.target
    ctx = _context(args, create=False)
    try:
        counts = export(ctx, table, out)
    finally:
        ctx.close()
    _out(_("내보내기 완료: {path}").format(path=out))
    for table, n in counts.items():
        _out(f"  {table:<24} " + ngettext("{n:>9,}행", "{n:>9,}행", n).format(n=n))
    return EXIT_OK


def cmd_db(args) -> int:
    from campdesk.store import backup, migrate
    from campdesk.store.db import Database
    # check and backup only read the data folder: a mistyped --home must not create one.
    reading = args.action in ("check", "backup")
    paths = Paths(Paths.where(args.home)) if reading else Paths.resolve(args.home)
    if args.action == "check":
        if not paths.database.exists():
            raise UserError(_("데이터베이스가 없습니다: {path}").format(path=paths.database))
        problems = backup.check_file(paths.database)
        if not problems:
            _out(_("이상 없음: {path}").format(path=paths.database))
            return EXIT_OK
        for p in problems:
            _out(_("문제: {problem}").format(problem=p))
        _out(_("백업에서 복원하려면: campdesk db restore 백업파일 (백업은 {folder} 에 있습니다)")
             .format(folder=paths.backups))
        return EXIT_USER_ERROR
    if args.action == "restore":
        if not args.file:
            raise UserError(_("복원할 백업 파일을 지정해 주세요: campdesk db restore 파일"))
        kept = backup.restore_file(Path(args.file), paths.database, paths.backups)
        _out(_("복원했습니다: {file} → {path}").format(file=args.file, path=paths.database))
        if kept:
            _out(_("복원 전 데이터베이스는 여기에 보관했습니다: {path}").format(path=kept))
        return EXIT_OK
    if args.action == "backup" and not paths.database.exists():
        raise UserError(_("백업할 데이터베이스가 없습니다."))
    db = Database(paths.database)
    try:
        if args.action == "upgrade":
            made = migrate.upgrade(db, backup_dir=paths.backups)
            _out(_("데이터베이스가 최신입니다 (버전 {version}).").format(
                version=migrate.current_revision(db)))
            if made:
                _out(_("업그레이드 전 백업: {path}").format(path=made))
        elif args.action == "backup":
            if migrate.current_revision(db) is None:
                raise UserError(_("백업할 데이터베이스가 없습니다."))
            _out(_("백업했습니다: {path}").format(path=backup.backup_database(db, paths.backups)))
    finally:
        db.dispose()
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="campdesk", description=_("CampDesk — 광주 AI창업캠프 상담·입주 관리 프로그램"))
    parser.add_argument("--version", action="version", version=f"CampDesk {__version__}")
    parser.add_argument("--home", metavar="DIR", help=_("데이터 폴더 (기본: 사용자 데이터 폴더, 또는 $CAMPDESK_HOME)"))
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo", help=_("빈 데이터베이스에 예시 데이터를 넣습니다"))
    p.add_argument("--scale", choices=["small", "large"], default="small")
    p.add_argument("--seed", type=int, default=1)
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import", help=_("CSV, 텍스트(.txt), XLSX, XLS 파일에서 가져옵니다"))
    what = p.add_subparsers(dest="what", metavar="WHAT", required=True)
    for name, help_text in (
            ("companies", _("기업 목록 (CSV·TXT: UTF-8, CP949, UTF-16; XLSX, XLS)")),
            ("spaces", _("입주공간 목록: 층, 호실, 좌석 (CSV, TXT, XLSX, XLS)")),
            ("consultations", _("예전 상담일지: 일시, 경로, 기업, 상담 내용, 답변, 결과, 담당자")),
            ("mentors", _("멘토단: 이름, 분야(여럿 가능), 소속, 연락처, 이메일, 전문 분야, 키워드"))):
        c = what.add_parser(name, help=help_text)
        c.add_argument("file", metavar="FILE")
        c.set_defaults(func=cmd_import)
    from campdesk import outreach_cli
    outreach_cli.register_imports(what)

    p = sub.add_parser("export", help=_("테이블을 CSV(엑셀용 BOM 포함) 또는 XLSX로 내보냅니다"))
    p.add_argument("--all", action="store_true", help=_("모든 테이블 (OUT은 폴더 또는 .xlsx)"))
    p.add_argument("target", nargs="+", metavar="TABLE OUT", help=_("테이블 이름과 출력 파일, 또는 --all OUT"))
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("db", help=_("데이터베이스 관리: upgrade, check, backup, restore FILE"))
    p.add_argument("action", choices=["upgrade", "check", "backup", "restore"])
    p.add_argument("file", nargs="?", metavar="FILE")
    p.set_defaults(func=cmd_db)

    from campdesk import mentors_cli
    from campdesk.reports import cli as reports_cli
    from campdesk.sync import cli as sync_cli
    mentors_cli.register(sub)
    reports_cli.register(sub)
    sync_cli.register(sub)
    outreach_cli.register(sub)
    return parser


def _app_home(argv: list[str]) -> tuple[bool, str | None]:
    """``campdesk`` or ``campdesk --home DIR`` starts the app: known without building the
    whole parser, whose commands import the data layer (the window comes first)."""
    quick = argparse.ArgumentParser(add_help=False)
    quick.add_argument("--home")
    try:
        args, rest = quick.parse_known_args(argv)
    except SystemExit:
        return False, None
    return not rest, args.home


def saved_language(home: str | None) -> str | None:
    """The language saved in the data folder's settings (the app's Settings dialog): the
    default (Korean) when there is no data folder or settings file yet; None when the file
    cannot be read. Makes nothing."""
    from campdesk.settings import Settings
    try:
        language = Settings.load(Paths(Paths.where(home)).settings_file).language
    except (OSError, TypeError, AttributeError):  # unreadable folder, a settings file not ours
        return None
    return language if isinstance(language, str) else None


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    app, home = _app_home(argv)
    from campdesk import logs
    if app:
        logs.setup(Paths.where(home))
        from campdesk.ui.app import run
        return run(home)
    # Before the parser: its help texts (and those of the commands it imports, e.g. the
    # reports) are translated when they are built.
    i18n.set_language(i18n.language_from_environment(saved_language(home)))
    args = build_parser().parse_args(argv)
    logs.setup(Paths.where(args.home))
    if args.command is None:
        from campdesk.ui.app import run
        return run(args.home)
    from sqlalchemy.exc import DatabaseError as SQLDatabaseError

    from campdesk.services.context import explain_open_failure
    from campdesk.store.backup import BackupError
    from campdesk.store.instance import DatabaseInUse
    from campdesk.store.migrate import SchemaTooNew
    try:
        return args.func(args)
    except (UserError, ValidationError) as exc:
        print(f"campdesk: {exc.message(i18n.current_language())}", file=sys.stderr)
    except (sqlite3.DatabaseError, SQLDatabaseError, SchemaTooNew, BackupError, DatabaseInUse,
            OSError) as exc:
        print(f"campdesk: {explain_open_failure(exc)}", file=sys.stderr)
    return EXIT_USER_ERROR


if __name__ == "__main__":
    sys.exit(main())
