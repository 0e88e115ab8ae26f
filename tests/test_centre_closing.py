"""Closing a cultural centre: refused while work is left open there (said with what is left), its
members and copies moved (or the copies withdrawn) in one step, chosen for nothing new after, and
its past kept in the reports."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from kanoon_desk.errors import PermissionDenied, ValidationError
from kanoon_desk.eventlog import Actor
from kanoon_desk.models.library import Copy, Member
from kanoon_desk.services import circulation as circ
from kanoon_desk.services import library as lib
from kanoon_desk.services import library_rules as rules
from kanoon_desk.services import library_transit as transit
from kanoon_desk.services.library_reports import active_centres

from .library_helpers import NATIONAL_IDS, TODAY, Lib, actor_at, make_library

CLOSED_ON = date(2025, 6, 1)


@pytest.fixture
def centre(tmp_path: Path) -> Lib:
    """The library desk with its office's centre 1301: a member and two copies of its own."""
    d = make_library(tmp_path)
    rules.add_centre(d.store, d.admin, "1301", "مرکز فرهنگی هنری شماره ۳")
    lib.register_member(d.store, d.admin, lib.MemberInput(
        first_name="مریم", last_name="کاظمی", national_id=NATIONAL_IDS[2], birth_date=date(2015, 1, 1),
        guardian_name="رضا کاظمی", guardian_phone="09121112233", home_centre="1301"), today=TODAY)
    for n in (1, 2):
        lib.add_copy(d.store, d.admin, d.title.id, barcode=f"C130{n}", home_centre="1301")
    return d


def homes(d: Lib) -> tuple[set[str], set[str]]:
    with d.store.read() as s:
        return ({m.home_centre for m in s.query(Member) if m.national_id == NATIONAL_IDS[2]},
                {c.home_centre for c in s.query(Copy) if c.barcode.startswith("C130")})


def test_a_centre_with_work_left_is_not_closed_and_the_message_says_what_is_left(centre: Lib) -> None:
    d = centre
    there = actor_at(d.admin, "1301")
    circ.checkout(d.store, there, d.child.member_no, "C1301", today=TODAY)
    circ.checkout(d.store, there, d.child.member_no, "C1302", today=TODAY)
    circ.place_hold(d.store, there, d.adult.member_no, d.title.id, pickup_centre="1301", today=TODAY)
    plan = rules.closing_plan(d.store, d.admin, "1301")
    assert (plan.loans, plan.holds, plan.transit, plan.members, plan.copies) == (2, 1, 0, 1, 2) and plan.blocked
    with pytest.raises(ValidationError) as err:
        rules.close_centre(d.store, d.admin, "1301", into="13", on=CLOSED_ON)
    assert err.value.field == "code" and err.value.params == {"loans": 2, "holds": 1, "transit": 0}
    assert rules.closing_plan(d.store, d.admin, "1301").centre.closed_on is None  # nothing written
    assert homes(d) == ({"1301"}, {"1301"})


def test_closing_moves_members_and_copies_in_one_step_and_the_centre_is_chosen_for_nothing_new(centre: Lib) -> None:
    d = centre
    there = actor_at(d.admin, "1301")
    circ.checkout(d.store, there, d.child.member_no, "C1301", today=TODAY)
    circ.checkin(d.store, there, "C1301", today=TODAY)
    librarian = Actor(d.admin.user_id, d.admin.username, d.admin.full_name, "13", frozenset({"librarian"}))
    with pytest.raises(PermissionDenied):
        rules.close_centre(d.store, librarian, "1301", into="13")
    for into, field in (("", "into"), ("1301", "into"), ("99", "into")):
        with pytest.raises(ValidationError) as err:
            rules.close_centre(d.store, d.admin, "1301", into=into, on=CLOSED_ON)
        assert err.value.field == field
    closed = rules.close_centre(d.store, d.admin, "1301", into="13", on=CLOSED_ON)
    assert (closed.closed_on, closed.closed_into) == (CLOSED_ON, "13")
    assert homes(d) == ({"13"}, {"13"})
    assert "1301" not in dict(rules.list_centres(d.store, open_only=True))
    assert "1301" in dict(rules.list_centres(d.store))  # its past still names it
    with pytest.raises(ValidationError) as err:
        rules.close_centre(d.store, d.admin, "1301", into="13")
    assert err.value.field == "code"
    # nothing new names it: a member, a copy, a hold's pick-up, a loan at its desk, a copy sent to it
    for call, field in (
            (lambda: lib.register_member(d.store, d.admin, lib.MemberInput(
                first_name="سارا", last_name="نوری", national_id=NATIONAL_IDS[3], category="adult",
                phone="09351112233", home_centre="1301"), today=TODAY), "home_centre"),
            (lambda: lib.add_copy(d.store, d.admin, d.title.id, barcode="C1309", home_centre="1301"), "home_centre"),
            (lambda: circ.place_hold(d.store, d.admin, d.adult.member_no, d.title.id, pickup_centre="1301",
                                    today=TODAY), "pickup_centre"),
            (lambda: circ.checkout(d.store, there, d.adult.member_no, "C1302", today=TODAY), "centre"),
            (lambda: circ.send_copy(d.store, d.admin, "C1302", "1301"), "centre")):
        with pytest.raises(ValidationError) as err:
            call()
        assert err.value.field == field and err.value.params == {"name": "مرکز فرهنگی هنری شماره 3"}
    # the reports of a period before the close keep its loan under its name
    assert [(c.key, c.label, c.count) for c in active_centres(d.store, TODAY, CLOSED_ON)] == [
        ("1301", "مرکز فرهنگی هنری شماره 3", 1)]


