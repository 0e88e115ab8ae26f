"""The catalogue page: publisher and subject in the form, a known ISBN refused at its field, the
import preview's notes, copy corrections and label printing."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.errors import ValidationError
from kanoon_desk.services import library as lib
from kanoon_desk.ui.library.catalogue import CataloguePage
from tests.library_helpers import Lib, make_library
from tests.ui.shell_support import language, make_ctx


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


def test_a_title_with_publisher_and_subject_and_a_known_isbn_refused_at_its_field(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    L, p = page
    type_persian(p.t_title, "کلاغ‌ها")
    type_persian(p.t_publisher, "کانون پرورش فکری")
    type_persian(p.t_subject, "داستان")
    qtbot.keyClicks(p.t_isbn, "978-964-337-556-0")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    [added] = lib.search_titles(L.store, "کلاغ")
    assert (added.publisher, added.subject, added.isbn) == ("کانون پرورش فکری", "داستان", "9789643375560")
    p.end_edit()
    type_persian(p.t_title, "ماهی سیاه")
    qtbot.keyClicks(p.t_isbn, "964-391-300-7")  # the ISBN-10 of a title already there
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert p.form.error_of("isbn") == \
        "کتابی با این شابک در فهرست هست: «ماهی سیاه کوچولو». نسخه‌ها را به همان عنوان بیفزایید."
    assert p.t_title.text() == "ماهی سیاه" and p.t_isbn.text() == "964-391-300-7"  # nothing typed is lost
    assert [t.title for t in lib.search_titles(L.store, "ماهی سیاه")] == ["ماهی سیاه کوچولو"]
    # correcting a title shows its publisher and subject and keeps them
    p.end_edit()
    p.query.setText("کلاغ")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    assert (p.t_publisher.text(), p.t_subject.text()) == ("کانون پرورش فکری", "داستان")
    p.t_subject.clear()
    type_persian(p.t_subject, "شعر")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    fixed = lib.get_title(L.store, added.id)
    assert (fixed.publisher, fixed.subject) == ("کانون پرورش فکری", "شعر")


def test_import_preview_says_which_rows_join_a_title(qtbot: Any, page: tuple[Lib, CataloguePage],
                                                    tmp_path: Path) -> None:
    _L, p = page
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["عنوان", "شابک", "بارکد"], ["ماهی سیاه", "9643913007", "N9"], ["خمره", "", ""]])
    dialog = p.preview_import("titles", path)
    qtbot.addWidget(dialog)
    model = dialog.table.model()
    assert model.headerData(2, Qt.Orientation.Horizontal) == "یادداشت"
    assert model.index(0, 2).data() == "نسخه به عنوان «ماهی سیاه کوچولو» افزوده می‌شود که در فهرست هست."
    assert model.index(1, 2).data() == ""
    assert dialog.ok.isEnabled()


def test_labels_for_selected_copies_or_todays_printed_without_gone_ones(
        qtbot: Any, page: tuple[Lib, CataloguePage], monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtCore import QItemSelectionModel

    from kanoon_desk.ui.library import catalogue_labels

    L, p = page
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="کلاغ‌ها"))
    lib.add_copy(L.store, L.admin, other.id, barcode="C0001")
    lib.add_copy(L.store, L.admin, other.id, barcode="C0002", home_centre="14")  # another centre's
    lib.withdraw_copy(L.store, L.admin, "B0002", "فرسوده")
    p.query.setText("ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    selection = p.copy_table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    for row in (0, 1):  # B0001 and the withdrawn B0002
        selection.select(p.copy_table.model().index(row, 0), flags)
    assert [c.barcode for c in p.selected_copies()] == ["B0001", "B0002"]
    dialog = p.labels_dialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "selected" and dialog.items() == [("B0001", "ماهی سیاه کوچولو")]
    dialog.buttons["title"].setChecked(True)
    assert [b for b, _ in dialog.items()] == ["B0001", "B0003"]
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0014", home_centre="14")
    p.select(0)
    again = p.labels_dialog()  # another centre's copy of the title gets no label here
    qtbot.addWidget(again)
    again.buttons["title"].setChecked(True)
    assert [b for b, _ in again.items()] == ["B0001", "B0003"] and len(p.copies) == 4
    dialog.buttons["today"].setChecked(True)  # added today at this centre: not 14's, not the withdrawn
    assert [b for b, _ in dialog.items()] == ["B0001", "B0003", "C0001"]  # (dialog opened before B0014)
    assert dialog.buttons["today"].text() == "نسخه‌هایی که امروز در این مرکز افزوده شد (۳)"
    printed: list[tuple[list[tuple[str, str]], str]] = []
    monkeypatch.setattr(catalogue_labels, "print_labels",
                        lambda _parent, items, sheet: printed.append((list(items), sheet.key)) or True)
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed == [(dialog.items(), "plain-58x32")] and len(dialog.items()) == 3
    # the sheet is picked in the dialog and remembered by the desk
    dialog.sheet_box.setCurrentIndex(dialog.sheet_box.findData("a4-70x37"))
    assert dialog.sheet_box.currentText() == "برگه برچسب A4، ۳ × ۸ برچسب ۷۰ × ۳۷ میلی‌متری (۲۴تایی)"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert printed[-1][1] == "a4-70x37"
    reopened = p.labels_dialog()
    qtbot.addWidget(reopened)
    assert reopened.sheet().key == "a4-70x37"


def test_the_label_preview_tab_reaches_is_marked(qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """Tab stops at the label preview (the arrow keys scroll a long sheet there), but nothing showed
    the cursor was on it: a keyboard user saw no mark anywhere. It wears a frame in the highlight
    colour, like the ring of a button."""
    from PySide6.QtWidgets import QApplication

    L, p = page
    p.query.setText("ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    dialog = p.labels_dialog()
    qtbot.addWidget(dialog)
    dialog.resize(700, 600)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    scroll = dialog.preview_scroll
    for _ in range(12):
        if QApplication.focusWidget() is scroll:
            break
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is scroll
    image, colour = scroll.grab().toImage(), scroll.palette().color(scroll.palette().ColorRole.Highlight)
    marked = sum(image.pixelColor(x, y) == colour for x in (0, 1, image.width() - 1) for y in range(image.height()))
    assert marked >= 2 * image.height()


def test_a_copy_is_corrected_from_the_copies_list(qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    from kanoon_desk.ui.library.copies import CopyDialog
    from kanoon_desk.ui.widgets import select_row

    L, p = page
    p.query.setText("ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert p.copy_dialog() is None and p.message.text() == "نخست نسخه را در فهرست نسخه‌ها برگزینید."
    assert p.copy_table.model().index(0, 5).data() == "بله"
    select_row(p.copy_table, 1)
    dialog = p.copy_dialog()
    assert isinstance(dialog, CopyDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.shelf.text() == "A1" and dialog.loanable.isChecked() and dialog.centre.currentData() == "13"
    dialog.shelf.clear()
    qtbot.keyClicks(dialog.shelf, "R" * 33)
    dialog.save()
    assert dialog.form.error_of("shelf") == "نشانی قفسه حداکثر ۳۲ نویسه باشد." and dialog.shelf.text() == "R" * 33
    dialog.shelf.clear()
    qtbot.keyClicks(dialog.shelf, "R1")
    qtbot.keyClick(dialog.loanable, Qt.Key.Key_Space)
    dialog.centre.setCurrentIndex(dialog.centre.findData("14"))
    dialog.save()
    assert dialog.result() == CopyDialog.DialogCode.Accepted
    p.copy_corrected(dialog)
    assert p.message.text() == ("نسخه B0002 اصلاح شد. نسخه به مرکز فرهنگی هنری شماره ۲ سپرده شد و تا رسیدن و "
                                "خواندن بارکدش در آنجا «در راه» است.")
    fixed = lib.get_copy(L.store, "B0002")
    assert (fixed.shelf, fixed.loanable, fixed.home_centre) == ("R1", False, "14")
    # given to the other centre for good: on its way there from where it stood, on neither shelf
    row = [p.copy_table.model().index(2, c).data() for c in range(6)]  # (listed by centre)
    assert row == ["B0002", "مرکز فرهنگی هنری شماره ۲", "R1", "در راه", "مرکز فرهنگی هنری شماره ۱", "خیر"]


def test_a_barcode_typed_wrong_is_corrected_in_the_copys_dialog(qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """Another copy's barcode, or one cut short, is refused at the barcode box, the code typed
    kept and selected; the right one saves, the copy stays selected for its new label, and its
    history keeps the old one."""
    from kanoon_desk.ui.library.copies import CopyDialog
    from kanoon_desk.ui.widgets import select_row

    L, p = page
    p.query.setText("ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    select_row(p.copy_table, 0)
    dialog = p.copy_dialog()
    assert isinstance(dialog, CopyDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.barcode.text() == "B0001"
    for typed, said in (("B0002", "این بارکد پیش‌تر به نسخه دیگری داده شده است."),
                        ("B000", "بارکد نسخه دیگری (\u2068B0001\u2069) با این آغاز می‌شود؛ شاید اسکن ناتمام خوانده "
                                 "شده است. برچسب را دوباره بخوانید.")):
        dialog.barcode.selectAll()
        qtbot.keyClicks(dialog.barcode, typed)
        dialog.save()
        assert dialog.form.error_of("barcode") == said
        assert dialog.barcode.text() == typed and dialog.barcode.hasSelectedText()
        assert dialog.result() != CopyDialog.DialogCode.Accepted
    qtbot.keyClicks(dialog.barcode, "K0101")  # (replaces the selected code, as a scan does)
    dialog.save()
    assert dialog.result() == CopyDialog.DialogCode.Accepted
    p.copy_corrected(dialog)
    assert p.message.text() == ("نسخه K0101 اصلاح شد. بارکد B0001 به K0101 اصلاح شد؛ برچسب تازه را با «برچسب بارکد…» "
                                "چاپ کنید و روی کتاب بچسبانید.")
    assert [c.barcode for c in p.selected_copies()] == ["K0101"]
    shown = p.show_copy_history()
    assert shown is not None
    qtbot.addWidget(shown)
    rows = [[shown.model.index(r, c).data() for c in range(3)] for r in range(shown.model.rowCount())]
    assert [r for r in rows if r[0] == "بارکد"] == [["بارکد", "K0101", "در اجرا"], ["بارکد", "B0001", "جایگزین شد"]]


def test_import_of_a_bad_file_is_said_and_each_row_error_names_its_column(
        qtbot: Any, page: tuple[Lib, CataloguePage], tmp_path: Path) -> None:
    _L, p = page
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert p.preview_import("members", empty) is None  # no traceback: said under the list
    assert p.message.text() == "«empty.csv» درون‌ریزی نشد: پرونده ردیفی ندارد."
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(b"PK\x03\x04 half a file")
    assert p.preview_import("members", broken) is None
    assert p.message.text().startswith("«broken.xlsx» درون‌ریزی نشد: پرونده خوانده نشد")
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["نام", "نام خانوادگی", "کد ملی", "تلفن", "گروه عضویت"],
                                 ["", "کریمی", "123", "09121112233", "بزرگسال"]])
    dialog = p.preview_import("members", path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.table.model().index(0, 1).data() == "«نام»: این خانه را پر کنید. — «کد ملی»: کد ملی درست نیست."
    assert not dialog.ok.isEnabled() and p.message.text() == ""
    assert dialog.notice.isHidden()  # every heading known


def test_the_import_preview_says_which_columns_it_does_not_read(qtbot: Any, page: tuple[Lib, CataloguePage],
                                                                tmp_path: Path) -> None:
    from tests.library_helpers import NATIONAL_IDS
    from tests.ui.shell_support import visible

    _L, p = page
    path = tmp_path / "m.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["نام", "نام خانوادگی", "کد ملی", "تلفن", "گروه", "اعتبار تا", "یادداشت"],
                                 ["مهدی", "کاظمی", NATIONAL_IDS[2], "09121112233", "بزرگسال", "1405/01/31", "x"]])
    dialog = p.preview_import("members", path)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.ok.isEnabled()  # «گروه: بزرگسال» is read: no guardian asked for
    assert not dialog.notice.isHidden()
    assert visible(dialog.notice.text()) == "ستون «یادداشت» شناخته نشد و نادیده گرفته می‌شود."


def test_a_titles_and_a_copys_change_history(qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any,
                                             tmp_path: Path) -> None:
    """«تاریخچه تغییرات» for the title and for the copy selected: every value a field was given, the
    replaced one said so."""
    from kanoon_desk.ui.widgets import select_row

    L, p = page
    type_persian(p.query, "ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    title = p.titles[0]
    lib.update_title(L.store, L.admin, title.id, lib.TitleInput(title.title, title.author, "کانون", title.isbn,
                                                                title.age_group, title.subject))
    lib.update_copy(L.store, L.admin, "B0002", shelf="C9")
    dialog = p.show_title_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    rows = [[dialog.model.data(dialog.model.index(r, c)) for c in range(3)] for r in range(dialog.model.rowCount())]
    assert ["ناشر", "کانون", "در اجرا"] in rows and ["عنوان", title.title, "در اجرا"] in rows
    dialog.grab().save(str(tmp_path / "title-history.png"))
    dialog.close()
    assert p.show_copy_history() is None and p.message.text() == "نخست نسخه را در فهرست نسخه‌ها برگزینید."
    p.select(0)
    row = next(i for i, c in enumerate(p.copies) if c.barcode == "B0002")
    select_row(p.copy_table, row)
    qtbot.mouseClick(p.copy_history_button, Qt.MouseButton.LeftButton)
    [dialog] = [d for d in p.findChildren(type(dialog)) if d.isVisible()]
    assert "B0002" in dialog.windowTitle()
    model = dialog.model
    shelves = [[model.data(model.index(r, c)) for c in range(3)] for r in range(model.rowCount())
               if model.data(model.index(r, 0)) == "قفسه"]
    assert shelves == [["قفسه", "C9", "در اجرا"], ["قفسه", "A1", "جایگزین شد"]]
    dialog.grab().save(str(tmp_path / "copy-history.png"))


def test_the_catalogue_opens_on_the_titles_added_last_and_an_emptied_search_shows_them_again(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    L, p = page
    assert [t.id for t in p.titles] == [L.title.id]  # before any search: the catalogue is not blank
    assert p.list_title.text() == "آخرین عنوان‌های افزوده"
    assert [c.barcode for c in p.copies] and p.title_table.selectionModel().selectedRows()[0].row() == 0
    newer = lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره"))
    type_persian(p.query, "ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert [t.title for t in p.titles] == ["ماهی سیاه کوچولو"] and p.list_title.text() == "نتیجه جست‌وجو"
    p.query.clear()  # its ⨯, or the text deleted: no Enter needed
    assert [t.id for t in p.titles] == [newer.id, L.title.id]  # the newest first
    assert p.list_title.text() == "آخرین عنوان‌های افزوده" and p.copies == []  # خمره has no copy yet


def test_the_arrow_keys_walk_the_titles_and_their_copies_follow(qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """A title reached with the keyboard shows its copies, as a click shows them (only a click did)."""
    L, p = page
    lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره"))
    p.query.clear()
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert [t.title for t in p.titles] == ["خمره", "ماهی سیاه کوچولو"] and p.copies == []
    p.title_table.setFocus()
    qtbot.keyClick(p.title_table, Qt.Key.Key_Down)
    assert [c.barcode for c in p.copies] == [c.barcode for c in lib.copies_of_title(L.store, L.title.id)] != []
    qtbot.keyClick(p.title_table, Qt.Key.Key_Up)
    assert p.copies == []


def test_a_new_title_half_typed_comes_back_and_an_added_one_leaves_the_form_free(
        qtbot: Any, page: tuple[Lib, CataloguePage], tmp_path: Path, type_persian: Any) -> None:
    """The title form keeps what is typed as the intake and member forms do; once added, the title
    is listed for its copies and the form is empty for the next one (it kept the text, and a second
    click added the title twice)."""
    from kanoon_desk.ui.drafts import DELAY_MS

    L, p = page
    type_persian(p.t_title, "قصه‌های شب")
    type_persian(p.t_author, "هوشنگ مرادی کرمانی")
    p.t_age.setCurrentIndex(p.t_age.findData("ج"))
    qtbot.wait(DELAY_MS + 200)
    p.hide()  # the app dies: nothing was added
    again = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(again)
    assert (again.t_title.text(), again.t_author.text(), again.t_age.currentData()) == (
        "قصه‌های شب", "هوشنگ مرادی کرمانی", "ج")
    assert again.message.text().startswith("عنوان تازه‌ای که پیش‌تر نیمه‌کاره")
    qtbot.mouseClick(again.add_title_button, Qt.MouseButton.LeftButton)
    assert again.message.text() == "«قصه‌های شب» به فهرست افزوده شد؛ نسخه‌هایش را با بارکد بیفزایید."
    assert [t.title for t in again.titles] == ["قصه‌های شب", "ماهی سیاه کوچولو"] and again.t_title.text() == ""
    assert again.t_age.currentData() == ""
    qtbot.mouseClick(again.add_title_button, Qt.MouseButton.LeftButton)  # an empty form adds nothing
    assert again.form.error_of("title") != "" and len(lib.search_titles(L.store, "قصه‌های شب")) == 1
    third = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(third)
    assert third.t_title.text() == "" and third.message.text() == ""  # added: no draft


def test_a_new_title_half_typed_comes_back_after_correcting_another(
        qtbot: Any, page: tuple[Lib, CataloguePage], tmp_path: Path, type_persian: Any) -> None:
    """Correcting a title while a new one is half typed takes the form; saving the correction
    gives the new one back (its draft was dropped with the save) and so does cancelling."""
    L, p = page
    type_persian(p.t_title, "قصه‌های شب")
    type_persian(p.t_author, "هوشنگ مرادی کرمانی")
    p.select(0)
    p.start_edit()
    assert p.t_title.text() != "قصه‌های شب"
    p.t_subject.clear()
    type_persian(p.t_subject, "داستان")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert (p.t_title.text(), p.t_author.text()) == ("قصه‌های شب", "هوشنگ مرادی کرمانی")
    assert "عنوان تازه‌ای که پیش‌تر نیمه‌کاره" in p.message.text() and p.editing is None
    p.select(0)
    p.start_edit()
    qtbot.mouseClick(p.cancel_edit_button, Qt.MouseButton.LeftButton)
    assert (p.t_title.text(), p.t_author.text()) == ("قصه‌های شب", "هوشنگ مرادی کرمانی")
    p.hide()  # the app dies: nothing was added
    again = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(again)
    assert again.t_title.text() == "قصه‌های شب"
    assert lib.search_titles(L.store, "قصه‌های شب") == []


def test_the_age_groups_read_a_to_e_in_english_and_stay_persian_in_the_catalogue(
        qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    from tests.ui.shell_support import compile_english

    L = make_library(tmp_path)
    lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره", age_group="ج"))
    with language(qapp, "en", compile_english(tmp_path)):
        p = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(p)
        shown = [p.t_age.itemText(i) for i in range(p.t_age.count())]
        assert shown == ["", "A", "B", "C", "D", "E"]
        assert p.title_table.model().index(0, 3).data() == "C"  # the newest title: خمره, group ج
        p.t_title.setText("کدو قلقله‌زن")
        p.t_age.setCurrentIndex(shown.index("B"))
        p.save_title()
    assert [t.age_group for t in lib.search_titles(L.store, "کدو")] == ["ب"]  # kept as the catalogue's code


def test_a_scanned_barcode_and_its_enter_add_the_copy_and_the_box_waits_for_the_next(
        qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """A scanner types the label's code then Enter: each scan is a copy of the title selected (the
    Enter did nothing; only the button added it). An Enter in the emptied box adds nothing: a
    scanner's second end-of-line is not a copy with a barcode of the desk's own."""
    L, p = page
    before = [c.barcode for c in lib.copies_of_title(L.store, L.title.id)]
    p.barcode.setFocus()
    for code in ("N0101", "N0102"):
        qtbot.keyClicks(p.barcode, code)
        qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
        assert p.message.text() == f"نسخه {code} افزوده شد." and p.barcode.text() == ""
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)  # nothing scanned
    assert [c.barcode for c in lib.copies_of_title(L.store, L.title.id)] == [*before, "N0101", "N0102"]
    assert sorted(c.barcode for c in p.copies) == sorted([*before, "N0101", "N0102"])
    qtbot.keyClicks(p.barcode, "N0101")  # a label scanned twice: said, and the code stays to see
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
    assert p.barcode.text() == "N0101" and p.message.text() == "این بارکد پیش‌تر به نسخه دیگری داده شده است."
    # the shelf typed after the scan: its Enter adds the copy too
    p.barcode.clear()
    qtbot.keyClicks(p.barcode, "N0103")
    qtbot.keyClicks(p.shelf, "C3")
    qtbot.keyClick(p.shelf, Qt.Key.Key_Return)
    assert lib.get_copy(L.store, "N0103").shelf == "C3"


def test_enter_in_the_title_form_adds_the_title_once(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """Keyboard only: the title typed, Enter adds it (as it registers an applicant at intake; it did
    nothing). A second Enter (or click) while the save runs adds no second title."""
    from tests.ui.shell_support import HeldRunner

    L, p = page
    p.ctx.tasks = runner = HeldRunner()
    type_persian(p.t_title, "خمره")
    type_persian(p.t_author, "هوشنگ مرادی کرمانی")
    qtbot.keyClick(p.t_author, Qt.Key.Key_Return)
    assert len(runner.held) == 1
    qtbot.keyClick(p.t_author, Qt.Key.Key_Return)  # the save has not come back yet
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert len(runner.held) == 1
    runner.release()
    assert [t.title for t in lib.search_titles(L.store, "خمره")] == ["خمره"]
    assert p.message.text().startswith("«خمره» به فهرست افزوده شد") and p.t_title.text() == ""
    # a correction is saved with Enter too, and a refusal keeps the form for the next Enter
    p.start_edit()
    p.t_isbn.setFocus()
    qtbot.keyClicks(p.t_isbn, "123")
    qtbot.keyClick(p.t_isbn, Qt.Key.Key_Return)
    runner.release()
    assert p.form.error_of("isbn") != "" and p.editing is not None
    p.t_isbn.clear()
    qtbot.keyClick(p.t_subject, Qt.Key.Key_Return)
    runner.release()
    assert p.editing is None and p.message.text() == "چیزی تغییر نکرده بود."


def test_after_a_save_the_list_is_the_one_its_heading_names_with_the_title_selected(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """Adding or correcting a title left that one title alone in the list, under «آخرین
    عنوان‌های افزوده» or «نتیجه جست‌وجو»: the list is now the one its heading names, the title
    selected in it with its copies."""
    L, p = page
    type_persian(p.t_title, "خمره")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert p.list_title.text() == "آخرین عنوان‌های افزوده"
    assert [t.title for t in p.titles] == ["خمره", "ماهی سیاه کوچولو"]  # the newest first, selected
    assert p.title_table.selectionModel().selectedRows()[0].row() == 0 and p.copies == []
    lib.add_title(L.store, L.admin, lib.TitleInput(title="ماهی قرمز"))
    type_persian(p.query, "ماهی")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    found = [t.title for t in p.titles]
    assert sorted(found) == ["ماهی سیاه کوچولو", "ماهی قرمز"]
    red = found.index("ماهی قرمز")
    p.select(red)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    type_persian(p.t_subject, "داستان")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)  # the correction, saved
    assert p.list_title.text() == "نتیجه جست‌وجو"
    assert [t.title for t in p.titles] == found
    assert p.title_table.selectionModel().selectedRows()[0].row() == red and p.titles[red].subject == "داستان"
    p.select(1 - red)  # renamed: the search no longer finds it; it is listed alone, and the heading says so
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    p.t_title.clear()
    type_persian(p.t_title, "کلاغ سیاه کوچولو")
    qtbot.mouseClick(p.add_title_button, Qt.MouseButton.LeftButton)
    assert p.list_title.text() == "عنوانی که هم‌اکنون ثبت شد"
    assert [t.title for t in p.titles] == ["کلاغ سیاه کوچولو"] and [c.barcode for c in p.copies] == [
        c.barcode for c in L.copies]


def test_correcting_another_title_asks_before_the_unsaved_changes_are_dropped(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """Starting to correct a second title silently dropped what was changed in the first."""
    L, p = page
    lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره"))
    p.show_recent()
    assert [t.title for t in p.titles] == ["خمره", "ماهی سیاه کوچولو"]
    asked: list[str] = []
    answer = [False]
    p.ask_drop_correction = lambda t: asked.append(t.title) or answer[0]  # type: ignore[method-assign]
    p.select(0)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    p.select(1)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)  # nothing changed: nothing asked
    assert asked == [] and p.t_title.text() == "ماهی سیاه کوچولو"
    type_persian(p.t_subject, "داستان")
    p.select(0)
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    assert asked == ["ماهی سیاه کوچولو"]  # «No»: the changes stay, on the title they belong to
    assert (p.t_title.text(), p.t_subject.text(), p.editing and p.editing.id) == (
        "ماهی سیاه کوچولو", "داستان", L.title.id)
    answer[0] = True
    qtbot.mouseClick(p.edit_title_button, Qt.MouseButton.LeftButton)
    assert (p.t_title.text(), p.t_subject.text()) == ("خمره", "")
    assert lib.get_title(L.store, L.title.id).subject == ""


def test_a_search_reads_the_first_titles_copies_once(qtbot: Any, page: tuple[Lib, CataloguePage],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A title searched and listed first has its copies shown at once. Selecting its row came back
    to the same selection through the list's row signal, so the copies were read twice: a popular
    title's 7,280 copies on the large store held the search 2 × 280 ms. Once now, the same copies."""
    L, p = page
    calls: list[str] = []
    read = lib.copies_of_title

    def counted(store: Any, title_id: str) -> list[lib.CopyView]:
        calls.append(title_id)
        return read(store, title_id)

    monkeypatch.setattr(lib, "copies_of_title", counted)
    p.query.setText("ماهی سیاه")
    p.search()
    assert len(p.titles) == 1 and calls == [p.titles[0].id]
    assert [c.barcode for c in p.copies] == [c.barcode for c in read(L.store, p.titles[0].id)]
    assert p.title_table.selectionModel().selectedRows()[0].row() == 0
    p.title_table.setCurrentIndex(p.title_table.model().index(0, 1))  # the arrow keys along the row: no new read
    calls.clear()
    p.select(0)
    assert calls == [p.titles[0].id]


