"""The circulation desk driven as a keyboard-wedge scanner drives it: Latin code + Enter."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import library as lib
from kanoon_desk.ui.library.circulation import CirculationPage
from kanoon_desk.ui.widgets import ERROR_STYLE
from tests.factories import make_user
from tests.library_helpers import TODAY, Lib, make_library
from tests.ui.lending_desk import open_desk
from tests.ui.shell_support import drawn_x, ink_span, language, make_ctx, visible


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def scan(qtbot: Any, page: CirculationPage, code: str) -> None:
    page.scan.clear()
    qtbot.keyClicks(page.scan, code)
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)


@pytest.fixture
def desk(tmp_path: Path, qtbot: Any) -> tuple[Lib, CirculationPage]:
    L, page = open_desk(qtbot, tmp_path)
    page.resize(1100, 760)
    return L, page


def test_scan_card_then_books_lends_with_jalali_due_date(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    scan(qtbot, page, "B0001")
    assert page.message.text() == "نخست کارت عضو را بخوانید."
    scan(qtbot, page, L.child.member_no)
    assert "زهرا محمدی" in page.member_name.text()
    scan(qtbot, page, "B0001")
    scan(qtbot, page, "b0002")  # a scanner in lower case still finds the copy
    assert page.loans.model().rowCount() == 2
    # 10 working days after 1404/02/15: 1404/02/27, shown in Persian
    assert "۲۷ اردیبهشت ۱۴۰۴" in visible(page.message.text())
    assert page.loans.model().index(0, 3).data() == "۱۴۰۴/۰۲/۲۷"
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    assert page.slip.isEnabled()
    html = page.slip_html()
    assert "ماهی سیاه کوچولو" in html and "۱۴۰۴/۰۲/۲۷" in html
    # the member number as the card and its bars write it: Latin digits, left to right in the sentence
    assert f"شماره عضویت: \u2066{L.child.member_no}\u2069" in html
    page.grab().save(str(Path(page.ctx.settings.fileName()).parent / "desk.png"))


def test_refusal_shown_on_screen_and_overridden_by_admin(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    lib.set_rule(L.store, L.admin, "child", period_days=10, max_loans=1, max_renewals=1)
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, "B0001")
    scan(qtbot, page, "B0002")
    assert page.message.text() == f"«{lib.get_copy(L.store, 'B0002').title}» امانت داده نشد: سقف امانت این عضو پر است."
    assert page.override_button.isVisible()
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    reasons: list[str | None] = [None, "  ", "کتاب درسی فردا"]  # changed mind, empty, a reason
    page.ask_override_reason = lambda: reasons.pop(0)  # type: ignore[method-assign]
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    assert lib.get_copy(L.store, "B0002").status == "on_shelf" and page.override_button.isVisible()
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "دلیل نادیده گرفتن مانع را کوتاه بنویسید."
    assert lib.get_copy(L.store, "B0002").status == "on_shelf"
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    assert lib.get_copy(L.store, "B0002").status == "on_loan"
    assert not page.override_button.isVisible()
    assert page.loans.model().rowCount() == 2


def test_librarian_without_grant_sees_no_override(tmp_path: Path, qtbot: Any) -> None:
    L = make_library(tmp_path)
    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    lib.renew_membership(L.store, L.admin, L.adult.id, TODAY.replace(year=2024))
    page = CirculationPage(make_ctx(L.store, librarian, tmp_path))
    page.today = TODAY
    qtbot.addWidget(page)
    page.show()
    scan(qtbot, page, L.adult.member_no)
    # why (until when it ran) and what to do: this librarian can neither renew it nor override here
    assert page.blocks.text() == ("عضویت این عضو تا ۱۴۰۳/۰۲/۱۶ اعتبار داشت؛ برای امانت، نخست آن را در صفحه «اعضا» "
                                  "با «تمدید عضویت برای یک سال» تمدید کنید.")
    scan(qtbot, page, "B0001")
    assert page.message.text() == "«ماهی سیاه کوچولو» امانت داده نشد: عضویت این عضو به پایان رسیده است."
    assert not page.override_button.isVisible()


def test_return_mode_shows_next_action(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    scan(qtbot, page, L.adult.member_no)
    scan(qtbot, page, "B0001")
    qtbot.keyClick(page, Qt.Key.Key_F3)
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0001")
    assert page.message.text() == "بازگشت ثبت شد: «ماهی سیاه کوچولو». به قفسه برگردانید."
    scan(qtbot, page, "B0001")
    assert page.message.text() == "این نسخه در امانت نیست."


def test_an_unknown_card_is_said_to_be_no_members_and_a_card_in_return_mode_is_said_to_be_a_card(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.ui.widgets import ERROR_STYLE

    L, page = desk
    assert page.scan.placeholderText() == "کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید"
    scan(qtbot, page, "13010000999")  # a misread card: no member has it
    assert page.message.text() == "عضوی با شماره عضویت یا کد ملی 13010000999 پیدا نشد."
    scan(qtbot, page, "0000000000")  # nor this national ID
    assert page.message.text() == "عضوی با شماره عضویت یا کد ملی 0000000000 پیدا نشد."
    scan(qtbot, page, "B0001")  # a book before any card
    assert page.message.text() == "نخست کارت عضو را بخوانید."
    # return mode reads books: a member's card is said to be one, with the key back to lending
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    assert page.scan.placeholderText() == "بارکد کتاب‌های بازگشتی را بخوانید و Enter بزنید"
    scan(qtbot, page, L.child.member_no)
    assert visible(page.message.text()) == (
        "این کارت عضو (زهرا محمدی) است، نه بارکد کتاب؛ برای امانت F2 را بزنید و کارت را دوباره بخوانید.")
    assert page.message.styleSheet() == ERROR_STYLE and page.returns_panel.table.model().rowCount() == 0
    scan(qtbot, page, "X9999")  # neither a book nor a card
    assert page.message.text() == "نسخه‌ای با این بارکد پیدا نشد."
    page.grab().save(str(Path(page.ctx.settings.fileName()).parent / "card-in-return-mode.png"))
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)
    assert page.scan.placeholderText() == "کارت عضو یا بارکد کتاب را بخوانید و Enter بزنید"
    scan(qtbot, page, L.child.member_no)
    assert "زهرا محمدی" in page.member_name.text()


def test_a_book_read_twice_is_said_to_be_lent_to_this_member_already(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.ui.widgets import ERROR_STYLE

    L, page = desk
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, "B0001")
    scan(qtbot, page, "b0001")  # the scanner read it twice
    assert visible(page.message.text()) == (
        "«ماهی سیاه کوچولو» هم‌اکنون به همین عضو امانت داده شده است؛ مهلت بازگشت شنبه ۲۷ اردیبهشت ۱۴۰۴.")
    assert page.message.styleSheet() != ERROR_STYLE and not page.override_button.isVisible()
    assert page.loans.model().rowCount() == 1 and page.session_loans[0].barcode == "B0001"
    page.grab().save(str(Path(page.ctx.settings.fileName()).parent / "read-twice.png"))
    page.clear_member()
    scan(qtbot, page, L.adult.member_no)  # another member: the book is out, to whom, where, until when
    scan(qtbot, page, "B0001")
    assert visible(page.message.text()) == (
        "این نسخه هم‌اکنون به نام زهرا محمدی از مرکز فرهنگی هنری شماره ۱ تا ۱۴۰۴/۰۲/۲۷ در امانت است؛ "
        "نخست آن را بازگردانید.")
    assert page.message.styleSheet() == ERROR_STYLE


def test_renew_all_names_each_refused_title_and_why(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.services import circulation as circ

    L, page = desk
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    other = lib.add_title(L.store, L.admin, lib.TitleInput(title="کلاغ‌ها"))
    lib.add_copy(L.store, L.admin, other.id, barcode="K0001")
    circ.checkout(L.store, L.admin, L.adult.member_no, "K0001", today=TODAY + timedelta(days=10))
    page.today = TODAY + timedelta(days=20)  # «ماهی سیاه کوچولو» is overdue
    scan(qtbot, page, L.adult.member_no)
    qtbot.mouseClick(page.renew_all, Qt.MouseButton.LeftButton)
    assert page.message.text() == ("۰ امانت تمدید شد. تمدیدنشده: «ماهی سیاه کوچولو»: این عضو کتاب دیرکرد دارد؛ "
                                   "«کلاغ‌ها»: این عضو کتاب دیرکرد دارد.")
    assert [x.renewals for x in circ.member_desk(L.store, L.admin, L.adult.member_no, today=page.today).loans] == [0, 0]
    # the overdue book stands out in red; the other is written as usual
    from PySide6.QtGui import QColor

    model = page.loans.model()
    red = {model.index(r, 1).data(): model.index(r, 1).data(Qt.ItemDataRole.ForegroundRole) for r in range(2)}
    assert red == {"ماهی سیاه کوچولو": QColor("#b00020"), "کلاغ‌ها": None}


def test_renew_one_and_all(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    scan(qtbot, page, L.adult.member_no)
    scan(qtbot, page, "B0001")
    scan(qtbot, page, "B0002")
    page.select_loan(1)
    qtbot.mouseClick(page.renew_one, Qt.MouseButton.LeftButton)
    # lent today: renewing moves no due date, and uses no renewal
    assert page.message.text() == ("«ماهی سیاه کوچولو» تمدید نشد: تمدید امروز مهلت بازگشت را جلو نمی‌برد؛ "
                                   "نزدیک‌تر به مهلت تمدید کنید (تمدیدی هدر نرفت).")
    assert not page.override_button.isVisible()  # no override lifts it
    page.today = TODAY + timedelta(days=3)
    page.select_loan(1)
    qtbot.mouseClick(page.renew_one, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("تمدید شد")
    qtbot.mouseClick(page.renew_all, Qt.MouseButton.LeftButton)
    # adult rule: one renewal; the one already renewed is refused, named with its reason
    assert page.message.text() == ("۱ امانت تمدید شد. تمدیدنشده: «ماهی سیاه کوچولو»: "
                                   "سقف تمدید این امانت پر است. تمدید امروز مهلت بازگشت را جلو نمی‌برد؛ "
                                   "نزدیک‌تر به مهلت تمدید کنید (تمدیدی هدر نرفت).")
    qtbot.keyClick(page.scan, Qt.Key.Key_Escape)
    assert page.desk is None


def test_a_hold_placed_at_the_desk_is_set_aside_at_return_and_expires_uncollected(
        qtbot: Any, desk: tuple[Lib, CirculationPage], monkeypatch: pytest.MonkeyPatch, type_persian: Any) -> None:
    from datetime import timedelta

    from kanoon_desk.ui.library import circulation as circulation_ui
    from kanoon_desk.ui.library.holds import HoldDialog

    L, page = desk
    assert page.hold_dialog() is None and not page.hold_button.isEnabled()  # no member yet
    scan(qtbot, page, L.adult.member_no)
    for barcode in ("B0001", "B0002", "B0003"):  # every copy of the title is out
        scan(qtbot, page, barcode)
    page.clear_member()
    scan(qtbot, page, L.child.member_no)
    assert page.hold_button.isEnabled() and not page.cancel_hold_button.isEnabled()
    dialog = page.hold_dialog()
    assert isinstance(dialog, HoldDialog)
    dialog.submit()
    assert dialog.form.error_of("title") == "کتاب را بجویید و از فهرست برگزینید."
    type_persian(dialog.query, "ماهی سیاه")
    assert dialog.matches.count() == 1 and "صمد بهرنگی" in dialog.matches.item(0).text()
    assert dialog.pickup.currentData() == "13"  # this desk's centre
    dialog.submit()
    assert dialog.result() == HoldDialog.DialogCode.Accepted and dialog.hold is not None
    page.hold_placed(dialog.hold)
    assert page.message.text() == "رزرو ثبت شد: «ماهی سیاه کوچولو» — نوبت ۱، تحویل در «مرکز فرهنگی هنری شماره ۱»."
    assert "در صف رزرو: ماهی سیاه کوچولو (نوبت ۱)" in visible(page.member_info.text())
    assert page.cancel_hold_button.isEnabled()
    again = page.hold_dialog()
    assert again is not None
    type_persian(again.query, "ماهی")
    again.submit()  # the child holds it already: said in the dialog, which stays open
    assert again.result() != HoldDialog.DialogCode.Accepted and again.form.general_error.text()
    # the first copy back at the return desk is set aside for the child
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0001")
    assert "برای رزرو «زهرا محمدی» کنار بگذارید" in visible(page.message.text())
    # the desk's button says one waits on the hold shelf (counted again a moment after the return)
    qtbot.waitUntil(lambda: page.shelf_button.text() == "قفسه رزرو (۱)")
    assert page.pull_button.text() == "ارسال برای رزرو"  # none to send: no count
    # the hold shelf lists it with the number to call (the child's guardian)
    shelf = page.hold_shelf()
    model = shelf.table.model()
    assert model.rowCount() == 1
    assert [model.index(0, c).data() for c in range(3)] == ["ماهی سیاه کوچولو", "زهرا محمدی", "۰۹۱۲۱۲۳۴۵۶۷"]
    # nobody collects it: a desk opened after the hold shelf days lets it go and says what to do
    later_day = TODAY + timedelta(days=30)
    monkeypatch.setattr(circulation_ui, "today", lambda: later_day)
    later = CirculationPage(page.ctx)
    qtbot.addWidget(later)
    assert later.message.text().startswith("رزروهای تحویل‌نشده‌ای که مهلتشان گذشت لغو شد:")
    assert "«ماهی سیاه کوچولو» (B0001): به قفسه برگردانید." in later.message.text()
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_a_waiting_hold_is_cancelled_at_the_desk(qtbot: Any, desk: tuple[Lib, CirculationPage],
                                                 type_persian: Any) -> None:
    L, page = desk
    scan(qtbot, page, L.adult.member_no)
    for barcode in ("B0001", "B0002", "B0003"):
        scan(qtbot, page, barcode)
    page.clear_member()
    scan(qtbot, page, L.child.member_no)
    dialog = page.hold_dialog()
    assert dialog is not None
    type_persian(dialog.query, "ماهی")
    dialog.submit()
    assert dialog.hold is not None
    page.hold_placed(dialog.hold)
    [hold] = page.open_holds()
    page.cancel_hold(hold)
    assert page.message.text() == "رزرو «ماهی سیاه کوچولو» لغو شد."
    assert page.open_holds() == [] and not page.cancel_hold_button.isEnabled()


def test_a_return_routed_to_a_hold_elsewhere_is_recorded_and_shown(qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import actor_at

    L = make_library(tmp_path)
    for barcode in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, barcode, today=TODAY)
    circ.place_hold(L.store, actor_at(L.admin, "14"), L.child.member_no, L.title.id, today=TODAY)
    L, page = open_desk(qtbot, tmp_path, L)
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0001")
    assert visible(page.message.text()) == "بازگشت ثبت شد: «ماهی سیاه کوچولو». برای رزرو «زهرا محمدی» به مرکز «مرکز فرهنگی هنری شماره ۲» بفرستید."
    assert lib.get_copy(L.store, "B0001").status == "in_transit"
    page.mode_lend.setChecked(True)
    scan(qtbot, page, L.child.member_no)
    assert "رزرو در راه: ماهی سیاه کوچولو (به «مرکز فرهنگی هنری شماره ۲»)" in visible(page.member_info.text())
    page.clear_member()
    scan(qtbot, page, L.adult.member_no)
    scan(qtbot, page, "B0001")  # the child's, on its way: not lent here
    assert page.message.text() == "«ماهی سیاه کوچولو» امانت داده نشد: این نسخه برای عضو دیگری کنار گذاشته شده است."
    assert lib.get_copy(L.store, "B0001").status == "in_transit"


def test_pull_list_sends_with_a_scan_or_one_key(qtbot: Any, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from kanoon_desk.models import acting_at
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services import library_transit as tr
    from tests.library_helpers import NATIONAL_IDS, actor_at

    L = make_library(tmp_path)
    at_b = actor_at(L.admin, "14")
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    # placed at 00:30 on Nowruz 1405 in Tehran (21:00 UTC the evening before): the list says the
    # office's day it was placed, not the UTC date (it said ۱۴۰۴/۱۲/۲۹)
    with acting_at(datetime(2026, 3, 20, 21, 0, tzinfo=UTC)):
        first = circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    second = circ.place_hold(L.store, at_b, third.member_no, L.title.id, today=TODAY)
    L, page = open_desk(qtbot, tmp_path, L)
    assert page.pull_button.isEnabled() and page.pull_button.text() == "ارسال برای رزرو (۲)"
    dialog = page.pull_list()
    qtbot.addWidget(dialog)
    dialog.show()
    model = dialog.table.model()
    assert model.rowCount() == 2
    assert [model.index(0, c).data() for c in range(6)] == [
        "ماهی سیاه کوچولو", "زهرا محمدی", "مرکز فرهنگی هنری شماره ۲", "۱۴۰۵/۰۱/۰۱", "B0001", "A1"]
    # the librarian took B0003 from the shelf and scans it: it goes to the oldest hold
    qtbot.keyClicks(dialog.scan, "b0003")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.message.text() == \
        "«ماهی سیاه کوچولو» (B0003) برای زهرا محمدی به مرکز «مرکز فرهنگی هنری شماره ۲» فرستاده شد؛ در راه ثبت شد."
    assert [h.status for h in circ.holds_of_title(L.store, L.title.id)] == ["in_transit", "waiting"]
    assert dialog.table.model().rowCount() == 1
    # one key: Enter on the listed row sends its copy for the next hold
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.sent == 2
    holds = {h.id: h for h in circ.holds_of_title(L.store, L.title.id)}
    assert holds[first.id].status == holds[second.id].status == "in_transit"
    assert lib.get_copy(L.store, "B0001").status == "in_transit"
    assert tr.pull_list(L.store, L.admin, "13") == [] and dialog.empty.isVisible()
    qtbot.waitUntil(lambda: page.pull_button.text() == "ارسال برای رزرو")  # nothing left to send
    qtbot.keyClicks(dialog.scan, "B0002")
    qtbot.keyClick(dialog.scan, Qt.Key.Key_Return)
    assert dialog.message.text() == "رزروی در مرکز دیگر منتظر این کتاب نیست."


def test_a_refused_renewal_is_overridden_with_a_reason_and_listed_for_the_admin(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.ui.library.overrides import OverridesPage

    L, page = desk
    lib.set_rule(L.store, L.admin, "adult", period_days=14, max_loans=5, max_renewals=0)
    scan(qtbot, page, L.adult.member_no)
    scan(qtbot, page, "B0001")
    page.today = TODAY + timedelta(days=2)
    page.select_loan(0)
    qtbot.mouseClick(page.renew_one, Qt.MouseButton.LeftButton)
    assert page.message.text() == "«ماهی سیاه کوچولو» تمدید نشد: سقف تمدید این امانت پر است."
    assert page.override_button.isVisible() and page.override_button.text() == "نادیده گرفتن مانع و تمدید (ثبت می‌شود)"
    page.ask_override_reason = lambda: "عضو در سفر بود"  # type: ignore[method-assign]
    qtbot.mouseClick(page.override_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("تمدید شد") and not page.override_button.isVisible()
    assert page.desk is not None and page.desk.loans[0].renewals == 1
    admin_page = OverridesPage(page.ctx)
    qtbot.addWidget(admin_page)
    model = admin_page.model
    assert model.rowCount() == 1 and admin_page.count.text() == "۱ مانع نادیده گرفته شده است."
    row = [model.index(0, c).data() for c in range(model.columnCount())]
    assert row[1:] == [L.admin.full_name, "مرکز فرهنگی هنری شماره ۱", "تمدید", "سقف تمدید این امانت پر است.",
                       "حسین احمدی", L.adult.member_no.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")),
                       "ماهی سیاه کوچولو", "B0001", "عضو در سفر بود"]
    # a reason cut short by the column's width is read whole on hover
    assert model.index(0, 9).data(Qt.ItemDataRole.ToolTipRole) == "عضو در سفر بود"
    admin_page.centre.setCurrentIndex(admin_page.centre.findData("14"))
    assert model.rowCount() == 0


def test_a_book_lost_with_its_member_is_recorded_at_the_desk_and_found_at_return(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, "B0001")
    page.today = TODAY + timedelta(days=30)
    page.clear_member()
    scan(qtbot, page, L.child.member_no)
    assert page.blocks.text() == "این عضو کتاب دیرکرد دارد."
    assert page.lost_button.isEnabled()
    page.ask_lost_note = lambda title: None  # type: ignore[method-assign]  # changed their mind
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    page.ask_lost_note = lambda title: "در سفر گم شد"  # type: ignore[method-assign]
    page.select_loan(0)
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == ("«ماهی سیاه کوچولو» گم‌شده نزد عضو ثبت شد: امانت بسته شد و نسخه در فهرست "
                                   "گم‌شده‌هاست.")
    assert page.blocks.text() == "" and page.loans.model().rowCount() == 0 and not page.lost_button.isEnabled()
    assert page.history.model().index(0, 3).data() == "گم شد ۱۴۰۴/۰۳/۱۴"
    assert lib.get_copy(L.store, "B0001").status == "lost"
    # a month later the book turns up in the return box: said, and put back only by «پیدا شد»
    page.mode_return.setChecked(True)
    scan(qtbot, page, "B0001")
    assert page.message.text() == "این نسخه گم‌شده ثبت شده بود. اگر پیدا شده است، «پیدا شد» را بزنید تا به گردش برگردد."
    assert page.found_button.isVisible() and lib.get_copy(L.store, "B0001").status == "lost"
    qtbot.mouseClick(page.found_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "«ماهی سیاه کوچولو» پیدا شد و به گردش برگشت. به قفسه برگردانید."
    assert not page.found_button.isVisible() and lib.get_copy(L.store, "B0001").status == "on_shelf"
    model = page.returns_panel.table.model()
    assert [model.index(0, c).data() for c in range(4)] == [
        "B0001", "ماهی سیاه کوچولو", "(گم‌شده، پیدا شد)", "به قفسه برگردانید."]


def test_return_mode_lists_the_sessions_returns_newest_first_and_forgets_the_member(
        qtbot: Any, desk: tuple[Lib, CirculationPage], tmp_path: Path) -> None:
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import actor_at

    L, page = desk
    at_b = actor_at(L.admin, "14")
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0003", today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    other = lib.add_copy(L.store, at_b, L.title.id, barcode="C0001")
    circ.checkout(L.store, at_b, L.adult.member_no, other.barcode, today=TODAY)
    scan(qtbot, page, L.adult.member_no)
    assert "حسین احمدی" in page.member_name.text()
    qtbot.keyClick(page.scan, Qt.Key.Key_F3)
    assert page.mode_return.isChecked()
    assert page.desk is None and not page.member_box.isVisible() and page.returns_panel.isVisible()
    for barcode in ("B0001", "B0002", "C0001"):
        scan(qtbot, page, barcode)
    model = page.returns_panel.table.model()
    assert model.rowCount() == 3
    rows = [[visible(model.index(r, c).data()) for c in range(4)] for r in range(3)]
    assert rows == [
        ["C0001", "ماهی سیاه کوچولو", "حسین احمدی", "به مرکز خودش «مرکز فرهنگی هنری شماره ۲» بفرستید."],
        ["B0002", "ماهی سیاه کوچولو", "حسین احمدی", "به قفسه برگردانید."],
        ["B0001", "ماهی سیاه کوچولو", "حسین احمدی", "برای رزرو «زهرا محمدی» کنار بگذارید: ماهی سیاه کوچولو"],
    ]
    page.grab().save(str(tmp_path / "returns.png"))
    qtbot.keyClick(page.scan, Qt.Key.Key_F2)
    assert page.member_box.isVisible() and not page.returns_panel.isVisible()


def test_the_slip_lists_every_open_loan_when_none_was_lent_in_the_visit(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.persian import format_jalali_date
    from kanoon_desk.services import circulation as circ

    L, page = desk
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY)
    page.today = TODAY + timedelta(days=5)
    scan(qtbot, page, L.adult.member_no)
    assert page.slip.isEnabled()  # nothing done yet: the member asks what they have out, until when
    due_before = {loan.barcode: loan.due_on for loan in circ.member_desk(L.store, L.admin, L.adult.member_no, today=page.today).loans}
    html = page.slip_html()
    assert all(barcode in html and format_jalali_date(due) in html for barcode, due in due_before.items())
    page.select_loan(0)
    qtbot.mouseClick(page.renew_one, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("تمدید شد") and page.slip.isEnabled()
    html = page.slip_html()
    loans = circ.member_desk(L.store, L.admin, L.adult.member_no, today=page.today).loans
    assert {loan.due_on for loan in loans} != set(due_before.values())  # one renewed
    for loan in loans:  # every open loan, at its due date now
        assert loan.barcode in html and format_jalali_date(loan.due_on) in html


def test_no_slip_for_a_member_with_nothing_out(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    L, page = desk
    scan(qtbot, page, L.adult.member_no)
    assert page.desk is not None and not page.desk.loans and not page.slip.isEnabled()


def test_the_members_line_reads_in_order_in_the_english_interface(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    """In English, a Persian name followed by a number and a bracket («Guardian: علی محمدی
    (09121234567)») is drawn name first, then the phone in its brackets: not the phone pulled into
    the Persian run and drawn before the name."""
    from tests.ui.shell_support import compile_english

    with language(qapp, "en", compile_english(tmp_path)):
        L = make_library(tmp_path)
        page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))
        page.today = TODAY
        qtbot.addWidget(page)
        scan(qtbot, page, L.child.member_no)
        text = page.member_info.text()
        member = lib.get_member(L.store, L.admin, L.child.id)
        assert member.guardian_name and member.guardian_phone
        x = drawn_x(text, page.member_info.font())
        name_at, phone_at = text.index(member.guardian_name), text.index(member.guardian_phone)
        assert text[phone_at - 1] == "("
        name_xs = [x(i) for i in range(name_at, name_at + len(member.guardian_name) + 1)]
        assert max(name_xs) <= x(phone_at - 1) < x(phone_at) < x(phone_at + len(member.guardian_phone))
        # the heading «زهرا محمدی — Child» is an English line: it starts at the left, as every
        # other line of the page (its Persian first word made Qt read it right to left)
        heading = page.member_name
        assert visible(heading.text()).startswith(member.full_name)
        assert ink_span(heading)[0] < heading.width() // 4


def test_the_members_papers_stay_persian_in_the_english_interface(qapp: Any, qtbot: Any, tmp_path: Path) -> None:
    """The slip and the card go home with a child in Iran, as the secretariat's receipts go to an
    applicant: Persian words and digits whatever the librarian's interface ("Checkout slip" and
    "Member no.: ۱۳۰۱…" were half English, half Persian)."""
    import re

    from kanoon_desk.ui.library.printouts import card_lines
    from tests.ui.shell_support import compile_english

    with language(qapp, "en", compile_english(tmp_path)):
        L = make_library(tmp_path)
        page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))
        page.today = TODAY
        qtbot.addWidget(page)
        scan(qtbot, page, L.child.member_no)
        scan(qtbot, page, "B0001")
        assert page.loans.model().rowCount() == 1 and page.slip.text() != "برگه امانت"  # the button is English
        words = re.sub(r"<[^>]+>|&\w+;", " ", page.slip_html())
        lines = card_lines(lib.get_member(L.store, L.admin, L.child.id), "مرکز فرهنگی هنری شماره 1")
    assert "برگه امانت" in words and "ماهی سیاه کوچولو" in words and "۱۴۰۴/۰۲/۲۷" in words
    assert not re.search("[A-Za-z]{2,}", words)  # no English word (a barcode's one letter aside)
    assert lines[:2] == ["کارت عضویت کتابخانه — کودک", "مرکز: مرکز فرهنگی هنری شماره ۱"]
    assert re.fullmatch("اعتبار تا: ۱۴[۰-۹]{2}/[۰-۹]{2}/[۰-۹]{2}", lines[2])


def test_a_desk_left_open_overnight_lends_on_the_new_day(qtbot: Any, tmp_path: Path, monkeypatch: Any) -> None:
    """The desk reads the clock's day (not the one it opened on) and the holidays the admin enters
    while it is open: a loan of the next morning is lent that day, due on a working day."""
    from kanoon_desk.services import accounts
    from kanoon_desk.services import circulation as circ
    from kanoon_desk.services.library_rules import list_rules
    from kanoon_desk.ui.library import circulation as circulation_ui

    L = make_library(tmp_path)
    monkeypatch.setattr(circulation_ui, "today", lambda: TODAY)
    page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    period = next(r.period_days for r in list_rules(L.store) if r.category == "adult")
    morning = TODAY + timedelta(days=1)
    would_be = circ.due_date(accounts.working_calendar(L.store), morning, period)
    accounts.set_holiday(L.store, L.admin, would_be, "تعطیلی آزمون")
    page.ctx.bus.changed.emit("accounts")
    monkeypatch.setattr(circulation_ui, "today", lambda: morning)
    scan(qtbot, page, L.adult.member_no)
    scan(qtbot, page, "B0001")
    (loan,) = circ.member_desk(L.store, L.admin, L.adult.id, today=morning).loans
    assert loan.out_on == morning
    assert loan.due_on == circ.due_date(accounts.working_calendar(L.store), morning, period) != would_be


def test_cancelling_a_ready_hold_says_the_copy_goes_to_the_next_hold(qtbot: Any,
                                                                     desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import NATIONAL_IDS

    L, page = desk
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    for barcode in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, barcode, today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, L.admin, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # set aside for the child
    scan(qtbot, page, L.child.member_no)
    [hold] = page.open_holds()
    page.cancel_hold(hold)
    text = visible(page.message.text())
    assert text.startswith("رزرو «ماهی سیاه کوچولو» لغو شد. نسخه کنار گذاشته (B0001):")
    assert "برای رزرو «مریم رضایی» کنار بگذارید" in text
    assert "از قفسه رزرو بردارید" not in text
    # the third member borrows a new copy, not the one set aside for her: the desk says where that goes
    lib.add_copy(L.store, L.admin, L.title.id, barcode="B0004", shelf="A1")
    page.clear_member()
    scan(qtbot, page, third.member_no)
    scan(qtbot, page, "B0004")
    text = visible(page.message.text())
    assert text.startswith("امانت داده شد:") and "نسخه کنار گذاشته (B0001): به قفسه برگردانید." in text
    assert lib.get_copy(L.store, "B0001").status == "on_shelf"


def test_cancelling_a_hold_in_transit_says_whom_its_copy_now_travels_for(qtbot: Any,
                                                                         desk: tuple[Lib, CirculationPage]) -> None:
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import NATIONAL_IDS, actor_at

    L, page = desk
    at_b = actor_at(L.admin, "14")
    third = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    for barcode in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, barcode, today=TODAY)
    circ.place_hold(L.store, at_b, L.child.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, at_b, third.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # on its way to 14 for the child
    scan(qtbot, page, L.child.member_no)
    [hold] = page.open_holds()
    page.cancel_hold(hold)
    text = visible(page.message.text())
    assert text.startswith("رزرو «ماهی سیاه کوچولو» لغو شد. نسخه‌اش (B0001) در راه مرکز «")
    assert text.endswith("اکنون برای رزرو «مریم رضایی» است (تحویل در «مرکز فرهنگی هنری شماره ۲»).")


def test_a_hold_on_a_book_with_no_copy_to_lend_is_refused_at_the_book(qtbot: Any, desk: tuple[Lib, CirculationPage],
                                                                     type_persian: Any) -> None:
    from kanoon_desk.ui.library.holds import HoldDialog

    L, page = desk
    lib.add_title(L.store, L.admin, lib.TitleInput(title="کتاب بی‌نسخه"))
    scan(qtbot, page, L.child.member_no)
    dialog = page.hold_dialog()
    assert dialog is not None
    type_persian(dialog.query, "بی‌نسخه")
    assert dialog.matches.count() == 1
    dialog.submit()
    assert dialog.result() != HoldDialog.DialogCode.Accepted and dialog.hold is None
    assert dialog.form.error_of("title") == "این کتاب نسخه امانت‌دادنی ندارد؛ رزرو آن هرگز آماده نمی‌شود."


def test_a_checkout_refused_for_a_late_book_names_it_and_the_centre_that_lent_it(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    """A book lent at another centre and late blocks a checkout here too; the refusal said only
    «این عضو کتاب دیرکرد دارد», so the librarian could not tell the member which book, or where
    it goes back."""
    from kanoon_desk.services import circulation as circ
    from tests.library_helpers import actor_at

    L, page = desk
    circ.checkout(L.store, actor_at(L.admin, "14"), L.child.member_no, "B0001", today=TODAY - timedelta(days=40))
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, "B0002")
    said = visible(page.message.text())
    assert said.startswith("«ماهی سیاه کوچولو» امانت داده نشد: این عضو کتاب دیرکرد دارد.")
    assert "(دیرکرد: «ماهی سیاه کوچولو» از مرکز فرهنگی هنری شماره ۲، " in said and said.endswith(" روز)"), said


#: The keys of «B0001» on a keyboard switched to Persian (ISIRI 9147): what each types, its Linux
#: key code (evdev + 8) and its Windows virtual-key code. Shift+B types a half-space there.
PERSIAN_KEYS_B0001 = [("\u200c", 48 + 8, 0x42, True), ("۰", 11 + 8, 0x30, False), ("۰", 11 + 8, 0x30, False),
                      ("۰", 11 + 8, 0x30, False), ("۱", 2 + 8, 0x31, False)]


@pytest.mark.parametrize("platform", ["xcb", "windows"])
def test_a_scanner_on_a_persian_keyboard_layout_still_lends_the_copy(
        qtbot: Any, desk: tuple[Lib, CirculationPage], monkeypatch: pytest.MonkeyPatch, platform: str) -> None:
    """A scanner presses keys; with the desk's keyboard on Persian (the librarian types names in
    Persian) «B0001» came in as a half-space and Persian digits, and the copy was «not found».
    The scan box reads the Latin letter from the key pressed, not from the layout."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QKeyEvent

    from kanoon_desk.ui import scan_box

    monkeypatch.setattr(scan_box, "platform_name", lambda: platform)
    L, page = desk
    scan(qtbot, page, L.child.member_no)
    page.scan.clear()
    for text, scan_code, virtual_key, shifted in PERSIAN_KEYS_B0001:
        mods = Qt.KeyboardModifier.ShiftModifier if shifted else Qt.KeyboardModifier.NoModifier
        native = (scan_code if platform == "xcb" else 0x30), (virtual_key if platform == "windows" else 0)
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QCoreApplication.sendEvent(page.scan, QKeyEvent(kind, Qt.Key.Key_unknown, mods, native[0], native[1], 0, text))
    assert lib.clean_code(page.scan.text()) == "B0001"
    qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert lib.get_copy(L.store, "B0001").status == "on_loan"
    assert page.loans.model().rowCount() == 1


