"""The overdue queue's batch follow-up: the agency chosen in the filter, its late cases listed and
ticked, one letter for those kept ticked, printed from the page and again from any of its cases."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from kanoon_desk.models import Event
from kanoon_desk.persian import to_persian_digits
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.ui import widgets
from kanoon_desk.ui.secretariat.case_view import CaseView
from kanoon_desk.ui.secretariat.overdue import OverduePage
from tests.secretariat_helpers import Desk, case_input, make_secretariat_desk
from tests.ui.shell_support import language, make_ctx

DAY = date(2025, 5, 4)  # a Sunday


@pytest.fixture(autouse=True)
def persian_app(qapp: Any) -> Any:
    with language(qapp, "fa"):
        yield


@pytest.fixture(autouse=True)
def clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """The desk's clock (`ui.widgets.today` reads the office's day from it): DAY in Tehran."""
    monkeypatch.setattr(widgets, "office_today", lambda: DAY)


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _forwarded(d: Desk, n: int, deadline: date) -> str:
    start = DAY - timedelta(days=20)
    r = sec.intake(d.store, d.clerk, case_input(n, subject=f"موضوع پرونده {n}"), on=start)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=start)
    sec.register(d.store, d.clerk, r.case_id, on=start)
    sec.forward(d.store, d.manager, r.case_id, d.agency.id, deadline=deadline, on=start)
    return r.case_id


def _follow_ups(d: Desk) -> int:
    with d.store.read() as s:
        return int(s.scalar(select(func.count()).select_from(Event).where(Event.type == "case.followed_up")) or 0)


def _page(qtbot: Any, desk: Desk, tmp_path: Path, who: str = "expert") -> OverduePage:
    page = OverduePage(make_ctx(desk.store, getattr(desk, who), tmp_path))
    qtbot.addWidget(page)
    return page


def _choose_agency(page: OverduePage, desk: Desk) -> None:
    page.agency.setCurrentIndex(page.agency.findData(desk.agency.id))


def test_one_letter_for_the_ticked_late_cases_of_the_agency_chosen(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    first, second = _forwarded(desk, 1, DAY - timedelta(days=3)), _forwarded(desk, 2, DAY - timedelta(days=1))
    _forwarded(desk, 3, DAY + timedelta(days=6))  # not late: not listed (the day before is a Friday)
    page = _page(qtbot, desk, tmp_path)
    assert not page.batch_button.isHidden() and not page.batch_button.isEnabled()
    assert "دستگاه را در پالایه" in page.batch_button.toolTip()  # why it waits
    _choose_agency(page, desk)
    assert page.batch_button.isEnabled()
    d = page.batch_dialog()
    qtbot.addWidget(d)
    cases = d.form.field("case_ids")
    assert cases.count() == 2 and all(cases.item(i).checkState() == Qt.CheckState.Checked for i in range(2))
    assert "۲ روز کاری دیرکرد" in cases.item(0).text() and "موضوع پرونده ۱" in cases.item(0).text()
    cases.item(1).setCheckState(Qt.CheckState.Unchecked)  # the second was just phoned about
    d.form.field("note").setPlainText("پاسخ را بفرستید")
    d.submit()
    assert d.result() == d.DialogCode.Accepted
    page.batch_done()
    b = page.last_batch
    assert b is not None and [line.case_id for line in b.lines] == [first] and b.method == "letter"
    assert page.batch_bar.isVisibleTo(page) and "۱ پرونده" in page.batch_bar.note.text()
    assert not page.batch_bar.print_button.isHidden()
    # the case followed up has its new deadline (7 working days on), so the queue keeps the other
    assert [page.model.row_at(r).id for r in range(page.model.rowCount())] == [second]
    fu = q.get_case(desk.store, desk.expert, first).follow_ups
    assert [(f["letter_no"], f["note"]) for f in fu] == [(b.letter_no, "پاسخ را بفرستید")]
    assert fu[0]["new_deadline"] > DAY
    assert "موضوع پرونده ۱" in page.batch_letter_html()


def test_a_case_answered_meanwhile_stops_the_batch_at_its_field_and_nothing_is_written(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    first, second = _forwarded(desk, 1, DAY - timedelta(days=3)), _forwarded(desk, 2, DAY - timedelta(days=1))
    page = _page(qtbot, desk, tmp_path, "manager")
    _choose_agency(page, desk)
    d = page.batch_dialog()
    qtbot.addWidget(d)
    d.form.field("note").setPlainText("پیگیری دوم")
    sec.record_response(desk.store, desk.clerk, second, text="انجام شد.", on=DAY)  # another desk, meanwhile
    d.submit()
    assert d.result() != d.DialogCode.Accepted and page.last_batch is None
    reg = q.get_case(desk.store, desk.expert, second).case["registration_no"]
    shown = d.form.error_of("case_ids")
    assert "دیگر در انتظار پاسخ دستگاه نیست" in shown and to_persian_digits(reg) in shown
    assert d.form.field("note").toPlainText() == "پیگیری دوم"  # what was typed stays
    assert _follow_ups(desk) == 0 and q.overdue_count(desk.store, desk.expert, on=DAY) == 1
    assert first in [page.model.row_at(r).id for r in range(page.model.rowCount())]


def test_the_case_view_prints_the_batch_letter_again(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    ids = [_forwarded(desk, n, DAY - timedelta(days=3)) for n in (1, 2)]  # DAY - 2 is a Friday
    sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, ids, method="letter", on=DAY)
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path))
    qtbot.addWidget(view)
    view.load(ids[1])
    assert "follow_up_letter" in view.papers
    html = view.follow_up_letter_html()
    assert "موضوع پرونده ۱" in html and "موضوع پرونده ۲" in html


def test_a_clerk_has_no_batch_follow_up(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    _forwarded(desk, 1, DAY - timedelta(days=3))
    page = _page(qtbot, desk, tmp_path, "clerk")
    assert page.batch_button.isHidden()


def test_a_list_of_overdue_cases_gives_the_status_column_to_the_subject(qtbot: Any, desk: Desk,
                                                                         tmp_path: Path) -> None:
    """Every row of an overdue list is "forwarded — overdue": its status column is hidden, in the
    queue and in search with «فقط دیرکرد», and back when the tick is taken off."""
    from kanoon_desk.ui.secretariat.common import CaseListModel
    from kanoon_desk.ui.secretariat.lists import SearchPage

    _forwarded(desk, 1, DAY - timedelta(days=3))
    page = _page(qtbot, desk, tmp_path)
    search = SearchPage(make_ctx(desk.store, desk.expert, tmp_path))
    qtbot.addWidget(search)
    for w in (page, search):
        w.resize(1100, 700)
        w.show()
    status = CaseListModel.STATUS_COLUMN
    subject_before = page.table.columnWidth(3)
    assert page.table.isColumnHidden(status) and not search.table.isColumnHidden(status)
    search.overdue.setChecked(True)
    assert search.table.isColumnHidden(status)
    page.overdue.setChecked(False)
    assert not page.table.isColumnHidden(status) and page.table.columnWidth(3) < subject_before


def test_the_case_below_a_list_is_one_of_the_list(qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    """A new search keeps the case shown when it lists it, and clears the case pane when it does
    not (a case of another agency left under this agency's list read as one of them)."""
    from kanoon_desk.services.secretariat_agencies import save_agency

    other = save_agency(desk.store, desk.admin, name="اداره کل آموزش و پرورش", deadline_days=None)
    mine = [_forwarded(desk, n, DAY - timedelta(days=3)) for n in (1, 2)]
    start = DAY - timedelta(days=20)
    r = sec.intake(desk.store, desk.clerk, case_input(3), on=start)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=start)
    sec.register(desk.store, desk.clerk, r.case_id, on=start)
    sec.forward(desk.store, desk.manager, r.case_id, other.id, deadline=DAY + timedelta(days=1), on=start)
    page = _page(qtbot, desk, tmp_path)
    page.view.load(mine[0])
    _choose_agency(page, desk)  # two listed, the one shown among them
    assert page.view.case_id == mine[0] and not page.view.body.isHidden()
    page.agency.setCurrentIndex(page.agency.findData(other.id))  # not late there: an empty list
    assert page.model.total == 0 and page.view.case_id is None and page.view.body.isHidden() and not page.view.placeholder.isHidden()


