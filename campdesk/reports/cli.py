"""``campdesk report …``: the printable documents from the command line (README.md, "Command line").

    campdesk [--home DIR] report monthly --month YYYY-MM --out FILE.pdf [--company ID] [--by NAME]
    campdesk [--home DIR] report tenants --month YYYY-MM --out FILE.pdf|DIR [--by NAME]
    campdesk [--home DIR] report consultation ID --out FILE.pdf [--by NAME]
    campdesk [--home DIR] report company ID --out FILE.pdf [--by NAME]
    campdesk [--home DIR] report mentoring-log SESSION_ID --out FILE.pdf [--by NAME]
    campdesk [--home DIR] report mentor-activity --month YYYY-MM [--mentor ID] --out FILE.pdf
    campdesk [--home DIR] report attendance EVENT_ID --out FILE.pdf
    campdesk [--home DIR] report questionnaire-form --out FILE.pdf [--company ID | --blank]
    campdesk [--home DIR] report council --month YYYY-MM --out FILE.pdf

The commands and what each takes come from ``campdesk.reports.kinds.KINDS``. A bad month,
an unknown id, a month without records or a data folder that does not exist raises
UserError: ``campdesk.cli.main`` prints its one-line reason on stderr and exits 1.
Making a report never creates a data folder.
"""
from __future__ import annotations

import sys
from pathlib import Path

from campdesk.i18n import _, ngettext
from campdesk.reports import kinds
from campdesk.services.errors import UserError

EXIT_OK = 0


def _context(args):
    from campdesk.services.context import open_context
    return open_context(args.home, create=False)


def _write(path: str, pdf: bytes) -> int:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    print(_("PDF를 만들었습니다: {path} ({size} KB)").format(path=out, size=f"{len(pdf) // 1024:,}"),
          flush=True)
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print("\r  " + ngettext("{done}/{total} 기업", "{done}/{total} 기업", total).format(
            done=done, total=total), end="" if done < total else "\n", file=sys.stderr, flush=True)


def _warn(text: str) -> None:
    print("campdesk: " + _("경고: {text}").format(text=text), file=sys.stderr, flush=True)


def _month(month) -> str:
    from campdesk.reports.fmt import month as month_name  # reportlab-free
    return month_name(month)


def _request(args) -> kinds.Request:
    values, extra = {}, {}
    for name, param in kinds.PARAMS.items():
        text = getattr(args, name, None)
        if text:
            value = param.parse(text) if param.parse else text
            (values if param.field in kinds.Request.__dataclass_fields__ else extra)[param.field] = value
    return kinds.Request(**values, extra=extra, made_by=args.by, progress=_progress)


def _pick(args, request: kinds.Request) -> kinds.ReportKind:
    """The most specific kind of the command whose needs the arguments give."""
    for k in kinds.for_command(args.report):
        if all(request.value(n) for n in k.needs):
            return k
    raise UserError(_("보고서에 필요한 값이 빠졌습니다."))


def _check(ctx, request: kinds.Request) -> None:
    """Refuse a month without records (before the first, or in the future)."""
    from campdesk.services import reporting
    if request.month:
        has, span = reporting.month_has_records(ctx, request.month)
        if not has:
            raise UserError(_("{month}에는 기록이 없어 보고서를 만들지 않았습니다 ({span}).").format(
                month=_month(request.month), span=span))


def _warnings(ctx, kind: kinds.ReportKind, request: kinds.Request) -> None:
    """A tenant report for a company that held no space that month is made, with a warning."""
    if kind.code == "tenant":
        from campdesk.services.reporting.records import was_tenant
        if not was_tenant(ctx, request.company_id, request.month):
            _warn(_("이 기업은 {month}에 입주한 기록이 없습니다 (보고서에도 적었습니다).").format(
                month=_month(request.month)))


def cmd_report(args) -> int:
    request = _request(args)
    kind = _pick(args, request)
    folder = kind.files is not None and not args.out.lower().endswith(".pdf")
    ctx = _context(args)
    try:
        _check(ctx, request)
        if folder:
            written = kind.files(ctx, request, Path(args.out))
        else:
            pdf = kind.make(ctx, request)
        _warnings(ctx, kind, request)
    finally:
        ctx.close()
    if folder:
        print(ngettext("{kind} {n}개를 만들었습니다: {path}", "{kind} {n}개를 만들었습니다: {path}",
                       len(written)).format(kind=kind.name, n=len(written), path=args.out), flush=True)
        return EXIT_OK
    return _write(args.out, pdf)


def register(subparsers) -> None:
    report = subparsers.add_parser("report", help=_("보고서와 상담 요약서를 PDF로 만듭니다"))
    commands = report.add_subparsers(dest="report", metavar="KIND", required=True)
    for command in kinds.commands():
        made = kinds.for_command(command)
        main = made[-1]  # the least specific: its help, its required values
        p = commands.add_parser(command, help=_(next((k.help for k in made if k.help), main.label)))
        needs = [n for k in made for n in k.needs]
        for name in dict.fromkeys(needs):
            param = kinds.PARAMS[name]
            everywhere = all(name in k.needs for k in made)
            if everywhere and len(main.needs) == 1 and param.metavar == "ID":
                p.add_argument(name, metavar="ID", help=_(param.help))  # report company ID
            elif everywhere:
                p.add_argument(param.option, dest=name, required=True, metavar=param.metavar,
                               help=_(param.help))
            elif param.flag:
                p.add_argument(param.option, dest=name, action="store_true", help=_(param.help))
            else:
                p.add_argument(param.option, dest=name, metavar=param.metavar,
                               help=f"{_(param.help)}: "
                               + ", ".join(k.name for k in made if name in k.needs))
        out = "FILE.pdf|DIR" if any(k.files for k in made) else "FILE.pdf"
        p.add_argument("--out", required=True, metavar=out)
        p.add_argument("--by", metavar="NAME",
                       help=_("작성자 이름 (기본: 이 PC에 설정된 직원)"))
        p.set_defaults(func=cmd_report)
