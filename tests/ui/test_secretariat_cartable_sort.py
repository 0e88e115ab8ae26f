"""The manager's cartable sorted by any column, by a click on its header."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt

from kanoon_desk.persian import sort_key
from kanoon_desk.services import secretariat as sec
from kanoon_desk.ui.secretariat.lists import CartablePage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx, visible

DAY = date(2025, 5, 4)


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _referred(desk: Desk, n: int, first: str, instruction: str, day: date) -> str:
    r = sec.intake(desk.store, desk.clerk, case_input(n, first_name=first, subject=f"موضوع شماره {n} درخواست"),
                   on=day)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=day)
    sec.register(desk.store, desk.clerk, r.case_id, on=day)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, instruction=instruction, on=day)
    return r.case_id


def _click_header(qtbot: Any, page: CartablePage, column: int) -> None:
    header = page.table.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))


def test_a_click_on_a_column_header_sorts_the_cartable_by_it(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """60 items and only «oldest / newest / subject» to order them by: a click on «متقاضی» (or
    any header) sorts by that column, a second click reverses it; the count stays as it was."""
    names = ["مریم", "بهرام", "سارا", "آرش"]
    for i, name in enumerate(names):
        _referred(desk, i + 1, name, ["پیگیری", "بررسی شود", "اقدام فوری", "جهت اطلاع"][i], DAY + timedelta(days=i))
    page = CartablePage(make_ctx(desk.store, desk.manager, tmp_path))
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    count = page.count.text()

    def column(c: int) -> list[str]:
        return [visible(page.model.data(page.model.index(r, c))) for r in range(page.model.rowCount())]

    assert [n.split()[0] for n in column(3)] == names  # oldest first, as before
    _click_header(qtbot, page, 3)
    applicants = column(3)
    assert applicants == sorted(applicants, key=sort_key) and applicants[0].startswith("آرش")
    assert page.sort.currentIndex() == -1  # the order box no longer says «oldest»: «به ترتیب ستون برگزیده»
    _click_header(qtbot, page, 3)
    assert column(3) == sorted(applicants, key=sort_key, reverse=True)
    _click_header(qtbot, page, 5)
    assert column(5) == sorted(column(5), key=sort_key)  # the Persian alphabet's order: «پیگیری» before «جهت …»
    _click_header(qtbot, page, 7)  # the dwell: least first, then most
    assert [n.split()[0] for n in column(3)] == names[::-1]
    _click_header(qtbot, page, 7)
    assert [n.split()[0] for n in column(3)] == names
    assert page.count.text() == count
    page.sort.setCurrentIndex(1)  # «تازه‌ترین» from the box again: newest sent first
    assert [n.split()[0] for n in column(3)] == names[::-1]
    assert page.table.horizontalHeader().sortIndicatorSection() == 6
    page.filter.setText("درخواست")
    _click_header(qtbot, page, 3)
    assert page.model.total == 4 and "۴" in page.count.text()
