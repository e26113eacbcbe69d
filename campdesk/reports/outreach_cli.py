"""``campdesk report attendance|questionnaire-form|council``: outreach documents.

    campdesk [--home DIR] report attendance EVENT_ID --out FILE.pdf
    campdesk [--home DIR] report questionnaire-form --out FILE.pdf [--company ID | --blank]
    campdesk [--home DIR] report council --month YYYY-MM --out FILE.pdf
"""
from __future__ import annotations

from campdesk.services.errors import UserError
from campdesk.services.period import Month


def _run(args, make) -> int:
    from campdesk.reports.cli import _context, _write
    ctx = _context(args)
    try:
        pdf = make(ctx)
    finally:
        ctx.close()
    return _write(args.out, pdf)


def cmd_attendance(args) -> int:
    from campdesk.reports import outreach_api
    return _run(args, lambda ctx: outreach_api.attendance_pdf(ctx, args.id))


def cmd_form(args) -> int:
    from campdesk.reports import outreach_api
    from campdesk.services.outreach.questionnaires import form_companies

    def make(ctx):
        if not args.company and not args.blank and not form_companies(ctx):
            raise UserError("서면 설문 대상 MOU 기업이 없습니다 (모두 최근 대면 상담 중). --blank로 빈 양식을 "
                            "만들 수 있습니다.", "No MOU company is outside face-to-face consulting.")
        return outreach_api.questionnaire_form_pdf(ctx, args.company, blank=args.blank)
    return _run(args, make)


def cmd_council(args) -> int:
    from campdesk.reports import outreach_api
    month = Month.parse(args.month)
    return _run(args, lambda ctx: outreach_api.council_pdf(ctx, month))


def register(kinds) -> None:
    p = kinds.add_parser("attendance", help="행사(지식콘서트) 참석자 명단·서명부")
    p.add_argument("id", metavar="EVENT_ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_attendance)

    p = kinds.add_parser("questionnaire-form", help="서면 설문지: --company로 한 기업, 없으면 대면 상담 밖의 모든 MOU 기업")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--company", metavar="ID", help="이 기업의 정보를 채운 설문지")
    group.add_argument("--blank", action="store_true", help="빈 설문지 한 장")
    p.set_defaults(func=cmd_form)

    p = kinds.add_parser("council", help="유관기관 월례회의 자료: 기관·유형별 지원, 중복 지원, 캠프 현황")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_council)
