"""Reading the spreadsheets people actually have, safely, whatever they hold.

Formats, recognised by their content first and their name second:

- CSV and text: UTF-8 (with or without BOM), CP949 (Korean Excel's default) and UTF-16 with
  a BOM (Excel's "유니코드 텍스트", tab-separated ``.txt``); comma, tab, semicolon or bar;
  any line ending (CR-only files from old Excel for Mac too);
- XLSX/XLSM, streamed in openpyxl's read-only mode;
- XLS (Excel 97–2003), read with xlrd.

Real files have a title row or two above the header, blank lines, merged cells, headers in
Korean or English with odd spacing, numbers that Excel turned into floats, total and note
rows (``합계 | 6개사``, ``※ 기준일 …``). :class:`Table` finds the header row, maps its columns
to field codes and yields every data row with the row number a person sees in Excel, its
text cleaned of control characters; summary and note rows are skipped and noted in the
report, a row an unbalanced quote merged with the next ones is rejected with its lines.

Everything is read row by row: memory stays flat whatever the file's size, and files beyond
:data:`MAX_FILE_BYTES` or :data:`MAX_ROWS` are refused with the limit named. Any failure of
a file parser on a damaged file becomes one :class:`UserError` line, never a traceback.
"""
from __future__ import annotations

import codecs
import csv
import itertools
import logging
import operator
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator, NamedTuple

from campdesk.domain.errors import ValidationError
from campdesk.domain.field_labels import field_label
from campdesk.i18n import _, current_language, ngettext, pgettext
from campdesk.services.errors import UserError
from campdesk.services.fields import clean_text

log = logging.getLogger(__name__)

HEADER_SCAN_ROWS = 15
MAX_FILE_BYTES = 100 * 1024 * 1024   # a file on disk
MAX_ROWS = 300_000                   # rows with something in them, below the header
MAX_CELL_CHARS = 32_767              # Excel's own limit for one cell
EXCEL_MAX_ROWS = 1_048_576           # no sheet (nor a CSV Excel could open) has more rows
MAX_XML_BYTES = 1024 * 1024 * 1024   # one XLSX part, uncompressed
MAX_SHARED_STRINGS_BYTES = 160 * 1024 * 1024  # the XLSX text table, which is held in memory
PROGRESS_EVERY = 500                 # rows between two progress reports

TEXT_SUFFIXES = (".csv", ".txt", ".tsv")
EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xls")

# What the progress callback gets: the part done (0..1, None when unknown) and a message.
Progress = Callable[[float | None, str], None]


class Cancelled(UserError):
    """The person cancelled the import; its transaction is rolled back."""

    def __init__(self) -> None:
        super().__init__(_("가져오기를 취소했습니다. 데이터베이스는 바뀌지 않았습니다."))


@dataclass
class Rejected:
    row_no: int
    column: str
    reason: str


@dataclass
class Skipped:
    """A row that is no record: a total (합계, 소계 …) or a note (※ …)."""

    row_no: int
    kind: str  # "total" or "note"
    text: str  # what the row says, shortened

    @property
    def label(self) -> str:
        return pgettext("skipped row", "합계") if self.kind == "total" \
            else pgettext("skipped row", "안내")


@dataclass
class ImportReport:
    """What an import did, row by row: every valid row kept, every bad one explained."""

    total: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    rejected: list[Rejected] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def rejected_rows(self) -> int:
        return len({r.row_no for r in self.rejected})

    def reject(self, row_no: int, column: str, reason: str) -> None:
        self.rejected.append(Rejected(row_no, column, reason))

    def reject_error(self, row_no: int, column: str | None, error: ValidationError,
                     table: str) -> None:
        """A row refused by a rule, in the current language; ``column`` is the file's
        header of the field at fault (None: the field's own label)."""
        if column is None:
            column = field_name(field_label(table, error.field), error.field)
        self.reject(row_no, column, error_text(error))


def field_name(pair: tuple[str, str] | None, code: str) -> str:
    """A field's (Korean, English) label in the current language, or its code."""
    if not pair:
        return code
    return pair[1] if current_language() == "en" and len(pair) > 1 else pair[0]


def error_text(error: ValidationError | UserError) -> str:
    """A rule's refusal of a value, in the current language (for a report's rejections)."""
    return error.message(current_language())


class Row(NamedTuple):
    number: int             # as Excel shows it (1-based, header included)
    values: dict[str, Any]  # field code → cell value
    columns: dict[str, str]  # field code → the column's header text in the file


def _row(number: int, values: dict[str, Any], columns: dict[str, str]) -> Row:
    return _make_row(Row, (number, values, columns))


_make_row = tuple.__new__  # a Row without the Python call Row(...) costs, once a row


# --- limits and messages -----------------------------------------------------------------------

def _mb(n: int) -> str:
    return f"{n // (1024 * 1024):,}MB"


def _unreadable(path: Path, what: str) -> UserError:
    return UserError(_("파일을 읽을 수 없습니다 ({what}): {name}").format(what=what, name=path.name))