def test_the_overdue_list_in_excel_gives_codes_as_typed_and_days_late_as_numbers(qtbot: Any, desk: Desk,
                                                                                 tmp_path: Path) -> None:
    """The sheet had the list's screen text: «۰۰۱۳ ۰۱۹۰ …» for a tracking code (no other system
    takes it back) and «۳» as text in «روز دیرکرد» (no sum, no sort). Codes are now as typed and the
    days late a number."""
    from openpyxl import load_workbook

    from kanoon_desk.ui.secretariat.lists import SearchPage

    case_id = _forwarded(desk, 1, DAY - timedelta(days=3))
    page = SearchPage(make_ctx(desk.store, desk.expert, tmp_path), overdue_only=True)
    qtbot.addWidget(page)
    page.date_from.set_value(None)
    page.date_to.set_value(None)
    assert page.model.total == 1
    path = tmp_path / "late.xlsx"
    assert page.export(path) == 1
    ws = load_workbook(path).active
    assert ws is not None
    [row] = list(ws.iter_rows(min_row=2, values_only=True))
    case = q.get_case(desk.store, desk.expert, case_id).case
    assert row[0] == case["tracking_code"] and row[1] == case["registration_no"]
    assert isinstance(row[8], int) and to_persian_digits(row[8]) == page.model.display(page.model.row_at(0), 8)


