"""Desktop app budgets (docs/PERFORMANCE.md) on the large data set.

- cold start to a usable main window vs a bare PySide6 main window, both in subprocesses
  (``shown``: window up and answering input; ``ready``: its first page has its data too);
- search as you type over the register, p95 per keystroke, initial consonants included;
- opening a company with its full history (worker round trip and widgets filled);
- resident memory with the large set open and every page visited.
"""
from __future__ import annotations

import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from common import ROOT, Result, fresh_copy, large_home, p95

BARE = textwrap.dedent("""
    import time, sys
    t0 = time.perf_counter()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
    app = QApplication(sys.argv)
    w = QMainWindow(); w.setCentralWidget(QLabel("CampDesk")); w.resize(1280, 760); w.show()
    def done():
        print("shown", time.perf_counter() - t0, flush=True); app.quit()
    QTimer.singleShot(0, done)
    app.exec()
""")

APP = "import sys; from campdesk.ui.app import run; sys.exit(run(sys.argv[1]))"

MEMORY = textwrap.dedent("""
    import sys, os, time
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication
    qapp = QApplication([])
    stall = [0.0, None]  # longest gap between 10 ms heartbeats: how long the UI froze
    def beat():
        now = time.perf_counter()
        if stall[1] is not None:
            stall[0] = max(stall[0], now - stall[1] - 0.010)
        stall[1] = now
    heart = QTimer(interval=10, timeout=beat)
    from campdesk.services.context import open_context
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.core.mainwindow import MainWindow
    ctx = open_context(sys.argv[1]); app = AppServices(ctx); win = MainWindow(app); win.start()
    from campdesk.ui.app import settle_memory
    settle_memory()  # as the app does once it has loaded
    QTimer.singleShot(0, heart.start)
    keys = [c.key for c in win.page_types]
    def visit(i=0):
        if app.ops.busy:
            return QTimer.singleShot(20, lambda: visit(i))
        if i == len(keys):
            page = win.page("consultations")            # the whole log: 200,000 ids
            page.period.setCurrentIndex(page.period.findData("all"))
            return QTimer.singleShot(50, finish)
        page = win.show_page(keys[i])
        if keys[i] == "companies" and page.model.rows:
            page.select(page.model.rows[0].id)
        QTimer.singleShot(50, lambda: visit(i + 1))
    def finish():
        if app.ops.busy:
            return QTimer.singleShot(20, finish)
        page = win.page("consultations"); page.table.scrollToBottom(); qapp.processEvents()
        rss = next(l for l in open("/proc/self/status") if l.startswith("VmRSS")).split()[1]
        print("rss_kb", rss, "log_rows", page.model.rowCount(), "stall_ms",
              round(stall[0] * 1000), flush=True)
        app.shutdown(); qapp.quit()
    QTimer.singleShot(0, visit)
    qapp.exec()
""")


