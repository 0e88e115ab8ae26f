"""The date field (`JalaliDateEdit`) as a clerk types into it: dates written with separators."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from kanoon_desk import persian
from kanoon_desk.ui.widgets import JalaliDateEdit

from .shell_support import language


@pytest.fixture(params=["fa", "en"])
def lang_app(qapp: QApplication, request: pytest.FixtureRequest) -> Iterator[str]:
    with language(qapp, request.param):
        yield request.param


@pytest.mark.parametrize(("typed", "meant"), [
    ("1403/12/29", "1403/12/29"),
    ("1403/12/30", "1403/12/30"),  # 1403 is a leap year: its Esfand has a 30th
    ("1403/05/12", "1403/05/12"),
    ("1403/5/12", "1403/05/12"),
    ("1404/1/5", "1404/01/05"),
    ("1404-01-14", "1404/01/14"),
    ("1404.1.5", "1404/01/05"),
    ("14040114", "1404/01/14"),
])
def test_a_date_typed_with_slashes_is_the_date_typed(lang_app: str, qtbot: Any, typed: str, meant: str) -> None:
    # The clerk types the date as it is written on the paper in front of them, slashes and all:
    # Qt moves to the month by itself once the year's four digits are in, and the slash then
    # skipped the month too (1403/12/29 became 1403/01/12, with nothing to say so).
    edit = JalaliDateEdit(value=persian.parse_jalali_date("1404/01/01"))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, typed)
    assert edit.value() == persian.parse_jalali_date(meant)


def test_a_date_typed_in_persian_digits_and_slashes(qapp: QApplication, qtbot: Any, type_persian: Any) -> None:
    with language(qapp, "fa"):
        edit = JalaliDateEdit(value=persian.parse_jalali_date("1404/01/01"))
        qtbot.addWidget(edit)
        edit.show()
        edit.setFocus()
        edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
        type_persian(edit, "۱۴۰۳/۱۲/۲۸")
        assert edit.value() == persian.parse_jalali_date("1403/12/28")
        assert edit.text() == "۱۴۰۳/۱۲/۲۸"


def _typed_into(qtbot: Any, start: str, typed: str) -> JalaliDateEdit:
    edit = JalaliDateEdit(value=persian.parse_jalali_date(start))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
    qtbot.keyClicks(edit, typed)
    return edit


@pytest.mark.parametrize(("start", "typed", "said"), [
    # 1404 is no leap year: Qt dropped the 0 and the field read 1404/12/03, with nothing said
    ("1404/01/01", "1404/12/30", "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست."),
    ("1404/01/01", "14041230", "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست."),
    # Qt made 31 Mehr the 30th
    ("1404/01/01", "1404/07/31", "ماه مهر ۳۰ روز دارد؛ روز ۳۱ در این ماه وجود ندارد."),
    # the year typed over 30 Esfand of a leap year: Qt kept 1403 without a word
    ("1403/12/30", "1404", "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست."),
])
def test_a_day_its_month_does_not_have_is_refused_in_words(qapp: QApplication, qtbot: Any, start: str, typed: str,
                                                            said: str) -> None:
    with language(qapp, "fa"):
        edit = _typed_into(qtbot, start, typed)
        assert edit.refusal == said and edit.toolTip() == said
        assert edit.value() != persian.parse_jalali_date("1404/07/30")  # (not a day Qt chose instead)


def test_the_refusal_goes_once_a_day_the_month_has_is_typed(qapp: QApplication, qtbot: Any) -> None:
    with language(qapp, "fa"):
        said: list[str] = []
        edit = JalaliDateEdit(value=persian.parse_jalali_date("1404/01/01"))
        edit.refused.connect(said.append)
        qtbot.addWidget(edit)
        edit.show()
        edit.setFocus()
        edit.setSelectedSection(JalaliDateEdit.Section.YearSection)
        qtbot.keyClicks(edit, "1404/12/30")
        qtbot.keyClicks(edit, "29")  # the day section, selected after the refusal, typed again
        assert edit.value() == persian.parse_jalali_date("1404/12/29")
        assert edit.refusal == "" and len(said) == 2 and said[1] == ""
        # a leap year's 30 Esfand is no refusal
        assert _typed_into(qtbot, "1404/01/01", "1403/12/30").refusal == ""


def test_the_holidays_page_says_at_its_day_field_that_1404_has_no_30_esfand(
        qapp: QApplication, qtbot: Any, tmp_path: Any) -> None:
    from kanoon_desk.ui.admin.holidays import HolidaysPage
    from tests.factories import make_desk
    from tests.ui.shell_support import make_ctx

    with language(qapp, "fa"):
        store, admin = make_desk(tmp_path / "d.sqlite3")
        page = HolidaysPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(page)
        page.resize(900, 520)
        page.show()
        page.day.setFocus()
        page.day.setSelectedSection(JalaliDateEdit.Section.YearSection)
        qtbot.keyClicks(page.day, "1404/12/30")
        assert page.form.error_of("day") == (
            "سال ۱۴۰۴ کبیسه نیست و اسفند آن ۲۹ روز دارد؛ ۳۰ اسفند فقط در سال‌های کبیسه هست.")
        page.grab().save(str(tmp_path / "holidays-esfand-30.png"))
        qtbot.keyClicks(page.day, "29")
        assert page.form.error_of("day") == "" and page.day.value() == persian.parse_jalali_date("1404/12/29")


def test_a_refused_day_is_not_saved_as_the_day_the_field_fell_back_to(
        qapp: QApplication, qtbot: Any, tmp_path: Any) -> None:
    """1404/12/30 typed leaves the field showing 1404/12/03 under its refusal: «افزودن» took that
    day, a holiday nobody meant. Nothing is saved while the refusal stands; the day typed again
    (even the same one) is saved."""
    from kanoon_desk.services import accounts
    from kanoon_desk.ui.admin.holidays import HolidaysPage
    from tests.factories import make_desk
    from tests.ui.shell_support import make_ctx

    with language(qapp, "fa"):
        store, admin = make_desk(tmp_path / "d.sqlite3")
        page = HolidaysPage(make_ctx(store, admin, tmp_path))
        qtbot.addWidget(page)
        page.show()
        page.title.setText("مناسبت آزمایشی")
        page.day.setFocus()
        page.day.setSelectedSection(JalaliDateEdit.Section.YearSection)
        qtbot.keyClicks(page.day, "1404/12/30")
        page.add_button.click()
        assert page.form.error_of("day").startswith("سال ۱۴۰۴ کبیسه نیست")
        assert not [d for d, _t in accounts.list_holidays(store) if d == persian.parse_jalali_date("1404/12/03")]
        qtbot.keyClicks(page.day, "03")  # the day the field shows, typed again on purpose
        page.add_button.click()
        qtbot.waitUntil(lambda: any(d == persian.parse_jalali_date("1404/12/03")
                                    for d, _t in accounts.list_holidays(store)))


@pytest.mark.parametrize("typed", ["1437", "1436", "1470"])
def test_a_year_whose_leap_the_calendars_put_apart_is_refused_at_the_field(
        qapp: QApplication, qtbot: Any, typed: str) -> None:
    """Qt's Jalali calendar made 1437 the leap year where the program's (every date stored, printed
    and listed) makes it 1436, and 1470 where it makes it 1469: a day of those years typed in the
    field was saved as the day before (1437/01/01 typed, 1436/12/30 printed). A year past 1435 is
    refused at the field, in words, and nothing is saved while the refusal stands."""
    with language(qapp, "fa"):
        edit = _typed_into(qtbot, "1404/01/01", typed)
        assert edit.refusal == "تاریخ‌های پس از سال ۱۴۳۵ را این برنامه نمی‌پذیرد: کبیسه‌های سال‌های پس از آن در تقویم‌ها یکی نیست."
        assert edit.toolTip() == edit.refusal and persian.jalali_year(edit.value()) <= 1435
        # the last year taken reads in the field as the program reads it, to its last day
        last = _typed_into(qtbot, "1404/01/01", "1435/12/29")
        assert last.refusal == "" and last.value() == persian.parse_jalali_date("1435/12/29")
        assert persian.to_ascii_digits(last.text()) == "1435/12/29"
