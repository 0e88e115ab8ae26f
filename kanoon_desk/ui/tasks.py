"""Run a service call off the GUI thread, then report back on it: the one helper every screen uses."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals

    @Slot()
    def run(self) -> None:
        try:
            result = self.fn()
        except BaseException as exc:  # reported on the GUI thread, never swallowed
            self.signals.failed.emit(exc)
        else:
            self.signals.done.emit(result)


class TaskRunner(QObject):
    """Runs callables on a thread pool; callbacks arrive on the GUI thread.

    Signals:
        busy(bool): True when the first job starts, False when the last one ends (status bar
            spinner).
    """

    busy = Signal(bool)

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)
        self._running = 0
        self._keep: set[_Signals] = set()
        #: tests and the screenshot command run jobs inline for determinism
        self.synchronous = synchronous
        #: set by `close()`: the screens that asked are gone, results are not handed back
        self.closed = False

    def close(self) -> None:
        """The session's window closed (log-out, quit): jobs still running finish in their thread
        (a service call commits as usual), but their callbacks, which would reach widgets that
        are being deleted, are not called; a failure is logged."""
        self.closed = True

    def run(self, fn: Callable[[], Any], *, on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
        if self.synchronous:
            try:
                result = fn()
            except BaseException as exc:
                self._fail(exc, on_error)
            else:
                if on_done:
                    on_done(result)
            return
        signals = _Signals()
        self._keep.add(signals)
        self._running += 1
        if self._running == 1:
            self.busy.emit(True)

        def finish() -> None:
            self._keep.discard(signals)
            self._running -= 1
            if self._running == 0:
                self.busy.emit(False)

        def done(result: Any) -> None:
            finish()
            if on_done and not self.closed:
                on_done(result)

        def failed(exc: BaseException) -> None:
            finish()
            if self.closed:
                log.error("background task failed after its window closed", exc_info=exc)
                return
            self._fail(exc, on_error)

        signals.done.connect(done)
        signals.failed.connect(failed)
        self._pool.start(_Job(fn, signals))

    def _fail(self, exc: BaseException, on_error: Callable[[BaseException], None] | None) -> None:
        if on_error is not None:
            on_error(exc)
        else:
            log.error("background task failed", exc_info=exc)
            raise exc

    def wait(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)


class Progressing(QObject):
    """How far a long background job is (an import of thousands of rows), and a person's «انصراف».

    The job (on a pool thread) calls `tell(done, total)` after each step; the GUI thread hears it
    through `progress` and may call `stop()`, after which `tell` returns False (the job stops where
    stopping loses nothing: a service rolls its transaction back). A job telling each of 40,000 rows
    would flood the GUI thread's queue with signals it cannot draw: `progress` is emitted at most
    every `EVERY_S` seconds, and always for the first and the last step.

    Signals:
        progress(int, int): (done, total) of the job, total 0 while it is not known yet; emitted from
            the job's thread, delivered on the GUI thread.
    """

    progress = Signal(int, int)

    #: the most often `progress` is emitted (s): a bar drawn more often than this only costs time
    EVERY_S = 0.05

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._stop = threading.Event()
        self._last = 0.0
        self._told: tuple[int, int] | None = None

    def stop(self) -> None:
        self._stop.set()

    @property
    def stopping(self) -> bool:
        return self._stop.is_set()

    def tell(self, done: int, total: int) -> bool:
        """Told by the job (any thread) after each step; False once `stop()` was called."""
        now = time.monotonic()
        first = self._told is None or (total != self._told[1])  # a new stage (reading, then checking)
        if first or done in (0, total) or now - self._last >= self.EVERY_S:
            self._last, self._told = now, (done, total)
            self.progress.emit(done, total)
        return not self._stop.is_set()
