"""설문: the written questionnaire for MOU companies outside face-to-face consulting, printed
for one company or all of them; answers typed or imported, each a written consultation,
a wish for another visit an open "2차 방문" follow-up; technology demand by theme."""
from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from campdesk.domain.choices import AI_FIELDS
from campdesk.domain.dates import today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.services import companies
from campdesk.services.errors import FormErrors
from campdesk.services.outreach import questionnaires as qs
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import Column
from campdesk.ui.outreach.common import (
    Texts,
    Field, FormDialog, MessageDialog, current_row, open_dialog, outreach_pdf, table,
)
from campdesk.ui.widgets.tables import fit_columns

RESPONSE_COLUMNS = [
    Column("received", N_("회신일"), lambda r: fmt.day(r.received_on), sort=lambda r: r.received_on),
    Column("company", N_("기업"), lambda r: r.company),
    Column("difficulties", N_("애로사항"), lambda r: (r.difficulties or "").replace("\n", " ")),
    Column("themes", N_("기술 수요 분야"), lambda r: fmt.ai_fields(r.tech_themes)),
    Column("visit", N_("2차 방문"), lambda r: _("희망") if r.needs_visit else ""),
]


class QuestionnairesTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.texts = Texts()
        self.buttons = {}
        for key, text, handler in (
                ("answer", N_("답변 입력…"), self.answer),
                ("import", N_("회신 가져오기…"), self.import_file),
                ("forms", N_("설문지 인쇄: 서면 대상 전체…"),
                 self.print_all),
                ("form_one", N_("설문지 인쇄: 한 기업…"), self.print_one),
                ("blank", N_("빈 설문지…"), self.print_blank)):
            b = self.texts.button(text)
            b.setObjectName(f"questionnaire_{key}")
            b.clicked.connect(handler)
            self.buttons[key] = b
        self.summary = QLabel()
        self.summary.setObjectName("questionnaire_summary")
        self.summary.setWordWrap(True)
        self.demand = QLabel()
        self.demand.setObjectName("tech_demand")
        self.demand.setWordWrap(True)
        self.model, self.table = table(RESPONSE_COLUMNS, self, stretch=2, descending=True)
        self.table.setObjectName("responses_table")
        self.table.doubleClicked.connect(lambda _: self.open_consultation())
        top = QHBoxLayout()
        for key in ("answer", "import"):
            top.addWidget(self.buttons[key])
        top.addStretch(1)
        for key in ("forms", "form_one", "blank"):
            top.addWidget(self.buttons[key])
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(self.summary)
        v.addWidget(self.demand)
        v.addWidget(self.table, 1)
        fit_columns(self.table, {0: "2026. 11. 05.", 1: "주식회사 빛고을인공지능", 3: "컴퓨터 비전, 헬스케어",  # i18n: data
                                 4: "2차 방문"})  # i18n: data

    def refresh(self) -> None:
        def load(ctx):
            year = today_seoul().year
            return (qs.list_responses(ctx), qs.tech_demand(ctx, date(year, 1, 1), date(year, 12, 31)),
                    len(qs.form_companies(ctx)))
        self.app.ops.run(load, self.app.ctx, key="outreach.questionnaires", success=self._on_data)

    def _on_data(self, result) -> None:
        rows, demand, targets = result
        self.model.set_rows(rows)
        visits = sum(1 for r in rows if r.needs_visit)
        self.summary.setText(_("회신 {0}건 · 2차 방문 희망 {1}건 · 서면 설문 대상(대면 상담 밖 MOU 기업) {2}곳").format(len(rows), visits, targets))
        if demand:
            parts = [f"{fmt.label(AI_FIELDS, code)} {n}" for code, n in demand]
            self.demand.setText(_("올해 기술 수요: ") + " · ".join(parts))
        else:
            self.demand.setText(_("올해 기술 수요 응답이 없습니다."))

    # --- actions --------------------------------------------------------------------------
    def answer(self) -> None:
        ctx = self.app.ctx
        fields = [Field("company_id", N_("기업"), "company"),
                  Field("received_on", N_("회신일"), "date"),
                  Field("company_status", N_("기업 현황"), "multiline"),
                  Field("difficulties", N_("애로사항"), "multiline"),
                  Field("proposed_technology", N_("기술 수요"), "multiline"),
                  Field("tech_themes", N_("기술 분야"), "multi", [(c.code, c.label(current_language())) for c in AI_FIELDS]),
                  Field("business_plan", N_("사업 계획"), "multiline"),
                  Field("needs_visit", N_("2차 방문 희망"), "check"),
                  Field("suggestions", N_("건의사항"), "multiline")]

        def save(values):
            company_id = values.pop("company_id", None)
            if not company_id:
                raise FormErrors([ValidationError("company_id", _("기업을 골라 주세요."))])
            return qs.record_answer(ctx, company_id, values)
        open_dialog(FormDialog(self.app, _("설문 답변"), fields,
                               {"received_on": today_seoul()}, save, self,
                               changed=("questionnaire_responses", "consultations"),
                               companies=companies.list_companies(ctx)))

    def import_file(self, path: str | None = None) -> None:
        if not path:
            path, _filter = QFileDialog.getOpenFileName(self, _("설문 회신"), "",
                                                  "CSV / Excel (*.csv *.txt *.xlsx *.xls)")
        if not path:
            return
        from campdesk.services.outreach.questionnaire_import import import_questionnaires

        def done(report) -> None:
            from campdesk.ui.core.data_tasks import summary_line
            lines = [summary_line(report)]
            lines += list(report.warnings)
            lines += [_("{n}행").format(n=r.row_no) + f" [{r.column}] {r.reason}"
                      for r in report.rejected]
            self.app.bus.changed("questionnaire_responses", "consultations")
            open_dialog(MessageDialog(_("가져오기 결과"), "\n".join(lines), self))

        def failed(exc) -> None:
            from campdesk.ui.core.ops import describe
            open_dialog(MessageDialog(_("가져오기 실패"), describe(exc), self))
        self.app.ops.run(import_questionnaires, self.app.ctx, path, write=True, success=done, failure=failed)

    def _print(self, company_id: str | None = None, blank: bool = False) -> None:
        from campdesk.ui.core.printing import PdfDialog
        PdfDialog.start(self.app, self, outreach_pdf("questionnaire_form_pdf"), self.app.ctx, company_id,
                        blank, title=_("서면 설문지"), file_name=_("서면설문지.pdf"))

    def print_all(self) -> None:
        self._print()

    def print_blank(self) -> None:
        self._print(blank=True)

    def print_one(self) -> None:
        row = current_row(self.table)
        ctx = self.app.ctx

        def chosen(values):
            if not values.get("company_id"):
                raise FormErrors([ValidationError("company_id", _("기업을 골라 주세요."))])
            return values["company_id"]
        dialog = FormDialog(self.app, _("설문지를 인쇄할 기업"),
                            [Field("company_id", N_("기업"), "company")],
                            {"company_id": row.company_id if row else None}, chosen, self, changed=(),
                            companies=companies.list_companies(ctx))
        dialog.save_button().setText(_("미리보기"))  # it saves nothing: the form is shown next
        dialog.accepted.connect(lambda: self._print(dialog.result_value))
        open_dialog(dialog)

    def open_consultation(self) -> None:
        row = current_row(self.table)
        if row is not None and row.consultation_id:
            from campdesk.ui.consultations.consultation_dialog import open_log_dialog
            open_log_dialog(self.app, self, consultation_id=row.consultation_id)

    def retranslate(self) -> None:
        """Texts, headers and labels in the language chosen now (the rows stay)."""
        self.texts.retranslate()
        self.model.retranslate()

    def on_data_changed(self, table: str) -> None:
        if table in ("questionnaire_responses", "questionnaires", "companies", "consultations", "*"):
            self.refresh()
