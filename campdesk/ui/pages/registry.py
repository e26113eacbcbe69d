"""The pages of the main window, in one list and in navigation order.

Each entry is light (key, module, title): the window shows the navigation from it before
any page module, and so the data layer, is imported. Add an entry here and the module's
``PAGE`` class appears in the navigation; the window knows nothing else.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from campdesk.ui.i18n import t

if TYPE_CHECKING:
    from campdesk.ui.pages.base import Page


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
    PageInfo("dashboard", "campdesk.ui.pages.dashboard", "대시보드", "Dashboard"),
    PageInfo("companies", "campdesk.ui.pages.companies", "기업", "Companies"),
    PageInfo("consultations", "campdesk.ui.pages.consultations", "상담일지", "Consultations"),
    PageInfo("followups", "campdesk.ui.pages.followups", "후속조치", "Follow-ups"),
    PageInfo("mentoring", "campdesk.ui.pages.mentoring", "멘토링", "Mentoring"),
    PageInfo("jobs", "campdesk.ui.pages.jobs", "잡매칭", "Job matching"),
    PageInfo("spaces", "campdesk.ui.pages.spaces", "입주공간", "Spaces"),
    PageInfo("outreach", "campdesk.ui.pages.outreach", "대외협력", "Outreach"),
    PageInfo("reports", "campdesk.ui.pages.reports", "보고서", "Reports"),
    PageInfo("attention", "campdesk.ui.pages.attention", "확인 필요", "Needs attention"),
]


def page_info(key: str) -> PageInfo:
    return next(p for p in PAGES if p.key == key)


def import_pages() -> None:
    """Import every page module (the start-up loader does it off the UI thread)."""
    for info in PAGES:
        info.page_class()
