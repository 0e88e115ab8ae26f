"""Cultural centres: the admin's page, a first run that is a centre, and the desk that lends at one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from kanoon_desk.errors import ValidationError
from kanoon_desk.models import Event
from kanoon_desk.models.library import Loan, OverrideLog
from kanoon_desk.services import accounts
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.store import Store
from kanoon_desk.ui.admin.centres import CentresPage
from kanoon_desk.ui.admin.office import OfficePage
from kanoon_desk.ui.library.circulation import CirculationPage
from kanoon_desk.ui.setup import SetupDialog
from kanoon_desk.ui.widgets import select_row
from tests.factories import make_desk, make_user
from tests.library_helpers import NATIONAL_IDS, TODAY
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def fa(qapp: QApplication) -> Iterator[QApplication]:
    with language(qapp, "fa"):
        yield qapp


def test_centres_are_added_corrected_and_listed(tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    assert lib.list_centres(store) == []  # a fresh office desk has none
    lib.add_centre(store, admin, "۱۳۰۱", "مرکز شماره ۱", province="تهران", city="تهران")  # typed in Persian digits
    with pytest.raises(ValidationError) as taken:
        lib.add_centre(store, admin, "1301", "مرکز دیگر")
    assert taken.value.field == "code" and "پیش‌تر ثبت شده" in taken.value.message
    view = lib.update_centre(store, admin, "1301", name="مرکز فرهنگی هنری شماره ۱", province="تهران", city="ری")
    assert (view.name, view.city) == ("مرکز فرهنگی هنری شماره 1", "ری")  # stored with ASCII digits
    assert lib.centres(store) == [lib.CentreView("1301", "مرکز فرهنگی هنری شماره 1", "تهران", "ری")]
    with pytest.raises(ValidationError) as unknown:
        lib.update_centre(store, admin, "1302", name="نیست")
    assert unknown.value.field == "code"
    with pytest.raises(ValidationError) as nameless:
        lib.update_centre(store, admin, "1301", name=" ")
    assert nameless.value.field == "name"
    with store.read() as s:  # only the changed fields are recorded
        last = s.scalars(select(Event).where(Event.type == "office.set", Event.aggregate_id == "1301")
                         .order_by(Event.hlc.desc())).first()
        assert last is not None and last.payload == {"name": "مرکز فرهنگی هنری شماره 1", "city": "ری"}
    store.close()


def test_a_centre_has_a_phone_and_an_address_for_its_overdue_notices(tmp_path: Path) -> None:
    """A centre's phone (typed in Persian digits, kept in Latin) and address; a phone of letters
    is refused at its field; a correction that does not give them keeps them."""
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    lib.add_centre(store, admin, "1301", "مرکز شماره ۱", phone="۰۲۱-۸۸۷۷ ۶۶۵۵", address="خیابان ولیعصر")
    assert lib.centres(store) == [lib.CentreView("1301", "مرکز شماره 1", "", "", "021-8877 6655", "خیابان ولیعصر")]
    with pytest.raises(ValidationError) as wrong:
        lib.update_centre(store, admin, "1301", name="مرکز شماره ۱", phone="تلفن ندارد")
    assert wrong.value.field == "phone"
    lib.update_centre(store, admin, "1301", name="مرکز یک")
    assert (lib.centres(store)[0].phone, lib.centres(store)[0].address) == ("021-8877 6655", "خیابان ولیعصر")
    lib.update_centre(store, admin, "1301", name="مرکز یک", phone="", address="")
    assert (lib.centres(store)[0].phone, lib.centres(store)[0].address) == ("", "")
    store.close()


def test_admin_page_adds_and_corrects_a_centre_errors_at_the_field(qtbot: Any, tmp_path: Path,
                                                                   type_persian: Any) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    page = CentresPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.code, "2101")
    type_persian(page.name, "مرکز شماره ۲")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.form.error_of("code").startswith("کد مرکز باید کد دفتر همین میز و دو رقم پس از آن باشد")
    assert page.name.text() == "مرکز شماره ۲"  # nothing typed is lost
    page.code.setText("1302")
    type_persian(page.city, "کرج")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "مرکز «مرکز شماره ۲» افزوده شد."
    model = page.model
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(5)] == ["۱۳۰۲", "مرکز شماره ۲", "", "کرج", ""]
    select_row(page.table, 0)
    assert page.code.text() == "1302" and page.code.isReadOnly() and page.save_button.isEnabled()
    page.name.clear()
    type_persian(page.name, "مرکز فرهنگی هنری کرج")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "مشخصات مرکز «مرکز فرهنگی هنری کرج» ذخیره شد."
    assert lib.list_centres(store) == [("1302", "مرکز فرهنگی هنری کرج")]
    page.phone.setFocus()
    qtbot.keyClicks(page.phone, "not a phone")
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)  # Enter saves the correction: refused at the phone
    assert page.form.error_of("phone").startswith("شماره تلفن مرکز را با رقم بنویسید")
    page.phone.setText("۰۲۶-۳۴۴۵۵۶۶۷")
    qtbot.keyClick(page.phone, Qt.Key.Key_Return)
    assert lib.centres(store)[0].phone == "026-34455667" and model.index(0, 4).data() == "۰۲۶-۳۴۴۵۵۶۶۷"
    page.grab().save(str(tmp_path / "centres.png"))
    store.close()


def test_the_centres_page_refuses_the_offices_own_code_and_the_office_page_makes_it_a_centre(
        qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    ctx = make_ctx(store, admin, tmp_path)
    page = CentresPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.code, "13")
    type_persian(page.name, "خودش")
    qtbot.mouseClick(page.add_button, Qt.MouseButton.LeftButton)
    assert page.form.error_of("code") == ("کد ۱۳ کد خود این دفتر است، نه مرکزی از آن؛ کد مرکز کد دفتر و دو رقم پس از آن "
                                          "است، مانند ۱۳۰۱. اگر این دفتر خود مرکز فرهنگی هنری است، آن را در «مشخصات دفتر» "
                                          "مرکز کنید.")
    assert page.message.text() == "" and page.model.rowCount() == 0
    office = accounts.get_office(store)
    assert office is not None and (office.name, office.kind) == ("دفتر مدیریت عملکرد استانداری", "office")
    details = OfficePage(ctx)
    qtbot.addWidget(details)
    assert not details.is_centre.isChecked() and details.is_centre.isEnabled()
    details.is_centre.setChecked(True)
    details.ask_make_centre = lambda: True  # type: ignore[method-assign]  # (asked first: no way back)
    details.save()
    assert details.message.text() == "مشخصات دفتر ذخیره شد."
    assert details.is_centre.isChecked() and not details.is_centre.isEnabled()  # a centre stays one
    assert lib.list_centres(store) == [("13", "دفتر مدیریت عملکرد استانداری")]
    assert page.model.rowCount() == 1  # the centres page heard it
    store.close()


def test_first_run_can_say_the_office_is_itself_a_centre(qtbot: Any, tmp_path: Path, type_persian: Any) -> None:
    store = Store(tmp_path / "new.sqlite3")
    dialog = SetupDialog(store)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.office_code, "1301")
    type_persian(dialog.office_name, "مرکز فرهنگی هنری شماره ۱")
    qtbot.keyClicks(dialog.username, "boss")
    type_persian(dialog.full_name, "مریم رضایی")
    qtbot.keyClicks(dialog.password, "long-enough-1")
    qtbot.keyClicks(dialog.password2, "long-enough-1")
    dialog.office_is_centre.setChecked(True)
    dialog.submit()
    assert dialog.result() == SetupDialog.DialogCode.Accepted
    assert lib.list_centres(store) == [("1301", "مرکز فرهنگی هنری شماره 1")]
    store.close()


def _office_desk(tmp_path: Path) -> tuple[Store, Any]:
    """A provincial office's desk (13, not a centre) keeping two centres' libraries."""
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    lib.add_centre(store, admin, "1301", "مرکز فرهنگی هنری شماره ۱")
    lib.add_centre(store, admin, "1302", "مرکز فرهنگی هنری شماره ۲")
    title = lib.add_title(store, admin, lib.TitleInput(title="ماهی سیاه کوچولو"))
    for barcode, centre in (("B0001", "1301"), ("B0002", "1302"), ("B0003", "1302")):
        lib.add_copy(store, admin, title.id, barcode=barcode, home_centre=centre)
    lib.register_member(store, admin, lib.MemberInput(first_name="حسین", last_name="احمدی",
                                                      national_id=NATIONAL_IDS[1], category="adult",
                                                      home_centre="1302"), today=TODAY)
    return store, admin


def scan(qtbot: Any, page: CirculationPage, code: str) -> None:
    qtbot.keyClicks(page.scan, code)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)


def test_a_desk_of_an_office_lends_at_the_centre_picked_and_remembers_it(qtbot: Any, tmp_path: Path) -> None:
    store, admin = _office_desk(tmp_path)
    member = lib.search_members(store, admin, "احمدی")[0]
    ctx = make_ctx(store, admin, tmp_path)
    page = CirculationPage(ctx)
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    assert page.centre_picker.isVisible() and page.centre_picker.count() == 2
    assert page.centre_picker.currentData() == "1301"  # nothing remembered yet: the first
    page.centre_picker.setCurrentIndex(page.centre_picker.findData("1302"))
    assert page.message.text() == "میز امانت در «مرکز فرهنگی هنری شماره ۲»."
    scan(qtbot, page, member.member_no)
    scan(qtbot, page, "B0002")
    with store.read() as s:
        assert s.scalars(select(Loan.centre)).one() == "1302"
    # a refusal overridden at the centre: the office's own log, the centre named in it
    lib.set_rule(store, admin, "adult", period_days=14, max_loans=1, max_renewals=1)
    page.ask_override_reason = lambda: "امتحان"  # type: ignore[method-assign]
    scan(qtbot, page, "B0003")
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    with store.read() as s:
        assert s.scalars(select(OverrideLog.centre)).one() == "1302"
        override = s.scalars(select(Event).where(Event.type == "circulation.overridden")).one()
        assert override.office_code == "13"  # what an office keeps to itself carries the office
        assert {e.office_code for e in s.scalars(select(Event).where(Event.type == "loan.checked_out"))} == {"1302"}
    # returned in return mode: at the picked centre, home
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0002")
    assert page.message.text() == "بازگشت ثبت شد: «ماهی سیاه کوچولو». به قفسه برگردانید."
    page.grab().save(str(tmp_path / "picker.png"))
    again = CirculationPage(ctx)  # the desk opened again remembers its centre
    qtbot.addWidget(again)
    assert again.centre_picker.currentData() == "1302" and again.ctx.actor.office_code == "1302"
    store.close()


def test_a_librarian_placed_at_a_centre_needs_no_picker(qtbot: Any, tmp_path: Path) -> None:
    store, admin = _office_desk(tmp_path)
    librarian = make_user(store, admin, "lib1", "librarian")
    with pytest.raises(ValidationError) as refused:  # not a centre of this office
        accounts.create_user(store, admin, username="lib2", full_name="کتابدار", password="long-enough-1",
                             roles={"librarian"}, office_code="2101")
    assert refused.value.field == "office_code"
    placed = accounts.create_user(store, admin, username="lib3", full_name="نرگس کریمی", password="long-enough-1",
                                  roles={"librarian"}, office_code="1302")
    assert placed.office_code == "1302" and librarian.office_code == "13"
    actor = accounts.login(store, "lib3", "long-enough-1")
    page = CirculationPage(make_ctx(store, actor, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert not page.centre_picker.isVisible() and page.ctx.actor.office_code == "1302"
    store.close()


def test_a_desk_with_no_centre_says_so_and_does_not_scan(qtbot: Any, tmp_path: Path) -> None:
    store, admin = make_desk(tmp_path / "d.sqlite3", office="13")
    page = CirculationPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    assert not page.scan.isEnabled()
    assert "هیچ مرکز فرهنگی هنری ثبت نشده است" in page.message.text()
    lib.add_centre(store, admin, "1301", "مرکز فرهنگی هنری شماره ۱")
    page.ctx.bus.changed.emit("accounts")  # the centres page says a centre was added
    assert page.scan.isEnabled() and page.ctx.actor.office_code == "1301"
    assert circ.member_desk  # (the desk works from here as any other)
    store.close()
