"""Lending on the working calendar: a due date or a pick-up window's last day that turns out closed
(a holiday entered after the slip was printed) runs to the next open day, and days late are
counted in open days (not Fridays, holidays or the Nowruz closure)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kanoon_desk.persian import WorkingCalendar, parse_jalali_date
from kanoon_desk.services import accounts
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library_reports as rep
from tests.library_helpers import NATIONAL_IDS, TODAY, make_library

DUE = date(2025, 5, 17)  # a Saturday: a child's 10 working days from TODAY (Monday 1404/02/15)
SUNDAY, MONDAY = DUE + timedelta(days=1), DUE + timedelta(days=2)


def test_a_loan_due_on_a_day_made_a_holiday_afterwards_is_not_late_on_the_next_open_day(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    loan = circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    assert loan.due_on == DUE
    accounts.set_holiday(L.store, L.admin, DUE, "تعطیلی اعلام‌شده")  # the centre was closed that Saturday
    # Sunday, the first open day: the child brings the book back on time, and may borrow
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=SUNDAY)
    assert desk.loans[0].due_on == DUE  # the slip's date is not moved
    assert (desk.blocks, desk.loans[0].overdue_days) == ([], 0)
    assert rep.overdue_count(L.store, today=SUNDAY) == 0 and rep.overdue_page(L.store, L.admin, today=SUNDAY) == []
    assert circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=SUNDAY).due_on > SUNDAY
    # Monday it is late by one day (Sunday), not two
    desk = circ.member_desk(L.store, L.admin, L.child.member_no, today=MONDAY)
    assert desk.blocks == ["overdue"] and desk.loans[0].overdue_days == 1
    assert [r.days for r in rep.overdue_page(L.store, L.admin, today=MONDAY)] == [1]
    assert rep.overdue_count(L.store, today=MONDAY) == 1


def test_a_book_brought_back_on_the_next_open_day_is_no_late_return_in_the_report(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=TODAY)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0002", today=TODAY)
    accounts.set_holiday(L.store, L.admin, DUE, "تعطیلی اعلام‌شده")
    circ.checkin(L.store, L.admin, "B0001", today=SUNDAY)  # the first open day: on time
    circ.checkin(L.store, L.admin, "B0002", today=MONDAY)  # a day late
    rate = rep.overdue_rate(L.store, TODAY, TODAY, today=MONDAY + timedelta(days=30))
    assert (rate.loans, rate.late) == (2, 1)


def test_days_late_across_nowruz_count_the_open_days_only(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    due = parse_jalali_date("1403/12/28")  # a Tuesday; 29 Esfand and 1-4 Farvardin are closed
    calendar = accounts.working_calendar(L.store)
    out = next(d for d in (due - timedelta(days=k) for k in range(1, 30)) if calendar.add_working_days(d, 10) == due)
    circ.checkout(L.store, L.admin, L.child.member_no, "B0001", today=out)
    today = parse_jalali_date("1404/01/05")  # the first open day after Nowruz, 7 days after the due date
    # late on 1403/12/28 itself (ended with the book out) and on 1403/12/30: two open days
    [row] = rep.overdue_page(L.store, L.admin, today=today)
    assert row.days == 2
    assert circ.member_desk(L.store, L.admin, L.child.member_no, today=today).loans[0].overdue_days == 2
    # a reminder for books at least three days late is not sent for the closed days
    assert rep.queue_overdue_notices(L.store, L.admin, today=today, min_days=3) == 0


def test_a_pick_up_window_ending_on_a_day_made_a_holiday_runs_to_the_next_open_day(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    for bc in ("B0001", "B0002", "B0003"):
        circ.checkout(L.store, L.admin, L.adult.member_no, bc, today=TODAY)
    from kanoon_desk.services import library as lib
    other = lib.register_member(L.store, L.admin, lib.MemberInput(
        first_name="مریم", last_name="رضایی", national_id=NATIONAL_IDS[2], category="adult"), today=TODAY)
    circ.place_hold(L.store, L.admin, L.child.member_no, L.title.id, today=TODAY)
    circ.place_hold(L.store, L.admin, other.member_no, L.title.id, today=TODAY)
    ready = circ.checkin(L.store, L.admin, "B0001", today=TODAY).hold
    assert ready is not None and ready.ready_until is not None
    last = ready.ready_until
    accounts.set_holiday(L.store, L.admin, last, "تعطیلی اعلام‌شده")
    calendar = accounts.working_calendar(L.store)
    next_open = calendar.next_working_day(last)
    # the member can still collect it on the next open day: nothing expires then
    assert circ.expire_holds(L.store, L.admin, today=next_open) == []
    # the day after, it expires and the copy goes to the next hold
    [result] = circ.expire_holds(L.store, L.admin, today=calendar.next_working_day(next_open))
    assert result.hold is not None and result.hold.member_id == other.id


@given(due=st.dates(date(2024, 1, 1), date(2027, 12, 31)), today=st.dates(date(2024, 1, 1), date(2028, 3, 31)),
       extra=st.lists(st.dates(date(2024, 1, 1), date(2028, 3, 31)), max_size=40))
def test_days_late_agree_with_the_lists_cutoff(due: date, today: date, extra: list[date]) -> None:
    """The overdue lists select by `due <= last_working_day_before(today)` (one value in SQL), the
    desk counts `days_late`: a loan is on the list exactly when it has days late, never more days
    than calendar days, and a due day that is open counts from itself."""
    calendar = WorkingCalendar(holidays=accounts_fixed() | set(extra))
    late = calendar.days_late(due, today)
    assert (late > 0) == (due <= calendar.last_working_day_before(today))
    assert 0 <= late <= max((today - due).days, 0)
    if calendar.is_working_day(due) and today > due:
        assert late == calendar.working_days_between(due - timedelta(days=1), today - timedelta(days=1))


def accounts_fixed() -> set[date]:
    return {d for y in (1402, 1403, 1404, 1405, 1406) for d, _t in accounts.fixed_holidays(y)}
