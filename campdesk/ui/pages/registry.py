"""The pages of the main window, in one list. Add a module here and its ``PAGE`` class
appears in the navigation (ordered by ``Page.order``); the window knows nothing else."""
from __future__ import annotations

import importlib

from campdesk.ui.pages.base import Page

PAGE_MODULES = [
    "campdesk.ui.pages.dashboard",
    "campdesk.ui.pages.companies",
    "campdesk.ui.pages.consultations",
    "campdesk.ui.pages.followups",
    "campdesk.ui.pages.spaces",
    "campdesk.ui.pages.reports",
    "campdesk.ui.pages.attention",
]


def page_classes(modules: list[str] | None = None) -> list[type[Page]]:
    classes = [importlib.import_module(name).PAGE for name in (modules or PAGE_MODULES)]
    return sorted(classes, key=lambda cls: cls.order)
