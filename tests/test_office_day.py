"""The office's day: what the services take for "today" when none is given is Tehran's date, whatever
the machine's time zone (between 20:30 and midnight UTC Tehran is already on the next day)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select

from kanoon_desk.models import Event, acting_at, office_today
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import secretariat
from tests.library_helpers import make_library

#: 00:30 on Nowruz 1405 (1405/01/01) in Tehran, still 20 March 2026 (Esfand 1404) in UTC.
NOWRUZ_NIGHT_UTC = datetime(2026, 3, 20, 21, 0, tzinfo=UTC)
NOWRUZ = date(2026, 3, 21)


def test_office_today_is_the_date_in_tehran() -> None:
    with acting_at(NOWRUZ_NIGHT_UTC):
        assert office_today() == NOWRUZ
        assert secretariat.today() == NOWRUZ  # the secretariat's deadlines count from the same day
    with acting_at(datetime(2026, 3, 20, 20, 29, tzinfo=UTC)):  # 23:59 on 29 Esfand in Tehran
        assert office_today() == date(2026, 3, 20)


def test_a_copy_lost_after_midnight_in_tehran_is_lost_on_the_new_day(tmp_path: Path) -> None:
    """The catalogue page marks a copy lost without naming a day: the loan closed as lost must say
    the day on the office's calendar, not the machine's (a server-style clock on UTC said yesterday)."""
    L = make_library(tmp_path)
    circ.checkout(L.store, L.admin, L.adult.member_no, "B0001", today=date(2026, 3, 10))
    with acting_at(NOWRUZ_NIGHT_UTC):
        lib.mark_copy_lost(L.store, L.admin, "B0001")
    with L.store.read() as s:
        lost = s.scalars(select(Event).where(Event.type == "loan.lost")).one()
    assert lost.payload["day"] == NOWRUZ.isoformat()


def test_a_checkout_with_no_day_given_is_lent_on_the_office_day(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with acting_at(NOWRUZ_NIGHT_UTC):
        loan = circ.checkout(L.store, L.admin, L.adult.member_no, "B0002")
    assert loan.out_on == NOWRUZ


def test_a_member_registered_with_no_day_given_expires_a_year_from_the_office_day(tmp_path: Path) -> None:
    L = make_library(tmp_path)
    with acting_at(NOWRUZ_NIGHT_UTC):
        m = lib.register_member(L.store, L.admin, lib.MemberInput(
            first_name="مریم", last_name="رضایی", national_id="0790419904", category="adult", phone="09121112233"))
    assert m.expires_on == date(2027, 3, 21)
