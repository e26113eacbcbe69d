"""공모사업: public calls with their agency, deadline, fields and eligibility; the companies
each fits; who was told, when and by which channel; the message to copy."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QHBoxLayout, QLabel, QSplitter, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import AI_FIELDS, RELATIONSHIP
from campdesk.domain.dates import today_seoul
from campdesk.domain.outreach import LOCATION, NOTICE_CHANNEL, STAGE
from campdesk.services.outreach import public_calls as pc
from campdesk.services.outreach import supports as sv
from campdesk.ui.core import fmt
from campdesk.ui.core.i18n import current_language
from campdesk.i18n import N_, _, pgettext
from campdesk.ui.core.models.columns import RIGHT, Column
from campdesk.ui.outreach.common import Texts, Field, FormDialog, MessageDialog, current_row, open_dialog, table
from campdesk.ui.widgets.tables import fit_columns


def _left(r) -> str:
    days = r.days_left(today_seoul())
    if days is None:
        return ""
    if days < 0:
        return _("마감")
    return _("D-{0}").format(days) if days else _("오늘 마감")


def _eligibility(r) -> str:
    parts = [fmt.labels(RELATIONSHIP, r.eligible_relationships), fmt.labels(STAGE, r.eligible_stages),
             fmt.label(LOCATION, r.eligible_location) if r.eligible_location else ""]
    return " · ".join(p for p in parts if p) or _("제한 없음")


CALL_COLUMNS = [
    Column("deadline", lambda: pgettext("column", "마감"),
           lambda r: fmt.day(r.deadline), sort=lambda r: r.deadline),
    Column("left", N_("남은 날"), _left, sort=lambda r: r.deadline, align=RIGHT),
    Column("title", N_("공모사업"), lambda r: r.title),
    Column("organiser", N_("주관"), lambda r: r.organiser),
    Column("fields", N_("AI 분야"), lambda r: fmt.ai_fields(r.fields) or _("전 분야")),
    Column("eligibility", N_("자격"), _eligibility),
    Column("told", N_("안내"), lambda r: fmt.number(r.told), sort=lambda r: r.told, align=RIGHT),
]
CANDIDATE_COLUMNS = [
    Column("name", N_("기업"), lambda c: c.name),
    Column("relationship", N_("구분"), lambda c: fmt.label(RELATIONSHIP, c.relationship)),
    Column("stage", N_("단계"), lambda c: fmt.label(STAGE, c.stage)),
    Column("fields", N_("AI 분야"), lambda c: fmt.ai_fields(c.fields)),
    Column("told", N_("안내함"), lambda c: c.told or ""),
]


class CallsTab(QWidget):
    def __init__(self, app, parent: QWidget | None = None):
        super().__init__(parent)
        self.app = app
        self.texts = Texts()
        self.open_only = self.texts.check(N_("마감 전만"))
        self.open_only.setObjectName("calls_open_only")
        self.open_only.setChecked(True)
        self.open_only.toggled.connect(lambda _: self.refresh())
        self.channel = QComboBox()
        self.channel.setObjectName("notice_channel")
        self.channel.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        for c in NOTICE_CHANNEL:
            self.channel.addItem(c.label(current_language()), c.code)
        self.buttons = {}
        for key, text, handler in (
                ("add", N_("공모사업 등록…"), self.add),
                ("edit", N_("수정…"), self.edit),
                ("message", N_("안내 문구…"), self.message),
                ("tell", N_("선택 기업에 알림 기록"), self.tell),
                ("tell_all", N_("아직 안 알린 기업 모두"), self.tell_all)):
            b = self.texts.button(text)
            b.setObjectName(f"calls_{key}")
            b.clicked.connect(handler)
            self.buttons[key] = b
        self.model, self.calls = table(CALL_COLUMNS, self, stretch=2, sort_column=0)
        self.calls.setObjectName("calls_table")
        self.calls.selectionModel().currentRowChanged.connect(lambda *_: self._load_candidates())
        self.calls.doubleClicked.connect(lambda _: self.edit())
        self.cand_model, self.candidates = table(CANDIDATE_COLUMNS, self, stretch=0)
        self.candidates.setObjectName("candidates_table")
        self.cand_title = QLabel()
        top = QHBoxLayout()
        top.addWidget(self.open_only)
        for key in ("add", "edit", "message"):
            top.addWidget(self.buttons[key])
        top.addStretch(1)
        mid = QHBoxLayout()
        mid.addWidget(self.cand_title, 1)
        mid.addWidget(self.texts.label(N_("경로")))
        mid.addWidget(self.channel)
        mid.addWidget(self.buttons["tell"])
        mid.addWidget(self.buttons["tell_all"])
        lower = QWidget()
        lv = QVBoxLayout(lower)
        lv.setContentsMargins(0, 0, 0, 0)
        lv.addLayout(mid)
        lv.addWidget(self.candidates, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.calls)
        split.addWidget(lower)
        split.setSizes([250, 300])
        v = QVBoxLayout(self)
        v.addLayout(top)
        v.addWidget(split, 1)
        fit_columns(self.calls, {0: "2026. 12. 10.", 1: "오늘 마감", 3: "광주정보문화진흥원",  # i18n: data
                                 4: "컴퓨터 비전, 데이터", 5: "입주기업, MOU 체결 기업 · 초기(3년 이내)", 6: "안내"})  # i18n: data
        fit_columns(self.candidates, {1: "MOU 체결 기업", 2: "초기(3년 이내)", 3: "컴퓨터 비전, 헬스케어",  # i18n: data
                                      4: "2026-11-03 오픈채팅"})  # i18n: data

    def refresh(self) -> None:
        def load(ctx, open_only):
            return sv.list_agencies(ctx), pc.list_calls(ctx, open_only=open_only)
        self.app.ops.run(sv.ensure_agencies, self.app.ctx, write=True, owner=self,
                         success=lambda _: self.app.ops.run(load, self.app.ctx, self.open_only.isChecked(),
                                                            key="outreach.calls", success=self._on_calls))

    def _on_calls(self, result) -> None:
        self._agencies, rows = result
        keep = self.call().id if self.call() else None
        self.model.set_rows(rows)
        if rows:
            self.calls.selectRow(max(0, self.model.index_of(keep) if keep else 0))
        else:
            self.cand_model.set_rows([])
            self.cand_title.setText(_("공모사업이 없습니다."))

    def call(self):
        return current_row(self.calls)

    def _load_candidates(self) -> None:
        c = self.call()
        if c is None:
            return
        self.app.ops.run(pc.candidates, self.app.ctx, c.id, key="outreach.candidates",
                         success=self._on_candidates)

    def _on_candidates(self, rows) -> None:
        self.cand_model.set_rows(rows)
        told = sum(1 for r in rows if r.told)
        self.cand_title.setText(_("조건에 맞는 기업 {0}곳 · 안내함 {1}곳")
                                .format(len(rows), told))

    # --- actions --------------------------------------------------------------------------
    def _fields(self) -> list[Field]:
        agencies = [("", _("(유관기관 아님)"))] + \
            [(a.id, a.name) for a in getattr(self, "_agencies", [])]
        return [Field("title", N_("공모사업 이름")), Field("agency_id", N_("유관기관"), "combo", agencies),
                Field("organiser", N_("주관 (유관기관이 아닐 때)")),
                Field("announced_on", N_("공고일"), "date"), Field("deadline", N_("마감일"), "date"),
                Field("fields", N_("분야 (비우면 전 분야)"), "multi", [(c.code, c.label(current_language())) for c in AI_FIELDS]),
                Field("eligible_relationships", N_("대상 기업"), "multi",
                      [(c.code, c.label(current_language())) for c in RELATIONSHIP]),
                Field("eligible_stages", N_("창업 단계"), "multi", [(c.code, c.label(current_language())) for c in STAGE]),
                Field("eligible_location", N_("소재지"), "combo",
                      [("", _("제한 없음"))] + [(c.code, c.label(current_language())) for c in LOCATION]),
                Field("url", N_("공고 링크")), Field("notes", N_("메모"), "multiline")]

    def _save(self, call_id=None):
        ctx = self.app.ctx

        def save(values):
            values["agency_id"] = values.get("agency_id") or None
            return pc.save_call(ctx, values, call_id)
        return save

    def add(self) -> None:
        open_dialog(FormDialog(self.app, _("공모사업"), self._fields(),
                               {"announced_on": today_seoul()}, self._save(), self, changed=("public_calls",)))

    def edit(self) -> None:
        c = self.call()
        if c is None:
            return
        values = {k: getattr(c, k) for k in ("title", "agency_id", "announced_on", "deadline", "url", "notes",
                                             "fields", "eligible_relationships", "eligible_stages",
                                             "eligible_location")}
        values["organiser"] = None if c.agency_id else c.organiser
        open_dialog(FormDialog(self.app, _("공모사업"), self._fields(), values,
                               self._save(c.id), self, changed=("public_calls",)))

    def message(self) -> None:
        c = self.call()
        if c is not None:
            self.app.ops.run(pc.message_text, self.app.ctx, c.id, success=lambda text: open_dialog(
                MessageDialog(_("공모사업 안내 문구"), text, self)))

    def _tell(self, ids: list[str]) -> None:
        c = self.call()
        if c is None or not ids:
            return
        self.app.ops.run(pc.tell, self.app.ctx, c.id, ids, self.channel.currentData(), write=True,
                         success=lambda _n: self.app.bus.changed("public_call_notices"))

    def tell(self) -> None:
        row = current_row(self.candidates)
        if row is not None:
            self._tell([row.company_id])

    def tell_all(self) -> None:
        self._tell([r.company_id for r in self.cand_model.rows if not r.told])

    def retranslate(self) -> None:
        """Texts, headers and labels in the language chosen now (the rows stay)."""
        self.texts.retranslate()
        self.model.retranslate()
        self.cand_model.retranslate()
        for i, c in enumerate(NOTICE_CHANNEL):
            self.channel.setItemText(i, c.label(current_language()))

    def on_data_changed(self, table: str) -> None:
        if table in ("public_calls", "public_call_notices", "agencies", "companies", "*"):
            self.refresh()