def _not_xlsx(path: Path) -> UserError:
    return UserError(_("Excel 파일을 열 수 없습니다 (손상되었거나 XLSX 형식이 아닙니다): {name}"
                       ).format(name=path.name))


def _too_many_rows() -> UserError:
    return UserError(_("행이 너무 많습니다. 한 번에 {n:,}행까지 가져올 수 있습니다. 파일을 나누어 주세요."
                       ).format(n=MAX_ROWS))


# --- text files -------------------------------------------------------------------------------

_BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16"))
_CHUNK = 1024 * 1024


CHECK_BYTES = 4 * 1024 * 1024  # checked whole before reading; the rest is checked as read


def _decodes_as(path: Path, encoding: str) -> bool:
    """Whether the file's first :data:`CHECK_BYTES` decode as ``encoding`` (a mistake
    further on is found as the rows are read, and refuses the file then)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        with open(path, "rb") as f:
            done = 0
            while done < CHECK_BYTES and (chunk := f.read(_CHUNK)):
                decoder.decode(chunk)
                done += len(chunk)
            if done < CHECK_BYTES:
                decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return False
    return True


def _guess_utf16(head: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL in Korean-and-ASCII text."""
    if len(head) < 8:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > len(odd) * 0.3 and even.count(0) < len(even) * 0.05:
        return "utf-16-le"
    if even.count(0) > len(even) * 0.3 and odd.count(0) < len(odd) * 0.05:
        return "utf-16-be"
    return None


def text_encoding(path: Path, head: bytes) -> str:
    for bom, encoding in _BOMS:
        if head.startswith(bom):
            if _decodes_as(path, encoding):
                return encoding
            break
    else:
        candidates = [e for e in (_guess_utf16(head),) if e] + ["utf-8", "cp949"]
        for encoding in candidates:
            if _decodes_as(path, encoding):
                return encoding
    raise UserError(_("파일의 문자 인코딩을 알 수 없습니다. UTF-8 또는 CP949(한글 Excel 기본) CSV, "
                      "또는 Excel의 '유니코드 텍스트'로 저장해 주세요."))


_DELIMITERS = ("\t", ",", ";", "|")


def pick_delimiter(sample: str, suffix: str) -> str:
    """The delimiter of the first lines: the one found on the most lines (then the most
    often), tab first for ``.txt``/``.tsv``. Quoted text is left out of the count."""
    lines = [ln for ln in re.sub(r'"[^"]*"', '""', sample).splitlines() if ln.strip()][:50]
    if not lines:
        return "\t" if suffix in (".txt", ".tsv") else ","
    scores = {d: (sum(d in ln for ln in lines), sum(ln.count(d) for ln in lines))
              for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: scores[d])
    if scores[best][0] == 0:
        return "\t" if suffix in (".txt", ".tsv") else ","
    if suffix in (".txt", ".tsv") and scores["\t"][0] == scores[best][0]:
        return "\t"
    return best


_csv_limit_raised = False


def _raise_csv_field_limit() -> None:
    """The csv module refuses a field over 128 KB with an error that names no row: let it
    read any field a file within the size limit can hold; cells are checked one by one."""
    global _csv_limit_raised
    if not _csv_limit_raised:
        csv.field_size_limit(max(csv.field_size_limit(), MAX_FILE_BYTES + 1))
        _csv_limit_raised = True


class RawRow(NamedTuple):
    """A row as a sheet gives it. Text files give plain tuples of the same three items (a
    named tuple costs a Python call a row), so rows are read by index: raw[0], raw[1]."""
    number: int             # the row as Excel numbers it
    cells: list[Any]
    lines: tuple[int, int] | None = None  # text files: the first and last line it took


class _TextBatch(NamedTuple):
    first: int                                   # the number of its first record
    records: list[list[str]]
    spans: list[tuple[int, int] | None] | None   # a record's lines when it took several


def _line_spans(records: list[list[str]], line: int, last: int
                ) -> list[tuple[int, int] | None]:
    """Which lines of the file each record took, between line ``line`` (excluded) and
    ``last``: a record takes one line, and one more for each line break inside its quoted
    cells (a quote left open at the end of the file holds the file's last line break)."""
    spans: list[tuple[int, int] | None] = []
    for cells in records:
        breaks = sum(c.count("\n") + c.count("\r") - c.count("\r\n") for c in cells)
        end = min(line + 1 + breaks, last)
        spans.append((line + 1, end) if end > line + 1 else None)
        line = end
    return spans


class _Sheet:
    """One sheet (a text file has one): its name and a way to read its rows from the top."""

    def __init__(self, name: str, rows: Callable[[int | None], Iterator[RawRow]],
                 size: Callable[[], int | None], batches: Callable | None = None):
        self.name = name
        self.rows = rows  # rows(width): the rows, cells cut at ``width`` columns when given
        self.size = size  # rows in the sheet (an estimate), or None
        # batches(skip, width): the rows below the first ``skip`` as _TextBatch, when the
        # format reads faster so (text files)
        self.batches = batches


