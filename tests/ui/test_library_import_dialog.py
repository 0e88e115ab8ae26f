"""The import's preview and progress: the file's columns under its own headings, a long error cut
to its column (whole in its tip) beside them; a long import (thousands of rows) shows its progress,
«ردیف n از m», and «انصراف» stops it: the preview stopped says so under the list, the import
stopped writes nothing and can be started again. The work runs on a pool thread: the window is drawn
and answers meanwhile, and it is not closed mid-write without asking."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QPushButton
from sqlalchemy import func, select

from kanoon_desk.models.events import Event
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store
from kanoon_desk.ui.library.catalogue import CataloguePage
from kanoon_desk.ui.tasks import Progressing, TaskRunner
from kanoon_desk.ui.widgets import digits
from tests.library_helpers import Lib, make_library
from tests.ui.shell_support import language, make_ctx, visible

ROWS = 300


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def page(tmp_path: Path, qtbot: Any) -> tuple[Lib, CataloguePage]:
    L = make_library(tmp_path)
    p = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 760)
    p.show()
    return L, p


def _events(store: Store) -> int:
    with store.read() as s:
        return s.scalar(select(func.count()).select_from(Event)) or 0


def _titles_file(path: Path) -> Path:
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        writer = csv.writer(f)
        writer.writerow(["عنوان", "نویسنده", "بارکد"])
        writer.writerows([f"کتاب شماره {i}", "نویسنده", f"P{i:05d}"] for i in range(ROWS))
    return path


@pytest.fixture
def live(page: tuple[Lib, CataloguePage]) -> Iterator[tuple[Lib, CataloguePage]]:
    """The page with the app's own task runner: the import's work runs on a pool thread."""
    L, p = page
    p.ctx.tasks = TaskRunner()
    yield L, p
    p.ctx.tasks.wait()


def _gated(monkeypatch: pytest.MonkeyPatch, name: str) -> threading.Event:
    """`imp.<name>` waits (on whichever thread calls it) until the returned event is set, at most
    10 s: what the GUI thread does meanwhile is seen before the import goes on."""
    gate, real = threading.Event(), getattr(imp, name)

    def waits(*args: Any, **kwargs: Any) -> Any:
        gate.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(imp, name, waits)
    return gate


def test_a_file_is_read_and_checked_off_the_gui_thread_its_progress_moving(
        qtbot: Any, live: tuple[Lib, CataloguePage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading and checking a file of thousands of rows held the GUI thread: the window was not
    drawn between its progress steps («not responding»). The work runs on a pool thread: the window
    answers (a timer fires) while the file is checked, and its progress arrives row by row."""
    _L, p = live
    gate = _gated(monkeypatch, "preview_import")
    fired: list[bool] = []

    def tick() -> None:  # the GUI thread ran its event loop while the import was under way
        fired.append(p.import_task is not None)
        gate.set()

    QTimer.singleShot(0, tick)
    monkeypatch.setattr(Progressing, "EVERY_S", 0.0)  # every row told: the steps seen below are all there
    assert p.preview_import("titles", _titles_file(tmp_path / "t.csv")) is None  # not ready yet: it runs
    assert p.import_task is not None and not p.import_button.isEnabled()
    told: list[tuple[int, int]] = []
    p.import_task.progress.connect(lambda done, total: told.append((done, total)))
    with qtbot.waitSignal(p.import_ready, timeout=20_000) as ready:
        pass
    assert fired == [True]
    assert told[-1] == (ROWS, ROWS) and (ROWS // 2, ROWS) in told  # the bar moved, to the end
    assert visible(p.import_progress.dialog.labelText()).endswith(f"ردیف {digits(ROWS)} از {digits(ROWS)}")
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    assert len(dialog.preview.rows) == ROWS and dialog.ok.isEnabled()
    assert p.import_task is None and p.import_button.isEnabled()


def test_the_previews_cancel_stops_it_and_says_so(qtbot: Any, live: tuple[Lib, CataloguePage], tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    _L, p = live
    gate = _gated(monkeypatch, "preview_import")
    path = _titles_file(tmp_path / "t.csv")
    p.preview_import("titles", path)
    assert visible(p.import_progress.dialog.labelText()) == "خواندن و بررسی «t.csv»…"
    p.import_progress.dialog.findChild(QPushButton).click()  # «انصراف»
    gate.set()
    with qtbot.waitSignal(p.import_failed, timeout=20_000) as failed:
        pass
    assert isinstance(failed.args[0], imp.ImportCancelled)
    assert visible(p.message.text()) == f"«t.csv» درون‌ریزی نشد: {imp.MSG_CANCELLED}"
    with qtbot.waitSignal(p.import_ready, timeout=20_000) as ready:  # started again: every row
        p.preview_import("titles", path)
    qtbot.addWidget(ready.args[0])
    assert len(ready.args[0].preview.rows) == ROWS


def _preview(qtbot: Any, p: CataloguePage, path: Path) -> Any:
    with qtbot.waitSignal(p.import_ready, timeout=20_000) as ready:
        p.preview_import("titles", path)
    dialog = ready.args[0]
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_an_import_stopped_mid_write_writes_nothing_and_can_be_started_again(
        qtbot: Any, live: tuple[Lib, CataloguePage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The rows are written off the GUI thread, the dialog's bar moving; «توقف» pressed after some
    rows were written rolls every one back: the store is as it was, and the import can be run again."""
    L, p = live
    dialog = _preview(qtbot, p, _titles_file(tmp_path / "t.csv"))
    before = _events(L.store)
    monkeypatch.setattr(Progressing, "EVERY_S", 0.0)
    fired: list[bool] = []
    gate = _gated(monkeypatch, "commit_import")
    QTimer.singleShot(0, lambda: (fired.append(dialog.writing is not None), gate.set()))
    dialog.commit()
    assert dialog.writing is not None and dialog.bar.isVisible() and not dialog.ok.isEnabled()
    assert visible(dialog.cancel.text()) == "توقف"
    told: list[tuple[int, int]] = []
    dialog.writing.progress.connect(lambda done, total: told.append((done, total)))

    pressed = threading.Event()

    def press_stop(done: int, total: int) -> None:  # on the GUI thread, once 20 rows were written
        if done == ROWS + 20:
            dialog.cancel.click()
            pressed.set()

    def hold(done: int, total: int) -> None:  # on the import's thread: it waits for the press
        if done == ROWS + 20:
            pressed.wait(10)

    dialog.writing.progress.connect(press_stop)
    dialog.writing.progress.connect(hold, Qt.ConnectionType.DirectConnection)
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        pass
    assert fired == [True]  # the window answered while the rows were written
    assert isinstance(finished.args[0], imp.ImportCancelled)
    assert (ROWS + 20, 2 * ROWS) in told and told[0] == (0, 2 * ROWS)
    assert visible(dialog.summary.text()) == imp.MSG_CANCELLED
    assert _events(L.store) == before  # nothing half-imported
    assert dialog.ok.isEnabled() and dialog.isVisible() and not dialog.bar.isVisible()
    assert visible(dialog.cancel.text()) == "انصراف"
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        dialog.commit()
    assert finished.args[0] == ROWS
    assert _events(L.store) == before + 2 * ROWS  # a title and its copy a row
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Accepted


@pytest.mark.parametrize("stop", [False, True])
def test_the_import_window_closed_mid_write_asks_first(qtbot: Any, live: tuple[Lib, CataloguePage], tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch, stop: bool) -> None:
    """Closed (its ✕, Esc) while the rows are written, the window asks: «no», the import goes on to
    its end; «yes», it stops, nothing written, and the window closes once stopped."""
    L, p = live
    dialog = _preview(qtbot, p, _titles_file(tmp_path / "t.csv"))
    before = _events(L.store)
    asked: list[bool] = []
    monkeypatch.setattr(dialog, "ask_stop", lambda: asked.append(True) or stop)
    gate = _gated(monkeypatch, "commit_import")
    dialog.commit()
    dialog.close()  # while it writes
    assert asked == [True] and dialog.isVisible()
    gate.set()
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        pass
    assert not dialog.isVisible()
    if stop:
        assert isinstance(finished.args[0], imp.ImportCancelled) and _events(L.store) == before
        assert dialog.result() == QDialog.DialogCode.Rejected
    else:
        assert finished.args[0] == ROWS and _events(L.store) == before + 2 * ROWS
        assert dialog.result() == QDialog.DialogCode.Accepted
    assert asked == [True]


@pytest.mark.parametrize("stop", [False, True])
def test_the_app_closed_while_an_import_writes_asks_and_stops_it_whole(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop: bool) -> None:
    """The app's window closed (quit, the computer shutting down) while an import wrote its rows:
    the window went at once and the process, still running unseen, wrote them all after it (or,
    killed meanwhile, none), nobody told which. It asks first: «no», the window stays and the
    import goes on to its end; «yes», the import stops, nothing written, and the window closes
    once it stopped."""
    from kanoon_desk.ui.main_window import MainWindow

    L = make_library(tmp_path)
    ctx = make_ctx(L.store, L.admin, tmp_path)
    ctx.tasks = TaskRunner()
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    p = window.show_page("library-catalogue")
    assert isinstance(p, CataloguePage)
    dialog = _preview(qtbot, p, _titles_file(tmp_path / "t.csv"))
    before = _events(L.store)
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_stop_imports", lambda: asked.append(True) or stop, raising=False)
    gate = _gated(monkeypatch, "commit_import")
    dialog.commit()
    window.close()  # while it writes
    assert asked == [True] and window.isVisible()
    gate.set()
    with qtbot.waitSignal(dialog.finished_writing, timeout=20_000) as finished:
        pass
    if stop:
        assert isinstance(finished.args[0], imp.ImportCancelled) and _events(L.store) == before
        qtbot.waitUntil(lambda: not window.isVisible(), timeout=5_000)
    else:
        assert finished.args[0] == ROWS and _events(L.store) == before + 2 * ROWS
        assert window.isVisible()
        window.close()  # nothing writes now: closed at once, not asked again
        assert not window.isVisible()
    assert asked == [True]
    ctx.tasks.wait()


def test_the_preview_shows_the_files_columns_under_its_own_headings_beside_the_errors(
        qtbot: Any, page: tuple[Lib, CataloguePage], tmp_path: Path) -> None:
    _L, p = page
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["نام", "نام خانوادگی", "کد ملی", "تاریخ تولد", "تلفن", "گروه عضویت"],
                                 ["علی", "کریمی", "12345", "31/12/1398", "0912", "دانش‌آموز"]])
    dialog = p.preview_import("members", path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    dialog.resize(900, 500)
    dialog.show()
    table = dialog.table
    model = table.model()
    headings = [model.headerData(i, Qt.Orientation.Horizontal) for i in range(model.columnCount())]
    assert headings == ["ردیف", "خطا", "یادداشت", "نام", "نام خانوادگی", "کد ملی", "تاریخ تولد", "تلفن",
                        "گروه عضویت"]  # as the file names and orders them, not birth_date, category…
    assert model.index(0, 0).data() == "۲" and table.verticalHeader().isHidden()  # one numbering: the sheet's
    error = model.index(0, 1).data()
    assert error.count("«") >= 8  # four columns wrong, each named
    assert table.columnWidth(1) <= dialog.TEXT_WIDTH  # the file's cells stay in view beside it
    assert model.index(0, 1).data(Qt.ItemDataRole.ToolTipRole) == error
    assert table.columnViewportPosition(5) + table.columnWidth(5) <= table.viewport().width()  # «کد ملی» seen


def test_a_long_sheet_can_be_stopped_while_it_is_still_being_read(
        qtbot: Any, live: tuple[Lib, CataloguePage], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading a sheet of thousands of rows takes seconds before any row is checked: the progress
    window is there already (its bar busy, no row count yet) and «انصراف» stops it."""
    from openpyxl import Workbook

    _L, p = live
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["عنوان", "بارکد"])
    for i in range(1_200):
        ws.append([f"کتاب شماره {i}", f"R{i:05d}"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    seen: list[tuple[str, int]] = []
    told: list[tuple[int, int]] = []
    pressed = threading.Event()
    tell = Progressing.tell

    def reading_waits(self: Progressing, done: int, total: int) -> bool:
        """The job's reading goes no further than its first step until «انصراف» was pressed (on a
        fast machine the 1,200 rows were read, and their checking begun, before the click)."""
        tell(self, done, total)
        if total == 0:
            pressed.wait(20)
        return not self.stopping

    monkeypatch.setattr(Progressing, "tell", reading_waits)

    def press_cancel(done: int, total: int) -> None:  # the first step told: rows being read
        told.append((done, total))
        if len(told) == 1:
            dialog = p.import_progress.dialog
            seen.append((visible(dialog.labelText()), dialog.maximum()))
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            pressed.set()

    p.preview_import("titles", path)
    assert p.import_task is not None
    p.import_task.progress.connect(press_cancel)
    with qtbot.waitSignal(p.import_failed, timeout=20_000):
        pass
    assert seen == [("خواندن و بررسی «t.xlsx»…", 0)]  # still reading: no «ردیف n از m» yet
    assert all(total == 0 for _, total in told)  # stopped before any row was checked
    assert visible(p.message.text()) == f"«t.xlsx» درون‌ریزی نشد: {imp.MSG_CANCELLED}"
