"""The stock-take page: an earlier session picked to view and export; the copies on their way here."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import stocktake as st
from kanoon_desk.ui.library.stocktake import StocktakePage
from tests.library_helpers import TODAY, actor_at, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def test_an_earlier_session_is_viewed_and_exported(tmp_path: Path, qtbot: Any) -> None:
    L = make_library(tmp_path)
    first = st.open_stocktake(L.store, L.admin, "13")
    st.scan(L.store, L.admin, first.id, ["B0001", "B0002", "B0003"])
    st.close_stocktake(L.store, L.admin, first.id)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)  # this year's, newer
    qtbot.keyClicks(page.scan, "B0001")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.session.count() == 2 and page.take is not None and page.take.id != first.id
    assert page.session.currentText().endswith("— باز") and page.session.itemText(1).endswith("— بسته")
    assert "ناپیدا: ۲" in page.status.text()
    page.session.setCurrentIndex(1)  # the earlier session: every copy was found
    assert page.take is not None and page.take.id == first.id
    assert "بسته" in page.status.text() and "پیدا شد: ۳" in page.status.text()
    assert not page.scan.isEnabled() and page.export_button.isEnabled()
    assert page.table.model().rowCount() == 3
    out = tmp_path / "first.csv"
    assert page.export(out) == 3
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.reader(f))
    assert [r[-1] for r in rows[1:]] == ["پیدا شد"] * 3
    page.centre.setCurrentIndex(page.centre.findData("14"))  # another centre: its own sessions (none)
    assert page.session.count() == 0 and page.take is None and not page.session.isEnabled()


def test_the_copies_on_their_way_to_this_centre(tmp_path: Path, qtbot: Any) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkin(L.store, actor_at(L.admin, "14"), "B0001", today=TODAY + timedelta(days=2))  # returned at 14
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    dialog = page.transit_dialog()
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.rowCount() == 1
    row = [model.index(0, c).data() for c in range(5)]
    assert row[:3] == ["B0001", "ماهی سیاه کوچولو", "مرکز فرهنگی هنری شماره ۲"]
    assert row[3] and row[4] == "بازگشت به مرکز خودش"
    page.centre.setCurrentIndex(page.centre.findData("14"))
    other = page.transit_dialog()
    qtbot.addWidget(other)
    assert other.table.model().rowCount() == 0


def test_a_copy_given_to_this_centre_for_good_is_on_its_way_here_until_scanned_in(tmp_path: Path,
                                                                                qtbot: Any) -> None:
    """A copy whose home centre was changed stood on the new centre's shelf at once, though still
    in a box at the old one; it is on the new centre's list of copies on their way, as given to it."""
    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    lib.update_copy(L.store, L.admin, "B0002", home_centre="14")
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.centre.setCurrentIndex(page.centre.findData("14"))
    dialog = page.transit_dialog()
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    row = [model.index(0, c).data() for c in range(5)]
    assert model.rowCount() == 1 and row[0] == "B0002" and row[2] == "مرکز فرهنگی هنری شماره ۱"
    assert row[3] and row[4] == "سپرده به این مرکز"


def test_closing_offers_to_put_back_copies_found_though_written_off(tmp_path: Path, qtbot: Any) -> None:
    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    lib.mark_copy_lost(L.store, L.admin, "B0002")
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    for code in ("B0001", "B0002"):
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.message.text() == "\u2068B0002\u2069: پیدا شد، گم‌شده ثبت شده بود"
    asked: list[int] = []
    page.ask_reshelve = lambda n: asked.append(n) or True  # type: ignore[method-assign]
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert asked == [1] and page.message.text() == "۱ نسخه پیداشده به گردش برگشت."
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"


def test_a_centre_with_no_stock_take_says_how_to_begin(tmp_path: Path, qtbot: Any) -> None:
    L = make_library(tmp_path)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    assert page.take is None and not page.scan.isEnabled() and page.open_button.isEnabled()
    assert "هنوز انبارگردانی ندارد" in page.status.text() and "«آغاز انبارگردانی»" in page.status.text()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.take is not None and "هنوز" not in page.status.text() and page.scan.isEnabled()


def test_a_reversed_shelf_range_is_said_and_its_first_field_is_ready_to_type_again(tmp_path: Path,
                                                                                    qtbot: Any) -> None:
    L = make_library(tmp_path)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.keyClicks(page.shelf_from, "H9")
    qtbot.keyClicks(page.shelf_to, "A1")
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.take is None and st.list_stocktakes(L.store, "13") == []
    assert page.message.text().startswith("بازه قفسه وارونه است")
    assert page.shelf_from.hasFocus() and page.shelf_from.selectedText() == "H9"
    assert page.shelf_to.text() == "A1"  # nothing typed is lost


