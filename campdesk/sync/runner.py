"""Sync in the background: a thread with its own connections, never the UI thread.

It runs a round every ``interval_s`` seconds, at once when asked (``request_sync()``, e.g.
after a local save), and within a second when another PC pushes (``LISTEN campdesk_sync``
on a second thread). The listening connection also keeps watch on the hub: it is asked
something every few seconds, so a hub that went away (a cable pulled, Wi-Fi gone: packets
that just stop) is reported offline within ``ping_s`` + ``PING_LIMIT_S`` seconds, a round
stuck on it is cut at once, and the next round starts by itself as soon as the hub answers
again. Callbacks run on the runner's threads: a Qt caller re-emits them as queued signals.
"""
from __future__ import annotations

import logging
import threading
from typing import Callable

from campdesk.i18n import N_, _
from campdesk.sync import engine
from campdesk.sync.errors import HubUnreachable, NoPassword, SyncError
from campdesk.sync.hub import connect
from campdesk.sync.status import (ERROR, NEEDS_PASSWORD, NOT_CONFIGURED, OFFLINE, ONLINE,
                                  SYNCING, SyncStatus, read_status)
from campdesk.sync.target import HubTarget
from campdesk.sync.watchdog import WATCHDOG

log = logging.getLogger(__name__)
CHANNEL = "campdesk_sync"
DEBOUNCE_S = 0.2  # a burst of saves becomes one round
VERIFY_EVERY = 10  # rounds between full comparisons with the hub (and the first round)
PING_S = 3.0  # how often the listening connection asks the hub whether it is there
PING_LIMIT_S = 5.0  # how long the hub may take to answer that


class SyncRunner:
    def __init__(self, db_path, target: Callable[[], HubTarget | None], *, interval_s: float = 30,
                 on_status: Callable[[SyncStatus], None] | None = None,
                 on_synced: Callable[[engine.SyncReport], None] | None = None,
                 on_progress: Callable[[int, int], None] | None = None,
                 listen: bool = True, ping_s: float = PING_S):
        self.db_path = db_path
        self._target = target
        self.interval_s = interval_s
        self._on_status = on_status or (lambda status: None)
        self._on_synced = on_synced or (lambda report: None)
        self._on_progress = on_progress  # rows read / rows to read (a new PC's bootstrap)
        self._listen = listen
        self.ping_s = ping_s
        self._hub_lost = False  # the listening connection found the hub gone
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
    def _publish(self, state: str, message: str | SyncError | None = None) -> None:
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
            report = engine.run(self.db_path, target, progress=self._on_progress, group=self,
                                verify=self._rounds % VERIFY_EVERY == 0)
        except NoPassword as exc:
            self._publish(NEEDS_PASSWORD, exc)
            return None
        except HubUnreachable as exc:
            self._publish(OFFLINE, exc)
            return None
        except SyncError as exc:
            self._publish(ERROR, exc)
            return None
        self._rounds += 1
        self.site_id = None  # a round may have given this PC a new site id
        self._publish(ONLINE)
        if report.pushed or report.pulled or report.flagged or report.repaired or report.warnings:
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
        """Wake a round when another PC pushes; keep watch on the hub meanwhile."""
        while not self._stop.is_set():
            target = self._target()
            if target is None:
                self._stop.wait(self.interval_s)
                continue
            try:
                conn = connect(target.conninfo, target.password)
            except SyncError:  # offline (the round says why), or no password yet
                self._stop.wait(self.ping_s)
                continue
            try:
                if self._hub_lost:  # it is back: sync now, not at the next interval
                    self._hub_lost = False
                    self._wake.set()
                self._listen_on(conn)
            except Exception as exc:  # noqa: BLE001 - the hub went away
                self._lose_hub(exc)
            finally:
                conn.close()

    def _listen_on(self, conn) -> None:
        with WATCHDOG.watch(conn.pgconn.socket, PING_LIMIT_S):
            conn.execute(f"LISTEN {CHANNEL}")
        while not self._stop.is_set():
            for note in conn.notifies(timeout=self.ping_s):
                if note.payload != self._own_site():
                    self._wake.set()
            with WATCHDOG.watch(conn.pgconn.socket, PING_LIMIT_S) as watch:
                try:
                    conn.execute("SELECT 1")
                except Exception:
                    if watch.expired:
                        raise HubUnreachable(
                            N_("허브가 {seconds}초 동안 응답하지 않습니다. 네트워크를 확인해 주세요. "
                               "오프라인으로 계속 작업하며, 연결되면 바로 다시 동기화합니다."),
                            seconds=f"{PING_LIMIT_S:.0f}") from None
                    raise

    def _lose_hub(self, exc: Exception) -> None:
        """The hub stopped answering: say so now, and cut the round waiting on it."""
        if self._stop.is_set():
            return
        self._hub_lost = True
        WATCHDOG.cut_group(self)
        message = exc if isinstance(exc, SyncError) else _(
            "허브와의 연결이 끊어졌습니다. 오프라인으로 계속 작업하며, 연결되면 바로 다시 동기화합니다.")
        self._publish(OFFLINE, message)
        self._stop.wait(self.ping_s)

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
