"""Small screens: a 1024x768 monitor or a 1366x768 laptop at 125 % (about 1093x614 to draw in)
holds the whole main window and every dialog, in Persian and in English."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication, QScrollArea

from kanoon_desk.ui.main_window import MainWindow
from tests.library_helpers import Lib
from tests.ui.shell_support import make_ctx

#: the screen a clerk's window must fit: a 1024x768 monitor less its task bar and title bar
SMALL = QSize(1024, 720)
#: a 1366x768 laptop at 150 % (Windows' own choice for it): 910x512 logical px less the task bar
LAPTOP_150 = QSize(910, 480)


def fits(size: QSize, screen: QSize) -> bool:
    return size.width() <= screen.width() and size.height() <= screen.height()


@pytest.mark.parametrize("screen", [SMALL, LAPTOP_150], ids=["1024x768", "1366x768-150"])
def test_the_main_window_fits_a_small_screen_after_every_page_was_opened(
        lang: str, screen: QSize, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))  # every page: the admin has every role
    qtbot.addWidget(window)
    window.resize(screen)
    window.show()
    qtbot.waitExposed(window)
    too_wide: list[str] = []
    scroll = window.findChild(QScrollArea, "page-scroll")  # a page taller than the window scrolls
    for key in window.page_keys():
        page = window.show_page(key)
        if key == "library-members":  # a member chosen: its card stands beside the form
            page.table.selectRow(0)  # type: ignore[attr-defined]
        QApplication.processEvents()
        assert fits(window.minimumSizeHint(), screen), (key, window.minimumSizeHint())
        # the page itself is as wide as the room the window leaves it: no sideways scrolling
        room = scroll.viewport().width() if scroll is not None else screen.width() - window.sidebar.width()
        if page.minimumSizeHint().width() > room:
            too_wide.append(f"{key}: {page.minimumSizeHint().width()} > {room}")
    assert not too_wide, "; ".join(too_wide)
    assert window.width() <= screen.width() and window.height() <= screen.height()


def test_the_main_window_first_opens_inside_the_screen(lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A new desk (no size kept yet) on a screen smaller than the window's usual 1280x800 (the
    offscreen screen is 800x800): the window opens inside it, its status bar in view."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    free = window.screen().availableGeometry()
    assert free.width() < 1280  # (the case this test is about)
    frame = window.frameGeometry()
    assert frame.width() <= free.width() and frame.height() <= free.height(), (frame, free)
    assert free.contains(frame.topLeft()) and free.contains(frame.bottomRight())


def test_a_case_with_many_actions_keeps_every_button_whole_on_a_small_screen(
        lang: str, qtbot: Any, tmp_path: Path) -> None:
    """A case in the manager's cartable seen by one who may do everything with it: eight
    buttons («ارجاع», «بازگرداندن به ارجاع‌دهنده», «ارسال به دستگاه», «رد درخواست», «مختومه», …)
    in a row wider than the page at 1024 px; they go on to a second line, each one whole."""
    from datetime import date

    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    desk = make_secretariat_desk(tmp_path)
    day = date(2025, 5, 4)
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=day)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=day)
    sec.register(desk.store, desk.clerk, r.case_id, on=day)
    sec.refer(desk.store, desk.expert, r.case_id, desk.admin.user_id, on=day)
    try:
        window = MainWindow(make_ctx(desk.store, desk.admin, tmp_path))
        qtbot.addWidget(window)
        window.resize(SMALL)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("secretariat-search")
        view = page.view  # type: ignore[attr-defined]
        view.load(r.case_id)
        QApplication.processEvents()
        assert {"refer", "refer_back", "forward", "manager_reject", "close"} <= set(view.buttons)
        scroll = window.findChild(QScrollArea, "page-scroll")
        assert page.minimumSizeHint().width() <= scroll.viewport().width()
        squeezed = [b.text() for b in view.buttons.values() if b.width() < b.sizeHint().width()]
        assert squeezed == []
    finally:
        desk.store.close()


def test_the_conflict_list_wraps_its_titles_in_the_room_of_a_small_screen(
        lang: str, qtbot: Any, tmp_path: Path) -> None:
    """The inbox at the room a 1024 px window leaves it: each conflict's title and time go on to
    more lines within the list, rather than all cut after the same words with a sideways bar."""
    from kanoon_desk.eventlog import system_actor
    from kanoon_desk.ids import new_id
    from kanoon_desk.ui.conflict_inbox import ConflictInbox
    from tests.factories import make_desk

    store, admin = make_desk(tmp_path / "desk.sqlite3")
    try:
        for name in ("ali", "reza"):
            for _ in range(2):
                with store.transaction() as s:
                    store.record(s, system_actor("13"), "user.created", new_id(), {
                        "office_code": "13", "username": name, "full_name": name, "password_hash": "h",
                        "roles": ["clerk"]})
        inbox = ConflictInbox(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(inbox)
        inbox.resize(776, 577)
        inbox.show()
        qtbot.waitExposed(inbox)
        assert inbox.list.count() == 2
        room = inbox.list.viewport().width()
        for row in range(inbox.list.count()):
            rect = inbox.list.visualItemRect(inbox.list.item(row))
            assert 0 < rect.width() <= room, (rect, room)
        assert inbox.list.horizontalScrollBar().maximum() == 0
    finally:
        store.close()


def test_the_case_search_box_holds_a_whole_tracking_code_on_a_small_screen(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """At 1024 px the status and agency lists took the row as wide as their longest names and
    left the search box about 110 px: a tracking code typed in ran out of sight."""
    from kanoon_desk.services.secretariat_agencies import save_agency

    for name in ("اداره کل میراث فرهنگی، گردشگری و صنایع دستی", "اداره کل تعاون، کار و رفاه اجتماعی"):
        save_agency(library.store, library.admin, name=name, deadline_days=None)
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("secretariat-search")
    QApplication.processEvents()
    box = page.text  # type: ignore[attr-defined]
    code = "0013 0111 3240 7746"
    box.setText(code)
    needed = box.fontMetrics().horizontalAdvance(code) + 2 * box.fontMetrics().averageCharWidth()
    assert box.width() >= needed + 30, (box.width(), needed)  # (+ its clear button)


def test_tab_from_the_side_bar_goes_straight_to_the_pages_first_field(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The scroll areas that let a page fit a small screen take no Tab stop of their own: Tab
    from the side bar lands in the page's first field, and a field tabbed to below the window's
    edge is scrolled into view."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(1024, 560)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page("library-members")
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is page.query  # type: ignore[attr-defined]
    scroll = page.form_scroll  # type: ignore[attr-defined]
    page.parts.show_side()  # type: ignore[attr-defined]  # (the form has a tab of its own at 1024 px)
    page.centre.setFocus()  # type: ignore[attr-defined]
    qtbot.keyClick(page.centre, Qt.Key.Key_Tab)  # type: ignore[attr-defined]
    focused = QApplication.focusWidget()
    assert focused is not None and scroll.isAncestorOf(focused) and focused is not page.centre  # type: ignore[attr-defined]
    top = focused.mapTo(scroll.viewport(), focused.rect().topLeft()).y()
    assert 0 <= top and top + focused.height() <= scroll.viewport().height()  # in view


def test_the_set_up_log_in_and_admin_dialogs_fit_a_small_screen(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.store import Store
    from kanoon_desk.ui.admin.agencies import AgencyDialog
    from kanoon_desk.ui.admin.users import UserDialog
    from kanoon_desk.ui.login import LoginWindow
    from kanoon_desk.ui.password import ChangePasswordDialog
    from kanoon_desk.ui.setup import SetupDialog

    ctx = make_ctx(library.store, library.admin, tmp_path)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    fresh = Store(tmp_path / "fresh.sqlite3")
    try:
        setup = SetupDialog(fresh)
        dialogs = [setup, LoginWindow(library.store), ChangePasswordDialog(ctx, window), UserDialog(ctx, None, window),
                   AgencyDialog(ctx, None, window), window.shortcuts_dialog(), window.about_dialog()]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            dialog.show()
            QApplication.processEvents()
            pages = range(setup.tabs.count()) if dialog is setup else range(1)
            for tab in pages:
                if dialog is setup:
                    setup.tabs.setCurrentIndex(tab)
                    QApplication.processEvents()
                for size in (dialog.minimumSizeHint(), dialog.size()):
                    assert fits(size, SMALL), (type(dialog).__name__, tab, size)
            dialog.close()
    finally:
        fresh.close()


def test_the_side_bar_widens_with_larger_text(lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """Ctrl++ twice (text at 130 %, what a clerk at a small screen far from the eyes picks): the
    side bar stayed 200 px, «Backups and data health» / «پشتیبان و سلامت داده‌ها» cut under a
    sideways scroll bar. It now widens to its longest entry (and narrows back)."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.show()
    qtbot.waitExposed(window)
    window.load_icons()
    sidebar = window.sidebar
    for scale in (1.3, 1.75, 1.0):
        window.set_text_scale(scale)
        QApplication.processEvents()
        assert sidebar.viewport().width() >= sidebar.sizeHintForColumn(0), scale
        assert sidebar.horizontalScrollBar().maximum() == 0, scale
    assert sidebar.width() < 260  # back to its normal width with normal text