def test_writing_off_the_missing_copies_asks_first_with_their_count(tmp_path: Path, qtbot: Any,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QMessageBox

    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.scan, "B0001")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    asked: list[str] = []
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "question", lambda _parent, _title, text, *_a: asked.append(text) or answer[0])
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and asked[0].startswith("۲ نسخه در این انبارگردانی پیدا نشد.")
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"  # «No»: nothing written off
    answer[0] = QMessageBox.StandardButton.Yes
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "۲ نسخه گم‌شده ثبت شد."
    assert [lib.get_copy(L.store, b).status for b in ("B0002", "B0003")] == ["lost", "lost"]
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)  # nothing left: said, not asked
    assert len(asked) == 2 and page.message.text() == "نسخه ناپیدایی برای ثبت به‌عنوان گم‌شده نمانده است."


def test_the_centre_picker_names_centres_in_persian_digits(tmp_path: Path, qtbot: Any) -> None:
    """A centre named «مرکز فرهنگی هنری شماره ۴» is stored with ASCII digits; the stock-take
    page's picker showed «شماره 4» (Latin) where every other page's picker says «شماره ۴»."""
    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    lib.add_centre(L.store, L.admin, "1304", "مرکز فرهنگی هنری شماره ۴")  # as the admin types it
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    assert page.centre.itemText(page.centre.findData("1304")) == "مرکز فرهنگی هنری شماره ۴"


