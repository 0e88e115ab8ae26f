"""The catalogue and members pages on a narrow window (a 1024x768 monitor, a 1366x768 laptop at
125 %: about 911x649 for the page): the lists have the page's width and the form a tab of the page's
height; on a wide window the form stands beside the lists; what is typed survives the change."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QApplication, QWidget

from kanoon_desk.ui.library.catalogue import CataloguePage
from kanoon_desk.ui.library.members import MembersPage
from tests.conftest import TypePersian
from tests.library_helpers import Lib
from tests.ui.shell_support import make_ctx

#: the room a narrow window leaves the page, and a 1366x768 screen's at 100 %
NARROW = QSize(911, 649)
WIDE = QSize(1118, 625)


def _page(kind: type[QWidget], library: Lib, qtbot: Any, tmp_path: Path, size: QSize) -> Any:
    page = kind(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(size)
    page.show()
    qtbot.waitExposed(page)
    if isinstance(page, MembersPage):
        page.table.selectRow(0)  # a member chosen: its card shown
    QApplication.processEvents()
    return page


def _x_span(widget: QWidget, page: QWidget) -> tuple[int, int]:
    left = widget.mapTo(page, QPoint(0, 0)).x()
    return left, left + widget.width()


@pytest.mark.parametrize("kind", [CataloguePage, MembersPage])
def test_on_a_narrow_window_the_lists_have_the_page_width_and_it_asks_no_more_room_than_it_has(
        lang: str, kind: type[QWidget], library: Lib, qtbot: Any, tmp_path: Path) -> None:
    page = _page(kind, library, qtbot, tmp_path, NARROW)
    hint = page.minimumSizeHint()
    assert hint.width() <= NARROW.width() and hint.height() <= NARROW.height(), hint
    if page.hasHeightForWidth():  # (the members' card asked 656-691 px at this width)
        assert page.heightForWidth(NARROW.width()) <= NARROW.height()
    table = page.title_table if isinstance(page, CataloguePage) else page.table
    assert table.isVisible()
    assert table.width() >= 0.9 * page.width()  # not three fifths of it beside the form


@pytest.mark.parametrize("kind", [CataloguePage, MembersPage])
def test_on_a_wide_window_the_form_stands_beside_the_lists(
        lang: str, kind: type[QWidget], library: Lib, qtbot: Any, tmp_path: Path) -> None:
    page = _page(kind, library, qtbot, tmp_path, WIDE)
    table = page.title_table if isinstance(page, CataloguePage) else page.table
    field = page.t_title if isinstance(page, CataloguePage) else page.first
    assert table.isVisible() and field.isVisible()
    (t0, t1), (f0, f1) = _x_span(table, page), _x_span(field, page)
    assert f1 <= t0 or t1 <= f0  # side by side, not one over the other
    if lang == "fa":
        assert f1 <= t0  # right to left: the list first, on the right
    else:
        assert t1 <= f0


def test_a_title_typed_survives_the_window_made_narrow_and_wide_again(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path, type_persian: TypePersian) -> None:
    page = _page(CataloguePage, library, qtbot, tmp_path, WIDE)
    page.t_title.setFocus()
    type_persian(page.t_title, "قصه‌های شب")
    page.resize(NARROW)
    QApplication.processEvents()
    # narrow: the form has the page's height in its own tab, still in view, still being typed in
    assert page.t_title.isVisible() and not page.title_table.isVisible()
    assert page.t_title.text() == "قصه‌های شب"
    assert page.t_title.hasFocus()
    type_persian(page.t_title, " بلند")
    page.resize(WIDE)
    QApplication.processEvents()
    assert page.t_title.isVisible() and page.title_table.isVisible()
    assert page.t_title.text() == "قصه‌های شب بلند"
    assert page.t_title.hasFocus()


def test_on_a_narrow_window_a_title_to_correct_opens_its_form_and_a_new_one_its_copies(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path, type_persian: TypePersian) -> None:
    page = _page(CataloguePage, library, qtbot, tmp_path, NARROW)
    assert page.title_table.isVisible()
    page.start_edit()  # «ویرایش عنوان برگزیده»: the title selected, into the form
    assert page.t_title.isVisible() and page.t_title.text() == library.title.title
    page.end_edit()
    page.t_title.setFocus()
    type_persian(page.t_title, "کتاب تازه")
    page.save_title()
    # added: the list in view, the new title selected in it, ready for its copies by barcode
    assert page.title_table.isVisible() and page.barcode.isVisible()
    assert page._selected_title() is not None and page._selected_title().title == "کتاب تازه"
    assert page.barcode.hasFocus()  # its copies scanned straight away


def test_on_a_narrow_window_a_known_books_isbn_scanned_into_the_form_shows_its_copies_ready_to_scan(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The back cover's EAN-13 scanned into the form's ISBN selects the book in the catalogue and
    gives the keyboard to the barcode box for its copies: on a narrow page that box is in the
    list's tab, which comes into view (the keyboard went to a box in the hidden tab)."""
    page = _page(CataloguePage, library, qtbot, tmp_path, NARROW)
    page.parts.show_side()
    page.t_isbn.setFocus()
    qtbot.keyClicks(page.t_isbn, "9789643913007")
    qtbot.keyClick(page.t_isbn, Qt.Key.Key_Return)
    assert page._selected_title() == library.title
    assert page.barcode.isVisible() and page.barcode.hasFocus()


