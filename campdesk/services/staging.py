"""Rows an import has read and checked, kept on disk until they are written.

An import reads and checks its whole file first, without SQLite's write lock (another
program on this PC keeps saving meanwhile), then writes what it kept in one short
transaction. The checked rows wait in a temporary file, some hundreds to a pickle, so
memory stays flat whatever the file's size.
"""
from __future__ import annotations

import pickle
import tempfile
from typing import Any, Iterable, Iterator

CHUNK = 500  # rows pickled together


class Staged:
    """Items appended one by one, read back in order, in lists of up to :data:`CHUNK`."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="campdesk-import-")
        self._pending: list[Any] = []
        self._chunks = 0
        self.count = 0

    def append(self, item: Any) -> None:
        self._pending.append(item)
        self.count += 1
        if len(self._pending) >= CHUNK:
            self._spill()

    def _spill(self) -> None:
        if self._pending:
            pickle.dump(self._pending, self._file, protocol=pickle.HIGHEST_PROTOCOL)
            self._chunks += 1
            self._pending = []

    def chunks(self) -> Iterator[list[Any]]:
        """Every item appended, in order, a list at a time (read once)."""
        self._spill()
        self._file.seek(0)
        for _ in range(self._chunks):
            yield pickle.load(self._file)

    def __iter__(self) -> Iterator[Any]:
        for chunk in self.chunks():
            yield from chunk

    def close(self) -> None:
        self._file.close()

    def __enter__(self) -> Staged:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def read_first(rows: Iterable[Any]) -> Staged:
    """Every row read now (a file's, before the import opens its write transaction), kept
    on disk until it is iterated."""
    staged = Staged()
    try:
        for row in rows:
            staged.append(row)
    except BaseException:
        staged.close()
        raise
    return staged