def test_a_loan_made_while_the_catalogue_was_put_away_is_read_when_it_is_shown(
        qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """The circulation desk lends a copy while another page of the side bar is shown: the
    catalogue reads nothing meanwhile, and shows the copy on loan when it comes back; a sync round
    while it is shown is read at once (`widgets.ReadWhenShown`)."""
    from PySide6.QtWidgets import QStackedWidget, QWidget

    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import TODAY

    L, p = page
    stack = QStackedWidget()
    qtbot.addWidget(stack)
    other = QWidget()
    stack.addWidget(p)
    stack.addWidget(other)
    stack.show()
    p.query.setText(L.title.title)
    p.query.returnPressed.emit()
    def statuses() -> list[str]:
        return [c.status for c in p.copies]

    assert "on_loan" not in statuses()
    stack.setCurrentWidget(other)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    p.ctx.bus.changed.emit("library")
    assert p.refresher.stale and "on_loan" not in statuses()  # put away: not read
    stack.setCurrentWidget(p)
    assert not p.refresher.stale and "on_loan" in statuses()  # shown: read
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY)
    p.ctx.bus.changed.emit("sync")  # a sync round while shown: read at once
    assert statuses().count("on_loan") == 2
    stack.removeWidget(p)  # (the page is the fixture's: it outlives the stack)
    p.setParent(None)


