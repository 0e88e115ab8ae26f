"""What the app's own Qt set-up (`ensure_app`) costs every widget: painting a list and dispatching events.

`ensure_app` gives the keyboard's focus ring (`ui/focus_ring.py`) and names every dialog for
screen readers through an application-wide event filter (`ui/accessible.py`). Both are Python
called from Qt, so both are measured against the same work with them taken away, in one process:

* ``ui.table_repaint`` — one repaint of a 1200 × 800 table of 2,000 rows × 8 columns of Persian
  text, in the app as run; floor: the same table with the app's filter removed.
* ``ui.event_dispatch`` — 2,000 events sent to an object, through the app's filter; floor: the
  same events with the filter removed (what every event of the app pays).
"""

from __future__ import annotations

import os

from bench.runner import BenchContext, Benchmark

#: rows × columns of the table painted
ROWS, COLUMNS = 2000, 8
#: events sent per timed call
EVENTS = 2000


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QTableView

    from kanoon_desk.ui.accessible import DialogNames
    from kanoon_desk.ui.app import ensure_app

    app = ensure_app()
    names = app.findChildren(DialogNames)[0]
    model = QStandardItemModel(ROWS, COLUMNS)
    for r in range(ROWS):
        for c in range(COLUMNS):
            model.setItem(r, c, QStandardItem(f"ردیف {r:,} ستون {c}"))
    view = QTableView()
    view.setModel(model)
    view.resize(1200, 800)
    view.show()
    app.processEvents()
    target = QObject()

    def without_filter(work: object) -> None:
        app.removeEventFilter(names)
        try:
            work()  # type: ignore[operator]
        finally:
            app.installEventFilter(names)

    def repaint() -> None:
        view.viewport().repaint()

    def send() -> None:
        for _ in range(EVENTS):
            QCoreApplication.sendEvent(target, QEvent(QEvent.Type.User))

    return [
        Benchmark("ui.table_repaint", "ms", repaint, lambda: without_filter(repaint), repeat=40, warmup=3),
        Benchmark("ui.event_dispatch", "ms", send, lambda: without_filter(send), repeat=30, warmup=2),
    ]
