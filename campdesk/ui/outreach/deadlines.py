"""The dashboard's line of public-call deadlines in the next 7 days (the calls are read with
the dashboard: ``campdesk.services.dashboard``)."""
from __future__ import annotations

from campdesk.domain.dates import today_seoul
from campdesk.ui.core import fmt
from campdesk.i18n import _

def deadline_text(rows) -> str:
    """"7일 안에 마감되는 공모사업: 12월 7일(D-3) AI 바우처 …" or "" when none."""
    if not rows:
        return ""
    today = today_seoul()
    parts = []
    for r in rows:
        days = (r.deadline - today).days
        left = _("오늘") if days == 0 else f"D-{days}"
        parts.append(f"{fmt.day(r.deadline)} ({left}) {r.title} · {r.organiser}")
    return "<b>{0}</b>: ".format(_("7일 안에 마감되는 공모사업")) + " / ".join(parts)
