"""Import of large spreadsheets: 100,000 companies as XLSX and as CSV.

Budget (docs/PERFORMANCE.md): the import reads a file at most 3 × as long as the bare
library reading the same file in the same run (openpyxl's read-only mode; the csv module),
and its peak memory stays ≤ 300 MB whatever the file's size. Each measurement runs in a
fresh process, so its peak resident memory is its own; times are CPU seconds of that
process (``time.process_time``), which a busy two-core machine disturbs far less than
wall-clock time (the whole import's wall-clock time, fsyncs included, is shown too).

What is measured, per format:

- the reference: the library alone, every cell of every row read and dropped;
- CampDesk's reading: the rows as the import takes them (format and encoding detected, the
  header found, totals and notes recognised, text cleaned, formulas unescaped);
- the whole import into an empty database (checked, written, captured for sync), and the
  same file imported again (every row matched, nothing written).

Run alone: ``.venv/bin/python bench/bench_import.py [rows]`` prints the raw figures as JSON.
"""
from __future__ import annotations

import csv
import json
import random
import subprocess
import sys
import tempfile
from pathlib import Path

from common import CACHE, ROOT, Result

ROWS = 100_000
TIME_RATIO = 3.0
PEAK_MB = 300
HEADER = ["기업명", "영문명", "구분", "사업자등록번호", "대표자", "전화번호", "이메일", "주소",
          "홈페이지", "광주 소재", "MOU 체결일", "AI 분야", "직원 수", "설립일", "메모"]
_BIZ_WEIGHTS = (1, 3, 7, 1, 3, 7, 1, 3, 5)


def _business_no(rng: random.Random) -> str:
    d = [rng.randrange(10) for _ in range(9)]
    total = sum(a * b for a, b in zip(d, _BIZ_WEIGHTS)) + (d[8] * 5) // 10
    d.append((10 - total % 10) % 10)
    s = "".join(map(str, d))
    return f"{s[:3]}-{s[3:5]}-{s[5:]}"


def _rows(n: int, seed: int = 7):
    """A company register as offices keep it: a title above the header, every column
    filled, a total and a note below."""
    rng = random.Random(seed)
    surnames = "김이박최정강조윤장임한오서신권황안송류홍"
    words = ["빛고을", "무등", "첨단", "광주", "남도", "영산", "서석", "호남", "금남", "충장"]
    kinds = ["AI", "데이터", "로보틱스", "비전", "랩", "테크", "소프트", "솔루션"]
    relationships = ["문의기업", "MOU 체결 기업", "입주기업", "이전 희망 기업", "졸업기업"]
    fields = ["컴퓨터 비전", "자연어 처리", "헬스케어", "모빌리티", "에너지", "데이터"]
    yield ["2026년 AI 기업 현황 (벤치마크)"] + [""] * (len(HEADER) - 1)
    yield HEADER
    for i in range(n):
        name = f"{rng.choice(words)}{rng.choice(kinds)} {i:06d}"
        yield [
            name, f"Company {i:06d}", rng.choice(relationships), _business_no(rng),
            rng.choice(surnames) + rng.choice("민서준호지현다은유나") + rng.choice("수영호진희"),
            f"062-{rng.randrange(200, 999)}-{rng.randrange(1000, 9999)}",
            f"ceo{i}@example.kr", f"광주광역시 북구 첨단과기로 {rng.randrange(1, 400)}",
            f"https://c{i}.example.kr", rng.choice(["본사", "지사", "없음"]),
            f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}",
            ", ".join(rng.sample(fields, 2)), rng.randrange(1, 300),
            f"20{rng.randrange(10, 25)}-{rng.randrange(1, 13):02d}-01",
            "2층 입주" if i % 7 == 0 else "",
        ]
    yield ["합계", f"{n}개사"] + [""] * (len(HEADER) - 2)
    yield ["※ 기준일: 2026. 3. 1."] + [""] * (len(HEADER) - 1)


def make_files(n: int) -> tuple[Path, Path]:
    """The CSV and XLSX of ``n`` companies, made once and cached."""
    CACHE.mkdir(parents=True, exist_ok=True)
    csv_path, xlsx_path = CACHE / f"import-{n}.csv", CACHE / f"import-{n}.xlsx"
    if not csv_path.exists():
        tmp = csv_path.with_suffix(".tmp")
        with open(tmp, "w", encoding="utf-8-sig", newline="") as f:
            csv.writer(f).writerows(_rows(n))
        tmp.rename(csv_path)
    if not xlsx_path.exists():
        from openpyxl import Workbook
        wb = Workbook(write_only=True)
        ws = wb.create_sheet("기업")
        for row in _rows(n):
            ws.append(row)
        tmp = xlsx_path.with_name(xlsx_path.stem + ".tmp.xlsx")
        wb.save(tmp)
        tmp.rename(xlsx_path)
    return csv_path, xlsx_path