def test_on_a_narrow_window_a_member_to_correct_opens_the_form(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path, type_persian: TypePersian) -> None:
    page = _page(MembersPage, library, qtbot, tmp_path, NARROW)
    page.first.setFocus()
    type_persian(page.first, "سارا")  # a new member begun …
    page.resize(WIDE)
    QApplication.processEvents()
    page.resize(NARROW)
    QApplication.processEvents()
    assert page.first.text() == "سارا"  # … is not lost when the window changes size
    assert page.first.isVisible() and page.first.hasFocus()


def test_on_a_narrow_window_ctrl_tab_goes_from_the_search_to_the_form_and_back(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    from PySide6.QtCore import Qt

    page = _page(MembersPage, library, qtbot, tmp_path, NARROW)
    page.activateWindow()
    page.query.setFocus()
    qtbot.keyClick(page.query, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.first.isVisible() and not page.table.isVisible()
    page.first.setFocus()
    qtbot.keyClick(page.first, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.table.isVisible() and not page.first.isVisible()


def test_on_a_narrow_window_what_an_action_says_is_seen_from_the_part_in_view(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The page's message stood in one part only: the catalogue's under the list (an ISBN not in
    the catalogue, scanned into the form's tab, was told in the hidden list tab), the members' under
    the form (a membership renewed from the card's tab was told in the hidden form tab)."""
    catalogue = _page(CataloguePage, library, qtbot, tmp_path, NARROW)
    catalogue.parts.show_side()
    catalogue.t_isbn.setFocus()
    qtbot.keyClicks(catalogue.t_isbn, "9789643375560")  # a book not in the catalogue
    qtbot.keyClick(catalogue.t_isbn, Qt.Key.Key_Return)
    assert catalogue.t_title.hasFocus()
    assert catalogue.message.isVisible() and "9789643375560" in catalogue.message.text()
    members = _page(MembersPage, library, qtbot, tmp_path, NARROW)
    assert members.renew_button.isVisible()
    qtbot.mouseClick(members.renew_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: members.message.text() != "")
    assert members.message.isVisible() and members.renew_button.isVisible()


#: the room a 1280x720 laptop at 100 % leaves the page (the window maximised)
LAPTOP = QSize(1032, 577)


def _rows_in_view(table: Any) -> int:
    """Rows of `table` drawn whole in its viewport."""
    height = table.viewport().height()
    return sum(1 for r in range(table.model().rowCount())
               if 0 <= table.visualRect(table.model().index(r, 0)).bottom() < height)


@pytest.mark.parametrize("size", [LAPTOP, NARROW], ids=["laptop", "narrow"])
def test_the_members_list_shows_five_rows_beside_the_card_drawn_smaller(
        lang: str, size: QSize, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A member chosen: the card under the list took its full 270 px, and the list of a dozen
    members showed one or two rows; the card is drawn smaller (whole) and the list shows five."""
    from kanoon_desk.services import library as lib
    from tests.library_helpers import TODAY
    from tests.secretariat_helpers import national_id

    for i in range(10):
        lib.register_member(library.store, library.admin, lib.MemberInput(
            first_name="سارا", last_name=f"نمونه {i}", national_id=national_id(300_000 + i), category="adult",
            phone="09351234567"), today=TODAY)
    page = _page(MembersPage, library, qtbot, tmp_path, size)
    assert page.table.model().rowCount() >= 12 and page.current is not None
    assert page.card.isVisible() and page.card.height() >= page.card.minimumSizeHint().height()
    assert _rows_in_view(page.table) >= 5, _rows_in_view(page.table)
    hint = page.minimumSizeHint()
    assert hint.width() <= size.width() and hint.height() <= size.height(), hint
