"""A form saved while the disk under the store is full: what was typed stays, and the line under
the form says the disk is full (not «an unexpected error»); once there is room, the same Enter saves."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kanoon_desk.models.secretariat import Case
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from kanoon_desk.ui.library.members import MembersPage
from kanoon_desk.ui.secretariat.intake import IntakePage
from tests.library_helpers import NATIONAL_IDS, make_library
from tests.secretariat_helpers import make_secretariat_desk, national_id
from tests.ui.shell_support import language, make_ctx

FULL = "دیسکی که پرونده داده این میز روی آن است پر شده است"
UNEXPECTED = "خطای پیش‌بینی‌نشده"


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def _disk_full(store: Store, full: bool) -> None:
    """The store's file may not grow (as a full disk answers), or may again (room was made)."""
    with store.write_engine.connect() as conn:
        pages = conn.exec_driver_sql("PRAGMA page_count").scalar()
        conn.exec_driver_sql(f"PRAGMA max_page_count = {int(pages or 0) if full else 1_073_741_823}")


def test_an_intake_on_a_full_disk_keeps_what_was_typed_and_says_the_disk_is_full(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    desk = make_secretariat_desk(tmp_path)
    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    page.today.pin(date(2025, 5, 4))
    page.received.set_value(date(2025, 5, 4))
    qtbot.addWidget(page)
    page.resize(1100, 700)
    page.show()
    qtbot.keyClicks(page.national_id, national_id(4242))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.subject, "قطعی مکرر برق " + "در محله " * 200)  # (a request a page long)
    _disk_full(desk.store, True)
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    said = page.form.general_error.text()
    assert FULL in said and "جا باز کنید" in said and UNEXPECTED not in said, said
    assert (page.national_id.text(), page.first_name.text(), page.last_name.text()) == (
        national_id(4242), "زهرا", "کریمی")
    assert page.subject.text().startswith("قطعی مکرر برق") and page.save_button.isEnabled()
    _disk_full(desk.store, False)  # room made: the same Enter saves it
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.applicant_name == "زهرا کریمی"
    with desk.store.read() as s:
        assert int(s.scalar(select(func.count()).select_from(Case)) or 0) == 1


def test_a_new_member_on_a_full_disk_keeps_what_was_typed_and_says_the_disk_is_full(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    L = make_library(tmp_path)
    p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    type_persian(p.first, "سارا" + "ی" * 300)
    type_persian(p.last, "نیکو")
    qtbot.keyClicks(p.nid, NATIONAL_IDS[3])
    p.category.setCurrentIndex(p.category.findData("adult"))
    _disk_full(L.store, True)
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    said = p.form.general_error.text()
    assert FULL in said and UNEXPECTED not in said, said
    assert (p.first.text()[:4], p.last.text(), p.nid.text()) == ("سارا", "نیکو", NATIONAL_IDS[3])  # type: ignore[attr-defined]
    _disk_full(L.store, False)
    qtbot.mouseClick(p.register_button, Qt.MouseButton.LeftButton)
    assert p.message.text().startswith("عضو ثبت شد")
    assert len(lib.search_members(L.store, L.admin, "نیکو")) == 1
