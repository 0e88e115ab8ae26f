"""An agency's lateness in working days, as the lending desk counts a book's: a deadline that falls
on a day the office is closed (a holiday the admin entered after the letter went) is met by the
next working day, and the days late skip Fridays, Nowruz and the holidays."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.persian import parse_jalali_date as j
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_agencies import merge_plan, save_agency
from kanoon_desk.services.secretariat_reports import build_report, period

from .secretariat_helpers import Desk, case_input, make_secretariat_desk


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _forwarded(d: Desk, n: int, on: date, deadline: date) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=on)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
    sec.register(d.store, d.clerk, r.case_id, on=on)
    sec.forward(d.store, d.manager, r.case_id, d.agency.id, deadline=deadline, on=on)
    return r.case_id


def _late_everywhere(d: Desk, on: date) -> list[int]:
    """How many cases are late on `on` by each of the desk's readings: the overdue queue's count
    (the home page's line), its list, the search's «فقط دیرکرد», the agency merge's plan."""
    other = save_agency(d.store, d.admin, name=f"دستگاه دیگر {on.isoformat()}")
    return [q.overdue_count(d.store, d.expert, on=on),
            len(q.overdue(d.store, d.expert, on=on)),
            q.search_count(d.store, d.expert, q.SearchQuery(overdue=True, on=on)),
            len(q.search(d.store, d.expert, q.SearchQuery(overdue=True, on=on))),
            merge_plan(d.store, d.admin, d.agency.id, other.id, on=on).overdue_cases]


def test_a_deadline_made_a_holiday_after_the_letter_went_is_met_by_the_next_working_day(desk: Desk) -> None:
    # the letter of Monday 1 Ordibehesht 1404 gives Wednesday 17 Ordibehesht; the admin later makes it a holiday
    case_id = _forwarded(desk, 1, j("1404/02/01"), j("1404/02/17"))
    accounts.set_holiday(desk.store, desk.admin, j("1404/02/17"), "تعطیل اداری")
    # Thursday 18: the agency's first open day after its deadline; it is not late yet
    assert _late_everywhere(desk, j("1404/02/18")) == [0, 0, 0, 0, 0]
    row = q.search(desk.store, desk.expert, q.SearchQuery(text=""), limit=1)[0]
    assert row.id == case_id
    cal = accounts.working_calendar(desk.store)
    assert not row.is_overdue(j("1404/02/18"), cal) and row.days_late(j("1404/02/18"), cal) == 0
    # Saturday 20 (Friday 19 was no day to answer on): one working day late, not three
    assert _late_everywhere(desk, j("1404/02/20")) == [1, 1, 1, 1, 1]
    assert row.days_late(j("1404/02/20"), cal) == 1


def test_days_late_are_working_days_over_nowruz(desk: Desk) -> None:
    # due Monday 27 Esfand 1403; on Wednesday 6 Farvardin 1404 it is nine days on the calendar, but
    # only 27, 28, 30 Esfand and 5 Farvardin were days an office was open
    _forwarded(desk, 1, j("1403/12/10"), j("1403/12/27"))
    cal = accounts.working_calendar(desk.store)
    row = q.overdue(desk.store, desk.expert, on=j("1404/01/06"))[0]
    assert row.days_late(j("1404/01/06"), cal) == 4
    # on 4 Farvardin (Nowruz) it is three: 27, 28 and 30 Esfand
    assert row.days_late(j("1404/01/04"), cal) == 3


def test_the_report_counts_an_answer_on_the_next_working_day_after_a_holiday_deadline_on_time(desk: Desk) -> None:
    punctual = _forwarded(desk, 1, j("1404/02/01"), j("1404/02/17"))
    late = _forwarded(desk, 2, j("1404/02/01"), j("1404/02/17"))
    accounts.set_holiday(desk.store, desk.admin, j("1404/02/17"), "تعطیل اداری")
    sec.record_response(desk.store, desk.clerk, punctual, text="پاسخ", on=j("1404/02/18"))
    sec.record_response(desk.store, desk.clerk, late, text="پاسخ", on=j("1404/02/20"))
    rep = build_report(desk.store, desk.manager, period("month", 1404, 2), on=j("1404/02/25"))
    (figures,) = rep.agencies
    assert (figures.forwarded, figures.answered, figures.on_time) == (2, 2, 1)
    assert rep.overdue_by_agency == [(desk.agency.name, 1)]
