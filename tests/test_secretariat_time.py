"""The office's and the agencies' time of a case in working days (the Jalali calendar with the
admin's holidays), from the case's events."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.persian import WorkingCalendar
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q
from kanoon_desk.services.secretariat_time import ServiceTime, agency_spans, closed_spans, service_time

from .secretariat_helpers import Desk, case_input, make_secretariat_desk

DAY = date(2025, 5, 4)  # a Sunday; Friday 2025-05-09 is the weekend


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def test_the_case_view_splits_the_office_time_from_the_agency_time_in_working_days(desk: Desk) -> None:
    accounts.set_holiday(desk.store, desk.admin, date(2025, 5, 8), "تعطیل رسمی")  # a Thursday
    r = sec.intake(desk.store, desk.clerk, case_input(1), on=DAY)
    sec.review(desk.store, desk.expert, r.case_id, accept=True, on=DAY)
    sec.register(desk.store, desk.clerk, r.case_id, on=DAY)
    sec.refer(desk.store, desk.expert, r.case_id, desk.manager.user_id, on=DAY)
    sec.forward(desk.store, desk.manager, r.case_id, desk.agency.id, letter_date=date(2025, 5, 6),
                on=date(2025, 5, 7))  # the letter went out the day before it was entered
    during = q.get_case(desk.store, desk.clerk, r.case_id, on=date(2025, 5, 11)).service_time
    # (4 May, 11 May]: 7 days less the Friday and the holiday = 5; the agency from 6 May: 3
    assert during == ServiceTime(total=5, office=2, agency=3, running="agency")
    sec.record_response(desk.store, desk.clerk, r.case_id, text="انجام شد", on=date(2025, 5, 13))
    answered = q.get_case(desk.store, desk.clerk, r.case_id, on=date(2025, 5, 14)).service_time
    assert answered == ServiceTime(total=8, office=3, agency=5, running="office")
    sec.close(desk.store, desk.expert, r.case_id, outcome="resolved", on=date(2025, 5, 15))
    closed = q.get_case(desk.store, desk.clerk, r.case_id, on=date(2025, 6, 30)).service_time
    assert closed == ServiceTime(total=9, office=4, agency=5, running=None)
    # the fold's own clock (calendar days) starts at the letter's date too
    c = q.get_case(desk.store, desk.clerk, r.case_id).case
    assert c["agency_days"] == 7 and c["clock"] == "office"


def _fw(letter: str) -> tuple[str, dict[str, str]]:
    return "case.forwarded", {"letter_date": letter, "day": letter}


def test_agency_spans_follow_the_folds_rules() -> None:
    closed_then_acted = [_fw("2025-05-04"), ("case.closed", {"day": "2025-05-10"}),
                         ("case.answered", {"day": "2025-05-12"}), _fw("2025-05-13")]
    assert agency_spans(closed_then_acted) == [(date(2025, 5, 4), date(2025, 5, 10))]
    reopened = [*closed_then_acted, ("case.reopened", {"day": "2025-05-14"}), _fw("2025-05-15")]
    assert agency_spans(reopened)[-1] == (date(2025, 5, 15), None)
    twice = [_fw("2025-05-04"), _fw("2025-05-06"), ("case.answered", {"day": "2025-05-08"})]
    assert agency_spans(twice) == [(date(2025, 5, 4), date(2025, 5, 8))]  # the second forward does not restart it
    backdated = [_fw("2025-05-04"), ("case.answered", {"day": "2025-05-08"}), _fw("2025-05-06")]
    assert agency_spans(backdated)[-1] == (date(2025, 5, 8), None)  # never overlaps the span before
    rejected = [("case.reviewed", {"decision": "reject", "day": "2025-05-04"}), _fw("2025-05-05")]
    assert agency_spans(rejected) == []


def test_closed_spans_are_the_pauses_between_a_close_and_a_reopening() -> None:
    rejected = ("case.reviewed", {"decision": "reject", "day": "2025-05-04"})
    again = ("case.reopened", {"day": "2025-06-01"})
    closed = ("case.closed", {"day": "2025-06-10"})
    assert closed_spans([rejected, again, closed]) == [(date(2025, 5, 4), date(2025, 6, 1))]  # the last close ends it
    late_step = ("case.closed", {"day": "2025-05-20"})  # after the rejection: a conflict, not a new close
    assert closed_spans([rejected, late_step, again]) == [(date(2025, 5, 4), date(2025, 6, 1))]
    assert closed_spans([again, closed]) == []  # a reopening of a case not closed changes nothing
    cal = WorkingCalendar()  # (4 May, 1 Jun] holds 24 working days (four Fridays off)
    t = service_time(cal, date(2025, 5, 3), date(2025, 6, 10), [], date(2025, 7, 1),
                     [(date(2025, 5, 4), date(2025, 6, 1))])
    assert t == ServiceTime(total=cal.working_days_between(date(2025, 5, 3), date(2025, 6, 10)) - 24,
                            office=t.total, agency=0, running=None)
    assert t.total == 1 + 8


def test_service_time_never_counts_the_agency_beyond_the_case() -> None:
    cal = WorkingCalendar()
    t = service_time(cal, date(2025, 5, 4), date(2025, 5, 6), [(date(2025, 5, 1), None)], date(2025, 6, 1))
    assert t == ServiceTime(total=2, office=0, agency=2, running=None)
