"""The pages of the main window, in one list and in navigation order.

Each entry is light (key, module, title): the window shows the navigation from it before
any page module, and so the data layer, is imported. Add an entry here and the module's
``PAGE`` class appears in the navigation; the window knows nothing else.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campdesk.ui.core.i18n import t

if TYPE_CHECKING:
    from campdesk.ui.core.page import Page


@dataclass(frozen=True)
class PageInfo:
    key: str     # stable id, used for settings and the navigation
    module: str  # defines ``PAGE``, a ``Page`` subclass with this key
    ko: str
    en: str

    def title(self) -> str:
        return t(self.ko, self.en)

    def page_class(self) -> type[Page]:
        return importlib.import_module(self.module).PAGE


PAGES = [
    PageInfo("dashboard", "campdesk.ui.dashboard.page", "대시보드", "Dashboard"),
    PageInfo("companies", "campdesk.ui.companies.page", "기업", "Companies"),
    PageInfo("consultations", "campdesk.ui.consultations.page", "상담일지", "Consultations"),
    PageInfo("followups", "campdesk.ui.followups.page", "후속조치", "Follow-ups"),
    PageInfo("mentoring", "campdesk.ui.mentoring.page", "멘토링", "Mentoring"),
    PageInfo("jobs", "campdesk.ui.jobs.page", "잡매칭", "Job matching"),
    PageInfo("spaces", "campdesk.ui.spaces.page", "입주공간", "Spaces"),
    PageInfo("outreach", "campdesk.ui.outreach.page", "대외협력", "Outreach"),
    PageInfo("reports", "campdesk.ui.reports.page", "보고서", "Reports"),
    PageInfo("attention", "campdesk.ui.sync.attention_page", "확인 필요", "Needs attention"),
]


def page_info(key: str) -> PageInfo:
    return next(p for p in PAGES if p.key == key)


def import_pages() -> None:
    """Import every page module (the start-up loader does it off the UI thread)."""
    for info in PAGES:
        info.page_class()
