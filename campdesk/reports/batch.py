"""Every tenant's monthly report at once: one PDF (numbered per company) or one file each."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable

from reportlab.platypus import PageBreak

from campdesk.i18n import N_, _
from campdesk.reports import fmt
from campdesk.reports.base import Renderer, SectionStart
from campdesk.reports.tenant import TenantMonthRenderer
from campdesk.services.period import Month
from campdesk.services.reporting.views import ReportMeta, TenantMonth

_UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


class TenantBatchRenderer(Renderer):
    """Tenant reports one after another; each starts on a new page with its own page numbers."""

    title = N_("입주기업 월간 보고서 (일괄)")

    def __init__(self, data: Iterable[TenantMonth], meta: ReportMeta, month: Month):
        super().__init__(data, meta)
        self.month = month

    def document_title(self) -> str:
        return _("{month} {title}").format(month=fmt.month(self.month), title=self.shown_title)

    def story(self) -> list:
        story: list = []
        for tenant in self.data:
            one = TenantMonthRenderer(tenant, self.meta)
            if story:
                story.append(PageBreak())
            story.append(SectionStart(tenant.profile.id, one.document_title()))
            story += one.story()
        if not story:
            story = self._title_story(self.document_title(), _("이 달에 입주한 기업이 없습니다."))
        return story


def file_name(tenant: TenantMonth) -> str:
    """``2026-11_빛고을인공지능.pdf``: safe on Windows and Linux."""
    name = _UNSAFE.sub("_", tenant.profile.name).strip("._") or tenant.profile.id
    return f"{tenant.month.key}_{name}.pdf"


def write_each(tenants: Iterable[TenantMonth], meta: ReportMeta, folder: Path) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for tenant in tenants:
        path = folder / file_name(tenant)
        if path in written:  # two companies with the same name
            path = path.with_stem(f"{path.stem}_{tenant.profile.id[-6:]}")
        path.write_bytes(TenantMonthRenderer(tenant, meta).render())
        written.append(path)
    return written
