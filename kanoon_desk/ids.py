"""Identifiers born where the row is born (UUIDv7) and the hybrid logical clock that orders events."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import uuid_utils


def new_id() -> str:
    """A UUIDv7 as text: unique across desks, roughly time ordered, never an autoincrement."""
    return str(uuid_utils.uuid7())


# An HLC stamp is one integer: physical milliseconds in the high bits, a logical counter in the
# low 16 bits. Integers compare, index and travel (JSON) without a custom type.
COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_DRIFT_MS = 5 * 60 * 1000  # a device clock further off than this gets a visible warning


def hlc_pack(millis: int, counter: int) -> int:
    return (millis << COUNTER_BITS) | (counter & COUNTER_MASK)


def hlc_millis(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def hlc_counter(stamp: int) -> int:
    return stamp & COUNTER_MASK


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): monotonic, close to wall time, merged on receive.

    Thread-safe; `last` can be seeded from the newest stamp in the store so that a restart (or a
    wall clock that went backwards) never issues an older stamp.
    """

    def __init__(self, last: int = 0, wall: Callable[[], int] | None = None) -> None:
        self._last = last
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._lock = threading.Lock()

    @property
    def last(self) -> int:
        return self._last

    def now(self) -> int:
        """A new stamp for a local event."""
        with self._lock:
            wall = self._wall()
            last_ms = hlc_millis(self._last)
            if wall > last_ms:
                stamp = hlc_pack(wall, 0)
            else:
                stamp = hlc_pack(last_ms, hlc_counter(self._last) + 1)
                if hlc_counter(stamp) == 0:  # counter overflow: borrow a millisecond
                    stamp = hlc_pack(last_ms + 1, 0)
            self._last = stamp
            return stamp

    def merge(self, remote: int) -> int:
        """Advance past a stamp seen from another desk or the server; returns the new stamp."""
        with self._lock:
            wall = self._wall()
            last_ms, remote_ms = hlc_millis(self._last), hlc_millis(remote)
            top = max(wall, last_ms, remote_ms)
            if top == last_ms == remote_ms:
                counter = max(hlc_counter(self._last), hlc_counter(remote)) + 1
            elif top == last_ms:
                counter = hlc_counter(self._last) + 1
            elif top == remote_ms:
                counter = hlc_counter(remote) + 1
            else:
                counter = 0
            if counter > COUNTER_MASK:
                top, counter = top + 1, 0
            self._last = hlc_pack(top, counter)
            return self._last

    def skew_ms(self, remote_wall_ms: int) -> int:
        """How far this device's wall clock is from another's (positive: we are ahead)."""
        return self._wall() - remote_wall_ms
