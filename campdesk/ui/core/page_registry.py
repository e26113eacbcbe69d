"""The pages of the main window, in one list and in navigation order.

Each entry is light (key, module, title): the window shows the navigation from it before
any page module, and so the data layer, is imported. Add an entry here and the module's
``PAGE`` class appears in the navigation; the window knows nothing else.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from campdesk.i18n import pgettext

if TYPE_CHECKING:
    from campdesk.ui.core.page import Page


@dataclass(frozen=True)
class PageInfo:
    key: str     # stable id, used for settings and the navigation
    module: str  # defines ``PAGE``, a ``Page`` subclass with this key
    # The title in the current language, asked each time it is shown (a language switch
    # retitles the navigation). pgettext("navigation", …): a page's name reads differently
    # from the same Korean word as a field ("기업": "Companies", not "Company").
    title: Callable[[], str]

    def page_class(self) -> type[Page]:
        return importlib.import_module(self.module).PAGE


PAGES = [
    PageInfo("dashboard", "campdesk.ui.dashboard.page",
             lambda: pgettext("navigation", "대시보드")),
    PageInfo("companies", "campdesk.ui.companies.page",
             lambda: pgettext("navigation", "기업")),
    PageInfo("consultations", "campdesk.ui.consultations.page",
             lambda: pgettext("navigation", "상담일지")),
    PageInfo("followups", "campdesk.ui.followups.page",
             lambda: pgettext("navigation", "후속조치")),
    PageInfo("mentoring", "campdesk.ui.mentoring.page",
             lambda: pgettext("navigation", "멘토링")),
    PageInfo("jobs", "campdesk.ui.jobs.page",
             lambda: pgettext("navigation", "잡매칭")),
    PageInfo("spaces", "campdesk.ui.spaces.page",
             lambda: pgettext("navigation", "입주공간")),
    PageInfo("outreach", "campdesk.ui.outreach.page",
             lambda: pgettext("navigation", "대외협력")),
    PageInfo("reports", "campdesk.ui.reports.page",
             lambda: pgettext("navigation", "보고서")),
    PageInfo("attention", "campdesk.ui.sync.attention_page",
             lambda: pgettext("navigation", "확인 필요")),
]


def page_info(key: str) -> PageInfo:
    return next(p for p in PAGES if p.key == key)


def import_pages() -> None:
    """Import every page module (the start-up loader does it off the UI thread)."""
    for info in PAGES:
        info.page_class()
