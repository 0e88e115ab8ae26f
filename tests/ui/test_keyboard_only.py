"""The two daily flows worked without the mouse: where the cursor lands after each key, and that
Tab always leads on (no list keeps it)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QApplication, QVBoxLayout, QWidget

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.focus_ring import FocusRingStyle
from kanoon_desk.ui.main_window import MainWindow
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Iterator[None]:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Iterator[Desk]:
    d = make_secretariat_desk(tmp_path)
    yield d
    d.store.close()


def _referred(desk: Desk, n: int) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="بررسی شود", on=DAY)
    return r.case_id


def _window(qtbot: Any, ctx: Any) -> MainWindow:
    main = MainWindow(ctx)
    qtbot.addWidget(main)
    main.show()
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is main)
    return main


def _tab_out_of(qtbot: Any, view: QWidget, most: int = 3) -> QWidget | None:
    """Tab from `view` until the cursor is in another widget (at most `most` presses): where it went."""
    for _ in range(most):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        if QApplication.focusWidget() is not view:
            return QApplication.focusWidget()
    return None


def test_tab_leaves_the_cartable_list_and_the_case_timeline(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Tab in the cartable's list walked its cells, row after row and round again: a keyboard user
    who had tabbed into the list (or opened a case with Enter) could never Tab out of it."""
    for n in (1, 2):
        _referred(desk, n)
    main = _window(qtbot, make_ctx(desk.store, desk.manager, tmp_path))
    page: Any = main.show_page("secretariat-cartable")
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Down)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # the case opens below
    assert page.view.case_id is not None
    assert _tab_out_of(qtbot, page.table) is not None
    for view in page.view.findChildren(QAbstractItemView):  # the case's timeline: read, then on
        if view.isVisibleTo(page) and view.focusPolicy() != Qt.FocusPolicy.NoFocus:
            view.setFocus()
            assert _tab_out_of(qtbot, view) is not None, view.objectName()


