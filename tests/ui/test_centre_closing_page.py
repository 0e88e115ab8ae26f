"""The admin closes a cultural centre from its page: the dialog says what is still open (and offers
no closing), or what will move; the closed centre stays in the list, marked so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_rules as rules
from kanoon_desk.ui.admin.centres import CentresPage
from kanoon_desk.ui.widgets import select_row
from tests.library_helpers import NATIONAL_IDS, TODAY, actor_at, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def fa(qapp: QApplication) -> Iterator[QApplication]:
    with language(qapp, "fa"):
        yield qapp


def test_the_admin_closes_a_centre_once_its_loan_is_back(qtbot: Any, tmp_path: Path) -> None:
    d = make_library(tmp_path)
    rules.add_centre(d.store, d.admin, "1301", "مرکز فرهنگی هنری شماره ۳")
    lib.register_member(d.store, d.admin, lib.MemberInput(
        first_name="مریم", last_name="کاظمی", national_id=NATIONAL_IDS[2], birth_date=date(2015, 1, 1),
        guardian_name="رضا کاظمی", guardian_phone="09121112233", home_centre="1301"), today=TODAY)
    lib.add_copy(d.store, d.admin, d.title.id, barcode="C1301", home_centre="1301")
    circ.checkout(d.store, actor_at(d.admin, "1301"), d.child.member_no, "C1301", today=TODAY)
    page = CentresPage(make_ctx(d.store, d.admin, tmp_path))
    qtbot.addWidget(page)
    page.resize(1000, 600)
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).code == "1301")
    select_row(page.table, row)
    assert page.close_button.isEnabled()
    blocked = page.close_dialog()
    assert blocked is not None
    qtbot.addWidget(blocked)
    assert "امانت باز ۱، رزرو ۰، نسخه در راه ۰" in blocked.summary.text() and not blocked.ok_button.isEnabled()
    blocked.grab().save(str(tmp_path / "close-blocked.png"))
    circ.checkin(d.store, actor_at(d.admin, "1301"), "C1301", today=TODAY)
    dialog = page.close_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert "۱ عضو و ۱ نسخه" in dialog.summary.text() and dialog.ok_button.isEnabled()
    codes = [dialog.into.itemData(i) for i in range(dialog.into.count())]
    assert "1301" not in codes and "13" in codes
    dialog.ok_button.click()  # no centre chosen: said at the field, nothing closed
    assert dialog.form.error_of("into") == "مرکزی را برگزینید که اعضا و نسخه‌های این مرکز به آن می‌رود."
    dialog.into.setCurrentIndex(codes.index("13"))
    dialog.grab().save(str(tmp_path / "close-dialog.png"))
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.message.text() == "مرکز «مرکز فرهنگی هنری شماره ۳» بسته شد."
    row = next(i for i in range(page.model.rowCount()) if page.model.row_at(i).code == "1301")
    assert page.model.display(page.model.row_at(row), 5).startswith("بسته در ")
    select_row(page.table, row)
    assert not page.close_button.isEnabled()
    page.grab().save(str(tmp_path / "centres-closed.png"))


def test_the_close_dialog_names_the_centre_s_lost_copies_and_writes_them_off_unless_told_not_to(
        qtbot: Any, tmp_path: Path) -> None:
    d = make_library(tmp_path)
    rules.add_centre(d.store, d.admin, "1301", "مرکز فرهنگی هنری شماره ۳")
    for barcode in ("C1301", "C1302", "C1303"):
        lib.add_copy(d.store, d.admin, d.title.id, barcode=barcode, home_centre="1301")
    lib.mark_copy_lost(d.store, d.admin, "C1302", today=TODAY)
    lib.mark_copy_lost(d.store, d.admin, "C1303", today=TODAY)
    page = CentresPage(make_ctx(d.store, d.admin, tmp_path))
    qtbot.addWidget(page)
    select_row(page.table, next(i for i in range(page.model.rowCount()) if page.model.row_at(i).code == "1301"))
    dialog = page.close_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert not dialog.withdraw_lost.isHidden() and dialog.withdraw_lost.isChecked()
    assert dialog.withdraw_lost.text() == "۲ نسخه گم‌شده وجین شود، نه جابه‌جا"
    assert "از این نسخه‌ها ۲ نسخه گم‌شده است" in dialog.summary.text()
    dialog.show()
    dialog.grab().save(str(tmp_path / "close-lost.png"))
    dialog.withdraw.setChecked(True)  # all copies written off: the lost ones' box says nothing more
    assert not dialog.withdraw_lost.isEnabled()
    dialog.withdraw.setChecked(False)
    dialog.into.setCurrentIndex([dialog.into.itemData(i) for i in range(dialog.into.count())].index("13"))
    dialog.ok_button.click()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert [lib.get_copy(d.store, b).status for b in ("C1301", "C1302", "C1303")] == [
        "in_transit", "withdrawn", "withdrawn"]


def test_a_centre_without_lost_copies_shows_no_box_for_them(qtbot: Any, tmp_path: Path) -> None:
    d = make_library(tmp_path)
    rules.add_centre(d.store, d.admin, "1301", "مرکز فرهنگی هنری شماره ۳")
    lib.add_copy(d.store, d.admin, d.title.id, barcode="C1301", home_centre="1301")
    page = CentresPage(make_ctx(d.store, d.admin, tmp_path))
    qtbot.addWidget(page)
    select_row(page.table, next(i for i in range(page.model.rowCount()) if page.model.row_at(i).code == "1301"))
    dialog = page.close_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.withdraw_lost.isHidden()
