"""Import an agency's list of supports (CSV in CP949 or UTF-8, XLSX, XLS), as the offices
write them: "지원기관 | 사업명 | 지원유형 | 기업명 | 사업자등록번호 | 지원기간 | 지원금액".

A company is matched by business number, then by name; one the register does not know is
kept as the agency wrote it (name and business number), so the duplicate check still sees
it. Importing the same list again updates the same rows and never adds them twice.
"""
from __future__ import annotations

import re
from pathlib import Path

from campdesk.domain.errors import ValidationError
from campdesk.domain.validation import normalise_company_name
from campdesk.i18n import N_, _
from campdesk.services.context import Context
from campdesk.services.errors import UserError
from campdesk.services.outreach import supports as sv
from campdesk.services.staging import read_first
from campdesk.services.tabular import ImportReport, Progress, Table, error_text
from campdesk.store.audit import apply_changes
from campdesk.store.models import ProgrammeSupport

HEADERS: dict[str, list[str]] = {
    "agency": ["지원기관", "기관", "기관명", "수행기관", "주관기관", "agency"],  # i18n: data
    "programme": ["사업명", "지원사업", "지원사업명", "프로그램", "과제명", "programme", "program"],  # i18n: data
    "kind": ["지원유형", "지원 유형", "지원구분", "지원분야", "유형", "구분", "kind", "type"],  # i18n: data
    "company_name": ["기업명", "업체명", "회사명", "상호", "수혜기업", "지원기업", "company"],  # i18n: data
    "business_no": ["사업자등록번호", "사업자번호", "사업자 등록번호", "business no", "brn"],  # i18n: data
    "period": ["지원기간", "사업기간", "협약기간", "기간", "period"],  # i18n: data
    "starts_on": ["시작일", "지원시작일", "협약시작일", "선정일", "지원일", "start"],  # i18n: data
    "ends_on": ["종료일", "지원종료일", "협약종료일", "end"],  # i18n: data
    "amount_krw": ["지원금액", "지원금", "금액", "지원액", "사업비", "정부지원금", "지원금액(원)",  # i18n: data
                   "지원금(원)", "금액(원)", "지원액(원)", "사업비(원)", "amount"],  # i18n: data
    "notes": ["비고", "메모", "notes"],  # i18n: data
}
# A column's name in a rejection when the file has no such column.
LABELS = {"agency": N_("지원기관"), "programme": N_("사업명"), "kind": N_("지원유형"),
          "company_name": N_("기업명"), "business_no": N_("사업자등록번호"), "starts_on": N_("시작일"),
          "ends_on": N_("종료일"), "amount_krw": N_("지원금액"), "notes": N_("비고"),
          "period": N_("지원기간")}
_RANGE = re.compile(r"\s*(?:~|∼|〜|-{1,2}\s+|부터|to)\s*")  # i18n: data


def split_period(text: object) -> tuple[object, object]:
    """``2026.03.01 ~ 2026.08.31`` (or ``-`` between spaces, ``부터``) into its two ends."""
    if text is None or str(text).strip() == "":
        return None, None
    parts = [p for p in _RANGE.split(str(text).strip().rstrip("까지")) if p.strip()]  # i18n: data
    if len(parts) == 2:
        return parts[0], parts[1]
    if len(parts) == 1:
        return parts[0], None
    raise ValidationError("period", _("지원기간은 2026.03.01~2026.08.31처럼 입력해 주세요 (입력: {value})."
                                      ).format(value=text))


def import_supports(ctx: Context, path: str | Path, agency: str | None = None,
                    progress: Progress | None = None) -> ImportReport:
    """Keep every valid row, explain every bad one. ``agency`` names the agency of a list
    that has no agency column (each office sends its own)."""
    report = ImportReport()
    required = ("programme", "company_name")
    with Table(Path(path), HEADERS, required, report, progress) as table, \
            read_first(table) as rows, ctx.db.transaction() as s:
        sv.ensure_agencies_in(s, ctx)  # in this transaction: a refused file changes nothing
        agencies = sv.agencies_in(s)
        default_agency = None
        if agency:
            default_agency = sv.find_agency(agencies, agency)
            if default_agency is None:
                known = ", ".join(a.name for a in agencies)
                raise UserError(_("알 수 없는 기관입니다: {agency} (등록된 기관: {known})").format(
                    agency=agency, known=known))
        if "agency" not in table.columns.values() and default_agency is None:
            raise UserError(_("지원기관 열이 없습니다. 파일에 '지원기관' 열을 넣거나 --agency 기관명을 "
                              "지정해 주세요."))
        for row in rows:
            report.total += 1
            v = dict(row.values)

            def reject(field: str, reason: str) -> None:
                report.reject(row.number, row.columns.get(field) or _(LABELS.get(field, field)),
                              reason)

            found = default_agency
            if str(v.get("agency") or "").strip():
                found = sv.find_agency(agencies, str(v["agency"]))
                if found is None:
                    reject("agency", _("알 수 없는 기관입니다: {agency}").format(agency=v["agency"]))
                    continue
            if found is None:
                reject("agency", _("지원기관이 비어 있습니다."))
                continue
            try:
                if v.get("period") and not (v.get("starts_on") or v.get("ends_on")):
                    v["starts_on"], v["ends_on"] = split_period(v["period"])
            except ValidationError as exc:
                reject("period", error_text(exc))
                continue
            values, errors = sv.clean_support({**v, "agency_id": found.id})
            if errors:
                for e in errors:
                    reject(e.field, error_text(e))
                continue
            values["company_id"] = sv.match_company(s, values["business_no"], values["company_name"])
            year = values["starts_on"].year if values.get("starts_on") else None
            pid = sv.ensure_programme(s, ctx, found.id, values["programme"], values["kind"], year)
            key = values["business_no"] or normalise_company_name(values["company_name"])
            sid = sv.support_id_for(pid, key, values["starts_on"])
            fields = {"company_id": values["company_id"], "programme_id": pid, "kind": values["kind"],
                      "starts_on": values["starts_on"], "ends_on": values["ends_on"],
                      "granted_on": values["starts_on"], "amount_krw": values["amount_krw"],
                      "business_no": values["business_no"], "company_name": values["company_name"]}
            if values.get("notes"):
                fields["notes"] = values["notes"]
            existing = s.get(ProgrammeSupport, sid)
            if existing is None:
                s.add(ProgrammeSupport(id=sid, updated_by=ctx.staff_id, **fields))
                s.flush()
                report.created += 1
            elif apply_changes(s, existing, {**fields, "archived": False}, ctx.staff_id):
                report.updated += 1
            else:
                report.unchanged += 1
    return report
