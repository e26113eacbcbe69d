"""Mentors suggested beside a consultation whose outcome is 멘토 연계 (mentor referral): from
its 애로사항 (or question) and the company's AI fields, best fit first, each with why."""
from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel

from campdesk.domain.mentor_rules import fields_label
from campdesk.i18n import _

REFERRAL = "mentor_link"


class MentorSuggestions(QLabel):
    """Follows a ConsultationForm: shown only while its outcome is 멘토 연계."""

    def __init__(self, app, form, top: int = 3):
        super().__init__()
        self.app, self.form, self.top = app, form, top
        self.setObjectName("mentor_suggestions")
        self.setWordWrap(True)
        self.setStyleSheet("background: #eef4ff; border: 1px solid #b9cdf0; border-radius: 4px; padding: 6px;")
        self._timer = QTimer(self, singleShot=True, interval=300)
        self._timer.timeout.connect(self.update_now)
        form.outcome.currentIndexChanged.connect(lambda _i: self._timer.start())
        form.difficulty.textChanged.connect(lambda _t: self._timer.start())
        form.picker.picked.connect(lambda _id: self._timer.start())
        self.hide()

    def update_now(self) -> None:
        if self.form.outcome.code() != REFERRAL:
            self.hide()
            return
        text = " ".join(filter(None, (self.form.difficulty.text(), self.form.question.toPlainText())))
        from campdesk.services.mentor_suggest import suggest
        self.app.ops.run(suggest, self.app.ctx, text, self.form.picker.company_id or None, self.top,
                         key="consultation.mentors", owner=self, success=self._show)
        self.show()

    def _show(self, found) -> None:
        if not found:
            self.setText(_("추천 멘토: 애로사항을 적으면 맞는 멘토를 보여 드립니다."))
            return
        lines = [_("추천 멘토")]
        lines += [f"{i}. {s.name} ({s.organisation or '-'}, {fields_label(s.fields)}) — {s.reason}"
                  for i, s in enumerate(found, 1)]
        self.setText("\n".join(lines))
