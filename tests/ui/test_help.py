"""The «راهنما» menu and Ctrl+F: every key the desk answers to in one list, what support asks
first in «درباره», and the page's search or scan box one key away."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kanoon_desk import __version__
from kanoon_desk.ui.main_window import MainWindow, visible_pages
from tests.secretariat_helpers import Desk, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx


@pytest.fixture
def window(qapp: QApplication, qtbot: Any, tmp_path: Path) -> Iterator[tuple[Desk, MainWindow]]:
    desk = make_secretariat_desk(tmp_path)
    with language(qapp, "fa"):
        ctx = make_ctx(desk.store, desk.admin, tmp_path)
        w = MainWindow(ctx, visible_pages(ctx))
        qtbot.addWidget(w)
        w.show()
        qtbot.waitExposed(w)
        yield desk, w


def test_ctrl_f_puts_the_cursor_in_the_pages_search_or_scan_box(qtbot: Any, window: tuple[Desk, MainWindow]) -> None:
    _, w = window
    for key, box in (("secretariat-search", "text"), ("library-members", "query"), ("library-catalogue", "query"),
                     ("secretariat-cartable", "filter")):
        page = w.show_page(key)
        getattr(page, box).setText("چیزی")
        w.sidebar.setFocus()
        qtbot.keyClick(w, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        assert QApplication.focusWidget() is getattr(page, box), key
        assert getattr(page, box).selectedText() == "چیزی"  # typed over by the next search
    w.show_page("admin-office")  # no search box: the key does nothing
    assert not w.focus_search()
    w.show_page("library-circulation")  # a desk of no centre: its scan box waits for one to be chosen
    assert not w.focus_search()


def test_the_shortcuts_list_has_the_menus_keys_and_the_pages_own(qtbot: Any, window: tuple[Desk, MainWindow]) -> None:
    _, w = window
    dialog = w.shortcuts_dialog()
    qtbot.addWidget(dialog)
    t = dialog.table  # type: ignore[attr-defined]
    rows = [[t.item(r, c).text() for c in range(3)] for r in range(t.rowCount())]
    keys = {row[1].strip("\u2066\u2069") for row in rows}
    # named as printed on the keys (Qt's Persian names would say «کنترل» and «ورود»)
    assert {"Ctrl+1", "Ctrl+F", "Ctrl+Shift+L", "F1", "F2", "F3", "F6", "Esc", "Enter", "↓"} <= keys
    assert ["میز امانت", "\u2066F3\u2069", "کار: بازگشت"] in rows
    assert ["رفتن به", "\u2066Ctrl+F\u2069", "جست‌وجو در این صفحه"] in rows
    assert ["میز کار", "\u2066Ctrl+Shift+L\u2069", "خروج از حساب"] in rows
    assert len({(row[0], row[1]) for row in rows}) == len(rows)  # no key twice in one place


def test_about_names_the_version_the_store_and_the_desk_and_copies_them(qtbot: Any,
                                                                         window: tuple[Desk, MainWindow]) -> None:
    desk, w = window
    dialog = w.about_dialog()
    qtbot.addWidget(dialog)
    lines = dict(dialog.lines)  # type: ignore[attr-defined]
    assert lines["نگارش"] == "\u2066۰.۱.۰\u2069" and __version__ == "0.1.0"
    assert lines["پایگاه داده"] == f"\u2066{desk.store.path}\u2069"
    assert "دفتر مدیریت عملکرد استانداری" in lines["دفتر"] and desk.store.identity.device_id in lines["میز"]
    dialog.copy_button.click()  # type: ignore[attr-defined]
    copied = QApplication.clipboard().text()
    assert f"پایگاه داده: {desk.store.path}\n" in copied and "PySide6" in copied and "\u2066" not in copied


def test_the_text_grows_and_shrinks_by_steps_and_is_kept_for_the_next_start(
        qtbot: Any, window: tuple[Desk, MainWindow]) -> None:
    from kanoon_desk.ui.fonts import BASE_POINT_SIZE, TEXT_SCALES

    desk, w = window
    before = QApplication.font()
    try:
        qtbot.keyClick(w, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
        assert w.text_scale == 1.15 and QApplication.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.15)
        assert w.page_title.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE * 1.15 * 1.4)
        for _ in range(10):
            w.step_text(1)
        assert w.text_scale == TEXT_SCALES[-1]  # no larger than the largest
        again = MainWindow(w.ctx, visible_pages(w.ctx))  # the next start on this desk
        qtbot.addWidget(again)
        assert again.text_scale == TEXT_SCALES[-1]
        qtbot.keyClick(w, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
        assert w.text_scale == 1.0 and QApplication.font().pointSizeF() == pytest.approx(BASE_POINT_SIZE)
        w.step_text(-1)
        assert w.text_scale == TEXT_SCALES[0] and float(w.ctx.settings.value("ui/text_scale")) == TEXT_SCALES[0]
    finally:
        QApplication.setFont(before)


def test_menus_name_keys_as_the_keyboard_prints_them_like_the_side_bar_and_the_list(
        qtbot: Any, window: tuple[Desk, MainWindow]) -> None:
    """Qt's Persian names turned «Ctrl+1» into «کنترل+1» in the menus, while the side bar's tooltips
    and the shortcuts list said «Ctrl+1»: a Persian keyboard is labelled Ctrl, so all say Ctrl+1,
    and «Ctrl++» reads left to right in a right-to-left menu (not «++Ctrl»)."""
    from PySide6.QtGui import QKeySequence, QTextLayout, QTextOption
    from PySide6.QtWidgets import QMenu

    from kanoon_desk.ui.help import ShortcutsDialog

    _, w = window
    native = QKeySequence.SequenceFormat.NativeText
    menus = [m for m in (a.menu() for a in w.menuBar().actions()) if isinstance(m, QMenu)]
    shown = {a: a.shortcut().toString(native) for m in menus for a in m.actions() if not a.shortcut().isEmpty()}
    keys = {a: key.replace("\u202a", "") for a, key in shown.items()}  # as a menu draws them
    first_page = menus[1].actions()[0]
    assert first_page.text() == w.pages[0].title
    assert keys[first_page] == "Ctrl+1" == w.sidebar.item(w._rows[0]).toolTip()
    assert keys[w.logout_action] == "Ctrl+Shift+L"
    assert not any("\u0600" <= ch <= "\u06ff" for key in keys.values() for ch in key), keys
    listed = ShortcutsDialog([(m.title(), a) for m in menus for a in m.actions()], w)
    qtbot.addWidget(listed)
    in_list = {listed.table.item(r, 1).text().strip("\u2066\u2069") for r in range(listed.table.rowCount())}
    assert {"Ctrl+1", "Ctrl+Shift+L"} <= in_list
    # drawn right to left, as in the menu: «Ctrl» first on the left, the «+» key last on the right
    larger = shown[w.larger_action]
    layout = QTextLayout(larger, w.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.RightToLeft)
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(10_000)
    layout.endLayout()
    between_c_and_t = larger.index("C") + 1
    assert line.cursorToX(between_c_and_t)[0] < line.cursorToX(len(larger) - 1)[0], larger
