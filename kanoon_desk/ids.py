"""Identifiers born where the row is born (UUIDv7) and the hybrid logical clock that orders events."""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable

import uuid_utils


def new_id() -> str:
    """A UUIDv7 as text: unique across desks, roughly time ordered, never an autoincrement."""
    return str(uuid_utils.uuid7())


#: A centre's code is its office's code and this many digits (1301 under 13).
CENTRE_DIGITS = 2


def is_centre_of(code: str, office_code: str) -> bool:
    """Whether `code` is a centre of office `office_code`: the office's code and exactly two
    digits (1301 under 13). Office codes differ in length (1 to 8 characters), so a prefix alone
    would make office 13 a centre of office 1."""
    tail = code[len(office_code):]
    return (bool(office_code) and code.startswith(office_code) and len(tail) == CENTRE_DIGITS
            and tail.isascii() and tail.isdigit())


# An HLC stamp is one integer: physical milliseconds in the high bits, a logical counter in the
# low 16 bits. Integers compare, index and travel (JSON) without a custom type.
COUNTER_BITS = 16
COUNTER_MASK = (1 << COUNTER_BITS) - 1
MAX_DRIFT_MS = 5 * 60 * 1000  # a device clock further off than this gets a visible warning


def elapsed_s() -> float:
    """Seconds on a clock that never goes back and runs on while the computer sleeps.

    `time.monotonic` stops while a laptop is suspended on Linux and macOS: a time carried forward
    on it stood still through the night, and the wall clock, right all along, looked stepped
    forward by the hours asleep. Linux: CLOCK_BOOTTIME; macOS: CLOCK_MONOTONIC (which counts
    sleep there); Windows: `time.monotonic` (it counts sleep there)."""
    if sys.platform.startswith("linux"):
        return time.clock_gettime(time.CLOCK_BOOTTIME)
    if sys.platform == "darwin":
        return time.clock_gettime(time.CLOCK_MONOTONIC)
    return time.monotonic()


def hlc_pack(millis: int, counter: int) -> int:
    return (millis << COUNTER_BITS) | (counter & COUNTER_MASK)


def hlc_millis(stamp: int) -> int:
    return stamp >> COUNTER_BITS


def hlc_counter(stamp: int) -> int:
    return stamp & COUNTER_MASK


#: The largest stamp both databases store (BIGINT): a clock never goes past it.
MAX_STAMP = 2**63 - 1
#: A stamp this far past the wall clock is no time at all (a behind clock is trusted to follow
#: the server's stamps, by years if its battery died; not by a century).
ABSURD_AHEAD_MS = 100 * 366 * 24 * 3600 * 1000