class _Source:
    """An opened file: its sheets, what it was read as, and what to close."""

    delimiter: str | None = None
    position: Callable[[], float | None] = staticmethod(lambda: None)

    def __init__(self, path: Path):
        self.path = path
        self.sheets: list[_Sheet] = []
        self._closers: list[Callable[[], None]] = []

    def close(self) -> None:
        for close in self._closers:
            try:
                close()
            except Exception:  # closing a damaged file: nothing left to save
                log.debug("closing %s", self.path, exc_info=True)
        self._closers.clear()


def _text_source(path: Path, head: bytes) -> _Source:
    _raise_csv_field_limit()
    encoding = text_encoding(path, head)
    with open(path, encoding=encoding, newline="") as f:
        sample = f.read(64 * 1024)
    source = _Source(path)
    source.delimiter = delimiter = pick_delimiter(sample, path.suffix.lower())
    size = path.stat().st_size or 1
    # Batches whose whole text is about as long as one cell may be: most need no check of
    # their cells' lengths (see Table._plain_rows).
    lines = sample.count("\n") or 1
    batch_size = max(32, min(256, int(MAX_CELL_CHARS * 0.8 * lines / max(len(sample), 1))))
    current: list = []

    def reader():
        f = open(path, encoding=encoding, newline="")
        current[:] = [f]
        source._closers.append(f.close)
        return f, csv.reader(f, delimiter=delimiter, quotechar='"', doublequote=True,
                             strict=False)

    def failure(exc: Exception, line_num: int) -> UserError:
        if isinstance(exc, csv.Error):
            return _unreadable(path, _("{n}번째 줄: {error}").format(n=line_num + 1, error=exc))
        return UserError(_("파일의 {n}번째 줄 근처부터 글자가 깨져 있습니다 (문자 인코딩이 {encoding}이 "
                           "아닙니다). 한 가지 인코딩(UTF-8 또는 CP949)으로 다시 저장해 주세요."
                           ).format(n=line_num + 1, encoding=encoding))

    def rows(width: int | None) -> Iterator[RawRow]:
        f, read = reader()
        last_line = 0
        try:
            for number, cells in enumerate(read, 1):
                line = read.line_num
                if line > last_line + 1:  # a record over several lines
                    yield (number, cells[:width] if width else cells, (last_line + 1, line))
                elif width and len(cells) > width:
                    yield (number, cells[:width], None)
                else:
                    yield (number, cells, None)
                last_line = line
        except (csv.Error, UnicodeError) as exc:
            raise failure(exc, read.line_num) from exc
        finally:
            f.close()

    def batches(skip: int, width: int) -> Iterator[_TextBatch]:
        """The records below the first ``skip``, some hundreds at a time, read by the csv
        module in one call a batch (no Python step a row)."""
        size = batch_size
        f, read = reader()
        try:
            for _record in itertools.islice(read, skip):
                pass
            number, line = skip + 1, read.line_num
            while True:
                records = list(itertools.islice(read, size))
                if not records:
                    return
                if max(map(len, records)) > width:
                    records = [cells[:width] for cells in records]
                spans = None
                if read.line_num - line != len(records):  # records over several lines
                    spans = _line_spans(records, line, read.line_num)
                yield _TextBatch(number, records, spans)
                number, line = number + len(records), read.line_num
        except (csv.Error, UnicodeError) as exc:
            raise failure(exc, read.line_num) from exc
        finally:
            f.close()

    def position() -> float | None:
        try:
            return min(current[0].buffer.tell() / size, 1.0) if current else 0.0
        except (ValueError, OSError):  # closed: read to its end
            return 1.0

    source.position = position
    source.sheets.append(_Sheet(path.name, rows, lambda: None, batches))
    return source


# --- XLSX -------------------------------------------------------------------------------------

def _check_xlsx_parts(path: Path) -> None:
    """Refuse a workbook whose parts would unpack beyond the limits (a zip bomb, or a text
    table too big to hold), before any of it is read."""
    try:
        with zipfile.ZipFile(path) as archive:
            for info in archive.infolist():
                name = info.filename.lower()
                limit = MAX_SHARED_STRINGS_BYTES if name.endswith("sharedstrings.xml") \
                    else MAX_XML_BYTES
                if info.file_size > limit:
                    raise UserError(_("Excel 파일의 압축을 풀면 너무 큽니다 ({part}: {size}, 최대 "
                                      "{limit}). 파일을 나누어 주세요.").format(
                        part=info.filename, size=_mb(info.file_size), limit=_mb(limit)))
    except zipfile.BadZipFile as exc:
        raise _not_xlsx(path) from exc


