"""Admin pages, role filtering of the side bar, shared widgets, and the screenshot command."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QLabel

from kanoon_desk import persian
from kanoon_desk.services import accounts
from kanoon_desk.store import Store
from kanoon_desk.ui import library, secretariat
from kanoon_desk.ui.admin.holidays import HolidaysPage
from kanoon_desk.ui.admin.users import UsersPage
from kanoon_desk.ui.context import PageSpec, UiContext
from kanoon_desk.ui.main_window import MainWindow, visible_pages
from kanoon_desk.ui.screenshots import first_admin, render_all
from kanoon_desk.ui.widgets import JalaliDateEdit, LazyTableModel

from ..factories import PASSWORD, make_user
from .shell_support import language, make_ctx


def test_admin_creates_a_user_and_errors_stay_at_the_field(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                           desk: tuple[Store, Any], type_persian: Any,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store, admin = desk
    window = MainWindow(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(window)
    page = window.show_page("admin-users")
    assert isinstance(page, UsersPage) and page.model.rowCount() == 1
    dialog = page.user_dialog()
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.username, "clerk7")
    type_persian(dialog.full_name, "علی محمدی")
    qtbot.keyClicks(dialog.password, "short")
    qtbot.keyClicks(dialog.password2, "short")
    dialog.roles.boxes["clerk"].setChecked(True)
    dialog.submit()
    assert dialog.form.error_of("password") == "گذرواژه دست‌کم ۸ نویسه باشد."
    assert dialog.full_name.text() == "علی محمدی"
    dialog.password.setText("long-enough-1")
    dialog.password2.setText("long-enough-1")
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert page.model.rowCount() == 2  # the page reloaded on the bus
    page.select_username("clerk7")
    assert page.model.display(page.selected(), 2) == "کارمند دبیرخانه"
    clerk = accounts.login(store, "clerk7", "long-enough-1")
    assert clerk.roles == frozenset({"clerk"})

    # disable, asked first; an admin cannot disable themselves: the refusal is shown on the page
    asked: list[str] = []
    answer = [False]

    def ask(user: accounts.UserView) -> bool:
        asked.append(user.full_name)
        return answer[0]

    monkeypatch.setattr(page, "ask_deactivate", ask)
    page.toggle_active()
    assert asked == ["علی محمدی"] and page.message.text() == ""
    assert accounts.login(store, "clerk7", "long-enough-1").user_id == clerk.user_id  # «No»: still active
    answer[0] = True
    page.toggle_active()
    assert page.message.text() == "کاربر علی محمدی غیرفعال شد."
    with pytest.raises(Exception, match="غیرفعال"):
        accounts.login(store, "clerk7", "long-enough-1")
    page.select_username("clerk7")
    page.toggle_active()  # enabling again is not asked
    assert len(asked) == 2 and page.message.text() == "کاربر علی محمدی فعال شد."
    page.select_username("admin")
    page.toggle_active()
    assert len(asked) == 2  # not asked: refused
    assert page.message.text() == "نمی‌توانید خودتان را غیرفعال کنید؛ مدیر سامانه دیگری باید این کار را بکند."
    assert accounts.login(store, "admin", PASSWORD).has("admin")
    # nor take their own admin role, even with another admin there: the error is at the roles
    make_user(store, admin, "admin2", "admin")
    page.select_username("admin")
    own = page.user_dialog(page.selected())
    qtbot.addWidget(own)
    own.roles.boxes["admin"].setChecked(False)
    own.submit()
    assert own.form.error_of("roles") == ("نمی‌توانید نقش مدیر سامانه را از خودتان بگیرید؛ مدیر سامانه دیگری باید "
                                          "این کار را بکند.")
    assert own.result() != own.DialogCode.Accepted


def test_side_bar_shows_only_the_pages_of_the_actors_roles(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                           desk: tuple[Store, Any],
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    store, admin = desk

    def lending_pages(ctx: UiContext) -> list[PageSpec]:
        return [PageSpec("library-circulation", "امانت و بازگشت", "fa6s.book", lambda c: QLabel("امانت"),
                         frozenset({"librarian"}))]

    def secretariat_pages(ctx: UiContext) -> list[PageSpec]:
        return [PageSpec("secretariat-intake", "پذیرش", "fa6s.inbox", lambda c: QLabel("پذیرش"),
                         frozenset({"clerk", "expert"}))]

    monkeypatch.setattr(library, "pages", lending_pages)
    monkeypatch.setattr(secretariat, "pages", secretariat_pages)
    librarian = make_user(store, admin, "lib1", "librarian")
    clerk = make_user(store, admin, "clerk1", "clerk")
    keys, headings = {}, {}
    for name, actor in (("admin", admin), ("lib", librarian), ("clerk", clerk)):
        window = MainWindow(make_ctx(store, actor, tmp_path))
        qtbot.addWidget(window)
        keys[name] = window.page_keys()
        items = [window.sidebar.item(r) for r in range(window.sidebar.count())]
        headings[name] = [i.text() for i in items if not i.flags() & Qt.ItemFlag.ItemIsSelectable]
    # Ctrl+3 (the third page) skips the headings
    window = MainWindow(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(window)
    window.select_page(2)
    assert window.current_key() == "library-circulation"
    assert window.page_title.text() == "امانت و بازگشت"
    assert keys["admin"][0] == "home" and keys["admin"][-2:] == ["sync", "conflicts"]
    assert keys["admin"] == ["home", "secretariat-intake", "library-circulation", "admin-users",
                             "admin-office", "admin-centres", "admin-holidays", "admin-agencies", "admin-backups", "sync",
                             "conflicts"]
    # (a librarian decides the conflicts about members: the inbox lists those alone)
    assert keys["lib"] == ["home", "library-circulation", "sync", "conflicts"]
    assert keys["clerk"] == ["home", "secretariat-intake", "sync"]
    assert headings["admin"] == ["دبیرخانه", "کتابخانه", "مدیریت سامانه"]
    assert headings["lib"] == ["کتابخانه"]


def test_holidays_page_adds_a_jalali_date_and_removes_it(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                         desk: tuple[Store, Any], type_persian: Any) -> None:
    store, admin = desk
    page = HolidaysPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    tasua = date(2031, 5, 31)  # 1410/03/10, a Saturday
    page.day.set_value(tasua)
    assert page.day.text() == persian.format_jalali_date(tasua) == "۱۴۱۰/۰۳/۱۰"
    page.add()
    assert page.form.error_of("title") == "مناسبت تعطیلی را بنویسید."
    type_persian(page.title, "تاسوعا")
    page.add()
    assert accounts.list_holidays(store) == [(tasua, "تاسوعا")]
    assert page.message.text() == "تعطیلی ۱۴۱۰/۰۳/۱۰ افزوده شد."
    assert page.model.display(page.model.row_at(0), 0) == "۱۴۱۰/۰۳/۱۰"
    assert page.model.display(page.model.row_at(0), 1) == "شنبه"
    page.show()
    cell = page.table.visualRect(page.model.index(0, 2)).center()
    qtbot.mouseClick(page.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)  # a clerk's click
    page.remove()
    assert accounts.list_holidays(store) == [] and page.model.rowCount() == 0


def test_holidays_page_refuses_a_day_off_asks_before_a_new_title_and_warns_of_a_past_day(
        fa: QApplication, qtbot: Any, tmp_path: Path, desk: tuple[Store, Any], type_persian: Any,
        monkeypatch: pytest.MonkeyPatch) -> None:
    store, admin = desk
    page = HolidaysPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    for day, said in ((date(2025, 3, 21), "۱۴۰۴/۰۱/۰۱ از تعطیلات رسمی ثابت هر سال است"),  # Nowruz
                      (date(2031, 5, 30), "۱۴۱۰/۰۳/۰۹ جمعه است و خودبه‌خود تعطیل است")):
        page.day.set_value(day)
        page.title.setText("تعطیلی")
        page.add()
        assert page.form.error_of("day").startswith(said) and page.form.error_of("day").endswith("چیزی افزوده نشد.")
        assert page.message.text() == "" and accounts.list_holidays(store) == []
    asked: list[tuple[str, str, str]] = []
    answer = [False]

    def ask(day_text: str, old: str, new: str) -> bool:
        asked.append((day_text, old, new))
        return answer[0]

    monkeypatch.setattr(page, "ask_replace", ask)
    tasua = date(2031, 5, 31)
    page.day.set_value(tasua)
    page.title.clear()
    type_persian(page.title, "تاسوعا")
    page.add()
    assert asked == []  # a new day: nothing to ask
    page.title.setText("عاشورا")
    page.add()
    assert asked == [("۱۴۱۰/۰۳/۱۰", "تاسوعا", "عاشورا")]
    assert page.message.text() == "مناسبت روز ۱۴۱۰/۰۳/۱۰ همان «تاسوعا» ماند."
    assert accounts.list_holidays(store) == [(tasua, "تاسوعا")]
    answer[0] = True
    page.add()
    assert page.message.text() == "مناسبت روز ۱۴۱۰/۰۳/۱۰ از «تاسوعا» به «عاشورا» تغییر کرد."
    assert accounts.list_holidays(store) == [(tasua, "عاشورا")]
    page.title.setText("عاشورا")
    page.add()
    assert len(asked) == 2 and page.message.text() == "روز ۱۴۱۰/۰۳/۱۰ با همین مناسبت در جدول هست؛ چیزی تغییر نکرد."
    past = date(2021, 8, 18)  # 1400/05/27, a Wednesday: added, with a word on past periods' figures
    page.day.set_value(past)
    page.title.setText("عاشورا")
    page.add()
    assert page.message.text().startswith("تعطیلی ۱۴۰۰/۰۵/۲۷ افزوده شد. این روز گذشته است: شمار روزهای کاری")
    assert (past, "عاشورا") in accounts.list_holidays(store)
    page.show()
    page.grab().save(str(tmp_path / "holidays.png"))


def test_a_holiday_entered_on_a_day_deadlines_were_given_for_says_they_stay_as_given(
        fa: QApplication, qtbot: Any, tmp_path: Path) -> None:
    from kanoon_desk.models.library import Loan
    from kanoon_desk.services import circulation
    from kanoon_desk.services import library as lib
    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.services import secretariat_agencies as agencies
    from kanoon_desk.services import secretariat_query as q
    from tests.library_helpers import NATIONAL_IDS, make_library
    from tests.secretariat_helpers import case_input

    L = make_library(tmp_path)
    reader = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="سارا", last_name="نوری", national_id=NATIONAL_IDS[2], category="adult", phone="09351112233"))
    loan = circulation.checkout(L.store, L.admin, reader.member_no, "B0001")
    due = loan.due_on
    # a case forwarded today whose agency must answer on the day the book is due back
    agency = agencies.save_agency(L.store, L.admin, name="شهرداری منطقه ۲", deadline_days=10)
    case_id = sec.intake(L.store, L.admin, case_input(1)).case_id
    sec.review(L.store, L.admin, case_id, accept=True)
    sec.register(L.store, L.admin, case_id)
    sec.forward(L.store, L.admin, case_id, agency.id, deadline=due)
    page = HolidaysPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.day.set_value(due)
    page.title.setText("تاسوعا")
    page.add()
    said = page.message.text()
    assert said.startswith(f"تعطیلی {persian.format_jalali_date(due)} افزوده شد. مهلت پاسخ ۱ پرونده نزد دستگاه‌ها "
                           "و موعد بازگشت ۱ امانت همین روز است و جابه‌جا نمی‌شود"), said
    # nor is either counted late on the next working day (the agency's answer as the book)
    assert "پاسخ دستگاهی که نخستین روز کاری پس از آن برسد و کتابی که آن روز برگردد دیرکرد ندارد" in said
    # and so it is: the deadline and the due date stay as given, the case not late the next working day
    assert q.get_case(L.store, L.admin, case_id).case["deadline"] == due
    after = accounts.working_calendar(L.store).next_working_day(due)
    assert q.overdue_count(L.store, L.admin, on=after) == 0
    assert q.overdue_count(L.store, L.admin, on=accounts.working_calendar(L.store).next_working_day(after)) == 1
    with L.store.read() as s:
        kept = s.get(Loan, loan.id)
        assert kept is not None and kept.due_on == due
    page.resize(900, 520)
    page.show()
    page.grab().save(str(tmp_path / "holiday-on-deadlines.png"))
    # a holiday another desk entered, brought by a sync while the page is open, is listed
    later = accounts.working_calendar(L.store).next_working_day(due)
    accounts.set_holiday(L.store, L.admin, later, "عاشورا")  # (as the sync folds it in)
    page.ctx.bus.changed.emit("sync")
    assert [page.model.row_at(i)[0] for i in range(page.model.rowCount())] == [due, later]


def test_holidays_page_warns_when_the_lunar_holidays_are_not_entered(fa: QApplication, qtbot: Any, tmp_path: Path,
                                                                     desk: tuple[Store, Any]) -> None:
    store, admin = desk
    page = HolidaysPage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert page.fixed_note.isVisible()
    page.check_lunar(persian.parse_jalali_date("1404/10/20"))
    assert page.warning.isVisible() and page.warning.text().startswith("تعطیلات قمری سال ۱۴۰۴، ۱۴۰۵ هنوز وارد نشده")
    accounts.set_holiday(store, admin, persian.parse_jalali_date("1404/10/23"), "ولادت امام علی")
    page.check_lunar(persian.parse_jalali_date("1404/10/20"))
    assert page.warning.text().startswith("تعطیلات قمری سال ۱۴۰۵ هنوز")
    accounts.set_holiday(store, admin, persian.parse_jalali_date("1405/01/22"), "عید فطر")
    page.check_lunar(persian.parse_jalali_date("1404/10/20"))
    assert not page.warning.isVisible()


def test_jalali_date_edit_reads_like_printed_dates(fa: QApplication, qtbot: Any, type_persian: Any) -> None:
    edit = JalaliDateEdit(value=date(2024, 8, 2))
    qtbot.addWidget(edit)
    edit.show()
    assert edit.text() == persian.format_jalali_date(date(2024, 8, 2)) == "۱۴۰۳/۰۵/۱۲"
    assert not edit.isRightToLeft()  # a numeric island: year on the left, as on paper
    edit.setDate(edit.date().addDays(1))
    assert edit.value() == date(2024, 8, 3)
    # a clerk types year, month, day in the order they are written, in Persian or Latin digits
    edit.setFocus()
    edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
    type_persian(edit, "۱۴۰۴۰۱۰۱")
    assert edit.value() == date(2025, 3, 21) and edit.text() == "۱۴۰۴/۰۱/۰۱"
    edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, "14030512")
    assert edit.value() == date(2024, 8, 2)
    popup = edit.calendarWidget()  # the Iranian week: Saturday first, Friday the weekend
    assert popup.firstDayOfWeek() == Qt.DayOfWeek.Saturday and popup.isRightToLeft()
    friday = popup.weekdayTextFormat(Qt.DayOfWeek.Friday).foreground().color()
    saturday = popup.weekdayTextFormat(Qt.DayOfWeek.Saturday).foreground().color()
    assert friday.red() > 150 and saturday.red() < 100


def test_lazy_table_model_fetches_pages_on_demand(fa: QApplication) -> None:
    calls: list[tuple[int, int]] = []
    data = [(i, f"ردیف {i}") for i in range(1000)]

    def fetch(offset: int, limit: int) -> list[Any]:
        calls.append((offset, limit))
        return data[offset:offset + limit]

    model = LazyTableModel(["شماره", "عنوان"], fetch, lambda: len(data), page_size=200)
    assert model.rowCount() == 0 and model.canFetchMore() and model.total == 1000
    model.fetchMore()
    model.fetchMore()
    assert model.rowCount() == 400 and calls == [(0, 200), (200, 200)]
    assert model.data(model.index(5, 0)) == "۵"
    assert model.headerData(0, Qt.Orientation.Horizontal) == "شماره"
    assert model.headerData(4, Qt.Orientation.Vertical) == "۵"
    for _ in range(10):
        if model.canFetchMore():
            model.fetchMore()
    assert model.rowCount() == 1000 and not model.canFetchMore()
    model.reload()
    assert model.rowCount() == 200


def test_screenshots_render_login_and_every_page(qapp: QApplication, tmp_path: Path,
                                                 desk: tuple[Store, Any]) -> None:
    store, _ = desk
    with language(qapp, "fa"):
        paths = render_all(store.path, tmp_path / "shots", "fa")
    names = [p.name for p in paths]
    assert names[:3] == ["00-login.png", "00-setup-join.png", "01-home.png"]
    with language(qapp, "fa"):
        expected = [p.key for p in visible_pages(make_ctx(store, first_admin(store), tmp_path))]
    # every page of every desk, in side-bar order, then the desks' extra renders
    assert names[2:2 + len(expected)] == [f"{i:02d}-{key}.png" for i, key in enumerate(expected, 1)]
    assert {"admin-users", "admin-office", "admin-holidays", "admin-agencies", "sync"} <= set(expected)
    img = QImage(str(tmp_path / "shots" / "01-home.png"))
    assert (img.width(), img.height()) == (1280, 800)
    assert not QImage(str(tmp_path / "shots" / "00-setup-join.png")).isNull()




def test_change_own_password_from_the_menu(fa: QApplication, qtbot: Any, tmp_path: Path,
                                           desk: tuple[Store, Any]) -> None:
    from kanoon_desk.ui.password import ChangePasswordDialog

    store, admin = desk
    clerk = make_user(store, admin, "clerk2", "clerk")
    window = MainWindow(make_ctx(store, clerk, tmp_path))
    qtbot.addWidget(window)
    window.password_action.trigger()
    dialog = window.findChild(ChangePasswordDialog)
    assert dialog is not None and dialog.isVisible()
    qtbot.keyClicks(dialog.old, "not-my-password")
    qtbot.keyClicks(dialog.new, "brand-new-pass")
    qtbot.keyClicks(dialog.new2, "brand-new-pass")
    dialog.submit()
    assert dialog.form.error_of("old_password") == "گذرواژه کنونی درست نیست."
    dialog.old.setText(PASSWORD)
    dialog.submit()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert accounts.login(store, "clerk2", "brand-new-pass").user_id == clerk.user_id


def test_home_page_shows_the_desks_facts(fa: QApplication, qtbot: Any, tmp_path: Path,
                                         desk: tuple[Store, Any], monkeypatch: pytest.MonkeyPatch,
                                         caplog: pytest.LogCaptureFixture) -> None:
    from kanoon_desk.ui.home import HomePage

    def broken(ctx: UiContext) -> list[tuple[str, str]]:
        raise RuntimeError("facts are down")

    def lending_pages(ctx: UiContext) -> list[PageSpec]:
        return [PageSpec("library-circulation", "میز امانت", "fa6s.book", lambda c: QLabel(""),
                         extra={"home_facts": lambda c: [("امانت‌های امروز", "۱۲")]}),
                PageSpec("library-reports", "گزارش‌ها", "fa6s.chart-column", lambda c: QLabel(""),
                         extra={"home_facts": broken})]

    monkeypatch.setattr(library, "pages", lending_pages)
    store, admin = desk
    page = HomePage(make_ctx(store, admin, tmp_path))
    qtbot.addWidget(page)
    texts = [w.text() for w in page.findChildren(QLabel)]
    assert "امانت‌های امروز" in texts and "۱۲" in texts
    assert "سلام، مدیر سامانه" in texts
    assert "facts are down" in caplog.text  # logged, and the page still opened


def test_home_page_counts_the_cartable_the_overdue_and_open_conflicts(fa: QApplication, qtbot: Any,
                                                                     tmp_path: Path) -> None:
    from datetime import timedelta

    from kanoon_desk.services import secretariat as sec
    from kanoon_desk.ui.home import HomePage

    from ..secretariat_helpers import case_input, make_secretariat_desk

    d = make_secretariat_desk(tmp_path)
    try:
        # one case referred to the manager (unread), forwarded by another with a deadline long past
        for n in (1, 2):  # received long ago (a letter is never dated before its request)
            receipt = sec.intake(d.store, d.clerk, case_input(n, received_date=sec.today() - timedelta(days=90)))
            sec.review(d.store, d.expert, receipt.case_id, accept=True)
            sec.register(d.store, d.clerk, receipt.case_id)
            sec.refer(d.store, d.expert, receipt.case_id, d.manager.user_id if n == 1 else d.manager2.user_id)
        old = sec.today() - timedelta(days=60)
        sec.forward(d.store, d.manager2, receipt.case_id, d.agency.id, letter_no="۱۲۳", on=old)
        page = HomePage(make_ctx(d.store, d.manager, tmp_path))
        qtbot.addWidget(page)
        texts = [w.text() for w in page.findChildren(QLabel)]
        assert "کارتابل من" in texts and "۱ مورد باز، ۱ مورد خوانده‌نشده" in texts
        i = texts.index("پرونده‌های گذشته از مهلت دستگاه")
        assert texts[i + 1] == "۱"
        assert "ناسازگاری‌های باز" not in texts  # none open: no line about it
    finally:
        d.store.close()


def test_the_english_holidays_list_names_the_weekday_in_english(qapp: QApplication, qtbot: Any, tmp_path: Path,
                                                               desk: tuple[Store, Any]) -> None:
    from .shell_support import compile_english

    store, admin = desk
    accounts.set_holiday(store, admin, date(2031, 5, 31), "تاسوعا")  # a Saturday
    with language(qapp, "en", compile_english(tmp_path)):
        page = HolidaysPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(page)
        assert page.model.display(page.model.row_at(0), 1) == "Saturday"
