"""A small TCP proxy between a PC and PostgreSQL that can cut connections on demand.

``cut_after(up=N)`` drops every connection once N bytes went from client to server
(mid-transaction, mid-COMMIT, depending on N); ``down=N`` likewise for the answers.
``freeze_after(up=N)`` / ``freeze()`` is the nastier network drop: packets just stop. The
connections stay open (the proxy's side still answers TCP), nothing is forwarded any more,
and new connections are accepted but go nowhere, until ``thaw()``; the frozen ones stay
dead, as half-open connections do.
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
        self.freeze_at: int | None = None
        self.frozen_ids: set[int] = set()
        self.freezing = False  # new connections go nowhere
        self._ids = 0
        self.cuts = 0
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        self._closed = False
        threading.Thread(target=self._accept, daemon=True).start()

    def cut_after(self, up: int | None = None, down: int | None = None) -> None:
        self.limits = {"up": up, "down": down}

    def freeze_after(self, up: int) -> None:
        self.freeze_at = up

    def freeze(self) -> None:
        with self._lock:
            self.freezing = True
            self.frozen_ids.update(range(1, self._ids + 1))

    def thaw(self) -> None:
        """New connections work again; the frozen ones stay dead."""
        self.freezing = False
        self.freeze_at = None

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
                self._ids += 1
                cid = self._ids
                if self.freezing:
                    self.frozen_ids.add(cid)
            counter = {"up": 0, "down": 0}
            pair = (client, upstream)
            threading.Thread(target=self._pump, args=(client, upstream, "up", counter, pair, cid),
                             daemon=True).start()
            threading.Thread(target=self._pump, args=(upstream, client, "down", counter, pair, cid),
                             daemon=True).start()

    def _pump(self, src, dst, direction, counter, pair, cid) -> None:
        try:
            while data := src.recv(65536):
                if direction == "up" and self.freeze_at is not None \
                        and counter["up"] + len(data) > self.freeze_at:
                    self.freeze()
                if cid in self.frozen_ids:
                    continue  # swallowed: the path is dead, the sockets stay open
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


class PasswordDemandingServer:
    """A stand-in for a PostgreSQL server that wants a password: it answers every
    connection with "send your password" (as md5/scram servers do), refuses any it is
    given, and closes."""

    def __init__(self):
        self.server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(8)
        self.port = self.server.getsockname()[1]
        self.asked = 0
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def url(self) -> str:
        return f"postgresql://kim@127.0.0.1:{self.port}/campdesk?sslmode=disable"

    def _serve(self) -> None:
        import struct

        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with client:
                try:
                    length = struct.unpack("!I", client.recv(4))[0]
                    client.recv(length - 4)  # the startup message
                    client.sendall(b"R" + struct.pack("!II", 8, 3))  # cleartext password, please
                    self.asked += 1
                    if client.recv(1024):  # a password came: it is the wrong one
                        fields = b"".join(k + v.encode() + b"\0" for k, v in (
                            (b"S", "FATAL"), (b"V", "FATAL"), (b"C", "28P01"),
                            (b"M", 'password authentication failed for user "kim"'))) + b"\0"
                        client.sendall(b"E" + struct.pack("!I", len(fields) + 4) + fields)
                except (OSError, struct.error):
                    pass

    def close(self) -> None:
        _shut(self.server)