def _xlsx_source(path: Path) -> _Source:
    from openpyxl import load_workbook
    _check_xlsx_parts(path)
    handle = open(path, "rb")  # a file, not a name: openpyxl judges names by their ending
    try:
        wb = load_workbook(handle, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl, zipfile or XML errors: a damaged workbook
        handle.close()
        log.info("cannot open %s: %r", path, exc)
        raise _not_xlsx(path) from exc
    source = _Source(path)
    source._closers += [wb.close, handle.close]
    try:
        worksheets = list(wb.worksheets)
    except Exception:
        worksheets = []
    for ws in worksheets:
        source.sheets.append(_xlsx_sheet(path, ws))
    return source


def _xlsx_sheet(path: Path, ws) -> _Sheet:
    try:
        declared = ws.max_row  # from the sheet's <dimension>, which may be missing or wrong
    except Exception:
        declared = None

    def rows(width: int | None) -> Iterator[RawRow]:
        ws.reset_dimensions()  # read every row there is, not what <dimension> claims
        number = 0
        for number, cells in enumerate(ws.iter_rows(max_col=width, values_only=True), start=1):
            yield RawRow(number, list(cells))

    return _Sheet(str(ws.title), rows, lambda: declared)


# --- XLS --------------------------------------------------------------------------------------

def _xls_source(path: Path) -> _Source:
    import xlrd
    try:
        book = xlrd.open_workbook(str(path), on_demand=True, logfile=_NullLog())
    except Exception as exc:  # xlrd's errors, struct errors, …: a damaged or encrypted file
        log.info("cannot open %s: %r", path, exc)
        raise UserError(_("예전 Excel 파일(.xls)을 열 수 없습니다 (손상되었거나 암호가 걸려 있습니다): "
                          "{name}").format(name=path.name)) from exc
    source = _Source(path)
    source._closers.append(book.release_resources)
    for index in range(book.nsheets):
        source.sheets.append(_xls_sheet(book, index))
    return source


class _NullLog:
    """xlrd writes its warnings to a file; CampDesk's log keeps them instead."""

    def write(self, text: str) -> None:
        if text.strip():
            log.debug("xlrd: %s", text.strip())


def _xls_value(book, cell) -> Any:
    import xlrd
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK, xlrd.XL_CELL_ERROR):
        return None
    if kind == xlrd.XL_CELL_DATE:
        try:
            return xlrd.xldate_as_datetime(value, book.datemode)
        except Exception:
            return value
    if kind == xlrd.XL_CELL_BOOLEAN:
        return bool(value)
    if kind == xlrd.XL_CELL_NUMBER and isinstance(value, float) and value.is_integer() \
            and abs(value) < 2 ** 53:
        return int(value)
    return value


def _xls_sheet(book, index: int) -> _Sheet:
    state: dict[str, Any] = {}

    def sheet():
        if "sheet" not in state:
            state["sheet"] = book.sheet_by_index(index)
        return state["sheet"]

    def rows(width: int | None) -> Iterator[RawRow]:
        ws = sheet()
        for r in range(ws.nrows):
            cells = ws.row(r)[:width] if width else ws.row(r)
            yield RawRow(r + 1, [_xls_value(book, c) for c in cells])

    name = book.sheet_names()[index] if index < len(book.sheet_names()) else str(index + 1)
    return _Sheet(name, rows, lambda: sheet().nrows)


# --- opening ----------------------------------------------------------------------------------

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def open_source(path: Path) -> _Source:
    """The file opened by what it holds: a workbook saved as .xls is read as XLSX, a text
    file saved as .xls as text; a web page saved as .xls is refused with what to do."""
    path = Path(path)
    if not path.exists():
        raise UserError(_("파일이 없습니다: {path}").format(path=path))
    if path.is_dir():
        raise UserError(_("파일이 아니라 폴더입니다: {path}").format(path=path))
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES + EXCEL_SUFFIXES:
        raise UserError(_("CSV, 텍스트(.txt), Excel(.xlsx, .xls) 파일만 가져올 수 있습니다: {name}"
                          ).format(name=path.name))
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        raise UserError(_("파일이 너무 큽니다 ({size}). 한 번에 {limit}까지 가져올 수 있습니다. "
                          "파일을 나누어 주세요.").format(size=_mb(size), limit=_mb(MAX_FILE_BYTES)))
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith(b"PK\x03\x04"):
        return _xlsx_source(path)
    if head.startswith(_OLE2):
        return _xls_source(path)
    sniff = head.lstrip(codecs.BOM_UTF8).lstrip()[:2048].lower()
    if sniff.startswith(b"<") and (b"<html" in sniff or b"<table" in sniff or b"<?xml" in sniff):
        raise UserError(_("이 파일은 Excel 파일이 아니라 웹 페이지(HTML/XML) 형식입니다: {name}. "
                          "Excel에서 열어 '다른 이름으로 저장'으로 .xlsx 형식으로 저장한 뒤 가져와 주세요."
                          ).format(name=path.name))
    if suffix in EXCEL_SUFFIXES:
        # Web sites hand out tab-separated text named .xls; anything else is damaged.
        try:
            return _text_source(path, head)
        except UserError:
            raise UserError(_("Excel 파일을 열 수 없습니다 (손상되었거나 Excel 형식이 아닙니다): {name}"
                              ).format(name=path.name)) from None
    return _text_source(path, head)