def test_a_scan_puts_its_one_row_in_place_without_reading_the_whole_list(tmp_path: Path, qtbot: Any,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each scan read the session's whole list again and fitted the columns to it: with 3,000
    copies a quarter of a second a scan, felt at every beep of the scanner. Now the scan's one row
    is put in its place, and the list and counts read as they would read afresh."""
    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    for i in range(4, 40):
        lib.add_copy(L.store, L.admin, L.title.id, barcode=f"B{i:04d}", shelf="A2")
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    whole: list[str] = []
    rows_of = st.stocktake_rows

    def counted(store: Any, take_id: str, outcome: str | None = None, **one: Any) -> Any:
        if not one:  # not a barcode's row
            whole.append(take_id)
        return rows_of(store, take_id, outcome, **one)

    monkeypatch.setattr(st, "stocktake_rows", counted)
    for code in ("B0030", "B0002", "ZZZ9", "B0030"):
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert whole == []  # no scan read the whole list
    model = page.table.model()
    shown = [[model.index(r, c).data() for c in (0, 4)] for r in range(model.rowCount())]
    assert shown == [[r.barcode, st.OUTCOME_FA[r.outcome]] for r in rows_of(L.store, page.take.id)]
    assert shown[:2] == [["B0002", "پیدا شد"], ["B0030", "پیدا شد"]] and shown[-1] == ["ZZZ9", "ناشناخته"]
    assert page.table.selectionModel().selectedRows()[0].row() == 1  # the last scan's row, in view
    assert "پیدا شد: ۲ | ناپیدا: ۳۷ | جابه‌جا: ۰ | ناشناخته: ۱" in page.status.text()
    page.outcome.setCurrentIndex(page.outcome.findData("missing"))  # what is left to find
    assert model is not page.table.model() and page.table.model().rowCount() == 37
    qtbot.keyClicks(page.scan, "B0003")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    left = page.table.model()
    assert left.rowCount() == 36 and "B0003" not in [left.index(r, 0).data() for r in range(36)]


def test_each_scan_is_said_apart_in_colour_and_by_beep(tmp_path: Path, qtbot: Any) -> None:
    """Every scan said «B0001: پیدا شد» in the same black: a copy read twice said exactly what it
    said the first time (was the second scan taken?), and a copy of another centre, an unknown
    label or a copy on loan looked like any other line unless read. Now a copy found is green and
    quiet, anything to look at is red with a beep, a second read is said, and the barcode is shown
    as read (typed with Persian digits, as its label)."""
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.widgets import ERROR_STYLE, OK_STYLE

    L = make_library(tmp_path)
    lib.add_copy(L.store, actor_at(L.admin, "14"), L.title.id, barcode="X0001", shelf="A1")
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0003", today=TODAY)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    beeps: list[str] = []
    page.alert = lambda: beeps.append(page.message.text())  # type: ignore[method-assign]

    def scan(code: str) -> tuple[str, str]:
        page.scan.setText(code)  # as a scanner types it
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
        return page.message.text(), page.message.styleSheet()

    assert scan("B0001") == ("\u2068B0001\u2069: پیدا شد", OK_STYLE) and beeps == []
    assert scan("B۰۰۰۲") == ("\u2068B0002\u2069: پیدا شد", OK_STYLE) and beeps == []
    again = scan("B0001")
    assert again == ("\u2068B0001\u2069: پیدا شد — این نسخه پیش‌تر هم خوانده شده بود.", ERROR_STYLE)
    assert scan("X0001") == ("\u2068X0001\u2069: جابه‌جا", ERROR_STYLE)
    assert scan("ZZZ9") == ("\u2068ZZZ9\u2069: ناشناخته", ERROR_STYLE)
    on_loan = scan("B0003")
    assert on_loan[0].endswith("این نسخه در امانت ثبت شده است؛ آن را در میز امانت بازگردانید.")
    assert len(beeps) == 4 and "پیدا شد: ۲" in page.status.text()


def test_the_write_off_question_agrees_with_the_missing_count_shown(tmp_path: Path, qtbot: Any,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A copy lent (at this desk or another, synced) after the session opened stays «ناپیدا» in
    the counts but is rightly not written off: the page said «ناپیدا: ۲» and the question «۱ نسخه
    در این انبارگردانی پیدا نشد. همه گم‌شده ثبت شوند؟». Now it names both counts and why."""
    from PySide6.QtWidgets import QMessageBox

    from kanoon_desk.services import library as lib

    L = make_library(tmp_path)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0003", today=TODAY)  # lent during the session
    qtbot.keyClicks(page.scan, "B0001")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert "ناپیدا: ۲" in page.status.text()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda _parent, _title, text, *_a: asked.append(text) or QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert asked == ["۲ نسخه در این انبارگردانی پیدا نشد؛ ۱ نسخه از آن‌ها پس از آغاز انبارگردانی به امانت رفته، "
                     "برای رزرو کنار گذاشته شده یا در راه است و گم‌شده ثبت نمی‌شود. ۱ نسخه دیگر گم‌شده ثبت شوند؟"]
    assert page.message.text() == "۱ نسخه گم‌شده ثبت شد."
    assert [lib.get_copy(L.store, b).status for b in ("B0002", "B0003")] == ["lost", "on_loan"]


def test_a_session_taken_up_again_goes_on_at_the_shelf_of_its_last_scan(tmp_path: Path, qtbot: Any) -> None:
    """Shelf A1 typed, a copy scanned, a log-out: back in, the session and its scans were there but
    the shelf box was empty, so the next scans were taken with no shelf and a copy of another
    shelf was no longer said «جابه‌جا». The page now goes on at the shelf of the last scan."""
    L = make_library(tmp_path)
    take = st.open_stocktake(L.store, L.admin, "13")
    st.scan(L.store, L.admin, take.id, "B0001", shelf="a2")
    st.scan(L.store, L.admin, take.id, "B0002", shelf="a1")
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))  # as after logging in again
    qtbot.addWidget(page)
    page.show()
    assert page.take is not None and page.take.id == take.id
    assert page.shelf.text() == "A1"
    st.close_stocktake(L.store, L.admin, take.id)
    again = StocktakePage(make_ctx(L.store, L.admin, tmp_path))  # a closed session: nothing to go on with
    qtbot.addWidget(again)
    assert again.shelf.text() == ""


def test_an_old_label_read_at_the_shelf_counts_the_copy_and_says_its_barcode_now(tmp_path: Path,
                                                                                 qtbot: Any) -> None:
    """A copy relabelled while its old label is still on the book: read at the shelf, it was
    «ناشناخته» and its row stayed «ناپیدا», to be written off. Its row is found, in red with the
    beep, the barcode it has now said to print its new label."""
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.widgets import ERROR_STYLE

    L = make_library(tmp_path)
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    beeps: list[str] = []
    page.alert = lambda: beeps.append(page.message.text())  # type: ignore[method-assign]
    page.scan.setText("B0001")
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.message.text() == ("\u2068B0001\u2069: پیدا شد — برچسب کهنه: بارکد این نسخه اکنون \u2068K0101\u2069 "
                                   "است؛ برچسب تازه را چاپ کنید و بچسبانید.")
    assert page.message.styleSheet() == ERROR_STYLE and len(beeps) == 1
    assert "پیدا شد: ۱" in page.status.text()