def test_the_books_own_barcode_scanned_for_a_copy_is_said_and_the_next_scan_replaces_it(
        qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """The back cover's EAN-13 (the ISBN) scanned into the copy's barcode adds no copy and says so;
    the refused code stays in the box, selected, so the label scanned next is read alone (it was
    appended to it: «9789643913007N0201», refused again)."""
    L, p = page
    p.barcode.setFocus()
    qtbot.keyClicks(p.barcode, "9789643913007")
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
    assert p.message.text().startswith("این بارکدِ خودِ کتاب (شابک پشت جلد) است")
    assert p.barcode.text() == "9789643913007" and p.barcode.hasSelectedText()
    qtbot.keyClicks(p.barcode, "N0201")
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
    assert p.message.text() == "نسخه N0201 افزوده شد." and p.barcode.text() == ""
    assert [c.barcode for c in lib.copies_of_title(L.store, L.title.id)] == ["B0001", "B0002", "B0003", "N0201"]


def test_a_title_typed_again_with_other_letters_is_found_before_a_second_is_made(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """The helper's «ماهی سیاه کوچولو» by «صمد بهرنگی», typed with the Arabic ي and ك and a space
    for the half-space, no ISBN: it was added as a second title without a word. Now it is said at
    the title, the title in the catalogue is selected (a scanned label adds a copy to it), and what
    was typed stays; saved again unchanged, it is added (another edition)."""
    L, p = page
    type_persian(p.t_title, "ماهي سياه كوچولو")
    type_persian(p.t_author, "صمد بهرنگي")
    qtbot.keyClick(p.t_author, Qt.Key.Key_Return)
    assert p.form.error_of("title").split("\n") == [
        "«ماهی سیاه کوچولو» از «صمد بهرنگی» در فهرست هست. نسخه‌ها را به همان عنوان بیفزایید.",
        "اگر کتاب دیگری است (چاپ یا ترجمه دیگر)، دوباره «افزودن عنوان» را بزنید."]
    assert (p.t_title.text(), p.t_author.text()) == ("ماهي سياه كوچولو", "صمد بهرنگي")
    assert [t.id for t in lib.search_titles(L.store, "ماهی سیاه")] == [L.title.id]
    assert p._selected_title() == L.title
    qtbot.keyClicks(p.barcode, "N0301")
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
    assert lib.get_copy(L.store, "N0301").title_id == L.title.id
    # the librarian says it is another book: the same Enter again adds it
    qtbot.keyClick(p.t_author, Qt.Key.Key_Return)
    assert len(lib.search_titles(L.store, "ماهی سیاه")) == 2 and p.t_title.text() == ""
    # typed a third time: asked again (the answer was for that one)
    type_persian(p.t_title, "ماهی سیاه کوچولو")
    type_persian(p.t_author, "صمد بهرنگی")
    qtbot.keyClick(p.t_author, Qt.Key.Key_Return)
    assert p.form.error_of("title") != "" and len(lib.search_titles(L.store, "ماهی سیاه")) == 2


def test_a_new_title_then_its_twenty_copies_and_their_labels_from_the_keyboard(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """Title, Enter: the barcode box has the keyboard (it was left in the form, ten Tabs from the
    copies). The first label's code, Tab Tab, the count, Enter: twenty copies with the labels that
    follow it (each was a scan, or a click for each desk-issued one), selected for the labels
    dialog; the count is back to one for the next scan."""
    L, p = page
    type_persian(p.t_title, "خمره")
    qtbot.keyClick(p.t_title, Qt.Key.Key_Return)
    [new] = lib.search_titles(L.store, "خمره")
    assert p.barcode.hasFocus() and p._selected_title() == new
    qtbot.keyClicks(p.barcode, "K000120")
    qtbot.keyClick(p.barcode, Qt.Key.Key_Tab)
    qtbot.keyClick(p.shelf, Qt.Key.Key_Tab)
    assert p.count.hasFocus()
    p.count.lineEdit().selectAll()
    qtbot.keyClicks(p.count, "20")
    qtbot.keyClick(p.count, Qt.Key.Key_Return)
    codes = [f"K{n:06d}" for n in range(120, 140)]
    assert [c.barcode for c in lib.copies_of_title(L.store, new.id)] == codes
    assert p.message.text() == ("۲۰ نسخه افزوده شد، K000120 تا K000139؛ برگزیده‌اند تا برچسب‌هایشان را با "
                                "«برچسب بارکد…» یکجا چاپ کنید.")
    assert p.count.value() == 1 and p.barcode.text() == ""
    dialog = p.labels_dialog()
    qtbot.addWidget(dialog)
    assert dialog.choice() == "selected" and [b for b, _t in dialog.items()] == codes
    # a run that meets a label another copy has: nothing added, that label named
    qtbot.keyClicks(p.barcode, "K000130")
    p.count.setValue(3)
    qtbot.mouseClick(p.add_copy_button, Qt.MouseButton.LeftButton)
    assert p.message.text() == "این بارکد پیش‌تر به نسخه دیگری داده شده است."
    p.barcode.clear()
    qtbot.keyClicks(p.barcode, "K000118")
    qtbot.mouseClick(p.add_copy_button, Qt.MouseButton.LeftButton)
    assert p.message.text() == "بارکد K000120 از این رشته پیش‌تر به نسخه دیگری داده شده است؛ هیچ نسخه‌ای افزوده نشد."
    assert len(lib.copies_of_title(L.store, new.id)) == 20 and p.count.value() == 3


def test_a_books_isbn_scanned_first_finds_it_or_sends_the_keyboard_to_its_title(
        qtbot: Any, page: tuple[Lib, CataloguePage], type_persian: Any) -> None:
    """The back cover's EAN-13 scanned into the empty form's ISBN, with its Enter: «این خانه را پر
    کنید» at the title, whether or not the book was in the catalogue. Now a known book is selected,
    the barcode box ready for its copies' labels; a new one sends the keyboard to its title, the
    ISBN kept; a code that is no ISBN is said at the ISBN, selected for the next scan."""
    L, p = page
    p.show_recent()
    lib.add_title(L.store, L.admin, lib.TitleInput(title="خمره"))
    p.t_isbn.setFocus()
    type_persian(p.t_isbn, "۹۷۸۹۶۴۳۹۱۳۰۰۷")
    qtbot.keyClick(p.t_isbn, Qt.Key.Key_Return)
    assert p.form.error_of("title") == "" and p._selected_title() == L.title
    assert p.message.text() == "«ماهی سیاه کوچولو» با این شابک در فهرست هست؛ نسخه‌هایش را با بارکد بیفزایید."
    assert p.barcode.hasFocus() and p.t_isbn.text() == ""
    qtbot.keyClicks(p.barcode, "N0401")
    qtbot.keyClick(p.barcode, Qt.Key.Key_Return)
    assert lib.get_copy(L.store, "N0401").title_id == L.title.id
    p.t_isbn.setFocus()
    qtbot.keyClicks(p.t_isbn, "97896433755")  # cut short
    qtbot.keyClick(p.t_isbn, Qt.Key.Key_Return)
    assert p.form.error_of("isbn") == "شابک درست نیست." and p.t_isbn.selectedText() == "97896433755"
    qtbot.keyClicks(p.t_isbn, "9789643375560")  # a new book: its title next
    qtbot.keyClick(p.t_isbn, Qt.Key.Key_Return)
    assert p.form.error_of("isbn") == "" and p.t_title.hasFocus() and p.t_isbn.text() == "9789643375560"
    assert p.message.text() == "شابک 9789643375560 در فهرست نیست؛ عنوان و نویسنده را بنویسید و Enter بزنید."
    type_persian(p.t_title, "کلاغ‌ها")
    qtbot.keyClick(p.t_title, Qt.Key.Key_Return)
    assert lib.lookup_isbn(L.store, "9789643375560").title == "کلاغ‌ها"  # type: ignore[union-attr]
    assert p.barcode.hasFocus()


def test_a_copy_is_not_withdrawn_without_a_reason(qtbot: Any, page: tuple[Lib, CataloguePage]) -> None:
    """«وجین نسخه برگزیده» answered with nothing (or spaces) withdrew the copy with no reason: its
    history then said only «خارج از گردش», and a stock-take or an auditor asking why a book left
    the shelves had no answer. It is refused, said on the page, and the copy stays in circulation."""
    L, p = page
    p.select(0)
    copy = next(c for c in p.copies if c.barcode == "B0002")
    for blank in ("", "   "):
        p.mark_copy(copy, "withdraw", blank)
        assert p.message.text() == "چرا وجین می‌شود؟ دلیل را بنویسید (فرسوده، آسیب‌دیده، تکراری…)؛ نسخه وجین نشد."
        assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    with pytest.raises(ValidationError) as refused:
        lib.withdraw_copy(L.store, L.admin, "B0002", "")
    assert refused.value.field == "reason"
    p.mark_copy(copy, "withdraw", "آب‌دیده")
    assert lib.get_copy(L.store, "B0002").status == "withdrawn"


def test_a_withdrawn_copys_history_says_why_when_and_by_whom(
        qtbot: Any, page: tuple[Lib, CataloguePage], tmp_path: Path) -> None:
    """The reason asked at «وجین نسخه برگزیده» was recorded and shown nowhere: the copy's history
    had only its shelf, centre and «may be lent». It has the withdrawal (and a loss, and the copy
    found again), with its reason, who and when, and the barcode the copy was given."""
    from kanoon_desk.ui.widgets import select_row

    L, p = page
    p.select(0)
    by_code = {c.barcode: c for c in p.copies}
    p.mark_copy(by_code["B0002"], "withdraw", "پاره و آب‌دیده")
    p.mark_copy(by_code["B0003"], "lost", "در انبارگردانی ۱۴۰۵ دیده نشد")
    select_row(p.copy_table, next(i for i, c in enumerate(p.copies) if c.barcode == "B0002"))
    dialog = p.show_copy_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = [[model.data(model.index(r, c)) for c in range(4)] for r in range(model.rowCount())]
    admin = rows[-1][3]
    assert ["وضعیت نسخه", "خارج از گردش — پاره و آب‌دیده", "در اجرا", admin] in rows
    assert ["بارکد", "B0002", "در اجرا", admin] in rows
    dialog.close()
    select_row(p.copy_table, next(i for i, c in enumerate(p.copies) if c.barcode == "B0003"))
    dialog = p.show_copy_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    model = dialog.model
    assert model.data(model.index(0, 1)) == "گم‌شده — در انبارگردانی ۱۴۰۵ دیده نشد"