# --- rows that are no record ---------------------------------------------------------------------

_FOLD_ALL = re.compile(r"[\W_]+")
_TOTAL = re.compile(
    r"(총합계|합계|총계|소계|누계|계|합|total|subtotal|grandtotal|sum)"  # i18n: data
    r"(\d+(개사|개기업|개업체|개회사|개소|개|곳|건|명|社))?")  # i18n: data
_COUNT = re.compile(r"총\d+(개사|개기업|개업체|개회사|개소|개|곳|건)|\d+(개사|개기업|개업체|개회사)")  # i18n: data
_NOTE = re.compile(r"\s*(※|\*|＊|☞|참고\s*:|출처\s*:|\(?\s*기준일|\(?\s*단위\s*:)")  # i18n: data


# A row whose text has none of these is no total or note (row_kind need not look). Plain
# substring tests: a regular expression over every row costs more than the csv module.
# Characters of totals and notes; looked for one by one (`in` scans text far faster than a
# regular expression's character class does).
_KIND_CHARS = "계합총개※*＊☞"  # i18n: data
_TOTAL_CHARS = "계합총개"  # i18n: data
# A note's first filled cell starts with one of these: 참고:, 출처:, (기준일, 기준일, 단위:
_NOTE_LEADS = frozenset("참출(기단")  # i18n: data
# Text that _cell changes: control characters and lone surrogates (and a leading ').
_CONTROL_CHARS = "".join(map(chr, [*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f]))
_SURROGATES = re.compile("[\ud800-\udfff]")  # never in text decoded strictly


def _holds_any(text: str, chars: str) -> bool:
    return any(c in text for c in chars)


_FIRST_CHAR = operator.itemgetter(slice(0, 1))
_CELL0 = operator.itemgetter(0)


def _may_hold_kinds(text: str) -> bool:
    """Whether some row of ``text`` (rows' cells, one a line) may be a total or a note."""
    return _holds_any(text, _KIND_CHARS) or _may_hold_total(text)


def _may_hold_total(text: str) -> bool:
    """Whether some cell of ``text`` may be a total: 합계, 총 12개 기업, Total, SUM …
    (one letter is looked for before a word: far faster, and often enough absent)"""
    return _holds_any(text, _TOTAL_CHARS) or ("o" in text and "otal" in text) \
        or ("O" in text and "OTAL" in text) or ("u" in text and "um" in text) \
        or ("U" in text and "UM" in text)


# A first cell starting with one of these may make its row blank or a note.
_NOT_PLAIN_LEAD = re.compile(r"[\s※*＊☞참출(기단]")  # i18n: data


def _plain_leads(cells: Iterator[str], n: int) -> bool:
    """Whether ``n`` rows' first cells are all filled and none starts as a note may."""
    leads = "".join(map(_FIRST_CHAR, cells))
    return len(leads) == n and not _NOT_PLAIN_LEAD.search(leads)


def _may_need_cleaning(text: str, text_source: bool) -> bool:
    """Whether some cell of ``text`` has what :func:`_cell` changes."""
    return "'" in text or _holds_any(text, _CONTROL_CHARS) \
        or (not text_source and _SURROGATES.search(text) is not None)


def _note_led(texts: list[str]) -> bool:
    """Whether a row's text may start a note (참고:, 출처:, (기준일 …), spaces before it too."""
    firsts = list(map(_FIRST_CHAR, texts))
    if not _NOTE_LEADS.isdisjoint(firsts):
        return True
    if " " in firsts or "\t" in firsts or "\u3000" in firsts or "\xa0" in firsts:
        return any(text.lstrip()[:1] in _NOTE_LEADS for text in texts)
    return False


def _fold_all(text: str) -> str:
    return _FOLD_ALL.sub("", text).casefold()


def row_kind(cells: list[Any]) -> str | None:
    """"total" for a total or subtotal row (합계, 계, 총계, 소계, 합 계, 총 12개 기업, …),
    "note" for a note (※ …, * 기준일 …), None for anything else."""
    filled = [c for c in cells if c is not None and not (isinstance(c, str) and not c.strip())]
    if not filled:
        return None
    for cell in filled:
        if isinstance(cell, str) and len(cell) <= 30:
            folded = _fold_all(cell)
            if _TOTAL.fullmatch(folded) or _COUNT.fullmatch(folded):
                return "total"
    first = filled[0]
    if len(filled) <= 2 and isinstance(first, str) and _NOTE.match(first) \
            and len(_fold_all(first)) >= 2:
        return "note"
    return None


# --- header and rows --------------------------------------------------------------------------

def fold_header(text: Any) -> str:
    return re.sub(r"[\s_\-./()·*:]+", "", str(text or "")).casefold()


def _header_name(names: list[str]) -> str:
    """A column's header to show: its first name, its first English one in English."""
    if current_language() == "en":
        return next((n for n in names if n.isascii()), names[0])
    return names[0]


