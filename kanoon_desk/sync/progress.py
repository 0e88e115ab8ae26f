"""How far a running round is, and a clerk's «توقف»: what the sync client tells as it goes and
where it checks whether to stop. Qt-free: the UI hands in a callback (it emits a signal to the GUI
thread) and sets `RoundControl.stop()` from there."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import NamedTuple

from . import errors as e

#: What a round is doing (`Progress.stage`).
PUSH, PULL, SNAPSHOT, UPLOAD, DOWNLOAD = "push", "pull", "snapshot", "upload", "download"


class Progress(NamedTuple):
    """One step of a round: `done` of `total` events (a total of 0: not known), or of a file
    `name` (`done` and `total` in bytes) while it moves."""

    stage: str
    done: int
    total: int = 0
    name: str = ""


class RoundControl:
    """Shared by a round (the sync thread) and whoever watches it (the GUI thread).

    `stop()` asks the round to stop; the round checks (`checkpoint`) only where stopping loses
    nothing: before each request or file chunk, after the one before was booked (a pulled page and
    its cursor are one transaction, an upload resumes from what the server holds)."""

    def __init__(self, on_progress: Callable[[Progress], None] | None = None) -> None:
        self._stop = threading.Event()
        self._on_progress = on_progress

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def checkpoint(self) -> None:
        """Stop here when asked to (`errors.Stopped`)."""
        if self._stop.is_set():
            raise e.Stopped(e.MSG_STOPPED, "stopped by the user")

    def tell(self, stage: str, done: int, total: int = 0, name: str = "") -> None:
        if self._on_progress is not None:
            self._on_progress(Progress(stage, done, total, name))
