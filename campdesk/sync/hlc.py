"""Hybrid logical clock values as text: ``<16 hex digits>:<site id>``.

The 64-bit number is ``milliseconds << 16 | counter``. Fixed-width hex makes plain text
comparison (bytewise, ``COLLATE "C"`` on the hub) order clocks by time, then by site id,
which is the deterministic tie-break every replica agrees on.
"""
from __future__ import annotations

import re
from typing import Iterable

COUNTER_BITS = 16
TOLERANCE_MS = 5 * 60 * 1000  # how far ahead of the hub's time a PC's clock may be
_WELL_FORMED = re.compile(r"[0-7][0-9a-f]{15}:")


def make(hlc: int, site: str) -> str:
    return f"{hlc:016x}:{site}"


def value(clock: str) -> int:
    return int(clock.split(":", 1)[0], 16)


def site(clock: str) -> str:
    return clock.split(":", 1)[1]


def millis(hlc: int) -> int:
    return hlc >> COUNTER_BITS


def from_millis(ms: int) -> int:
    return ms << COUNTER_BITS


def latest(clocks: Iterable) -> int:
    """The highest value among well-formed clocks (0 if none): a malformed one, or one
    beyond 63 bits, is not a clock and is passed over, never raised."""
    clocks = list(clocks)
    try:
        best = max(filter(None, clocks), default="")  # the usual case: all are clocks
        if not best or _WELL_FORMED.match(best):
            return value(best) if best else 0
    except TypeError:  # something that is not text among them
        pass
    good = [c for c in clocks if isinstance(c, str) and _WELL_FORMED.match(c)]
    return value(max(good)) if good else 0
