"""Fuzzing the import: malformed CSV, TXT, XLSX and XLS files, made from good ones by
Hypothesis. Whatever the file, ``campdesk import`` ends with exit 0, 1 or 2, prints no
traceback, and a file refused with exit 1 leaves the database exactly as it was.

Bounded for CI (``FUZZ_EXAMPLES``, derandomized: the same files on every run); set
``CAMPDESK_FUZZ_EXAMPLES`` to run more of them, with a fresh seed each time."""
import contextlib
import io
import os
import zipfile

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from campdesk.cli import main
from test_import_files import database_state

FUZZ_EXAMPLES = int(os.environ.get("CAMPDESK_FUZZ_EXAMPLES", "60"))
ROWS = [["2026년 기업 현황", "", "", "", ""],
        ["기업명", "사업자등록번호", "대표자", "직원 수", "비고"],
        ["빛고을AI", "124-81-00998", "김민서", "12", "첫 줄\n둘째 줄"],
        ["무등데이터", "220-81-62517", "이준호", "1e400", '"따옴표"'],
        ["=cmd|' /C calc'!A0", "", "", "inf", "※ 메모"],
        ["합계", "3개사", "", "", ""]]
LOG_ROWS = [["상담일시", "상담경로", "기업명", "상담내용", "담당자"],
            ["2025-03-05 14:30", "전화", "빛고을AI", "입주 문의", "홍길동"],
            ["2025. 3. 6. 오후 2:05:00", "대면", "모르는곳", "자금 문의", ""]]


def _csv_bytes(rows, encoding="utf-8-sig", delimiter=",", newline="\r\n") -> bytes:
    import csv
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=newline).writerows(rows)
    return out.getvalue().encode(encoding)


def _xlsx_bytes(rows) -> bytes:
    wb = Workbook()
    for row in rows:
        wb.active.append(row)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def _xls_bytes(rows) -> bytes:
    import xlwt
    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("기업")
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            ws.write(r, c, value)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


SEEDS = {
    "csv-utf8": (".csv", lambda rows: _csv_bytes(rows)),
    "csv-cp949": (".csv", lambda rows: _csv_bytes(rows, "cp949", newline="\n")),
    "csv-cr": (".csv", lambda rows: _csv_bytes(rows, "utf-8", newline="\r")),
    "txt-utf16": (".txt", lambda rows: _csv_bytes(rows, "utf-16", "\t")),
    "xlsx": (".xlsx", _xlsx_bytes),
    "xls": (".xls", _xls_bytes),
}
TOKENS = [b'"', b'""', b"\r", b"\n", b"\r\n", b"\x00", b"\t", b",", b"\xff\xfe", b"\xef\xbb\xbf",
          "합계".encode(), "※".encode(), b"=cmd|' /C calc'!A0", b"9" * 400, b"\xed\xa0\x80",
          b"<", b"&", b"]]>", b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", b"x" * 140_000]

mutation = st.one_of(
    st.tuples(st.just("flip"), st.integers(0, 10 ** 6), st.integers(1, 255)),
    st.tuples(st.just("insert"), st.integers(0, 10 ** 6),
              st.one_of(st.sampled_from(TOKENS), st.binary(min_size=1, max_size=40))),
    st.tuples(st.just("delete"), st.integers(0, 10 ** 6), st.integers(1, 200)),
    st.tuples(st.just("truncate"), st.integers(0, 10 ** 6), st.just(0)),
)


def _mutate(data: bytes, steps) -> bytes:
    data = bytearray(data)
    for kind, at, arg in steps:
        at = at % (len(data) + 1)
        if kind == "flip" and data:
            data[at % len(data)] ^= arg
        elif kind == "insert":
            data[at:at] = arg
        elif kind == "delete":
            del data[at:at + arg]
        elif kind == "truncate":
            del data[at:]
    return bytes(data)


def _mutate_inside_zip(data: bytes, part_index: int, steps) -> bytes:
    """A workbook whose zip is whole but one of its XML parts is damaged."""
    with zipfile.ZipFile(io.BytesIO(data)) as src:
        parts = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    name, body = parts[part_index % len(parts)]
    parts[part_index % len(parts)] = (name, _mutate(body, steps))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for n, b in parts:
            dst.writestr(n, b)
    return out.getvalue()


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, database=None,
          derandomize="CAMPDESK_FUZZ_EXAMPLES" not in os.environ,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(seed=st.sampled_from(sorted(SEEDS)), what=st.sampled_from(["companies", "consultations"]),
       inside_zip=st.booleans(), part=st.integers(0, 20),
       steps=st.lists(mutation, min_size=1, max_size=4),
       suffix=st.sampled_from([None, ".csv", ".txt", ".xlsx", ".xls"]))
def test_import_never_prints_a_traceback_nor_changes_anything_when_it_refuses(
        tmp_path, seed, what, inside_zip, part, steps, suffix):
    home = tmp_path / "home"
    natural_suffix, make = SEEDS[seed]
    data = make(ROWS if what == "companies" else LOG_ROWS)
    if inside_zip and natural_suffix == ".xlsx":
        data = _mutate_inside_zip(data, part, steps)
    else:
        data = _mutate(data, steps)
    path = tmp_path / f"file{suffix or natural_suffix}"
    path.write_bytes(data)
    if not (home / "campdesk.sqlite3").exists():
        good = tmp_path / "good.csv"
        good.write_bytes(_csv_bytes(ROWS[1:3]))
        assert main(["--home", str(home), "import", "companies", str(good)]) == 0
    before = database_state(home)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["--home", str(home), "import", what, str(path)])
    assert code in (0, 1, 2)
    assert "Traceback" not in out.getvalue() + err.getvalue()
    if code == 1:
        assert database_state(home) == before
        lines = err.getvalue().strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("campdesk: ")


def _table_of(path, batched: bool):
    """The rows, rejections and skipped rows of a text file, read as the import reads it
    (``batched``: a batch of records at a time) or one record at a time."""
    from campdesk.services import tabular
    report = tabular.ImportReport()
    synonyms = {"name": ["기업명"], "representative": ["대표자"], "notes": ["비고"]}
    try:
        with tabular.Table(path, synonyms, ("name",), report) as table:
            if not batched:
                table._sheet.batches = None  # the reading every other format uses
            return list(table), report.rejected, report.skipped
    except tabular.UserError as exc:
        return str(exc)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(["빛고을AI", "", " ", "합계", "※ 참고"]),
                          st.sampled_from(["", "김민서", "두 줄\n메모", "세\r\n줄\r\n메모", "cr\r만"])),
                min_size=1, max_size=600),
       st.sampled_from(["\n", "\r\n", "\r"]), st.integers(min_value=-1, max_value=10_000))
def test_text_files_read_in_batches_give_what_reading_row_by_row_gives(
        tmp_path, rows, line_end, quote_at):
    """The fast way through a large CSV (whole batches checked and made into rows at once)
    gives the same rows, rejections (with their line numbers) and skipped rows as reading
    it record by record, whatever the line endings, multi-line cells or a stray quote."""
    import csv
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator=line_end).writerows(
        [["기업명", "대표자", "비고"]] + [[f"{name}{i}" if name.strip() else name, note, ""]
                                           for i, (name, note) in enumerate(rows)])
    text = buffer.getvalue()
    if 0 <= quote_at < len(text):
        text = text[:quote_at] + '"' + text[quote_at:]
    path = tmp_path / "list.csv"
    path.write_text(text, encoding="utf-8", newline="")
    assert _table_of(path, batched=True) == _table_of(path, batched=False)
