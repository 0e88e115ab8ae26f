"""The lending pages other than the desk: overdue (lazy), stock-take, members, catalogue import, reports."""

from __future__ import annotations

import csv
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from kanoon_desk.services import circulation as circ
from kanoon_desk.services import history
from kanoon_desk.services import library as lib
from kanoon_desk.ui.library import pages
from kanoon_desk.ui.library.catalogue import CataloguePage
from kanoon_desk.ui.library.members import MembersPage
from kanoon_desk.ui.library.overdue import OverdueModel, OverduePage
from kanoon_desk.ui.library.reports import ReportsPage
from kanoon_desk.ui.library.stocktake import StocktakePage
from tests.library_helpers import TODAY, Lib, make_library
from tests.ui.shell_support import language, make_ctx


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def L(tmp_path: Path) -> Lib:
    return make_library(tmp_path)


def test_pages_listed_for_librarians(L: Lib, tmp_path: Path) -> None:
    keys = [p.key for p in pages(make_ctx(L.store, L.admin, tmp_path))]
    assert keys[0] == "library-circulation" and "library-stocktake" in keys and "library-reports" in keys


def test_overdue_model_fetches_lazily(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    for i in range(3):
        lib.add_copy(L.store, L.admin, L.title.id, barcode=f"X{i}")
        circ.checkout(L.store, L.admin, L.adult.member_no, f"X{i}", today=TODAY - timedelta(days=40 - i),
                      override=True, note="آزمون")
    ctx = make_ctx(L.store, L.admin, tmp_path)
    model = OverdueModel(ctx)
    model.page_size = 2
    model.reload()
    assert model.total == 3 and model.rowCount() == 2 and model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 3
    assert model.index(0, 7).data() == "X0"
    from kanoon_desk.persian import to_persian_digits
    assert model.index(0, 0).data() == to_persian_digits(model.row_at(0).days)  # Persian digits
    page = OverduePage(ctx)
    qtbot.addWidget(page)
    assert page.count.text() == "۳ امانت دیرکرد دارد."
    out = tmp_path / "o.xlsx"
    assert page.export(out) == 3
    html = page.notices_html()  # one member, three late books: one notice listing them
    assert html.count("یادآوری دیرکرد امانت") == 1 and html.count("ماهی سیاه کوچولو") == 3
    assert "مهلت بازگشت ۳ کتاب زیر" in html and "آن‌ها را" in html
    assert page.notices_html(page_size=2) == html  # the whole list, not only its first page
    assert model.index(0, 10).data() == ""  # no reminder yet
    qtbot.mouseClick(page.notice_button, Qt.MouseButton.LeftButton)
    assert page.count.text() == "۱ پیامک یادآوری در صف ارسال گذاشته شد."  # one member: one SMS
    # each row says when its reminder was queued and, after a sync round, what became of the SMS
    from sqlalchemy import select

    from kanoon_desk.models import Event
    from kanoon_desk.services import sms_outcomes
    with L.store.read() as s:
        (reminder,) = s.scalars(select(Event).where(Event.type == "notice.queued"))
    assert sorted(reminder.payload["loan_ids"]) == sorted(page.model.row_at(i).loan_id for i in range(3))
    page.reload()
    assert [page.model.index(i, 10).data().split(" — ")[1] for i in range(3)] == ["در صف پیامک"] * 3
    sms_outcomes.keep(L.store, [sms_outcomes.Outcome(reminder.id, "failed", 5, "number not in service")])
    page.reload()
    cells = [page.model.index(i, 10).data() for i in range(3)]
    assert [c.split(" — ")[1] for c in cells] == ["پیامک نرسید؛ تلفن بزنید"] * 3
    from kanoon_desk.persian import format_jalali_date
    assert {c.split(" — ")[0] for c in cells} == {format_jalali_date(page.model.day)}  # queued today


def test_stocktake_screen_scans_and_closes(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    page = StocktakePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    assert not page.scan.isEnabled()
    qtbot.mouseClick(page.open_button, Qt.MouseButton.LeftButton)
    assert page.take is not None and page.take.expected == 3
    for code in ("B0001", "NOPE"):
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
    assert page.message.text() == "\u2068NOPE\u2069: ناشناخته"  # the code isolated: the line reads right to left
    qtbot.mouseClick(page.close_button, Qt.MouseButton.LeftButton)
    assert "بسته" in page.status.text() and "ناپیدا: ۲" in page.status.text()
    asked: list[int] = []
    page.ask_mark_lost = lambda n, missing=None: asked.append(n) or True  # type: ignore[method-assign]
    qtbot.mouseClick(page.lost_button, Qt.MouseButton.LeftButton)
    assert asked == [2] and page.message.text() == "۲ نسخه گم‌شده ثبت شد."
    assert lib.get_copy(L.store, "B0002").status == "lost"


def test_members_page_registers_and_shows_card(L: Lib, tmp_path: Path, qtbot: Any, type_persian: Any) -> None:
    page = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    type_persian(page.first, "نرگس")
    type_persian(page.last, "کریمی")
    page.category.setCurrentIndex(2)  # adult
    qtbot.keyClicks(page.nid, "0013542419")  # already a member's
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    no = L.child.member_no.translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert page.form.error_of("national_id") == f"این کد ملی پیش‌تر برای زهرا محمدی (شماره عضویت {no}) ثبت شده است."
    page.nid.clear()
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)  # an adult needs one of their own
    assert page.form.error_of("national_id").startswith("کد ملی عضو را بنویسید")
    qtbot.keyClicks(page.nid, "0790419904")
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("عضو ثبت شد")
    assert page.card.pixmap() is not None and not page.card.pixmap().isNull()
    qtbot.keyClicks(page.query, L.child.member_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.current is not None and page.current.id == L.child.id
    assert page.table.model().index(0, 3).data() == "مرکز فرهنگی هنری شماره ۱"  # the centre's name, not its code
    qtbot.mouseClick(page.renew_button, Qt.MouseButton.LeftButton)
    assert page.message.text().startswith("عضویت تا")
    assert lib.get_member(L.store, L.admin, L.child.id).expires_on > L.child.expires_on


def test_catalogue_shows_persian_digits_in_persian_text_and_codes_as_scanned(L: Lib, tmp_path: Path, qtbot: Any,
                                                                             type_persian: Any) -> None:
    title = lib.add_title(L.store, L.admin, lib.TitleInput(title="راز ماه (جلد ۳)", author="نویسنده ۲"))
    lib.add_copy(L.store, L.admin, title.id, barcode="130100000777")
    page = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    type_persian(page.query, "راز ماه")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert [t.title for t in page.titles] == ["راز ماه (جلد 3)"]  # stored with ASCII digits
    assert page.title_table.model().index(0, 0).data() == "راز ماه (جلد ۳)"
    assert page.title_table.model().index(0, 1).data() == "نویسنده ۲"
    assert page.copy_table.model().index(0, 0).data() == "130100000777"
    header = page.title_table.horizontalHeader()  # the title takes the room, after every new model too
    assert header.sectionResizeMode(0) == QHeaderView.ResizeMode.Stretch and not header.stretchLastSection()


def test_catalogue_search_and_import_preview(L: Lib, tmp_path: Path, qtbot: Any, type_persian: Any) -> None:
    page = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    type_persian(page.query, "ماهي")  # Arabic yeh still finds it
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert [t.title for t in page.titles] == ["ماهی سیاه کوچولو"]
    assert page.copy_table.model().rowCount() == 3
    assert page.copy_table.model().index(0, 3).data() == "در قفسه"
    assert page.copy_table.model().index(0, 1).data() == "مرکز فرهنگی هنری شماره ۱"
    assert page.copy_table.model().index(0, 4).data() == "مرکز فرهنگی هنری شماره ۱"
    path = tmp_path / "t.csv"
    with path.open("w", newline="", encoding="utf-8-sig") as f:
        csv.writer(f).writerows([["عنوان", "شابک"], ["خمره", ""], ["", ""], ["بد", "123"]])
    dialog = page.preview_import("titles", path)
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled() and "۱ ردیف نادرست" in dialog.summary.text()


def test_reports_page_charts_and_exports(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    assert [c.count for c in page.popular] == [1]
    assert "۱۴۰۴/۰۱/۰۱" in page.period_label.text()
    assert page.popular_view.chart().series()[0].count() == 1
    assert "گم‌شده نزد عضو: ۰" in page.rate.text()
    assert page.export_pdf(tmp_path / "r.pdf").stat().st_size > 1000
    assert page.export_xlsx(tmp_path / "r.xlsx").exists()


def test_rules_page_saves_rules_and_grants(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    from kanoon_desk.ui.library.rules import RulesPage
    from tests.factories import make_user

    librarian = make_user(L.store, L.admin, "lib1", "librarian")
    page = RulesPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.spins["child"]["max_loans"].setValue(2)
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "قاعده‌ها ذخیره شد."
    assert lib.list_rules(L.store)[0].max_loans == 2
    assert not lib.can_override(L.store, librarian)
    page.grants["lib1"].setChecked(True)
    assert lib.can_override(L.store, librarian)


def test_extra_screenshots_render(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    from datetime import date

    from PySide6.QtGui import QImage

    from kanoon_desk.ui.library.screens import library_screenshots
    lib.renew_membership(L.store, L.admin, L.adult.id, date(2099, 1, 1))
    lib.renew_membership(L.store, L.admin, L.child.id, date(2099, 1, 1))  # in good standing: lends for real
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    out = tmp_path / "shots"
    out.mkdir()
    names = {p.name for p in library_screenshots(make_ctx(L.store, L.admin, tmp_path), out)}
    # the checkout screenshot scanned the child's card and two books, on a copy of the store
    assert [loan.barcode for loan in circ.member_desk(L.store, L.admin, L.child.member_no, today=TODAY).loans] == []
    assert {"library-card.png", "library-circulation-checkout.png", "library-slip.png",
            "library-stocktake-results.png", "library-circulation-refusal.png", "library-report-chart.png",
            "library-labels.png"} <= names
    assert not QImage(str(out / "library-card.png")).isNull()
    # the screenshots worked on a copy: the real store has no stock-take and its rules are untouched
    from kanoon_desk.services import stocktake as st
    assert st.list_stocktakes(L.store) == []
    assert lib.list_rules(L.store)[2].max_loans == 5


def test_member_history_shows_the_replaced_value(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    lib.update_member(L.store, L.admin, L.adult.id, lib.MemberInput(
        first_name="حسین", last_name="احمدی", national_id=L.adult.national_id, category="adult",
        phone="09359998877"), today=TODAY)
    page = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    # before any search: the members registered last here, the newest selected with its card
    assert [m.id for m in page.results] == [L.adult.id, L.child.id] and page.current == page.results[0]
    assert page.list_title.text() == "آخرین اعضای ثبت‌شده" and page.history_button.isEnabled()
    qtbot.keyClicks(page.query, L.adult.member_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    assert page.history_button.isEnabled()
    dialog = page.show_history()
    assert dialog is not None
    qtbot.addWidget(dialog)
    model = dialog.model
    rows = [[model.data(model.index(r, c)) for c in range(model.columnCount())] for r in range(model.rowCount())]
    phones = [row for row in rows if row[0] == "شماره همراه"]
    assert [(row[1], row[2]) for row in phones] == [("۰۹۳۵۹۹۹۸۸۷۷", "در اجرا"), ("۰۹۳۵۱۲۳۴۵۶۷", "جایگزین شد")]
    # every field by its Persian name (the guardian's national ID read «guardian_national_id»)
    assert "کد ملی ولی" in [row[0] for row in rows]
    assert not [row[0] for row in rows if row[0].isascii()]
    from kanoon_desk.persian import format_jalali_date
    from kanoon_desk.ui.widgets import today
    assert all(format_jalali_date(today()) in row[5] for row in rows)  # recorded today, shown Jalali


def test_members_page_corrects_a_members_details(L: Lib, tmp_path: Path, qtbot: Any, type_persian: Any) -> None:
    page = MembersPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    qtbot.keyClicks(page.query, L.child.member_no)
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    assert page.first.text() == "زهرا" and page.guardian_phone.text() == "09121234567"
    assert page.register_button.text() == "ذخیره تغییرات" and page.cancel_edit_button.isVisible()
    page.guardian_phone.clear()
    qtbot.keyClicks(page.guardian_phone, "0912")  # half a number
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert page.form.error_of("guardian_phone")  # said at the field; the form keeps what was typed
    assert page.guardian_phone.text() == "0912" and page.editing is not None
    page.guardian_phone.clear()
    qtbot.keyClicks(page.guardian_phone, "09129876543")
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)
    assert page.message.text() == "تغییرات زهرا محمدی ثبت شد."
    assert lib.get_member(L.store, L.admin, L.child.id).guardian_phone == "09129876543"
    assert page.editing is None and page.register_button.text() == "ثبت عضو" and page.first.text() == ""
    # only the changed field was recorded, and its history shows the value it replaced
    changes = sorted((c for c in history.field_history(L.store, L.admin, "member", L.child.id) if c.field == "guardian_phone"),
                     key=lambda c: c.recorded_at)
    assert [(c.value, c.in_force) for c in changes] == [("09121234567", False), ("09129876543", True)]
    assert all(c.field in ("guardian_phone",) or c.event_id != changes[-1].event_id
               for c in history.field_history(L.store, L.admin, "member", L.child.id))  # one field in that event
    qtbot.mouseClick(page.edit_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.register_button, Qt.MouseButton.LeftButton)  # saved with nothing changed
    assert page.message.text() == "چیزی تغییر نکرده بود."


def test_catalogue_corrects_a_title_and_withdraws_or_loses_a_copy(L: Lib, tmp_path: Path, qtbot: Any,
                                                                 type_persian: Any) -> None:
    from kanoon_desk.ui.library.catalogue import CataloguePage

    lib.update_title(L.store, L.admin, L.title.id, lib.TitleInput(
        title=L.title.title, author=L.title.author, publisher="کانون", isbn=L.title.isbn, age_group="ب"))
    page = CataloguePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.show()
    type_persian(page.query, "ماهی")
    qtbot.keyClick(page.query, Qt.Key.Key_Return)
    qtbot.mouseClick(page.edit_title_button, Qt.MouseButton.LeftButton)
    assert page.t_author.text() == "صمد بهرنگی" and page.add_title_button.text() == "ذخیره تغییرات"
    page.t_author.clear()
    type_persian(page.t_author, "صمد بهرنگی و دیگران")
    qtbot.mouseClick(page.add_title_button, Qt.MouseButton.LeftButton)
    fixed = lib.get_title(L.store, L.title.id)
    assert fixed.author == "صمد بهرنگی و دیگران" and fixed.publisher == "کانون"  # what the form does not show is kept
    assert page.message.text() == "تغییرات «ماهی سیاه کوچولو» ثبت شد." and page.editing is None
    # a worn copy is withdrawn, another is lost; neither is lent again
    page._say("")
    assert page.selected_copy() is None
    page._ask_and_mark("withdraw")  # nothing selected: said, nothing asked
    assert page.message.text() == "نخست نسخه را در فهرست نسخه‌ها برگزینید."
    by_code = {c.barcode: c for c in page.copies}
    page.mark_copy(by_code["B0001"], "withdraw", "فرسوده")
    assert page.message.text() == "نسخه B0001 وجین شد."
    page.mark_copy(by_code["B0002"], "lost", "در انبارگردانی دیده نشد")
    statuses = {c.barcode: c.status for c in page.copies}
    assert statuses["B0001"] == "withdrawn" and statuses["B0002"] == "lost" and statuses["B0003"] == "on_shelf"
    with pytest.raises(circ.CirculationRefused):
        circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)


def test_screenshots_only_look_at_a_store_while_the_desk_does_its_chores(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    from sqlalchemy import func, select

    from kanoon_desk.models import Event
    from kanoon_desk.ui.library.circulation import CirculationPage
    from kanoon_desk.ui.screenshots import render_all

    for barcode in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, barcode, today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.checkin(L.store, L.admin, "B0001", today=TODAY)  # set aside for the child, who never comes

    def events() -> int:
        with L.store.read() as s:
            return int(s.scalar(select(func.count()).select_from(Event)) or 0)

    before = events()
    render_all(L.store.path, tmp_path / "shots", "fa")
    assert events() == before  # rendering the circulation desk expired nothing
    page = CirculationPage(make_ctx(L.store, L.admin, tmp_path))  # a librarian opening it does
    qtbot.addWidget(page)
    assert events() == before + 1 and page.message.text().startswith("رزروهای تحویل‌نشده")


def test_report_period_by_name_and_exports_say_which_centre(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    from openpyxl import load_workbook

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    assert not page.number.isEnabled()  # a year has no number
    page.kind.setCurrentIndex(page.kind.findData("month"))
    assert page.number.count() == 12 and page.number.itemText(8) == "۹ — آذر"
    page.number.setCurrentIndex(1)  # Ordibehesht 1404: the loan of 1404/02/15
    page.refresh()
    assert [c.count for c in page.popular] == [1] and "اردیبهشت ۱۴۰۴" in page.period_label.text()
    page.kind.setCurrentIndex(page.kind.findData("season"))
    assert page.number.itemText(0) == "۱ — بهار"
    html = page.report_html()
    assert "<b>همه مراکز</b>" in html
    # headed as the secretariat's report: the office's heading, the title centred, the day it was made
    from kanoon_desk.persian import format_jalali_date
    from kanoon_desk.ui.widgets import today
    assert html.startswith('<p align="center"><b>مرکز فرهنگی هنری شماره ۱</b></p>'
                           '<h2 align="center">گزارش امانت کتابخانه‌ها — پاییز ۱۴۰۴</h2>')
    assert f"— تهیه‌شده در {format_jalali_date(today())}</span>" in html
    page.centre.setCurrentIndex(page.centre.findData("14"))
    page.refresh()
    assert "<b>مرکز: \u2068مرکز فرهنگی هنری شماره ۲\u2069 (۱۴)</b>" in page.report_html()
    out = page.export_xlsx(tmp_path / "r.xlsx")
    sheet = load_workbook(out).active
    assert sheet is not None and sheet["B1"].value == "مرکز: مرکز فرهنگی هنری شماره ۲ (۱۴)"


def test_an_export_is_of_the_period_and_centre_it_names_even_without_show(L: Lib, tmp_path: Path,
                                                                            qtbot: Any) -> None:
    """The period or the centre changed without «نمایش»: the PDF and the sheet are built again for
    them (a report of the year 1404 went out headed «فروردین ۱۴۰۴», centre 14)."""
    from openpyxl import load_workbook

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)  # 1404/02/15, centre 13
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    assert [c.count for c in page.popular] == [1]
    page.kind.setCurrentIndex(page.kind.findData("month"))
    page.number.setCurrentIndex(0)  # Farvardin 1404: no loan
    html = page.report_html()
    assert "فروردین ۱۴۰۴" in html and "امانت‌های دوره: ۰" in html and page.popular == []
    assert "فروردین ۱۴۰۴" in page.period_label.text()  # the screen shows what went out
    page.number.setCurrentIndex(1)  # Ordibehesht, at centre 14: still none
    page.centre.setCurrentIndex(page.centre.findData("14"))
    sheet = load_workbook(page.export_xlsx(tmp_path / "r.xlsx")).active
    assert sheet is not None and "اردیبهشت ۱۴۰۴" in sheet["A1"].value
    assert sheet["B1"].value == "مرکز: مرکز فرهنگی هنری شماره ۲ (۱۴)" and page.popular == []
    page.centre.setCurrentIndex(page.centre.findData("13"))
    page.export_pdf(tmp_path / "r.pdf")
    assert [c.count for c in page.popular] == [1] and "امانت‌های دوره: ۱" in page.rate.text()


def test_the_sheet_carries_the_headline_figures_and_counts_as_numbers(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    """The loans of the period, the late, the lost and the rate are in the sheet as on the screen;
    the active centres' members are a number; that table ranks every centre, and says so when the
    report is of one."""
    from openpyxl import load_workbook

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.centre.setCurrentIndex(page.centre.findData("14"))
    page.refresh()

    def rows() -> list[list[object]]:
        sheet = load_workbook(page.export_xlsx(tmp_path / "r.xlsx")).active
        assert sheet is not None
        return [[c for c in r if c is not None] for r in sheet.iter_rows(values_only=True)]

    got = rows()
    assert got[1:7] == [["شاخص‌ها"], ["شاخص", "مقدار"], ["امانت‌های دوره", 0], ["با دیرکرد", 0],
                        ["گم‌شده نزد عضو", 0], ["نرخ دیرکرد (درصد)", 0]]
    at = got.index(["مراکز فعال (همه مراکز)"])
    assert got[at + 2] == ["مرکز فرهنگی هنری شماره 1", 1, 1]  # the other centre's loan, members a number
    assert page.centres.model().headerData(0, Qt.Orientation.Horizontal) == "مرکز فعال (همه مراکز)"
    page.centre.setCurrentIndex(0)  # all centres
    got = rows()
    assert ["امانت‌های دوره", 1] in got and ["مراکز فعال"] in got and ["مراکز فعال (همه مراکز)"] not in got
    assert "<h3>مراکز فعال</h3>" in page.report_html()


def test_the_english_report_reads_from_the_left_in_latin_digits(L: Lib, tmp_path: Path, qtbot: Any,
                                                                  qapp: Any) -> None:
    from kanoon_desk import persian
    from kanoon_desk.ui.widgets import today
    from tests.ui.shell_support import compile_english

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    with language(qapp, "en", compile_english(tmp_path)):
        page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(page)
        page.year.setValue(1404)
        html = page.report_html()
    assert '<th align="left">Title</th><th align="left">Author</th>' in html  # the first column first
    assert '<td align="left">1</td>' in html and "۱" not in html
    assert '<h2 align="center">Library lending report — Year 1404</h2>' in html
    assert f"— made on {persian.to_ascii_digits(persian.format_jalali_date(today()))}</span>" in html


def test_the_report_says_what_the_overdue_rate_the_age_groups_and_a_centres_loans_count(
        L: Lib, tmp_path: Path, qtbot: Any, qapp: Any) -> None:
    """«نرخ دیرکرد» of what, whose age group, which centre a loan counts at: said under the figures on
    the page, in the PDF's paper and in the sheet, in the interface's language."""
    from openpyxl import load_workbook

    from tests.ui.shell_support import compile_english

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    note = page.note.text()
    assert "سررسید" in note and "گروه سنی کتاب" in note
    assert "امانت باطل‌شده (" in note and "در هیچ‌یک از این رقم‌ها شمرده نمی‌شود" in note  # not the rate's alone
    assert page.rate.toolTip() == note and page.note.isVisibleTo(page)
    assert note in page.report_html()
    sheet = load_workbook(page.export_xlsx(tmp_path / "r.xlsx")).active
    assert sheet is not None and note in [row[0] for row in sheet.iter_rows(values_only=True)]
    with language(qapp, "en", compile_english(tmp_path)):
        english = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(english)
        assert english.note.text().startswith("Overdue rate: of the loans made in this period")
        assert english.note.text().endswith("A voided loan (one copy lent at two centres while they were apart, "
                                            "the wrong loan voided) is counted in none of these figures.")


def test_an_export_to_a_place_that_cannot_be_written_is_said(L: Lib, tmp_path: Path, qtbot: Any,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog, QMessageBox, QPushButton

    taken = tmp_path / "taken"
    taken.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(taken), ""))
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    for text in ("خروجی اکسل", "خروجی PDF"):
        [button] = [b for b in page.findChildren(QPushButton) if b.text() == text]
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)  # it raised IsADirectoryError
    overdue = OverduePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(overdue)
    overdue.export_dialog()
    for p in (page, page, overdue):
        assert all(b.icon() == QMessageBox.Icon.Warning and "پرونده باز است" in b.text()
                   for b in p.findChildren(QMessageBox, "saved-message"))
    assert len(page.findChildren(QMessageBox, "saved-message")) == 2
    assert len(overdue.findChildren(QMessageBox, "saved-message")) == 1


def test_overdue_notices_are_one_a_member_to_the_guardian_of_a_child(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY - timedelta(days=30))
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0002", today=TODAY - timedelta(days=40))
    page = OverduePage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    html = page.notices_html()
    assert html.count("یادآوری دیرکرد امانت") == 2 and html.count("✂") == 1  # two slips, one cut between
    assert "علی محمدی گرامی" in html and "امانت زهرا محمدی" in html  # the child's, to the guardian
    assert "حسین احمدی گرامی" in html and "مهلت بازگشت کتاب زیر" in html and "آن را" in html
    # member numbers as the card and its bars write them: Latin digits, left to right in the sentence
    assert f"(شماره عضویت \u2066{L.child.member_no}\u2069)" in html
    assert f"(شماره عضویت \u2066{L.adult.member_no}\u2069)" in html
    # each dated the day the list was read (its days overdue count to it); no phone to call yet
    from kanoon_desk.persian import format_jalali_date
    from kanoon_desk.services import accounts
    assert html.count(f"<p>تاریخ: {format_jalali_date(page.model.day)}</p>") == 2
    assert "تماس بگیرید" not in html
    accounts.update_office(L.store, L.admin, phone="02188776655")  # the loans' centre (the office, 13)
    html = page.notices_html()
    assert html.count("برای هر پرسش با مرکز فرهنگی هنری شماره ۱ به شماره \u2066۰۲۱۸۸۷۷۶۶۵۵\u2069 تماس بگیرید.") == 2


def test_english_exports_read_from_the_left_in_english_words(L: Lib, tmp_path: Path, qtbot: Any,
                                                             qapp: Any) -> None:
    """In the English interface the stock-take result and the overdue list go to sheets that read
    from the left, with English headings and outcomes (they were Persian, right to left)."""
    from openpyxl import load_workbook

    from tests.ui.shell_support import compile_english

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY - timedelta(days=40))
    with language(qapp, "en", compile_english(tmp_path)):
        ctx = make_ctx(L.store, L.admin, tmp_path)
        take_page = StocktakePage(ctx)
        qtbot.addWidget(take_page)
        qtbot.mouseClick(take_page.open_button, Qt.MouseButton.LeftButton)
        assert take_page.export(tmp_path / "take.xlsx") == 2  # (the copy on loan is not expected)
        overdue = OverduePage(ctx)
        qtbot.addWidget(overdue)
        assert overdue.export(tmp_path / "late.xlsx") == 1
    ws = load_workbook(tmp_path / "take.xlsx").active
    assert ws is not None and not ws.sheet_view.rightToLeft
    assert [c.value for c in ws[1]] == ["Barcode", "Title", "Shelf", "Scanned on shelf", "On the list", "Outcome"]
    assert [(ws.cell(r, 5).value, ws.cell(r, 6).value) for r in (2, 3)] == [("Yes", "Missing")] * 2
    late = load_workbook(tmp_path / "late.xlsx").active
    assert late is not None and not late.sheet_view.rightToLeft


def test_the_popular_chart_names_each_volume_whole_enough_and_in_persian_digits(
        L: Lib, tmp_path: Path, qtbot: Any) -> None:
    """Two volumes of one series, cut to the same first letters, were one category of the chart: the
    most borrowed one lost its bar. A long title is cut in its middle (…), so the volume stays to
    read, and the digits of a Persian title are Persian, as in the tables."""
    from PySide6.QtCharts import QBarCategoryAxis

    long = "دانستنی‌هایی درباره کتابخانه‌های جهان"
    volumes = [lib.add_title(L.store, L.admin, lib.TitleInput(title=f"{long} (جلد {n})")) for n in (3, 5)]
    copies = [lib.add_copy(L.store, L.admin, volumes[0].id, barcode=f"V3{i}") for i in range(2)]
    copies.append(lib.add_copy(L.store, L.admin, volumes[1].id, barcode="V50"))
    circ.checkout(L.store, L.admin, L.adult.member_no, copies[0].barcode, today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, copies[1].barcode, today=TODAY)
    circ.checkout(L.store, L.admin, L.adult.member_no, copies[2].barcode, today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    assert [c.count for c in page.popular] == [2, 1]
    chart = page.popular_view.chart()
    [axis] = [a for a in chart.axes() if isinstance(a, QBarCategoryAxis)]
    names = axis.categories()  # the most borrowed on top: the axis lists from the bottom up
    assert len(names) == 2 and names[1].endswith("(جلد ۳)") and names[0].endswith("(جلد ۵)")
    assert all(n.startswith("دانستنی‌هایی") and "…" in n and len(n) <= 28 for n in names)


def test_reports_page_counts_off_the_gui_thread(L: Lib, tmp_path: Path, qtbot: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """A province's two million loans took ~14 s to count: on the GUI thread, the window froze as
    «گزارش‌های کتابخانه» opened. The figures are counted in the background; the page says so
    meanwhile and its exports wait for them."""
    import threading

    from PySide6.QtCore import QSettings

    from kanoon_desk.services import library_reports as rep
    from kanoon_desk.ui.context import ChangeBus, UiContext
    from kanoon_desk.ui.tasks import TaskRunner

    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    real = rep.title_figures
    threads: list[threading.Thread] = []
    release = threading.Event()

    def slow(*args: Any, **kwargs: Any) -> Any:
        threads.append(threading.current_thread())
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(rep, "title_figures", slow)
    tasks = TaskRunner()
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    page = ReportsPage(UiContext(L.store, L.admin, ChangeBus(), tasks, settings))
    qtbot.addWidget(page)
    page.show()
    assert page.busy.isVisible() and not any(b.isEnabled() for b in page.exports)
    assert page.period_label.text() == ""  # nothing shown yet, and the window was not held
    page.year.setValue(1404)
    page.kind.setCurrentIndex(2)  # (a year)
    page.refresh()  # a newer choice before the first is counted: only it is shown
    release.set()
    qtbot.waitUntil(lambda: "۱۴۰۴/۰۱/۰۱" in page.period_label.text())
    qtbot.waitUntil(lambda: not page.busy.isVisible())
    assert threads and all(t is not threading.main_thread() for t in threads)
    assert [c.count for c in page.popular] == [1]
    assert all(b.isEnabled() for b in page.exports)
    tasks.wait()
    qtbot.wait(50)
    assert "۱۴۰۴/۰۱/۰۱" in page.period_label.text()  # the first, older build did not overwrite it


def test_the_overdue_and_report_pages_write_centre_names_in_the_interfaces_digits(
        L: Lib, tmp_path: Path, qapp: Any, qtbot: Any) -> None:
    """«مرکز فرهنگی هنری شماره ۱» is stored «… شماره 1»: the overdue list's and the report's centre
    pickers (and the overdue rows' centre and title) showed it as stored, Latin digits among the
    Persian letters; in English the other pickers write it «… 1» and these «… ۱» from a Persian
    sync. Each now writes the interface's digits, as the desk's own picker does."""
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY - timedelta(days=40))
    ctx = make_ctx(L.store, L.admin, tmp_path)
    for lang, one in (("fa", "۱"), ("en", "1")):
        with language(qapp, lang):
            overdue, report = OverduePage(ctx), ReportsPage(ctx)
            qtbot.addWidget(overdue)
            qtbot.addWidget(report)
            for picker in (overdue.centre, report.centre):
                names = [picker.itemText(i) for i in range(1, picker.count())]
                assert f"مرکز فرهنگی هنری شماره {one}" in names, (lang, names)
            assert overdue.model.index(0, 9).data().endswith(one), lang  # the loan's centre


def test_an_overdue_list_left_open_past_midnight_counts_to_the_new_day(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    """The page is built once and stays open: it counted days late to the day it was built, so the
    next morning a book due yesterday was missing from the list, and the reminders printed and
    queued were dated yesterday. It now reads the day as the list is read, and moves at midnight
    (Tehran's) on its own."""
    from datetime import UTC, datetime, time

    from kanoon_desk.models import acting_at
    from kanoon_desk.persian import TEHRAN, format_jalali_date

    loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=TODAY)
    due_noon = datetime.combine(loan.due_on, time(12, 0), TEHRAN).astimezone(UTC)
    next_day = loan.due_on + timedelta(days=1)
    after_midnight = datetime.combine(next_day, time(0, 30), TEHRAN).astimezone(UTC)  # 21:00 UTC
    with acting_at(due_noon):
        page = OverduePage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(page)
        assert page.count.text() == "۰ امانت دیرکرد دارد."  # due today: not late yet
    with acting_at(after_midnight):
        page.ctx.bus.changed.emit("library")  # a return at the desk: the list is read again
        assert page.count.text() == "۱ امانت دیرکرد دارد."
        assert page.model.index(0, 0).data() == "۱"
        assert f"<p>تاریخ: {format_jalali_date(next_day)}</p>" in page.notices_html()
    # left alone, it moves to the new day when the clock passes midnight in Tehran
    with acting_at(due_noon):
        idle = OverduePage(make_ctx(L.store, L.admin, tmp_path))
        qtbot.addWidget(idle)
    with acting_at(after_midnight):
        idle.today.check()  # what its minute timer does
        assert idle.count.text() == "۱ امانت دیرکرد دارد."


def test_the_popular_chart_shows_every_title_the_export_lists(L: Lib, tmp_path: Path, qtbot: Any) -> None:
    """The chart drew the first eight of the period's ten most borrowed titles while the exported
    sheet of the same name listed ten: a manager comparing the two missed the ninth and tenth."""
    from PySide6.QtCharts import QBarCategoryAxis

    for n in range(12):
        title = lib.add_title(L.store, L.admin, lib.TitleInput(title=f"قصه شماره {n}"))
        for i in range(12 - n):
            copy = lib.add_copy(L.store, L.admin, title.id, barcode=f"P{n:02d}{i:02d}")
            circ.checkout(L.store, L.admin, L.adult.member_no, copy.barcode, today=TODAY)
            circ.checkin(L.store, L.admin, copy.barcode, today=TODAY)
    page = ReportsPage(make_ctx(L.store, L.admin, tmp_path))
    qtbot.addWidget(page)
    page.year.setValue(1404)
    page.refresh()
    [(_, _, listed), *_] = page.tables()
    [axis] = [a for a in page.popular_view.chart().axes() if isinstance(a, QBarCategoryAxis)]
    assert len(listed) == 10 and len(axis.categories()) == 10
    assert axis.categories()[-1] == "قصه شماره ۰" and axis.categories()[0] == "قصه شماره ۹"