def test_persian_typed_in_a_scan_box_without_key_codes_is_left_as_typed(qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    """Where the platform gives no key codes (or a key has no Latin letter), nothing is made up."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtGui import QKeyEvent

    from kanoon_desk.ui.scan_box import latin_of_key

    _, page = desk
    for text in "ذ۱":  # (the offscreen platform: no key codes)
        QCoreApplication.sendEvent(page.scan, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_unknown,
                                                        Qt.KeyboardModifier.NoModifier, text))
    assert page.scan.text() == "ذ۱"
    assert latin_of_key("offscreen", 56, 0x42) == "" and latin_of_key("xcb", 56, 0) == "B"
    assert latin_of_key("wayland", 60, 0) == "." and latin_of_key("windows", 0, 0xBD) == "-"
    assert latin_of_key("windows", 0, 0x0D) == ""  # Enter: no letter


@pytest.mark.parametrize("mode", ["lend", "return"])
def test_a_scan_the_store_could_not_record_names_the_book_to_read_again(
        qtbot: Any, desk: tuple[Lib, CirculationPage], mode: str) -> None:
    """Another program held the store's file (a scheduled backup, a sync run by hand) past the
    wait: the desk said «ثبت نشد: برنامه دیگری پرونده داده … را در دست داشت» and nothing else.
    Scans follow fast, so the librarian could not tell which book to read again; the sentence now
    names the code read. Nothing is recorded, and the same scan works once the file is free."""
    import sqlite3

    L, page = desk
    if mode == "return":
        scan(qtbot, page, L.child.member_no)
        scan(qtbot, page, "B0001")
        qtbot.keyClick(page.scan, Qt.Key.Key_F3)
        assert page.mode_return.isChecked()
    else:
        scan(qtbot, page, L.child.member_no)
    holder = sqlite3.connect(str(L.store.path), isolation_level=None, timeout=0)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        scan(qtbot, page, "B0001")  # waits the store's busy time out, then refused
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    said = page.message.text()
    assert said.startswith("«\u2068B0001\u2069» — ثبت نشد: برنامه دیگری پرونده داده این میز را در دست داشت"), said
    assert lib.get_copy(L.store, "B0001").status == ("on_shelf" if mode == "lend" else "on_loan")
    scan(qtbot, page, "B0001")
    assert lib.get_copy(L.store, "B0001").status == ("on_loan" if mode == "lend" else "on_shelf")


def test_a_book_label_read_short_that_is_another_childs_card_does_not_move_the_desk(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    """Barcodes and member numbers are counted alike, the barcode a digit longer: a label whose
    last digit the scanner dropped read exactly as another child's card, and the desk went to that
    child, the next books lent to them. It stays with its child and says so; the card read again
    goes on."""
    L, page = desk
    label = L.adult.member_no + "4"  # (the desk's own codes: the card number and a check digit)
    lib.add_copy(L.store, L.admin, L.title.id, barcode=label)
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, L.adult.member_no)  # the book's label, read short
    said = page.message.text()
    assert said.startswith(f"«\u2068{L.adult.member_no}\u2069» شماره کارت \u2068حسین احمدی\u2069 است")
    assert f"\u2068{label}\u2069" in said and page.message.styleSheet() == ERROR_STYLE
    assert "زهرا محمدی" in page.member_name.text()
    scan(qtbot, page, label)  # read again, whole: lent to the child at the desk
    assert lib.get_copy(L.store, label).status == "on_loan" and page.loans.model().rowCount() == 1
    scan(qtbot, page, L.adult.member_no)
    assert "زهرا محمدی" in page.member_name.text()
    scan(qtbot, page, L.adult.member_no)  # the card, read twice: the desk goes to that member
    assert "حسین احمدی" in page.member_name.text()


def test_an_old_label_read_at_the_desk_says_the_copys_barcode_now(qtbot: Any,
                                                                   desk: tuple[Lib, CirculationPage]) -> None:
    """A copy relabelled (its label stuck wrong): its old label read before a card was «no member
    with this number»; with a card, «no copy with this barcode». It is a book, and its barcode now
    is said, to print its new label."""
    L, page = desk
    lib.relabel_copy(L.store, L.admin, "B0001", "K0101")
    scan(qtbot, page, "B0001")
    assert page.message.text() == "نخست کارت عضو را بخوانید."
    scan(qtbot, page, L.child.member_no)
    scan(qtbot, page, "B0001")
    assert page.message.text().startswith("این بارکدِ کهنه یک نسخه است: بارکد آن به \u2068K0101\u2069 اصلاح")
    assert "\u2068K0101\u2069" in page.message.text() and page.loans.model().rowCount() == 0
    scan(qtbot, page, "K0101")
    assert page.loans.model().rowCount() == 1


def test_a_book_due_on_a_day_made_a_holiday_is_not_late_at_the_desk_the_next_open_day(
        qtbot: Any, desk: tuple[Lib, CirculationPage]) -> None:
    """The admin closed the centres on the Saturday a child's book was due (entered after the slip):
    on Sunday the desk shows the slip's date, no day late, and lends the child another book."""
    from datetime import date

    from kanoon_desk.services import accounts
    from kanoon_desk.services import circulation as circ

    L, page = desk
    due = date(2025, 5, 17)  # 1404/02/27
    assert circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY).due_on == due
    accounts.set_holiday(L.store, L.admin, due, "تعطیلی اعلام‌شده")
    page.ctx.bus.changed.emit("accounts")  # as the holidays page says when it enters one
    page.today = due + timedelta(days=1)
    scan(qtbot, page, L.child.member_no)
    model = page.loans.model()
    assert (model.index(0, 3).data(), model.index(0, 4).data()) == ("۱۴۰۴/۰۲/۲۷", "")  # due as said, not late
    scan(qtbot, page, "B0002")
    assert page.loans.model().rowCount() == 2 and page.message.styleSheet() != ERROR_STYLE, page.message.text()
    page.grab().save(str(Path(page.ctx.settings.fileName()).parent / "due-on-a-holiday.png"))
    page.today = due + timedelta(days=2)  # Monday: one day late (Sunday), in red
    scan(qtbot, page, L.child.member_no)
    model = page.loans.model()
    assert [model.index(row, 4).data() for row in range(2)] == ["۱", ""]
