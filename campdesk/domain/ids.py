"""Client-made primary keys: UUIDv7 (time-ordered) and UUIDv5 for natural keys."""
from __future__ import annotations

import os
import threading
import time
import uuid

_NAMESPACE = uuid.UUID("6f1c1f0e-6b8f-4c55-9d0e-3a0d6c2a9a11")
_lock = threading.Lock()
_last = [0, 0]  # last millisecond, counter within it


def new_id() -> str:
    """A UUIDv7 string: 48-bit Unix milliseconds, then a counter and random bits.

    Ids made on one PC sort by creation time, even within one millisecond.
    """
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last[0]:
            ms = _last[0]
            _last[1] += 1
        else:
            _last[0], _last[1] = ms, int.from_bytes(os.urandom(2), "big") & 0x3FF
        counter = _last[1] & 0xFFF
    rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
    value = (ms & ((1 << 48) - 1)) << 80 | 0x7 << 76 | counter << 64 | 0b10 << 62 | rand
    return str(uuid.UUID(int=value))


def natural_id(*parts: object) -> str:
    """A UUIDv5 of a natural key, so the same fact recorded on two PCs is one row."""
    return str(uuid.uuid5(_NAMESPACE, "\x1f".join(str(p) for p in parts)))
