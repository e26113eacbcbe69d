"""Reading the spreadsheets people actually have: CSV in UTF-8 (BOM or not) or CP949, XLSX.

Real files have a title row or two above the header, blank lines, merged cells, headers in
Korean or English with odd spacing, and numbers that Excel turned into floats. ``read_table``
finds the header row, maps its columns to field codes and yields every data row with the
row number a person sees in Excel, its text cleaned of control characters.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from campdesk.services.errors import UserError
from campdesk.services.fields import clean_text

HEADER_SCAN_ROWS = 15


@dataclass
class Rejected:
    row_no: int
    column: str
    reason: str


@dataclass
class ImportReport:
    """What an import did, row by row: every valid row kept, every bad one explained."""

    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({r.row_no for r in self.rejected})

    def reject(self, row_no: int, column: str, reason: str) -> None:
        self.rejected.append(Rejected(row_no, column, reason))


@dataclass
class Row:
    number: int             # as Excel shows it (1-based, header included)
    values: dict[str, Any]  # field code → cell value
    columns: dict[str, str]  # field code → the column's header text in the file


def _fold_header(text: Any) -> str:
    return re.sub(r"[\s_\-./()·*:]+", "", str(text or "")).casefold()


def _decode(data: bytes) -> str:
    for encoding in ("utf-8-sig", "cp949"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UserError("파일의 문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949(한글 Excel 기본) CSV로 저장해 주세요.",
                    "Unknown text encoding. Save the CSV as UTF-8 or CP949.")


def _csv_rows(path: Path) -> list[list[Any]]:
    text = _decode(path.read_bytes())
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)]


def _xlsx_rows(path: Path) -> list[list[Any]]:
    import zipfile

    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise UserError(f"Excel 파일을 열 수 없습니다 (손상되었거나 XLSX 형식이 아닙니다): {path.name}",
                        f"Cannot open the Excel file (damaged or not XLSX): {path.name}") from exc
    try:
        ws = wb.worksheets[0]
        return [list(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def load_rows(path: Path) -> list[list[Any]]:
    path = Path(path)
    if not path.exists():
        raise UserError(f"파일이 없습니다: {path}", f"No such file: {path}")
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return _xlsx_rows(path)
    if suffix in (".csv", ".txt", ".tsv"):
        return _csv_rows(path)
    if suffix == ".xls":
        raise UserError("예전 Excel 형식(.xls)은 읽을 수 없습니다. Excel에서 .xlsx 또는 CSV로 저장해 주세요.",
                        "The old Excel format (.xls) is not supported. Save as .xlsx or CSV.")
    raise UserError(f"CSV 또는 XLSX 파일만 가져올 수 있습니다: {path.name}",
                    f"Only CSV or XLSX files can be imported: {path.name}")


def _match_header(row: list[Any], synonyms: dict[str, str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for i, cell in enumerate(row):
        code = synonyms.get(_fold_header(cell))
        if code and code not in found.values():
            found[i] = code
    return found


def _cell(value: Any) -> Any:
    return clean_text(value) if isinstance(value, str) else value


def read_table(path: Path, synonyms: dict[str, list[str]], required: tuple[str, ...] = ()
               ) -> Iterator[Row]:
    """Rows of the first sheet as {field code: value}, below the detected header row.

    ``synonyms`` maps a field code to the header texts that mean it (any case or spacing).
    """
    lookup = {_fold_header(s): code for code, names in synonyms.items() for s in [code, *names]}
    rows = load_rows(path)
    header_at, columns = None, {}
    for i, row in enumerate(rows[:HEADER_SCAN_ROWS]):
        found = _match_header(row, lookup)
        if len(found) >= 2 or (found and all(c in found.values() for c in required)):
            header_at, columns = i, found
            break
    if header_at is None:
        wanted = ", ".join(names[0] for names in synonyms.values() if names)
        raise UserError(f"머리글 행을 찾을 수 없습니다. 첫 줄에 열 이름을 넣어 주세요 (예: {wanted}).",
                        "No header row found. Put column names in the first row.")
    missing = [c for c in required if c not in columns.values()]
    if missing:
        names = ", ".join(synonyms[c][0] if synonyms[c] else c for c in missing)
        raise UserError(f"필수 열이 없습니다: {names}", f"Required columns are missing: {', '.join(missing)}")
    header = rows[header_at]
    for offset, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        # Control characters (a NUL, a form feed pasted from a PDF) are cleaned, not refused.
        values = {code: _cell(row[i]) if i < len(row) else None for i, code in columns.items()}
        if all(v is None or (isinstance(v, str) and not v.strip()) for v in values.values()):
            continue
        yield Row(offset, values, {code: str(header[i]).strip() for i, code in columns.items()})
