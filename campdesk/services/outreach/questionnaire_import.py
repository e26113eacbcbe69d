"""Import returned questionnaires (CSV, XLSX, XLS), one row per company, as the office
types them: "기업명 | 사업자번호 | 회신일 | 애로사항 | 기술수요 | 2차 방문 희망 (O/X) | 건의사항".

A company is matched by business number, then by name; a row naming a company the register
does not know is rejected with its name. A row whose answers are all empty (a company that
sent the form back blank, or has not yet) is noted, not an error. Importing the same sheet
again changes nothing.
"""
from __future__ import annotations

from pathlib import Path

from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import parse_business_no
from campdesk.services.context import Context
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import questionnaires as qs
from campdesk.services.outreach.supports import match_company
from campdesk.i18n import _
from campdesk.services.staging import read_first
from campdesk.services.tabular import ImportReport, Progress, Table, error_text

HEADERS: dict[str, list[str]] = {
    "company_name": ["기업명", "업체명", "회사명", "상호", "company"],  # i18n: data
    "business_no": ["사업자등록번호", "사업자번호", "business no"],  # i18n: data
    "received_on": ["회신일", "접수일", "응답일", "작성일", "제출일", "received"],  # i18n: data
    "company_status": ["기업현황", "기업 현황", "현황", "company status"],  # i18n: data
    "difficulties": ["애로사항", "애로 사항", "어려운 점", "difficulties"],  # i18n: data
    "proposed_technology": ["기술수요", "기술 수요", "필요기술", "필요 기술", "수요기술", "technology demand"],  # i18n: data
    "tech_themes": ["기술분야", "기술 분야", "수요분야", "fields"],  # i18n: data
    "business_plan": ["사업계획", "사업 계획", "향후계획", "향후 계획", "business plan"],  # i18n: data
    "needs_visit": ["2차 방문 희망", "2차방문희망", "2차 방문", "2차방문", "재방문 희망", "재방문희망",  # i18n: data
                    "재방문", "방문희망", "방문 희망", "추가 방문", "2차 방문 희망(O/X)", "재방문 희망(O/X)",  # i18n: data
                    "2차방문(O/X)", "visit"],  # i18n: data
    "suggestions": ["건의사항", "건의 사항", "바라는 점", "요청사항", "suggestions"],  # i18n: data
}
LABELS = {code: names[0] for code, names in HEADERS.items()}


def import_questionnaires(ctx: Context, path: str | Path, title: str | None = None,
                          progress: Progress | None = None) -> ImportReport:
    report = ImportReport()
    with Table(Path(path), HEADERS, ("company_name",), report, progress) as table, \
            read_first(table) as rows, ctx.db.transaction() as s:
        qid = qs.questionnaire_in(s, ctx, title)
        for row in rows:
            report.total += 1
            v = row.values

            def reject(field: str, reason: str) -> None:
                report.reject(row.number, row.columns.get(field) or LABELS.get(field, field), reason)

            try:
                business_no = parse_business_no(v.get("business_no"))
            except ValidationError as exc:
                reject("business_no", error_text(exc))
                continue
            name = str(v.get("company_name") or "").strip()
            company_id = match_company(s, business_no, name)
            if company_id is None:
                reject("company_name", _("등록되지 않은 기업입니다: {name}. 기업을 먼저 등록해 주세요."
                                         ).format(name=name or business_no))
                continue
            values, errors = qs.clean_answer(v)
            if errors:
                for e in errors:
                    reject(e.field, error_text(e))
                continue
            if qs.is_empty_answer(values):
                report.warnings.append(_("{row}행 {name}: 응답이 비어 있어 건너뛰었습니다.").format(
                    row=row.number, name=name))
                report.unchanged += 1
                continue
            try:
                _rid, status = qs.record_answer(ctx, company_id, v, qid, session=s)
            except FormErrors as exc:
                for e in exc.errors:
                    reject(e.field, error_text(e))
                continue
            setattr(report, status, getattr(report, status) + 1)
    return report
