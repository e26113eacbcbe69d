"""The fields of a consultation, in the order they are tabbed through, with their messages.

Required are only: a company or a caller's name, the channel (walk-in preselected) and
the question. The company is typed (초성 too) and chosen from a list; an unregistered
caller is entered by name, phone and organisation instead.
"""
from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSpinBox, QTimeEdit, QToolButton, QVBoxLayout, QWidget,
)

from campdesk.domain.choices import CATEGORY, CHANNEL, OPEN_OUTCOMES, OUTCOME
from campdesk.domain.dates import SEOUL, to_seoul, today_seoul
from campdesk.domain.errors import ValidationError
from campdesk.services.consultations import ConsultationView
from campdesk.services.errors import FormErrors
from campdesk.i18n import N_, _
from campdesk.ui.widgets.bounded import BoundedLineEdit, show_value
from campdesk.ui.widgets.company_picker import CompanyPicker
from campdesk.ui.widgets.dates import DateEdit
from campdesk.ui.widgets.errors import ErrorLabel, ErrorLabels
from campdesk.ui.widgets.vocab_combo import VocabCombo

DEFAULT_DUE_DAYS = 7
LABELS = {  # row key → its label (translated where shown)
    "company": N_("기업 *"), "caller": N_("문의자 이름 *"), "caller_phone": N_("문의자 전화"),
    "caller_org": N_("문의자 소속"), "channel": N_("경로 * / 분야"),
    "question": N_("상담 내용 *"), "answer": N_("답변"), "issues": N_("애로 / 건의사항"),
    "outcome": N_("결과"), "duration": N_("소요 시간 / 일시"),
}


