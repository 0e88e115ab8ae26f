"""A page left open overnight: today is read when an action runs (intake, search, the case view,
the report), and the dates a page shows move when the day turns (received date, date range, the
status bar)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui import widgets
from kanoon_desk.ui.secretariat.case_view import CaseView
from kanoon_desk.ui.secretariat.intake import IntakePage
from kanoon_desk.ui.secretariat.lists import SearchPage
from kanoon_desk.ui.secretariat.reports import ReportsPage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk, national_id
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)  # a Sunday


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


class WallClock:
    """The desk's clock (`ui.widgets.today` reads the office's day from it): `day` in Tehran."""

    def __init__(self, day: date) -> None:
        self.day = day


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> WallClock:
    wall = WallClock(DAY)
    monkeypatch.setattr(widgets, "office_today", lambda: wall.day)
    return wall


def _forwarded(d: Desk, n: int, deadline: date) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=DAY - timedelta(days=10))
    sec.review(d.store, d.expert, r.case_id, accept=True, on=DAY - timedelta(days=10))
    sec.register(d.store, d.clerk, r.case_id, on=DAY - timedelta(days=10))
    sec.forward(d.store, d.admin, r.case_id, d.agency.id, deadline=deadline, on=DAY - timedelta(days=10))
    return r.case_id


def test_a_request_taken_in_the_next_morning_is_dated_that_day(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                clock: WallClock, type_persian: Any) -> None:
    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    assert page.received.value() == DAY
    clock.day = DAY + timedelta(days=1)  # left open overnight
    qtbot.keyClicks(page.national_id, national_id(4242))
    type_persian(page.first_name, "زهرا")
    type_persian(page.last_name, "کریمی")
    type_persian(page.subject, "قطعی مکرر برق")
    qtbot.keyClick(page.subject, Qt.Key.Key_Return)
    assert page.receipt is not None and page.receipt.received_date == DAY + timedelta(days=1)
    assert page.received.value() == DAY + timedelta(days=1)


def test_a_received_date_the_clerk_chose_stays_when_the_day_turns(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                   clock: WallClock) -> None:
    page = IntakePage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    page.received.set_value(DAY - timedelta(days=2))  # a letter that came by post two days ago
    clock.day = DAY + timedelta(days=1)
    page.today.check()
    assert page.received.value() == DAY - timedelta(days=2)


def test_search_the_case_view_and_the_report_count_to_the_new_day(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                   clock: WallClock) -> None:
    case_id = _forwarded(desk, 1, DAY)  # due today: late tomorrow
    ctx = make_ctx(desk.store, desk.clerk, tmp_path)
    page = SearchPage(ctx)
    view = CaseView(ctx, case_id)
    report = ReportsPage(ctx)
    for w in (page, view, report):
        qtbot.addWidget(w)
    assert "دیرکرد" not in page.model.index(0, 4).data() and "دیرکرد" not in view.labels["deadline"].text()
    assert report.report is not None and report.report.overdue_by_agency == []
    clock.day = DAY + timedelta(days=1)
    page.text.setText(q.get_case(desk.store, desk.clerk, case_id).case["tracking_code"])
    page.run()
    assert page.model.index(0, 4).data().endswith("دیرکرد")
    view.buttons["visit"].click()  # an action reads the case again, as of the new day
    assert view.labels["deadline"].text().endswith("دیرکرد")
    assert [v.day for v in q.get_case(desk.store, desk.clerk, case_id).timeline if v.type == "case.visited"] \
        == [DAY + timedelta(days=1)]
    report.refresh()
    assert report.report is not None and report.report.overdue_by_agency == [("شهرداری مرکز استان", 1)]


def test_the_date_range_left_at_its_defaults_moves_with_the_day(qtbot: Any, desk: Desk, tmp_path: Path,
                                                               clock: WallClock) -> None:
    clock.day = date(2025, 5, 21)  # 31 Ordibehesht 1404, the month's last day
    page = SearchPage(make_ctx(desk.store, desk.clerk, tmp_path))
    qtbot.addWidget(page)
    assert (page.date_from.date.value(), page.date_to.date.value()) == (date(2025, 4, 21), date(2025, 5, 21))
    page.date_to.check.setChecked(True)
    clock.day = date(2025, 5, 22)  # 1 Khordad
    page.today.check()
    assert (page.date_from.date.value(), page.date_to.date.value()) == (date(2025, 5, 22), date(2025, 5, 22))
    assert page.date_to.value() == date(2025, 5, 22)  # still ticked


def test_the_status_bar_shows_the_new_day(qtbot: Any, desk: Desk, tmp_path: Path, clock: WallClock) -> None:
    from kanoon_desk.ui.main_window import MainWindow

    window = MainWindow(make_ctx(desk.store, desk.clerk, tmp_path), [])
    qtbot.addWidget(window)
    assert window.date_label.text() == "یکشنبه ۱۴ اردیبهشت ۱۴۰۴"
    clock.day = DAY + timedelta(days=1)
    window.day_timer.timeout.emit()
    assert window.date_label.text() == "دوشنبه ۱۵ اردیبهشت ۱۴۰۴"


def test_the_overdue_queue_says_how_many_days_each_case_is_late(qtbot: Any, desk: Desk, tmp_path: Path,
                                                                 clock: WallClock) -> None:
    """The overdue queue's own column: the working days past the agency's deadline, read as of today
    (the search list, where lateness is one status among others, has no such column): Thursday's
    deadline is two days late on Sunday (Thursday and Saturday; Friday no office answers on)."""
    from kanoon_desk.ui.secretariat.overdue import OverduePage

    _forwarded(desk, 1, DAY - timedelta(days=3))
    _forwarded(desk, 2, DAY - timedelta(days=1))
    _forwarded(desk, 3, DAY + timedelta(days=6))  # not late yet (a Saturday: a deadline is a working day)
    ctx = make_ctx(desk.store, desk.clerk, tmp_path)
    page, search = OverduePage(ctx), SearchPage(ctx)
    for w in (page, search):
        qtbot.addWidget(w)
    assert page.model.headers[-1] == "روز کاری دیرکرد" and "روز کاری دیرکرد" not in search.model.headers
    assert [page.model.index(r, 8).data() for r in range(page.model.rowCount())] == ["۲", "۱"]
    clock.day = DAY + timedelta(days=1)
    page.today.check()
    assert [page.model.index(r, 8).data() for r in range(page.model.rowCount())] == ["۳", "۲"]


def test_the_overdue_queue_gives_its_list_half_the_page(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """Its list is the day's work; search keeps two thirds for the case and its timeline."""
    from kanoon_desk.ui.secretariat.overdue import OverduePage

    ctx = make_ctx(desk.store, desk.clerk, tmp_path)
    for page, share in ((OverduePage(ctx), 0.5), (SearchPage(ctx), 1 / 3)):
        qtbot.addWidget(page)
        page.resize(1100, 900)
        page.show()
        qtbot.waitExposed(page)
        top, bottom = page.split.sizes()
        assert abs(top / (top + bottom) - share) < 0.08, (type(page).__name__, top, bottom)
