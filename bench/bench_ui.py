"""What the app's own Qt set-up (`ensure_app`) costs a list it paints.

``ui.table_repaint`` — one repaint of a 1200 × 800 table of 2,000 rows × 8 columns of Persian
text in the app as run (`ensure_app`, its focus ring installed); floor: the same table drawn by a
bare Fusion style of its own, in the same process.

Measured once the first time (small size, a loaded two-CPU machine), before the changes this
guards: with the focus ring's Python style as the whole app's style the table repainted 1.56×
slower than bare (17 vs 11 ms); the screen-reader naming of dialogs, then an application-wide
Python event filter, doubled the cost of dispatching any event (1.99×). The ring is now given only
to the buttons the keyboard reaches, and dialogs name themselves as they are shown
(`accessible.NamedDialog`), so this stays near 1×.
"""

from __future__ import annotations

import os

from bench.runner import BenchContext, Benchmark

#: rows × columns of the table painted
ROWS, COLUMNS = 2000, 8


def benchmarks(ctx: BenchContext) -> list[Benchmark]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QStyleFactory, QTableView

    from kanoon_desk.ui.app import ensure_app

    app = ensure_app()
    model = QStandardItemModel(ROWS, COLUMNS)
    for r in range(ROWS):
        for c in range(COLUMNS):
            model.setItem(r, c, QStandardItem(f"ردیف {r:,} ستون {c}"))
    as_run, bare = QTableView(), QTableView()
    bare_style = QStyleFactory.create("Fusion")
    bare.setStyle(bare_style)
    for view in (as_run, bare):
        view.setModel(model)
        view.resize(1200, 800)
        view.show()
    app.processEvents()

    def run() -> None:
        as_run.viewport().repaint()

    def floor() -> None:
        bare.viewport().repaint()

    return [Benchmark("ui.table_repaint", "ms", run, floor, repeat=40, warmup=3)]
