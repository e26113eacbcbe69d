"""Columns of consultation tables (log, timeline, follow-ups, today), over ConsultationView."""
from __future__ import annotations

from PySide6.QtGui import QColor

from campdesk.domain.choices import CATEGORY, CHANNEL, OUTCOME
from campdesk.domain.dates import today_seoul
from campdesk.ui.core import fmt
from campdesk.i18n import N_, _
from campdesk.ui.core.models.columns import RIGHT, Column

OVERDUE = QColor("#b3261e")
DUE_TODAY = QColor("#a35200")
CLOSED = QColor("#6b6b6b")


def status_text(v) -> str:
    """Resolved, open follow-up, escalated (to whom), overdue or closed."""
    if v.outcome == "resolved":
        return fmt.label(OUTCOME, "resolved")
    if v.closed_at is not None:
        return _("처리 완료")
    text = fmt.label(OUTCOME, v.outcome)
    if v.outcome == "escalated" and v.escalated_to_name:
        text = f"{text} · {v.escalated_to_name}"
    if v.is_overdue(today_seoul()):
        text = f"{text} ({_('기한 지남')})"
    return text


def tone(v):
    if v is None:
        return None
    today = today_seoul()
    if v.is_overdue(today):
        return OVERDUE
    if v.is_open and v.due_on == today:
        return DUE_TODAY
    if v.closed_at is not None:
        return CLOSED
    return None


def _first_line(text: str | None) -> str:
    return (text or "").strip().splitlines()[0] if (text or "").strip() else ""


WHEN = Column("occurred_at", N_("일시"), lambda v: fmt.moment(v.occurred_at),
              sort=lambda v: v.occurred_at)
WHO = Column("who", N_("기업 / 문의자"), lambda v: v.who)
CHANNEL_COL = Column("channel", N_("경로"), lambda v: fmt.label(CHANNEL, v.channel))
CATEGORY_COL = Column("category", N_("분야"), lambda v: fmt.label(CATEGORY, v.category))
QUESTION = Column("question", N_("상담 내용"), lambda v: _first_line(v.question))
STATUS = Column("outcome", N_("결과"), status_text)
DUE = Column("due_on", N_("기한"), lambda v: fmt.day(v.due_on), sort=lambda v: v.due_on)
STAFF = Column("staff", N_("담당"), lambda v: v.staff_name or "")
DURATION = Column("duration_min", N_("소요"), lambda v: fmt.minutes(v.duration_min),
                  sort=lambda v: v.duration_min, align=RIGHT)

TIME = Column("time", N_("시각"), lambda v: fmt.moment(v.occurred_at)[-5:],
              sort=lambda v: v.occurred_at)

LOG = [WHEN, WHO, CHANNEL_COL, CATEGORY_COL, QUESTION, STATUS, STAFF, DURATION]
TIMELINE = [WHEN, CHANNEL_COL, CATEGORY_COL, QUESTION, STATUS, DUE, STAFF]
FOLLOW_UPS = [DUE, STATUS, WHO, CATEGORY_COL, QUESTION, STAFF, WHEN]
TODAY = [TIME, WHO, CHANNEL_COL, CATEGORY_COL, QUESTION, STATUS]