def _match_header(row: list[Any], lookup: dict[str, str]) -> dict[int, str]:
    found: dict[int, str] = {}
    for i, cell in enumerate(row):
        if cell is None:
            continue
        code = lookup.get(fold_header(cell))
        if code and code not in found.values():
            found[i] = code
    return found


# --- formulas in text ---------------------------------------------------------------------------

# A spreadsheet program runs a cell that starts with one of these as a formula (OWASP, "CSV
# injection"); a number or a phone number written with a sign is no formula worth fearing.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+\-][\d\s().,/+\-]*")


def formula_safe(text: str) -> str:
    """``text`` as a CSV cell no spreadsheet runs: a leading ``'`` (OWASP's convention)
    before text that would start a formula; numbers and phone numbers unchanged."""
    if text[:1] in _FORMULA_START and not _SIGNED_NUMBER.fullmatch(text):
        return "'" + text
    return text


def is_formula_text(text: str) -> bool:
    """Whether a spreadsheet would take ``text`` for a formula (see :func:`formula_safe`)."""
    return formula_safe(text) != text


def unescape_formula(text: str) -> str:
    """A cell protected by :func:`formula_safe` reads back as the text it was."""
    if text[:1] == "'" and formula_safe(text[1:]) == text:
        return text[1:]
    return text


def _cell(value: Any) -> Any:
    if isinstance(value, str):
        value = clean_text(value)
        if value[:1] == "'":
            value = unescape_formula(value)
    return value


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _shown(cells: list[Any]) -> str:
    text = " | ".join(str(c).strip() for c in cells if not _blank(c))
    text = clean_text(text)
    return text if len(text) <= 60 else text[:60] + "…"


