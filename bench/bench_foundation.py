"""Foundation: demo generation, importing 2,000 companies, exporting the large data set."""
from __future__ import annotations

import csv
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from common import CACHE, Result, campdesk, large_home

from campdesk.services.context import open_context
from campdesk.services.exporter import export
from campdesk.services.importer import import_companies


def _demo_large() -> Result:
    CACHE.mkdir(parents=True, exist_ok=True)
    home = Path(tempfile.mkdtemp(dir=CACHE))
    try:
        t0 = time.perf_counter()
        campdesk("demo", "--scale", "large", "--seed", "2", home=home)
        seconds = time.perf_counter() - t0
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return Result("demo --scale large (2,000 companies, 200k consultations)", f"{seconds:.1f} s", "< 60 s",
                  seconds < 60)


def _import_2000(work: Path) -> list[Result]:
    src = open_context(large_home())
    out = work / "companies.csv"
    export(src, "companies", out)
    src.close()
    with open(out, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    ctx = open_context(work / "fresh")
    t0 = time.perf_counter()
    report = import_companies(ctx, out)
    seconds = time.perf_counter() - t0
    t1 = time.perf_counter()
    again = import_companies(ctx, out)
    seconds_again = time.perf_counter() - t1
    ctx.close()
    # Reference: a raw sqlite3 executemany of the same cells into a plain table.
    raw = sqlite3.connect(work / "raw.sqlite3")
    raw.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(len(rows[0])))})")
    t2 = time.perf_counter()
    with raw:
        raw.executemany(f"INSERT INTO t VALUES ({', '.join('?' * len(rows[0]))})", rows[1:])
    reference = time.perf_counter() - t2
    raw.close()
    return [
        Result(f"import {report.created:,} companies (CSV, validated)", f"{seconds:.2f} s",
               f"info; raw insert {reference * 1000:.0f} ms", None),
        Result("re-import the same file (all matched)", f"{seconds_again:.2f} s",
               f"{again.unchanged:,} unchanged, 0 duplicates", again.created == 0),
    ]


def _export_all(work: Path) -> Result:
    ctx = open_context(large_home())
    t0 = time.perf_counter()
    counts = export(ctx, None, work / "all")
    seconds = time.perf_counter() - t0
    ctx.close()
    return Result(f"export --all to CSV ({sum(counts.values()):,} rows)", f"{seconds:.1f} s", "info", None)


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        return [_demo_large(), *_import_2000(work), _export_all(work)]
