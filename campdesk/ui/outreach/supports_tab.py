"""유관기관 지원: the five agencies' supports, typed or imported, the duplicate-support check
and the monthly council pack."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QFileDialog, QHBoxLayout, QLabel, QLineEdit, QSplitter, QVBoxLayout,
    QWidget,
)

from campdesk.domain.dates import today_seoul
from campdesk.domain.outreach import SUPPORT_KIND
from campdesk.services import companies
from campdesk.services.outreach import supports as sv
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.outreach.common import (
    Texts,
    Field, FormDialog, MessageDialog, current_row, open_dialog, outreach_pdf, table,
)
from campdesk.ui.widgets.tables import fit_columns


def _span(r) -> str:
    if r.starts_on is None:
        return ""
    return f"{fmt.day(r.starts_on)} ~ {fmt.day(r.ends_on) if r.ends_on else ''}"


SUPPORT_COLUMNS = [
    Column("agency", N_("기관"), lambda r: r.agency),
    Column("programme", N_("사업"), lambda r: r.programme),
    Column("kind", N_("유형"), lambda r: fmt.label(SUPPORT_KIND, r.kind)),
    Column("company", N_("기업"), lambda r: r.company if r.matched else f"{r.company} *"),
    Column("period", N_("기간"), _span, sort=lambda r: r.starts_on),
    Column("amount", N_("금액(원)"), lambda r: fmt.number(r.amount_krw),
           sort=lambda r: r.amount_krw or 0, align=RIGHT),
]
OVERLAP_COLUMNS = [
    Column("company", N_("기업"), lambda o: o.company),
    Column("kind", N_("유형"), lambda o: fmt.label(SUPPORT_KIND, o.kind)),
    Column("agencies", lambda: pgettext("several", "기관"), lambda o: o.agencies),
    Column("programmes", lambda: pgettext("several", "사업"), lambda o: o.programmes),
    Column("dates", lambda: pgettext("several", "기간"),
           lambda o: f"{_span(o.first)} / {_span(o.second)}"),
]


class SupportsTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.texts = Texts()
        self._all: list = []
        self.agency = QComboBox()
        self.agency.setObjectName("agency_filter")
        self.agency.currentIndexChanged.connect(lambda _: self._apply())
        self.month = QLineEdit(f"{today_seoul():%Y-%m}")
        self.month.setObjectName("council_month")
        self.month.setMaximumWidth(90)
        self.buttons = {}
        for key, text, handler in (
                ("add", N_("지원 입력…"), self.add),
                ("edit", N_("수정…"), self.edit),
                ("import", N_("기관 목록 가져오기…"), self.import_file),
                ("council", N_("월례회의 자료…"), self.council)):
            b = self.texts.button(text)
            b.setObjectName(f"supports_{key}")
            b.clicked.connect(handler)
            self.buttons[key] = b
        self.overlap_title = QLabel()
        self.overlap_title.setObjectName("overlap_title")
        self.overlap_model, self.overlaps = table(OVERLAP_COLUMNS, self, stretch=3)
        self.overlaps.setObjectName("overlaps_table")
        self.model, self.supports = table(SUPPORT_COLUMNS, self, stretch=1, sort_column=4, descending=True)
        self.supports.setObjectName("supports_table")
        self.supports.doubleClicked.connect(lambda _: self.edit())
        self.note = self.texts.label(
            N_("* 캠프 기업 명부에 없는 기업: 기관이 적은 이름과 사업자번호 그대로 둡니다."))
        self.note.setStyleSheet("color: #666;")
        top = QHBoxLayout()
        top.addWidget(self.texts.label(N_("기관")))
        top.addWidget(self.agency)
        for key in ("add", "edit", "import"):
            top.addWidget(self.buttons[key])
        top.addStretch(1)
        top.addWidget(self.texts.label(N_("월")))
        top.addWidget(self.month)
        top.addWidget(self.buttons["council"])
        upper = QWidget()
        uv = QVBoxLayout(upper)
        uv.setContentsMargins(0, 0, 0, 0)
        uv.addWidget(self.overlap_title)
        uv.addWidget(self.overlaps, 1)
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addWidget(self.supports, 1)
        lv.addWidget(self.note)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([190, 360])
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(split, 1)
        self._fit_columns()

    def _fit_columns(self) -> None:
        """Widths from typical values; the kinds' in the current language."""
        kind = fmt.widest(SUPPORT_KIND)
        fit_columns(self.supports, {0: "광주정보문화진흥원", 2: kind, 3: "주식회사 빛고을인공지능",  # i18n: data
                                    4: "2026. 03. 01. ~ 2026. 08. 31.", 5: "100,000,000"})
        fit_columns(self.overlaps, {0: "주식회사 빛고을인공지능", 1: kind, 2: "광주정보문화진흥원 / 광주경제고용진흥원",  # i18n: data
                                    4: "2026. 03. 01. ~ 2026. 08. 31. / 2026. 06. 01. ~ 2026. 11. 30."})

    # --- data -----------------------------------------------------------------------------
    def refresh(self) -> None:
        def load(ctx):
            return sv.list_agencies(ctx), sv.list_supports(ctx), sv.overlaps(ctx)
        # The five agencies are made once (a write); then everything is read.
        self.app.ops.run(sv.ensure_agencies, self.app.ctx, write=True, owner=self,
                         success=lambda _: self.app.ops.run(load, self.app.ctx, key="outreach.supports",
                                                            success=self._on_data))

    def _on_data(self, result) -> None:
        agencies, rows, overlaps = result
        self._agencies = agencies
        chosen = self.agency.currentData()
        self.agency.blockSignals(True)
        self.agency.clear()
        self.agency.addItem(_("전체"), None)
        for a in agencies:
            self.agency.addItem(a.short_name or a.name, a.id)
        self.agency.setCurrentIndex(max(0, self.agency.findData(chosen)))
        self.agency.blockSignals(False)
        self._all = rows
        self.overlap_model.set_rows(overlaps)
        self.overlap_title.setText(
            _("중복 지원 의심 {0}건 — 같은 유형의 지원을 두 기관에서 겹치는 기간에 받은 기업").format(len(overlaps))
            if overlaps else _("중복 지원이 없습니다."))
        self.overlap_title.setStyleSheet("color: #b3261e; font-weight: bold;" if overlaps else "")
        self._apply()

    def _apply(self) -> None:
        agency = self.agency.currentData()
        self.model.set_rows([r for r in self._all if agency is None or r.agency_id == agency])

    # --- actions --------------------------------------------------------------------------
    def _fields(self) -> list[Field]:
        agencies = [(a.id, a.name) for a in getattr(self, "_agencies", [])]
        kinds = [(c.code, c.label(current_language())) for c in SUPPORT_KIND]
        return [Field("agency_id", N_("기관"), "combo", agencies),
                Field("programme", N_("사업명")), Field("kind", N_("지원 유형"), "combo", kinds),
                Field("company_id", N_("기업 (명부)"), "company"),
                Field("company_name", N_("기업명 (명부에 없을 때)")),
                Field("business_no", N_("사업자등록번호")),
                Field("starts_on", N_("시작일"), "date"), Field("ends_on", N_("종료일"), "date"),
                Field("amount_krw", N_("지원 금액(원)")), Field("notes", N_("비고"), "multiline")]

    def add(self) -> None:
        ctx = self.app.ctx
        open_dialog(FormDialog(self.app, _("지원 입력"), self._fields(),
                               {"agency_id": self.agency.currentData(), "kind": "funding"},
                               lambda v: sv.save_support(ctx, v), self, changed=("programme_supports",),
                               companies=companies.list_companies(ctx)))

    def edit(self) -> None:
        r = current_row(self.supports)
        if r is None:
            return
        ctx = self.app.ctx
        values = {"agency_id": r.agency_id, "programme": r.programme, "kind": r.kind,
                  "company_id": r.company_id, "company_name": None if r.matched else r.company,
                  "business_no": r.business_no, "starts_on": r.starts_on, "ends_on": r.ends_on,
                  "amount_krw": fmt.number(r.amount_krw) if r.amount_krw else "", "notes": r.notes}
        open_dialog(FormDialog(self.app, _("지원 수정"), self._fields(), values,
                               lambda v: sv.save_support(ctx, v, r.id), self, changed=("programme_supports",),
                               companies=companies.list_companies(ctx)))

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(self, _("기관 지원 목록"), "",
                                                  "CSV / Excel (*.csv *.txt *.xlsx *.xls)")
        if not path:
            return
        agency = self.agency.currentData()
        name = next((a.name for a in getattr(self, "_agencies", []) if a.id == agency), None)
        from campdesk.services.outreach.support_import import import_supports

        def done(report) -> None:
            from campdesk.ui.core.data_tasks import summary_line
            lines = [summary_line(report)]
            lines += [_("{n}행").format(n=r.row_no) + f" [{r.column}] {r.reason}"
                      for r in report.rejected]
            self.app.bus.changed("programme_supports")
            open_dialog(MessageDialog(_("가져오기 결과"), "\n".join(lines), self))

        def failed(exc) -> None:
            from campdesk.ui.core.ops import describe
            open_dialog(MessageDialog(_("가져오기 실패"), describe(exc), self))
        self.app.ops.run(import_supports, self.app.ctx, path, agency=name, write=True,
                         success=done, failure=failed)

    def council(self) -> None:
        from campdesk.services.errors import UserError
        from campdesk.services.period import Month
        from campdesk.ui.core.printing import PdfDialog
        try:
            month = Month.parse(self.month.text().strip())
        except UserError as exc:
            self.overlap_title.setText(exc.ko)
            return
        PdfDialog.start(self.app, self, outreach_pdf("council_pdf"), self.app.ctx, month,
                        title=_("월례회의 자료"), file_name=_("월례회의자료-{month}.pdf").format(month=month.key))

    def retranslate(self) -> None:
        """Texts, headers and labels in the language chosen now (the rows stay)."""
        self.texts.retranslate()
        self.model.retranslate()
        self.overlap_model.retranslate()
        self._fit_columns()

    def on_data_changed(self, table: str) -> None:
        if table in ("programme_supports", "programmes", "agencies", "companies", "*"):
            self.refresh()
