"""The search boxes of the desk, typed into as a clerk does on an Arabic keyboard or pasted into from
Word, Excel or an SMS: the box hands the text to the look-up service, which finds the record kept
in the other keyboard's letters, or read out in groups."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from kanoon_desk.services import library as lib
from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.library.catalogue import CataloguePage
from kanoon_desk.ui.library.members import MembersPage
from kanoon_desk.ui.secretariat.lists import SearchPage
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library
from tests.secretariat_helpers import case_input, make_secretariat_desk, national_id
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def _paste(qtbot: Any, box: QLineEdit, text: str) -> None:
    """The text pasted into the box (Ctrl+V), as a copy from Word or an SMS brings it."""
    box.clear()
    QApplication.clipboard().setText(text)
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def _enter(qtbot: Any, box: QLineEdit, text: str, type_persian: Any) -> None:
    box.clear()
    type_persian(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return)


def test_members_page_finds_a_name_typed_on_an_arabic_keyboard_and_an_id_in_groups(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    L = make_library(tmp_path)
    roya = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="رؤیا", last_name="علی‌زاده", national_id=national_id(500001), category="adult"), today=TODAY)
    p = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    for typed in ("رويا", "رویا عليزاده", "رؤيا علی زاده"):  # Arabic yeh; the hamza left off; a space
        _enter(qtbot, p.query, typed, type_persian)
        assert [m.id for m in p.results] == [roya.id], typed
        assert p.query.text() == typed  # what was typed stays in the box
    nid = NATIONAL_IDS[0]
    _paste(qtbot, p.query, f"\u200f{nid[:3]}-{nid[3:9]}-{nid[9]}\u200e")
    qtbot.keyClick(p.query, Qt.Key.Key_Return)
    assert [m.id for m in p.results] == [L.child.id]
    _enter(qtbot, p.query, "۰۰۱-۳۵۴۲۴۱-۹", type_persian)
    assert [m.id for m in p.results] == [L.child.id]
    L.store.close()


def test_catalogue_page_finds_an_author_in_the_other_keyboards_letters(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    L = make_library(tmp_path)
    t = lib.add_title(L.store, L.admin, lib.TitleInput(title="پائیز در خانۀ مادربزرگ", author="فاطمة مسئول‌زاده"))
    p = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(p)
    p.resize(1200, 800)
    p.show()
    for typed in ("پاییز خانه", "فاطمه", "مسيول زاده", "خانهٔ مادربزرگ"):
        _enter(qtbot, p.query, typed, type_persian)
        assert [x.id for x in p.titles] == [t.id], typed
    L.store.close()


def test_search_page_finds_a_name_in_arabic_letters_and_a_code_pasted_from_an_sms(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    desk = make_secretariat_desk(tmp_path)
    r = sec.intake(desk.store, desk.clerk, case_input(1, first_name="فاطمة", last_name="أحمدی",
                                                      subject="تأخیر در پاسخ به درخواست"), on=DAY)
    sec.intake(desk.store, desk.clerk, case_input(2), on=DAY)
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    for typed in ("فاطمه احمدی", "تاخير", "فاطمة"):
        _enter(qtbot, page.text, typed, type_persian)
        assert page.model.total == 1 and page.model.row_at(0).id == r.case_id, typed
    code = r.tracking_code
    _paste(qtbot, page.text, f"\u061c{code[:4]}\u00a0{code[4:8]}\u00a0{code[8:12]}\u00a0{code[12:]}")
    qtbot.keyClick(page.text, Qt.Key.Key_Return)
    assert page.model.total == 1 and page.view.case_id == r.case_id
    nid = r.national_id
    _enter(qtbot, page.text, f"{nid[:3]}\u2013{nid[3:9]}\u2013{nid[9]}", type_persian)  # en dashes from Word
    assert page.model.total == 1 and page.model.row_at(0).id == r.case_id
    desk.store.close()


def test_conflict_inbox_search_reads_a_name_as_the_other_searches_do(qtbot: Any, tmp_path: Path) -> None:
    """A child registered at two centres apart: the admin types the name as they would anywhere
    else (Arabic yeh, the hamza left off, a space for the half-space) and finds its conflict."""
    from kanoon_desk.ui.conflict_inbox import ConflictInbox
    from tests.sync.test_conflict_resolutions import exchange, two_centres

    L, a, b, admin_a, admin_b = two_centres(tmp_path)
    child = lib.MemberInput(first_name="رؤیا", last_name="علی‌زاده", national_id=NATIONAL_IDS[2], category="adult",
                            phone="09121112233")
    lib.register_member(a, admin_a, child, today=TODAY)
    lib.register_member(b, admin_b, child, today=TODAY)
    exchange(a, b)
    inbox = ConflictInbox(make_ctx(a, admin_a, tmp_path))
    qtbot.addWidget(inbox)
    assert inbox.list.count() == 1 and "رؤیا" in inbox.items[0].subject
    for typed in ("رويا", "علی زاده", "عليزاده", "رویا علی‌زاده"):
        inbox.search.setText(typed)
        assert inbox.list.count() == 1, typed
    inbox.search.setText("رضا")
    assert inbox.list.count() == 0
