"""멘토링: the mentor pool and the mentoring programme, as two tabs of one page."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from campdesk.i18n import _
from campdesk.ui.mentoring.mentor_pool import MentorPoolView
from campdesk.ui.mentoring.mentoring_programme import ProgrammeView
from campdesk.ui.core.page import Page

TABLES = {"mentors", "mentorings", "mentoring_sessions", "mentoring_programmes", "companies", "*"}


class MentoringPage(Page):
    key = "mentoring"

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(app, parent)
        self._loaded = False
        self.pool = MentorPoolView(app)
        self.programme = ProgrammeView(app)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mentoring_tabs")
        self.tabs.addTab(self.pool, _("멘토단"))
        self.tabs.addTab(self.programme, _("멘토링 프로그램"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        app.bus.data_changed.connect(self._on_data_changed)

    def activate(self) -> None:
        if not self._loaded:
            self.refresh()

    def refresh(self) -> None:
        self._loaded = True
        self.pool.refresh()
        self.programme.refresh()

    def _on_data_changed(self, table: str) -> None:
        if self._loaded and table in TABLES:
            self.refresh()


PAGE = MentoringPage
