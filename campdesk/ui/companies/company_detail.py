"""One company: its profile (edited in place), contacts, and the timeline of consultations
and follow-ups. Everything is read in one worker call and shown at once.

When a sync round brings another PC's later edit of a value saved here, the profile shows
the value that stayed and says so in place of "Saved", with a way to the needs-attention
page where the lost value can be put back."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFrame, QHBoxLayout, QLabel, QPushButton, QScrollArea, QSizePolicy, QTabWidget, QVBoxLayout,
    QWidget,
)

from campdesk.domain.choices import RELATIONSHIP
from campdesk.services import companies, consultations
from campdesk.services.attention import LostValue, lost_here
from campdesk.services.companies import CompanyDetail
from campdesk.services.consultations import ConsultationView
from campdesk.services.errors import as_form_errors
from campdesk.ui.core import fmt
from campdesk.ui.companies.company_contacts import ContactsTab
from campdesk.ui.companies.company_form import CompanyForm
from campdesk.i18n import _
from campdesk.ui.core.i18n import label_text
from campdesk.ui.consultations import consultation_columns as cc
from campdesk.ui.core.models.rows import ID_ROLE, RowsModel
from campdesk.ui.core.ops import describe
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import data_table, fit_columns
from campdesk.ui.widgets.icon import give_icon


# More tabs for the detail (space, mentoring, …): (Korean title, English title, factory).
# ``factory(app, company_id)`` returns a widget that loads and refreshes itself.
# Tabs other features add to the company: (title marked N_("…"), English or None, factory).
DETAIL_TABS: list[tuple[str, Callable[[object, str], QWidget]]] = []


def register_tab(title: str, factory: Callable[[object, str], QWidget]) -> None:
    """``register_tab(N_("대외협력"), factory)``: the title is translated where shown."""
    DETAIL_TABS.append((title, factory))


@dataclass
class CompanyBundle:
    detail: CompanyDetail
    timeline: list[ConsultationView]
    lost: list[LostValue] = field(default_factory=list)  # values saved here, replaced since


def load_bundle(ctx, company_id: str) -> CompanyBundle:
    """Runs on a worker: the profile, contacts and full history of one company."""
    return CompanyBundle(companies.get_company(ctx, company_id),
                         consultations.company_timeline(ctx, company_id),
                         lost_here(ctx, "companies", company_id))


class CompanyDetailView(Retranslating, QWidget):
    log_requested = Signal(str)          # company id: log a consultation for it
    open_consultation = Signal(str)      # consultation id

    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.company_id: str | None = None
        self.bundle: CompanyBundle | None = None
        self.title = QLabel()
        self.title.setObjectName("company_title")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        self.title.setFont(font)
        self.subtitle = QLabel()
        self.subtitle.setStyleSheet("color: #555;")
        self.subtitle.setWordWrap(True)  # a long subtitle takes a second line, never cut
        for label in (self.title, self.subtitle):  # long names must not widen the pane
            label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.log_button = QPushButton()
        self.log_button.clicked.connect(lambda: self.log_requested.emit(self.company_id or ""))
        self.print_button = QPushButton()
        self.print_button.setObjectName("print_company")
        self.print_button.clicked.connect(self._print_record)
        give_icon(self.print_button, "print")
        give_icon(self.log_button, "new")
        self.form = CompanyForm()
        self.save_button, self.revert_button = QPushButton(), QPushButton()
        self.save_button.setObjectName("save_company")
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self._revert)
        self.status = QLabel()
        self.status.setObjectName("company_status")
        self.status.setWordWrap(True)
        # Shown in place of "Saved" when another PC's later edit replaced a value saved here.
        self.superseded_box = QFrame()
        self.superseded_box.setObjectName("superseded")
        self.superseded_box.setStyleSheet("QFrame#superseded { background: #fff4e5; "
                                          "border: 1px solid #f0b35a; border-radius: 3px; }")
        self.superseded_note = QLabel()
        self.superseded_note.setWordWrap(True)
        self.attention_link = QPushButton()
        self.attention_link.setObjectName("superseded_link")
        self.attention_link.setFlat(True)
        self.attention_link.setStyleSheet("QPushButton { color: palette(link); "
                                          "text-decoration: underline; }")
        self.attention_link.clicked.connect(self._show_attention)
        note_row = QHBoxLayout(self.superseded_box)
        note_row.setContentsMargins(8, 4, 4, 4)
        note_row.addWidget(self.superseded_note, 1)
        note_row.addWidget(self.attention_link)
        self.superseded_box.hide()
        self._superseded: list[LostValue] = []  # said in place of "Saved"
        self._seen_lost: set[str] = set()  # replaced values already known for this company
        self._shown: dict = {}  # the form's values as last loaded: any other is being typed
        self.form.edited.connect(lambda: self._say(_("저장하지 않은 변경이 있습니다")))
        self.contacts = ContactsTab(app)
        self.timeline_model = RowsModel(cc.TIMELINE, self, tone=cc.tone)
        self.timeline = data_table(self.timeline_model, stretch_column=3)
        self.timeline.setObjectName("timeline")
        # A narrow pane: when, channel, the question (the free width; whole in a tooltip)
        # and the outcome. Category, due date and staff are in the record (double-click).
        widest = {0: "2026. 12. 31. 23:59", 1: "오픈채팅", 4: "처리 완료"}  # i18n: data
        fit_columns(self.timeline, widest)
        for column in (2, 5, 6):
            self.timeline.setColumnHidden(column, True)
        self.timeline.doubleClicked.connect(
            lambda index: self.open_consultation.emit(index.siblingAtColumn(0).data(ID_ROLE)))
        self.tabs = QTabWidget()
        self.tabs.addTab(self._profile_tab(), "")
        self.tabs.addTab(self.contacts, "")
        self.tabs.addTab(self.timeline, "")
        self._extra: list[QWidget] = []
        head = QHBoxLayout()
        titles = QVBoxLayout()
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        head.addLayout(titles, 1)
        head.addWidget(self.print_button)
        head.addWidget(self.log_button)
        from campdesk.ui.outreach.common import warning_label
        self.overlap_warning = warning_label(self)  # duplicate support from two agencies
        v = QVBoxLayout(self)
        v.addLayout(head)
        v.addWidget(self.overlap_warning)
        v.addWidget(self.tabs, 1)
        self._set_empty(True)
        self.retranslate()
        app.bus.data_changed.connect(self._on_data_changed)

    def _print_record(self) -> None:
        """The company's whole record (profile, consultations, spaces, mentoring) as a PDF."""
        if not self.company_id or not self.bundle:
            return
        from campdesk.reports.kinds import Request, kind
        from campdesk.ui.core.printing import PdfDialog
        name = self.bundle.detail.values.get("name") or ""
        PdfDialog.start(self.app, self, kind("company").make, self.app.ctx,
                        Request(company_id=self.company_id),
                        title=_("기업 기록: {0}").format(name),
                        file_name=_("기업기록-{name}.pdf").format(name=name))

    def _profile_tab(self) -> QWidget:
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.form)
        box = QWidget()
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        v = QVBoxLayout(box)
        v.addWidget(scroll, 1)
        v.addWidget(self.superseded_box)
        v.addLayout(buttons)
        return box

    def retranslate(self) -> None:
        self.tabs.setTabText(0, _("프로필"))
        self.tabs.setTabText(1, _("담당자"))
        for (title, _factory), widget in zip(DETAIL_TABS, self._extra):
            self.tabs.setTabText(self.tabs.indexOf(widget), label_text(title))
        self._count_history()
        self.log_button.setText(_("이 기업 상담 기록 (Ctrl+N)"))
        self.print_button.setText(_("기업 기록 인쇄"))
        self.save_button.setText(_("저장"))
        self.revert_button.setText(_("되돌리기"))
        self.attention_link.setText(_("확인 필요에서 보기"))
        if self._superseded:
            self._say_superseded()
        self.form.retranslate()
        self.contacts.retranslate()
        self.timeline_model.retranslate()
        if self.bundle:
            self._show_header(self.bundle.detail)
        else:
            self.title.setText(_("왼쪽 목록에서 기업을 고르세요"))

    # --- loading ----------------------------------------------------------------------------
    def show_company(self, company_id: str | None) -> None:
        self.company_id = company_id
        if not company_id:
            self.overlap_warning.hide()
            self.bundle = None
            self._set_empty(True)
            self.retranslate()
            return
        self.app.ops.run(load_bundle, self.app.ctx, company_id, key="company.detail",
                         success=self.show_bundle)
        from campdesk.services.outreach.supports import company_warning
        self.app.ops.run(company_warning, self.app.ctx, company_id, key="company.overlaps",
                         success=self._show_overlap_warning)

    def _show_overlap_warning(self, text: str | None) -> None:
        self.overlap_warning.setText(text or "")
        self.overlap_warning.setVisible(bool(text) and self.company_id is not None)

    def show_bundle(self, bundle: CompanyBundle) -> None:
        lost = {v.conflict_id for v in bundle.lost}
        if self.bundle is None or self.bundle.detail.id != bundle.detail.id:
            self._say("")
            self._seen_lost = lost  # flagged before it was opened: not news to this form
            self._extra_tabs(bundle.detail.id)
        elif lost - self._seen_lost:  # a sync round just replaced a value saved here
            self._superseded = [v for v in bundle.lost if v.conflict_id not in self._seen_lost]
            self._seen_lost |= lost
            self._say_superseded()
        same = self.bundle is not None and self.bundle.detail.id == bundle.detail.id
        typed = {f: v for f, v in self.form.values().items() if v != self._shown.get(f)} \
            if same else {}  # what the person changed and has not saved
        self.bundle = bundle
        self.company_id = bundle.detail.id
        self._set_empty(False)
        self.form.set_values(bundle.detail.values)
        self._shown = self.form.values()
        self.form.put(typed)  # a reload (a sync round, another page's save) keeps it
        self.contacts.show_contacts(bundle.detail.id, bundle.detail.contacts)
        self.timeline_model.set_rows(bundle.timeline)
        self._show_header(bundle.detail)
        self._count_history()

    def _extra_tabs(self, company_id: str) -> None:
        """The registered tabs, made anew for each company shown."""
        for widget in self._extra:
            self.tabs.removeTab(self.tabs.indexOf(widget))
            widget.deleteLater()
        self._extra = [factory(self.app, company_id) for _title, factory in DETAIL_TABS]
        for (title, _factory), widget in zip(DETAIL_TABS, self._extra):
            self.tabs.addTab(widget, label_text(title))

    def _set_empty(self, empty: bool) -> None:
        """With no company chosen only the hint shows (no form full of placeholders)."""
        self.tabs.setVisible(not empty)
        self.log_button.setVisible(not empty)
        self.print_button.setEnabled(not empty)  # nothing to print without a company
        self.subtitle.setVisible(not empty)

    def _count_history(self) -> None:
        count = len(self.bundle.timeline) if self.bundle else 0
        self.tabs.setTabText(2, _("상담 이력 ({0})").format(fmt.number(count)))

    def _show_header(self, detail: CompanyDetail) -> None:
        v = detail.values
        self.title.setText(v.get("name") or "")
        parts = [fmt.label(RELATIONSHIP, v.get("relationship")), v.get("business_no"),
                 v.get("representative"), fmt.ai_fields(v.get("ai_fields"))]
        self.subtitle.setText("  ·  ".join(p for p in parts if p))
        self.title.setToolTip(v.get("name") or "")
        self.subtitle.setToolTip(self.subtitle.text())

    def _on_data_changed(self, table: str) -> None:
        if self.company_id and table in ("companies", "contacts", "consultations", "*"):
            self.show_company(self.company_id)

    # --- saving -----------------------------------------------------------------------------
    def save(self) -> None:
        self.app.ops.run(companies.update_company, self.app.ctx, self.company_id,
                         self.form.values(), write=True, success=self._saved,
                         failure=self._failed)

    def _say(self, text: str) -> None:
        """The note beside Save (a new one replaces "another PC's edit was applied")."""
        self._superseded = []
        self.superseded_box.hide()
        self.status.setText(text)

    def _say_superseded(self) -> None:
        shown = [f"{fmt.field_name('companies', v.field)} «{_short(v.kept)}»"
                 for v in self._superseded[:2]]
        more = len(self._superseded) - len(shown)
        if more:
            shown.append(_("외 {0}개").format(more))
        self.status.setText("")  # no "Saved" beside a value that did not stay
        self.superseded_note.setText(_("다른 PC의 수정이 반영되었습니다: {0}").format(", ".join(shown)))
        self.superseded_note.setToolTip("\n".join(
            _("{0}: 이 PC에서 저장한 «{1}» 대신 «{2}»")
            .format(fmt.field_name("companies", v.field), _short(v.lost, 200),
                    _short(v.kept, 200)) for v in self._superseded))
        self.superseded_box.show()

    def _show_attention(self) -> None:
        window = self.window()
        page = window.show_page("attention") if hasattr(window, "show_page") else None
        if page is not None and self._superseded:
            page.focus_item(self._superseded[0].conflict_id)

    def _saved(self, changed) -> None:
        self.form.errors.clear()
        self._shown = self.form.values()  # saved: no longer being typed, whatever loads next
        self._say(_("저장했습니다") if changed
                  else _("바뀐 내용이 없습니다"))
        if changed:
            self.app.bus.changed("companies")

    def _failed(self, exc) -> None:
        errors = as_form_errors(exc)
        if errors is not None:
            self.form.show_errors(errors)
            self._say(_("저장하지 못했습니다: 표시된 항목을 고쳐 주세요"))
        else:
            self.app.ops.failed.emit(describe(exc))

    def _revert(self) -> None:
        if self.bundle:
            self.form.set_values(self.bundle.detail.values)
            self._say("")


def _short(value, limit: int = 30) -> str:
    text = _("(비어 있음)") if value is None or value == "" else str(value)
    return text if len(text) <= limit else text[:limit - 1] + "…"
