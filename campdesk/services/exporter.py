"""Export tables as CSV (UTF-8 with BOM, so Excel opens Korean correctly) or XLSX.

Every column has a Korean header (``campdesk.domain.field_labels``), the columns holding ids
come last, and the files re-import as they are. What is exported cannot be turned against
its reader: text that a spreadsheet would run as a formula is written as text (an XLSX
string cell; in CSV, OWASP's leading ``'``, which the importer takes off again), and
control characters that no XLSX may hold are left out.
"""
from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterator

from sqlalchemy import select

from campdesk.domain import choices as C
from campdesk.domain.dates import SEOUL
from campdesk.domain.field_labels import field_label
from campdesk.i18n import _
from campdesk.services.context import Context
from campdesk.services.errors import UserError
from campdesk.services.fields import clean_text
from campdesk.services.tabular import formula_safe
from campdesk.store.models import TABLES

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
    ("events", "kind"): C.EVENT_KIND, ("mentors", "fields"): C.MENTOR_FIELD,
    ("mentoring_programmes", "status"): C.PROGRAMME_STATUS, ("mentoring_sessions", "mode"): C.SESSION_MODE,
    ("job_seekers", "status"): C.SEEKER_STATUS, ("job_openings", "status"): C.OPENING_STATUS,
}


def _labeller(vocab: C.Vocabulary | None):
    if vocab is None:
        return _cell
    return lambda v: ", ".join(vocab.label(code, "ko") for code in clean_text(v).split(",")) if v else v


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, datetime):
        return value.astimezone(SEOUL).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "Y" if value else "N"
    return value


def table_names() -> list[str]:
    return list(TABLES)


def _holds_ids(column) -> bool:
    """A column a person cannot read: the row's id, or another row's."""
    return column.key in ("id", "merged_into", "updated_by", "changed_by", "row_id") \
        or column.key.endswith("_id") or bool(column.foreign_keys)


def columns_of(table: str) -> list:
    """The exported columns of a table: those people read in the models' order, then those
    holding ids, the row's own id last."""
    model = TABLES[table]
    columns = [c for c in model.__table__.columns if c.key not in INTERNAL_COLUMNS]
    readable = [c for c in columns if not _holds_ids(c)]
    ids = [c for c in columns if _holds_ids(c) and c.key != "id"]
    return readable + ids + [c for c in columns if c.key == "id"]


def headers(table: str) -> list[str]:
    """The Korean header of each exported column."""
    return [field_label(table, c.key)[0] for c in columns_of(table)]


def _rows(ctx: Context, table: str) -> tuple[list[str], Iterator[list[Any]]]:
    model = TABLES[table]
    columns = columns_of(table)
    header = headers(table)
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
        raise UserError(_("알 수 없는 테이블입니다: {table}. 다음 중 하나: {tables}").format(
            table=table, tables=", ".join(TABLES)))


def write_csv(ctx: Context, table: str, out: Path) -> int:
    _check_table(table)
    header, rows = _rows(ctx, table)
    n = 0
    with open(out, "w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        for row in rows:
            writer.writerow([formula_safe(v) if isinstance(v, str) else v for v in row])
            n += 1
    return n


def write_xlsx(ctx: Context, tables: list[str], out: Path) -> dict[str, int]:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    wb = Workbook(write_only=True)
    counts = {}
    for table in tables:
        _check_table(table)
        ws = wb.create_sheet(title=table[:31])
        header, rows = _rows(ctx, table)
        ws.append(header)
        counts[table] = 0

        def text_cell(value: str):
            cell = WriteOnlyCell(ws, value)
            cell.data_type = "s"  # openpyxl would store "=…" as a formula
            return cell
        for row in rows:
            ws.append([text_cell(v) if isinstance(v, str) and v.startswith("=") else v
                       for v in row])
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
    raise UserError(_("내보낼 파일 이름은 .csv 또는 .xlsx로 끝나야 합니다 (--all이면 폴더 또는 .xlsx)."))