def _text_box(lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setTabChangesFocus(True)
    box.setFixedHeight(box.fontMetrics().lineSpacing() * lines + 14)
    return box


class ConsultationForm(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.errors = ErrorLabels(ErrorLabel("general", self))
        self.original: ConsultationView | None = None
        self._make_fields()
        self._layout()
        self.retranslate()

    def _make_fields(self) -> None:
        self.picker = CompanyPicker()
        self.unregistered = QCheckBox()
        self.unregistered.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+U, or a click: no Tab stop
        self.unregistered.toggled.connect(self._on_unregistered)
        self.caller_name = BoundedLineEdit("consultations", "caller_name")
        self.caller_phone = QLineEdit()  # reformatted when saved, and checked then
        self.caller_org = BoundedLineEdit("consultations", "caller_org")
        # When it happened, in Seoul: the app's date field (typed 12.9, 20261209, …) and a time.
        now = datetime.now(SEOUL)
        self.occurred_day = DateEdit(now.date())
        self.occurred_time = QTimeEdit(QTime(now.hour, now.minute))
        self.occurred_time.setDisplayFormat("HH:mm")
        self.channel, self.category = VocabCombo(CHANNEL), VocabCombo(CATEGORY)
        self.category.set_code("other")
        self.question, self.answer = _text_box(3), _text_box(3)
        # Feed the monthly reports; text of any length (a value saved long is shown whole).
        self.difficulty = BoundedLineEdit("consultations", "difficulty")
        self.suggestion = BoundedLineEdit("consultations", "suggestion")
        self.outcome = VocabCombo(OUTCOME)
        self.outcome.currentIndexChanged.connect(self._on_outcome)
        self.due = DateEdit(today_seoul() + timedelta(days=DEFAULT_DUE_DAYS))
        self.due_label, self.consultant_label = QLabel(), QLabel()
        self.due_label.setBuddy(self.due)
        self.consultant = QComboBox()
        self.consultant_label.setBuddy(self.consultant)
        self.more = QToolButton()  # the optional fields, folded away until asked for
        self.more.setCheckable(True)
        self.more.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.more.setAutoRaise(True)
        self.more.toggled.connect(self._on_more)
        self.duration = QSpinBox()
        self.duration.setRange(0, 600)
        self.duration.setSingleStep(5)
        for name in ("picker", "unregistered", "caller_name", "caller_phone", "caller_org",
                     "channel", "category", "question", "answer", "difficulty", "suggestion",
                     "outcome", "due", "due_label", "consultant_label",
                     "consultant", "duration", "occurred_day", "occurred_time", "more"):
            getattr(self, name).setObjectName(name)

    def _row(self, field: str, *widgets: QWidget) -> QWidget:
        """The widgets of one line, with the field's message under them."""
        box = QWidget()
        v = QVBoxLayout(box)
        v.setContentsMargins(0, 0, 0, 0)
        v.setSpacing(2)
        h = QHBoxLayout()
        h.setContentsMargins(0, 0, 0, 0)
        for w in widgets:
            h.addWidget(w, 1 if isinstance(w, (QLineEdit, QPlainTextEdit)) else 0)
        v.addLayout(h)
        v.addWidget(self.errors.add(field))
        return box

    def _layout(self) -> None:
        self.labels = {key: QLabel() for key in LABELS}
        # 결과 (where escalation is chosen) right after 분야; the optional fields last,
        # behind "더 보기".
        rows = [("company", "company_id", (self.picker, self.unregistered)),
                ("caller", "caller_name", (self.caller_name,)),
                ("caller_phone", "caller_phone", (self.caller_phone,)),
                ("caller_org", "caller_org", (self.caller_org,)),
                ("channel", "channel", (self.channel, self.category)),
                ("outcome", "outcome", (self.outcome, self.due_label, self.due,
                                        self.consultant_label, self.consultant)),
                ("question", "question", (self.question,)),
                ("answer", "answer", (self.answer,)),
                ("issues", "difficulty", (self.difficulty, self.suggestion)),
                ("duration", "duration_min", (self.duration, self.occurred_day,
                                              self.occurred_time))]
        form = QFormLayout()
        self.rows: dict[str, QWidget] = {}
        for key, field, widgets in rows:
            if key == "issues":
                form.addRow("", self.more)
            self.rows[key] = self._row(field, *widgets)
            form.addRow(self.labels[key], self.rows[key])
        self.rows["outcome"].layout().addWidget(self.errors.add("due_on"))  # 기한's own line
        v = QVBoxLayout(self)
        v.setContentsMargins(0, 0, 0, 0)
        v.addLayout(form)
        v.addWidget(self.errors.general)
        self._on_unregistered(False)
        self._on_outcome()
        self._on_more(False)
        order = [self.picker, self.caller_name, self.caller_phone,
                 self.caller_org, self.channel, self.category, self.outcome, self.due,
                 self.consultant, self.question, self.answer, self.more,
                 self.difficulty, self.suggestion, self.duration, self.occurred_day,
                 self.occurred_time]
        for a, b in zip(order, order[1:]):
            QWidget.setTabOrder(a, b)

    def retranslate(self) -> None:
        for key, label in LABELS.items():
            self.labels[key].setText(_(label))
        self.unregistered.setText(_("미등록 문의자(&U)"))
        self.due_label.setText(_("기한"))
        self.consultant_label.setText(_("책임상담사"))
        self._on_more(self.more.isChecked())
        self.picker.setPlaceholderText(_("기업명, 초성(ㄱㅈ), 사업자번호로 찾기"))
        self.caller_org.setPlaceholderText(_("회사·기관명"))
        self.difficulty.setPlaceholderText(_("애로사항 (예: 전문 인력 채용 어려움)"))
        self.suggestion.setPlaceholderText(_("건의사항"))
        self.duration.setSuffix(_(" 분"))
        self.duration.setSpecialValueText(_("소요 시간 없음"))
        for combo in (self.channel, self.category, self.outcome):
            combo.retranslate()
        self.consultant.setPlaceholderText(_("책임상담사 선택"))

    # --- behaviour -----------------------------------------------------------------------
    def _on_unregistered(self, on: bool) -> None:
        self.picker.setEnabled(not on)
        for key, w in (("caller", self.caller_name), ("caller_phone", self.caller_phone),
                       ("caller_org", self.caller_org)):
            w.setVisible(on)
            self.labels[key].setVisible(on)
        if on:
            self.caller_name.setFocus()

    def _on_outcome(self, *_) -> None:
        code = self.outcome.code()
        for w in (self.due, self.due_label):
            w.setVisible(code in OPEN_OUTCOMES)
        for w in (self.consultant, self.consultant_label):
            w.setVisible(code == "escalated")

    def _on_more(self, on: bool) -> None:
        """Difficulty / suggestion, duration and time: shown on "더 보기"."""
        for key in ("issues", "duration"):
            self.rows[key].setVisible(on)
            self.labels[key].setVisible(on)
        self.more.setArrowType(Qt.ArrowType.DownArrow if on else Qt.ArrowType.RightArrow)
        self.more.setText(_("간단히") if on else
                          _("더 보기 (애로·건의, 소요 시간, 일시)"))

    def set_consultants(self, people) -> None:
        for person in people:
            self.consultant.addItem(person.name, person.id)
        self.consultant.setCurrentIndex(-1)

    # --- values --------------------------------------------------------------------------
    def fill(self, v: ConsultationView) -> None:
        self.original = v
        if v.company_id:
            self.picker.company_id = v.company_id
            self.picker.setText(v.company_name or "")
        else:
            self.unregistered.setChecked(True)
            self.caller_name.setText(v.caller_name or "")
            self.caller_phone.setText(v.caller_phone or "")
            self.caller_org.setText(v.caller_org or "")
        local = to_seoul(v.occurred_at)
        self.occurred_day.set_value(local.date())
        self.occurred_time.setTime(QTime(local.hour, local.minute))
        self.channel.set_code(v.channel)
        self.category.set_code(v.category)
        self.question.setPlainText(v.question)
        self.answer.setPlainText(v.answer or "")
        self.difficulty.setText(v.difficulty or "")
        self.suggestion.setText(v.suggestion or "")
        self.outcome.set_code(v.outcome)
        if v.due_on:
            self.due.set_value(v.due_on)
        if v.escalated_to_id:
            self.consultant.setCurrentIndex(self.consultant.findData(v.escalated_to_id))
        show_value(self.duration, v.duration_min or 0)
        # A record that has optional values shows them; the time is always there to change.
        self.more.setChecked(bool(v.difficulty or v.suggestion or v.duration_min))

    def values(self) -> dict:
        raw = {"channel": self.channel.code(), "category": self.category.code(),
               "question": self.question.toPlainText().strip(),
               "answer": self.answer.toPlainText().strip() or None,
               "difficulty": self.difficulty.text().strip() or None,
               "suggestion": self.suggestion.text().strip() or None,
               "outcome": self.outcome.code(), "duration_min": self.duration.value() or None}
        if self.unregistered.isChecked():
            raw.update(company_id=None, caller_name=self.caller_name.text().strip() or None,
                       caller_phone=self.caller_phone.text().strip() or None,
                       caller_org=self.caller_org.text().strip() or None)
        else:
            raw["company_id"] = self.picker.company_id
        occurred = self.occurred_at()
        if self.original is None or abs((self.original.occurred_at - occurred).total_seconds()) >= 60:
            raw["occurred_at"] = occurred  # an untouched time is no change
        open_item = raw["outcome"] in OPEN_OUTCOMES
        raw["due_on"] = self.due.value().isoformat() if open_item else None
        raw["escalated_to_id"] = (self.consultant.currentData()
                                  if raw["outcome"] == "escalated" else None)
        return raw

    def occurred_at(self) -> datetime:
        """The date and time typed, a moment in Seoul, as the UTC moment that is stored."""
        hm = self.occurred_time.time()
        local = datetime.combine(self.occurred_day.value(), time(hm.hour(), hm.minute()), SEOUL)
        return local.astimezone(timezone.utc)

    def problems(self, raw: dict) -> FormErrors | None:
        """What the service cannot know (a typed company name never chosen from the list, a
        date that cannot be read), with the required question, so that every message shows
        at once rather than in two rounds."""
        errors = []
        if not self.unregistered.isChecked() and not raw.get("company_id"):
            errors.append(ValidationError("company_id", (
                _("목록에서 기업을 고르거나 '미등록 문의자'로 입력해 주세요.")
                if self.picker.text().strip() else
                _("기업을 고르거나 미등록 문의자 이름을 입력해 주세요."))))
        if not self.occurred_day.commit():  # the last good date would be saved instead
            errors.append(ValidationError("occurred_at", _(
                "상담 날짜를 읽을 수 없습니다. 예: 2026. 12. 9., 20261209, 12.9")))
        if not raw["question"]:
            errors.append(ValidationError("question", _("상담 내용을 입력해 주세요.")))
        if raw["outcome"] == "escalated" and not raw["escalated_to_id"]:
            errors.append(ValidationError("outcome", _("이관할 책임상담사를 선택해 주세요.")))
        if raw["due_on"] is not None and not self.due.commit():  # not the last good date
            errors.append(ValidationError("due_on", _(
                "기한 날짜를 읽을 수 없습니다. 예: 2026. 12. 9., 20261209, 12.9")))
        return FormErrors(errors) if errors else None

    def show_errors(self, exc: FormErrors) -> None:
        if self.unregistered.isChecked():  # "company or caller" belongs to the caller here
            for err in exc.errors:
                err.field = "caller_name" if err.field == "company_id" else err.field
        if any(err.field in ("difficulty", "suggestion", "duration_min", "occurred_at")
               for err in exc.errors):
            self.more.setChecked(True)  # a message on a folded field is seen
        self.errors.show(exc)
