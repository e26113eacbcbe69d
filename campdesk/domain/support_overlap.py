"""Duplicate support: one company receiving the same kind of support from two agencies over
overlapping dates. Rows name a company by its register id, its business number, or a name
as an agency wrote it; two rows are the same company when their business numbers agree, or,
where one has none, when their names agree once the legal form and spacing are taken off
("(주)무등소프트" = "무등소프트 주식회사", "금남 로봇" = "금남로봇"), or differ only by a typing
slip of the same length ("무등소프트" / "무등소푸트"). Names that share a word but are longer
or shorter ("무등소프트" / "무등소프트랩") are different companies."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rapidfuzz import fuzz

from campdesk.domain.similarity import SHORTEST, SIMILAR, jamo


@dataclass(frozen=True)
class SupportEntry:
    id: str
    agency_id: str | None
    kind: str
    starts: date | None
    ends: date | None          # inclusive; None = until the end of the start's year
    company_id: str | None
    business_no: str | None    # digits only
    name_norm: str


def names_alike(a: str, b: str) -> bool:
    """The same normalised name, or a slip of the keys in a name of the same length."""
    if not a or not b:
        return False
    if a == b:
        return True
    if len(a) != len(b) or len(a) < SHORTEST:
        return False
    return fuzz.ratio(jamo(a), jamo(b)) >= SIMILAR


def same_company(a: SupportEntry, b: SupportEntry) -> bool:
    if a.company_id and a.company_id == b.company_id:
        return True
    if a.business_no and b.business_no:
        return a.business_no == b.business_no
    return names_alike(a.name_norm, b.name_norm)


def period(e: SupportEntry) -> tuple[date, date] | None:
    if e.starts is None:
        return None
    return e.starts, e.ends or date(e.starts.year, 12, 31)


def overlapping(a: SupportEntry, b: SupportEntry) -> bool:
    pa, pb = period(a), period(b)
    return pa is not None and pb is not None and pa[0] <= pb[1] and pb[0] <= pa[1]


def find_overlaps(entries: list[SupportEntry]) -> list[tuple[SupportEntry, SupportEntry]]:
    """Every pair of rows of one kind, from two agencies, for one company, at once."""
    by_kind: dict[str, list[SupportEntry]] = {}
    for e in entries:
        if e.starts is not None:
            by_kind.setdefault(e.kind, []).append(e)
    pairs = []
    for rows in by_kind.values():
        rows.sort(key=lambda e: e.starts)
        for i, a in enumerate(rows):
            end_a = period(a)[1]
            for b in rows[i + 1:]:
                if b.starts > end_a:
                    break
                if a.agency_id != b.agency_id and overlapping(a, b) and same_company(a, b):
                    pairs.append((a, b))
    return pairs
