"""A small TCP proxy between a PC and PostgreSQL that can cut connections on demand.

``cut_after(up=N)`` drops every connection once N bytes went from client to server
(mid-transaction, mid-COMMIT, depending on N); ``down=N`` likewise for the answers.
"""
from __future__ import annotations

import socket
import threading


class CuttingProxy:
    def __init__(self, target_host: str = "127.0.0.1", target_port: int = 5432):
        self.target = (target_host, target_port)
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(16)
        self.port = self.server.getsockname()[1]
        self.limits = {"up": None, "down": None}
        self.cuts = 0
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, up: int | None = None, down: int | None = None) -> None:
        self.limits = {"up": up, "down": down}

    def cut_all(self) -> None:
        with self._lock:
            for s in self._sockets:
                _shut(s)
            self._sockets.clear()

    def close(self) -> None:
        self._closed = True
        _shut(self.server)
        self.cut_all()

    def _accept(self) -> None:
        while not self._closed:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            upstream = socket.create_connection(self.target)
            with self._lock:
                self._sockets += [client, upstream]
            counter = {"up": 0, "down": 0}
            pair = (client, upstream)
            threading.Thread(target=self._pump, args=(client, upstream, "up", counter, pair),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, "down", counter, pair),
                             daemon=True).start()

    def _pump(self, src, dst, direction, counter, pair) -> None:
        try:
            while data := src.recv(65536):
                limit = self.limits[direction]
                if limit is not None and counter[direction] + len(data) > limit:
                    keep = max(0, limit - counter[direction])
                    if keep:
                        dst.sendall(data[:keep])
                    self.cuts += 1
                    break
                counter[direction] += len(data)
                dst.sendall(data)
        except OSError:
            pass
        for s in pair:
            _shut(s)


def _shut(s: socket.socket) -> None:
    try:
        s.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    try:
        s.close()
    except OSError:
        pass
