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
