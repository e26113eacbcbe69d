"""Export tables as CSV (UTF-8 with BOM, so Excel opens Korean correctly) or XLSX."""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select

from campdesk.domain import choices as C
from campdesk.domain.company_rules import COMPANY_FIELDS
from campdesk.domain.dates import SEOUL
from campdesk.services.context import Context
from campdesk.services.errors import UserError
from campdesk.store.models import TABLES

# Korean headers where people read them; the column's code name otherwise.
HEADERS_KO: dict[str, dict[str, str]] = {"companies": {k: v[0] for k, v in COMPANY_FIELDS.items()}}
_BATCH = 5000
INTERNAL_COLUMNS = {"name_norm"}
# Coded columns are written with their Korean labels, as a person reads them.
VOCABULARIES: dict[tuple[str, str], C.Vocabulary] = {
    ("companies", "relationship"): C.RELATIONSHIP, ("companies", "gwangju_presence"): C.PRESENCE,
    ("companies", "ai_fields"): C.AI_FIELDS, ("staff", "role"): C.STAFF_ROLE,
    ("consultations", "channel"): C.CHANNEL, ("consultations", "category"): C.CATEGORY,
    ("consultations", "outcome"): C.OUTCOME, ("spaces", "kind"): C.SPACE_KIND,
    ("space_assignments", "status"): C.ASSIGNMENT_STATUS, ("space_requests", "status"): C.REQUEST_STATUS,
    ("space_requests", "kind"): C.SPACE_KIND, ("mentors", "field"): C.MENTOR_FIELD,
    ("mentorings", "status"): C.MENTORING_STATUS, ("job_matches", "status"): C.MATCH_STATUS,
    ("events", "kind"): C.EVENT_KIND,
}


def _labeller(vocab: C.Vocabulary | None):
    if vocab is None:
        return _cell
    return lambda v: ", ".join(vocab.label(code) for code in v.split(",")) if v else v


def _cell(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "N"
    return value


def table_names() -> list[str]:
    return list(TABLES)


def _rows(ctx: Context, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    model = TABLES[table]
    columns = [c for c in model.__table__.columns if c.key not in INTERNAL_COLUMNS]
    labels = HEADERS_KO.get(table, {})
    header = [labels.get(c.key, c.key) for c in columns]
    cells = [_labeller(VOCABULARIES.get((table, c.key))) for c in columns]

    def generate():
        with ctx.db.reading() as s:
            result = s.execute(select(*columns).order_by(model.__table__.c.id)
                               .execution_options(yield_per=_BATCH))
            for row in result:
                yield [fn(v) for fn, v in zip(cells, row)]
    return header, generate()


def _check_table(table: str) -> None:
    if table not in TABLES:
        raise UserError(f"알 수 없는 테이블입니다: {table}. 다음 중 하나: {', '.join(TABLES)}",
                        f"Unknown table: {table}. One of: {', '.join(TABLES)}")


def write_csv(ctx: Context, table: str, out: Path) -> int:
    _check_table(table)
    header, rows = _rows(ctx, table)
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow(row)
            n += 1
    return n


def write_xlsx(ctx: Context, tables: list[str], out: Path) -> dict[str, int]:
    from openpyxl import Workbook
    wb = Workbook(write_only=True)
    counts = {}
    for table in tables:
        _check_table(table)
        ws = wb.create_sheet(title=table[:31])
        header, rows = _rows(ctx, table)
        ws.append(header)
        counts[table] = 0
        for row in rows:
            ws.append(row)
            counts[table] += 1
    wb.save(out)
    return counts


def export(ctx: Context, table: str | None, out: str | Path) -> dict[str, int]:
    """One table to OUT.csv/OUT.xlsx, or every table (``table=None``) to a folder or workbook."""
    out = Path(out)
    suffix = out.suffix.lower()
    tables = [table] if table else table_names()
    if suffix == ".xlsx":
        return write_xlsx(ctx, tables, out)
    if table and suffix == ".csv":
        return {table: write_csv(ctx, table, out)}
    if table is None and suffix == "":
        out.mkdir(parents=True, exist_ok=True)
        return {t: write_csv(ctx, t, out / f"{t}.csv") for t in tables}
    raise UserError("내보낼 파일 이름은 .csv 또는 .xlsx로 끝나야 합니다 (--all이면 폴더 또는 .xlsx).",
                    "The output must end in .csv or .xlsx (with --all: a folder or .xlsx).")