class Table:
    """The data rows of a file below its header row, as :class:`Row`, one at a time.

    Opens the file at once (a file that cannot be read raises :class:`UserError` here);
    iterate it once, before the import opens its write transaction (reading a large file
    takes long: the app must be able to save meanwhile), and close it (``with`` does).
    Summary and note rows go to ``report.skipped``; rows that cannot be read as one record
    (an unbalanced quote, a cell over Excel's limit) to ``report.rejected``, counted in
    ``report.total``. ``progress`` is called every :data:`PROGRESS_EVERY` rows and may raise
    :class:`Cancelled`.
    """

    def __init__(self, path: Path, synonyms: dict[str, list[str]], required: tuple[str, ...] = (),
                 report: ImportReport | None = None, progress: Progress | None = None):
        self.path = Path(path)
        self.report = report if report is not None else ImportReport()
        self.progress = progress
        self.synonyms = synonyms
        self._source = open_source(self.path)
        try:
            self._find_header(synonyms, required)
        except BaseException:
            self._source.close()
            raise

    def __enter__(self) -> Table:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._source.close()

    def _find_header(self, synonyms: dict[str, list[str]], required: tuple[str, ...]) -> None:
        lookup = {fold_header(s): code for code, names in synonyms.items() for s in [code, *names]}
        best = None
        if not self._source.sheets:
            raise UserError(_("Excel 파일에 시트가 없습니다: {name}").format(name=self.path.name))
        for sheet in self._source.sheets:
            for raw in self._guarded(sheet.rows(None), limit=HEADER_SCAN_ROWS):
                found = _match_header(raw[1], lookup)
                if len(found) >= 2 or (found and all(c in found.values() for c in required)):
                    best = (sheet, raw, found)
                    break
            if best:
                break
        if best is None:
            wanted = ", ".join(_header_name(names) for names in synonyms.values() if names)
            raise UserError(_("머리글 행을 찾을 수 없습니다. 첫 줄에 열 이름을 넣어 주세요 (예: {names})."
                              ).format(names=wanted))
        sheet, raw, columns = best
        missing = [c for c in required if c not in columns.values()]
        if missing:
            names = ", ".join(_header_name(synonyms[c]) if synonyms[c] else c for c in missing)
            raise UserError(_("필수 열이 없습니다: {names}").format(names=names))
        number, cells = raw[0], raw[1]
        self._sheet, self._header_at, self.columns = sheet, number, columns
        self._header_cells = cells
        filled = [i for i, c in enumerate(cells) if not _blank(c)]
        self._width = filled[-1] + 1 if filled else len(cells)
        self.column_names = {code: str(cells[i]).strip() for i, code in columns.items()}

    def _damaged(self, exc: Exception) -> UserError:
        log.info("reading %s failed: %r", self.path, exc, exc_info=True)
        return _unreadable(self.path, _("손상되었거나 형식이 맞지 않습니다"))

    def _guarded(self, rows: Iterator[RawRow], limit: int | None = None) -> Iterator[RawRow]:
        """The rows of a parser, any failure of it on a damaged file as one UserError."""
        count = 0
        try:
            while limit is None or count < limit:
                try:
                    raw = next(rows)
                except StopIteration:
                    return
                except UserError:
                    raise
                except Exception as exc:  # the parser met what the format does not allow
                    raise self._damaged(exc) from exc
                count += 1
                if raw[0] > EXCEL_MAX_ROWS:
                    raise self._too_long()
                yield raw
        finally:
            try:
                rows.close()
            except Exception:
                log.debug("closing the rows of %s", self.path, exc_info=True)

    def _tell(self, rows: int, final: bool = False) -> None:
        if self.progress is None:
            return
        fraction = self._source.position() if rows else 0.0
        if fraction is None:
            size = self._sheet.size()
            fraction = min(rows / size, 1.0) if size else None
        if final:
            fraction = 1.0
        elif fraction is not None:
            fraction = min(fraction, 0.99)  # the file is read ahead: done only at its end
        self.progress(fraction, ngettext("{n:,}행 읽음", "{n:,}행 읽음", rows).format(n=rows))

    def __iter__(self) -> Iterator[Row]:
        # Rows are made a batch at a time and handed out by itertools (no Python step a row).
        return itertools.chain.from_iterable(self._row_lists())

    def _row_lists(self) -> Iterator[list[Row]]:
        columns = self.columns
        indices, codes = list(columns), list(columns.values())
        pick = operator.itemgetter(*indices) if len(indices) > 1 else \
            (lambda cells, i=indices[0]: (cells[i],))
        self._picking = (indices, codes, max(indices), pick)
        self._values_of = _values_maker(indices, codes)
        self._data_rows = 0
        self._tell(0)
        if self._sheet.batches is not None:
            yield from self._text_row_lists()
        else:
            for batch in self._batches(self._sheet.rows(self._width)):
                texts = ["\n".join(c for c in raw[1] if c.__class__ is str) for raw in batch]
                kinds, unclean, long_cells = self._looks(texts, text_source=False)
                yield list(self._rows_of(batch, texts, kinds, unclean, long_cells))
        self._tell(self._data_rows, final=True)

    def _looks(self, texts: list[str], text_source: bool) -> tuple[bool, bool, bool]:
        """Whether a batch of rows (their text) may hold a total or a note, text to clean,
        a cell too long: as one string, most batches are known at once to hold none."""
        big = "\n" + "\n".join(texts)
        kinds = _may_hold_kinds(big) or _note_led(texts)
        unclean = _may_need_cleaning(big, text_source)
        return kinds, unclean, len(big) > MAX_CELL_CHARS

    def _text_row_lists(self) -> Iterator[list[Row]]:
        """The rows of a text file, a batch at a time; a batch in which nothing needs a second
        look is taken in one pass (:meth:`_plain_rows`)."""
        batches = self._sheet.batches(self._header_at, self._width)
        for first, records, spans in self._guarded_batches(batches):
            plain = self._plain_rows(first, records) if spans is None else None
            if plain is not None:
                yield plain
                continue
            texts = list(map("\n".join, records))
            kinds, unclean, long_cells = self._looks(texts, text_source=True)
            batch = [(first + i, cells, spans[i] if spans else None)
                     for i, cells in enumerate(records)]
            yield list(self._rows_of(batch, texts, kinds, unclean, long_cells))

    def _guarded_batches(self, batches: Iterator[_TextBatch]) -> Iterator[_TextBatch]:
        for batch in self._guarded(batches):
            if batch.first + len(batch.records) - 1 > EXCEL_MAX_ROWS:
                raise self._too_long()
            yield batch

    def _too_long(self) -> UserError:
        return _unreadable(self.path, _("{n:,}행을 넘습니다").format(n=EXCEL_MAX_ROWS))

    def _batches(self, rows: Iterator[RawRow], size: int = 256) -> Iterator[list[RawRow]]:
        """The data rows below the header in lists, any parser failure as one UserError."""
        header_at = self._header_at
        below = itertools.dropwhile(lambda raw: raw[0] <= header_at, rows)  # numbers only grow
        while True:
            try:
                batch = list(itertools.islice(below, size))
            except UserError:
                raise
            except Exception as exc:  # the parser met what the format does not allow
                raise self._damaged(exc) from exc
            if not batch:
                return
            if batch[-1][0] > EXCEL_MAX_ROWS:
                raise self._too_long()
            yield batch

    def _plain_rows(self, first: int, records: list[list[str]]) -> list[Row] | None:
        """The rows of a batch of a text file in which nothing needs a second look (every
        record on one line, as wide as the columns read and its first cell filled; no total
        or note, nothing to clean, no cell too long), taken in one pass; None when something
        does. Each step maps a C function over the batch: no Python step a row."""
        indices, codes, last_index, pick = self._picking
        if min(map(len, records)) <= last_index:
            return None
        if not _plain_leads(map(_CELL0, records), len(records)):
            return None
        big = "\n".join(itertools.chain.from_iterable(records))
        if len(big) > MAX_CELL_CHARS \
                and max(map(len, itertools.chain.from_iterable(records))) > MAX_CELL_CHARS:
            return None  # (a batch no longer than a cell may be holds no cell too long)
        if _may_hold_total(big) or _may_need_cleaning(big, text_source=True):
            return None
        before = self._data_rows
        self._data_rows = data_rows = before + len(records)
        if data_rows > MAX_ROWS:
            raise _too_many_rows()
        if data_rows // PROGRESS_EVERY > before // PROGRESS_EVERY:
            self._tell(data_rows - data_rows % PROGRESS_EVERY)
        names = self.column_names
        if indices[0] != 0 and not _plain_leads((cells[indices[0]] for cells in records),
                                                len(records)):
            # maybe rows with nothing in the columns read
            return [_make_row(Row, (number, dict(zip(codes, values)), names))
                    for number, values in zip(itertools.count(first), map(pick, records))
                    if (text := "".join(values)) and not text.isspace()]
        return list(map(_make_row, itertools.repeat(Row),
                        zip(itertools.count(first), map(self._values_of, records),
                            itertools.repeat(names))))

    def _rows_of(self, batch: list[RawRow], texts: list[str], kinds: bool, unclean: bool,
                 long_cells: bool) -> Iterator[Row]:
        report, columns, names = self.report, self.columns, self.column_names
        text_source, every = self._source.delimiter is not None, PROGRESS_EVERY
        indices, codes, last_index, pick = self._picking
        for (number, cells, lines), joined in zip(batch, texts):
            if text_source:
                if not joined or joined.isspace():
                    continue
            elif (not joined or joined.isspace()) \
                    and all(c is None or c.__class__ is str for c in cells):
                continue
            self._data_rows += 1
            data_rows = self._data_rows
            if data_rows > MAX_ROWS:
                raise _too_many_rows()
            if data_rows % every == 0:
                self._tell(data_rows)
            if kinds:
                kind = row_kind(cells)
                if kind:
                    report.skipped.append(Skipped(number, kind, _shown(cells)))
                    continue
            if lines is not None:  # a record of a text file over several lines
                merged = _merged_by_quote(cells, self._width, self._source.delimiter)
                if merged is not None:
                    report.total += 1
                    code = columns.get(merged) or next(iter(columns.values()))
                    report.reject(number, names[code], _quote_reason(*lines))
                    continue
            whole = len(cells) > last_index
            if whole:
                picked = pick(cells)
            else:
                picked = tuple(cells[i] if i < len(cells) else None for i in indices)
            if unclean:
                picked = tuple(_cell(v) for v in picked)
            if text_source and whole:  # every value a str
                mapped = "".join(picked)
                if not mapped or mapped.isspace():
                    continue  # nothing in the columns this import reads
            elif all(_blank(v) for v in picked):
                continue
            values = dict(zip(codes, picked))
            too_long = [code for code, v in values.items()
                        if isinstance(v, str) and len(v) > MAX_CELL_CHARS] \
                if long_cells and len(joined) > MAX_CELL_CHARS else None
            if too_long:
                report.total += 1
                for code in too_long:
                    report.reject(number, names[code],
                                  _("한 칸에는 {limit:,}자(Excel 한 칸의 최대)까지 들어갈 수 "
                                    "있습니다 (지금 {n:,}자).").format(limit=MAX_CELL_CHARS,
                                                                   n=len(values[code])))
                continue
            yield _row(number, values, names)


