"""Outreach on the command line (README.md, "Command line"):

    campdesk [--home DIR] import supports FILE [--agency NAME]
    campdesk [--home DIR] import questionnaires FILE [--title TITLE]
    campdesk [--home DIR] supports overlaps
    campdesk [--home DIR] events concerts --year YYYY
    campdesk [--home DIR] followups --open

Errors are UserError: ``campdesk.cli.main`` prints the one-line reason and exits 1.
"""
from __future__ import annotations

from pathlib import Path

from campdesk.i18n import _, current_language, ngettext
from campdesk.services.errors import UserError

EXIT_OK = 0


def _out(text: str = "") -> None:
    print(text, flush=True)


def _context(args):
    from campdesk.services.context import open_context
    return open_context(args.home)


def cmd_import_supports(args) -> int:
    from campdesk.cli import _ImportProgress, print_import_report
    from campdesk.services.outreach.support_import import import_supports
    ctx = _context(args)
    try:
        report = import_supports(ctx, Path(args.file), agency=args.agency, progress=_ImportProgress())
        code = print_import_report(args.file, report)
        from campdesk.services.outreach.supports import overlaps
        found = overlaps(ctx)
    finally:
        ctx.close()
    if found:
        _out("  " + ngettext("중복 지원 의심 {n}건: campdesk supports overlaps 로 확인하세요.",
                             "중복 지원 의심 {n}건: campdesk supports overlaps 로 확인하세요.",
                             len(found)).format(n=len(found)))
    return code


def cmd_import_questionnaires(args) -> int:
    from campdesk.cli import _ImportProgress, print_import_report
    from campdesk.services.outreach.questionnaire_import import import_questionnaires
    ctx = _context(args)
    try:
        report = import_questionnaires(ctx, Path(args.file), title=args.title,
                                       progress=_ImportProgress())
    finally:
        ctx.close()
    return print_import_report(args.file, report)


def cmd_overlaps(args) -> int:
    from campdesk.domain.outreach import SUPPORT_KIND
    from campdesk.services.outreach.supports import overlaps
    ctx = _context(args)
    try:
        found = overlaps(ctx)
    finally:
        ctx.close()
    if not found:
        _out(_("중복 지원이 없습니다."))
        return EXIT_OK
    _out(ngettext("중복 지원 {n}건 (같은 유형, 두 기관, 겹치는 기간):",
                  "중복 지원 {n}건 (같은 유형, 두 기관, 겹치는 기간):", len(found)).format(n=len(found)))
    for o in found:
        a, b = o.first, o.second
        _out(f"{o.company}\t{SUPPORT_KIND.label(o.kind, current_language())}\t{o.agencies}\t{o.programmes}\t"
             f"{_span(a)} / {_span(b)}")
    return EXIT_OK


def _span(row) -> str:
    end = row.ends_on.isoformat() if row.ends_on else f"{row.starts_on.year}-12-31?"
    return f"{row.starts_on.isoformat()}~{end}"


def cmd_concerts(args) -> int:
    from campdesk.services.outreach.events import concert_dates
    if not 1900 < args.year < 2200:
        raise UserError(_("연도를 확인해 주세요: {year}").format(year=args.year))
    for plan in concert_dates(args.year):
        line = plan.day.isoformat()
        if plan.moved:
            line += "  " + _("(정기일 {day} {reason} → 옮김)").format(day=plan.regular.isoformat(),
                                                                   reason=plan.reason)
        _out(line)
    return EXIT_OK


def cmd_followups(args) -> int:
    from campdesk.services.consultations import list_follow_ups
    ctx = _context(args)
    try:
        items = list_follow_ups(ctx)
    finally:
        ctx.close()
    for c in items:
        what = (c.question or "").splitlines()[0] if c.question else "-"
        who = c.escalated_to_name if c.outcome == "escalated" and c.escalated_to_name else c.staff_name
        due = c.due_on.isoformat() if c.due_on else _("기한 없음")
        _out(f"{due}\t{c.who}\t{what[:60]}\t{who or '-'}")
    return EXIT_OK


def register_imports(what) -> None:
    """``import supports`` and ``import questionnaires`` beside the other imports."""
    c = what.add_parser("supports", help=_("유관기관 지원 목록: 기관, 사업명, 지원유형, 기업명, 사업자번호, 기간, 금액"))
    c.add_argument("file", metavar="FILE")
    c.add_argument("--agency", metavar="NAME", help=_("지원기관 열이 없는 파일의 기관 (예: 광주정보문화산업진흥원)"))
    c.set_defaults(func=cmd_import_supports)
    c = what.add_parser("questionnaires", help=_("서면 설문 응답: 한 행에 한 기업 (애로사항, 기술수요, 재방문 희망)"))
    c.add_argument("file", metavar="FILE")
    c.add_argument("--title", metavar="TITLE", help=_("설문 이름 (기본: 올해 서면 설문)"))
    c.set_defaults(func=cmd_import_questionnaires)


def register(sub) -> None:
    p = sub.add_parser("supports", help=_("유관기관 지원: overlaps (중복 지원 목록)"))
    p.add_argument("action", choices=["overlaps"])
    p.set_defaults(func=cmd_overlaps)

    p = sub.add_parser("events", help=_("행사: concerts --year YYYY (지식콘서트 날짜)"))
    p.add_argument("action", choices=["concerts"])
    p.add_argument("--year", type=int, required=True, metavar="YYYY")
    p.set_defaults(func=cmd_concerts)

    p = sub.add_parser("followups", help=_("후속조치: --open (열린 후속조치, 한 줄에 하나)"))
    p.add_argument("--open", action="store_true", required=True, help=_("열린 후속조치와 이관 건"))
    p.set_defaults(func=cmd_followups)
