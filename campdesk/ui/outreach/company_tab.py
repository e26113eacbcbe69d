"""A company's outreach at a glance (a tab of the company page): supports received, the
duplicate-support warning, public calls it was told about, questionnaire answers."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from campdesk.domain.dates import to_seoul
from campdesk.domain.outreach import NOTICE_CHANNEL, SUPPORT_KIND
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import supports as sv
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.outreach.common import table, warning_label
from campdesk.ui.widgets.retranslate import Retranslating
from campdesk.ui.widgets.tables import fit_columns

COLUMNS = [
    Column("agency", N_("기관"), lambda r: r.agency),
    Column("programme", N_("사업"), lambda r: r.programme),
    Column("kind", N_("유형"), lambda r: fmt.label(SUPPORT_KIND, r.kind)),
    Column("period", N_("기간"), lambda r: f"{fmt.day(r.starts_on)} ~ {fmt.day(r.ends_on)}",
           sort=lambda r: r.starts_on),
    Column("amount", N_("금액(원)"), lambda r: fmt.number(r.amount_krw), align=RIGHT),
]


def load(ctx, company_id: str):
    return (sv.list_supports(ctx, company_id), sv.company_warning(ctx, company_id),
            pc.company_calls(ctx, company_id))


class CompanyOutreach(Retranslating, QWidget):
    def __init__(self, app, company_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.app, self.company_id = app, company_id
        self.warning = warning_label(self)
        # No column stretched: in the narrow detail panel it got what the others left (none)
        self.model, self.table = table(COLUMNS, self, sort_column=3, descending=True)
        self.table.setObjectName("company_supports")
        self.calls = QLabel()
        self.calls.setWordWrap(True)
        self.title = QLabel()
        self._calls: list | None = None  # the public calls it was told about, once read
        v = QVBoxLayout(self)
        v.addWidget(self.warning)
        v.addWidget(self.title)
        v.addWidget(self.table, 1)
        v.addWidget(self.calls)
        app.bus.data_changed.connect(self._changed)
        self.retranslate()

    def retranslate(self) -> None:
        """Texts in the current language; the warning comes from the service: read again."""
        self.title.setText(_("유관기관 지원"))
        self.model.retranslate()
        fit_columns(self.table, {0: "광주TP AI센터", 1: "2025 지역기업 성장 지원",  # i18n: data
                                 2: fmt.widest(SUPPORT_KIND), 3: "2026. 11. 25. ~ 2027. 7. 23.",
                                 4: "10,000,000"})
        self._show_calls()
        self.refresh()

    def refresh(self) -> None:
        self.app.ops.run(load, self.app.ctx, self.company_id, owner=self, success=self._show)

    def _show(self, result) -> None:
        rows, warning, calls = result
        self.model.set_rows(rows)
        self.warning.setText(warning or "")
        self.warning.setVisible(bool(warning))
        self._calls = calls
        self._show_calls()

    def _show_calls(self) -> None:
        calls = self._calls
        if calls is None:
            self.calls.setText("")
        elif calls:
            shown = [f"{title} ({fmt.day(to_seoul(at).date())} {fmt.label(NOTICE_CHANNEL, ch)})"
                     for title, ch, at in calls[:5]]
            self.calls.setText(_("안내한 공모사업: ") + "; ".join(shown))
        else:
            self.calls.setText(_("안내한 공모사업이 없습니다."))

    def _changed(self, table: str) -> None:
        if table in ("programme_supports", "public_call_notices", "*"):
            self.refresh()