def _values_maker(indices: list[int], codes: list[str]) -> Callable[[list], dict[str, Any]]:
    """A function from a row's cells to its values ({code: cell}), as a dict display: half
    again as fast as dict(zip(codes, cells)) on large files. The codes are the importer's
    own field names, never text from a file."""
    if not all(code.isidentifier() for code in codes):
        pick = operator.itemgetter(*indices) if len(indices) > 1 else \
            (lambda cells, i=indices[0]: (cells[i],))
        return lambda cells: dict(zip(codes, pick(cells)))
    body = ", ".join(f"{code!r}: cells[{i}]" for i, code in zip(indices, codes))
    return eval(f"lambda cells: {{{body}}}")  # noqa: S307 - built from identifiers above


def _merged_by_quote(cells: list[Any], width: int, delimiter: str) -> int | None:
    """Whether a record that took several lines is rows an unbalanced quote ran together:
    a cell with a line break holds the delimiter, and either the record does not have the
    header's number of cells or that cell holds a whole row's worth of delimiters.
    The index of that cell, or None."""
    for i, cell in enumerate(cells):
        if isinstance(cell, str) and ("\n" in cell or "\r" in cell) and delimiter in cell:
            if len(cells) != width or cell.count(delimiter) >= max(2, width - 1):
                return i
    return None


def _quote_reason(first: int, last: int) -> str:
    return _("따옴표(\")가 짝이 맞지 않아 파일의 {first}~{last}번째 줄이 한 행으로 합쳐졌습니다. "
             "따옴표를 고친 뒤 이 행들을 다시 가져와 주세요.").format(first=first, last=last)


def read_table(path: Path, synonyms: dict[str, list[str]], required: tuple[str, ...] = (),
               report: ImportReport | None = None) -> Iterator[Row]:
    """Every data row of a file at once (small files, tests): see :class:`Table`."""
    with Table(path, synonyms, required, report) as table:
        yield from table

