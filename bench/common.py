"""What every benchmark module shares: a result row, timing, and the large data set.

Each ``bench/bench_*.py`` module exposes ``run() -> list[Result]``; ``bench/run.py`` runs
them all and prints one table. Ratios are taken against a reference measured in the same run.
"""
from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(os.environ.get("CAMPDESK_BENCH_CACHE", ROOT / "bench" / ".cache"))


@dataclass
class Result:
    what: str
    measured: str
    budget: str
    ok: bool | None = None  # None: informational, no budget

    @property
    def verdict(self) -> str:
        return {True: "ok", False: "OVER", None: "-"}[self.ok]


def timed(fn, *args, repeat: int = 1, **kwargs) -> tuple[float, object]:
    """Best wall-clock seconds of ``repeat`` calls, and the last result."""
    best, result = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn(*args, **kwargs)
        best = min(best, time.perf_counter() - t0)
    return best, result


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 20 else max(samples)


def campdesk(*args: str, home: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "campdesk", "--home", str(home), *args],
                          capture_output=True, text=True, check=True)


def large_home(seed: int = 1) -> Path:
    """A data directory with ``demo --scale large`` loaded, made once per schema version and
    cached (a set made before a migration would be upgraded inside the timed start)."""
    from campdesk.store.migrate import SCHEMA_HEAD  # light: no SQLAlchemy, no Alembic
    home = CACHE / f"large-{seed}-{SCHEMA_HEAD}"
    marker = home / ".complete"
    if not marker.exists():
        shutil.rmtree(home, ignore_errors=True)
        home.mkdir(parents=True)
        campdesk("demo", "--scale", "large", "--seed", str(seed), home=home)
        marker.write_text("ok")
    return home


def fresh_copy(home: Path, dest: Path) -> Path:
    """A private copy of a cached data directory, for benchmarks that write."""
    shutil.rmtree(dest, ignore_errors=True)
    shutil.copytree(home, dest)
    return dest
