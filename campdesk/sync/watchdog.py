"""A deadline on every call to the hub, whatever the network does.

A connection whose packets just stop (a Wi-Fi or switch drop: a half-open connection)
blocks a read until the operating system gives up, two hours later by default. TCP
keepalives (see ``hub.connect``) notice a dead peer, but not a path where something still
answers for it (a proxy, a VPN endpoint) yet forwards nothing. So each call to the hub runs
under a watch: if it has not answered within ``limit_s``, its socket is shut down from this
thread, the blocked call fails at once, and the caller reports the hub as unreachable.
"""
from __future__ import annotations

import os
import socket
import threading
import time
from contextlib import contextmanager
from typing import Iterator

CALL_LIMIT_S = 20.0  # no single call to the hub takes this long on a live network


class _Watch:
    __slots__ = ("fd", "deadline", "group", "expired")

    def __init__(self, fd: int, deadline: float, group: object):
        self.fd, self.deadline, self.group, self.expired = fd, deadline, group, False


class Watchdog:
    """One thread for the whole process, started at the first watch."""

    def __init__(self, tick_s: float = 0.25):
        self._tick = tick_s
        self._watches: set[_Watch] = set()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @contextmanager
    def watch(self, fd: int, limit_s: float = CALL_LIMIT_S, group: object = None
              ) -> Iterator[_Watch]:
        """Cut the connection on socket ``fd`` if the block takes longer than ``limit_s``;
        ``expired`` on the yielded watch says whether it was cut. ``group``: whose call it
        is (a sync runner), for :meth:`cut_group`."""
        entry = _Watch(fd, time.monotonic() + limit_s, group)
        with self._lock:
            self._watches.add(entry)
            self._start()
        try:
            yield entry
        finally:
            with self._lock:
                self._watches.discard(entry)

    def cut_group(self, group: object) -> int:
        """Cut the watched calls of ``group`` now (its hub is known to be gone); how many."""
        with self._lock:
            entries = [w for w in self._watches if w.group is group]
        for entry in entries:
            self._cut(entry)
        return len(entries)

    def _start(self) -> None:
        if self._thread is None or not self._thread.is_alive():
            self._thread = threading.Thread(target=self._run, name="campdesk-hub-watchdog",
                                            daemon=True)
            self._thread.start()

    def _run(self) -> None:
        while True:
            time.sleep(self._tick)
            now = time.monotonic()
            with self._lock:
                due = [w for w in self._watches if w.deadline <= now and not w.expired]
                if not self._watches:
                    self._thread = None
                    return
            for entry in due:
                self._cut(entry)

    @staticmethod
    def _cut(entry: _Watch) -> None:
        entry.expired = True
        try:
            # A duplicate of the descriptor: shutting it down ends the connection for the
            # blocked reader too, without closing the number psycopg still holds.
            sock = socket.socket(fileno=os.dup(entry.fd))
        except OSError:
            return
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        finally:
            sock.close()


WATCHDOG = Watchdog()
