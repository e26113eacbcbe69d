"""``campdesk hub init URL`` and ``campdesk sync [--hub URL]``."""
from __future__ import annotations

import argparse
import sys

from campdesk.i18n import N_, _
from campdesk.sync.errors import SyncError

SYNC_HELP = N_("한 번 동기화합니다: 보내기, 받기, 병합")


def register(subparsers) -> None:
    hub = subparsers.add_parser("hub", help=_("허브 관리 (PostgreSQL)"))
    hub_sub = hub.add_subparsers(dest="hub_command", required=True)
    init = hub_sub.add_parser("init", help=_("허브 스키마를 만들거나 올립니다"))
    init.add_argument("url", help="postgresql://user@host:port/dbname?sslmode=...")
    init.set_defaults(func=cmd_hub_init)

    sync = subparsers.add_parser("sync", help=_(SYNC_HELP))
    sync.add_argument("--hub", metavar="URL", help=_("설정 대신 이 허브를 씁니다"))
    sync.set_defaults(func=cmd_sync)


def _fail(message: str) -> int:
    print(message.splitlines()[0] if message else _("오류"), file=sys.stderr)
    return 1


def cmd_hub_init(args) -> int:
    from campdesk.sync import hub, target
    from campdesk.sync.hub_init import init_hub

    try:
        t = target.from_url(args.url)
        conn = hub.connect(t.conninfo, t.password)
        try:
            version = init_hub(conn)
        finally:
            conn.close()
    except SyncError as exc:
        return _fail(str(exc))
    print(_("허브 준비 완료: 스키마 버전 {version} — {hub}").format(version=version, hub=t.display))
    return 0


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty() and total:
        print("\r" + _("받는 중 {done}/{total}").format(done=done, total=total),
              end="" if done < total else "\n", file=sys.stderr)


def _ask_password(why: str) -> str | None:
    """On a terminal, the hub password for this one run (never stored)."""
    import getpass

    if not sys.stdin.isatty():
        return None
    print(why, file=sys.stderr)
    return getpass.getpass(_("허브 비밀번호: ")) or None


def cmd_sync(args) -> int:
    from campdesk.services.context import open_context
    from campdesk.sync import engine, target
    from campdesk.sync.errors import NoPassword

    ctx = open_context(getattr(args, "home", None))
    try:
        t = target.from_url(args.hub) if args.hub else target.from_settings(ctx.settings)
        try:
            report = engine.run(ctx.paths.database, t, progress=_progress, verify=True)
        except NoPassword as exc:
            password = _ask_password(str(exc))
            if password is None:
                raise
            t = target.from_url(args.hub, password) if args.hub else \
                target.from_settings(ctx.settings, password)
            report = engine.run(ctx.paths.database, t, progress=_progress, verify=True)
    except SyncError as exc:
        return _fail(str(exc))
    finally:
        ctx.close()
    print(report.summary())
    for warning in report.warnings:
        print(warning, file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Standalone entry point (``python -m campdesk.sync``) with the same commands."""
    parser = argparse.ArgumentParser(prog="campdesk")
    parser.add_argument("--home")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.func(args)
