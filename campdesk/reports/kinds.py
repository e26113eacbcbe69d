"""The one list of report kinds: the reports page, ``campdesk report …`` and the batch read it.

A kind says what it needs (a month, a company, a consultation), how to make it (a function
``make(ctx, request) -> bytes`` that runs on a worker thread), its file name, and which CLI
command makes it. Adding a kind is one entry in ``KINDS``:

    ReportKind("mentoring", N_("멘토링 일지"), make=_mentoring_log,
               needs=("company", "month"), command="mentoring", help=N_("멘토링 일지"),
               file_name=N_("{month}_{company}_멘토링일지.pdf"))

``campdesk report mentoring --month YYYY-MM --company ID --out FILE.pdf [--by NAME]`` then
exists and the reports page lists it. Every text is marked ``N_`` here and translated where
it is shown (``kind.name``, ``_(kind.help)``, ``kind.default_name()``). A kind that needs a new kind of value (an event, a
day) adds it to ``PARAMS``; the CLI passes it in ``Request.extra`` under its field name.

This module imports no reportlab (the app starts without it): each ``make`` imports
``campdesk.reports.api`` when it runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Callable

from campdesk.i18n import N_, _
from campdesk.services.period import Month

Progress = Callable[[int, int], None]

@dataclass(frozen=True)
class Param:
    """A value a kind may need: how the CLI asks for it and where ``Request`` keeps it."""

    option: str                          # "--month" (a kind needing only this id: positional)
    metavar: str
    help: str                            # a catalog text (N_), translated where shown
    field: str                           # the Request field
    parse: Callable[[str], object] | None = None  # text → value; raises UserError when bad
    flag: bool = False                   # an option without a value (--blank)


PARAMS = {
    "month": Param("--month", "YYYY-MM", N_("보고 달"), "month", Month.parse),
    "company": Param("--company", "ID", N_("기업 id"), "company_id"),
    "consultation": Param("--consultation", "ID", N_("상담 id"), "consultation_id"),
    "session": Param("--session", "ID", N_("멘토링 회차 id"), "session_id"),
    "mentor": Param("--mentor", "ID", N_("이 멘토만 (멘토 id)"), "mentor_id"),
    "event": Param("--event", "ID", N_("행사 id"), "event_id"),
    "blank": Param("--blank", "", N_("빈 설문지 한 장"), "blank", flag=True),
}


@dataclass(frozen=True)
class Request:
    """Everything a kind may be made from; a kind reads only what it ``needs``."""

    month: Month | None = None
    company_id: str | None = None
    consultation_id: str | None = None
    company_name: str = ""         # for the file name only
    made_by: str | None = None     # the footer's 작성자; None: this PC's staff member
    progress: Progress | None = None
    extra: dict = field(default_factory=dict)  # a new kind's own values, by Request field name

    def with_(self, **changes) -> Request:
        return replace(self, **changes)

    def value(self, need: str):
        """The value for one of a kind's needs (a name in PARAMS)."""
        name = PARAMS[need].field
        return getattr(self, name) if hasattr(self, name) else self.extra.get(name)


@dataclass(frozen=True)
class ReportKind:
    code: str
    label: str                               # a catalog text (N_); shown as ``name``
    make: Callable[..., bytes]               # (ctx, Request) -> PDF bytes
    needs: tuple[str, ...] = ()              # names in PARAMS
    command: str | None = None               # ``campdesk report COMMAND``; None: not on the CLI
    help: str = ""                           # a catalog text (N_)
    file_name: str = "{code}.pdf"            # a catalog text (N_), formatted with month, company, code
    files: Callable[..., list[Path]] | None = None  # (ctx, Request, folder): one file each
    on_page: bool = True                     # listed on the reports page (False: made where
                                             # its record is, e.g. a session's 일지)

    @property
    def name(self) -> str:
        """What the kind is called, in the current language."""
        return _(self.label)

    @property
    def month(self) -> bool:
        return "month" in self.needs

    @property
    def company(self) -> bool:
        return "company" in self.needs or "consultation" in self.needs

    @property
    def consultation(self) -> bool:
        return "consultation" in self.needs

    def default_name(self, request: Request) -> str:
        return _(self.file_name).format(month=request.month.key if request.month else "",
                                        company=request.company_name or _("기업"), code=self.code)


# --- how each kind is made (reportlab is imported here, on the worker) --------------------

