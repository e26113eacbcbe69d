"""Run every benchmark and print one table: ``python bench/run.py [name ...]``.

Budgets: docs/PERFORMANCE.md. Run on the large demo data set (made once, cached
in bench/.cache).
"""
from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import Result  # noqa: E402

MODULES = ["bench_foundation", "bench_ui", "bench_sync", "bench_reports", "bench_spaces",
           "bench_import", "bench_mentor_suggest"]


def main(argv: list[str]) -> int:
    wanted = [m for m in MODULES if not argv or any(a in m for a in argv)]
    rows: list[Result] = []
    for name in wanted:
        if not (Path(__file__).parent / f"{name}.py").exists():
            continue
        print(f"running {name} …", file=sys.stderr, flush=True)
        try:
            rows += importlib.import_module(name).run()
        except Exception:  # a broken benchmark is reported, the others still run
            traceback.print_exc()
            rows.append(Result(f"{name} FAILED", "see traceback above", "", False))
    widths = [max(len(r.what) for r in rows + [Result("what", "", "")]), 28, 36]
    print(f"{'what':<{widths[0]}}  {'measured':<{widths[1]}}  {'budget':<{widths[2]}}  verdict")
    for r in rows:
        print(f"{r.what:<{widths[0]}}  {r.measured:<{widths[1]}}  {r.budget:<{widths[2]}}  {r.verdict}")
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
