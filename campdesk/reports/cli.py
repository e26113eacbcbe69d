"""``campdesk report …``: the printable documents from the command line (README.md, "Command line").

    campdesk [--home DIR] report monthly --month YYYY-MM --out FILE.pdf [--company ID]
    campdesk [--home DIR] report tenants --month YYYY-MM --out FILE.pdf|DIR
    campdesk [--home DIR] report consultation ID --out FILE.pdf
    campdesk [--home DIR] report company ID --out FILE.pdf

A bad month or an unknown id raises UserError: ``campdesk.cli.main`` prints its one-line
Korean reason on stderr and exits 1.
"""
from __future__ import annotations

import sys
from pathlib import Path

from campdesk.services.period import Month

EXIT_OK = 0


def _context(args):
    from campdesk.services.context import open_context
    return open_context(args.home)


def _write(path: str, pdf: bytes) -> int:
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(pdf)
    print(f"PDF를 만들었습니다: {out} ({len(pdf) // 1024:,} KB)", flush=True)
    return EXIT_OK


def _progress(done: int, total: int) -> None:
    if sys.stderr.isatty():
        print(f"\r  {done}/{total} 기업", end="" if done < total else "\n", file=sys.stderr, flush=True)


def cmd_monthly(args) -> int:
    from campdesk.reports import api
    month = Month.parse(args.month)
    ctx = _context(args)
    try:
        pdf = (api.tenant_month_pdf(ctx, args.company, month) if args.company
               else api.camp_month_pdf(ctx, month))
    finally:
        ctx.close()
    return _write(args.out, pdf)


def cmd_tenants(args) -> int:
    from campdesk.reports import api
    month = Month.parse(args.month)
    ctx = _context(args)
    try:
        if args.out.lower().endswith(".pdf"):
            return _write(args.out, api.tenants_pdf(ctx, month, _progress))
        written = api.tenants_files(ctx, month, Path(args.out), _progress)
    finally:
        ctx.close()
    print(f"입주기업 보고서 {len(written)}개를 만들었습니다: {args.out}", flush=True)
    return EXIT_OK


def cmd_consultation(args) -> int:
    from campdesk.reports import api
    ctx = _context(args)
    try:
        pdf = api.consultation_pdf(ctx, args.id)
    finally:
        ctx.close()
    return _write(args.out, pdf)


def cmd_company(args) -> int:
    from campdesk.reports import api
    ctx = _context(args)
    try:
        pdf = api.company_pdf(ctx, args.id)
    finally:
        ctx.close()
    return _write(args.out, pdf)


def register(subparsers) -> None:
    report = subparsers.add_parser("report", help="보고서와 상담 요약서를 PDF로 만듭니다")
    kinds = report.add_subparsers(dest="report", metavar="KIND", required=True)

    p = kinds.add_parser("monthly", help="월간 캠프 보고서, 또는 --company로 입주기업 월간 보고서")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--company", metavar="ID", help="이 기업의 월간 보고서")
    p.set_defaults(func=cmd_monthly)

    p = kinds.add_parser("tenants", help="그달 모든 입주기업의 월간 보고서 (PDF 하나 또는 폴더에 기업별 파일)")
    p.add_argument("--month", required=True, metavar="YYYY-MM")
    p.add_argument("--out", required=True, metavar="FILE.pdf|DIR")
    p.set_defaults(func=cmd_tenants)

    p = kinds.add_parser("consultation", help="상담 한 건의 요약서 (A4 한 쪽)")
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_consultation)

    p = kinds.add_parser("company", help="기업의 전체 상담 기록부")
    p.add_argument("id", metavar="ID")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.set_defaults(func=cmd_company)

    from campdesk.reports import outreach_cli
    outreach_cli.register(kinds)