def test_after_a_merge_the_late_cases_are_under_the_survivor_and_the_merged_agency_is_no_filter(
        qtbot: Any, desk: Desk, tmp_path: Path) -> None:
    from kanoon_desk.services import secretariat_agencies as ag

    rural = ag.save_agency(desk.store, desk.admin, name="شرکت آب و فاضلاب روستایی")
    start = DAY - timedelta(days=20)
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=start)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=start)
    sec.register(desk.store, desk.clerk, r.case_id, on=start)
    sec.forward(desk.store, desk.manager, r.case_id, rural.id, deadline=DAY - timedelta(days=3), on=start)
    ag.merge_agency(desk.store, desk.admin, rural.id, desk.agency.id, on=DAY)
    page = _page(qtbot, desk, tmp_path)
    assert page.agency.findData(rural.id) < 0
    _choose_agency(page, desk)
    assert [page.model.row_at(i).id for i in range(page.model.rowCount())] == [r.case_id]
    assert page.batch_button.isEnabled()


def test_a_deadline_made_a_holiday_later_is_not_late_on_the_next_working_day(
        qtbot: Any, desk: Desk, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The letter gave Saturday 13 Ordibehesht; the admin then made that Saturday a holiday. On Sunday,
    the agency's first open day after it, neither the queue nor the case says «دیرکرد»; on Monday
    the queue lists it one working day late, in red on the case."""
    from kanoon_desk.services import accounts

    case_id = _forwarded(desk, 1, DAY - timedelta(days=1))
    accounts.set_holiday(desk.store, desk.admin, DAY - timedelta(days=1), "تعطیل اداری")
    page = _page(qtbot, desk, tmp_path)
    assert page.model.rowCount() == 0
    view = CaseView(make_ctx(desk.store, desk.expert, tmp_path))
    qtbot.addWidget(view)
    view.load(case_id)
    assert "دیرکرد" not in view.labels["deadline"].text() and not view.labels["deadline"].styleSheet()
    monkeypatch.setattr(widgets, "office_today", lambda: DAY + timedelta(days=1))
    page.today.check()
    assert page.model.rowCount() == 1 and page.model.index(0, 8).data() == "۱"
    view.load(case_id)
    assert "دیرکرد" in view.labels["deadline"].text() and "b00020" in view.labels["deadline"].styleSheet()
