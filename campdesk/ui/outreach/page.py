"""대외협력 (Outreach): written questionnaires and second visits, the knowledge concert, the
partner agencies' supports without duplicates, and public calls, one tab each."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from campdesk.ui.companies.company_detail import register_tab
from campdesk.ui.outreach.calls_tab import CallsTab
from campdesk.ui.outreach.company_tab import CompanyOutreach
from campdesk.ui.outreach.concerts_tab import ConcertsTab
from campdesk.ui.outreach.questionnaires_tab import QuestionnairesTab
from campdesk.ui.outreach.supports_tab import SupportsTab
from campdesk.ui.core.i18n import label_text
from campdesk.ui.core.page import Page
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.i18n import N_, pgettext

TABS = [("questionnaires", lambda: pgettext("tab", "설문"), QuestionnairesTab),
        ("concerts", lambda: pgettext("tab", "지식콘서트"), ConcertsTab),
        ("supports", N_("유관기관 지원"), SupportsTab),
        ("calls", lambda: pgettext("tab", "공모사업"), CallsTab)]  # several: "Public calls"


class OutreachPage(Retranslating, Page):
    key = "outreach"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("outreach_tabs")
        self.parts: dict[str, QWidget] = {}
        for key, title, cls in TABS:
            widget = cls(app, self)
            self.parts[key] = widget
            self.tabs.addTab(widget, label_text(title))
        self._loaded: set[str] = set()
        self.tabs.currentChanged.connect(lambda _: self.activate())
        v = QVBoxLayout(self)
        v.addWidget(self.tabs)
        app.bus.data_changed.connect(self._on_data_changed)

    def retranslate(self) -> None:
        for i, (key, title, _cls) in enumerate(TABS):
            self.tabs.setTabText(i, label_text(title))
            self.parts[key].retranslate()
        self.refresh()  # the summaries above the tables are made from their data

    def show_tab(self, key: str) -> QWidget:
        self.tabs.setCurrentWidget(self.parts[key])
        self.activate()
        return self.parts[key]

    def _current_key(self) -> str:
        widget = self.tabs.currentWidget()
        return next(k for k, w in self.parts.items() if w is widget)

    def activate(self) -> None:
        key = self._current_key()
        if key not in self._loaded:
            self._loaded.add(key)
            self.parts[key].refresh()

    def refresh(self) -> None:
        for key in self._loaded:
            self.parts[key].refresh()

    def _on_data_changed(self, table: str) -> None:
        for key in self._loaded:
            self.parts[key].on_data_changed(table)


register_tab(N_("대외협력"), CompanyOutreach)
PAGE = OutreachPage
