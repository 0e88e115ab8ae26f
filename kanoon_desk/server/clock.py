"""The server's time while it runs: the wall clock, never going back.

The server checks its clock as it starts (`exchange.clock_behind`: a clock behind the events it
stored refuses to start). A clock that goes back while it runs (an NTP step, a virtual machine
put back to a snapshot, the date set by hand) was not caught: the server then refused every
desk's new work as stamped ahead of it (refusals no desk sends again), told the desks their
clocks were wrong, and stamped the events it received, the devices' last contact and the
enrolment codes' expiry back in time. So the server's time is its wall clock carried forward on
the monotonic clock: a step back of more than `STEP_BACK_MS` is not followed (the time goes on
from where it was) and is logged once as a warning (`server.clock_went_back`, by how much); when
the wall clock reaches the server's time again it is followed again (`server.clock_caught_up`).
A step forward is followed at once. Its stamps (`server_seq` from the database's counter, the
hybrid clock's stamps) never went back: they are monotonic of their own."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from . import logs

#: A wall clock this far behind the server's time went back (NTP's own corrections are slewed
#: or stepped by less).
STEP_BACK_MS = 1000


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerTime:
    """The wall clock in ms, never less than it was a moment before (as the monotonic clock
    carries it forward)."""

    def __init__(self, wall: Callable[[], int] = _wall_ms, monotonic: Callable[[], float] = time.monotonic) -> None:
        self.wall, self.monotonic = wall, monotonic
        self._lock = threading.Lock()
        #: the server's time (ms) at a moment of the monotonic clock (s)
        self._at: tuple[int, float] | None = None
        #: how far (ms) the wall clock was behind the server's time when it went back; 0: it is not
        self.behind_ms = 0
        self._last = 0

    def now_ms(self) -> int:
        with self._lock:
            wall, mono = self.wall(), self.monotonic()
            if self._at is None:
                self._at, self._last = (wall, mono), wall
                return wall
            carried = self._at[0] + int((mono - self._at[1]) * 1000)
            if wall >= carried - STEP_BACK_MS:
                if self.behind_ms:
                    logs.event("server.clock_caught_up", logging.WARNING, behind_ms=self.behind_ms)
                    self.behind_ms = 0
                self._at = (wall, mono)
                self._last = max(wall, self._last)  # (a step back within STEP_BACK_MS waited out)
                return self._last
            if not self.behind_ms:
                logs.event("server.clock_went_back", logging.WARNING, behind_ms=carried - wall,
                           wall=_iso(wall), server_time=_iso(carried),
                           hint="the server goes on from its own time until the clock catches up; set the date "
                                "and time right (NTP) and restart the server if the clock was wrong before")
            self.behind_ms = max(self.behind_ms, carried - wall)
            self._last = max(carried, self._last)
            return self._last


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


#: The server process's time (`exchange.now_ms`, `server_models.utcnow`).
SERVER_TIME = ServerTime()


def now_ms() -> int:
    return SERVER_TIME.now_ms()


def utcnow() -> datetime:
    return datetime.fromtimestamp(now_ms() / 1000, UTC)