def test_closing_may_withdraw_the_copies_instead_saying_why(centre: Lib) -> None:
    d = centre
    with pytest.raises(ValidationError) as err:
        rules.close_centre(d.store, d.admin, "1301", into="13", withdraw_copies=True, on=CLOSED_ON)
    assert err.value.field == "reason"
    rules.close_centre(d.store, d.admin, "1301", into="13", withdraw_copies=True, reason="فرسوده؛ مرکز بسته شد",
                       on=CLOSED_ON)
    with d.store.read() as s:
        assert {(c.home_centre, c.status) for c in s.query(Copy) if c.barcode.startswith("C130")} == {
            ("1301", "withdrawn")}
    assert homes(d)[0] == {"13"}



def test_a_closed_centre_s_copies_are_on_their_way_to_the_centre_they_move_to_until_scanned_there(
        centre: Lib) -> None:
    """Its books are carried to the other centre, as a copy given to another centre for good is: on
    that centre's list of copies on their way (not yet on its shelf, not lent from it) until its
    desk reads each in."""
    d = centre
    rules.close_centre(d.store, d.admin, "1301", into="13", on=CLOSED_ON)
    coming = transit.in_transit_to(d.store, "13")
    assert sorted((x.barcode, x.reason, x.from_centre) for x in coming) == [
        ("C1301", "moved", "1301"), ("C1302", "moved", "1301")]
    assert {lib.get_copy(d.store, b).status for b in ("C1301", "C1302")} == {"in_transit"}
    got = circ.checkin(d.store, d.admin, "C1301", today=TODAY)  # read in at 13's desk
    assert got.loan is None and got.notes == ["received"]
    here = lib.get_copy(d.store, "C1301")
    assert (here.status, here.location, here.home_centre) == ("on_shelf", "13", "13")
    assert [x.barcode for x in transit.in_transit_to(d.store, "13")] == ["C1302"]


def test_a_closed_centre_s_lost_copies_are_counted_and_may_be_written_off_not_moved(centre: Lib) -> None:
    """A lost copy of the centre closed went to the other centre as its lost copy, counted among the
    copies moved and named nowhere; the plan counts it, and the admin may write it off instead."""
    d = centre
    lib.mark_copy_lost(d.store, d.admin, "C1302", today=TODAY)
    plan = rules.closing_plan(d.store, d.admin, "1301")
    assert (plan.copies, plan.lost) == (2, 1) and not plan.blocked
    rules.close_centre(d.store, d.admin, "1301", into="13", withdraw_lost=True, on=CLOSED_ON)
    with d.store.read() as s:
        assert {c.barcode: (c.home_centre, c.status) for c in s.query(Copy) if c.barcode.startswith("C130")} == {
            "C1301": ("13", "in_transit"), "C1302": ("1301", "withdrawn")}


def test_a_centre_whose_copies_are_all_lost_and_written_off_needs_no_centre_to_move_to(tmp_path: Path) -> None:
    d = make_library(tmp_path)
    rules.add_centre(d.store, d.admin, "1301", "مرکز فرهنگی هنری شماره ۳")
    lib.add_copy(d.store, d.admin, d.title.id, barcode="C1301", home_centre="1301")
    lib.mark_copy_lost(d.store, d.admin, "C1301", today=TODAY)
    with pytest.raises(ValidationError) as err:  # moved as a lost copy, it needs a centre
        rules.close_centre(d.store, d.admin, "1301", on=CLOSED_ON)
    assert err.value.field == "into"
    rules.close_centre(d.store, d.admin, "1301", withdraw_lost=True, on=CLOSED_ON)
    assert lib.get_copy(d.store, "C1301").status == "withdrawn"