def test_tab_leaves_a_list_one_reads_instead_of_walking_its_cells(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A read-only list took Tab from cell to cell (Qt's default), so the keyboard could not leave
    it: on «اعضای کتابخانه» Tab from the list stayed in the list. Tab leaves it; the arrows walk it."""
    from PySide6.QtWidgets import QAbstractItemView

    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    page = window.show_page("library-members")
    views = [v for v in page.findChildren(QAbstractItemView) if v.objectName() == "members-table"]
    assert views, "the members list"
    table = views[0]
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_the_catalogue_title_box_holds_a_title_as_typed_on_a_small_screen(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """At 1024 px the title form's boxes were ~130 px wide (the lists took three parts of the
    width to the form's one), so a usual title ran out of sight while typed."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("library-catalogue")
    QApplication.processEvents()
    title = "قصه‌های خوب برای بچه‌های خوب (جلد ۲)"
    box = page.t_title  # type: ignore[attr-defined]
    assert box.width() >= box.fontMetrics().horizontalAdvance(title), box.width()
    assert window.width() <= SMALL.width()


def _library_dialogs(library: Lib, ctx: Any, tmp_path: Path) -> dict[str, Any]:
    """The library's wide dialogs: the import preview (opened at 900x500), the field history
    (860x420), the pull list, the copies in transit, the hold shelf and the labels (each with a
    minimum of 640–760 px)."""
    import csv

    from kanoon_desk.services import library_import as imp
    from kanoon_desk.ui.library.catalogue_import import ImportDialog
    from kanoon_desk.ui.library.catalogue_labels import LabelsDialog
    from kanoon_desk.ui.library.history import FieldHistoryDialog
    from kanoon_desk.ui.library.holds import HoldShelfDialog
    from kanoon_desk.ui.library.transit import PullListDialog, TransitDialog

    path = tmp_path / "titles.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["عنوان", "شابک", "بارکد"], ["ماهی سیاه", "123", "N9"]])
    return {
        "import preview": ImportDialog(ctx, imp.preview_import(library.store, library.admin, "titles", path)),
        "field history": FieldHistoryDialog([], library.title.title),
        "pull list": PullListDialog(ctx),
        "transit": TransitDialog(ctx),
        "hold shelf": HoldShelfDialog(ctx, library.admin.office_code),
        "labels": LabelsDialog(ctx, library.copies[:1], library.copies),
    }


def test_a_dialog_wider_than_the_screen_opens_inside_it(lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The import preview opened 900 px wide and the field history 860 px whatever the screen:
    on a smaller one (the offscreen screen is 800x800; a 1366x768 laptop at 150 % has 911x480)
    their right side and «درون‌ریزی همه ردیف‌ها» stood past its edge. A dialog opens no larger
    than the screen's free area less its frame."""
    from kanoon_desk.ui.main_window import FRAME_ALLOWANCE

    dialogs = _library_dialogs(library, make_ctx(library.store, library.admin, tmp_path), tmp_path)
    too_big = []
    for key, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        room = QApplication.primaryScreen().availableGeometry().size() - FRAME_ALLOWANCE
        if not fits(dialog.size(), room):
            too_big.append(f"{key}: {dialog.size()} on {room}")
        dialog.close()
    assert not too_big, "; ".join(too_big)


def test_every_wide_dialog_fits_a_small_screen_at_150_percent(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A 1024x768 monitor at 150 % (683x480 to draw in, its task bar off): the pull list, the
    transit list, the hold shelf and the labels were held at least 640–760 px wide, wider than the
    screen, their buttons out of reach. Each now fits, its buttons whole inside it."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QDialogButtonBox

    from kanoon_desk.ui.fitting import FRAME_ALLOWANCE, fit_to_screen

    free = QRect(0, 0, 683, 480)
    room = free.size() - FRAME_ALLOWANCE
    dialogs = _library_dialogs(library, make_ctx(library.store, library.admin, tmp_path), tmp_path)
    wrong = []
    for key, dialog in dialogs.items():
        qtbot.addWidget(dialog)
        fit_to_screen(dialog, free)
        dialog.show()
        QApplication.processEvents()
        if not fits(dialog.size(), room):
            wrong.append(f"{key}: {dialog.size()} on {room}")
        for box in dialog.findChildren(QDialogButtonBox):
            for button in box.buttons():
                where = QRect(button.mapTo(dialog, button.rect().topLeft()), button.size())
                if not dialog.rect().contains(where) or button.width() < button.sizeHint().width():
                    wrong.append(f"{key}: «{button.text()}» at {where} in {dialog.rect()}")
        dialog.close()
    assert not wrong, "; ".join(wrong)


def test_the_agency_lists_errors_are_in_view_beside_long_names_and_addresses(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The province's list with its long names and addresses: «خطا» came last, past the dialog's
    right edge (its left in English) behind a sideways scroll bar, so «۲ ردیف نادرست» was said and
    what was wrong with them was out of sight. Each wrong row's error is in view as it opens."""
    import csv

    from PySide6.QtCore import QCoreApplication

    from kanoon_desk.services import secretariat_agencies as agencies
    from kanoon_desk.ui.admin.agency_import import AgencyImportDialog

    path = tmp_path / "agencies.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([
            ["نام", "مهلت", "تلفن", "نشانی"],
            ["اداره کل میراث فرهنگی، گردشگری و صنایع دستی استان", "10", "021-88776655",
             "خیابان آزادی، نبش کوچه شهید رضایی، پلاک ۱۲۳، طبقه دوم، واحد ۴"],
            ["شرکت توزیع نیروی برق شهرستان مرکزی استان", "abc", "0912",
             "بلوار کشاورز، روبه‌روی پارک لاله، کوچه شهید رضایی، پلاک ۷"],
            ["", "5", "", ""]])
    rows = agencies.preview_agencies(library.store, library.admin, path)
    dialog = AgencyImportDialog(make_ctx(library.store, library.admin, tmp_path), rows)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    error = next(c for c in range(table.columnCount())
                 if table.horizontalHeaderItem(c).text() == QCoreApplication.translate("AgencyImportDialog", "خطا"))
    room = table.viewport().rect()
    out_of_view = [(r, table.visualRect(table.model().index(r, error))) for r in range(table.rowCount())
                   if table.item(r, error).text()
                   and not room.contains(table.visualRect(table.model().index(r, error)))]
    assert [r for r in range(table.rowCount()) if table.item(r, error).text()] == [1, 2]
    assert not out_of_view, (out_of_view, room)


def test_the_users_list_shows_each_users_roles_and_state_whole_on_a_small_screen(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A user name made at two desks (its state says which account logs in) beside an admin with
    all five roles: at 1024 px the roles took the row's width and the state was cut to «فعال —
    همین نام کاربری…» / «Active — another …»; at 150 % it was past the list's edge. Both columns
    share the width and wrap: every cell's text is whole, and nothing scrolls sideways."""
    from PySide6.QtCore import QModelIndex

    from kanoon_desk.ids import new_id
    from tests.factories import make_user

    store, admin = library.store, library.admin
    make_user(store, admin, "ali", "clerk")
    with store.transaction() as s:  # the other desk's Ali, as the sync brings him in
        store.record(s, admin, "user.created", new_id(), {
            "office_code": admin.office_code, "username": "ali", "full_name": "علی رضایی",
            "password_hash": "h", "roles": ["librarian", "clerk", "expert"]})
    window = MainWindow(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(SMALL)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("admin-users")
    QApplication.processEvents()
    table = page.table  # type: ignore[attr-defined]
    model = table.model()
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QStyle

    margin = table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1  # (a cell's text's)
    cut = []
    for row in range(model.rowCount(QModelIndex())):
        for column in range(model.columnCount(QModelIndex())):
            index = model.index(row, column)
            text = str(index.data() or "")
            rect = table.visualRect(index)
            room = rect.width() - 2 * margin
            needed = table.fontMetrics().boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
            if needed.width() > room or needed.height() > rect.height():
                cut.append(f"{row},{column}: {text!r} needs {needed.size()} in {rect.size()}")
    assert not cut, "\n".join(cut)
    assert table.horizontalScrollBar().maximum() == 0


def test_a_case_with_a_twin_shows_its_values_whole_on_a_small_screen(lang: str, qtbot: Any, tmp_path: Path) -> None:
    """A case taken twice (the twin notice's three lines under its buttons) on «جستجو و پیگیری»
    at 1024 px: the splitter gave the case the least height its parts ask with their words on one
    line, so the case's values were cut at their foot (English «Received, awaiting review» lost
    its «g», a Persian name its dots). Each value is as tall as its words; the page scrolls."""
    from datetime import date

    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    desk = make_secretariat_desk(tmp_path)
    day = date(2025, 5, 4)
    sec.intake(desk.store, desk.clerk, case_input(1), on=day)
    twin = sec.intake(desk.store, desk.clerk, case_input(1), on=day)  # the same paper brought again
    try:
        window = MainWindow(make_ctx(desk.store, desk.admin, tmp_path))
        qtbot.addWidget(window)
        window.resize(SMALL)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page("secretariat-search")
        view = page.view  # type: ignore[attr-defined]
        view.load(twin.case_id)
        for _ in range(5):  # the layouts settle: the case, its splitter, the page, its scroll area
            QApplication.processEvents()
        assert view.twin_message.isVisible()
        cut = {key: (label.height(), label.heightForWidth(label.width())) for key, label in view.labels.items()
               if label.height() < label.heightForWidth(label.width())}
        assert not cut, cut
        message = view.twin_message
        assert message.height() >= message.heightForWidth(message.width())
    finally:
        desk.store.close()


def test_a_long_title_found_for_a_hold_is_whole_in_the_list(lang: str, library: Lib, qtbot: Any) -> None:
    """«رزرو کتاب»: a long title and its author ran past the list's width under a sideways scroll
    bar; in English a Persian title's start (its right end) was the part cut. It wraps in the
    list's width."""
    from kanoon_desk.services import library as lib
    from kanoon_desk.ui.library.holds import HoldDialog
    from tests.library_helpers import TODAY
    from tests.ui.shell_support import make_ctx as ctx_of

    long_title = lib.add_title(library.store, library.admin, lib.TitleInput(
        title="قصه‌های خوب برای بچه‌های خوب: جلد دوم، داستان‌های پیامبران", author="مهدی آذریزدی"))
    lib.add_copy(library.store, library.admin, long_title.id, barcode="B0100", shelf="A2")
    dialog = HoldDialog(ctx_of(library.store, library.admin, Path(library.store.path).parent), library.child, day=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.query.setText("قصه‌های خوب")
    QApplication.processEvents()
    matches = dialog.matches
    assert matches.count() == 1
    room = matches.viewport().rect()
    rect = matches.visualItemRect(matches.item(0))
    assert room.left() <= rect.left() and rect.right() <= room.right(), (rect, room)
    assert matches.horizontalScrollBar().maximum() == 0


def test_a_conflicts_two_facts_have_room_to_be_read_at_150_percent(lang: str, qtbot: Any, tmp_path: Path) -> None:
    """A 1366x768 laptop at 150 % draws the window in 911x480: the resolutions' rows took the
    page's height and each of the two facts to decide between was two lines in a box scrolling on
    its own (which office, cut mid-line). Each shows six lines at least; the page scrolls."""
    from kanoon_desk.eventlog import system_actor
    from kanoon_desk.ids import new_id
    from tests.factories import make_desk

    store, admin = make_desk(tmp_path / "desk.sqlite3")
    try:
        for _ in range(2):
            with store.transaction() as s:
                store.record(s, system_actor("13"), "user.created", new_id(), {
                    "office_code": "13", "username": "ali", "full_name": "علی رضایی", "password_hash": "h",
                    "roles": ["clerk", "librarian"]})
        window = MainWindow(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(window)
        window.resize(911, 480)
        window.show()
        qtbot.waitExposed(window)
        inbox = window.show_page("conflicts")
        inbox.list.setCurrentRow(0)  # type: ignore[attr-defined]
        for _ in range(5):
            QApplication.processEvents()
        for browser in inbox.fact_boxes:  # type: ignore[attr-defined]
            lines = browser.viewport().height() / browser.fontMetrics().lineSpacing()
            assert lines >= 6, lines
    finally:
        store.close()


def test_the_cartables_tools_wrap_at_150_percent_its_forward_button_in_view(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """A 1366x768 laptop at 150 % draws the window in 911x480: the cartable's row of tools asked
    more than the page's room, so the search box shrank to «S…» and «ارسال گروهی…» stood past the
    page's edge behind a sideways scroll bar. The tools go on to a second line, each whole."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(911, 480)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("secretariat-cartable")
    for _ in range(3):
        QApplication.processEvents()
    scroll = window.findChild(QScrollArea, "page-scroll")
    assert page.minimumSizeHint().width() <= scroll.viewport().width()
    button = page.batch.button  # type: ignore[attr-defined]
    assert button.isVisible() and button.width() >= button.sizeHint().width()
    where = button.mapTo(scroll.viewport(), button.rect().bottomRight())
    assert scroll.viewport().rect().contains(where), (where, scroll.viewport().rect())
    box = page.filter  # type: ignore[attr-defined]
    assert box.width() >= box.fontMetrics().horizontalAdvance("0013 0111 3240 7746")


@pytest.mark.parametrize("key", ["library-overdue", "secretariat-overdue", "secretariat-search"])
def test_a_lists_export_button_is_in_view_at_150_percent(
        lang: str, key: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """At 150 % on a 1366x768 laptop (911x480 to draw in), the overdue loans' row («صف پیامک
    یادآوری», «چاپ برگه‌های یادآوری», «خروجی اکسل») and the overdue agencies' («پیگیری گروهی…»
    beside the export) asked more than the page's room: «خروجی اکسل» stood past the page's edge
    behind a sideways scroll bar. The rows wrap; the page is as wide as its room."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(911, 480)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page(key)
    for _ in range(3):
        QApplication.processEvents()
    scroll = window.findChild(QScrollArea, "page-scroll")
    assert page.minimumSizeHint().width() <= scroll.viewport().width(), page.minimumSizeHint()
    button = page.export_button  # type: ignore[attr-defined]
    assert button.width() >= button.sizeHint().width()
    corners = (button.mapTo(scroll.viewport(), button.rect().topLeft()),
               button.mapTo(scroll.viewport(), button.rect().bottomRight()))
    assert all(scroll.viewport().rect().contains(c) for c in corners), (corners, scroll.viewport().rect())


def test_the_lending_rules_fit_a_laptop_at_150_percent(lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The rules' column headings («نگه‌داری رزرو (روز کاری)», English «Hold kept for (working
    days)») each on one line made the page 664 px wide in the 649 a 1366x768 laptop at 150 % leaves
    it: the last column's boxes were past the edge. The headings wrap when there is no room."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(911, 480)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("library-rules")
    for _ in range(3):
        QApplication.processEvents()
    scroll = window.findChild(QScrollArea, "page-scroll")
    assert page.minimumSizeHint().width() <= scroll.viewport().width(), page.minimumSizeHint()
    for spins in page.spins.values():  # type: ignore[attr-defined]
        for spin in spins.values():
            right = spin.mapTo(scroll.viewport(), spin.rect().topRight()).x()
            assert right < scroll.viewport().width(), (spin.objectName(), right)


def test_the_catalogues_copy_row_is_no_wider_than_its_list_at_150_percent(
        lang: str, library: Lib, qtbot: Any, tmp_path: Path) -> None:
    """The count of copies beside a new copy's barcode and shelf, with «افزودن نسخه…» and «برچسب
    بارکد…» on the same row, made that row the widest of the lists' column, and the page 46 px
    wider (650 → 696 px, the lists' 911x480 at 150 % had no room for it); the labels button stands
    above the copies' list, and the row, the count and its add button in view, is narrower than the
    column's other rows."""
    window = MainWindow(make_ctx(library.store, library.admin, tmp_path))
    qtbot.addWidget(window)
    window.resize(911, 480)
    window.show()
    qtbot.waitExposed(window)
    page = window.show_page("library-catalogue")
    for _ in range(3):
        QApplication.processEvents()
    row = page.copy_row  # type: ignore[attr-defined]
    column = row.parent()  # the lists' column: its widest row sets its width
    assert row.minimumSize().width() < column.minimumSize().width(), (row.minimumSize(), column.minimumSize())
    for w in (page.count, page.add_copy_button):  # type: ignore[attr-defined]
        assert w.isVisible() and w.width() >= w.minimumSizeHint().width()


@pytest.mark.parametrize("key", ["secretariat-search", "secretariat-cartable"])
def test_a_case_list_shows_several_rows_over_the_case_on_a_laptop_at_150_percent(
        lang: str, key: str, qtbot: Any, tmp_path: Path) -> None:
    """A 1366x768 laptop at 150 %: the search's list showed one row over an empty «no case
    selected» (the splitter gave the case below two thirds of a short page); the list keeps
    four rows' height and the case below is made smaller first."""
    from datetime import date

    from kanoon_desk.services import secretariat as sec
    from tests.secretariat_helpers import case_input, make_secretariat_desk

    desk = make_secretariat_desk(tmp_path)
    day = date(2025, 5, 4)
    for n in range(12):
        r = sec.intake(desk.store, desk.clerk, case_input(n + 1), on=day)
        sec.review(desk.store, desk.expert, r.case_id, accept=True, on=day)
        sec.register(desk.store, desk.clerk, r.case_id, on=day)
        sec.refer(desk.store, desk.expert, r.case_id, desk.admin.user_id, on=day)
    try:
        window = MainWindow(make_ctx(desk.store, desk.admin, tmp_path))
        qtbot.addWidget(window)
        window.resize(LAPTOP_150)
        window.show()
        qtbot.waitExposed(window)
        page = window.show_page(key)
        if key == "secretariat-search":
            page.run()  # type: ignore[attr-defined]
        QApplication.processEvents()
        table = page.table  # type: ignore[attr-defined]
        assert table.model().rowCount() >= 12
        height = table.viewport().height()
        whole = sum(1 for r in range(table.model().rowCount())
                    if 0 <= table.visualRect(table.model().index(r, 0)).bottom() < height)
        assert whole >= 3, whole
        scroll = window.findChild(QScrollArea, "page-scroll")
        assert page.minimumSizeHint().width() <= scroll.viewport().width()
    finally:
        desk.store.close()
