"""Printed cards and label sheets: real sizes on paper, right-to-left order, as pictures."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QImage

from kanoon_desk.services import library as lib
from kanoon_desk.ui.library.printouts import card_print_html, labels_print_html, membership_card
from kanoon_desk.ui.printing import pdf_to_png, to_pdf
from tests.ui.shell_support import language


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


def _ink_columns(png: Path) -> tuple[int, int, int]:
    """(first, last) x with ink on the page, and the page width."""
    image = QImage(str(png))
    xs = [x for x in range(image.width()) for y in range(0, image.height(), 4)
          if QColor(image.pixel(x, y)).lightness() < 200]
    return min(xs), max(xs), image.width()


def test_the_printed_card_is_credit_card_sized(tmp_path: Path) -> None:
    member = lib.MemberView("m", "1301000012", "", "زهرا", "محمدی", "child", None, "", "", "", "13",
                            date(2026, 3, 20), "")
    html = card_print_html(membership_card(member, "مرکز ۱", scale=3.0))
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]+" width="324" height="204"/>', html)
    png = pdf_to_png(to_pdf(html, tmp_path / "card.pdf"), tmp_path / "card.png", dpi=100)
    first, last, _width = _ink_columns(png)
    assert abs((last - first + 1) / 100 * 25.4 - 85.6) < 2.5  # millimetres across, frame to frame


def test_labels_sheet_three_across_the_first_on_the_right(tmp_path: Path) -> None:
    items = [(f"B000{i}", f"کتاب {i}") for i in range(1, 5)]
    html = labels_print_html(items)
    assert html.count("<tr>") == 2 and html.count("<img ") == 4
    first_row = html.split("<tr>")[1]
    assert first_row.count("<img ") == 3
    # the first label is the last cell written: QTextDocument puts the first cell on the left
    png = pdf_to_png(to_pdf(html, tmp_path / "labels.pdf"), tmp_path / "labels.png", dpi=60)
    assert not QImage(str(png)).isNull()


def test_the_card_names_the_category_the_member_is_in_on_the_day_it_is_printed() -> None:
    """Registered as a child with a birth date, printed after the twelfth birthday: a teen's card
    (the desk lends by the same reckoning); without a birth date the category recorded."""
    from kanoon_desk.ui.library.printouts import card_lines

    born = lib.MemberView("m", "1301000012", "", "زهرا", "محمدی", "child", date(2014, 1, 10), "", "", "", "13",
                          date(2027, 3, 20), "")
    assert card_lines(born, "مرکز ۱", date(2025, 12, 1))[0] == "کارت عضویت کتابخانه — کودک"
    assert card_lines(born, "مرکز ۱", date(2026, 1, 10))[0] == "کارت عضویت کتابخانه — نوجوان"
    unborn = lib.MemberView("n", "1301000013", "", "علی", "رضایی", "child", None, "", "", "", "13",
                            date(2027, 3, 20), "")
    assert card_lines(unborn, "مرکز ۱", date(2040, 1, 1))[0] == "کارت عضویت کتابخانه — کودک"
