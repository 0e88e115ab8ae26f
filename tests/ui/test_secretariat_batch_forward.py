"""The manager's cartable: several items chosen (Ctrl-click, Shift+arrows) forwarded to one agency
at once from «ارسال گروهی به دستگاه…», their letters printed together."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui.secretariat.dialogs import ActionDialog
from kanoon_desk.ui.secretariat.lists import CartablePage
from tests.conftest import TypePersian
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _referred(desk: Desk, n: int, cc: bool = False) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n, subject=f"قطعی آب شماره {n}"), on=DAY + timedelta(days=n))
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY + timedelta(days=n))
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY + timedelta(days=n))
    if cc:  # to the other manager, a copy to me
        sec.refer(desk.store, desk.expert, r.case_id, desk.manager2.user_id, cc=[desk.manager.user_id],
                  on=DAY + timedelta(days=n))
    else:
        sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction="اقدام شود",
                  on=DAY + timedelta(days=n))
    return r.case_id


def _page(qtbot: Any, desk: Desk, tmp_path: Path) -> CartablePage:
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


def _row_point(page: CartablePage, row: int) -> QPoint:
    return page.table.visualRect(page.model.index(row, 2)).center()


def test_shift_arrows_choose_items_and_the_dialog_forwards_them_all_by_keyboard(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: TypePersian) -> None:
    ids = [_referred(desk, n) for n in (1, 2, 3)]
    page = _page(qtbot, desk, tmp_path)
    button = page.batch.button
    assert button.isVisible() and not button.isEnabled()
    page.table.setFocus()
    qtbot.keyClick(page.table, Qt.Key.Key_Home)
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert len(page.selected_items()) == 2 and button.isEnabled()
    qtbot.keyClick(page.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert [i.case_id for i in page.selected_items()] == ids

    seen: dict[str, Any] = {}

    def in_dialog() -> None:
        d = QApplication.activeModalWidget()
        assert isinstance(d, ActionDialog)
        seen["cases"] = d.values()["case_ids"]
        note = d.form.field("instruction")
        note.setFocus()
        type_persian(note, "با فوریت")
        qtbot.keyClick(note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)

    QTimer.singleShot(0, in_dialog)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert seen["cases"] == ids
    assert page.model.total == 0 and not button.isEnabled()
    assert not page.batch.isHidden() and "۳ پرونده" in page.batch.note.text()
    html = page.batch.letters_html()
    assert html.count("page-break-before: always") == 2 and html.count("با فوریت") == 3
    numbers = {q.get_case(desk.store, desk.manager, cid).forwards[0]["letter_no"] for cid in ids}
    assert len(numbers) == 3  # each letter its own number


def test_ctrl_click_choice_leaves_a_copy_out_and_keeps_the_note_typed_on_esc(
        qtbot: Any, desk: Desk, tmp_path: Path, type_persian: TypePersian) -> None:
    first, second = _referred(desk, 1), _referred(desk, 2)
    _referred(desk, 3, cc=True)
    page = _page(qtbot, desk, tmp_path)
    button = page.batch.button
    rows = {page.model.row_at(r).case_id: r for r in range(page.model.rowCount())}
    copy_row = next(r for r in range(page.model.rowCount()) if page.model.row_at(r).kind == "cc")
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=_row_point(page, rows[first]))
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     _row_point(page, copy_row))
    # (opening the copy read it: it left the open cartable; one forwardable item is not a batch)
    assert not button.isEnabled()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ControlModifier,
                     _row_point(page, rows[second]))
    assert {i.case_id for i in page.selected_items()} == {first, second}
    assert button.isEnabled()

    d = page.batch.dialog()
    qtbot.addWidget(d)
    d.show()
    type_persian(d.form.field("instruction"), "همه به شرکت آب")
    qtbot.keyClick(d, Qt.Key.Key_Escape)
    assert d.result() == QDialog.DialogCode.Rejected
    again = page.batch.dialog()
    qtbot.addWidget(again)
    assert again.values()["instruction"] == "همه به شرکت آب"
    # a deadline on a Friday: refused at its field, nothing written
    today = page.today()
    friday = today + timedelta(days=(4 - today.weekday()) % 7 + 14)
    again.form.field("default_deadline").setCurrentIndex(1)  # type: ignore[attr-defined]
    again.form.field("deadline").set_value(friday)  # type: ignore[attr-defined]
    again.submit()
    assert again.result() != QDialog.DialogCode.Accepted
    assert "تعطیل" in again.form.error_of("deadline")
    assert q.get_case(desk.store, desk.manager, first).case["status"] == "referred"