class HybridClock:
    """A hybrid logical clock (Kulkarni et al.): monotonic, close to wall time, merged on receive.

    Thread-safe; `last` can be seeded from the newest stamp in the store so that a restart (or a
    wall clock that went backwards) never issues an older stamp.

    Bounded by the clock it trusts: the server's, once a reply said its time (`merge` with
    `reference_ms`; carried forward on the monotonic clock (`elapsed_s`, which runs on while the
    computer sleeps), so a wall clock set right or wrong meanwhile does not move it), else this device's own wall clock. It never follows a stamp from
    elsewhere more than `max_ahead_ms` ahead of that: one event stamped far in the future (a desk
    whose clock was a year ahead, a stamp near the integers' end) would otherwise drag every clock
    that saw it along, until their stamps ran past what the databases store. Such a stamp is not
    followed (`refused_ahead_ms` says by how far it was ahead). And a stamp of its own that far
    ahead of the server's time, while this computer's wall clock is right (it was set right after
    running ahead), is dropped: its next events are stamped by the wall clock again, not refused by
    the server until the wall clock catches up a year later. A clock behind the server's follows
    the server's stamps as a hybrid clock does, by years if it must (a dead battery).
    """

    def __init__(self, last: int = 0, wall: Callable[[], int] | None = None, *,
                 max_ahead_ms: int = MAX_DRIFT_MS, monotonic: Callable[[], float] | None = None) -> None:
        self._last = last
        self._wall = wall or (lambda: time.time_ns() // 1_000_000)
        self._monotonic = monotonic or elapsed_s
        self._lock = threading.Lock()
        self.max_ahead_ms = max_ahead_ms
        #: The server's wall clock (ms) at a moment of the monotonic clock (s), from its last reply.
        self._reference: tuple[int, float] | None = None
        #: How far (ms) ahead of the trusted clock the last stamp `merge` refused was; 0: none yet.
        self.refused_ahead_ms = 0
        #: How far (ms) this clock went back the last time it dropped a stamp of its own; 0: never.
        self.dropped_ahead_ms = 0

    @property
    def last(self) -> int:
        return self._last

    def trusted_ms(self) -> int | None:
        """The server's time now, as its last reply said it and the monotonic clock carried it
        forward; None before any reply."""
        if self._reference is None:
            return None
        at_ms, at_mono = self._reference
        return at_ms + int((self._monotonic() - at_mono) * 1000)

    def now(self) -> int:
        """A new stamp for a local event."""
        with self._lock:
            wall = self._wall()
            last = self._own_last(wall, self.trusted_ms())
            last_ms = hlc_millis(last)
            if wall > last_ms:
                stamp = hlc_pack(wall, 0)
            else:
                stamp = hlc_pack(last_ms, hlc_counter(last) + 1)
                if hlc_counter(stamp) == 0:  # counter overflow: borrow a millisecond
                    stamp = hlc_pack(last_ms + 1, 0)
            self._last = self._within_range(stamp, wall)
            return self._last

    def merge(self, remote: int, reference_ms: int | None = None) -> int:
        """Advance past a stamp seen from another desk or the server; returns the new stamp.

        `reference_ms` is the server's wall clock as its reply says it (kept as the trusted clock
        from now on). A remote stamp more than `max_ahead_ms` ahead of the trusted clock is not
        followed: the clock goes on from its own stamp, and `refused_ahead_ms` says by how much."""
        with self._lock:
            wall = self._wall()
            if reference_ms is not None:
                self._reference = (reference_ms, self._monotonic())
            trusted = self.trusted_ms()
            remote_ms = hlc_millis(remote)
            if remote_ms > (wall if trusted is None else trusted) + self.max_ahead_ms:
                self.refused_ahead_ms = remote_ms - (wall if trusted is None else trusted)
                remote, remote_ms = 0, 0
            last = self._own_last(wall, trusted)
            last_ms = hlc_millis(last)
            top = max(wall, last_ms, remote_ms)
            if top == last_ms == remote_ms:
                counter = max(hlc_counter(last), hlc_counter(remote)) + 1
            elif top == last_ms:
                counter = hlc_counter(last) + 1
            elif top == remote_ms:
                counter = hlc_counter(remote) + 1
            else:
                counter = 0
            if counter > COUNTER_MASK:
                top, counter = top + 1, 0
            self._last = self._within_range(hlc_pack(top, counter), wall)
            return self._last

    def _own_last(self, wall: int, trusted: int | None) -> int:
        """The stamp to go on from: the last one, unless it is far ahead of the server's time
        while the wall clock is not (the computer's clock was set right after running ahead)."""
        if trusted is None:
            return self._last
        bound = trusted + self.max_ahead_ms
        ahead = hlc_millis(self._last) - trusted
        if hlc_millis(self._last) > bound and wall <= bound:
            self.dropped_ahead_ms = ahead
            return 0
        return self._last

    def _within_range(self, stamp: int, wall: int) -> int:
        """A stamp that fits a BIGINT: a clock seeded near the end of the range or a century ahead
        (a stored stamp from before the bound) starts again from the wall clock rather than
        overflow or stamp events no server takes."""
        if stamp <= MAX_STAMP and hlc_millis(stamp) <= wall + ABSURD_AHEAD_MS:
            return stamp
        return hlc_pack(wall, 0)

    def skew_ms(self, remote_wall_ms: int) -> int:
        """How far this device's wall clock is from another's (positive: we are ahead)."""
        return self._wall() - remote_wall_ms
