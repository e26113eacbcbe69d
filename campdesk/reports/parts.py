"""Story pieces about one company, shared by the company record and the tenant report."""
from __future__ import annotations

from reportlab.platypus import KeepTogether, Paragraph

from campdesk.domain.choices import (
    ASSIGNMENT_STATUS, CATEGORY, CHANNEL, EVENT_KIND, MATCH_STATUS, MENTOR_FIELD,
    MENTORING_STATUS, OUTCOME, SPACE_KIND,
)
from campdesk.domain.dates import format_date, format_datetime, to_seoul
from campdesk.reports import fmt, tables
from campdesk.services.consultations import ConsultationView
from campdesk.services.reporting.views import (
    CompanyProfile, EventLine, JobMatchLine, MentoringLine, SpaceLine, SupportLine,
)

NONE = "해당 없음"


def outcome_label(c: ConsultationView) -> str:
    """The outcome as people say it, including whether an open item was closed."""
    label = OUTCOME.label(c.outcome)
    if c.outcome != "resolved":
        if c.closed_at:
            return f"{label} → 종결 ({format_date(to_seoul(c.closed_at).date())})"
        label += " (진행 중)"
    return label


class CompanyParts:
    """Mixed into a Renderer: needs ``self.styles``, ``self.width`` and ``self._note``."""

    def _profile_story(self, profile: CompanyProfile, brief: bool = False) -> list:
        shown = [(k, v) for k, v in profile.fields if v and k != "기업명"]
        if brief:
            wanted = ("구분", "대표자", "사업자등록번호", "전화번호", "MOU 체결일", "AI 분야")
            shown = [(k, v) for k, v in shown if k in wanted]
        long_ = [(k, v) for k, v in shown if k in ("주소", "메모", "AI 분야")]
        short = [(k, v) for k, v in shown if (k, v) not in long_]
        story = [tables.form([("기업명", profile.name)] + short, self.width)]
        if long_:
            story.append(tables.form(long_, self.width, pairs=1))
        if profile.contacts and not brief:
            rows = [[c.name + (" (주 담당)" if c.is_primary else ""), c.title, c.phone, c.email]
                    for c in profile.contacts]
            story += [self._gap(2), tables.grid(["담당자", "직책", "전화", "이메일"], rows,
                                                tables.widths(self.width, 3, 2, 3, 4))]
        return story

    def _consultation_table(self, consultations: list[ConsultationView]) -> list:
        if not consultations:
            return [self._note(NONE)]
        rows = [[format_datetime(c.occurred_at), CHANNEL.label(c.channel),
                 CATEGORY.label(c.category), c.question, outcome_label(c), c.staff_name]
                for c in consultations]
        return [tables.grid(["일시", "경로", "분야", "문의 내용", "결과", "담당"], rows,
                            tables.widths(self.width, 0, 1.1, 1.9, 5.7, 2.6, 1.4,
                                          fixed={0: tables.DATETIME_W}),
                            centered=(1,))]

    def _consultation_block(self, c: ConsultationView) -> KeepTogether:
        """One consultation in full, kept on one page where it fits."""
        head = (f"{format_datetime(c.occurred_at)} · {CHANNEL.label(c.channel)} · "
                f"{CATEGORY.label(c.category)} · 담당 {c.staff_name or '-'}")
        rows = [("문의 내용", c.question), ("답변", c.answer)]
        rows += [(k, v) for k, v in (("애로사항", c.difficulty), ("건의사항", c.suggestion)) if v]
        rows.append(("결과", outcome_label(c)))
        if c.outcome == "escalated":
            rows.append(("이관", f"{c.escalated_to_name or '-'} · 이관일 "
                                 f"{format_datetime(c.escalated_at) or '-'}"))
        if c.due_on:
            rows.append(("처리 기한", format_date(c.due_on)))
        if c.resolution:
            rows.append(("처리 결과", c.resolution))
        return KeepTogether([Paragraph(fmt.text(head), self.styles["h2"]),
                             tables.form(rows, self.width, pairs=1)])

    def _spaces_table(self, spaces: list[SpaceLine]) -> list:
        if not spaces:
            return [self._note(NONE)]
        rows = [[s.space, f"{s.floor}층", SPACE_KIND.label(s.kind), fmt.period(s.starts_on, s.ends_on),
                 ASSIGNMENT_STATUS.label(s.status), fmt.area(s.area_m2)] for s in spaces]
        return [tables.grid(["공간", "층", "종류", "기간", "상태", "면적"], rows,
                            tables.widths(self.width, 4, 1, 1.6, 4, 1.3, 1.4),
                            numeric=(5,), centered=(1, 2, 4))]

    def _mentoring_story(self, mentorings: list[MentoringLine], sessions_note: str = "") -> list:
        if not mentorings:
            return [self._note(NONE)]
        story = []
        for m in mentorings:
            head = (f"{m.mentor} 멘토 ({MENTOR_FIELD.label(m.mentor_field)}) · {m.topic or '-'} · "
                    f"{fmt.period(m.starts_on, m.ends_on)} · {MENTORING_STATUS.label(m.status)}")
            lead = Paragraph(fmt.text(head), self.styles["text"])
            lead.keepWithNext = 1  # with the first sessions under it, never alone at a foot
            story.append(lead)
            if m.sessions:
                rows = [[format_date(x.held_on), fmt.number(x.duration_min, "분"), x.difficulty,
                         x.advice] for x in m.sessions]
                story.append(tables.grid(["일자", "시간", "애로사항", "조언"], rows,
                                         tables.widths(self.width, 0, 1.1, 4.5, 6.6,
                                                       fixed={0: tables.DATE_W}),
                                         centered=(0, 1)))
            elif sessions_note:
                story.append(self._note(sessions_note))
            story.append(self._gap(2))
        return story

    def _events_table(self, events: list[EventLine]) -> list:
        if not events:
            return [self._note(NONE)]
        today = to_seoul(self.meta.made_at).date()
        rows = [[format_date(e.held_on), EVENT_KIND.label(e.kind),
                 e.title + (" (예정)" if e.held_on > today else ""), e.venue,
                 "예정" if e.held_on > today else fmt.number(e.attendees, "명")] for e in events]
        return [tables.grid(["일자", "구분", "행사", "장소", "참석"], rows,
                            tables.widths(self.width, 0, 1.6, 5.6, 3.6, 1.2, fixed={0: tables.DATE_W}),
                            numeric=(4,), centered=(0, 1))]

    def _supports_table(self, supports: list[SupportLine]) -> list:
        if not supports:
            return [self._note(NONE)]
        rows = [[format_date(x.granted_on), x.programme, x.agency, fmt.won(x.amount_krw), x.notes]
                for x in supports]
        return [tables.grid(["지원일", "지원사업", "기관", "금액", "비고"], rows,
                            tables.widths(self.width, 0, 4.4, 3.4, 2.4, 2.6, fixed={0: tables.DATE_W}),
                            numeric=(3,),
                            centered=(0,))]

    def _job_matches_table(self, matches: list[JobMatchLine]) -> list:
        if not matches:
            return [self._note(NONE)]
        rows = [[format_date(j.matched_on), j.position, j.seeker, MATCH_STATUS.label(j.status)]
                for j in matches]
        return [tables.grid(["일자", "직무", "구직자", "상태"], rows,
                            tables.widths(self.width, 2, 6, 3, 2), centered=(0, 3))]
