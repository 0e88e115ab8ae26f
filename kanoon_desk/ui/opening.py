"""Opening the store without a blank screen: the first start of a new version on a big store
migrates it and makes its search keys again once (`Store`: `upgrade`, `eventlog.refold_once`),
seconds to minutes with nothing on screen. The store is opened on a thread while the event loop
runs; past a moment a small window says what is happening and for how long it has been."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

from ..store import Store, open_store
from .widgets import digits

__all__ = ["OPENING_NOTICE_MS", "OpeningWindow", "open_store_showing_progress"]

#: How long opening the store may take before the window says so (an ordinary start takes less).
OPENING_NOTICE_MS = 400


class OpeningWindow(QWidget):
    """«پایگاه داده باز می‌شود…»: a busy bar and the seconds gone, until the store is open; it is
    not closed by hand (the migration runs to its end either way, in one transaction each)."""

    def __init__(self, path: Path) -> None:
        super().__init__(None, Qt.WindowType.Dialog | Qt.WindowType.CustomizeWindowHint
                         | Qt.WindowType.WindowTitleHint)
        self.setObjectName("opening-store")
        self.setWindowTitle(self.tr("کانون دسک"))
        self.started = time.monotonic()
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("پایگاه داده این میز باز می‌شود…"))
        font = title.font()
        font.setBold(True)
        title.setFont(font)
        note = QLabel(self.tr("نخستین بار پس از به‌روزرسانی برنامه، پایگاه داده برای نسخه تازه آماده می‌شود؛ "
                              "روی پایگاه داده‌ای بزرگ این کار چند دقیقه طول می‌کشد. برنامه را نبندید."))
        note.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy: the steps of a migration do not say how far they are
        self.bar.setTextVisible(False)
        self.elapsed = QLabel()
        self.elapsed.setObjectName("opening-elapsed")
        for widget in (title, note, self.bar, self.elapsed):
            layout.addWidget(widget)
        path_label = QLabel(str(path))
        path_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        path_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        path_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        layout.addWidget(path_label)
        self.setMinimumWidth(460)
        self.tick()

    def tick(self) -> None:
        seconds = int(time.monotonic() - self.started)
        self.elapsed.setText(self.tr("{n} ثانیه گذشته است").format(n=digits(seconds)))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        event.ignore()  # (the store is still being opened: the window goes when it is)


def open_store_showing_progress(path: Path, opener: Callable[[Path], Store] = open_store) -> Store:
    """`opener(path)` (`open_store`) on a thread while the event loop runs; when it takes longer
    than OPENING_NOTICE_MS an `OpeningWindow` is shown until it ends. What the open raises
    (`NewerStoreError`, a damaged file) is raised here, as `open_store` raised it."""
    done = threading.Event()
    got: dict[str, Store | BaseException] = {}

    def work() -> None:
        try:
            got["store"] = opener(path)
        except BaseException as exc:  # (raised again on the GUI thread below)
            got["error"] = exc
        finally:
            done.set()

    thread = threading.Thread(target=work, name="open-store", daemon=True)
    thread.start()
    if not done.wait(OPENING_NOTICE_MS / 1000):
        window = OpeningWindow(path)
        window.show()
        loop = QEventLoop()
        timer = QTimer()
        timer.setInterval(100)

        def poll() -> None:
            window.tick()
            if done.is_set():
                loop.quit()

        timer.timeout.connect(poll)
        timer.start()
        if not done.is_set():
            loop.exec()
        timer.stop()
        window.hide()
        window.deleteLater()
    thread.join()
    error = got.get("error")
    if isinstance(error, BaseException):
        raise error
    store = got["store"]
    assert isinstance(store, Store)
    return store
