"""``campdesk mentors suggest``: mentors for a difficulty, one a line, best first, with why."""
from __future__ import annotations

from campdesk.domain.mentor_rules import fields_label
from campdesk.i18n import _, current_language
from campdesk.services.errors import UserError


def cmd_suggest(args) -> int:
    from campdesk.cli import EXIT_OK, _context, _out
    from campdesk.services.mentor_suggest import suggest
    text = (args.text or "").strip()
    if not text:
        raise UserError(_("애로사항(--text)을 입력해 주세요."))
    if args.top < 1:
        raise UserError(_("--top은 1 이상이어야 합니다."))
    ctx = _context(args)
    try:
        if args.company:
            from campdesk.services.companies import get_row
            get_row(ctx, args.company)
        found = suggest(ctx, text, company_id=args.company, top=args.top)
    finally:
        ctx.close()
    if not found:
        _out(_("맞는 멘토를 찾지 못했습니다. 애로사항을 조금 더 구체적으로 적어 주세요."))
        return EXIT_OK
    for i, s in enumerate(found, 1):
        org = f" ({s.organisation})" if s.organisation else ""
        _out(f"{i}. {s.name}{org} [{fields_label(s.fields, current_language())}] — {s.reason}")
    return EXIT_OK


def register(sub) -> None:
    p = sub.add_parser("mentors", help=_("멘토단: 애로사항에 맞는 멘토 추천"))
    what = p.add_subparsers(dest="mentors_command", metavar="ACTION", required=True)
    c = what.add_parser("suggest", help=_("애로사항에 맞는 멘토를 맞는 순서대로 보여 줍니다"))
    c.add_argument("--text", required=True, help=_("애로사항 (상담의 애로사항 그대로)"))
    c.add_argument("--company", metavar="ID", help=_("기업 ID (그 기업의 AI 분야도 봅니다)"))
    c.add_argument("--top", type=int, default=5, help=_("보여 줄 멘토 수 (기본 5)"))
    c.set_defaults(func=cmd_suggest)
