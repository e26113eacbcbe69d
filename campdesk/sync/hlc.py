"""Hybrid logical clock values as text: ``<16 hex digits>:<site id>``.

The 64-bit number is ``milliseconds << 16 | counter``. Fixed-width hex makes plain text
comparison (bytewise, ``COLLATE "C"`` on the hub) order clocks by time, then by site id,
which is the deterministic tie-break every replica agrees on.
"""
from __future__ import annotations

COUNTER_BITS = 16


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