def _camp(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.camp_month_pdf(ctx, r.month, made_by=r.made_by)


def _tenant(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.tenant_month_pdf(ctx, r.company_id, r.month, made_by=r.made_by)


def _tenants(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.tenants_pdf(ctx, r.month, r.progress, made_by=r.made_by)


def _tenants_files(ctx, r: Request, folder) -> list[Path]:
    from campdesk.reports import api
    return api.tenants_files(ctx, r.month, Path(folder), r.progress, made_by=r.made_by)


def _company(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.company_pdf(ctx, r.company_id, made_by=r.made_by)


def _consultation(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.consultation_pdf(ctx, r.consultation_id, made_by=r.made_by)


def _mentoring_log(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.mentoring_log_pdf(ctx, r.value("session"), made_by=r.made_by)


def _mentor_activity(ctx, r: Request) -> bytes:
    from campdesk.reports import api
    return api.mentor_activity_pdf(ctx, r.month, r.value("mentor"), made_by=r.made_by)


def _attendance(ctx, r: Request) -> bytes:
    from campdesk.reports import outreach_api
    return outreach_api.attendance_pdf(ctx, r.value("event"), made_by=r.made_by)


def _questionnaire_forms(ctx, r: Request) -> bytes:
    """The forms of every MOU company outside face-to-face consulting, in one PDF."""
    from campdesk.reports import outreach_api
    from campdesk.services.errors import UserError
    from campdesk.services.outreach.questionnaires import form_companies
    if not form_companies(ctx):
        raise UserError(_("서면 설문 대상 MOU 기업이 없습니다 (모두 최근 대면 상담 중). --blank로 빈 양식을 "
                          "만들 수 있습니다."))
    return outreach_api.questionnaire_form_pdf(ctx, made_by=r.made_by)


def _questionnaire_form(ctx, r: Request) -> bytes:
    from campdesk.reports import outreach_api
    return outreach_api.questionnaire_form_pdf(ctx, r.company_id, made_by=r.made_by)


def _questionnaire_blank(ctx, r: Request) -> bytes:
    from campdesk.reports import outreach_api
    return outreach_api.questionnaire_form_pdf(ctx, blank=True, made_by=r.made_by)


def _council(ctx, r: Request) -> bytes:
    from campdesk.reports import outreach_api
    return outreach_api.council_pdf(ctx, r.month, made_by=r.made_by)


KINDS: list[ReportKind] = [
    ReportKind("camp", N_("월간 캠프 보고서 (월례회의)"), _camp,
               needs=("month",), command="monthly",
               help=N_("월간 캠프 보고서, 또는 --company로 입주기업 월간 보고서"),
               file_name=N_("{month}_캠프_월간보고서.pdf")),
    ReportKind("tenant", N_("입주기업 월간 보고서"), _tenant,
               needs=("month", "company"), command="monthly",
               file_name=N_("{month}_{company}_월간보고서.pdf")),
    ReportKind("tenants", N_("입주기업 월간 보고서 전체 (일괄)"), _tenants,
               needs=("month",), command="tenants",
               help=N_("그달 모든 입주기업의 월간 보고서 (PDF 하나 또는 폴더에 기업별 파일)"),
               file_name=N_("{month}_입주기업_월간보고서.pdf"), files=_tenants_files),
    ReportKind("company", N_("기업 상담 기록부"), _company,
               needs=("company",), command="company", help=N_("기업의 전체 상담 기록부"),
               file_name=N_("{company}_상담기록부.pdf")),
    ReportKind("consultation", N_("상담 요약서"), _consultation,
               needs=("consultation",), command="consultation", help=N_("상담 한 건의 요약서"),
               file_name=N_("{company}_상담요약서.pdf")),
    ReportKind("mentor_activity", N_("멘토 월간 활동 내역서"), _mentor_activity,
               needs=("month",), command="mentor-activity",
               help=N_("멘토 월간 활동 내역서 (수당 지급용), --mentor로 한 멘토만"),
               file_name=N_("{month}_멘토_활동내역서.pdf")),
    ReportKind("mentor_activity_one", N_("멘토 한 명의 월간 활동 내역서"), _mentor_activity,
               needs=("month", "mentor"), command="mentor-activity",
               file_name=N_("{month}_멘토_활동내역서.pdf"), on_page=False),
    ReportKind("mentoring_log", N_("멘토링 일지"), _mentoring_log,
               needs=("session",), command="mentoring-log",
               help=N_("멘토링 일지 (회차 하나, 멘토·기업 서명란)"),
               file_name=N_("멘토링일지.pdf"), on_page=False),
    ReportKind("council", N_("유관기관 월례회의 자료"), _council,
               needs=("month",), command="council",
               help=N_("유관기관 월례회의 자료: 기관·유형별 지원, 중복 지원, 캠프 현황"),
               file_name=N_("{month}_유관기관_회의자료.pdf")),
    ReportKind("questionnaire_forms", N_("서면 설문지 (대면 상담 밖의 MOU 기업 전체)"), 
               _questionnaire_forms, command="questionnaire-form",
               help=N_("서면 설문지: --company로 한 기업, --blank로 빈 양식, "
                       "없으면 대면 상담 밖의 모든 MOU 기업"),
               file_name=N_("서면설문지.pdf")),
    ReportKind("questionnaire_form", N_("서면 설문지 (한 기업)"), 
               _questionnaire_form, needs=("company",), command="questionnaire-form",
               file_name=N_("{company}_서면설문지.pdf")),
    ReportKind("questionnaire_blank", N_("서면 설문지 (빈 양식)"), 
               _questionnaire_blank, needs=("blank",), command="questionnaire-form",
               file_name=N_("서면설문지_빈양식.pdf"), on_page=False),
    ReportKind("attendance", N_("행사 참석자 명단·서명부"), _attendance,
               needs=("event",), command="attendance", help=N_("행사(지식콘서트) 참석자 명단·서명부"),
               file_name=N_("참석자명단.pdf"), on_page=False),
]


def kind(code: str) -> ReportKind:
    """The kind with this code; KeyError for an unknown one (a programming error)."""
    for k in KINDS:
        if k.code == code:
            return k
    raise KeyError(code)


def for_command(command: str) -> list[ReportKind]:
    """The kinds one CLI command makes, most specific (most needs) first."""
    return sorted((k for k in KINDS if k.command == command), key=lambda k: -len(k.needs))


def commands() -> list[str]:
    seen: list[str] = []
    for k in KINDS:
        if k.command and k.command not in seen:
            seen.append(k.command)
    return seen
