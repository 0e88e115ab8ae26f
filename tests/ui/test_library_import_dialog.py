"""The import's preview and progress: the file's columns under its own headings, a long error cut
to its column (whole in its tip) beside them; a long import (thousands of rows) shows its progress,
«ردیف n از m», and «انصراف» stops it: the preview stopped says so under the list, the import
stopped writes nothing and can be started again."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from sqlalchemy import func, select

from kanoon_desk.models.events import Event
from kanoon_desk.services import library_import as imp
from kanoon_desk.store import Store
from kanoon_desk.ui.library.catalogue import CataloguePage
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


def test_the_preview_shows_its_progress_and_cancel_stops_it(page: tuple[Lib, CataloguePage],
                                                            tmp_path: Path) -> None:
    _L, p = page
    path = _titles_file(tmp_path / "t.csv")
    seen: list[str] = []

    def press_cancel() -> None:  # runs at the first row the progress window is drawn for
        seen.append(visible(p.import_progress.dialog.labelText()))
        p.import_progress.dialog.cancel()

    QTimer.singleShot(0, press_cancel)
    assert p.preview_import("titles", path) is None
    assert seen and seen[0].endswith("ردیف ۰ از ۳۰۰")
    assert visible(p.message.text()) == f"«t.csv» درون‌ریزی نشد: {imp.MSG_CANCELLED}"
    dialog = p.preview_import("titles", path)  # not stopped: the preview of every row
    assert dialog is not None and len(dialog.preview.rows) == ROWS and dialog.ok.isEnabled()
    dialog.close()


def test_an_import_stopped_writes_nothing_and_can_be_started_again(qtbot: Any, page: tuple[Lib, CataloguePage],
                                                                   tmp_path: Path) -> None:
    L, p = page
    dialog = p.preview_import("titles", _titles_file(tmp_path / "t.csv"))
    assert dialog is not None
    qtbot.addWidget(dialog)
    before = _events(L.store)
    stopped_at: list[str] = []

    def press_cancel() -> None:
        stopped_at.append(visible(dialog.progress.dialog.labelText()))
        dialog.progress.dialog.cancel()

    QTimer.singleShot(0, press_cancel)
    dialog.commit()
    assert stopped_at and stopped_at[0].endswith("ردیف ۰ از ۶۰۰")  # checked again, then written: 2 × 300
    assert visible(dialog.summary.text()) == imp.MSG_CANCELLED
    assert _events(L.store) == before  # nothing half-imported
    assert dialog.ok.isEnabled() and not dialog.result()
    dialog.commit()
    assert visible(dialog.summary.text()) == "۳۰۰ ردیف درون‌ریزی شد."
    assert _events(L.store) == before + 2 * ROWS  # a title and its copy a row


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


def test_a_long_sheet_can_be_stopped_while_it_is_still_being_read(page: tuple[Lib, CataloguePage],
                                                                  tmp_path: Path) -> None:
    """Reading a sheet of thousands of rows takes seconds before any row is checked: the progress
    window is there already (its bar busy, no row count yet) and «انصراف» stops it."""
    from openpyxl import Workbook

    _L, p = page
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.append(["عنوان", "بارکد"])
    for i in range(1_200):
        ws.append([f"کتاب شماره {i}", f"R{i:05d}"])
    path = tmp_path / "t.xlsx"
    wb.save(path)
    seen: list[tuple[str, int]] = []

    def press_cancel() -> None:
        dialog = p.import_progress.dialog
        seen.append((visible(dialog.labelText()), dialog.maximum()))
        dialog.cancel()

    QTimer.singleShot(0, press_cancel)
    assert p.preview_import("titles", path) is None
    assert seen == [("خواندن و بررسی «t.xlsx»…", 0)]  # still reading: no «ردیف n از m» yet
    assert visible(p.message.text()) == f"«t.xlsx» درون‌ریزی نشد: {imp.MSG_CANCELLED}"