def _env() -> dict:
    env = dict(os.environ, CAMPDESK_EXIT_WHEN_READY="1", PYTHONPATH=str(ROOT))
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def _lines(args: list[str]) -> dict[str, float]:
    """Seconds from spawning the process to each ``name …`` line it prints."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, env=_env(), cwd=ROOT)
    seen = {}
    for line in proc.stdout:
        if line.strip():
            seen.setdefault(line.split()[0], time.perf_counter() - t0)
    proc.wait()
    return seen


def cold_start(home: Path, runs: int = 5) -> list[Result]:
    bare, shown, ready, command = [], [], [], []
    for _ in range(runs):  # interleaved, so all see the same machine load
        bare.append(_lines(["-c", BARE])["shown"])
        app = _lines(["-c", APP, str(home)])
        shown.append(app["shown"])
        ready.append(app["ready"])
        command.append(_lines(["-m", "campdesk", "--home", str(home)])["shown"])
    b, s, r, c = (statistics.median(x) for x in (bare, shown, ready, command))
    return [
        Result("ui: bare PySide6 main window start", f"{b * 1000:.0f} ms", "reference"),
        Result("ui: cold start to a usable main window", f"{s * 1000:.0f} ms = {s / b:.1f}x bare",
               "<= 1.5x bare", s / b <= 1.5),
        Result("ui: cold start, first page with data", f"{r * 1000:.0f} ms = {r / b:.1f}x bare",
               "(informational)"),
        Result("ui: cold start via `campdesk` (CLI imports)", f"{c * 1000:.0f} ms = {c / b:.1f}x bare",
               "(informational)"),
    ]


def _wait(qapp, until, timeout: float = 10.0) -> None:
    end = time.perf_counter() + timeout
    while not until():
        qapp.processEvents()
        if time.perf_counter() > end:
            raise TimeoutError
        time.sleep(0.001)


def _commit(widget, text: str) -> None:
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


# What people type, one keystroke (or one finished syllable) at a time.
TYPED = ["ㄱㅈㅇㄱㅈㄴ", "광주인공지능", "빛고을", "ㅂㄱㅇ", "1248100998", "062-", "김민", "ai"]


def in_process(home: Path) -> list[Result]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication
    qapp = QApplication.instance() or QApplication([])
    from campdesk.services.context import open_context
    from campdesk.ui.core.appservices import AppServices
    from campdesk.ui.core.mainwindow import MainWindow
    ctx = open_context(home)
    app = AppServices(ctx)
    win = MainWindow(app)
    win.resize(1366, 768)
    win.show()
    page = win.show_page("companies")
    _wait(qapp, lambda: page.model.rowCount() > 0)
    from campdesk.ui.app import settle_memory
    settle_memory()  # as the app does once it has loaded
    samples = []
    for word in TYPED:
        page.search.clear()
        qapp.processEvents()
        for ch in word:
            t0 = time.perf_counter()
            _commit(page.search, ch)
            page.table.viewport().repaint()
            samples.append(time.perf_counter() - t0)
    page.search.clear()
    # The company with the longest history.
    with sqlite3.connect(ctx.paths.database) as db:  # the company with the longest history
        biggest_id = db.execute("SELECT company_id FROM consultations WHERE company_id IS NOT "
                                "NULL GROUP BY company_id ORDER BY count(*) DESC").fetchone()[0]
    biggest = page.model.rows[page.model.index_of(biggest_id)]
    opens = []
    for row in [biggest, *page.model.rows[:19]]:
        page.detail.bundle = None
        t0 = time.perf_counter()
        page.detail.show_company(row.id)
        _wait(qapp, lambda: page.detail.bundle is not None and page.detail.bundle.detail.id == row.id)
        page.detail.repaint()
        opens.append(time.perf_counter() - t0)
    page.detail.show_company(biggest.id)
    _wait(qapp, lambda: page.detail.bundle.detail.id == biggest.id)
    history = len(page.detail.bundle.timeline)
    app.shutdown()
    win.close()
    ctx.close()
    return [
        Result("ui: search as you type, p95 a keystroke", f"{p95(samples) * 1000:.1f} ms "
               f"({len(samples)} keys, 2,000 cos.)", "<= 30 ms", p95(samples) <= 0.030),
        Result("ui: open a company with full history", f"{opens[0] * 1000:.0f} ms ({history} "
               f"consult.); max of 20 {max(opens) * 1000:.0f} ms", "<= 100 ms", max(opens) <= 0.100),
    ]


def memory(home: Path) -> list[Result]:
    proc = subprocess.run([sys.executable, "-c", MEMORY, str(home)], capture_output=True,
                          text=True, env=_env(), cwd=ROOT, timeout=300)
    line = next(l for l in proc.stdout.splitlines() if l.startswith("rss_kb")).split()
    mb, stall = int(line[1]) / 1024, int(line[5])
    return [Result("ui: resident memory, large set open", f"{mb:.0f} MB (all pages, full log)",
                   "<= 250 MB", mb <= 250),
            Result("ui: longest UI freeze, visiting every page", f"{stall} ms (10 ms heartbeat)",
                   "<= 100 ms", stall <= 100)]


def in_subprocess(home: Path) -> list[Result]:
    """``in_process`` in a child, so its Qt objects die with it."""
    code = ("import sys, json, os; sys.path.insert(0, 'bench'); import bench_ui; "
            "from pathlib import Path; rs = bench_ui.in_process(Path(sys.argv[1])); "
            "print('RESULTS', json.dumps([r.__dict__ for r in rs]), flush=True); os._exit(0)")
    proc = subprocess.run([sys.executable, "-c", code, str(home)], capture_output=True,
                          text=True, env=_env(), cwd=ROOT, timeout=600)
    line = next(l for l in proc.stdout.splitlines() if l.startswith("RESULTS"))
    return [Result(**d) for d in json.loads(line.split(" ", 1)[1])]


def run() -> list[Result]:
    with tempfile.TemporaryDirectory() as tmp:
        home = fresh_copy(large_home(), Path(tmp) / "home")  # the app writes its window.ini
        return cold_start(home) + in_subprocess(home) + memory(home)


if __name__ == "__main__":
    for r in run():
        print(f"{r.what:<45} {r.measured:<40} {r.budget:<16} {r.verdict}")
