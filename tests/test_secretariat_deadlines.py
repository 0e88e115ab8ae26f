"""Deadlines on the Jalali working calendar as the manager and the follow-up expert live them:
Nowruz, 12–13 Farvardin, Fridays, the year's turn, the admin's (lunar) holidays, with exact dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import ValidationError
from kanoon_desk.persian import format_jalali_date, to_ascii_digits
from kanoon_desk.persian import parse_jalali_date as j
from kanoon_desk.services import accounts
from kanoon_desk.services import secretariat as sec
from kanoon_desk.services import secretariat_query as q

from .secretariat_helpers import Desk, case_input, make_secretariat_desk


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    return make_secretariat_desk(tmp_path)


def _registered(d: Desk, n: int, on: date) -> str:
    r = sec.intake(d.store, d.clerk, case_input(n), on=on)
    sec.review(d.store, d.expert, r.case_id, accept=True, on=on)
    sec.register(d.store, d.clerk, r.case_id, on=on)
    return r.case_id


@pytest.mark.parametrize(("letter", "due"), [
    # Monday 20 Esfand 1403: 21–23, 25–28, 30 Esfand (29 is a holiday, 24 a Friday), then Nowruz
    # (1–4 Farvardin) and 12–13 Farvardin are skipped: 5, 6, 7, 9, 10, 11, 14 Farvardin 1404
    ("1403/12/20", "1404/01/14"),
    # a letter dated on Nowruz itself: the 15 working days start after the holidays
    ("1404/01/01", "1404/01/24"),
    # Wednesday 29 Esfand 1402 (a holiday; 1402 has no 30th): Nowruz 1403, 12–13 Farvardin
    ("1402/12/29", "1403/01/23"),
])
def test_the_default_deadline_skips_nowruz_fridays_and_the_year_turn(desk: Desk, letter: str, due: str) -> None:
    case_id = _registered(desk, 1, j(letter))
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=j(letter))
    assert fw.deadline == j(due)
    # on its deadline the agency is not late yet; the day after it is, on the home page's count too
    assert q.overdue_count(desk.store, desk.expert, on=j(due)) == 0
    assert q.overdue_count(desk.store, desk.expert, on=accounts.working_calendar(desk.store).next_working_day(j(due))) == 1


def test_a_lunar_holiday_the_admin_entered_moves_the_deadline(desk: Desk) -> None:
    # Eid al-Fitr 1404 fell on Sunday–Monday 10–11 Farvardin: the admin enters them
    accounts.set_holiday(desk.store, desk.admin, j("1404/01/10"), "عید فطر")
    accounts.set_holiday(desk.store, desk.admin, j("1404/01/11"), "تعطیل به مناسبت عید فطر")
    case_id = _registered(desk, 1, j("1403/12/20"))
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=j("1403/12/20"))
    assert fw.deadline == j("1404/01/17")  # 5, 6, 7, 9, then 14, 16 (15 is a Friday) and 17


@pytest.mark.parametrize(("chosen", "kind"), [
    ("1404/02/19", "Friday"),     # a Friday
    ("1404/01/13", "Nature Day"),  # 13 Farvardin, a fixed official holiday
    ("1404/01/02", "Nowruz"),
])
def test_a_deadline_chosen_on_a_day_off_is_refused_at_its_field(desk: Desk, chosen: str, kind: str) -> None:
    # An agency answers on no Friday and no holiday: a deadline on one gives it a day less than it
    # seems and is printed on the letter as a day no office is open.
    case_id = _registered(desk, 1, j("1403/12/20"))
    with pytest.raises(ValidationError) as refused:
        sec.forward(desk.store, desk.manager, case_id, desk.agency.id, deadline=j(chosen), on=j("1403/12/20"))
    assert refused.value.field == "deadline"
    assert refused.value.params["day"] == chosen
    nxt = accounts.working_calendar(desk.store).next_working_day(j(chosen))
    assert refused.value.params["next"] == to_ascii_digits(format_jalali_date(nxt))
    # a working day is taken as chosen
    fw = sec.forward(desk.store, desk.manager, case_id, desk.agency.id, deadline=nxt, on=j("1403/12/20"))
    assert fw.deadline == nxt


def test_a_new_deadline_on_a_day_off_is_refused_for_one_case_and_for_a_batch(desk: Desk) -> None:
    accounts.set_holiday(desk.store, desk.admin, j("1404/02/28"), "تعطیل اداری")
    case_id = _registered(desk, 1, j("1404/01/20"))
    sec.forward(desk.store, desk.manager, case_id, desk.agency.id, on=j("1404/01/20"))
    late = j("1404/02/20")
    for day in ("1404/02/26", "1404/02/28"):  # a Friday; the office's own holiday
        with pytest.raises(ValidationError) as one:
            sec.follow_up(desk.store, desk.expert, case_id, method="phone", new_deadline=j(day), on=late)
        assert one.value.field == "new_deadline" and one.value.params["day"] == day
        with pytest.raises(ValidationError) as batch:
            sec.follow_up_agency(desk.store, desk.expert, desk.agency.id, [case_id], method="letter",
                                 new_deadline=j(day), on=late)
        assert batch.value.field == "new_deadline"
    sec.follow_up(desk.store, desk.expert, case_id, method="phone", new_deadline=j("1404/02/27"), on=late)
    assert q.get_case(desk.store, desk.expert, case_id).case["deadline"] == j("1404/02/27")
