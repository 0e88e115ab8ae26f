"""The lending desk's undo of a librarian's own mistake through the real page: a return scanned by
mistake (Ctrl+Z in return mode) and a renewal made by mistake, each asked in a dialog that names
what is undone and takes the reason."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.ui.library.circulation import CirculationPage
from kanoon_desk.ui.secretariat.dialogs import ActionDialog
from tests.library_helpers import TODAY, make_library
from tests.ui.shell_support import make_ctx


def _page(qtbot: Any, tmp_path: Path) -> tuple[Any, CirculationPage]:
    L = make_library(tmp_path)
    page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return L, page


def _answer(monkeypatch: pytest.MonkeyPatch, reasons: list[str], seen: list[dict[str, Any]]) -> None:
    """The dialog answered as a librarian would: each reason typed in turn and OK pressed, what it
    said and the error at the reason kept; the dialog closes only when the undo was made."""

    def fake_exec(dlg: ActionDialog) -> int:
        for reason in reasons:
            dlg.form.field("reason").setText(reason)  # type: ignore[attr-defined]
            dlg.submit()
            seen.append({"title": dlg.windowTitle(), "what": dlg.form.field("what").text(),  # type: ignore[attr-defined]
                         "after": dlg.form.field("after").text(),  # type: ignore[attr-defined]
                         "error": dlg.form.error_of("reason"), "made": bool(dlg.result())})
            if dlg.result():
                break
        return int(dlg.result())

    monkeypatch.setattr(ActionDialog, "exec", fake_exec)


def test_ctrl_z_in_return_mode_undoes_the_return_scanned_by_mistake(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    L, page = _page(qtbot, tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    late = loan.due_on + timedelta(days=2)
    page.today = late
    page.mode_return.setChecked(True)
    for code in ("B0001", "B0002"):
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"
    assert page.returns_panel.undo_button.isVisible()
    seen: list[dict[str, Any]] = []
    _answer(monkeypatch, ["", "از کپه دیگر خوانده شد"], seen)
    page.returns_panel.table.selectRow(1)  # the first book read: B0001
    qtbot.keyClick(page.scan, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    # no reason: said at the field, nothing undone; with one, undone and the dialog closed
    assert [(s["error"] != "", s["made"]) for s in seen] == [(True, False), (True, True)]
    assert seen[0]["title"] == "لغو بازگشت اشتباه"
    assert "ماهی سیاه کوچولو" in seen[0]["what"] and "B0001" in seen[0]["what"] and "زهرا محمدی" in seen[0]["what"]
    assert "همان مهلت بازگشت" in seen[0]["after"] and "1404/02/27" in seen[0]["after"]
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    assert "لغو شد" in page.message.text()
    assert [r.barcode for r in page.returns_panel.results] == ["B0002"]
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=late)
    assert [(x.barcode, x.due_on) for x in desk.loans] == [("B0001", loan.due_on)]
    assert QApplication.focusWidget() is page.scan


def test_a_renewal_made_by_mistake_is_undone_from_the_member_on_the_desk(
        qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    L, page = _page(qtbot, tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    day = loan.due_on - timedelta(days=1)
    page.today = day
    qtbot.keyClicks(page.scan, L.child.member_no)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert not page.undo_renewal.isEnabled()  # nothing renewed yet
    page.renew_one.click()
    assert page.desk is not None and page.desk.loans[0].renewals == 1
    assert page.undo_renewal.isEnabled()
    seen: list[dict[str, Any]] = []
    _answer(monkeypatch, ["کتاب دیگری را می‌خواست تمدید کند"], seen)
    page.undo_renewal.click()
    assert seen[0]["title"] == "لغو تمدید اشتباه" and "ماهی سیاه کوچولو" in seen[0]["what"]
    assert "برمی‌گردد" in seen[0]["after"]
    assert (page.desk.loans[0].due_on, page.desk.loans[0].renewals) == (loan.due_on, 0)
    assert "تمدید «" in page.message.text() and "لغو شد" in page.message.text()
    assert not page.undo_renewal.isEnabled()
