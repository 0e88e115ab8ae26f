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
hybrid clock's stamps) never went back: they are monotonic of their own.

A clock that ran *ahead* and was set right is a step back too. The server tells it from a clock
gone wrong by what came before: it saw the clock step *forward* (`server.clock_jumped`, a warning)
and the step back brings it to within `SET_RIGHT_MS` of where the clock was then, carried
forward on the monotonic clock. It then follows the clock back (`server.clock_set_right`, a
warning) as soon as that goes back on nothing it stamped: `stamped` (the app's: the newest
hybrid-clock stamp it gave or stored, in ms) not past the clock by more than `STEP_BACK_MS` (a
server left idle while it ran ahead: at once); until then it goes on from its own time as above.
It kept the wrong time until it was restarted, giving it to every desk (a desk trusts the
server's time). A clock already ahead when the server started (a computer booted with its
clock wrong, set right by NTP a minute later) had no step forward to be told by: the server kept
the wrong time until the clock caught up, an hour if it was an hour ahead, telling every desk its
clock was behind and stamping the devices' contact, the codes' expiry and its replies' hybrid
stamps (which the desks follow) in the hour ahead. A step back in the first `START_SET_RIGHT_S`
of the server's run sets the clock right as one after a step forward does (followed once nothing
was stamped past it). A step back it cannot tell so (a virtual machine put back to a snapshot,
a clock ahead when the server started set right later on) is not followed.

The monotonic clock the time is carried on runs on while the computer sleeps (`ids.elapsed_s`):
a laptop running the server, suspended overnight and woken, logged `server.clock_jumped` (a
warning: "the clock stepped forward" by the hours asleep, the wall clock right all along) and
took the morning's right time for a clock gone wrong. A sleep is logged as what it is
(`server.resumed`, information, how long it slept), compared with `awake`, a clock that stops
while the computer sleeps."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime

from ..ids import elapsed_s
from . import logs

#: A wall clock this far behind the server's time went back (NTP's own corrections are slewed
#: or stepped by less).
STEP_BACK_MS = 1000
#: A step back that lands this close to where the clock was before a step forward sets it right.
SET_RIGHT_MS = 60_000
#: A step back this soon (s) after the server started sets right a clock that was ahead then (NTP
#: steps a computer's clock within a minute or two of its start).
START_SET_RIGHT_S = 15 * 60


def _wall_ms() -> int:
    return time.time_ns() // 1_000_000


class ServerTime:
    """The wall clock in ms, never less than it was a moment before (as the monotonic clock
    carries it forward)."""

    def __init__(self, wall: Callable[[], int] = _wall_ms, monotonic: Callable[[], float] = elapsed_s,
                 stamped: Callable[[], int] | None = None, awake: Callable[[], float] | None = None) -> None:
        self.wall, self.monotonic = wall, monotonic
        #: a clock that stops while the computer sleeps (None: sleeps are not told apart in the log)
        self.awake = awake
        self._slept_at: float | None = None
        #: the monotonic clock (s) when the server first read its time
        self._started: float | None = None
        #: the newest time (ms) the server stamped (None: never follow the clock back)
        self.stamped = stamped
        self._lock = threading.Lock()
        #: the server's time (ms) at a moment of the monotonic clock (s)
        self._at: tuple[int, float] | None = None
        #: how far (ms) the wall clock was behind the server's time when it went back; 0: it is not
        self.behind_ms = 0
        self._last = 0
        #: where the clock was (ms, at a moment of the monotonic clock) before it stepped forward
        self._before_jump: tuple[int, float] | None = None
        #: a step back that set right a step forward, not followed yet (something was stamped past it)
        self._setting_right = False

    def now_ms(self) -> int:
        with self._lock:
            wall, mono = self.wall(), self.monotonic()
            self._note_sleep(mono)
            if self._at is None:
                self._at, self._last, self._started = (wall, mono), wall, mono
                return wall
            carried = self._at[0] + int((mono - self._at[1]) * 1000)
            if wall > carried + STEP_BACK_MS and not self.behind_ms:
                logs.event("server.clock_jumped", logging.WARNING, ahead_ms=wall - carried, wall=_iso(wall),
                           server_time=_iso(carried))
                if self._before_jump is None:
                    self._before_jump = (carried, mono)
            if wall >= carried - STEP_BACK_MS:
                if self.behind_ms:
                    logs.event("server.clock_caught_up", logging.WARNING, behind_ms=self.behind_ms)
                    self.behind_ms, self._setting_right = 0, False
                self._at = (wall, mono)
                self._last = max(wall, self._last)  # (a step back within STEP_BACK_MS waited out)
                return self._last
            if self._sets_right(wall, mono):
                newest = self._newest_stamp()
                if newest is not None and newest <= wall + STEP_BACK_MS:
                    logs.event("server.clock_set_right", logging.WARNING, back_ms=carried - wall,
                               wall=_iso(wall), server_time=_iso(carried), newest_stamp=_iso(newest),
                               hint="the clock ran ahead and was set right; nothing was stamped past it, so the "
                                    "server follows it")
                    self.behind_ms, self._setting_right, self._before_jump = 0, False, None
                    self._at, self._last = (wall, mono), wall
                    return wall
                self._setting_right = True
            if not self.behind_ms:
                logs.event("server.clock_went_back", logging.WARNING, behind_ms=carried - wall,
                           wall=_iso(wall), server_time=_iso(carried), set_right=self._setting_right,
                           hint="the clock ran ahead and was set right: the server follows it once the clock "
                                "passes the newest stamp it gave" if self._setting_right else
                                "the server goes on from its own time until the clock catches up; set the date "
                                "and time right (NTP)")
            self.behind_ms = max(self.behind_ms, carried - wall)
            self._last = max(carried, self._last)
            return self._last

    def _note_sleep(self, mono: float) -> None:
        """Log (once per sleep) how long the computer slept since the last reading."""
        if self.awake is None:
            return
        slept = mono - self.awake()  # grows only while the computer sleeps
        if self._slept_at is not None and (slept - self._slept_at) * 1000 > STEP_BACK_MS:
            logs.event("server.resumed", logging.INFO, slept_ms=int((slept - self._slept_at) * 1000),
                       hint="the computer slept (suspend) and woke; its clock was not changed")
        self._slept_at = slept

    def _sets_right(self, wall: int, mono: float) -> bool:
        """Whether the clock, gone back to `wall`, is where it was before it stepped forward, or
        soon after the server started (the clock was ahead then)."""
        if self._setting_right:
            return True
        if self._before_jump is None:  # (no step forward seen: the clock may have been ahead at the start)
            return self._started is not None and mono - self._started <= START_SET_RIGHT_S
        expected = self._before_jump[0] + int((mono - self._before_jump[1]) * 1000)
        return abs(wall - expected) <= SET_RIGHT_MS

    def _newest_stamp(self) -> int | None:
        if self.stamped is None:
            return None
        try:
            return self.stamped()
        except Exception:  # (the app's clock is read only here: never a reason to fail a request)
            return None


def _iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="seconds")


#: The server process's time (`exchange.now_ms`, `server_models.utcnow`).
SERVER_TIME = ServerTime(awake=lambda: time.monotonic())


def now_ms() -> int:
    return SERVER_TIME.now_ms()


def utcnow() -> datetime:
    return datetime.fromtimestamp(now_ms() / 1000, UTC)
