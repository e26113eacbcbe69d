"""The free-spaces guide: one printable page for newcomers, listing what they can move into.

Desks free in the same open-desk room share one line, so the list stays on one page.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.platypus import KeepInFrame

from campdesk.domain.choices import SPACE_KIND
from campdesk.i18n import N_, _, ngettext
from campdesk.reports import fmt, tables
from campdesk.reports.base import Renderer
from campdesk.services import spaces
from campdesk.services.reporting import report_meta
from campdesk.services.spaces import FreeSpace


@dataclass(frozen=True)
class GuideLine:
    floor: int
    place: str        # a room, or an open-desk room with its free desks
    kind: str
    desks: int
    area_m2: float
    names: str        # the free desks' names, or ""
    free_until: date | None


@dataclass(frozen=True)
class GuideData:
    day: date
    lines: list[GuideLine]

    @property
    def desks(self) -> int:
        return sum(line.desks for line in self.lines)

    @property
    def area(self) -> float:
        return sum(line.area_m2 for line in self.lines)


def _until(d: date, day: date) -> str:
    """``~12. 15.`` within a year of the guide's day, else the full date."""
    return "~" + (fmt.short_date(d) if (d - day).days < 300 else fmt.day(d))


def _desk_names(desks: list[FreeSpace], day: date) -> str:
    """``D01, D03, D05(~12. 15.)``: a desk free only until a reservation says so."""
    return ", ".join(d.space.short_name + (f"({_until(d.free_until, day)})" if d.free_until else "")
                     for d in desks)


def _group_until(desks: list[FreeSpace]) -> date | None:
    """The room's desks are free for good if any of them is; else until the latest one."""
    ends = [d.free_until for d in desks]
    return None if None in ends else max(ends)


def guide_lines(free: list[FreeSpace], day: date) -> list[GuideLine]:
    """One line per free office or unit; one line per room for its free desks."""
    grouped: dict[tuple[int, str], list[FreeSpace]] = {}
    lines = []
    for f in free:
        if f.room:
            grouped.setdefault((f.space.floor, f.room), []).append(f)
            continue
        lines.append(GuideLine(f.space.floor, f.space.name, f.space.kind, f.space.capacity or 0,
                               f.space.area_m2 or 0.0, "", f.free_until))
    for (floor, room), desks in grouped.items():
        lines.append(GuideLine(floor, room, "desk", sum(d.space.capacity or 1 for d in desks),
                               sum(d.space.area_m2 or 0.0 for d in desks), _desk_names(desks, day),
                               _group_until(desks)))
    return sorted(lines, key=lambda line: (line.floor, line.kind == "desk", line.place))


class FreeSpacesGuide(Renderer):
    title = N_("입주 가능 공간 안내")
    MAX_LINES = 28  # what fits on one A4 page with the header and notes

    def story(self) -> list:
        d: GuideData = self.data
        body = self._title_story(self.shown_title, _("{day} 기준 · AI창업캠프 입주공간").format(
            day=fmt.long_day(d.day)))
        body.append(tables.figures([(f"{len(d.lines)}", _("입주 가능 공간")),
                                    (_seats(d.desks), _("입주 가능 좌석")),
                                    (fmt.area(d.area, decimals=0), _("입주 가능 면적"))],
                                   self.width))
        body.append(self._gap(4))
        body += self._list_story(d)
        body.append(self._gap(3))
        body.append(self._note("<br/>".join("· " + line for line in (
            _("오픈데스크 좌석은 좌석 단위로, 사무실은 실 단위로 입주합니다. 회의실은 입주기업 공용입니다."),
            _("입주 가능 기간이 '상시'이면 기간 제한 없이 입주할 수 있습니다. 날짜가 있으면 그날까지 "
              "비어 있고 그 뒤에는 예약이 있습니다 (좌석 옆 날짜도 같습니다)."),
            _("입주 상담과 신청은 캠프 현장 직원에게 해 주세요. 신청 순서와 필요 면적에 따라 배정합니다.")))))
        # Never more than one page: shrink the whole guide if the list is long.
        return [KeepInFrame(self.width, self.PAGE_SIZE[1] - self.MARGIN_TOP - self.MARGIN_BOTTOM,
                            body, mode="shrink")]

    def _list_story(self, d: GuideData) -> list:
        if not d.lines:
            return [self._note(_("이날 비어 있는 공간이 없습니다. 입주 대기 신청을 받아 두세요."))]
        rows = [[_("{n}층").format(n=line.floor), line.place, fmt.label(SPACE_KIND, line.kind),
                 fmt.number(line.desks, fmt.SEATS), fmt.area(line.area_m2) if line.area_m2 else "-",
                 line.names or "-",
                 f"~ {fmt.day(line.free_until)}" if line.free_until else _("상시")]
                for line in d.lines[:self.MAX_LINES]]
        story = [self._heading(_("입주 가능한 공간")),
                 tables.grid([_("층"), _("공간"), _("유형"), _("좌석"), _("면적"), _("빈 좌석"),
                              _("입주 가능 기간")], rows,
                             tables.widths(self.width, 6, 18, 10, 7, 9, 34, 14),
                             centered=(0, 3), numeric=())]
        if len(d.lines) > self.MAX_LINES:
            story.append(self._note(_("외 {n}곳은 현장 직원에게 문의해 주세요.").format(
                n=len(d.lines) - self.MAX_LINES)))
        return story


def _seats(n: int) -> str:
    """``3석`` / ``3 desks``."""
    return ngettext("{n}석", "{n}석", n).format(n=n)


def guide_data(ctx, day: date) -> GuideData:
    return GuideData(day, guide_lines(spaces.free_spaces(ctx, day), day))


def free_spaces_pdf(ctx, day: date) -> bytes:
    """The guide for a day, as PDF bytes (run it on a worker)."""
    return FreeSpacesGuide(guide_data(ctx, day), report_meta(ctx)).render()
