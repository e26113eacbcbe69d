"""Sync benchmarks against the local PostgreSQL (docs/PERFORMANCE.md).

    .venv/bin/python bench/bench_sync.py [--admin-url URL] [--changes 10000] [--skip-bootstrap]
    .venv/bin/python bench/run.py sync      (the same, as rows of the common table)

Prints, measured in one run on this machine:
1. sync of N changes (push + merge on the hub + pull on another PC) against a bulk insert of
   the same rows into the same PostgreSQL (COPY, and psycopg executemany), with the ratios;
2. one change from PC A to PC B with both online (background runners, LISTEN/NOTIFY);
3. bootstrap of a new PC from the large demo data set: time and peak memory (RSS).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psycopg  # noqa: E402

from campdesk.domain.ids import new_id  # noqa: E402
from campdesk.services.context import open_context  # noqa: E402
from campdesk.sync import engine, target  # noqa: E402
from campdesk.sync.hub_init import init_hub  # noqa: E402
from campdesk.sync.runner import SyncRunner  # noqa: E402

COLUMNS = ("id", "occurred_at", "channel", "company_id", "category", "question", "outcome",
           "created_at", "updated_at", "archived")


def _url(admin: str, dbname: str) -> str:
    return psycopg.conninfo.make_conninfo(admin, dbname=dbname)


class Hub:
    def __init__(self, admin_url: str):
        self.admin = admin_url
        self.name = f"cd_bench_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(admin_url, autocommit=True) as c:
            c.execute(f'CREATE DATABASE "{self.name}"')
        self.url = _url(admin_url, self.name)
        with psycopg.connect(self.url) as c:
            init_hub(c)

    def drop(self) -> None:
        with psycopg.connect(self.admin, autocommit=True) as c:
            c.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


def _rows(n: int) -> list[tuple]:
    """New consultations as the app makes them (UUIDv7 ids, in time order)."""
    stamp = "2026-11-25 09:00:00.000000"
    return [(new_id(), stamp, "phone", None, "other", f"문의 {i} 입주 조건과 지원사업",
             "resolved", stamp, stamp, 0) for i in range(n)]


def _timed(fn, *args, **kwargs) -> float:
    started = time.perf_counter()
    fn(*args, **kwargs)
    return time.perf_counter() - started


def bench_changes(admin: str, n: int, runs: int = 3) -> dict:
    """Medians of ``runs`` rounds, each on a new hub, sync and references interleaved: one
    round on two cores varies by a third either way."""
    samples = [_changes_once(admin, n) for _ in range(runs)]
    out = {k: statistics.median(s[k] for s in samples) for k in samples[0]}
    out.update(runs=runs, ratio_vs_copy=out["sync_s"] / out["copy_s"],
               ratio_vs_executemany=out["sync_s"] / out["executemany_s"])
    return out


def _changes_once(admin: str, n: int) -> dict:
    hub = Hub(admin)
    tmp = Path(tempfile.mkdtemp(prefix="cd-bench-"))
    try:
        a, b = open_context(tmp / "a"), open_context(tmp / "b")
        hub_target = target.from_url(hub.url)
        for ctx in (a, b):
            engine.run(ctx.paths.database, hub_target)
        rows = _rows(n)
        marks = ", ".join("?" * len(COLUMNS))
        with a.db.engine.begin() as conn:  # captured by the triggers like any write
            conn.exec_driver_sql(f"INSERT INTO consultations ({', '.join(COLUMNS)}) "
                                 f"VALUES ({marks})", rows)
        push = _timed(engine.run, a.paths.database, hub_target)
        pull = _timed(engine.run, b.paths.database, hub_target)
        sync = push + pull
        copy, many = _bulk_references(hub.url, rows)
        return {"changes": n, "sync_s": sync, "push_round_s": push, "pull_round_s": pull,
                "copy_s": copy, "executemany_s": many}
    finally:
        hub.drop()


def _bulk_references(url: str, rows: list[tuple]) -> tuple[float, float]:
    hub_rows = [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], bool(r[9])) for r in rows]
    cols = ", ".join(COLUMNS)
    with psycopg.connect(url) as conn:
        conn.execute("CREATE TABLE bench_copy (LIKE consultations INCLUDING ALL)")
        conn.execute("CREATE TABLE bench_many (LIKE consultations INCLUDING ALL)")
        conn.commit()
        started = time.perf_counter()
        with conn.cursor().copy(f"COPY bench_copy ({cols}) FROM STDIN") as copy:
            for r in hub_rows:
                copy.write_row(r)
        conn.commit()
        copy_s = time.perf_counter() - started
        started = time.perf_counter()
        marks = ", ".join(["%s"] * len(COLUMNS))
        conn.cursor().executemany(f"INSERT INTO bench_many ({cols}) VALUES ({marks})", hub_rows)
        conn.commit()
        many_s = time.perf_counter() - started
    return copy_s, many_s


def bench_a_to_b(admin: str, repeats: int = 7) -> dict:
    hub = Hub(admin)
    tmp = Path(tempfile.mkdtemp(prefix="cd-bench-"))
    try:
        a, b = open_context(tmp / "a"), open_context(tmp / "b")
        hub_target = target.from_url(hub.url)
        arrived = threading.Event()
        rounds: list[float] = []

        def timed_round(original):
            def run(*args, **kwargs):
                started = time.perf_counter()
                try:
                    return original(*args, **kwargs)
                finally:
                    rounds.append(time.perf_counter() - started)
            return run

        ra = SyncRunner(a.paths.database, lambda: hub_target, interval_s=60)
        rb = SyncRunner(b.paths.database, lambda: hub_target, interval_s=60,
                        on_synced=lambda rep: rep.pulled and arrived.set())
        ra.run_once = timed_round(ra.run_once)
        rb.run_once = timed_round(rb.run_once)
        for r in (ra, rb):
            r.start()
        time.sleep(1.5)
        totals, ours = [], []
        from campdesk.store.models import Company
        for i in range(repeats):
            arrived.clear()
            rounds.clear()
            started = time.perf_counter()
            with a.db.transaction() as s:
                s.add(Company(name=f"실시간 {i}", name_norm=f"실시간{i}"))
            ra.request_sync()
            if not arrived.wait(10):
                raise RuntimeError("change never arrived")
            totals.append(time.perf_counter() - started)
            ours.append(sum(rounds))
            time.sleep(0.3)
        for r in (ra, rb):
            r.stop()
        return {"end_to_end_median_s": statistics.median(totals), "end_to_end_max_s": max(totals),
                "sync_rounds_median_s": statistics.median(ours)}
    finally:
        hub.drop()


def bench_bootstrap(admin: str, source_home: Path | None) -> dict:
    hub = Hub(admin)
    tmp = Path(tempfile.mkdtemp(prefix="cd-bench-"))
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    try:
        if source_home is None:
            source_home = tmp / "source"
            subprocess.run([sys.executable, "-m", "campdesk", "--home", str(source_home), "demo",
                            "--scale", "large"], env=env, check=True, stdout=subprocess.DEVNULL)
        seed = tmp / "seed"
        seed.mkdir()
        shutil.copyfile(source_home / "campdesk.sqlite3", seed / "campdesk.sqlite3")
        upload = _timed(subprocess.run, [sys.executable, "-m", "campdesk", "--home", str(seed),
                                         "sync", "--hub", hub.url], env=env, check=True,
                        stdout=subprocess.DEVNULL)
        # VmHWM, not ru_maxrss: the latter is inherited from the parent across exec on Linux.
        script = ("import re, sys, time\n"
                  "from campdesk.sync.cli import main\n"
                  "t = time.perf_counter()\n"
                  "code = main(['--home', sys.argv[1], 'sync', '--hub', sys.argv[2]])\n"
                  "hwm = re.search(r'VmHWM:\\s+(\\d+)', open('/proc/self/status').read()).group(1)\n"
                  "print(time.perf_counter() - t, hwm)\n")
        out = subprocess.run([sys.executable, "-c", script, str(tmp / "fresh"), hub.url],
                             env=env, check=True, capture_output=True, text=True).stdout
        seconds, rss_kb = out.strip().splitlines()[-1].split()
        with psycopg.connect(hub.url) as conn:
            rows = conn.execute("SELECT count(*) FROM sync_row").fetchone()[0]
        return {"rows": rows, "upload_first_pc_s": upload, "bootstrap_s": float(seconds),
                "bootstrap_peak_rss_mb": int(rss_kb) / 1024}
    finally:
        hub.drop()


DEFAULT_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def run() -> list:
    """For ``bench/run.py``: the three sync rows of the budget table (docs/PERFORMANCE.md)."""
    from common import Result, large_home

    admin = os.environ.get("CAMPDESK_TEST_PG", DEFAULT_ADMIN)
    c = bench_changes(admin, 10_000)
    d = bench_a_to_b(admin)
    b = bench_bootstrap(admin, large_home())
    return [
        Result("sync 10,000 changes (push+pull+merge), median of 3",
               f"{c['sync_s']:.2f} s = {c['ratio_vs_executemany']:.1f}x executemany "
               f"({c['ratio_vs_copy']:.0f}x COPY)", "<= 3x a bulk insert",
               c["ratio_vs_executemany"] <= 3),
        Result("one change PC A -> PC B",
               f"{d['end_to_end_median_s'] * 1000:.0f} ms, "
               f"{d['sync_rounds_median_s'] * 1000:.0f} ms in CampDesk",
               "<= 2 s, <= 200 ms in CampDesk",
               d["end_to_end_median_s"] <= 2 and d["sync_rounds_median_s"] <= 0.2),
        Result(f"bootstrap a new PC ({b['rows']:,} rows)",
               f"{b['bootstrap_s']:.1f} s, peak {b['bootstrap_peak_rss_mb']:.0f} MB RSS",
               "(reported)", None),
    ]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--admin-url", default=os.environ.get("CAMPDESK_TEST_PG", DEFAULT_ADMIN))
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--skip-bootstrap", action="store_true")
    parser.add_argument("--large-home", type=Path, help="a data dir with `demo --scale large`")
    args = parser.parse_args()
    c = bench_changes(args.admin_url, args.changes)
    print(f"sync of {c['changes']:,} changes, median of {c['runs']}: {c['sync_s']:.2f} s "
          f"(push round {c['push_round_s']:.2f} s, pull round on another PC {c['pull_round_s']:.2f} s)")
    print(f"  bulk insert of the same rows: COPY {c['copy_s']:.3f} s, "
          f"executemany {c['executemany_s']:.3f} s")
    print(f"  ratio: {c['ratio_vs_copy']:.1f}x COPY, {c['ratio_vs_executemany']:.1f}x executemany "
          f"(budget <= 3x)")
    d = bench_a_to_b(args.admin_url)
    print(f"one change PC A -> PC B: median {d['end_to_end_median_s'] * 1000:.0f} ms, "
          f"max {d['end_to_end_max_s'] * 1000:.0f} ms end to end (budget 2 s); "
          f"CampDesk sync rounds {d['sync_rounds_median_s'] * 1000:.0f} ms (budget 200 ms)")
    if not args.skip_bootstrap:
        b = bench_bootstrap(args.admin_url, args.large_home)
        print(f"bootstrap of a new PC from the large set ({b['rows']:,} rows): "
              f"{b['bootstrap_s']:.1f} s, peak RSS {b['bootstrap_peak_rss_mb']:.0f} MB "
              f"(first PC's upload took {b['upload_first_pc_s']:.1f} s)")
    print(json.dumps({"changes": c, "a_to_b": d}, indent=1))


if __name__ == "__main__":
    main()