def test_ctrl_and_a_page_number_puts_the_cursor_in_the_page(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Ctrl+2 showed the intake but left the cursor in the side bar: the national ID typed next went
    to the list of pages. Now the page's first field takes it (its search box when it has none), and
coming back to a page finds the cursor where it was left."""
    main = _window(qtbot, make_ctx(desk.store, desk.admin, tmp_path))
    keys = main.page_keys()
    intake: Any = main.page_widget("secretariat-intake")
    qtbot.keyClick(main, getattr(Qt.Key, f"Key_{keys.index('secretariat-intake') + 1}"),
                   Qt.KeyboardModifier.ControlModifier)
    assert main.current_key() == "secretariat-intake"
    assert QApplication.focusWidget() is intake.national_id
    qtbot.keyClicks(intake.national_id, "0012345678")
    assert intake.national_id.text() == "0012345678"
    # on to the cartable (its filter box), and back: the cursor is where it was left
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{keys.index('secretariat-cartable') + 1}"),
                   Qt.KeyboardModifier.ControlModifier)
    cartable: Any = main.page_widget("secretariat-cartable")
    assert QApplication.focusWidget() is cartable.filter
    intake.mobile.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), getattr(Qt.Key, f"Key_{keys.index('secretariat-intake') + 1}"),
                   Qt.KeyboardModifier.ControlModifier)
    assert QApplication.focusWidget() is intake.mobile


@pytest.mark.parametrize("button", ["renew_one", "renew_all", "shelf_button", "pull_button", "slip"])
def test_after_a_desk_button_the_next_scan_goes_to_the_scan_box(qtbot: Any, tmp_path: Path, button: str) -> None:
    """«تمدید همه» (pressed with Space, or clicked: a click gives a button the cursor too) left the
    cursor on the button: the next card or book the scanner read was typed into nothing and lost.
    After each of the desk's buttons the cursor is back in the scan box."""
    from PySide6.QtWidgets import QDialog

    from kanoon_desk.services import library as lib
    from tests.ui.lending_desk import open_desk, scanner

    L, page = open_desk(qtbot, tmp_path, active=True)
    opened: list[QDialog] = []
    page._open_and_recount = opened.append  # type: ignore[method-assign]  # (the lists open modal)
    scan = scanner(qtbot, page)
    scan(L.child.member_no)
    scan("B0001")
    pressed = getattr(page, button)
    pressed.setFocus()  # Tab took the librarian there
    qtbot.keyClick(pressed, Qt.Key.Key_Space)
    for dialog in [*opened, *page.findChildren(QDialog)]:
        dialog.close()
    assert QApplication.focusWidget() is page.scan or page.focusWidget() is page.scan
    scan("B0002")  # the next book the scanner reads is lent
    assert lib.get_copy(L.store, "B0002").status == "on_loan"


def test_a_screen_reader_names_each_intake_field_and_reads_its_error(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """The intake's fields had no accessible name (the form's label stands beside the field's holder,
    where Qt does not look): a screen reader said only "edit" for the national ID, the name, the mobile.
    Each field is named by its label, and the error shown under it is read with it."""
    from PySide6.QtGui import QAccessible

    from kanoon_desk.ui.secretariat.intake import IntakePage

    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.show()

    def said(widget: QWidget, what: QAccessible.Text) -> str:
        face = QAccessible.queryAccessibleInterface(widget)
        assert face is not None
        return face.text(what)

    assert said(page.national_id, QAccessible.Text.Name) == "کد ملی"
    assert said(page.first_name, QAccessible.Text.Name) == "نام"
    assert said(page.mobile, QAccessible.Text.Name) == "شماره همراه"
    assert said(page.text, QAccessible.Text.Name) == "شرح درخواست"
    assert said(page.received, QAccessible.Text.Name) == "تاریخ دریافت"
    page.national_id.setFocus()
    qtbot.keyClicks(page.national_id, "0012345670")  # a wrong check digit
    qtbot.keyClick(page.national_id, Qt.Key.Key_Return)
    error = page.form.error_of("national_id")
    assert error and said(page.national_id, QAccessible.Text.Description) == error
    page.new_form()
    assert error not in said(page.national_id, QAccessible.Text.Description)  # (Qt reads the placeholder)


def test_a_screen_reader_names_the_desk_s_lists(qtbot: Any, tmp_path: Path) -> None:
    """The lending desk's two lists were read as a bare "table": which one, the open loans or the history?"""
    from PySide6.QtGui import QAccessible

    from tests.ui.lending_desk import open_desk

    _L, page = open_desk(qtbot, tmp_path)
    names = [QAccessible.queryAccessibleInterface(v).text(QAccessible.Text.Name) for v in (page.loans, page.history)]
    assert names == ["امانت‌های باز", "پیشینه امانت"]


def _unnamed(root: QWidget) -> list[str]:
    """The visible lists, fields and icon-only buttons in `root` a screen reader has no name for
    (the parts Qt builds inside another widget, a table's header, a spin box's own line edit, are
    read as that widget)."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QAbstractButton, QAbstractSpinBox, QComboBox, QHeaderView, QLineEdit

    found = []
    for w in root.findChildren(QWidget):
        if not w.isVisible() or isinstance(w, QHeaderView) or w.objectName().startswith("qt_") \
                or isinstance(w.parentWidget(), (QAbstractSpinBox, QComboBox, QAbstractItemView)):
            continue
        if isinstance(w, (QAbstractItemView, QLineEdit)) or (isinstance(w, QAbstractButton) and not w.text().strip()):
            face = QAccessible.queryAccessibleInterface(w)
            if face is None or not face.text(QAccessible.Text.Name).strip():
                found.append(f"{type(w).__name__}#{w.objectName()} in {type(w.parentWidget()).__name__}")
    return found


@pytest.mark.parametrize("role", ["admin", "clerk", "expert", "manager", "librarian"])
def test_a_screen_reader_names_every_list_and_field_on_every_page(
        qtbot: Any, desk: Desk, tmp_path: Path, role: str) -> None:
    """The desk's scan box (only a placeholder), the cartable, search and overdue lists, the
    members, catalogue, stock-take and reports tables, the side bar of pages: a screen reader said
    a bare "table" or "edit". Every list, field and icon-only button on every page is named, by the
    words a sighted person reads there (its title, its label, its placeholder)."""
    main = _window(qtbot, make_ctx(desk.store, getattr(desk, role), tmp_path))
    unnamed: dict[str, list[str]] = {}
    for key in main.page_keys():
        main.show_page(key)
        QApplication.processEvents()
        if found := _unnamed(main):
            unnamed[key] = found
    assert unnamed == {}


def test_the_lists_are_named_by_what_a_person_reads_above_them(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Names, not just something: the page's one list by the page's title, the stock-take's shelf
    range by its labels (not its «A1» example), the desk's scan box by what its placeholder asks."""
    from PySide6.QtGui import QAccessible

    def said(w: QWidget) -> str:
        face = QAccessible.queryAccessibleInterface(w)
        assert face is not None
        return face.text(QAccessible.Text.Name)

    main = _window(qtbot, make_ctx(desk.store, desk.admin, tmp_path))
    assert said(main.sidebar) == "صفحه‌ها"
    cartable: Any = main.show_page("secretariat-cartable")
    assert said(cartable.table) == "کارتابل"
    stocktake: Any = main.show_page("library-stocktake")
    assert [said(stocktake.shelf_from), said(stocktake.shelf_to)] == ["از قفسه:", "تا قفسه:"]
    desk_page: Any = main.show_page("library-circulation")
    assert said(desk_page.scan) == desk_page.scan.placeholderText()
    reports: Any = main.show_page("library-reports")
    assert [said(reports.readers), said(reports.centres)] == ["اعضای فعال", "مراکز فعال"]


def test_ctrl_p_prints_the_receipt_of_the_request_just_saved(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """After Enter saved a request, printing its receipt took some sixteen Tabs to reach «چاپ رسید»
    (there was no key for it). Ctrl+P prints it from wherever the cursor is, the button says so,
    and the shortcuts (F1) list it; before any save Ctrl+P prints nothing."""
    from kanoon_desk.ui.help import ShortcutsDialog
    from kanoon_desk.ui.secretariat import intake as intake_module
    from tests.secretariat_helpers import national_id

    printed: list[str] = []
    monkeypatch.setattr(intake_module, "print_html", lambda _parent, html: printed.append(html) or True)
    main = _window(qtbot, make_ctx(desk.store, desk.clerk, tmp_path))
    page: Any = main.show_page("secretariat-intake")
    page.national_id.setFocus()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.wait(300)  # (a button's key presses it as a click would, a moment later)
    assert printed == []  # nothing saved yet: nothing to print
    qtbot.keyClicks(page.national_id, national_id(777))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.subject, "قطعی مکرر برق")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None
    assert QApplication.focusWidget() is page.national_id  # (ready for the next walk-in)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: len(printed) == 1)
    assert printed == [page.receipt_html()]
    assert "Ctrl+P" in page.print_button.text() + page.print_button.toolTip()
    rows = ShortcutsDialog([], main).table
    listed = [" ".join(rows.item(r, c).text() for c in range(3)) for r in range(rows.rowCount())]
    assert any("Ctrl+P" in row and "رسید" in row for row in listed), listed


def _by_keys(qtbot: Any, monkeypatch: pytest.MonkeyPatch, keys: Any) -> list[str]:
    """Let a case action's dialog be worked by `keys(dialog, first)` alone, as a person would
    (`first`: the widget the cursor was in as it opened): the dialog is shown, not run modal, and
    its result handed back. What the cursor went through is returned for the test to read."""
    from kanoon_desk.ui.secretariat.dialogs import ActionDialog

    def by_keys(dlg: ActionDialog) -> int:
        dlg.show()
        dlg.activateWindow()
        qtbot.waitUntil(dlg.isActiveWindow)
        keys(dlg, QApplication.focusWidget())
        qtbot.waitUntil(lambda: not dlg.isVisible())
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", by_keys)
    return []


def _case_view(qtbot: Any, desk: Desk, tmp_path: Path, actor: Any, case_id: str) -> Any:
    from kanoon_desk.ui.secretariat.case_view import CaseView

    view = CaseView(make_ctx(desk.store, actor, tmp_path))
    view.today.pin(DAY)
    view.load(case_id)
    qtbot.addWidget(view)
    view.show()
    return view


def test_a_case_action_dialog_opens_on_its_first_field_and_tab_walks_it_then_ctrl_enter_saves(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """«رد» at review opened with the cursor on a button (Tab went to the other button first); in the
    note Tab typed a tab character (no way on by Tab) and Ctrl+Enter did nothing, so the expert had
    to reach OK with the mouse. Now the reason has the cursor, Tab goes reason → note → OK, and
    Ctrl+Enter in the note saves."""
    from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QPlainTextEdit

    case_id = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id
    walked: list[QWidget] = []

    def keys(dlg: Any, first: QWidget) -> None:
        walked.append(first)
        qtbot.keyClick(first, Qt.Key.Key_Down)  # the first reason
        for _ in range(2):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            walked.append(QApplication.focusWidget())
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
        type_persian(QApplication.focusWidget(), "مدارک ناقص است")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    _by_keys(qtbot, monkeypatch, keys)
    view = _case_view(qtbot, desk, tmp_path, desk.expert, case_id)
    view.buttons["reject"].click()
    assert isinstance(walked[0], QComboBox)  # the reason, first
    assert isinstance(walked[1], QPlainTextEdit)
    assert isinstance(walked[2].parentWidget(), QDialogButtonBox)  # on out of the note, to the buttons
    detail = q.get_case(desk.store, desk.expert, case_id)
    assert detail.case["status"] == "rejected"
    assert "\t" not in str(detail.timeline[-1].payload.get("note", ""))


def test_enter_in_a_one_line_field_saves_and_esc_keeps_a_half_typed_answer(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """Refer with an instruction: the receiver has the cursor, Tab to the instruction, Enter saves.
    The agency's answer half typed, Esc closes it and the text is there when it is opened again."""
    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

    case_id = _referred(desk, 1)  # in the manager's cartable
    steps: list[str] = []

    def refer_keys(dlg: Any, first: QWidget) -> None:
        steps.append(type(first).__name__)
        qtbot.keyClick(first, Qt.Key.Key_Tab)
        assert isinstance(QApplication.focusWidget(), QLineEdit)
        type_persian(QApplication.focusWidget(), "فوری پیگیری شود")
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)

    _by_keys(qtbot, monkeypatch, refer_keys)
    view = _case_view(qtbot, desk, tmp_path, desk.manager, case_id)
    view.buttons["refer"].click()
    assert steps == ["QComboBox"]
    assert q.get_case(desk.store, desk.manager, case_id).case["holder_user_id"] != desk.manager.user_id

    forwarded = _referred(desk, 2)
    sec.forward(desk.store, desk.manager, forwarded, desk.agency.id, on=DAY)

    def answer_keys(dlg: Any, first: QWidget) -> None:
        assert isinstance(first, QPlainTextEdit)
        type_persian(first, "نیمی از پاسخ")
        qtbot.keyClick(first, Qt.Key.Key_Escape)

    _by_keys(qtbot, monkeypatch, answer_keys)
    view = _case_view(qtbot, desk, tmp_path, desk.clerk, forwarded)
    view.buttons["answer"].click()
    assert q.get_case(desk.store, desk.clerk, forwarded).case["status"] == "forwarded"
    kept: list[str] = []

    def look(dlg: Any, first: QWidget) -> None:
        kept.append(first.toPlainText())  # type: ignore[attr-defined]
        qtbot.keyClick(first, Qt.Key.Key_Escape)

    _by_keys(qtbot, monkeypatch, look)
    view.buttons["answer"].click()
    assert kept == ["نیمی از پاسخ"]


def test_the_button_tab_reached_wears_a_ring_a_person_can_see(qtbot: Any, app_as_run: Any) -> None:
    """Fusion marked the button the cursor was on with a one-pixel border a shade lighter than its
    own: on a picture it was hard to tell which of two buttons Space would press. The app's style
    (as `ensure_app` sets it up) draws a ring in the highlight colour round it, and none round the
    other; a click leaves no ring."""
    from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QPushButton

    holder = QWidget()
    qtbot.addWidget(holder)
    row = QHBoxLayout(holder)
    field, save, fresh = QLineEdit(), QPushButton("ثبت درخواست"), QPushButton("فرم تازه")
    for w in (field, save, fresh):
        row.addWidget(w)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is save

    def ring(button: QPushButton) -> int:
        image, colour = button.grab().toImage(), button.palette().color(button.palette().ColorRole.Highlight)
        return sum(image.pixelColor(x, y) == colour for x in range(image.width()) for y in range(image.height()))

    perimeter = 2 * (save.width() + save.height())
    assert ring(save) >= perimeter and ring(fresh) == 0


def test_a_list_is_painted_without_the_ring_s_python_call(
        qtbot: Any, app_as_run: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    """The ring's style was the whole app's, so its Python `drawControl` ran for every cell of every
    list painted: a 2,000-row table took 1.56× as long to repaint. Only a button the keyboard
    reached wears it now; a list (and a button never reached) is drawn by the app's own style."""
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QPushButton, QTableView

    calls: list[object] = []
    drawn = FocusRingStyle.drawControl

    def counted(self: FocusRingStyle, element: Any, *args: Any) -> None:
        calls.append(element)
        drawn(self, element, *args)

    monkeypatch.setattr(FocusRingStyle, "drawControl", counted)
    holder = QWidget()
    qtbot.addWidget(holder)
    row = QVBoxLayout(holder)
    model = QStandardItemModel(50, 4)
    for r in range(50):
        for c in range(4):
            model.setItem(r, c, QStandardItem(f"ردیف {r}"))
    table, untouched, reached = QTableView(), QPushButton("انصراف"), QPushButton("ثبت")
    table.setModel(model)
    for w in (table, untouched, reached):
        row.addWidget(w)
    holder.resize(600, 500)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    table.grab()
    untouched.grab()
    assert calls == []
    reached.setFocus(Qt.FocusReason.TabFocusReason)
    reached.grab()
    assert calls != []


def test_a_case_opened_and_a_search_run_leave_nothing_unnamed(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """With a case open below the list its timeline was a bare "table" (and, named by nothing, it
    left the list above it unnamed too); a search box's ⨯ was a bare "button"."""
    from PySide6.QtGui import QAccessible

    case_id = _referred(desk, 1)
    main = _window(qtbot, make_ctx(desk.store, desk.manager, tmp_path))
    cartable: Any = main.show_page("secretariat-cartable")
    cartable.open_row(0)
    assert cartable.view.case_id == case_id
    assert _unnamed(main) == []
    search: Any = main.show_page("secretariat-search")
    from tests.secretariat_helpers import national_id

    qtbot.keyClicks(search.text, national_id(100001))  # the applicant's (`case_input(1)`)
    qtbot.keyClick(search.text, Qt.Key.Key_Return)
    search.table.setFocus()
    qtbot.keyClick(search.table, Qt.Key.Key_Down)
    assert search.view.case_id == case_id
    assert _unnamed(main) == []
    timeline = QAccessible.queryAccessibleInterface(search.view.timeline)
    assert timeline is not None and timeline.text(QAccessible.Text.Name) == "گردش کار"


def test_after_an_action_by_keyboard_the_cursor_stays_among_the_case_s_actions(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """«پذیرش» pressed with Space: the case was read again and its buttons made anew, the one with
    the cursor deleted, and the cursor was nowhere (the next Tab started over at the top of the
    window). Now it is on the case's next action («ثبت در دبیرخانه»), and Space takes that step too."""
    from tests.secretariat_helpers import national_id

    case_id = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY).case_id
    main = _window(qtbot, make_ctx(desk.store, desk.expert, tmp_path))
    search: Any = main.show_page("secretariat-search")
    qtbot.keyClicks(search.text, national_id(100001))
    qtbot.keyClick(search.text, Qt.Key.Key_Return)
    search.table.setFocus()
    qtbot.keyClick(search.table, Qt.Key.Key_Down)
    view = search.view
    assert view.case_id == case_id
    view.buttons["accept"].setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.keyClick(view.buttons["accept"], Qt.Key.Key_Space)
    qtbot.wait(50)  # (the old buttons are deleted as the events run)
    assert q.get_case(desk.store, desk.expert, case_id).case["status"] == "accepted"
    assert QApplication.focusWidget() is view.buttons["register"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    qtbot.wait(50)
    assert q.get_case(desk.store, desk.expert, case_id).case["status"] == "registered"
    assert QApplication.focusWidget() in view.buttons.values()


def test_ctrl_z_in_the_scan_box_voids_the_book_just_lent_to_the_wrong_child(qtbot: Any, tmp_path: Path) -> None:
    """A book read while the wrong child's card was on the desk could only be «returned», the
    mistake counted as a loan in the reports. Ctrl+Z, from the scan box where the cursor is, voids
    the last book lent in this visit (asked first), and the next scans lend it to the right child."""
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library as lib
    from tests.library_helpers import TODAY
    from tests.ui.lending_desk import open_desk, scanner, void_questions

    L, page = open_desk(qtbot, tmp_path, active=True)
    asked = void_questions(page)
    scan = scanner(qtbot, page)
    scan(L.adult.member_no)
    scan("B0001")
    scan("B0002")
    qtbot.keyClick(page.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert asked == [("ماهی سیاه کوچولو", L.adult.full_name)]
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"  # the last one read, voided
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    assert [x.barcode for x in page.desk.loans] == ["B0001"]  # type: ignore[union-attr]
    assert "لغو شد" in page.message.text()
    history = page.history.model()
    assert history.index(0, 3).data().startswith("لغو شد (امانت اشتباه) ۱۴")  # not «(ناسازگاری)»
    assert QApplication.focusWidget() is page.scan
    scan(L.child.member_no)
    scan("B0002")
    loans = circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY).loans
    assert [x.barcode for x in loans] == ["B0002"]


def test_ctrl_z_on_an_older_loan_says_why_at_once_without_asking(qtbot: Any, tmp_path: Path) -> None:
    """A loan made three days ago, selected, and Ctrl+Z: the desk asked «لغو شود؟» and, answered
    yes, then refused it. It says at once that only a loan made today is voided as a mistake, and
    the loan stays."""
    from datetime import timedelta

    from kanoon_desk.services import circulation as circ
    from kanoon_desk.ui.widgets import select_row
    from tests.library_helpers import TODAY, make_library
    from tests.ui.lending_desk import open_desk, scanner, void_questions

    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY - timedelta(days=3))
    L, page = open_desk(qtbot, tmp_path, L, active=True)
    asked = void_questions(page)
    scanner(qtbot, page)(L.adult.member_no)
    select_row(page.loans, 0)
    page.void_button.click()
    assert asked == []
    assert page.message.text().startswith("تنها امانتی که امروز داده شده است")
    assert [x.barcode for x in circ.member_desk(L.store, L.admin, L.adult.member_no, today=TODAY).loans] == ["B0001"]