# --- one measurement per process ----------------------------------------------------------------

_CHILD = r'''
import json, resource, sys, time
sys.path.insert(0, {root!r})
kind, path, home = sys.argv[1], sys.argv[2], sys.argv[3]
rows = 0
t0, w0 = time.process_time(), time.perf_counter()
if kind == "openpyxl":
    from openpyxl import load_workbook
    wb = load_workbook(path, read_only=True, data_only=True)
    for row in wb.worksheets[0].iter_rows(values_only=True):
        rows += 1
    wb.close()
elif kind == "csv":
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        for row in csv.reader(f):
            rows += 1
elif kind == "read":
    from campdesk.services.importer import header_synonyms
    from campdesk.services.tabular import ImportReport, Table
    t0, w0 = time.process_time(), time.perf_counter()  # CampDesk's modules loaded first
    report = ImportReport()
    with Table(path, header_synonyms(), ("name",), report) as table:
        for row in table:
            rows += 1
else:  # "import": the whole import into the database of ``home``
    from campdesk.services.context import open_context
    from campdesk.services.importer import import_companies
    ctx = open_context(home)
    t0, w0 = time.process_time(), time.perf_counter()
    report = import_companies(ctx, path)
    rows = report.created + report.updated + report.unchanged
    ctx.close()
seconds, wall = time.process_time() - t0, time.perf_counter() - w0
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "wall": wall, "rows": rows, "peak_mb": peak_mb}}))
'''


def _measure(kind: str, path: Path, home: Path) -> dict:
    code = _CHILD.format(root=str(ROOT))
    out = subprocess.run([sys.executable, "-c", code, kind, str(path), str(home)],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _best(kind: str, path: Path, home: Path, repeat: int) -> dict:
    runs = [_measure(kind, path, home) for _ in range(repeat)]
    best = min(runs, key=lambda r: r["seconds"])
    return {**best, "peak_mb": max(r["peak_mb"] for r in runs)}


def measure(n: int = ROWS) -> dict:
    csv_path, xlsx_path = make_files(n)
    figures: dict = {"rows": n}
    with tempfile.TemporaryDirectory() as tmp:
        for label, path, reference in (("xlsx", xlsx_path, "openpyxl"), ("csv", csv_path, "csv")):
            home = Path(tmp) / label
            figures[label] = {
                "reference": _best(reference, path, home, 3),
                "read": _best("read", path, home, 3),
                "import": _measure("import", path, home),
                "again": _measure("import", path, home),
            }
    return figures


def run() -> list[Result]:
    figures = measure(ROWS)
    results = []
    for label, reference in (("xlsx", "openpyxl read-only"), ("csv", "csv module")):
        f = figures[label]
        ref, read, first, again = f["reference"], f["read"], f["import"], f["again"]
        ratio = read["seconds"] / ref["seconds"]
        peak = max(read["peak_mb"], first["peak_mb"], again["peak_mb"])
        results += [
            Result(f"import {ROWS:,}-row {label.upper()}: reading ({reference} = "
                   f"{ref['seconds']:.2f} s)", f"{read['seconds']:.2f} s = {ratio:.2f}×",
                   f"≤ {TIME_RATIO:.0f}× {reference}", ratio <= TIME_RATIO and read["rows"] == ROWS),
            Result(f"import {ROWS:,}-row {label.upper()}: whole import (new / again)",
                   f"{first['seconds']:.1f} s / {again['seconds']:.1f} s CPU "
                   f"({first['wall']:.0f} s / {again['wall']:.0f} s wall)",
                   f"info: {first['seconds'] / ref['seconds']:.1f}× / "
                   f"{again['seconds'] / ref['seconds']:.1f}× {reference}", None),
            Result(f"import {ROWS:,}-row {label.upper()}: peak memory", f"{peak:.0f} MB "
                   f"({reference} {ref['peak_mb']:.0f} MB)", f"≤ {PEAK_MB} MB",
                   peak <= PEAK_MB and first["rows"] == ROWS),
        ]
    return results


if __name__ == "__main__":
    print(json.dumps(measure(int(sys.argv[1]) if len(sys.argv) > 1 else ROWS), indent=2))
