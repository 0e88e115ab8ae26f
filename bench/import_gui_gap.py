"""How long the window goes unanswered while a file is imported: 20,000 copies (5,000 titles
without an ISBN, four copies each) in one XLSX, previewed and imported into a fresh desk, once the
way the catalogue did it before (the services on the GUI thread, the window drawn between rows
every 50 ms, as its progress window did) and once as it does now (`CataloguePage.preview_import`,
`ImportDialog.commit`: a pool thread, progress by signal).

A 10 ms timer on the GUI thread notes when it fires; the longest gap between two firings is how
long the window was frozen (no repaint, no click taken). Printed: each path's longest gap and wall
time, and the ratios new/old, from one run on the same file. Not part of `python -m bench` (it
times no floor): run it as `QT_QPA_PLATFORM=offscreen python -m bench.import_gui_gap`.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from kanoon_desk.eventlog import Actor
    from kanoon_desk.store import Store

TITLES, COPIES_EACH = 5_000, 4


def _desk(path: Path) -> tuple[Store, Actor]:
    from kanoon_desk.services import accounts
    from kanoon_desk.store import Store

    store = Store(path)
    accounts.setup_desk(store, office_code="13", office_name="مرکز فرهنگی هنری شماره ۱", admin_username="admin",
                        admin_full_name="مدیر", admin_password="kanoon-bench-1", device_no=1)
    admin = accounts.login(store, "admin", "kanoon-bench-1")
    accounts.update_office(store, admin, kind="centre", name="مرکز فرهنگی هنری شماره ۱")
    return store, admin


def _sheet(path: Path) -> Path:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("کتاب‌ها")
    ws.append(["عنوان", "نویسنده", "بارکد", "قفسه"])
    for t in range(TITLES):
        for c in range(COPIES_EACH):
            ws.append([f"کتاب سنجش {t}", "نویسنده سنجش", f"GAP{t:05d}{c}", "B2"])
    wb.save(path)
    return path


class Ticks:
    """A 10 ms timer's firings on the GUI thread; `gap` the longest time between two of them."""

    def __init__(self) -> None:
        from PySide6.QtCore import QTimer

        self.times: list[float] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(lambda: self.times.append(time.perf_counter()))

    def run(self, work: Callable[[], None]) -> tuple[float, float]:
        """(longest gap, wall time) of `work`, in seconds."""
        self.times.clear()
        self.timer.start()
        start = time.perf_counter()
        self.times.append(start)
        work()
        end = time.perf_counter()
        self.times.append(end)
        self.timer.stop()
        return max(b - a for a, b in zip(self.times, self.times[1:], strict=False)), end - start


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QEventLoop, QSettings
    from PySide6.QtWidgets import QApplication

    from kanoon_desk.services import library_import as imp
    from kanoon_desk.ui.context import ChangeBus, UiContext
    from kanoon_desk.ui.library.catalogue import CataloguePage
    from kanoon_desk.ui.tasks import TaskRunner

    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp(prefix="kanoon-gap-"))
    sheet = _sheet(folder / "copies.xlsx")
    ticks = Ticks()

    old_store, old_admin = _desk(folder / "old.sqlite3")

    def old_way() -> None:  # the services on the GUI thread, the window drawn every 50 ms
        last = [time.perf_counter()]

        def progress(done: int, total: int) -> bool:
            if time.perf_counter() - last[0] >= 0.05:
                QCoreApplication.processEvents()
                last[0] = time.perf_counter()
            return True

        preview = imp.preview_import(old_store, old_admin, "titles", sheet, progress=progress)
        assert preview.ok
        imp.commit_import(old_store, old_admin, preview, progress=progress)

    new_store, new_admin = _desk(folder / "new.sqlite3")
    ctx = UiContext(new_store, new_admin, ChangeBus(), TaskRunner(),
                    QSettings(str(folder / "s.ini"), QSettings.Format.IniFormat))
    page = CataloguePage(ctx)

    def new_way() -> None:  # the page's own path: a pool thread, progress by signal
        loop = QEventLoop()
        got: list[Any] = []

        def arrived(value: Any) -> None:
            got.append(value)
            loop.quit()

        page.import_ready.connect(arrived)
        page.preview_import("titles", sheet)
        loop.exec()
        dialog = got[0]
        dialog.finished_writing.connect(arrived)
        dialog.commit()
        loop.exec()
        assert got[1] == TITLES * COPIES_EACH, got[1]

    old_gap, old_wall = ticks.run(old_way)
    new_gap, new_wall = ticks.run(new_way)
    ctx.tasks.wait()
    rows = TITLES * COPIES_EACH
    print(f"import of {rows:,} copies ({TITLES:,} titles) from XLSX, preview and write, one run:")
    print(f"  before (GUI thread):  longest unanswered {old_gap * 1000:8.0f} ms   wall {old_wall:6.1f} s")
    print(f"  now (pool thread):    longest unanswered {new_gap * 1000:8.0f} ms   wall {new_wall:6.1f} s")
    print(f"  ratio now/before:     longest unanswered {new_gap / old_gap:8.3f}      wall {new_wall / old_wall:6.2f}")
    del app


if __name__ == "__main__":
    main()
