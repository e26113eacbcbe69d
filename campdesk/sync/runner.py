"""Sync in the background: a thread with its own connections, never the UI thread.

It runs a round every ``interval_s`` seconds, at once when asked (``request_sync()``, e.g.
after a local save), and within a second when another PC pushes (``LISTEN campdesk_sync``
on a second thread). Callbacks run on the runner's threads: a Qt caller re-emits them as
queued signals.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from campdesk.sync import engine
from campdesk.sync.errors import HubUnreachable, SyncError
from campdesk.sync.hub import connect
from campdesk.sync.status import ERROR, NOT_CONFIGURED, OFFLINE, ONLINE, SYNCING, SyncStatus, read_status
from campdesk.sync.target import HubTarget

log = logging.getLogger(__name__)
CHANNEL = "campdesk_sync"
DEBOUNCE_S = 0.2  # a burst of saves becomes one round
VERIFY_EVERY = 10  # rounds between full comparisons with the hub (and the first round)


class SyncRunner:
    def __init__(self, db_path, target: Callable[[], HubTarget | None], *, interval_s: float = 30,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_synced: Callable[[engine.SyncReport], None] | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 listen: bool = True):
        self.db_path = db_path
        self._target = target
        self.interval_s = interval_s
        self._on_status = on_status or (lambda status: None)
        self._on_synced = on_synced or (lambda report: None)
        self._on_progress = on_progress  # rows read / rows to read (a new PC's bootstrap)
        self._listen = listen
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []
        self.site_id: str | None = None
        self.state = OFFLINE
        self._rounds = 0

    # -- control (any thread) ----------------------------------------------------------
    def start(self) -> None:
        self._threads = [threading.Thread(target=self._loop, name="campdesk-sync", daemon=True)]
        if self._listen:
            self._threads.append(
                threading.Thread(target=self._listen_loop, name="campdesk-listen", daemon=True))
        for t in self._threads:
            t.start()

    def request_sync(self) -> None:
        self._wake.set()

    def stop(self, timeout: float = 10) -> None:
        self._stop.set()
        self._wake.set()
        for t in self._threads:
            t.join(timeout)

    # -- the rounds --------------------------------------------------------------------
    def _publish(self, state: str, message: str | None = None) -> None:
        self.state = state
        try:
            self._on_status(read_status(self.db_path, state, message))
        except Exception:  # noqa: BLE001 - a status read must never stop sync
            log.exception("could not read sync status")

    def run_once(self) -> engine.SyncReport | None:
        target = self._target()
        if target is None:
            self._publish(NOT_CONFIGURED)
            return None
        self._publish(SYNCING)
        try:
            report = engine.run(self.db_path, target, progress=self._on_progress,
                                verify=self._rounds % VERIFY_EVERY == 0)
        except HubUnreachable as exc:
            self._publish(OFFLINE, str(exc))
            return None
        except SyncError as exc:
            self._publish(ERROR, str(exc))
            return None
        self._rounds += 1
        self._publish(ONLINE)
        if report.pushed or report.pulled or report.flagged or report.repaired:
            self._on_synced(report)
        return report

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                self.run_once()
            except Exception as exc:  # noqa: BLE001 - keep the thread alive, show the error
                log.exception("sync round failed")
                self._publish(ERROR, str(exc))
            self._wake.wait(self.interval_s)
            if self._stop.is_set():
                return
            self._stop.wait(DEBOUNCE_S)
            self._wake.clear()

    def _listen_loop(self) -> None:
        while not self._stop.is_set():
            target = self._target()
            if target is None:
                self._stop.wait(self.interval_s)
                continue
            try:
                with connect(target.conninfo, target.password) as conn:
                    conn.execute(f"LISTEN {CHANNEL}")
                    while not self._stop.is_set():
                        for note in conn.notifies(timeout=1.0):
                            if note.payload != self._own_site():
                                self._wake.set()
            except Exception:  # noqa: BLE001 - offline: try again later
                self._stop.wait(self.interval_s)

    def _own_site(self) -> str | None:
        if self.site_id is None:
            try:
                self.site_id = read_site(self.db_path)
            except Exception:  # noqa: BLE001
                return None
        return self.site_id


def read_site(db_path) -> str:
    import sqlite3

    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        return conn.execute("SELECT site_id FROM sync_state").fetchone()[0]
    finally:
        conn.close()
